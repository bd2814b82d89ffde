"""Diagnose (also STATUS, STATS, HEALTH): how the player is, out of the story's time.

Each extension that keeps something about a body adds its own report line (the body's
statuses and hunger, an energy pool, training's skills) and marks the action as
answered; when nothing did, the core says the player is well.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.pipeline import Action, rule
from kage.core.responses import response

if TYPE_CHECKING:
    from kage.game import Game

ANSWERED = "diagnosed"  # action.data key: some extension has said something
WELL = response("diagnosing.well", "You are in good health.")


def answered(action: Action) -> None:
    """Mark that an extension has reported on the player."""
    action.data[ANSWERED] = True


@rule("carry_out", "diagnose")
def no_time(game: Game, action: Action) -> None:
    action.minutes = 0


@rule("report", "diagnose", order=90)
def well(game: Game, action: Action) -> str:
    return "" if action.data.get(ANSWERED) else WELL(game, action)
