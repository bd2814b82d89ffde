"""Foes see the odds change before their eyes: when the player's side in his place grows
(clones out of smoke, freed men at his back), the hostiles standing there who are awake
and watching start, are put on the alert, and lose some nerve. Whether they can see the
player himself is stealth's business; what they see is the crowd.

The count they last saw is kept per place in the record `combat.odds_seen`; it is read
only where the player is, after the morale check, so men who surrender to the new odds
that same turn are not said to spin round first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.core import prose
from kage.core.responses import response
from kage.ext.body import stats
from kage.ext.combat import combat
from kage.systems.registry import every_turn
from kage.world import ops, query

if TYPE_CHECKING:
    from kage.actions.pipeline import Action
    from kage.game import Game

SEEN = "combat.odds_seen"  # record: place -> the player's side there when foes last looked
NERVE = 10  # morale each of them loses at the sight
CROWD = response(
    "combat.odds_changed",
    "{The seers} {spins} round at the sudden crowd on your side, weapons up, counting.",
    "seers",
)


@every_turn("odds_seen", after="morale")
def _odds_seen(game: Game, action: Action, first_event: int) -> None:
    if game.state.done:
        return
    here = query.here(game)
    seen = dict(game.state.records.get(SEEN) or {})
    side = combat.allies(game, here)
    before = seen.get(here, 0)
    if side == before:
        return
    seen[here] = side
    ops.record(game, SEEN, seen)
    if side < before:
        return
    watching = [f for f in combat.standing(game, here) if not query.prop(game, f, "slacking")]
    if not watching:
        return
    combat.alert(game, watching)
    for foe in watching:
        stats.add_stat(game, foe, "morale", -NERVE, 0, 100)
        if not query.prop(game, foe, "roused"):
            ops.set_prop(game, foe, "roused", True)
    game.say(CROWD(game, seers=prose.group(game, watching)))
