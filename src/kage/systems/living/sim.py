"""The living world as one simulation object, the same for the campaign's two dozen
settlements and for a synthetic world of ten thousand settlements and a million people.

`Static` is what the world is (map, news sources, factions, treaties, people); `Dynamic`
is what has happened (news items, lives, treaty statuses, the chronicle). A day step is
vectorised over every settlement, person and treaty; the news front and opinion are
closed forms in time, so stepping is only needed for what has memory: lives and treaties.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from kage.systems.living import factions as fx
from kage.systems.living import lives as lv
from kage.systems.living import news, opinion
from kage.systems.living.geography import INF, Geography
from kage.systems.living.news import Item, Source

NEVER = -1.0  # how INF is written in plain-data records (JSON has no infinity)


@dataclass
class Static:
    geo: Geography
    opinion: opinion.Opinion
    sources: dict[str, Source]
    factions: fx.Factions
    treaties: fx.Treaties
    people: lv.People
    extra: dict[str, Any] = field(default_factory=dict)  # world data the game layer reads


@dataclass
class Change:
    day: float
    treaty: int
    status: int
    actor: int


@dataclass
class Dynamic:
    day: int  # last whole day stepped
    items: dict[str, Item]
    lives: lv.Lives
    status: np.ndarray  # (n treaties,) int
    since: np.ndarray  # (n treaties,) day of the last change
    chronicle: list[list[Any]]
    hear: dict[str, np.ndarray] = field(default_factory=dict)  # item -> day each person hears


class Sim:
    def __init__(self, static: Static, dynamic: Dynamic | None = None, seed: int = 0) -> None:
        self.static = static
        self.seed = seed
        self.dyn = dynamic if dynamic is not None else fresh(static)

    # -- news -------------------------------------------------------------------------
    def birth(
        self,
        source_id: str,
        born: float,
        origin: int | None = None,
        item_id: str | None = None,
        text: str = "",
        seed: int | None = None,
    ) -> Item:
        """A piece of news is born: it will reach every settlement in its own time."""
        source = self.static.sources[source_id]
        origin = source.origin if origin is None else origin
        item_id = item_id or source_id
        seed = self.seed if seed is None else seed
        item = news.spread(self.static.geo, item_id, source, origin, born, seed, text)
        self.dyn.items.pop(item_id, None)
        self.dyn.items[item_id] = item
        self.dyn.chronicle.append([born, "news", item_id, self.static.geo.ids[origin]])
        people = self.static.people
        if source.shock and people.size and source.subject == people.subject:
            when = self.hear_times(item)
            # whoever would have heard before the last stepped day hears now
            lv.hear(people, self.dyn.lives, when, source.shock, -INF, float(self.dyn.day))
        return item

    def hear_times(self, item: Item) -> np.ndarray:
        found = self.dyn.hear.get(item.id)
        if found is None:
            people = self.static.people
            geo = self.static.geo
            dtype = self.dyn.lives.grief.dtype
            where = people.settlement
            found = (item.arrival[where] + news.hear_delay(people.rank, geo.half[where])).astype(
                dtype
            )
            self.dyn.hear[item.id] = found
        return found

    def knows(self, item_id: str, now: float) -> np.ndarray:
        item = self.dyn.items.get(item_id)
        if item is None:
            return np.zeros(self.static.geo.size, dtype=bool)
        return item.arrival <= now

    def heard_share(self, item_id: str, now: float) -> np.ndarray:
        item = self.dyn.items.get(item_id)
        if item is None:
            return np.zeros(self.static.geo.size)
        return news.fraction(item.arrival, now, self.static.geo.half)

    # -- opinion and factions -----------------------------------------------------------
    def opinion_at(self, now: float) -> np.ndarray:
        s = self.static
        return opinion.at(s.opinion, self.dyn.items.values(), s.sources, s.geo.half, now)

    def views_at(self, now: float) -> np.ndarray:
        """(F, F) factions' views of each other at day `now`: the views before any news
        plus each impact on a faction, summed over the factions' seat rows only."""
        s = self.static
        fac = s.factions
        if fac.base_views is None:
            fac.base_views = fac.views(s.opinion.base)
        views = fac.base_views.copy()
        column = s.extra.get("faction_column")
        if column is None:
            column = np.full(len(s.opinion.targets), -1, dtype=np.int64)
            column[fac.target] = np.arange(len(fac.ids))
            s.extra["faction_column"] = column
        cache = s.extra.setdefault("impact_rows", {})
        half = s.geo.half[fac.seat_s]
        for item in self.dyn.items.values():
            source = s.sources[item.source]
            if not source.impacts:
                continue
            arrival = item.arrival[fac.seat_s]
            heard = news.fraction(arrival, now, half)
            for i, (target, points, half_life) in enumerate(source.impacts):
                col = column[target]
                if col < 0:
                    continue
                rows = cache.get((source.id, i))
                if rows is None:
                    rows = points[fac.seat_s, fac.seat_g] * fac.seat_w
                    cache[(source.id, i)] = rows
                weight = heard
                if half_life != INF:
                    since = np.maximum(now - arrival, 0.0)
                    weight = heard * np.exp(-math.log(2) * since / half_life)
                views[:, col] += fac.segment_sum(rows * weight)
        return views

    # -- time ---------------------------------------------------------------------------
    def step_to(self, day: int) -> list[Change]:
        """Live every whole day up to `day`; returns the treaties that changed."""
        changes: list[Change] = []
        while self.dyn.day < day:
            changes.extend(self.step())
        return changes

    def step(self) -> list[Change]:
        s, d = self.static, self.dyn
        now = float(d.day + 1)
        people = s.people
        if people.size:
            for item in d.items.values():
                source = s.sources[item.source]
                if source.shock and source.subject == people.subject:
                    lv.hear(people, d.lives, self.hear_times(item), source.shock, now - 1, now)
            lv.day(people, d.lives, now)
        changes: list[Change] = []
        if len(d.status):
            views = self.views_at(now)
            new, actor = fx.evaluate(s.factions, s.treaties, views, d.status)
            for t in np.flatnonzero(new != d.status):
                changes.append(Change(now, int(t), int(new[t]), int(actor[t])))
            if changes:
                d.status = new
                for change in changes:
                    d.since[change.treaty] = now
                    self._treaty_news(change)
        d.day += 1
        return changes

    def _treaty_news(self, change: Change) -> None:
        s = self.static
        tid = s.treaties.ids[change.treaty]
        actor = s.factions.ids[change.actor] if change.actor >= 0 else ""
        state = fx.STATUS[change.status]
        self.dyn.chronicle.append([change.day, "treaty", tid, state, actor])
        source_id = f"treaty:{tid}"
        told = s.treaties.told[change.treaty]
        if told and change.status != fx.ACTIVE and source_id in s.sources and change.actor >= 0:
            origin = int(s.factions.seat[change.actor])
            self.birth(source_id, change.day, origin, f"{source_id}:{state}", told)

    def income(self) -> np.ndarray:
        return fx.income(self.static.factions, self.static.treaties, self.dyn.status)

    def nbytes(self) -> dict[str, int]:
        """Memory held per part, in bytes."""
        hear = sum(a.nbytes for a in self.dyn.hear.values())
        items = sum(i.arrival.nbytes + i.version.nbytes for i in self.dyn.items.values())
        return {
            "people": self.static.people.nbytes() + self.dyn.lives.nbytes() + hear,
            "settlements": self.static.geo.pos.nbytes * 4 + self.static.opinion.base.nbytes + items,
            "factions": self.static.factions.seat_w.nbytes * 4,
        }


def fresh(static: Static) -> Dynamic:
    people = static.people
    start = static.extra.get("lives_start")
    size = people.size
    dtype = static.extra.get("dtype", float)
    if start is None:
        start = {
            "grief": np.zeros(size),
            "resilience": np.full(size, 0.5),
            "skill": np.zeros(size),
        }
    lives = lv.Lives(
        grief=np.asarray(start["grief"], dtype=dtype).copy(),
        resilience=np.asarray(start["resilience"], dtype=dtype).copy(),
        skill=np.asarray(start["skill"], dtype=dtype).copy(),
        heard=lv.empty_heard(size, dtype),
    )
    n = len(static.treaties.ids)
    return Dynamic(
        day=-1,
        items={},
        lives=lives,
        status=np.zeros(n, dtype=np.int64),
        since=np.zeros(n),
        chronicle=[],
    )


# -- plain data -------------------------------------------------------------------------


def _plain(values: np.ndarray) -> list[float]:
    return [v if math.isfinite(v) else NEVER for v in values.tolist()]


def _array(values: list[float]) -> np.ndarray:
    a = np.array(values, dtype=float)
    a[a == NEVER] = INF
    return a


def to_record(dyn: Dynamic, extra: dict[str, Any]) -> dict[str, Any]:
    """The dynamic state as plain lists and numbers (cheap to copy, exact in JSON)."""
    return {
        "day": dyn.day,
        "items": [
            [i.id, i.source, i.born, i.origin, _plain(i.arrival), i.version.tolist(), i.text]
            for i in dyn.items.values()
        ],
        "grief": dyn.lives.grief.tolist(),
        "resilience": dyn.lives.resilience.tolist(),
        "skill": dyn.lives.skill.tolist(),
        "heard": _plain(dyn.lives.heard),
        "status": dyn.status.tolist(),
        "since": dyn.since.tolist(),
        "chronicle": list(dyn.chronicle),
        **extra,
    }


def from_record(record: dict[str, Any]) -> Dynamic:
    items = {}
    for item_id, source, born, origin, arrival, version, text in record["items"]:
        items[item_id] = Item(
            item_id, source, born, origin, _array(arrival), np.array(version, dtype=np.int64), text
        )
    return Dynamic(
        day=record["day"],
        items=items,
        lives=lv.Lives(
            grief=np.array(record["grief"], dtype=float),
            resilience=np.array(record["resilience"], dtype=float),
            skill=np.array(record["skill"], dtype=float),
            heard=_array(record["heard"]),
        ),
        status=np.array(record["status"], dtype=np.int64),
        since=np.array(record["since"], dtype=float),
        chronicle=list(record["chronicle"]),
    )
