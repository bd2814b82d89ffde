"""What you might do to someone that the core refuses unless the world says otherwise:
kiss (embrace, hug), wake, show.

Showing a thing to a person changes nothing by default; a world gives it a meaning with
an interaction (verb "show", the thing, and the person as `second`), or else its "give"
interaction for the same thing and person answers; a trade extension turns showing wares
to a merchant into an appraisal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import checks, interactions
from kage.actions.pipeline import Action, rule
from kage.actions.standard import is_person
from kage.core.responses import response

if TYPE_CHECKING:
    from kage.game import Game

KISSING_YOURSELF = response("kissing.yourself", "That would take some doing.")
KISSING_THING = response("kissing.thing", "You kiss {the noun}. Nothing kisses you back.")
KISSING = response("kissing.person", "{The noun} would not welcome that just now.")
WAKING_YOURSELF = response("waking.yourself", "You are as awake as you are going to get.")
WAKING_THING = response("waking.thing", "Only the living can be woken.")
WAKING = response("waking.no_need", "There is no need to wake {the noun}.")
SHOWING = response("showing.unimpressed", "You show {the noun} to {the second}, to no effect.")

ACTIONS = ("kiss", "wake", "show")


@rule("before", *ACTIONS, order=5)
def world_meaning_first(game: Game, action: Action) -> str | None:
    return interactions.world_meaning(game, action)


@rule("before", "show", order=6)
def showing_answers_as_giving(game: Game, action: Action) -> str | None:
    """A world that wrote what a person says when given a thing, and nothing for being
    shown it, has that answer for showing too (as before show was an action of its own);
    a `show` interaction, when there is one, is what answers."""
    if interactions.meant(action):
        return None
    offered = Action("give", action.noun, action.second, actor=action.actor)
    inter, refusal = interactions.find(game, offered)
    if inter is None:
        return refusal or None
    action.data[interactions.MEANT] = inter
    return None


@rule("check", "show", order=40)
def must_hold_what_is_shown(game: Game, action: Action) -> str | None:
    """Even where the world says what showing means: you show what you have."""
    return checks.not_held(game, action.noun)


@rule("check", "show", order=45)
def someone_to_show_it_to(game: Game, action: Action) -> str | None:
    if interactions.meant(action):
        return None
    return checks.not_person(game, action.second, "show things to")


@rule("check", *ACTIONS, order=90)
def block_people(game: Game, action: Action) -> str | None:
    """Refused with a sentence unless the world gave the verb a meaning here."""
    if interactions.meant(action):
        return None
    if action.name == "show":
        return SHOWING(game, action)
    yours = action.noun == game.world.player
    if action.name == "kiss":
        if yours:
            return KISSING_YOURSELF(game, action)
        return (KISSING if is_person(game, action.noun) else KISSING_THING)(game, action)
    if yours:
        return WAKING_YOURSELF(game, action)
    return (WAKING if is_person(game, action.noun) else WAKING_THING)(game, action)


@rule("carry_out", *ACTIONS)
def meeting(game: Game, action: Action) -> None:
    interactions.run_matching(game, action)


@rule("report", *ACTIONS)
def report_meeting(game: Game, action: Action) -> str:
    return interactions.said(action) or ""
