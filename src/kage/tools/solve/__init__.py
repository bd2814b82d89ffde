"""`kage solve`: search a world's states for a win, its endings, and its dead ends.

keys: what makes two states the same; candidates: the commands tried; search: the
search within bounds; analysis: what the graph tells a writer; report: how it is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from kage.tools.solve.analysis import Report, analyse
from kage.tools.solve.candidates import Candidates
from kage.tools.solve.search import BEST, BFS, PATIENCE, Bounds, Search

if TYPE_CHECKING:
    from kage.world.model import World

__all__ = ["BEST", "BFS", "Bounds", "Report", "solve"]


def solve(
    world: World,
    seed: int = 0,
    prefix: Iterable[str] = (),
    candidates: Candidates | None = None,
    bounds: Bounds | None = None,
    strategy: str = BFS,
    allowed: frozenset[tuple[int, str]] | None = None,
    stop_on_win: bool = False,
    progress: Callable[[int, int, int], None] | None = None,
    patience: int = PATIENCE,
) -> Report:
    """Search `world` from its opening (after `prefix`) and report what was found."""
    prefix = list(prefix)
    search = Search(
        world,
        seed=seed,
        prefix=prefix,
        candidates=candidates,
        bounds=bounds,
        strategy=strategy,
        allowed=allowed,
        stop_on_win=stop_on_win,
        progress=progress,
        patience=patience,
    )
    return analyse(world, search.run(), seed)
