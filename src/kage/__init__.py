"""Kage: a story-world engine that plays as interactive fiction."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kage.world.model import World

__version__ = "0.1.0"


def warm_up(*worlds: World | str) -> float:
    """Pay the first step's one-off costs now (imports, per-world caches), so that no
    step of play stalls; returns the milliseconds taken. See kage.warm."""
    from kage.warm import warm_up as warm

    return warm(*worlds)
