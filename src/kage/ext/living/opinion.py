"""Opinion: what each population group of each settlement thinks of a target.

Targets are factions (the Leaf), subjects of news (Naruto), and "mood" (celebrating or
mourning). Opinion is a starting value plus what each piece of news did to it, weighted by
the share of the settlement that has heard it and, for passing feelings, fading with a
half-life. That is a closed form in time, so opinion at any day (and plots of it over a
year) cost one vectorised expression, whatever the simulation did in between. Values are
not clamped, so the sum stays linear and a faction's view can be updated impact by impact;
the data keeps them within -100..100.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from kage.ext.living.geography import INF, Geography
from kage.ext.living.news import Item, Source, fraction


@dataclass
class Opinion:
    targets: list[str]
    base: np.ndarray  # (S, G, T)

    @property
    def index(self) -> dict[str, int]:
        return {t: i for i, t in enumerate(self.targets)}


def base_from_data(geo: Geography, data: dict[str, Any], targets: list[str]) -> Opinion:
    t_index = {t: i for i, t in enumerate(targets)}
    base = np.zeros((geo.size, len(geo.groups), len(targets)))
    nations = list(data.get("nations", {}).values())
    for s, entry in enumerate(data.get("settlements", {}).values()):
        nation = nations[int(geo.nation[s])]
        for layer in (nation.get("opinion", {}), entry.get("opinion", {})):
            for target, value in layer.items():
                if target in t_index:
                    base[s, :, t_index[target]] = value
        for g, group in enumerate(geo.groups):
            for target, value in entry.get("group_opinion", {}).get(group, {}).items():
                if target in t_index:
                    base[s, g, t_index[target]] = value
    return Opinion(targets, base)


def impacts(
    geo: Geography,
    subject: str,
    rules: Iterable[dict[str, Any]],
    targets: dict[str, int],
    durations: Any,
) -> list[tuple[int, np.ndarray, float]]:
    """Compile a news source's impact rules into (target, (S, G) points, half-life)."""
    compiled = []
    for rule in rules:
        if rule["target"] not in targets:
            continue
        points = np.full((geo.size, len(geo.groups)), float(rule["by"]))
        if rule.get("scale") == "history":
            points *= (geo.history.get(subject, np.zeros(geo.size)) / 100.0)[:, None]
        mask = np.ones(geo.size, dtype=bool)
        if rule.get("where") or rule.get("nations"):
            mask[:] = False
            for place in rule.get("where", []):
                mask[geo.index[place]] = True
            for nation in rule.get("nations", []):
                mask |= geo.nation == geo.nations.index(nation)
        for place in rule.get("except", []):
            mask[geo.index[place]] = False
        named = rule.get("groups") or geo.groups
        groups = np.array([g in named for g in geo.groups])
        points *= mask[:, None] * groups[None, :]
        fades = rule.get("fades")
        half_life = durations(fades) / 1440 if fades else INF
        compiled.append((targets[rule["target"]], points, half_life))
    return compiled


def at(
    opinion: Opinion,
    items: Iterable[Item],
    sources: dict[str, Source],
    half: np.ndarray,
    now: float,
) -> np.ndarray:
    """(S, G, T) opinion at day `now`."""
    result = opinion.base.copy()
    for item in items:
        source = sources[item.source]
        if not source.impacts:
            continue
        heard = fraction(item.arrival, now, half)
        for target, points, half_life in source.impacts:
            weight = heard
            if half_life != INF:
                since = np.maximum(now - item.arrival, 0.0)
                weight = heard * np.exp(-math.log(2) * since / half_life)
            result[:, :, target] += points * weight[:, None]
    return result


def by_nation(geo: Geography, values: np.ndarray) -> np.ndarray:
    """Population-weighted mean of (S, G) values per nation -> (N,)."""
    weights = geo.pop
    totals = np.bincount(
        geo.nation, weights=(values * weights).sum(axis=1), minlength=len(geo.nations)
    )
    people = np.bincount(geo.nation, weights=weights.sum(axis=1), minlength=len(geo.nations))
    return np.divide(totals, people, out=np.zeros_like(totals), where=people > 0)
