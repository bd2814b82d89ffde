"""Switching devices on and off. A lamp (`light: true`) gives light while it is on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import interactions
from kage.actions.pipeline import Action, rule
from kage.core.responses import response
from kage.world import query, standard

if TYPE_CHECKING:
    from kage.game import Game

UNSWITCHABLE = response("switching_on.unswitchable", "That's not something you can switch.")
ALREADY_ON = response("switching_on.already_on", "That's already on.")
SWITCHED_ON = response("switching_on.done", "You switch {the noun} on.")
ALREADY_OFF = response("switching_off.already_off", "That's already off.")
SWITCHED_OFF = response("switching_off.done", "You switch {the noun} off.")


@rule("check", "switch_on", "switch_off")
def has_a_switch(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    if not game.world.entities[action.noun].switchable:
        return UNSWITCHABLE(game, action)
    on = bool(query.prop(game, action.noun, "switched_on"))
    if action.name == "switch_on" and on:
        return ALREADY_ON(game, action)
    if action.name == "switch_off" and not on:
        return ALREADY_OFF(game, action)
    return None


@rule("carry_out", "switch_on", "switch_off")
def switching(game: Game, action: Action) -> None:
    assert action.noun is not None
    standard.set_switch(game, action.noun, action.name == "switch_on")
    interactions.run_matching(game, action)


@rule("report", "switch_on", "switch_off")
def report_switch(game: Game, action: Action) -> str:
    said = SWITCHED_ON if action.name == "switch_on" else SWITCHED_OFF
    return str(action.data.get("said") or said(game, action))
