"""Switchable devices: on and off, refused when there is no switch or nothing to change,
readable by conditions and changed by effects; a lamp's light follows its switch."""

from __future__ import annotations

from tests.helpers import play

from kage.session import Session
from kage.world import effects
from kage.world.conditions import holds


def test_switching_on_and_off(home: Session) -> None:
    game = home.game
    assert holds(game, {"switched_on": "radio"})  # it starts on
    assert play(home, "switch radio on") == "That's already on."
    assert play(home, "turn off radio") == "You switch the radio off."
    assert not holds(game, {"switched_on": "radio"})
    assert play(home, "switch off the radio") == "That's already off."
    assert play(home, "turn radio on") == "You switch the radio on."
    assert play(home, "x radio").endswith("The radio is switched on.")


def test_what_has_no_switch(home: Session) -> None:
    assert play(home, "switch on box") == "That's not something you can switch."
    assert play(home, "turn off table") == "That's not something you can switch."


def test_a_lamps_light_follows_its_switch_and_a_radios_does_not(home: Session) -> None:
    game = home.game
    play(home, "switch on lamp")
    assert holds(game, {"lit": "lamp"})
    play(home, "switch off lamp")
    assert not holds(game, {"lit": "lamp"})
    play(home, "switch off radio", "switch on radio")
    assert not holds(game, {"lit": "radio"})  # on, but it is no light


def test_switch_effects(home: Session) -> None:
    game = home.game
    effects.apply(game, [{"switch_off": "radio"}, {"switch_on": "lamp"}])
    assert not holds(game, {"switched_on": "radio"})
    assert holds(game, {"switched_on": "lamp"}) and holds(game, {"lit": "lamp"})


def test_edible_and_drinkable_are_in_the_model(house) -> None:  # type: ignore[no-untyped-def]
    things = house.entities
    assert things["apple"].edible and not things["apple"].drinkable
    assert things["milk"].drinkable and not things["milk"].edible
    assert not things["lamp"].edible
