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

from kage.systems.living.geography import INF

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

    def nbytes(self) -> int:
        cached = sum(a.nbytes for a in self._mates if a is not None) if self._mates else 0
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
    newly = np.flatnonzero((when > before) & (when <= now))
    if not newly.size:
        return
    bond = people.bond[newly]
    hurt = newly[bond > 0]
    grief = lives.grief[hurt] + shock * bond[bond > 0] / 100.0
    lives.grief[hurt] = np.minimum(grief, 100.0)
    lives.heard[newly] = np.minimum(lives.heard[newly], when[newly])


def day(people: People, lives: Lives, now: float) -> None:
    """One day of everyone's life, in place."""
    dtype = lives.grief.dtype
    pursuing = (people.goal == TRAIN) & (lives.heard <= now)
    lives.resilience += (people.courage * pursuing).astype(dtype, copy=False)
    np.clip(lives.resilience, 0.0, 1.0, out=lives.resilience)
    lives.grief *= (1.0 - GRIEF_RATE * (lives.resilience - PIVOT)).astype(dtype, copy=False)
    np.clip(lives.grief, 0.0, 100.0, out=lives.grief)
    drive = np.clip(lives.resilience - PIVOT, 0.0, 1.0) * (1.0 + lives.grief / 100.0)
    mate, together = people.mates()
    if together is not None:
        sparring = together & pursuing[mate]
        drive *= (1.0 + (PARTNER - 1.0) * sparring).astype(dtype, copy=False)
    drive *= people.talent
    drive *= 1.0 - lives.skill / people.limit
    drive *= pursuing
    lives.skill += drive.astype(dtype, copy=False)


def empty_heard(size: int, dtype: type = float) -> np.ndarray:
    return np.full(size, INF, dtype=dtype)
