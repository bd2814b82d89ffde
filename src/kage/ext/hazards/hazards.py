"""Hazards: mishaps that may happen on arriving somewhere (the `hazards` section).

Chance is drawn from the world's seeded generator; luck (the necklace) makes a mishap
less likely. A hazard that is `once` happens at most one time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.pipeline import ACTIVITY, MOVED, Action, rule
from kage.ext.body import fortune
from kage.world import effects, query
from kage.world.conditions import holds

if TYPE_CHECKING:
    from kage.game import Game


def arrive(game: Game, place: str) -> None:
    for hazard in game.world.data.get("hazards", {}).values():
        if hazard["place"] != place:
            continue
        key = f"hazard:{hazard['id']}"
        if hazard["once"] and key in game.state.fired:
            continue
        if not holds(game, hazard.get("when")):
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
