"""Enterable things: sitting on a chair, getting into a wardrobe, and getting out again,
by name, by 'exit', 'stand up' or 'out', or on the way somewhere else."""

from __future__ import annotations

from tests.helpers import play

from kage.session import Session


def test_sit_on_a_chair_and_get_off(home: Session) -> None:
    assert play(home, "sit on chair") == "You get onto the chair."
    assert home.game.state.holder["hal"] == "chair"
    assert play(home, "look").startswith("The hall (on the chair)\n")
    assert play(home, "sit on chair") == "But you're already on the chair."
    assert play(home, "get off chair") == "You get off the chair."
    assert home.game.state.holder["hal"] == "hall"
    assert play(home, "get off") == "But you aren't in or on anything at the moment."


def test_exit_stand_up_and_out_get_off_first(home: Session) -> None:
    for leaving in ("exit", "stand up", "out", "get down"):
        play(home, "stand on chair")
        assert play(home, leaving) == "You get off the chair.", leaving
        assert home.game.state.holder["hal"] == "hall"


def test_going_from_a_chair_gets_off_it_first(home: Session) -> None:
    play(home, "sit on chair")
    said = play(home, "down")
    assert said.startswith("(first getting off the chair)\nDarkness")
    assert home.game.state.holder["hal"] == "cellar"


def test_what_cannot_be_entered(home: Session) -> None:
    assert play(home, "sit on table") == "That's not something you can enter."
    play(home, "take lamp")
    assert play(home, "enter lamp") == "That's not something you can enter."
    play(home, "close wardrobe")
    assert play(home, "get in wardrobe") == "You can't get into the closed wardrobe."


def test_shut_in_a_wardrobe(home: Session) -> None:
    assert play(home, "get into wardrobe") == "You get into the wardrobe."
    assert "wardrobe" not in play(home, "look").split("\n")[2]  # not listed around you
    play(home, "close wardrobe")
    assert play(home, "out") == "You can't get out of the closed wardrobe."
    said = play(home, "east")
    assert said == "(first getting out of the wardrobe)\nYou can't get out of the closed wardrobe."
    assert home.game.state.holder["hal"] == "wardrobe"
    play(home, "open wardrobe")
    assert play(home, "get out of wardrobe") == "You get out of the wardrobe."


def test_things_dropped_from_a_chair_land_on_it(home: Session) -> None:
    play(home, "take lamp", "sit on chair", "drop lamp")
    assert home.game.state.holder["lamp"] == "chair"
    play(home, "get off")
    assert play(home, "take chair") == "The chair stays where it is."
    play(home, "sit on chair")
    assert play(home, "take chair") == "You would have to get off the chair first."


def test_entering_a_place_goes_there(home: Session) -> None:
    play(home, "east", "west")
    assert "The kitchen" in play(home, "enter kitchen")
    assert play(home, "enter kitchen") == "You are already there."


def test_getting_off_on_the_way_is_an_action_of_its_own(home: Session) -> None:
    """Its own event: the player leaves the chair for the hall, then the hall."""
    play(home, "sit on chair")
    first = len(home.game.log)
    play(home, "down")
    moves = [
        (e.data["source"], e.data["to"])
        for e in home.game.log[first:]
        if e.kind == "moved" and e.data["entity"] == "hal"
    ]
    assert moves == [("chair", "hall"), ("hall", "cellar")]


def test_shut_in_with_a_lamp_only_the_inside_is_seen(home: Session) -> None:
    play(home, "take lamp", "turn on lamp", "enter wardrobe", "close wardrobe", "drop lamp")
    assert play(home, "look") == "The wardrobe\nYou can see a lamp (providing light) here."
    assert play(home, "take brass key") == "You can't see any such thing."
    assert play(home, "open wardrobe") == "You open the wardrobe."
    assert "A draughty hall." in play(home, "look")


def test_here_in_a_response_is_the_room_not_the_chair(home: Session) -> None:
    from kage.core.responses import response

    said = response("testing.here", "You are in {here}.")
    play(home, "sit on chair")
    assert said(home.game) == "You are in the hall."
