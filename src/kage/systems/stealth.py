"""Stealth and perception: who notices whom.

The same predicate serves every system that asks "was it seen?": a guard spotting the
player, a boy noticing he is followed, a pickpocket caught. An observer must be in the
place, awake, and able to see the subject (not invisible); then perception, scaled by
the place's light, plus a seeded draw, is set against the subject's stealth and luck.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.systems import fortune, stats
from kage.systems.status import effective
from kage.world import query
from kage.world.conditions import condition

if TYPE_CHECKING:
    from kage.game import Game

ASLEEP = ("unconscious", "asleep", "dead")


def light(game: Game, place: str) -> float:
    return float(game.world.entities[place].props.get("light", 1.0))


def aware(game: Game, observer: str, place: str) -> bool:
    """The observer is at `place` and in a state to perceive anything."""
    return query.place_of(game, observer) == place and not any(
        stats.has_status(game, observer, s) for s in ASLEEP
    )


def noticed(game: Game, observer: str, subject: str) -> bool:
    place = query.place_of(game, subject) or ""
    if not aware(game, observer, place) or stats.has_status(game, subject, "invisible"):
        return False
    if query.prop(game, observer, "slacking"):
        return False  # feet up, drinking from the kettle
    seeing = effective(game, observer, "perception", 30) * light(game, place)
    hiding = effective(game, subject, "stealth", 10) + 5 * fortune.luck(game, subject)
    return seeing + game.random() * 40 > hiding + 20


def watchers(game: Game, place: str, subject: str) -> list[str]:
    """Everyone at `place` who notices `subject` now."""
    return [
        e
        for e in query.contents(game, place)
        if e != subject and game.world.entities[e].kind == "person" and noticed(game, e, subject)
    ]


def hostiles(game: Game, place: str) -> list[str]:
    return [
        e
        for e in query.contents(game, place)
        if query.prop(game, e, "hostile")
        and not any(stats.has_status(game, e, s) for s in ("unconscious", "dead", "bound"))
    ]


@condition("unseen")
def _unseen(game: Game, arg: Any) -> bool:
    """{unseen: true}: no hostile here notices the player."""
    player = game.world.player
    place = query.here(game)
    return not any(noticed(game, h, player) for h in hostiles(game, place))
