"""Stealth and perception: who notices whom.

One predicate serves every system that asks "was it seen?": a guard spotting the player, a
boy noticing he is followed, a pickpocket caught, a witness to news. The observer must be
`aware` (in the place, not asleep, out cold or dead), the subject not invisible, and the
observer not `slacking` (feet up, back turned); then the observer's `perception` (prop,
default 30) scaled by the place's `light` (place prop, 0..1, default 1) plus a seeded draw
is set against the subject's `stealth` (prop, default 10) plus their luck. Statuses'
modifiers count (a rash makes you less stealthy). Every check draws once from the game's
seeded generator, so the same seed and commands give the same sightings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.core import prose
from kage.core.responses import response
from kage.ext.body import fortune, stats
from kage.ext.body.status import effective
from kage.systems.registry import every_turn
from kage.world import ops, query
from kage.world.conditions import condition

if TYPE_CHECKING:
    from kage.actions.pipeline import Action
    from kage.game import Game

LOOK_UP = response("stealth.seen", "{The seers} {looks} up, straight at you.", "seers")

ASLEEP = ("unconscious", "asleep", "dead")  # statuses that leave no one to notice anything
DOWN = ("unconscious", "dead", "bound")  # hostiles in these no longer count as a threat
DRAW = 40  # the spread of the seeded draw
EDGE = 20  # what perception must beat stealth by, before the draw
LUCK = 5  # stealth per point of luck


def light(game: Game, place: str) -> float:
    """How well one sees at `place`: its prop `light` (0 dark .. 1 daylight)."""
    value = query.prop(game, place, "light", 1.0)
    return max(0.0, min(1.0, float(value))) if isinstance(value, int | float) else 1.0


def aware(game: Game, observer: str, place: str) -> bool:
    """Inform's awareness: the observer is at `place` and in a state to perceive."""
    return query.place_of(game, observer) == place and not any(
        stats.has_status(game, observer, s) for s in ASLEEP
    )


def noticed(game: Game, observer: str, subject: str) -> bool:
    """Does `observer` notice `subject` now? (One seeded draw when it comes to chance.)"""
    place = query.place_of(game, subject) or ""
    if observer == subject or not aware(game, observer, place):
        return False
    if stats.has_status(game, subject, "invisible") or query.prop(game, observer, "slacking"):
        return False
    if subject == game.world.player and query.prop(game, observer, "roused"):
        return True  # he saw a comrade fall here: he is looking for whoever did it
    seeing = effective(game, observer, "perception", 30) * light(game, place)
    hiding = effective(game, subject, "stealth", 10) + LUCK * fortune.luck(game, subject)
    return seeing + game.random() * DRAW > hiding + EDGE


def watchers(game: Game, place: str, subject: str) -> list[str]:
    """Everyone at `place` who notices `subject` now, in the place's order."""
    return [
        e
        for e in query.contents(game, place)
        if e != subject and game.world.entities[e].kind == "person" and noticed(game, e, subject)
    ]


def hostiles(game: Game, place: str) -> list[str]:
    """People at `place` with prop `hostile` who are still up (not out cold, dead, bound)."""
    return [
        e
        for e in query.contents(game, place)
        if query.prop(game, e, "hostile") and not any(stats.has_status(game, e, s) for s in DOWN)
    ]


@condition("unseen")
def _unseen(game: Game, arg: Any) -> bool:
    """{unseen: true} (the player's place) or {unseen: mine_tunnel}: no hostile there
    notices the player."""
    player = game.world.player
    place = arg if isinstance(arg, str) else query.here(game)
    return not any(noticed(game, h, player) for h in hostiles(game, place))


@condition("unseen_by")
def _unseen_by(game: Game, arg: str | list[str]) -> bool:
    """{unseen_by: [kai, kotomi]}: none of them notices the player."""
    player = game.world.player
    return not any(noticed(game, who, player) for who in ([arg] if isinstance(arg, str) else arg))


@every_turn("watch", after="training")
def _walking_in(game: Game, action: Action, first_event: int) -> None:
    """Walking in where hostiles stand, the player learns whether they have been seen. The
    draw is peeked at, not spent: the sighting that counts comes with the next action."""
    player = game.world.player
    if game.state.done or not any(
        e.kind == "moved" and e.data.get("entity") == player for e in game.log[first_event:]
    ):
        return
    here = query.here(game)
    foes = [h for h in hostiles(game, here) if not stats.has_status(game, h, "surrendered")]
    if not foes:
        return
    if stats.has_status(game, player, "invisible"):
        game.say("Nobody so much as glances your way.")
        return
    saved = game.state.rng
    try:
        seen = [h for h in foes if noticed(game, h, player)]
    finally:
        game.state.rng = saved
    if not seen:
        game.say("Nobody here has noticed you. Yet.")
        return
    for foe in seen:  # they will come for you, unless you move first (combat reads it)
        if not query.prop(game, foe, "sighted"):
            ops.set_prop(game, foe, "sighted", True)
    game.say(LOOK_UP(game, seers=prose.group(game, seen)))
