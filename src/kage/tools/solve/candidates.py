"""The commands the solver tries in a state, and which of them it keeps.

Candidates come from `kage.agents.admissible.admissible_commands` (every command the
parser understands and that passes its checks). The solver drops those that cannot help
a search (saving, undoing, quitting, pronouns, whose meaning the state key leaves out) and,
when asked, time-skipping commands whose length of time is not one of those allowed (a
walkthrough's "train for 2 weeks" allows two weeks, not every length the parser reads).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from kage.tools.solve.keys import PRONOUNS

if TYPE_CHECKING:
    from kage.game import Game

Candidates = Callable[["Game"], list[str]]

# the session's commands and those that reach back in time or out of the game
META = frozenset(
    {"save", "restore", "undo", "quit", "q", "restart", "again", "g", "oops", "o"}
    | {"transcript", "script", "unscript"}
)
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "half": 0,
}  # fmt: skip
UNITS = ("minute", "hour", "day", "week", "month", "year")
DURATION = re.compile(
    r"\b(\d+|"
    + "|".join(NUMBERS)
    + r")\s+(?:(?:more|extra|whole|full)\s+)?("
    + "|".join(UNITS)
    + r")s?\b",
    re.IGNORECASE,
)


def durations(line: str) -> list[tuple[int, str]]:
    """The lengths of time a command names: "train for 2 weeks" -> [(2, "week")]."""
    found = []
    for count, unit in DURATION.findall(line):
        n = int(count) if count.isdigit() else NUMBERS[count.lower()]
        found.append((n, unit.lower()))
    return found


def durations_in(lines: Iterable[str]) -> frozenset[tuple[int, str]]:
    """Every length of time named in `lines` (a walkthrough, or "2 weeks, 20 minutes")."""
    return frozenset(d for line in lines for part in line.split(",") for d in durations(part))


def admissible(game: Game) -> list[str]:
    """The exact admissible commands of the state (kage.agents.admissible)."""
    from kage.agents.admissible import admissible_commands

    return admissible_commands(game)


def keep(line: str, allowed: frozenset[tuple[int, str]] | None) -> bool:
    """Whether the solver tries `line`: no session command, no pronoun, and (when
    `allowed` is given) no length of time outside it."""
    words = line.lower().split()
    if not words or words[0] in META or PRONOUNS.intersection(words):
        return False
    return allowed is None or all(d in allowed for d in durations(line))
