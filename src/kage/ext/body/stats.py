"""Numbers and conditions on people and things: skills, stamina, morale, and statuses.

All of it lives in the state's per-entity props, so it is saved, copied and undone with
everything else. A status is a name with the minute it ends (-1: until removed); the
status dict is replaced, never edited in place, because state copies share nested values.
Writers set starting values in an entity's `props` (e.g. ``props: {stamina: 80}``).
"""

from __future__ import annotations

import bisect
import math
from typing import TYPE_CHECKING

from kage.world import ops, query

if TYPE_CHECKING:
    from kage.game import Game

FOREVER = -1


def stat(game: Game, who: str, key: str, default: float = 0) -> float:
    value = query.prop(game, who, key, default)
    return float(value) if isinstance(value, int | float) else default


def set_stat(
    game: Game,
    who: str,
    key: str,
    value: float,
    low: float | None = None,
    high: float | None = None,
) -> float:
    if low is not None:
        value = max(low, value)
    if high is not None:
        value = min(high, value)
    value = round(value, 3)
    if query.prop(game, who, key) != value:
        ops.set_prop(game, who, key, value)
    return value


def add_stat(
    game: Game, who: str, key: str, by: float, low: float | None = 0, high: float | None = None
) -> float:
    """Change a number, clamped (by default never below zero: stamina cannot go negative)."""
    return set_stat(game, who, key, stat(game, who, key) + by, low, high)


def next_end(game: Game, who: str | None = None) -> float:
    """The first minute after now at which some status, anyone's (or `who`'s), runs out
    (inf: none will): until then the clock alone ends no status, so what reads statuses
    and the clock (who is still standing) may be kept until then, or until a prop changes."""
    now = game.state.minutes
    first = math.inf
    if who is not None:
        found = query.prop(game, who, "status")
        for ends in found.values() if isinstance(found, dict) else ():
            if now < ends < first:
                first = ends
        return first
    ends = _ends(game)
    at = bisect.bisect_right(ends, now)
    return ends[at] if at < len(ends) else first


def _ends(game: Game) -> list[int]:
    """Every status's end, sorted, as the props stand (kept while `props_revision` does:
    a status is a prop)."""
    kept = game.kept.get("stats.ends")
    if kept is not None and kept[0] == game.props_revision:
        return kept[1]  # type: ignore[no-any-return]
    changed = game.state.props
    ends: list[int] = []
    for props in changed.values():
        found = props.get("status")
        if isinstance(found, dict):
            ends.extend(found.values())
    for who, found in _defined_statuses(game):
        if "status" not in changed.get(who, ()):
            ends.extend(found.values())
    ends.sort()
    game.kept["stats.ends"] = (game.props_revision, ends)
    return ends


def _defined_statuses(game: Game) -> list[tuple[str, dict[str, int]]]:
    """(entity, statuses) for those whose world definition gives them statuses."""
    found = game.world.runtime.get("stats.defined_statuses")
    if found is None:
        found = [
            (e.id, e.props["status"])
            for e in game.world.entities.values()
            if isinstance(e.props.get("status"), dict) and e.props["status"]
        ]
        game.world.runtime["stats.defined_statuses"] = found
    return found  # type: ignore[no-any-return]


def statuses(game: Game, who: str) -> dict[str, int]:
    """The statuses in force now, name -> minute it ends (-1: until removed)."""
    found = query.prop(game, who, "status")
    if not found:
        return {}  # (the clock is not read for nothing: what is kept by what it read lasts)
    now = game.state.minutes
    return {k: v for k, v in dict(found).items() if v == FOREVER or v > now}


def has_status(game: Game, who: str, name: str) -> bool:
    # asked hundreds of times a turn: look the one status up, build nothing
    found = query.prop(game, who, "status")
    if not isinstance(found, dict) or not found:
        return False
    ends = found.get(name)
    return ends is not None and (ends == FOREVER or ends > game.state.minutes)


def has_any_status(game: Game, who: str, names: tuple[str, ...]) -> bool:
    found = query.prop(game, who, "status")
    if not isinstance(found, dict) or not found:
        return False
    now = game.state.minutes
    for name in names:
        ends = found.get(name)
        if ends is not None and (ends == FOREVER or ends > now):
            return True
    return False


def add_status(game: Game, who: str, name: str, minutes: int | None = None) -> None:
    """Give `who` a status for `minutes` (None: until removed). Its end is scheduled, so
    it ends on time whatever the player does."""
    until = FOREVER if minutes is None else game.state.minutes + max(1, int(minutes))
    current = dict(query.prop(game, who, "status") or {})
    current[name] = until
    ops.set_prop(game, who, "status", current)
    game.emit("status.added", who=who, status=name, until=until)
    if until != FOREVER:
        ops.schedule(game, f"status:{who}/{name}", until)


def remove_status(game: Game, who: str, name: str) -> bool:
    current = dict(query.prop(game, who, "status") or {})
    if name not in current:
        return False
    del current[name]
    ops.set_prop(game, who, "status", current)
    game.emit("status.removed", who=who, status=name)
    return True
