"""Rough handling the core refuses unless the world says otherwise: attack (and break,
smash, hit, kill ...), cut, burn, throw at.

A world with a fighting system gives its own words for attacking people ("attack
{person}" as its knock-out), which win over these; what is left answers politely.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import checks, interactions
from kage.actions.pipeline import Action, rule
from kage.actions.standard import is_person
from kage.core.responses import response

if TYPE_CHECKING:
    from kage.game import Game

ATTACKING = response("attacking.pointless", "Lashing out would not solve this one.")
ATTACKING_YOURSELF = response("attacking.yourself", "Things are not that bad.")
CUTTING = response("cutting.pointless", "Cutting {the noun} would achieve nothing.")
BURNING = response("burning.refused", "Setting fire to things would help nobody here.")
THROWING = response("throwing.futile", "Throwing {the noun} at {the second} would achieve nothing.")
THROWING_AT_PERSON = response(
    "throwing.at_person",
    "You weigh {the noun} in your hand, look at {the second}, and think better of it.",
)

ACTIONS = ("attack", "cut", "burn", "throw_at")


@rule("before", *ACTIONS, order=5)
def world_meaning_first(game: Game, action: Action) -> str | None:
    return interactions.world_meaning(game, action)


@rule("check", "throw_at", order=40)
def must_hold_what_is_thrown(game: Game, action: Action) -> str | None:
    """Even where the world says what throwing means: you throw what you have."""
    return checks.not_held(game, action.noun)


@rule("check", *ACTIONS, order=90)
def block_harm(game: Game, action: Action) -> str | None:
    """Refused with a sentence unless the world gave the verb a meaning here."""
    if interactions.meant(action):
        return None
    if action.name == "attack":
        if action.noun == game.world.player:
            return ATTACKING_YOURSELF(game, action)
        return ATTACKING(game, action)
    if action.name == "cut":
        return CUTTING(game, action)
    if action.name == "burn":
        return BURNING(game, action)
    return (THROWING_AT_PERSON if is_person(game, action.second) else THROWING)(game, action)


@rule("carry_out", *ACTIONS)
def harming(game: Game, action: Action) -> None:
    interactions.run_matching(game, action)


@rule("report", *ACTIONS)
def report_harm(game: Game, action: Action) -> str:
    return interactions.said(action) or ""
