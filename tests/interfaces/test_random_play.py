"""Random play from every act: whatever sensible-looking commands a player tries, in any
order, the game answers each one, never raises, and keeps its books: money is neither made
nor lost by trades and thefts, chakra never goes below zero, and the state survives a save."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.helpers import fresh, play, walkthrough

from kage import runtime, worlds
from kage.session import Session
from kage.world import query
from kage.world.state import State

WORLD = worlds.load("banished")
LINES = sorted(
    {line for bucket in runtime.lexicon(WORLD).lines.values() for line in bucket},
    key=lambda ln: ln.pattern,
)
META = {"quit", "restart", "restore", "save", "undo", "again"}  # the session's, not the game's
# where each example starts: the opening, and just before key moments of Acts 2, 3 and 4
CHECKPOINTS = ["look", "sort loot", "sell loot scroll", "in", "knock out tunnel guard", "n"]
WORDS = ["it", "him", "them", "all", "3", "2 hours", "the boy", "north", "kurama", "konoha"]


@pytest.fixture(scope="module")
def starts(tmp_path_factory: pytest.TempPathFactory) -> list[Session]:
    lines = walkthrough("full.txt")
    session = Session(WORLD, saves=tmp_path_factory.mktemp("saves"))
    session.opening()
    found, done = [], 0
    for checkpoint in CHECKPOINTS:
        upto = lines.index(checkpoint, done)
        play(session, *lines[done:upto])
        done = upto
        found.append(fresh(session))
    return found


@st.composite
def commands(draw: st.DrawFn, names: list[str]) -> str:
    """A grammar line of the world, its slots filled with what is around, or odd words."""
    line = draw(st.sampled_from(LINES))
    out = []
    for token in line.tokens:
        if token.words is not None:
            out.append(draw(st.sampled_from(sorted(token.words))))
        else:
            out.append(draw(st.sampled_from(names + WORDS)))
    return " ".join(out)


def _names(session: Session) -> list[str]:
    game = session.game
    seen = query.visible(game) + query.contents(game, game.world.player)
    return sorted({game.world.entities[e].name for e in seen}) or ["nothing"]


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), where=st.integers(0, len(CHECKPOINTS) - 1))
def test_random_play_answers_everything_and_keeps_the_books(
    starts: list[Session], data: st.DataObject, where: int
) -> None:
    session = fresh(starts[where])
    game = session.game
    total = sum(game.state.money.values())
    for _ in range(data.draw(st.integers(4, 14))):
        line = data.draw(commands(_names(session)))
        if line.split()[0] in META:
            continue
        steps = session.step(line)
        assert steps and all(s.text.strip() for s in steps), line
        game = session.game
        assert sum(game.state.money.values()) == total, line
        for who, props in game.state.props.items():
            assert props.get("chakra", 0) >= 0, (line, who)
    saved = game.state.dumps()
    assert State.from_json(json.loads(saved)).dumps() == saved
