"""Light and darkness: what a dark place hides, what a lamp shows, and light as a state
that changes in play and that world conditions can read."""

from __future__ import annotations

from tests.helpers import play

from kage.session import Session
from kage.world import scope
from kage.world.conditions import holds


def test_a_dark_place_is_darkness_and_hides_what_is_there(home: Session) -> None:
    text = play(home, "down")
    assert text == "Darkness\nIt is pitch dark, and you can't see a thing."
    assert "rat" not in text and "Damp stone" not in text
    taken = home.step("take rat")[0]  # the dark, not a missing rat, is why
    assert taken.text == "It is too dark to see any such thing." and not taken.failure
    assert "nothing to take" in play(home, "take all")
    assert home.game.state.holder["rat"] == "cellar"


def test_going_works_in_the_dark(home: Session) -> None:
    play(home, "down")
    assert "A draughty hall" in play(home, "up")
    assert home.game.state.holder["hal"] == "hall"


def test_examining_needs_light_even_for_what_you_hold(home: Session) -> None:
    play(home, "take brass key", "down")
    assert play(home, "x brass key") == "It is pitch dark, and you can't see a thing."
    assert "brass key" in play(home, "inventory")  # you still know what you carry


def test_the_scenery_of_a_dark_place_is_not_given_away(home: Session) -> None:
    assert "scenery" not in play(home, "down", "x cobwebs")
    play(home, "up", "take lamp", "turn on lamp", "down")
    assert play(home, "x cobwebs") == "Damp stone and cobwebs."
    assert play(home, "take cobwebs") == "That's hardly portable."


def test_a_carried_lamp_lights_the_dark(home: Session) -> None:
    play(home, "take lamp", "turn on lamp")
    text = play(home, "down")
    assert text.startswith("The cellar\nDamp stone and cobwebs.")
    assert "You can see a rat here." in text
    assert play(home, "take rat") == "Taken."


def test_a_lamp_left_behind_lights_only_where_it_lies(home: Session) -> None:
    play(home, "take lamp", "turn on lamp", "down", "drop lamp")
    assert "You can see a lamp (providing light) and a rat here." in play(home, "look")
    play(home, "up", "down")  # still lit, from the floor
    assert "rat" in play(home, "look")
    play(home, "take lamp", "up")
    assert "Darkness" in play(home, "down", "drop lamp", "turn off lamp", "look")


def test_light_going_and_coming_is_told(home: Session) -> None:
    play(home, "take lamp", "turn on lamp", "down")
    said = play(home, "turn off lamp")
    assert said == "You switch the lamp off.\n\nIt is now pitch dark in here!"
    said = play(home, "turn on lamp")
    assert said.startswith("You switch the lamp on.\n\nThe cellar")


def test_shut_in_a_wardrobe_is_dark_and_the_wardrobe_can_be_felt(home: Session) -> None:
    play(home, "enter wardrobe")
    assert "It is now pitch dark in here!" in play(home, "close wardrobe")
    assert scope.in_darkness(home.game)
    assert "You open the wardrobe." in play(home, "open wardrobe")
    assert not scope.in_darkness(home.game)


def test_a_lamp_in_a_closed_box_gives_no_light(home: Session) -> None:
    play(home, "take lamp", "turn on lamp", "open box", "put lamp in box", "take box", "down")
    assert "rat" in play(home, "look")
    said = play(home, "close box")
    assert "It is now pitch dark in here!" in said
    play(home, "open box")
    assert "rat" in play(home, "look")


def test_darkness_is_a_condition_and_an_effect(home: Session) -> None:
    game = home.game
    assert holds(game, {"dark": False}) and holds(game, {"lit": "hall"})
    assert not holds(game, {"lit": "cellar"}) and not holds(game, {"lit": "lamp"})
    from kage.world import effects

    effects.apply(game, [{"darken": "hall"}])
    assert holds(game, {"dark": True}) and not holds(game, {"lit": "hall"})
    assert "Darkness" in play(home, "look")
    effects.apply(game, [{"light": ["hall", "lamp"]}])
    assert holds(game, {"dark": False}) and holds(game, {"lit": "lamp"})
    assert holds(game, {"switched_on": "lamp"})  # a lamp's switch follows its light
    effects.apply(game, [{"darken": "hall"}])
    assert holds(game, {"dark": False})  # the lamp on the floor still lights it
