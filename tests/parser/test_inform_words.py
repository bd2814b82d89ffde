"""Every command word of Inform 7's standard grammar is known in every bundled world, and
its reply comes from an action: never "I don't know the word", never "not a verb".

The words are data (tests/data/inform7_verbs.txt, with where they come from). Each word
must begin a line of the core grammar (or be a direction, or a session command such as
SAVE): a world's own phrasing does not count, since every world must have it. In each
world the bare word must get an action's answer or a "What do you want to ...?"
question; and when the word takes more, some grammar line beginning with it, filled in
with things that are here, must run an action that answers in words.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from kage import worlds
from kage.parser.grammar import DIRECTIONS, META
from kage.parser.text import core_grammar
from kage.session import Session
from kage.world import query
from kage.world.model import World

DATA = Path(__file__).parent.parent / "data" / "inform7_verbs.txt"
WORDS = [
    line.strip()
    for line in DATA.read_text().splitlines()
    if line.strip() and not line.startswith("#")
]
QUESTION = re.compile(r"^(What|Who|Where) do you want to \w+\?$")
NOT_KNOWN = ("I don't know the word", "not a verb I recognise", "but not the rest")
FILLERS = {
    "topic": "hello",
    "text": "hello",
    "direction": "north",
    "number": "3",
    "unit": "minutes",
}


@cache
def world(name: str) -> World:
    return worlds.load(name)


def fresh(name: str, saves: Path) -> Session:
    session = Session(world(name), saves=saves)
    session.opening()
    return session


def phrase(session: Session, entity: str) -> str:
    """Words that name `entity` and nothing else here: all its adjectives and a noun."""
    name = session.game.lexicon.names[entity]
    return " ".join([*sorted(name.adjectives), sorted(name.nouns)[0]])


def fillers(session: Session) -> dict[str, str]:
    """A phrase for every slot, naming what is at hand at the start of the story."""
    game = session.game
    player, here = game.world.player, query.here(game)
    seen = [e for e in query.visible(game) if e != player and game.lexicon.names[e].nouns]
    people = [e for e in seen if game.world.entities[e].kind == "person"]
    things = [e for e in seen if game.world.entities[e].kind == "thing"]
    held = [e for e in things if query.is_carried_by(game, e, player)] or things
    someone = phrase(session, people[0]) if people else "me"
    something = phrase(session, things[0]) if things else "me"
    return {
        **FILLERS,
        "person": someone,
        "thing": something,
        "things": phrase(session, held[0]) if held else something,
        "held": phrase(session, held[0]) if held else something,
        "place": phrase(session, here),
        "here": phrase(session, here),
        "toward": phrase(session, next(iter(game.world.entities[here].exits.values())).to),
        "way": phrase(session, next(iter(game.world.entities[here].exits.values())).to),
    }


def filled(pattern: str, slots: dict[str, str]) -> str:
    words = []
    for part in pattern.split():
        if part.startswith("{"):
            words.append(slots[part.strip("{}")])
        else:
            words.append(part.split("|")[0])
    return " ".join(words)


def answers(world_name: str, word: str, saves: Path) -> list[str]:
    """What is wrong with the word in that world (nothing: an empty list)."""
    wrong = []
    if word not in core_grammar() and word not in META and word not in DIRECTIONS:
        wrong.append(f"'{word}' begins no line of the core grammar")
    bare = fresh(world_name, saves).step(word)[0]
    if any(sign in bare.text for sign in NOT_KNOWN) or not bare.text.strip():
        wrong.append(f"'{word}' alone: {bare.text!r}")
    elif not bare.understood and not QUESTION.match(bare.text):
        wrong.append(f"'{word}' alone is not an action's reply: {bare.text!r}")
    if word in META:
        return wrong
    probe = fresh(world_name, saves)
    lines = probe.game.lexicon.lines.get(word, [])
    slotted = [ln for ln in lines if any(t.words is None for t in ln.tokens)]
    if not slotted:
        return wrong
    slots = fillers(probe)
    tried = []
    for line in slotted:
        command = filled(line.pattern, slots)
        step = fresh(world_name, saves).step(command)[0]
        if step.understood and step.text.strip():
            return wrong
        tried.append(f"{command!r}: {step.text!r}")
    wrong.append(f"no line of '{word}' ran an action: {tried[:3]}")
    return wrong


def test_the_word_list_is_inform_s() -> None:
    assert len(WORDS) == len(set(WORDS)) == 161
    assert {"x", "i", "l", "z", "q", "y", "nouns", "superbrief", "squash", "thump"} <= set(WORDS)


@pytest.mark.parametrize("name", worlds.bundled())
def test_every_standard_word_is_known(name: str, tmp_path: Path) -> None:
    problems = {}
    for word in WORDS:
        wrong = answers(name, word, tmp_path / "saves")
        if wrong:
            problems[word] = wrong
    assert not problems, problems
