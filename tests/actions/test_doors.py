"""Doors and locks: a closed door is opened on the way, a locked one stops you, keys must
fit, and what is locked and open is a state that conditions and effects read and change."""

from __future__ import annotations

from tests.helpers import play

from kage.actions.pipeline import Action, perform
from kage.session import Session
from kage.world import effects
from kage.world.conditions import holds


def test_a_closed_door_is_opened_on_the_way(home: Session) -> None:
    said = play(home, "east")
    assert said.startswith("(first opening the red door)\nThe kitchen")
    assert home.game.state.holder["hal"] == "kitchen"
    assert holds(home.game, {"open": "red_door"})
    assert play(home, "west").startswith("The hall")  # open now: nothing to say first


def test_a_locked_door_refuses_going_and_opening(home: Session) -> None:
    assert play(home, "north") == "(first opening the study door)\nIt seems to be locked."
    assert home.game.state.holder["hal"] == "hall"
    assert play(home, "open study door") == "It seems to be locked."
    assert holds(home.game, {"closed": "study_door"})


def test_the_wrong_key_is_refused(home: Session) -> None:
    play(home, "take iron key")
    said = play(home, "unlock study door with iron key")
    assert said == "The iron key doesn't fit the study door."
    assert holds(home.game, {"locked": "study_door"})
    assert play(home, "unlock study door") == "What do you want to unlock the study door with?"


def test_the_right_key_unlocks_and_locks(home: Session) -> None:
    play(home, "take brass key")
    assert play(home, "unlock study door") == "(with the brass key)\nYou unlock the study door."
    assert "The study" in play(home, "north")
    play(home, "south")
    assert play(home, "lock study door with brass key") == (
        "First you'd have to close the study door."
    )
    assert play(home, "close study door") == "You close the study door."
    assert play(home, "lock study door with brass key") == "You lock the study door."
    assert holds(home.game, {"locked": "study_door"})
    assert "locked" in play(home, "north")


def test_a_key_must_be_held_and_is_taken_first(home: Session) -> None:
    said = play(home, "unlock study door with brass key")
    assert said == "(first taking the brass key)\nYou unlock the study door."


def test_a_door_is_in_both_places_it_joins(home: Session) -> None:
    play(home, "take brass key", "unlock study door", "north")
    assert play(home, "close door") == "You close the study door."
    assert "locked" not in play(home, "south")  # opened again from this side
    assert "the study door is open" in play(home, "x study door").lower()


def test_a_door_that_does_not_open_says_so(home: Session) -> None:
    play(home, "east")
    assert play(home, "open grate") == "That's not something you can open."
    assert play(home, "up") == "You can't go through the iron grate: it is closed."
    effects.apply(home.game, [{"open": "grate"}])
    assert "The hall" in play(home, "up")


def test_go_to_walks_through_doors_it_can_open_only(home: Session) -> None:
    play(home, "east", "west", "close red door", "north")
    game = home.game
    game.state.visited["study"] = 0
    # next door, the way is the study door, and its lock answers
    assert "It seems to be locked." in play(home, "go to study")
    assert game.state.holder["hal"] == "hall"
    assert play(home, "go to kitchen").startswith("(first opening the red door)")
    assert game.state.holder["hal"] == "kitchen"


def test_doors_are_not_carried_and_are_told_in_the_exits(home: Session) -> None:
    assert play(home, "take red door") == "The red door is fixed in place."
    said = play(home, "look")
    assert "east (through the red door)" in said
    assert "You can see a red door" not in said


def test_entering_a_door_goes_through_it(home: Session) -> None:
    assert "The kitchen" in play(home, "go through red door")
    assert "The hall" in play(home, "enter door")


def test_lock_and_unlock_effects_keep_a_locked_door_closed(home: Session) -> None:
    game = home.game
    effects.apply(game, [{"open": "study_door"}])
    assert holds(game, {"open": "study_door"}) and not holds(game, {"locked": "study_door"})
    effects.apply(game, [{"lock": "study_door"}])
    assert holds(game, {"closed": "study_door"}) and holds(game, {"locked": "study_door"})
    effects.apply(game, [{"unlock": "study_door"}])
    assert perform(game, Action("open", "study_door")).done


def test_a_locked_container_opens_with_its_key(home: Session) -> None:
    play(home, "take brass key", "unlock study door", "north")
    assert play(home, "open chest") == "It seems to be locked."
    assert play(home, "unlock chest") == "(with the brass key)\nYou unlock the chest."
    assert play(home, "open chest") == "You open the chest."


def test_a_verb_means_the_door_it_would_change(home: Session) -> None:
    """Two doors in the hall: "close door" means the open one, "unlock door" the locked
    one (and "open door" has no such hint when both are closed)."""
    play(home, "east", "west", "take brass key")
    assert play(home, "close door") == "You close the red door."
    assert play(home, "open door").startswith("Which do you mean")
    assert play(home, "unlock door") == "(with the brass key)\nYou unlock the study door."
