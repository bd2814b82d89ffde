"""Off-screen lives: people pursue their goals while the player is elsewhere.

Each person is a row: where they live, their group, their bond to the subject of the news,
and three numbers that change day by day — grief, resilience and a skill. A day for every
person at once is a handful of numpy operations:

- hearing a shocking piece of news about someone they are bonded to brings grief
  (shock x bond / 100);
- grief fades when resilience is above 0.3 and deepens below it (1% a day per 0.1);
- someone with a goal who has heard the news gathers courage (resilience rises), and,
  once resilience clears 0.3, trains: skill rises by talent x motivation x (1 - skill /
  limit), where motivation grows with grief, and a sparring partner at the same place
  makes it half again as fast.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kage.ext.living.geography import INF

TRAIN = 1
PIVOT = 0.3  # resilience at which grief neither fades nor deepens
GRIEF_RATE = 0.1  # change of grief per day per unit of resilience away from the pivot
PARTNER = 1.5


@dataclass
class People:
    """Who they are (static)."""

    settlement: np.ndarray  # (M,) int
    group: np.ndarray  # (M,) int8
    rank: np.ndarray  # (M,) 0..1: how early they hear news in their settlement
    bond: np.ndarray  # (M,) bond to the lives' subject, -100..100
    goal: np.ndarray  # (M,) int8: 0 none, 1 train
    courage: np.ndarray  # (M,) resilience gained per day while pursuing the goal
    talent: np.ndarray  # (M,)
    limit: np.ndarray  # (M,)
    partner: np.ndarray  # (M,) index, -1 none
    subject: str = ""
    ids: list[str] | None = None  # named lives (the campaign); None for synthetic crowds
    who: list[str | None] | None = None
    stats: list[str | None] | None = None
    _mates: tuple[np.ndarray, np.ndarray | None] | None = None
    _trains: np.ndarray | None = None
    _rows: Rows | None = None

    @property
    def size(self) -> int:
        return len(self.settlement)

    def mates(self) -> tuple[np.ndarray, np.ndarray | None]:
        """(partner index or self, partner lives in the same place); None: no partners."""
        if self._mates is None:
            has = self.partner >= 0
            mate = np.where(has, self.partner, np.arange(self.size)).astype(np.int32)
            together = has & (self.settlement[mate] == self.settlement)
            self._mates = (mate, together if together.any() else None)
        return self._mates

    def trains(self) -> np.ndarray:
        """(M,) bool: whose goal is to train."""
        if self._trains is None:
            self._trains = self.goal == TRAIN
        return self._trains

    def rows(self) -> Rows:
        """What a day reads of them, as plain lists (see `PLAIN`)."""
        if self._rows is None:
            mate, together = self.mates()
            self._rows = Rows(
                trains=self.trains().tolist(),
                bond=self.bond.tolist(),
                courage=self.courage.tolist(),
                talent=self.talent.tolist(),
                limit=self.limit.tolist(),
                mate=mate.tolist(),
                together=together.tolist() if together is not None else None,
            )
        return self._rows

    def nbytes(self) -> int:
        cached = sum(a.nbytes for a in self._mates if a is not None) if self._mates else 0
        cached += self._trains.nbytes if self._trains is not None else 0
        return cached + sum(
            a.nbytes
            for a in (
                self.settlement,
                self.group,
                self.rank,
                self.bond,
                self.goal,
                self.courage,
                self.talent,
                self.limit,
                self.partner,
            )
        )


@dataclass
class Rows:
    """A few people's static numbers as plain lists (`People.rows`)."""

    trains: list[bool]
    bond: list[float]
    courage: list[float]
    talent: list[float]
    limit: list[float]
    mate: list[int]
    together: list[bool] | None


# Up to this many people (with every array of float64) a day is lived in plain floats:
# for a handful of people numpy's cost per call, not the arithmetic, is what a day costs.
# The same IEEE operations in the same order give the very same numbers (a test compares).
PLAIN = 256


@dataclass
class Lives:
    """How they are (dynamic)."""

    grief: np.ndarray
    resilience: np.ndarray
    skill: np.ndarray
    heard: np.ndarray  # day each first heard shocking news of the subject, INF not yet

    def nbytes(self) -> int:
        return sum(a.nbytes for a in (self.grief, self.resilience, self.skill, self.heard))


def hear(
    people: People, lives: Lives, when: np.ndarray, shock: float, before: float, now: float
) -> None:
    """People whose hearing time `when` falls in (before, now] take the shock."""
    if _plain(people, lives) and when.dtype == np.float64:
        _hear_plain(people, lives, when.tolist(), shock, before, now)
        return
    newly = np.flatnonzero((when > before) & (when <= now))
    if not newly.size:
        return
    bond = people.bond[newly]
    hurt = newly[bond > 0]
    grief = lives.grief[hurt] + shock * bond[bond > 0] / 100.0
    lives.grief[hurt] = np.minimum(grief, 100.0)
    lives.heard[newly] = np.minimum(lives.heard[newly], when[newly])


def day(people: People, lives: Lives, now: float) -> None:
    """One day of everyone's life, in place. Written as few numpy calls as it takes
    (`where=` instead of multiplying by 0 or 1, maximum then minimum for np.clip, whose
    wrapper costs more than the sum on a handful of people); the arithmetic is the same.
    A handful of people is lived in plain floats (`PLAIN`)."""
    if _plain(people, lives):
        _day_plain(people, lives, now)
        return
    dtype = lives.grief.dtype
    grief, resilience, skill = lives.grief, lives.resilience, lives.skill
    pursuing = people.trains() & (lives.heard <= now)
    courage = people.courage.astype(dtype, copy=False)
    np.add(resilience, courage, out=resilience, where=pursuing)
    np.minimum(np.maximum(resilience, 0.0, out=resilience), 1.0, out=resilience)
    above = resilience - PIVOT
    grief *= (1.0 - GRIEF_RATE * above).astype(dtype, copy=False)
    np.minimum(np.maximum(grief, 0.0, out=grief), 100.0, out=grief)
    drive = np.minimum(np.maximum(above, 0.0, out=above), 1.0, out=above)
    drive *= 1.0 + grief / 100.0
    mate, together = people.mates()
    if together is not None:
        np.multiply(drive, PARTNER, out=drive, where=together & pursuing[mate])
    drive *= people.talent
    drive *= 1.0 - skill / people.limit
    np.add(skill, drive, out=skill, where=pursuing)


def _plain(people: People, lives: Lives) -> bool:
    arrays = (lives.grief, lives.resilience, lives.skill, lives.heard)
    return people.size <= PLAIN and all(a.dtype == np.float64 for a in arrays)


def _hear_plain(
    people: People, lives: Lives, when: list[float], shock: float, before: float, now: float
) -> None:
    """`hear`, one person at a time."""
    newly = [i for i, t in enumerate(when) if t > before and t <= now]
    if not newly:
        return
    bond = people.rows().bond
    grief, heard = lives.grief.tolist(), lives.heard.tolist()
    for i in newly:
        if bond[i] > 0:
            grief[i] = min(grief[i] + shock * bond[i] / 100.0, 100.0)
        heard[i] = min(heard[i], when[i])
    lives.grief[:] = grief
    lives.heard[:] = heard


def _day_plain(people: People, lives: Lives, now: float) -> None:
    """`day`, one person at a time: each line the same operation as the array's."""
    rows = people.rows()
    grief, resilience = lives.grief.tolist(), lives.resilience.tolist()
    skill, heard = lives.skill.tolist(), lives.heard.tolist()
    pursuing = [t and h <= now for t, h in zip(rows.trains, heard, strict=True)]
    drive = []
    for i, courage in enumerate(rows.courage):
        r = resilience[i] + courage if pursuing[i] else resilience[i]
        r = min(max(r, 0.0), 1.0)
        resilience[i] = r
        above = r - PIVOT
        g = min(max(grief[i] * (1.0 - GRIEF_RATE * above), 0.0), 100.0)
        grief[i] = g
        drive.append(min(max(above, 0.0), 1.0) * (1.0 + g / 100.0))
    together = rows.together
    for i, d in enumerate(drive):
        if together is not None and together[i] and pursuing[rows.mate[i]]:
            d = d * PARTNER
        d = d * rows.talent[i]
        d = d * (1.0 - skill[i] / rows.limit[i])
        if pursuing[i]:
            skill[i] = skill[i] + d
    lives.grief[:] = grief
    lives.resilience[:] = resilience
    lives.skill[:] = skill


def ahead(
    people: People, lives: Lives, first: float, days: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """(grief, resilience, skill), each (days, M): everyone after each of `days` days from
    day `first`, worked out at once for a stretch in which nobody hears anything new (so
    who pursues a goal stays the same). The same numbers as `day` gives day by day: the
    sums and products run in the same order, and only what depends on itself is stepped
    (skill, and the grief of anyone who reaches its ceiling). None when that cannot be
    exact: a resilience that could fall."""
    dtype = lives.grief.dtype
    pursuing = people.trains() & (lives.heard <= first)
    courage = np.where(pursuing, people.courage.astype(dtype, copy=False), dtype.type(0))
    start = lives.resilience
    if min(courage.min(), start.min(), lives.grief.min()) < 0 or start.max() > 1:
        return None  # clipping at 0 could matter: only day by day is exact
    # resilience only rises, so clipping each day is clipping the running sum
    steps = np.empty((days, people.size), dtype=dtype)
    steps[0] = start + courage
    steps[1:] = courage
    resilience = np.minimum(np.cumsum(steps, axis=0), 1.0)
    above = resilience - PIVOT
    factors = (1.0 - GRIEF_RATE * above).astype(dtype, copy=False)  # all > 0
    grief = factors.copy()
    grief[0] *= lives.grief
    np.multiply.accumulate(grief, axis=0, out=grief)
    capped = np.flatnonzero(grief.max(axis=0) > 100.0)
    if capped.size:  # grief that reaches its ceiling stays there until it fades
        level = lives.grief[capped]
        for t in range(days):
            level = np.minimum(level * factors[t, capped], 100.0)
            grief[t, capped] = level
    drive = np.minimum(np.maximum(above, 0.0, out=above), 1.0, out=above)
    drive *= 1.0 + grief / 100.0
    mate, together = people.mates()
    if together is not None:
        np.multiply(drive, PARTNER, out=drive, where=together & pursuing[mate])
    drive *= people.talent
    # skill grows by a share of what is left to learn: day by day, for those pursuing
    who = np.flatnonzero(pursuing)
    limit, learned, grown = people.limit[who], lives.skill[who], []
    for gain in drive[:, who]:
        learned = learned + gain * (1.0 - learned / limit)
        grown.append(learned)
    skill = np.repeat(lives.skill[None], days, axis=0)
    if grown:
        skill[:, who] = grown
    return grief, resilience, skill


def empty_heard(size: int, dtype: type = float) -> np.ndarray:
    return np.full(size, INF, dtype=dtype)
