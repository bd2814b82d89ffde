"""Same seed and same commands give the same transcript and the same state, always: turn
by turn, in this process and in another one (where Python's string hashing, and so the
order of any set, differs)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import WALKTHROUGHS, walkthrough

from kage.session import Session

Turn = tuple[str, str, str]  # (command, reply, state digest after it)


def record(session: Session, lines: list[str]) -> list[Turn]:
    """Every line's reply and the digest of the state after it."""
    turns = []
    for line in lines:
        reply = "\n".join(step.text for step in session.step(line))
        turns.append((line, reply, session.game.state.digest()))
    return turns


def assert_same(first: list[Turn], second: list[Turn]) -> None:
    """Two transcripts of the same commands agree turn by turn, reply and digest."""
    assert len(first) == len(second)
    for number, (a, b) in enumerate(zip(first, second, strict=True), start=1):
        assert a[0] == b[0], f"turn {number}: the commands differ ({a[0]!r}, {b[0]!r})"
        assert a[1] == b[1], f"turn {number} ({a[0]!r}): the replies differ"
        assert a[2] == b[2], f"turn {number} ({a[0]!r}): the states differ"


def test_same_seed_same_commands_same_transcript(new_session) -> None:
    lines = walkthrough("full.txt")
    for seed in (0, 7):
        first, second = record(new_session(seed), lines), record(new_session(seed), lines)
        assert len(first) == len(lines)
        assert_same(first, second)


def test_one_different_command_changes_that_turn_and_not_before(new_session) -> None:
    """Transcripts of the same length that differ in one command agree up to it and
    differ from it on."""
    lines = walkthrough("act1.txt")
    turn = lines.index("hug tsunade")
    other = [*lines[:turn], "wait", *lines[turn + 1 :]]
    first, second = record(new_session(3), lines), record(new_session(3), other)
    assert len(first) == len(second) == len(lines)
    assert_same(first[:turn], second[:turn])
    assert first[turn][1] != second[turn][1] and first[turn][2] != second[turn][2]
    assert first[-1][2] != second[-1][2]


def test_undo_and_the_same_command_again_give_the_same_turn(new_session) -> None:
    """Taking a turn back and typing it again gives the same reply and state."""
    lines = walkthrough("act1.txt")
    session = new_session(5)
    for line in lines:
        once = record(session, [line])
        session.step("undo")
        assert record(session, [line]) == once, f"{line!r} went otherwise after an undo"


SCRIPT = """
import json, sys
from kage import worlds
from kage.session import Session
session = Session(worlds.load("banished"), seed=int(sys.argv[1]), saves=sys.argv[2])
session.opening()
for line in open(sys.argv[3]).read().splitlines():
    if line.strip():
        reply = "\\n".join(step.text for step in session.step(line))
        print(json.dumps([line, reply, session.game.state.digest()]))
"""


def test_another_process_with_other_string_hashing_plays_the_same(tmp_path: Path) -> None:
    """Nothing may depend on the order of a set: Python orders sets of strings by a
    hash that changes with PYTHONHASHSEED, so two processes must still agree."""

    def run(hashing: str) -> list[Turn]:
        env = {**os.environ, "PYTHONHASHSEED": hashing}
        saves = tmp_path / f"saves-{hashing}"
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT, "2", str(saves), str(WALKTHROUGHS / "full.txt")],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )
        return [tuple(json.loads(line)) for line in done.stdout.splitlines()]  # type: ignore[misc]

    first, second = run("1"), run("2")
    assert len(first) == len(walkthrough("full.txt"))
    assert_same(first, second)


def test_seed_changes_the_random_stream(new_session) -> None:
    a, b = new_session(1), new_session(2)
    assert [a.game.random() for _ in range(5)] != [b.game.random() for _ in range(5)]
    c, d = new_session(1), new_session(1)
    assert [c.game.random() for _ in range(5)] == [d.game.random() for _ in range(5)]
    assert a.game.state.digest() != b.game.state.digest()
