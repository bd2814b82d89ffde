"""Theft: a pickpocket's try, decided by sleight of hand against awareness.

When the player walks into the theft's place and its condition holds, the thief bumps
into him. Whether the lift works is the thief's skill against the player's perception,
less if he is lost in thought, plus luck and a seeded draw. The stolen thing is moved to
the thief (so its money goes with it: nothing is created or lost); a companion with sharper
senses may notice what the player did not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.actions.pipeline import ACTIVITY, MOVED, Action, rule
from kage.ext.body import fortune
from kage.ext.body.status import effective
from kage.world import effects, ops, query
from kage.world.conditions import holds

if TYPE_CHECKING:
    from kage.game import Game


def attempt(game: Game, theft: dict[str, Any]) -> bool:
    """Run one theft now. Returns True if the thing was stolen."""
    player = game.world.player
    game.state.fired[f"theft:{theft['id']}"] = game.state.minutes
    game.say(game.render(theft["bump"]))
    alert = effective(game, player, "perception", 40) + 5 * fortune.luck(game)
    if holds(game, theft.get("distracted")) and theft.get("distracted") is not None:
        alert -= theft["distraction"]
    roll = game.random() * 40 - 20
    if alert + roll >= theft["skill"]:
        game.emit("theft.foiled", thief=theft["thief"], target=theft["target"])
        game.say(game.render(theft.get("foiled", "")))
        effects.apply(game, theft.get("foiled_effects", []))
        return False
    ops.move(game, theft["target"], theft["thief"])
    game.emit(
        "theft.stolen", thief=theft["thief"], target=theft["target"], noticer=theft.get("noticer")
    )
    effects.apply(game, theft.get("effects", []))
    return True


@rule(ACTIVITY, MOVED, after=("at_their_pace", "mishaps_on_the_way"))
def pickpockets_at_work(game: Game, action: Action) -> None:
    thefts = game.world.data.get("thefts")
    if not thefts or game.state.done:
        return
    here = query.here(game)
    for theft in thefts.values():
        if theft["place"] != here or f"theft:{theft['id']}" in game.state.fired:
            continue
        if not query.is_carried_by(game, theft["target"], game.world.player):
            continue
        if holds(game, theft.get("when")):
            attempt(game, theft)
