"""Noun phrases at their edges: an answer that is both a word of a name and a position,
answers by number, "all" said twice, questions the parser never asked, and what
nouns.resolve_one tells any caller about a word it does not know. Found by mutation
testing of parser/nouns.py (benchmarks/mutation_survivors_parser_systems.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import opened, play, world_from
from tests.parser.parlour import WORLD

from kage.game import Game
from kage.parser.nouns import UNKNOWN, resolve_one
from kage.parser.parser import parse
from kage.session import Session
from kage.world.model import World

# Two kits, one of them named with a word that is also a position in a list.
KITS = """
world: {id: kits, title: "Kits", intro: "A cupboard of kits.", player: medic}
places:
  - {id: cupboard, name: "the cupboard", nouns: [cupboard], known: true}
people:
  - {id: medic, name: "Medic", nouns: [medic, me], gender: her, at: cupboard}
things:
  - {id: sewing_kit, name: "sewing kit", nouns: [kit], adjectives: [sewing], at: cupboard}
  - {id: aid_kit, name: "first aid kit", nouns: [kit], adjectives: [first, aid],
     at: cupboard}
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="module")
def parlour(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "parlour", WORLD)


@pytest.fixture(scope="module")
def kits(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "kits", KITS)


@pytest.fixture
def session(parlour: World, tmp_path: Path) -> Session:
    return opened(parlour, tmp_path)


def holder(session: Session, entity: str) -> str:
    return session.game.state.holder[entity]


# -- which do you mean ---------------------------------------------------------------------
def test_an_answer_that_names_a_kit_is_a_name_before_a_position(
    kits: World, tmp_path: Path
) -> None:
    """'first' fits the first aid kit's name: that kit, not the first one listed."""
    session = opened(kits, tmp_path)
    question = play(session, "take kit")
    assert question == "Which do you mean, the sewing kit or the first aid kit?"
    play(session, "first")
    assert holder(session, "aid_kit") == "medic"
    assert holder(session, "sewing_kit") == "cupboard"


def test_an_ordinal_that_fits_no_name_is_still_a_position(kits: World, tmp_path: Path) -> None:
    session = opened(kits, tmp_path)
    play(session, "take kit", "second")
    assert holder(session, "aid_kit") == "medic"
    play(session, "drop first aid kit", "take kit", "last")
    assert holder(session, "aid_kit") == "medic"


@pytest.mark.parametrize(
    ("answer", "meant"),
    [("1", "blue_cup"), ("one", None), ("2", "red_cup"), ("two", "red_cup"),
     ("3", "green_cup"), ("three", "green_cup")],
)  # fmt: skip
def test_an_answer_by_number_counts_from_one(
    session: Session, answer: str, meant: str | None
) -> None:
    """'1' is the first cup named; 'one' alone is a word answers leave out ("the red
    one"), so on its own it answers nothing and is read as a new command."""
    play(session, "x cup", answer)
    assert session.game.state.pronouns.get("it") == meant
    assert not session.game.state.question


def test_a_number_past_the_candidates_is_a_new_command(session: Session) -> None:
    play(session, "x cup")
    reply = session.step("4")[0].text
    assert "Which do you mean" not in reply and not session.game.state.question
    assert "it" not in session.game.state.pronouns


def test_a_question_without_candidates_is_ignored(session: Session) -> None:
    """A question in the state that lists no candidates (the parser never asks one) is not
    answered: the line is read as a command of its own."""
    new = "Which do you mean, the red shawl or the red cup?"  # "red" alone, looked at
    session.game.state.question = {"words": ["cup"], "command": "x cup"}
    assert session.step("red")[0].text == new
    session.game.state.question = {"words": ["cup"], "command": "x cup", "candidates": []}
    assert session.step("red")[0].text == new


def test_a_question_that_records_no_earlier_answers_is_answered(session: Session) -> None:
    session.game.state.question = {
        "words": ["cup"],
        "command": "x cup",
        "candidates": ["red_cup", "green_cup"],
    }
    play(session, "green")
    assert session.game.state.pronouns["it"] == "green_cup"
    assert not session.game.state.question


# -- all ---------------------------------------------------------------------------------
def test_all_said_twice_takes_from_the_container_named(session: Session) -> None:
    play(session, "take all of everything from the box")
    assert holder(session, "marble") == "pip"
    assert holder(session, "red_cup") == holder(session, "coins") == "parlour"


def test_all_said_twice_leaves_the_bag_out_of_what_goes_in_it(session: Session) -> None:
    play(session, "take box", "put all of everything in the box")
    assert holder(session, "key") == holder(session, "blue_cup") == "box"
    assert holder(session, "box") == "pip"


# -- for any caller ------------------------------------------------------------------------
def test_resolve_one_names_a_word_it_does_not_know(parlour: World) -> None:
    """The parser names unknown words before it resolves any noun; resolve_one does the
    same for a caller that has not, so "take the moon" never becomes "can't see"."""
    game = Game(parlour, seed=0)
    for slot in ("thing", "person", "place"):
        got = resolve_one(game, slot, ["the", "moon"], "take")
        assert got.error == "I don't know the word 'moon'." and not got.ids
        assert got.understood is False and got.rank == UNKNOWN
    # a known word that fits nothing here is understood, and told differently
    got = resolve_one(game, "thing", ["closet"], "take")
    assert got.error == "You can't see any such thing." and got.understood
    assert parse(game, "take the moon").error == "I don't know the word 'moon'."
