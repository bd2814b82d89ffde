"""Fault injection: real `python` processes killed with SIGKILL in the middle of saving.

A killed writer must never damage the save (the old one or the new one is there, whole),
and the temporary file it leaves must be swept by the next save, while a save still in
progress in another process is never touched.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kage.persist import SaveStore
from kage.persist.saves import TEMP_SUFFIX

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and flock are POSIX")

# Writes the save "slot" over and over, each time a little different; says "ready" once
# the first one is complete, so the save exists before any kill.
WRITER = """
import sys
from pathlib import Path
from kage.persist import SaveData, SaveStore

store, commands, rounds = SaveStore(Path(sys.argv[1])), int(sys.argv[2]), int(sys.argv[3])
for n in range(rounds):
    store.write(SaveData(
        name="slot", world_id="w", world_hash="h", engine_version="0", seed=n,
        commands=[f"go north {i}" for i in range(commands + n)], snapshots=[(0, "{}")],
        created="", turn=commands + n, summary=f"round {n}",
    ))
    if n == 0:
        print("ready", flush=True)
"""

# Holds a locked temporary file, as a writer at work does, until it is killed.
HOLDER = """
import sys, time
from pathlib import Path
from kage.persist.temp import create_locked

fd, path = create_locked(Path(sys.argv[1]), ".slot.", sys.argv[2])
print(path, flush=True)
time.sleep(60)
"""


def temp_files(directory: Path) -> list[Path]:
    return sorted(directory.glob(f"*{TEMP_SUFFIX}*"))


def start(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True)


def test_killed_writers_never_damage_the_save_and_their_debris_is_swept(tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    rng = random.Random(8)
    left_by_kills = 0
    for _ in range(6):
        writer = start(WRITER, str(tmp_path), "2000", "1000")
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.0, 0.15))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        assert writer.returncode == -signal.SIGKILL
        assert store.read("slot").summary.startswith("round ")  # whole, old or new
        left_by_kills += len(temp_files(tmp_path))
        assert len(temp_files(tmp_path)) <= 1  # the previous kill's file went with this run
    assert left_by_kills >= 1, "no kill landed mid-write: the test proved nothing"
    store.sweep()
    assert temp_files(tmp_path) == []
    assert [info.ok for info in store.list()] == [True]


def test_a_save_in_progress_elsewhere_is_never_swept(tmp_path: Path) -> None:
    holder = start(HOLDER, str(tmp_path), TEMP_SUFFIX)
    try:
        assert holder.stdout is not None
        held = Path(holder.stdout.readline().strip())
        assert SaveStore(tmp_path).sweep() == 0 and held.exists()
    finally:
        holder.kill()
        holder.wait()
    assert SaveStore(tmp_path).sweep() == 1 and not held.exists()


def test_sweeping_while_another_process_saves_never_breaks_its_saves(tmp_path: Path) -> None:
    writer = start(WRITER, str(tmp_path), "200", "40")
    store = SaveStore(tmp_path)
    sweeps = 0
    while writer.poll() is None:
        store.sweep()
        sweeps += 1
    assert writer.returncode == 0, "a sweep took a temporary file from a live writer"
    assert sweeps > 10
    assert store.read("slot").summary == "round 39"
    assert temp_files(tmp_path) == []
