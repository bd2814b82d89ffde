"""Luck: tokens a person wears or carries (a lucky charm, a grandmother's ring) bend chance.

Any check that draws on chance can read `luck` and use `lucky` so the bonus a token gives
is felt in later acts without each of them knowing about the token.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.world import query
from kage.world.conditions import condition

if TYPE_CHECKING:
    from kage.game import Game

LUCK_STEP = 0.05  # each point of luck adds this much to a chance


def luck(game: Game, who: str | None = None) -> int:
    who = who or game.world.player
    return sum(int(query.prop(game, item, "luck", 0) or 0) for item in query.carried(game, who))


def lucky(game: Game, chance: float, who: str | None = None) -> bool:
    """A draw against `chance`, improved by the person's luck (capped at 95%)."""
    return game.random() < min(0.95, chance + LUCK_STEP * luck(game, who))


@condition("luck")
def _luck(game: Game, arg: dict[str, Any]) -> bool:
    """A person's luck (`who` defaults to the player) is at least `min` and at most `max`."""
    value = luck(game, arg.get("who"))
    return value >= arg.get("min", -(10**9)) and value <= arg.get("max", 10**9)


@condition("lucky")
def _lucky(game: Game, arg: float) -> bool:
    """A chance draw, {lucky: 0.3}, made likelier by the player's luck (and never above
    95%)."""
    return lucky(game, float(arg))
