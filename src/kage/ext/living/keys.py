"""Where the living world keeps its state, and whether a world has one: shared by the
hooks (which must not import numpy) and the simulation's game side (`play`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kage.game import Game

KEY = "living"  # the state's record, and the world's runtime slot for the arrays
OWED = "living.owed"  # game.kept: the minute the living world must catch up to
DAY = 1440


def alive(game: Game) -> bool:
    """Whether this world has a living world at all (no numpy needed to ask)."""
    return bool(game.world.data.get("settlements"))
