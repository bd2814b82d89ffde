"""What people see the player do in front of them.

Foes see the odds change: when the player's side in his place grows (clones out of
smoke, freed men at his back), the hostiles standing there who are awake and watching
start, are put on the alert, and lose some nerve. Whether they can see the player himself
is stealth's business; what they see is the crowd. The count they last saw is kept per
place in the record `combat.odds_seen`; it is read only where the player is, after the
morale check, so men who surrender to the new odds that same turn are not said to spin
round first.

Whoever is by sees a blow at someone who had given up or lay helpless: they flinch (the
response `combat.cruelty_seen`) and think less of the player (their bond to him drops).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.pipeline import Action, rule
from kage.core import prose
from kage.core.responses import response
from kage.ext.body import stats
from kage.ext.combat import combat
from kage.systems.registry import every_turn
from kage.world import effects, ops, query

if TYPE_CHECKING:
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


# -- a blow at someone who cannot fight back, in front of others --------------------------
CRUELTY = response(
    "combat.cruelty_seen",
    "{The witnesses} {sees} it. {witnesses|He} {flinches}, and {looks} at you differently "
    "after that.",
    "witnesses",
)
CRUELTY_COST = 15  # what each witness's regard for the player loses


def witnesses(game: Game, target: str) -> list[str]:
    """Who sees a blow at `target` in the player's place: the people there awake, save
    the target and those still fighting (they have their own worries)."""
    player = game.world.player
    here = query.here(game)
    fighting = set(combat.standing(game, here))
    return [
        e
        for e in query.contents(game, here)
        if e not in (player, target)
        and combat.person(game, e)
        and e not in fighting
        and not any(stats.has_status(game, e, s) for s in ("unconscious", "asleep", "dead"))
    ]


@rule("report", "knock_out", "kill", order=90)
def cruelty_seen(game: Game, action: Action) -> str | None:
    """Striking a man who had given up, or who lay helpless, is seen by whoever is by:
    they say so with their faces, and think less of the player."""
    data = action.data
    if action.noun is None or not data.get("hit"):
        return None
    if not (data.get("gave_up") or data.get("helpless")):
        return None
    seen = witnesses(game, action.noun)
    if not seen:
        return None
    player = game.world.player
    effects.apply(game, [{"bond": {"from": w, "to": player, "by": -CRUELTY_COST}} for w in seen])
    return CRUELTY(game, action, witnesses=prose.group(game, seen))
