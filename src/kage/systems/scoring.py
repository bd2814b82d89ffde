"""Milestones and the score."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.core.responses import response
from kage.world import ops
from kage.world.effects import effect

if TYPE_CHECKING:
    from kage.game import Game


NOTIFY = response(
    "scoring.notify", "[Your score has just gone up by {points} {unit}.]", "points", "unit"
)


@effect("milestone")
def _milestone(game: Game, arg: str) -> None:
    """{milestone: id}: reach a milestone once; the player is told the score rose,
    unless they asked not to be (NOTIFY OFF)."""
    if ops.reach_milestone(game, arg):
        points = game.world.milestones[arg].points
        if points and game.settings.notify:
            unit = "point" if points == 1 else "points"
            game.notice(NOTIFY(game, points=points, unit=unit))
