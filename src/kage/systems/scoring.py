"""Milestones and the score."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.world import ops
from kage.world.effects import effect

if TYPE_CHECKING:
    from kage.game import Game


@effect("milestone")
def _milestone(game: Game, arg: str) -> None:
    """{milestone: id}: reach a milestone once; the player is told the score rose."""
    if ops.reach_milestone(game, arg):
        points = game.world.milestones[arg].points
        if points:
            word = "point" if points == 1 else "points"
            game.notice(f"[Your score has gone up by {points} {word}.]")
