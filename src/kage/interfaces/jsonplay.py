"""Machine-readable play: one command per input line, one JSON object per command.

Used by tests, tools and agents. Each object carries the reply and enough of the state
to check progress without parsing prose.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from kage.session import Session, Step
from kage.world import query


def opening(session: Session) -> dict[str, Any]:
    """The record of turn 0: the story's opening text."""
    return record(session, Step("", session.opening()), 0)


def record(session: Session, step: Step, line_number: int) -> dict[str, Any]:
    game = session.game
    return {
        "turn": game.state.turn,
        "line": line_number,
        "command": step.command,
        "understood": step.understood,
        "output": step.text,
        "location": query.here(game),
        "time": game.clock,
        "score": game.score,
        "max_score": game.world.max_score,
        "done": game.state.done,
        "won": game.state.won,
    }


def run(session: Session, lines: Iterable[str], out: IO[str]) -> int:
    """Play every line; returns the number of commands played."""
    count = 0
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        steps = session.step(line)
        for step in steps:
            out.write(json.dumps(record(session, step, number), ensure_ascii=False) + "\n")
            count += 1
        out.flush()
        if any(step.quit for step in steps):
            break
    return count
