"""A world that passes `kage check` never raises during play.

Every bundled world, and every broken world of tests/content/broken once mended, is played
with a few hundred commands drawn from its own grammar: each line's words, its slots filled
with the names of what is in sight, places, directions, numbers and now and then a word
the world does not know. The session is strict, so an error inside a turn fails the test
instead of being taken back with an apology.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from tests.content.test_broken_worlds import FIXES, mended_world

from kage import runtime, worlds
from kage.parser.grammar import DIRECTIONS, META, Line
from kage.session import Session
from kage.world import query
from kage.world.model import World

COMMANDS = 300
SEEDS = (0, 1, 2)
ODD = ["it", "them", "all", "xyzzy", "the", "2", "north", "everything", "me"]
UNITS = ["minutes", "hours", "days"]


def grammar(world: World) -> list[list[Line]]:
    """The lines the parser knows in this world, in a fixed order, in three groups drawn
    from alike: the world's own verbs, its extensions', the core's (the core has hundreds
    of lines, a world a handful: drawn evenly, the world's would hardly come up)."""
    lines = {line for bucket in runtime.lexicon(world).lines.values() for line in bucket}
    own = {(action, p) for action, patterns in world.verbs.items() for p in patterns}
    groups: list[list[Line]] = [[], [], []]
    for line in sorted(lines, key=lambda line: (line.pattern, line.action)):
        group = 2 if not line.world else 0 if (line.action, line.pattern) in own else 1
        groups[group].append(line)
    return [group for group in groups if group]


def in_sight(session: Session) -> list[str]:
    """The names of what the player can see or carries, and the places they know."""
    game = session.game
    seen = query.visible(game) + query.contents(game, game.world.player)
    names = [game.world.entities[e].name for e in seen]
    places = [e.name for e in game.world.entities.values() if e.kind == "place"]
    return sorted(set(names)) + sorted(set(places))[:6]


def command(rng: random.Random, lines: list[list[Line]], names: list[str]) -> str | None:
    """A command in the shape of one of the lines; None for the session's own commands."""
    line = rng.choice(rng.choice(lines))
    words = []
    for token in line.tokens:
        if token.words is not None:
            words.append(rng.choice(sorted(token.words)))
        elif token.slot == "direction":
            words.append(rng.choice(sorted(DIRECTIONS)))
        elif token.slot == "number":
            words.append(str(rng.randint(1, 3)))
        elif token.slot == "unit":
            words.append(rng.choice(UNITS))
        else:
            words.append(rng.choice(names if rng.random() < 0.8 else ODD))
    text = " ".join(words)
    if words[0] in META or text in META:
        return None  # saving, quitting and restarting are the session's, tested elsewhere
    return text


def survives(world: World, saves: Path, seed: int) -> int:
    """Play COMMANDS random commands; a story that ends starts again. The turns played."""
    rng = random.Random(seed)
    lines = grammar(world)
    session = Session(world, seed=seed, saves=saves, strict=True)
    session.opening()
    played = 0
    while played < COMMANDS:
        line = command(rng, lines, in_sight(session) or ODD)
        if line is None:
            continue
        steps = session.step(line)
        assert steps and all(step.text.strip() for step in steps), (seed, played, line)
        played += 1
        if session.game.state.done:
            session = Session(world, seed=seed + played, saves=saves, strict=True)
            session.opening()
    return played


@pytest.mark.parametrize("name", worlds.bundled())
def test_a_bundled_world_survives_random_play(name: str, tmp_path: Path) -> None:
    world = worlds.load(name)
    for seed in SEEDS:
        assert survives(world, tmp_path, seed) == COMMANDS


@pytest.mark.parametrize("name", sorted(FIXES))
def test_a_mended_world_survives_random_play(name: str, tmp_path: Path) -> None:
    world = mended_world(name, tmp_path / "world")
    for seed in SEEDS:
        assert survives(world, tmp_path / "saves", seed) == COMMANDS
