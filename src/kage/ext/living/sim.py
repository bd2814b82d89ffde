"""The living world as one simulation object, the same for the campaign's two dozen
settlements and for a synthetic world of ten thousand settlements and a million people.

`Static` is what the world is (map, news sources, factions, treaties, people); `Dynamic`
is what has happened (news items, lives, treaty statuses, the chronicle). A day step is
vectorised over every settlement, person and treaty; the news front and opinion are
closed forms in time, so stepping is only needed for what has memory: lives and treaties.

In a small world numpy's cost per call, not the arithmetic, is what a day costs, so what
can be is worked out for several days at once and kept until news changes it: the
treaties' outlook (views are known ahead, so each day's rules become a lookup) and, while
nobody hears anything new, everyone's lives. Both give the very numbers that stepping
day by day would (tests/systems/test_living.py checks that).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from kage.ext.living import factions as fx
from kage.ext.living import lives as lv
from kage.ext.living import news, opinion
from kage.ext.living.geography import INF, Geography
from kage.ext.living.news import Item, Source

NEVER = -1.0  # how INF is written in plain-data records (JSON has no infinity)
AHEAD_DAYS = 8  # days of treaty outcomes and of lives worked out at once (more if asked)
AHEAD_CELLS = 1 << 16  # ... but no more than this many (day, seat row or person) cells
# what is worked out ahead is shared by every game of a world that asks for it from the
# same inputs (a new game's first days are the same in each), up to this many rows of
# people or settlements (the key holds their numbers) and this many entries
SHARED_ROWS = 1024
SHARED_MOST = 256


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
class Outlook:
    """What each treaty would become on each of some coming days, for each status it
    might have then (views follow from the news alone, and treaty news has no impacts,
    so this holds until news with impacts is born). Plain lists: a day is a lookup."""

    first: int  # the day of row 0
    table: list[list[list[int]]]  # [day][status before][treaty] -> status after
    acting: list[list[int]]  # [day][treaty] -> the party that would act

    def covers(self, day: int) -> bool:
        return self.first <= day < self.first + len(self.acting)

    def changes(self, day: int, status: list[int]) -> list[tuple[int, int, int]]:
        """(treaty, new status, party that acted) for each treaty that changes on `day`."""
        after, acting = self.table[day - self.first], self.acting[day - self.first]
        return [
            (t, after[was][t], acting[t]) for t, was in enumerate(status) if after[was][t] != was
        ]


@dataclass
class LivesAhead:
    """Everyone's grief, resilience and skill after each of some coming days, worked out at
    once (`lives.ahead`); rows None: stepped day by day instead (someone hears news in
    those days, or it could not be exact)."""

    first: int
    days: int
    rows: tuple[np.ndarray, np.ndarray, np.ndarray] | None

    def covers(self, day: int) -> bool:
        return self.first <= day < self.first + self.days


@dataclass
class Dynamic:
    day: int  # last whole day stepped
    items: dict[str, Item]
    lives: lv.Lives
    status: np.ndarray  # (n treaties,) int
    since: np.ndarray  # (n treaties,) day of the last change
    chronicle: list[list[Any]]
    # derived, never saved: worked out when first needed, dropped when news is born
    hear: dict[str, np.ndarray] = field(default_factory=dict)  # item -> day each person hears
    hearing: dict[str, tuple[float, float]] = field(default_factory=dict)  # item -> first, last
    outlook: Outlook | None = None  # dropped when news with impacts is born
    lives_ahead: LivesAhead | None = None  # dropped when anyone hears news out of step
    plain: dict[str, tuple[Item, list[Any]]] = field(default_factory=dict)  # items as records


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
        replaced = self.dyn.items.pop(item_id, None)
        self.dyn.items[item_id] = item
        self.dyn.hear.pop(item_id, None)
        self.dyn.hearing.pop(item_id, None)
        before = self.static.sources[replaced.source] if replaced else source
        if source.impacts or before.impacts:
            self.dyn.outlook = None  # the views ahead are not what they were
        if self._shocks_lives(source) or self._shocks_lives(before):
            self.dyn.lives_ahead = None  # nor is who hears what, when
        note(self.dyn.chronicle, [born, "news", item_id, self.static.geo.ids[origin]])
        people = self.static.people
        if self._shocks_lives(source):
            when = self.hear_times(item)
            # whoever would have heard before the last stepped day hears now
            lv.hear(people, self.dyn.lives, when, source.shock, -INF, float(self.dyn.day))
        return item

    def _shocks_lives(self, source: Source) -> bool:
        people = self.static.people
        return bool(source.shock and people.size and source.subject == people.subject)

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
        """(F, F) factions' views of each other at day `now`."""
        return self.views_over(np.array([float(now)]))[0]

    def views_over(self, days: np.ndarray) -> np.ndarray:
        """(D, F, F) factions' views of each other on each of `days`: the views before any
        news plus each impact on a faction, summed over the factions' seat rows only."""
        s = self.static
        fac = s.factions
        if fac.base_views is None:
            fac.base_views = fac.views(s.opinion.base)
        views = np.repeat(fac.base_views[None], len(days), axis=0)
        sums: dict[int, np.ndarray] = {}  # column -> its running sum, impact by impact
        column = s.extra.get("faction_column")
        if column is None:
            column = np.full(len(s.opinion.targets), -1, dtype=np.int64)
            column[fac.target] = np.arange(len(fac.ids))
            s.extra["faction_column"] = column
        cache = s.extra.setdefault("impact_rows", {})
        half = s.geo.half[fac.seat_s]
        now = days[:, None]
        for item in self.dyn.items.values():
            source = s.sources[item.source]
            if not source.impacts:
                continue
            arrival = item.arrival[fac.seat_s]
            heard = news.fraction(arrival, now, half)  # (D, K)
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
                if col not in sums:
                    sums[col] = views[:, :, col].copy()
                sums[col] += np.add.reduceat(rows * weight, fac.starts, axis=1)
        for col, total in sums.items():
            views[:, :, col] = total
        return views

    # -- time ---------------------------------------------------------------------------
    def step_to(self, day: int) -> list[Change]:
        """Live every whole day up to `day`; returns the treaties that changed."""
        changes: list[Change] = []
        while self.dyn.day < day:
            changes.extend(self.step(until=day))
        return changes

    def step(self, until: int = 0) -> list[Change]:
        """Live one day; returns the treaties that changed. `until`: the last day about
        to be lived, so what is worked out ahead covers the whole stretch at once."""
        d = self.dyn
        now = float(d.day + 1)
        if self.static.people.size:
            self._live(d.day + 1, until)
        changes: list[Change] = []
        if len(d.status):
            moved = self._outlook(d.day + 1, until).changes(d.day + 1, d.status.tolist())
            changes = [Change(now, t, status, actor) for t, status, actor in moved]
            if changes:
                status = d.status.copy()
                for change in changes:
                    status[change.treaty] = change.status
                d.status = status
                for change in changes:
                    d.since[change.treaty] = now
                    self._treaty_news(change)
        d.day += 1
        return changes

    def _live(self, day: int, until: int) -> None:
        """Day `day` of everyone's life: from the lives worked out ahead while they last,
        else news heard that day and then the day lived."""
        d = self.dyn
        if d.lives_ahead is None or not d.lives_ahead.covers(day):
            d.lives_ahead = self._lives_ahead(day, until)
        if d.lives_ahead.rows is not None:
            row = day - d.lives_ahead.first
            grief, resilience, skill = d.lives_ahead.rows
            d.lives.grief[:] = grief[row]
            d.lives.resilience[:] = resilience[row]
            d.lives.skill[:] = skill[row]
            return
        people = self.static.people
        now = float(day)
        for item, when, shock in self._shocks():
            first, last = self._hearing(item.id, when)
            if first <= now and last > now - 1:
                lv.hear(people, d.lives, when, shock, now - 1, now)
        lv.day(people, d.lives, now)

    def _lives_ahead(self, day: int, until: int) -> LivesAhead:
        """Lives from `day` on, up to `until` if asked (at least AHEAD_DAYS, at most
        AHEAD_CELLS), as far as the day before anyone next hears news."""
        people = self.static.people
        days = min(max(AHEAD_DAYS, until - day + 1), AHEAD_CELLS // people.size)
        for item, when, _ in self._shocks():
            if days < 2:
                break
            if self._hearing(item.id, when)[1] > day - 1:
                heard_next = _least_above(when, day - 1)
                days = min(days, math.ceil(heard_next) - day)
        if days < 2:
            return LivesAhead(day, max(days, 1), None)
        lives = self.dyn.lives
        key = None
        if people.size <= SHARED_ROWS:
            parts = (lives.grief, lives.resilience, lives.skill, lives.heard)
            key = ("lives", day, days, *(a.tobytes() for a in parts))
            found = _shared(self.static).get(key)
            if found is not None:
                return found  # type: ignore[no-any-return]
        rows = lv.ahead(people, lives, float(day), days)
        if rows is not None:
            for a in rows:
                a.flags.writeable = False  # shared: read, never written
        made = LivesAhead(day, days, rows)
        if key is not None:
            _share(self.static, key, made)
        return made

    def _shocks(self) -> list[tuple[Item, np.ndarray, float]]:
        """(item, when each person hears it, shock) for the news that moves lives."""
        found = []
        for item in self.dyn.items.values():
            source = self.static.sources[item.source]
            if self._shocks_lives(source):
                found.append((item, self.hear_times(item), source.shock))
        return found

    def _hearing(self, item_id: str, when: np.ndarray) -> tuple[float, float]:
        """(first, last) finite hearing time of an item, so the days when nobody new
        hears it cost one comparison."""
        found = self.dyn.hearing.get(item_id)
        if found is None:
            if plain(when):
                times = [t for t in when.tolist() if math.isfinite(t)]
                found = (min(times), max(times)) if times else (INF, -INF)
            else:
                finite = when[np.isfinite(when)]
                found = (float(finite.min()), float(finite.max())) if finite.size else (INF, -INF)
            self.dyn.hearing[item_id] = found
        return found

    def _outlook(self, day: int, until: int) -> Outlook:
        """The treaties' outlook from `day`, worked out anew when it runs out: for the
        days up to `until` if asked, at least AHEAD_DAYS, at most AHEAD_CELLS."""
        d = self.dyn
        if d.outlook is None or not d.outlook.covers(day):
            s = self.static
            rows = len(s.factions.seat_s)
            ahead = min(max(AHEAD_DAYS, until - day + 1), AHEAD_CELLS // max(rows, 1))
            key = None
            if s.geo.size <= SHARED_ROWS:  # the views follow from the news with impacts
                news = tuple(
                    (i.source, i.arrival.tobytes())
                    for i in d.items.values()
                    if s.sources[i.source].impacts
                )
                key = ("outlook", day, ahead, news)
                found = _shared(s).get(key)
                if found is not None:
                    d.outlook = found
                    return found  # type: ignore[no-any-return]
            views = self.views_over(np.arange(day, day + max(ahead, 1), dtype=float))
            table, acting = fx.outcomes(s.factions, s.treaties, views)
            d.outlook = Outlook(day, table.tolist(), acting.tolist())
            if key is not None:
                _share(s, key, d.outlook)
        return d.outlook

    def _treaty_news(self, change: Change) -> None:
        s = self.static
        tid = s.treaties.ids[change.treaty]
        actor = s.factions.ids[change.actor] if change.actor >= 0 else ""
        state = fx.STATUS[change.status]
        note(self.dyn.chronicle, [change.day, "treaty", tid, state, actor])
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


PLAIN = 256  # arrays up to this long (of float64) are read as plain floats: numpy's cost
# per call, not the arithmetic, is what a few numbers cost; the answers are the same


def plain(values: np.ndarray) -> bool:
    """Whether `values` is short enough, and of float64, to work on as plain floats (the
    same IEEE doubles, so the same comparisons, sums and products)."""
    return values.size <= PLAIN and values.dtype == np.float64


def _least_above(values: np.ndarray, floor: float) -> float:
    """The least of `values` above `floor` (there is one)."""
    if plain(values):
        return min(v for v in values.tolist() if v > floor)
    return float(values[values > floor].min())


def _shared(static: Static) -> dict[Any, Any]:
    """What is worked out ahead, by the inputs it was worked out from (see SHARED_ROWS)."""
    return static.extra.setdefault("shared_ahead", {})  # type: ignore[no-any-return]


def _share(static: Static, key: Any, value: Any) -> None:
    shared = _shared(static)
    if len(shared) >= SHARED_MOST:
        shared.clear()
    shared[key] = value


def note(chronicle: list[list[Any]], entry: list[Any]) -> None:
    """Add `entry` ([day, kind, what, ...]) to the chronicle unless the same thing is
    there already (the same news from the same place, the same treaty turning the same
    way by the same hand): the first time it happened is kept. So the chronicle is at
    most one entry per distinct fact of the world, however long the game (a sighting
    repeated every visit made it grow, and every record the game saved copied it whole).
    Readers ask when a thing first happened (telling: has this treaty been broken?)."""
    what = entry[1:]
    if any(old[1:] == what for old in chronicle):
        return
    chronicle.append(entry)


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
    """The dynamic state as plain lists and numbers (cheap to copy, exact in JSON). An
    item never changes once born, so its plain form is made once and shared by records."""
    return {
        "day": dyn.day,
        "items": [_plain_item(dyn, item) for item in dyn.items.values()],
        "grief": dyn.lives.grief.tolist(),
        "resilience": dyn.lives.resilience.tolist(),
        "skill": dyn.lives.skill.tolist(),
        "heard": _plain(dyn.lives.heard),
        "status": dyn.status.tolist(),
        "since": dyn.since.tolist(),
        "chronicle": list(dyn.chronicle),
        **extra,
    }


def _plain_item(dyn: Dynamic, item: Item) -> list[Any]:
    found = dyn.plain.get(item.id)
    if found is None or found[0] is not item:
        plain = [item.id, item.source, item.born, item.origin, _plain(item.arrival)]
        found = (item, [*plain, item.version.tolist(), item.text])
        dyn.plain[item.id] = found
    return found[1]


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
