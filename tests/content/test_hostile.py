"""Every world in the hostile corpus (tests/content/hostile/) gets a clear answer naming a
file, in bounded time, and never a traceback: in-process for all of them, and through a
real `kage check` for a few."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from tests.content.hostile.corpus import ENTRIES, Entry, no_cli
from tests.content.worlds import JARGON, timed

from kage.content.compile import BUG, load_world
from kage.content.errors import ContentError, Problem
from kage.world.model import World

SECONDS = 5.0  # of CPU per entry; the slowest (10,000 values parsed) takes about 2.5 s
REFUSED = 2  # `kage check` exits 2 for a world it refuses (kage/interfaces/cli.py)


def clear(problem: Problem) -> None:
    """A problem a writer can act on: a file, a line, plain words, nothing quoted from
    outside the world folder."""
    assert problem.file
    assert problem.line >= 0
    assert problem.message.strip()
    for word in (*JARGON, BUG, "Traceback", "root:x:0"):
        assert word not in problem.message, f"{word!r} in: {problem}"


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_the_loader_answers_every_hostile_world(tmp_path: Path, entry: Entry) -> None:
    folder = entry.build(tmp_path)
    result = timed(SECONDS, lambda: load_world(folder))
    if entry.valid:
        assert isinstance(result, World), result
        return
    assert isinstance(result, ContentError), f"not refused: {result!r}"
    for problem in result.problems:
        clear(problem)
    assert any(entry.says in p.message for p in result.problems), str(result)


CLI = [
    "alias bomb 10^9",
    "alias_cycle",
    "deep nesting, flow",
    "2 MB list",
    "file of 256 KiB + 1",
    "binary junk",
    "python_object",
    "symlink to /etc/passwd",
    "box_in_itself",
    "bom",
    "symlink to /dev/zero",
    "sparse file of 1 TB",
    "file name not UTF-8",
    "named pipe",
]


@pytest.mark.parametrize("name", CLI)
def test_kage_check_answers_hostile_worlds(tmp_path: Path, name: str) -> None:
    entry = next(e for e in ENTRIES if e.name == name)
    assert name not in no_cli
    place = tmp_path / "place"
    place.mkdir()
    folder = entry.build(place)
    env = {**os.environ, "KAGE_CACHE": str(tmp_path / "cache"), "PYTHONIOENCODING": "utf-8"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, "-m", "kage", "check", str(folder)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "PWNED").exists()  # no tag ran a command
    if entry.valid:
        assert result.returncode == 0, result.stderr
        assert "OK" in result.stdout
    else:
        assert result.returncode == REFUSED, result.stdout + result.stderr
        assert entry.says in result.stderr
        assert "root:x:0" not in result.stderr
    assert cpu < SECONDS + 3, f"{cpu:.1f} s of CPU"  # with Python's start-up and imports
