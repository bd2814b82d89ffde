"""News: something that happened becomes news born at a place and a time, and travels.

A news item's arrival at each settlement is the shortest travel time from where it was
born (each item goes a little slower on some roads, drawn from its seed), so "does this
town know?" is just `arrival <= now`: no stepping, and a three-week skip costs nothing.
Inside a settlement it goes person to person: the share who have heard follows a logistic
curve from the first traveller (1%) with the town's half-time. The farther from its
origin, the more its telling drifts: each settlement hears the version for its distance.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from kage.ext.living.geography import Geography

FIRST = 0.01  # share of a settlement that hears with the first traveller
LN_ODDS = math.log((1 - FIRST) / FIRST)
SLOWEST = 0.5  # a road may carry a piece of news up to this much slower than a traveller


@dataclass
class Source:
    """A kind of news, from the world's data (static)."""

    id: str
    subject: str
    origin: int
    words: frozenset[str]
    reach: float  # days of travel it carries; INF: everywhere
    distorts: float
    versions: list[tuple[float, Any]]  # (beyond days, text or its variants), sorted
    shock: float = 0.0
    kind: str = "news"  # news | whereabouts | treaty
    impacts: list[tuple[int, np.ndarray, float]] = field(default_factory=list)
    # (opinion target index, (S, G) points at full hearing, half-life in days or INF)


@dataclass
class Item:
    """One piece of news in the world (dynamic): where and when it was born, and when it
    reaches every settlement."""

    id: str
    source: str
    born: float  # day
    origin: int
    arrival: np.ndarray  # (S,) day it arrives, INF never
    version: np.ndarray  # (S,) index into the source's versions
    text: str = ""  # a fixed telling (a treaty's news), instead of versions


def seed_of(*parts: object) -> int:
    """A stable 64-bit seed from parts (Python's hash() of str changes per process)."""
    value = 1469598103934665603
    for ch in "\x1f".join(str(p) for p in parts).encode():
        value = ((value ^ ch) * 1099511628211) & ((1 << 64) - 1)
    return value


SMALL = 256  # settlements up to which a news item's numbers are worked out in plain floats


def spread(
    geo: Geography,
    item_id: str,
    source: Source,
    origin: int,
    born: float,
    seed: int,
    text: str = "",
) -> Item:
    """Give birth to a piece of news: its arrival time and its version everywhere. In a
    small world plain floats do what numpy's calls would cost more to set up, and give the
    very same numbers (the same operations, in the same order)."""
    rng = np.random.default_rng(seed_of(seed, item_id))
    if geo.size <= SMALL:
        return _spread_small(geo, item_id, source, origin, born, rng, text)
    slowness = 1.0 + SLOWEST * rng.random(len(geo.neighbour))
    travel = geo.travel(origin, source.reach, slowness)
    if len(source.versions) > 1:
        drift = 1.0 + source.distorts * rng.random(geo.size) * 2.0
        told = np.where(np.isfinite(travel), travel * drift, 0.0)
        beyond = np.array([b for b, _ in source.versions])
        version = np.clip(np.searchsorted(beyond, told, side="right") - 1, 0, None)
        version = version.astype(np.int64)
    else:  # one telling (or none): the same everywhere, however far it drifted
        version = np.zeros(geo.size, dtype=np.int64)
    return Item(item_id, source.id, born, origin, born + travel, version, text)


def _spread_small(
    geo: Geography,
    item_id: str,
    source: Source,
    origin: int,
    born: float,
    rng: np.random.Generator,
    text: str,
) -> Item:
    slowness = [1.0 + SLOWEST * r for r in rng.random(len(geo.neighbour)).tolist()]
    travel = geo.travel_list(origin, source.reach, slowness)
    if len(source.versions) > 1:
        distorts = source.distorts
        drift = [1.0 + distorts * r * 2.0 for r in rng.random(geo.size).tolist()]
        beyond = [b for b, _ in source.versions]
        version = [
            max(bisect.bisect_right(beyond, t * d if math.isfinite(t) else 0.0) - 1, 0)
            for t, d in zip(travel, drift, strict=True)
        ]
    else:
        version = [0] * geo.size
    arrival = np.array([born + t for t in travel])
    return Item(item_id, source.id, born, origin, arrival, np.array(version, dtype=np.int64), text)


def fraction(arrival: np.ndarray, now: float, half: np.ndarray) -> np.ndarray:
    """Share of each settlement's people who have heard by `now` (0 before arrival)."""
    since = now - arrival
    exponent = np.minimum(LN_ODDS * (1.0 - since / half), 700.0)  # exp stays finite
    return np.where(since >= 0, 1.0 / (1.0 + np.exp(exponent)), 0.0)


def share_of(since: float, half: float) -> float:
    """`fraction` for one settlement, in plain floats (no arrays for one number)."""
    if since < 0:
        return 0.0
    exponent = LN_ODDS * (1.0 - since / half)
    return 0.0 if exponent > 700 else 1.0 / (1.0 + math.exp(exponent))


def hear_delay(u: np.ndarray, half: np.ndarray) -> np.ndarray:
    """How long after arrival a person with rank `u` (0..1, uniform) hears: the inverse
    of `fraction`, so people hear in the same proportions as the settlement."""
    u = np.clip(u, 1e-6, 0.999)
    delay = half * (1.0 - np.log((1.0 - u) / u) / LN_ODDS)
    return np.maximum(delay, 0.0)


def known(item: Item, now: float) -> np.ndarray:
    return item.arrival <= now


def telling(source: Source, item: Item, settlement: int) -> Any:
    """The version told at a settlement: a text, or variants (dicts of `text` and `when`)
    that the teller picks by what is true (`rumours.told`)."""
    if item.text:
        return item.text
    if not source.versions:
        return ""
    return source.versions[int(item.version[settlement])][1]
