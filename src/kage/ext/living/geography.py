"""Geography: settlements, the nations they belong to, and the roads between them.

Settlements are rows of numpy arrays; roads are an undirected graph kept in compressed
rows (CSR), so a news item's arrival everywhere is one shortest-path search from where it
was born. Times are in days.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

DEFAULT_GROUPS = ("people",)  # a living world that names no population groups


def groups_of(data: dict[str, Any]) -> tuple[str, ...]:
    """The world's population groups, in the order written (`population_groups`)."""
    return tuple(data.get("population_groups", {})) or DEFAULT_GROUPS


INF = math.inf


@dataclass
class Geography:
    ids: list[str]
    names: list[str]
    kinds: list[str]
    nation: np.ndarray  # (S,) index into nations
    nations: list[str]
    nation_names: list[str]
    pos: np.ndarray  # (S, 2), for maps
    pop: np.ndarray  # (S, G): people of each population group
    half: np.ndarray  # (S,) days until half the people have heard what arrived
    history: dict[str, np.ndarray]  # subject -> (S,) 0..100
    indptr: np.ndarray  # CSR rows of the road graph
    neighbour: np.ndarray
    days: np.ndarray
    index: dict[str, int] = field(default_factory=dict)
    place_of: dict[str, int] = field(default_factory=dict)  # world place -> settlement
    zone_of: dict[str, int] = field(default_factory=dict)  # world zone -> settlement
    _roads_from: list[list[tuple[int, int, float]]] | None = None  # (road, to, days)
    groups: tuple[str, ...] = DEFAULT_GROUPS  # population groups, the columns of `pop`

    def __post_init__(self) -> None:
        self.index = {s: i for i, s in enumerate(self.ids)}

    @property
    def size(self) -> int:
        return len(self.ids)

    def roads(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(from, to, days) for every road once (from < to)."""
        src = np.repeat(np.arange(self.size), np.diff(self.indptr))
        keep = src < self.neighbour
        return src[keep], self.neighbour[keep], self.days[keep]

    def travel(
        self, origin: int, reach: float = INF, slowness: np.ndarray | None = None
    ) -> np.ndarray:
        """Days of travel from `origin` to every settlement along the roads (Dijkstra);
        INF where it cannot get, or beyond `reach`. `slowness` (one factor >= 1 per
        directed road) lets one piece of news travel a little slower on some roads."""
        slow = slowness.tolist() if slowness is not None else [1.0] * len(self.neighbour)
        return np.array(self.travel_list(origin, reach, slow))

    def travel_list(self, origin: int, reach: float, slow: list[float]) -> list[float]:
        """`travel` in plain floats, with the slowness of each road given as a list."""
        if self._roads_from is None:
            indptr, neighbour = self.indptr.tolist(), self.neighbour.tolist()
            days = self.days.tolist()
            self._roads_from = [
                [(e, neighbour[e], days[e]) for e in range(indptr[n], indptr[n + 1])]
                for n in range(self.size)
            ]
        roads_from = self._roads_from
        dist = [INF] * self.size
        dist[origin] = 0.0
        heap = [(0.0, origin)]
        pop, push = heapq.heappop, heapq.heappush
        while heap:
            d, node = pop(heap)
            if d > dist[node]:
                continue
            for e, to, length in roads_from[node]:
                nd = d + length * slow[e]
                if nd < dist[to] and nd <= reach:
                    dist[to] = nd
                    push(heap, (nd, to))
        return dist

    def settlement_of(self, place: str, zones: tuple[str, ...]) -> int:
        """The settlement a world place belongs to, or -1."""
        found = self.place_of.get(place)
        if found is not None:
            return found
        for zone in zones:
            if zone in self.zone_of:
                return self.zone_of[zone]
        return -1


def csr(size: int, a: np.ndarray, b: np.ndarray, days: np.ndarray) -> tuple[np.ndarray, ...]:
    """Compressed rows of an undirected graph given each edge once."""
    src = np.concatenate([a, b])
    dst = np.concatenate([b, a])
    w = np.concatenate([days, days])
    order = np.lexsort((dst, src))
    src, dst, w = src[order], dst[order], w[order]
    indptr = np.zeros(size + 1, dtype=np.int64)
    np.add.at(indptr, src + 1, 1)
    return np.cumsum(indptr), dst.astype(np.int64), w.astype(float)


def from_data(data: dict[str, Any], durations: Any) -> Geography:
    """Build the map from a world's `nations`, `settlements` and `roads` sections.
    `durations` turns '12h' into minutes."""
    groups = groups_of(data)
    nations = list(data.get("nations", {}).values())
    settlements = list(data.get("settlements", {}).values())
    nation_index = {n["id"]: i for i, n in enumerate(nations)}
    index = {s["id"]: i for i, s in enumerate(settlements)}
    size = len(settlements)
    subjects = sorted({k for s in settlements for k in s.get("history", {})})
    history = {
        k: np.array([s.get("history", {}).get(k, 0.0) for s in settlements]) for k in subjects
    }
    roads = data.get("roads", [])
    a = np.array([index[r["between"][0]] for r in roads], dtype=np.int64)
    b = np.array([index[r["between"][1]] for r in roads], dtype=np.int64)
    days = np.array([float(r["days"]) for r in roads])
    indptr, neighbour, weights = csr(size, a, b, days)
    geo = Geography(
        ids=[s["id"] for s in settlements],
        names=[s["name"] for s in settlements],
        kinds=[s.get("kind", "town") for s in settlements],
        nation=np.array([nation_index[s["nation"]] for s in settlements], dtype=np.int64),
        nations=[n["id"] for n in nations],
        nation_names=[n["name"] for n in nations],
        pos=np.array([list(s["pos"]) for s in settlements], dtype=float).reshape(size, 2),
        pop=np.array(
            [[_people(s, groups).get(g, 0) for g in groups] for s in settlements], dtype=float
        ).reshape(size, len(groups)),
        half=np.array([max(durations(s.get("mixing", "12h")), 1) / 1440 for s in settlements]),
        history=history,
        indptr=indptr,
        neighbour=neighbour,
        days=weights,
        groups=groups,
    )
    for i, s in enumerate(settlements):
        for place in s.get("places", []):
            geo.place_of[place] = i
        for zone in s.get("zones", []):
            geo.zone_of[zone] = i
    return geo


def _people(settlement: dict[str, Any], groups: tuple[str, ...]) -> dict[str, int]:
    """How many of each group live there; none said: a thousand of the first group."""
    return settlement.get("people") or {groups[0]: 1000}
