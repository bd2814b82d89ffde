"""Hazards: mishaps that may happen on arriving somewhere (the `hazards` section), and
the care that avoids them.

Chance is drawn from the world's seeded generator; luck (the necklace) makes a mishap
less likely. A hazard that is `once` happens at most one time.

Care: a hazard's `care` entries are precautions, each a condition (`when`). If one holds
on arrival, the hazard does not happen as written: the player reads that entry's `text`
instead and only its `effects` run (none: avoided; some: softened). The first entry that
holds counts; the chance is not drawn for a hazard care has met, and a `once` hazard that
care avoided can still happen on a later, careless arrival. Event `hazard.avoided`.

Being careful is a state of the player the engine keeps: the status `careful`, given by
the action `take care` ("watch your step", "look where you step", "tread carefully") or by
going in a careful manner ("walk carefully south"), and ended by `hurry` or by going
quickly. It lasts `CARE_SPAN` (or the world's `careful` status's duration), and while it
lasts the player travels half as slowly again (`CARE_PACE`). The condition
`{careful: true}` asks for it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from kage.actions.pipeline import ACTIVITY, MOVED, Action, rule
from kage.core.responses import response
from kage.ext.body import fortune, stats
from kage.ext.body.status import definition, give
from kage.world import effects, query
from kage.world.clock import parse_duration
from kage.world.conditions import condition, holds

if TYPE_CHECKING:
    from kage.game import Game

CAREFUL = "careful"  # the status of a player watching his step
CARE_SPAN = 6 * 60  # how long care lasts if the world's `careful` status gives no duration
CARE_PACE = 1.5  # travel takes this much longer while careful
CARE_WORDS = frozenset({"carefully", "cautiously", "slowly", "warily"})
HASTE_WORDS = frozenset({"quickly"})

TAKING_CARE = response(
    "hazards.taking_care",
    "You slow down and start watching where you put your feet.",
)
ALREADY_CAREFUL = response(
    "hazards.already_careful", "You are already watching every step you take."
)
HURRYING = response(
    "hazards.hurrying", "You stop fussing over every step and lengthen your stride."
)
NOT_CAREFUL = response("hazards.not_careful", "You are not dawdling as it is.")


def careful(game: Game) -> bool:
    return stats.has_status(game, game.world.player, CAREFUL)


def take_care(game: Game) -> None:
    span = definition(game, CAREFUL).get("duration")
    give(game, game.world.player, CAREFUL, parse_duration(span) if span else CARE_SPAN)


def _met(game: Game, hazard: dict[str, Any]) -> dict[str, Any] | None:
    """The first precaution of `hazard` that holds now, if any."""
    return next((c for c in hazard.get("care", []) if holds(game, c.get("when"))), None)


def arrive(game: Game, place: str) -> None:
    for hazard in game.world.data.get("hazards", {}).values():
        if hazard["place"] != place:
            continue
        key = f"hazard:{hazard['id']}"
        if hazard["once"] and key in game.state.fired:
            continue
        if not holds(game, hazard.get("when")):
            continue
        care = _met(game, hazard)
        if care is not None:
            game.emit("hazard.avoided", id=hazard["id"], place=place)
            told = f"hazard-care:{hazard['id']}"
            if care.get("text") and not (care.get("once", True) and told in game.state.fired):
                game.state.fired[told] = game.state.minutes
                game.say(game.render(care["text"]))
            effects.apply(game, care.get("effects", []))
            continue
        chance = max(0.0, hazard["chance"] - fortune.LUCK_STEP * fortune.luck(game))
        if game.random() >= chance:
            continue
        game.state.fired[key] = game.state.minutes
        game.emit("hazard", id=hazard["id"], place=place)
        game.say(game.render(hazard["text"]))
        effects.apply(game, hazard.get("effects", []))


@rule(ACTIVITY, MOVED, after="at_their_pace")  # once whoever comes along has arrived
def mishaps_on_the_way(game: Game, action: Action) -> None:
    if game.world.data.get("hazards") and not game.state.done:
        arrive(game, query.here(game))


# -- care ------------------------------------------------------------------------------
@rule("carry_out", "take_care")
def taking_care(game: Game, action: Action) -> None:
    action.data["already"] = careful(game)
    take_care(game)  # renewed: care lasts from now


@rule("report", "take_care")
def report_care(game: Game, action: Action) -> str:
    return (ALREADY_CAREFUL if action.data["already"] else TAKING_CARE)(game, action)


@rule("carry_out", "hurry")
def hurrying(game: Game, action: Action) -> None:
    action.minutes = 0
    action.data["was"] = careful(game)
    stats.remove_status(game, game.world.player, CAREFUL)  # its `ends` is for wearing off


@rule("report", "hurry")
def report_hurry(game: Game, action: Action) -> str:
    return (HURRYING if action.data["was"] else NOT_CAREFUL)(game, action)


@rule("before", "*", order=5)
def going_in_a_manner(game: Game, action: Action) -> None:
    """How the player said to go (the parser notes it): "walk carefully south",
    "carefully head for the town" is care from now on; "go quickly" ends it."""
    manner = action.data.get("manner")
    if manner in CARE_WORDS:
        take_care(game)
    elif manner in HASTE_WORDS:
        stats.remove_status(game, game.world.player, CAREFUL)


@rule("carry_out", "go", after="travelling")
def careful_pace(game: Game, action: Action) -> None:
    """Watching every step is slower."""
    if careful(game):
        action.minutes = math.ceil(action.minutes * CARE_PACE)


@condition("careful")
def _careful(game: Game, arg: bool) -> bool:
    """{careful: true}: the player is watching his step (see the hazards extension)."""
    return careful(game) == bool(arg)
