"""Doing things to things that change nothing unless the world says so: push, pull, turn,
squeeze, rub, wave, swing, set to, climb, tie to, water.

As in Inform, pushing a lever does nothing by itself: the world's data gives it a meaning
(an interaction for the verb and the thing), and then that answers instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import checks, interactions
from kage.actions.pipeline import Action, rule
from kage.actions.standard import fixed, is_person
from kage.core.responses import response

if TYPE_CHECKING:
    from kage.game import Game

YOURSELF = response("handling.yourself", "That would get you nowhere.")

FIXED = {
    "push": response("pushing.fixed", "It won't budge."),
    "pull": response("pulling.fixed", "It won't budge."),
    "turn": response("turning.fixed", "It won't turn."),
}
PERSON = {
    "push": response("pushing.person", "{The noun} would not thank you for that."),
    "pull": response("pulling.person", "{The noun} would not thank you for that."),
    "turn": response("turning.person", "{The noun} would not thank you for that."),
    "squeeze": response("squeezing.person", "{The noun} would not thank you for that."),
    "rub": response("rubbing.person", "{The noun} would not thank you for that."),
    "swing": response("swinging.person", "{The noun} would not thank you for that."),
}
DONE = {
    "push": response("pushing.done", "You push {the noun}. Nothing comes of it.", vague=True),
    "pull": response("pulling.done", "You pull {the noun}. Nothing comes of it.", vague=True),
    "turn": response(
        "turning.done", "You turn {the noun} this way and that. Nothing comes of it.", vague=True
    ),
    "squeeze": response(
        "squeezing.done", "You squeeze {the noun}. Nothing comes of it.", vague=True
    ),
    "rub": response("rubbing.done", "Rubbing {the noun} makes no difference you can see."),
    "wave": response("waving.done", "You wave {the noun} about. Nothing comes of it.", vague=True),
}
PUSHED_AWAY = response("pushing.to_direction", "{The noun} can't be pushed from place to place.")
SWINGING = response("swinging.pointless", "There is nothing to be gained by swinging {the noun}.")
SETTING = response("setting.no_way", "{The noun} can't be set to anything.")
CLIMBING = response("climbing.pointless", "Climbing {the noun} would get you nowhere.")
TYING = response("tying.pointless", "Tying {the noun} to {the second} would get you nowhere.")
TYING_ITSELF = response("tying.to_itself", "You can't tie something to itself.")
WATERING = response("watering.pointless", "Watering {the noun} would do nothing for it.")

ACTIONS = (
    "push",
    "pull",
    "turn",
    "squeeze",
    "rub",
    "wave",
    "swing",
    "set_to",
    "climb",
    "tie",
    "water",
)
BLOCKED = {
    "swing": SWINGING,
    "set_to": SETTING,
    "climb": CLIMBING,
    "tie": TYING,
    "water": WATERING,
}


@rule("before", *ACTIONS, order=5)
def world_meaning_first(game: Game, action: Action) -> str | None:
    return interactions.world_meaning(game, action)


@rule("check", *ACTIONS, order=40)
def can_t_handle_yourself(game: Game, action: Action) -> str | None:
    if interactions.meant(action) or action.noun != game.world.player:
        return None
    return YOURSELF(game, action)


@rule("check", *PERSON, order=45)
def can_t_handle_people(game: Game, action: Action) -> str | None:
    if interactions.meant(action) or not is_person(game, action.noun):
        return None
    return PERSON[action.name](game, action)


@rule("check", *FIXED, order=50)
def can_t_move_what_is_fixed(game: Game, action: Action) -> str | None:
    if interactions.meant(action) or action.noun is None or not fixed(game, action.noun):
        return None
    return FIXED[action.name](game, action)


@rule("check", "push", order=55)
def can_t_push_from_place_to_place(game: Game, action: Action) -> str | None:
    if interactions.meant(action) or not action.direction:
        return None
    return PUSHED_AWAY(game, action)


@rule("check", "wave", order=50)
def can_t_wave_what_is_not_held(game: Game, action: Action) -> str | None:
    """Even where the world says what waving it means: you wave what you have."""
    return checks.not_held(game, action.noun)


@rule("check", "tie", order=50)
def can_t_tie_to_itself(game: Game, action: Action) -> str | None:
    if interactions.meant(action) or action.noun != action.second:
        return None
    return TYING_ITSELF(game, action)


@rule("check", *BLOCKED, order=90)
def block_handling(game: Game, action: Action) -> str | None:
    """Swinging, setting, climbing and tying do nothing unless the world says so."""
    if interactions.meant(action):
        return None
    return BLOCKED[action.name](game, action)


@rule("carry_out", *ACTIONS)
def handling(game: Game, action: Action) -> None:
    if interactions.meant(action):
        interactions.run_matching(game, action)


@rule("report", *ACTIONS)
def report_handling(game: Game, action: Action) -> str:
    said = interactions.said(action)
    if said is not None:
        return said
    return DONE[action.name](game, action)
