"""Containers and supporters: what a closed box hides, what a glass jar shows but keeps,
putting in and on only where it fits, taking from, searching and looking under."""

from __future__ import annotations

from tests.helpers import play

from kage.session import Session


def test_a_closed_box_hides_its_contents(home: Session) -> None:
    assert "marble" not in play(home, "look")
    assert play(home, "take marble") == "You can't see any such thing."
    assert play(home, "look in box") == "You can't see inside, since the oak box is closed."
    assert play(home, "open box") == "You open the oak box, revealing a marble."
    assert play(home, "take marble") == "Taken."


def test_taking_all_from_a_closed_box_takes_nothing(home: Session) -> None:
    assert play(home, "take all from box") == "Marble: You can't reach into the oak box."
    assert home.game.state.holder["marble"] == "box"
    play(home, "down")
    assert play(home, "take all") == "There is nothing to take."  # in the dark
    assert home.game.state.holder["rat"] == "cellar"


def test_a_transparent_jar_shows_but_keeps_its_contents(home: Session) -> None:
    assert "a glass jar (closed; in which is a coin)" in play(home, "look")
    assert play(home, "take coin") == "You can't reach into the glass jar."
    play(home, "open jar")
    assert play(home, "take coin from jar") == "Taken."


def test_putting_in_needs_an_open_container(home: Session) -> None:
    play(home, "take brass key")
    assert play(home, "put key in table") == "You can't put things in the table."
    assert play(home, "put key in box") == "The oak box is closed."
    play(home, "open box")
    assert play(home, "insert key into box") == "You put the brass key in the oak box."
    assert home.game.state.holder["brass_key"] == "box"


def test_putting_on_needs_a_supporter(home: Session) -> None:
    play(home, "take brass key")
    assert play(home, "put key on lamp") == "The lamp is no place to set things."
    assert play(home, "put key on table") == "You put the brass key on the table."
    assert "a table (on which are a brass key and a book)" in play(home, "look")


def test_taking_from_where_it_is_not(home: Session) -> None:
    play(home, "open box")
    assert play(home, "take book from box") == "But the book isn't there now."
    assert play(home, "remove book from table") == "Taken."


def test_searching_lists_what_is_in_or_on(home: Session) -> None:
    assert play(home, "search table") == "On the table is a book."
    play(home, "take book")
    assert play(home, "search table") == "There is nothing on the table."
    play(home, "open box")
    assert play(home, "look inside box") == "In the oak box is a marble."
    play(home, "take marble")
    assert play(home, "search box") == "The oak box is empty."
    assert play(home, "search lamp") == "You find nothing of interest."


def test_looking_under_finds_what_the_world_hid(home: Session) -> None:
    assert play(home, "look under lamp") == "You find nothing of interest."
    assert play(home, "look under mat") == "Under the doormat lies a spare key."
    assert home.game.state.holder["spare_key"] == "hall"
    assert play(home, "look under mat") == "You find nothing of interest."


def test_examining_says_open_closed_and_contents(home: Session) -> None:
    assert play(home, "x box").endswith("The oak box is closed.")
    play(home, "open box")
    assert play(home, "x box").endswith("In the oak box: a marble.")
    assert play(home, "x table").endswith("On the table: a book.")


def test_closing_what_will_not_close(home: Session) -> None:
    assert play(home, "close lamp") == "That's not something you can close."
    assert play(home, "close box") == "That's already closed."
    assert play(home, "open table") == "That's not something you can open."


def test_searching_what_holds_only_scenery_is_not_called_empty(new_session) -> None:  # type: ignore[no-untyped-def]
    session = new_session()  # Banished: the desk holds its paperwork, which is scenery
    assert play(session, "search desk") == "You find nothing of interest."
