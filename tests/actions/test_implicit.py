"""Implicit actions, as Inform's: a refusal whose fix is one standard action runs it first."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import play

from kage import worlds
from kage.session import Session


def test_a_worn_thing_comes_off_before_it_is_hung_up(tmp_path: Path) -> None:
    session = Session(worlds.load("cloak"), seed=0, saves=tmp_path / "saves")
    session.opening()
    play(session, "w")
    text = play(session, "hang cloak on hook")
    assert text.startswith("(first taking off the velvet cloak)\n")
    assert "You put the velvet cloak on the small brass hook." in text
    state = session.game.state
    assert state.holder["cloak"] == "hook"
    assert not state.props.get("cloak", {}).get("worn")


def test_a_thing_within_reach_is_taken_before_it_is_put_somewhere(home: Session) -> None:
    text = play(home, "put iron key on table")
    assert text.startswith("(first taking the iron key)\n")
    assert home.game.state.holder["iron_key"] == "table"


def test_a_fix_that_is_refused_stops_the_action_with_its_own_reason(home: Session) -> None:
    text = play(home, "put doormat on table")
    assert text.startswith("(first taking the doormat)\n")
    assert "stays where it is" in text
    assert home.game.state.holder["mat"] == "hall"


def test_taking_off_is_not_taking_what_is_not_held(home: Session) -> None:
    assert play(home, "take off iron key") == "You aren't wearing that."
    assert home.game.state.holder["iron_key"] == "hall"


def test_examining_lists_only_what_the_description_has_not_told(tmp_path: Path) -> None:
    session = Session(worlds.load("cloak"), seed=0, saves=tmp_path / "saves")
    session.opening()
    play(session, "w", "hang cloak on hook")
    text = play(session, "x hook")
    assert "with a cloak hanging on it" in text
    assert "On the small brass hook" not in text


def test_examining_a_supporter_lists_what_its_description_does_not_name(home: Session) -> None:
    assert "On the table: a book." in play(home, "x table")


def test_the_same_answer_for_several_things_is_said_once(home: Session) -> None:
    assert play(home, "eat keys") == "That isn't something you can eat."
    assert play(home, "take keys") == "Brass key: Taken.\nIron key: Taken."


def test_a_score_change_comes_after_the_list_of_things_taken(new_session) -> None:
    session = new_session()
    play(session, "go to apartment")
    said = play(session, "take everything")
    listing, _, after = said.partition("\n\n")
    assert "[Your score" not in listing and after.startswith("[Your score has just gone up")
    assert listing.count("Taken.") >= 3
