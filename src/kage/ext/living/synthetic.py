"""Large synthetic worlds for benchmarks and property tests, built from the same parts
as the campaign's: N settlements scattered on a plane, roads to their nearest neighbours
(plus a chain through them all, so every place can be reached), nations grown around
strongholds, one faction per nation with treaties between neighbours, M people with
bonds, goals and talents, and one piece of shocking news about a hero.
"""

from __future__ import annotations

import numpy as np

from kage.ext.living import factions as fx
from kage.ext.living import lives as lv
from kage.ext.living.geography import Geography, csr
from kage.ext.living.news import Source
from kage.ext.living.opinion import Opinion
from kage.ext.living.sim import Sim, Static

SPEED = 40.0  # km a day, on foot with a cart
SPACING = 30.0  # km between neighbouring settlements, on average
NEIGHBOURS = 3
SUBJECT = "hero"
NEWS = "exile"

GROUPS = ("commoners", "fighters")  # its population groups


def _roads(pos: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Each settlement to its nearest neighbours (searched in a grid of cells), and a
    snake through the cells so the graph is connected."""
    size = len(pos)
    cell = SPACING * 1.5
    cx = (pos[:, 0] // cell).astype(np.int64)
    cy = (pos[:, 1] // cell).astype(np.int64)
    width = int(cx.max()) + 1
    key = cy * width + cx
    order = np.argsort(key, kind="stable")
    sorted_keys = key[order]
    a_parts, b_parts = [], []
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            other = (cy + dy) * width + (cx + dx)
            lo = np.searchsorted(sorted_keys, other, side="left")
            hi = np.searchsorted(sorted_keys, other, side="right")
            span = hi - lo
            most = int(span.max()) if size else 0
            for k in range(most):
                has = span > k
                src = np.flatnonzero(has)
                dst = order[lo[has] + k]
                keep = src != dst
                a_parts.append(src[keep])
                b_parts.append(dst[keep])
    a = np.concatenate(a_parts)
    b = np.concatenate(b_parts)
    dist = np.hypot(*(pos[a] - pos[b]).T)
    # the nearest NEIGHBOURS candidates of each settlement
    by = np.lexsort((dist, a))
    a, b = a[by], b[by]
    first = np.searchsorted(a, np.arange(size))
    rank = np.arange(len(a)) - first[a]
    near = rank < NEIGHBOURS
    a, b = a[near], b[near]
    # a snake through the cells, row by row, joins everything up
    snake_key = cy * width + np.where(cy % 2 == 0, cx, width - 1 - cx)
    snake = np.lexsort((rng.random(size), snake_key))
    a = np.concatenate([a, snake[:-1]])
    b = np.concatenate([b, snake[1:]])
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    pairs = np.unique(lo * size + hi)
    return pairs // size, pairs % size


def _nations(
    pos: np.ndarray, count: int, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    centres = rng.choice(len(pos), count, replace=False)
    nation = np.empty(len(pos), dtype=np.int64)
    chunk = 20_000
    for start in range(0, len(pos), chunk):
        block = pos[start : start + chunk]
        d = ((block[:, None, :] - pos[centres][None, :, :]) ** 2).sum(axis=2)
        nation[start : start + chunk] = d.argmin(axis=1)
    nation[centres] = np.arange(count)
    return nation, centres


def generate(
    settlements: int,
    people: int,
    seed: int = 0,
    nations: int | None = None,
    dtype: type = np.float32,
) -> Sim:
    """A synthetic world with its news already born (day 0) and nothing yet lived."""
    rng = np.random.default_rng(seed)
    size = max(2, settlements)
    side = np.sqrt(size) * SPACING
    pos = rng.random((size, 2)) * side
    a, b = _roads(pos, rng)
    days = np.hypot(*(pos[a] - pos[b]).T) / SPEED + 0.05
    indptr, neighbour, weights = csr(size, a, b, days)
    count = nations or int(np.clip(size // 200, 2, 50))
    nation, centres = _nations(pos, count, rng)
    kinds = ["town"] * size
    for c in centres.tolist():
        kinds[c] = "stronghold"
    commoners = np.round(rng.lognormal(7.0, 1.0, size))
    fighters = np.zeros(size)  # kept in each nation's stronghold
    fighters[centres] = np.round(commoners[centres] * 0.15) + 100
    origin = int(centres[0])
    geo = Geography(
        ids=[f"s{i}" for i in range(size)],
        names=[f"Settlement {i}" for i in range(size)],
        kinds=kinds,
        nation=nation,
        nations=[f"n{i}" for i in range(count)],
        nation_names=[f"Nation {i}" for i in range(count)],
        pos=pos,
        pop=np.stack([commoners, fighters], axis=1),
        half=rng.uniform(0.15, 1.0, size),
        history={},
        indptr=indptr,
        neighbour=neighbour,
        days=weights,
        groups=GROUPS,
    )
    # the hero has been to many places near home, and to a few far away
    from_home = geo.travel(origin)
    visited = rng.random(size) < np.where(from_home < 5.0, 0.3, 0.02)
    history = np.where(visited, rng.uniform(20, 100, size), 0.0)
    history[origin] = 100.0
    geo.history[SUBJECT] = history
    faction_ids = [f"f{i}" for i in range(count)]
    targets = [*faction_ids, SUBJECT, "mood"]
    feeling = rng.uniform(-5, 60, (count, count))  # every treaty starts above its line
    base = np.zeros((size, 2, len(targets)), dtype=dtype)
    base[:, :, :count] = feeling[nation][:, None, :]
    opinion = Opinion(targets, base)
    members = [np.flatnonzero(nation == n).tolist() for n in range(count)]
    seat_f, seat_s, seat_g, seat_w, starts = fx.seats(
        geo, members, [{"commoners": 0.4, "fighters": 0.6}] * count
    )
    factions = fx.Factions(
        ids=faction_ids,
        names=[f"Faction {i}" for i in range(count)],
        seat_f=seat_f,
        seat_s=seat_s,
        seat_g=seat_g,
        seat_w=seat_w,
        starts=starts,
        loyalty=rng.uniform(0, 0.5, count),
        honours=[frozenset({"pact"}) if rng.random() < 0.3 else frozenset() for _ in range(count)],
        income=rng.uniform(20, 100, count),
        seat=centres.astype(np.int64),
        target=np.arange(count, dtype=np.int64),
    )
    treaties = _treaties(factions, nation, a, b, rng)
    hero_faction = 0
    everywhere = np.ones((size, 2))
    by_history = (history / 100.0)[:, None] * np.ones((1, 2))
    mood = np.zeros((size, 2))
    mood[origin] = [30.0, -40.0]
    sources = {
        NEWS: Source(
            id=NEWS,
            subject=SUBJECT,
            origin=origin,
            words=frozenset({SUBJECT, NEWS}),
            reach=np.inf,
            distorts=0.3,
            versions=[(0.0, "The hero was exiled."), (5.0, "They say the hero ran away.")],
            shock=60.0,
            impacts=[
                (hero_faction, -10.0 * everywhere, np.inf),
                (hero_faction, -70.0 * by_history, np.inf),
                (len(targets) - 1, mood, 30.0),
            ],
        )
    }
    crowd = _people(geo, people, from_home < 3.0, rng, dtype)
    static = Static(
        geo=geo,
        opinion=opinion,
        sources=sources,
        factions=factions,
        treaties=treaties,
        people=crowd,
        extra={"dtype": dtype, "lives_start": _start(crowd, rng, dtype)},
    )
    sim = Sim(static, seed=seed)
    sim.dyn.day = 0
    sim.birth(NEWS, 0.0)
    return sim


def _treaties(
    factions: fx.Factions,
    nation: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    rng: np.random.Generator,
) -> fx.Treaties:
    """A treaty between every pair of nations joined by a road, of a random kind."""
    na, nb = nation[a], nation[b]
    cross = na != nb
    lo, hi = np.minimum(na, nb)[cross], np.maximum(na, nb)[cross]
    count = len(factions.ids)
    pairs = np.unique(lo * count + hi)
    kinds = ["alliance", "pact", "trade"]
    entries = []
    for p in pairs.tolist():
        kind = kinds[int(rng.integers(3))]
        x, y = factions.ids[p // count], factions.ids[p % count]
        entries.append(
            {
                "id": f"{x}_{y}_{kind}",
                "kind": kind,
                "between": [x, y],
                "breaks_below": float(rng.uniform(-30, -10)),
                "restores_above": 20.0,
                "value": {x: 5.0, y: 5.0},
            }
        )
    return fx.treaties_from(factions, entries)


def _people(
    geo: Geography, count: int, near: np.ndarray, rng: np.random.Generator, dtype: type
) -> lv.People:
    """Crowds where the people are; a few near the hero's home are bonded to him."""
    weight = geo.pop.sum(axis=1)
    settlement = np.searchsorted(np.cumsum(weight / weight.sum()), rng.random(count))
    settlement = np.minimum(settlement, geo.size - 1).astype(np.int32)
    fighting_share = geo.pop[:, 1] / np.maximum(weight, 1)
    group = (rng.random(count) < fighting_share[settlement]).astype(np.int8)
    bonded = rng.random(count) < np.where(near[settlement], 0.05, 0.002)
    bond = np.where(bonded, rng.uniform(40, 100, count), 0.0).astype(dtype)
    goal = (bonded & (rng.random(count) < 0.7)).astype(np.int8)
    partner = np.full(count, -1, dtype=np.int32)
    trainers = np.flatnonzero(goal == lv.TRAIN)
    trainers = trainers[np.argsort(settlement[trainers], kind="stable")]
    pairs = trainers[: len(trainers) // 2 * 2].reshape(-1, 2)
    same = settlement[pairs[:, 0]] == settlement[pairs[:, 1]]
    partner[pairs[same, 0]] = pairs[same, 1]
    partner[pairs[same, 1]] = pairs[same, 0]
    return lv.People(
        settlement=settlement,
        group=group,
        rank=rng.random(count).astype(dtype),
        bond=bond,
        goal=goal,
        courage=np.where(goal == lv.TRAIN, rng.uniform(0.005, 0.04, count), 0.0).astype(dtype),
        talent=rng.uniform(0.2, 1.5, count).astype(dtype),
        limit=rng.uniform(60, 100, count).astype(dtype),
        partner=partner,
        subject=SUBJECT,
    )


def _start(people: lv.People, rng: np.random.Generator, dtype: type) -> dict[str, np.ndarray]:
    size = people.size
    return {
        "grief": np.zeros(size, dtype=dtype),
        "resilience": rng.uniform(0.1, 0.8, size).astype(dtype),
        "skill": rng.uniform(0, 60, size).astype(dtype),
    }
