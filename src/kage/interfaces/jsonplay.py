"""Machine-readable play: one command per input line, one JSON object per command.

Used by tests, tools and agents. Each object carries the reply and enough of the state
to check progress without parsing prose. Output that is not UTF-8 (a latin-1 locale) gets
JSON's \\u escapes instead of raw characters: still the same JSON, and ASCII.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from kage.interfaces.lines import Line, bound
from kage.interfaces.output import is_utf8
from kage.session import Session, Step
from kage.systems.status import status
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
        "failure": step.failure,
        "output": step.text,
        "location": query.here(game),
        "time": game.clock,
        "when": game.when,
        "score": game.score,
        "max_score": game.world.max_score,
        "done": game.state.done,
        "won": game.state.won,
        "status": status(game),
    }


def run(session: Session, lines: Iterable[Line | str], out: IO[str]) -> int:
    """Play every line; returns the number of commands played. Every line gets at least
    one object, an empty or unreadable one too ("I beg your pardon?")."""
    count = 0
    ascii_only = not is_utf8(out)
    for number, line in enumerate(lines, start=1):
        if isinstance(line, str):
            line = bound(line)
        steps = session.step(line.text, cut=line.cut)
        for step in steps:
            out.write(json.dumps(record(session, step, number), ensure_ascii=ascii_only) + "\n")
            count += 1
        out.flush()
        if any(step.quit for step in steps):
            break
    return count


def play(session: Session, lines: Iterable[Line | str], out: IO[str]) -> int:
    """The opening's object, then `run`."""
    out.write(json.dumps(opening(session), ensure_ascii=not is_utf8(out)) + "\n")
    return run(session, lines, out)
