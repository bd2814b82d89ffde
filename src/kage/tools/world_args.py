"""What `kage world` accepts: a day, and a synthetic world's size within limits that
keep a report to seconds. Kept apart from the report (and numpy) so the command line
can state and check them without loading either."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

MAX_DAY = 3650  # ten years
# A synthetic world's limits: beyond them a report takes minutes and gigabytes. On the
# 2-core machine, shared five ways while measuring, the largest reports within them took
# about 50 s (synthetic:30000:9970000 --at 30, 1.0 GB; synthetic:30000:0 --at 3650,
# 0.16 GB) and the README's synthetic:10000:1000000 at day 7 about 20 s; alone on the
# machine, about a fifth of that. A day costs about 6 ns per person (README) and about as
# much per settlement, and the plots grow with the settlements, so both count.
MAX_SETTLEMENTS = 30_000
MAX_PEOPLE = 10_000_000
MAX_SEED = 2**63 - 1
MAX_LIVED = 300_000_000  # (settlements + people) x days
LIMITS = (
    f"A synthetic world has 1 to {MAX_SETTLEMENTS:,} settlements and 0 to {MAX_PEOPLE:,} "
    f"people, and (settlements + people) x days is at most {MAX_LIVED:,} (for example "
    "10,000 settlements and 990,000 people for 300 days)."
)
_NUMBER = re.compile(r"[0-9]+(?:_[0-9]+)*")


@dataclass(frozen=True, slots=True)
class Synthetic:
    """What synthetic:SETTLEMENTS:PEOPLE[:SEED] asks for."""

    settlements: int
    people: int
    seed: int = 0


def parse_synthetic(name: str) -> Synthetic:
    """synthetic:SETTLEMENTS:PEOPLE[:SEED] -> Synthetic; ValueError (a sentence for the
    user) if it is not that, or beyond the limits."""
    parts = name.split(":")
    if parts[0] != "synthetic" or len(parts) not in (3, 4):
        raise ValueError(
            f"'{name}' is not a synthetic world: write synthetic:SETTLEMENTS:PEOPLE[:SEED], "
            "e.g. synthetic:1000:100000"
        )
    numbers = []
    for label, part in zip(("settlements", "people", "seed"), parts[1:], strict=False):
        if not _NUMBER.fullmatch(part) or len(part) > 25:
            raise ValueError(
                f"'{part}' is not a number of {label} in '{name}': write whole numbers, "
                "e.g. synthetic:1000:100000"
            )
        numbers.append(int(part))
    size, people, *rest = numbers
    if not (1 <= size <= MAX_SETTLEMENTS and 0 <= people <= MAX_PEOPLE):
        raise ValueError(LIMITS)
    seed = rest[0] if rest else 0
    if seed > MAX_SEED:
        raise ValueError(f"A synthetic world's seed is at most {MAX_SEED:,}.")
    return Synthetic(size, people, seed)


def check_day(at: float) -> float:
    """A report's day: a finite number from 0 to MAX_DAY, else ValueError."""
    if not (math.isfinite(at) and 0 <= at <= MAX_DAY):
        raise ValueError(f"The day must be a number from 0 to {MAX_DAY}, not {at!r}.")
    return at


def check_budget(world: Synthetic, at: float) -> None:
    """ValueError if living `world` until day `at` would exceed MAX_LIVED."""
    days = int(at)
    if (world.settlements + world.people) * days > MAX_LIVED:
        most = MAX_LIVED // (world.settlements + world.people)
        raise ValueError(
            f"Living {world.settlements:,} settlements and {world.people:,} people for "
            f"{days:,} days is too much for one report (at most {most:,} days for this "
            f"world). {LIMITS}"
        )
