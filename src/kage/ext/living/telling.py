"""How the world's reaction is told in the story: the writer's `told` lines, chosen by
what the simulation says has happened by now (an impact is told once most of the people
in at least half the places it touches have heard; a treaty once it has changed; a life
once it is under way).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from kage.ext.living import lives as lv
from kage.ext.living import news
from kage.ext.living.sim import Sim

HEARD = 0.5


def _touched(sim: Sim, source_id: str, index: int, rule: dict[str, Any]) -> list[int]:
    """The settlements an impact rule touches, as a list of rows (made once per rule, kept
    with the world: a handful of plain numbers read faster than a mask of them)."""
    rows = sim.static.extra.setdefault("told_rows", {})
    found = rows.get((source_id, index))
    if found is None:
        found = np.flatnonzero(_mask(sim, source_id, index, rule)).tolist()
        rows[(source_id, index)] = found
    return found  # type: ignore[no-any-return]


def _mask(sim: Sim, source_id: str, index: int, rule: dict[str, Any]) -> np.ndarray:
    """The settlements an impact rule touches (made once per rule, kept with the world)."""
    masks = sim.static.extra.setdefault("told_masks", {})
    found = masks.get((source_id, index))
    if found is not None:
        return found
    geo = sim.static.geo
    mask = np.ones(geo.size, dtype=bool)
    if rule.get("where") or rule.get("nations"):
        mask[:] = False
        for place in rule.get("where", []):
            mask[geo.index[place]] = True
        for nation in rule.get("nations", []):
            mask |= geo.nation == geo.nations.index(nation)
    for place in rule.get("except", []):
        mask[geo.index[place]] = False
    masks[(source_id, index)] = mask
    return mask


def reaction_lines(data: dict[str, Any], sim: Sim, source_id: str, now: float) -> list[str]:
    item = sim.dyn.items.get(source_id)
    if item is None:
        return []
    lines: list[str] = []
    share = news.fraction(item.arrival, now, sim.static.geo.half).tolist()
    rules = data.get("news_sources", {}).get(source_id, {}).get("impacts", [])
    for index, rule in enumerate(rules):
        told = rule.get("told")
        if not told or told in lines:
            continue
        places = _touched(sim, source_id, index, rule)
        # most of the people in at least half the places it touches have heard
        heard = sum(1 for place in places if share[place] >= HEARD)
        if places and 2 * heard >= len(places):
            lines.append(told)
    treaties = data.get("treaties", {})
    for entry in sim.dyn.chronicle:
        if entry[1] == "treaty" and entry[0] <= now and entry[3] != "in force":
            told = treaties.get(entry[2], {}).get("told", "")
            if told and told not in lines:
                lines.append(told)
    people = sim.static.people
    lives = sim.dyn.lives
    heard, resilience = lives.heard.tolist(), lives.resilience.tolist()
    goal = people.goal.tolist()
    for row, entry in enumerate(data.get("lives", {}).values()):
        told = entry.get("told")
        under_way = goal[row] == lv.TRAIN and heard[row] <= now
        if told and under_way and resilience[row] > lv.PIVOT:
            lines.append(told)
    return lines
