"""Replaying players' command logs and counting the commands that got no real answer.

A log is what someone typed, one line per prompt, from a new game. Each command is played
through a Session (so undo, again and saves work as they did for the player) and its
`failure` says whether the game answered it or fell back on "I don't know the word",
"You can't see any such thing", "Nothing comes of it" and the like. The newcomer corpus
in tests/data/newcomers is measured this way, and `kage` writers can measure their own
testers' logs.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kage.session import Session
from kage.world.model import World


@dataclass(frozen=True, slots=True)
class Played:
    line: int  # the line of the log the command was on
    command: str
    reply: str
    failure: str  # "" when the game answered; else the name of the reply it fell back on


@dataclass(slots=True)
class Tally:
    commands: int = 0
    failures: Counter[str] = field(default_factory=Counter)

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    @property
    def rate(self) -> float:
        return self.failed / self.commands if self.commands else 0.0

    def add(self, played: Iterable[Played]) -> None:
        for one in played:
            self.commands += 1
            if one.failure:
                self.failures[one.failure] += 1


def world_of(log: Path) -> str:
    """A log is named WORLD-MARK.txt: the id of the world it was played in, then whose."""
    return log.stem.split("-")[0]


def replay(world: World, lines: Iterable[str], seed: int = 0) -> list[Played]:
    """Play the lines from a new game; one Played per command (a line may hold several)."""
    played: list[Played] = []
    with tempfile.TemporaryDirectory(prefix="kage-corpus-") as folder:
        session = Session(world, seed, saves=Path(folder), transcripts=Path(folder))
        session.opening()
        for number, line in enumerate(lines, start=1):
            for step in session.step(line):
                played.append(Played(number, step.command, step.text, step.failure))
                if step.quit:
                    session.close()
                    return played
        session.close()
    return played
