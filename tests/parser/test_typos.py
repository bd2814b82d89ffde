"""Slips of the keyboard: corrected when the command then makes sense, else suggested;
OOPS puts the last unknown word right; a made-up topic is never 'corrected'."""

from __future__ import annotations

from pathlib import Path

import pytest

from kage import worlds
from kage.parser import typos
from kage.session import Session


@pytest.fixture
def session(tmp_path: Path) -> Session:
    played = Session(worlds.load("banished"), 0, saves=tmp_path)
    played.opening()
    return played


def one(session: Session, line: str) -> str:
    (step,) = session.step(line)
    return step.text


def test_a_slip_in_a_noun_is_read_as_the_word_and_said(session: Session) -> None:
    text = one(session, "x necklaec")
    assert text.startswith("(I took 'necklaec' to mean 'necklace'.)")
    assert "crystal" in text


def test_a_slip_in_the_verb_is_read_as_the_verb(session: Session) -> None:
    assert one(session, "exmaine desk").startswith("(I took 'exmaine' to mean 'examine'.)")


def test_swapped_letters_are_one_slip_and_the_nearest_length_wins(session: Session) -> None:
    assert "to mean 'desk'" in one(session, "x deks")


def test_a_word_for_nothing_in_sight_is_neither_corrected_nor_suggested(
    session: Session,
) -> None:
    (step,) = session.step("take the swrod")  # a sword exists, but not here
    assert step.text == "I don't know the word 'swrod'."
    assert step.failure == "parser.unknown_word"


def test_a_correction_that_still_fails_is_only_suggested(session: Session) -> None:
    (step,) = session.step("put the necklaec in the xyzzy")
    assert step.text.startswith("I don't know the word 'necklaec'. Did you mean 'necklace'?")


def test_a_topic_the_game_does_not_know_is_not_corrected(session: Session) -> None:
    assert "I took" not in one(session, "ask tsunade about danzo")


def test_only_two_letter_words_are_never_guessed() -> None:
    assert typos.candidates("teh", ["tea", "the"]) == ["the", "tea"]  # a swap comes first
    assert typos.candidates("bel", ["bell", "bed", "be"]) == ["bed", "be", "bell"]
    assert typos.candidates("te", ["the", "to"]) == []
    assert typos.candidates("dxskx", ["desks"]) == []  # two slips in a short word
    assert typos.candidates("necklaec", ["necklace", "neck"]) == ["necklace"]


def test_oops_puts_the_unknown_word_right(session: Session) -> None:
    one(session, "x swrod")
    assert "crystal" in one(session, "oops necklace")
    assert session.log[-1:] != ["oops necklace"]  # the log replays what was played


def test_oops_with_nothing_to_put_right_says_so(session: Session) -> None:
    assert one(session, "oops desk") == "There is nothing to correct."
    one(session, "x swrod")
    one(session, "look")
    assert one(session, "o desk") == "There is nothing to correct."


def test_a_corrected_command_replays_the_same(session: Session, tmp_path: Path) -> None:
    for line in ("take wallte", "oops wallet", "take necklaec"):
        session.step(line)
    again = Session(session.world, 0, saves=tmp_path / "again")
    again.opening()
    for line in session.log:
        again.step(line)
    assert again.game.state == session.game.state
