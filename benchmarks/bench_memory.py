"""What a session costs to hold and to save as it grows: memory per session new, after
1,000 and after 10,000 turns; save size and save and restore times of 1,000-, 10,000-
and 50,000-turn games (with the part of a save spent waiting for the disk, in fsync, and
the CPU time of each: on a busy machine, the work itself);
the first step's latency in a cold process and after kage.warm_up.

    python benchmarks/bench_memory.py [--long 50000]

A long game is Banished's walkthrough with cheap commands before its last line (looking,
the inventory, examining oneself: no time passes, so the story still ends as it should).
Memory is measured by tracemalloc in a fresh process, after a first session has played
the same commands (so the process's own caches are not counted against the session),
as the mean over 3 sessions held side by side.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from common import table  # noqa: E402

HERE = Path(__file__).parent
WALK = HERE.parent / "tests" / "walkthroughs" / "full.txt"
PADDING = ("look", "inventory", "examine me")


def script(turns: int) -> list[str]:
    """The walkthrough with cheap commands before its last line, `turns` commands in all
    (none for 0). There the story waits: padded at the start, a deadline runs out."""
    if turns == 0:
        return []
    lines = [ln for ln in WALK.read_text().splitlines() if ln.strip()]
    padding = [PADDING[k % len(PADDING)] for k in range(max(0, turns - len(lines)))]
    return [*lines[:-1], *padding, lines[-1]]


def played(world, turns: int, saves: Path):  # type: ignore[no-untyped-def]
    from kage.session import Session

    session = Session(world, seed=1, saves=saves)
    for line in script(turns):
        session.step(line)
    return session


def memory(turns: int) -> dict[str, float]:
    """In this (fresh) process: KiB per session after `turns` turns."""
    import tracemalloc

    from kage import worlds

    world = worlds.load("banished")
    saves = Path(tempfile.mkdtemp())
    played(world, turns, saves)  # the process's caches, paid once
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    held = [played(world, turns, saves) for _ in range(3)]
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    return {"kib": (after - before) / 1024 / len(held), "turns": len(held[0].log)}


def saving(turns: int, runs: int = 5) -> dict[str, float]:
    from kage import worlds
    from kage.session import Session

    world = worlds.load("banished")
    saves = Path(tempfile.mkdtemp())
    session = played(world, turns, saves)
    session.step("save long")  # the first write makes the folder
    save_ms, restore_ms, fsync_ms, save_cpu, restore_cpu = [], [], [], [], []
    synced = [0.0]
    real_fsync = os.fsync

    def timed_fsync(fd: int) -> None:  # the disk's share of a save, told apart
        began = time.perf_counter()
        real_fsync(fd)
        synced[0] += time.perf_counter() - began

    os.fsync = timed_fsync
    for _ in range(runs):
        synced[0] = 0.0
        began, cpu = time.perf_counter(), time.process_time()
        session.step("save long")
        save_ms.append((time.perf_counter() - began) * 1000)
        save_cpu.append((time.process_time() - cpu) * 1000)
        fsync_ms.append(synced[0] * 1000)
        other = Session(world, seed=1, saves=saves)
        began, cpu = time.perf_counter(), time.process_time()
        other.step("restore long")
        restore_ms.append((time.perf_counter() - began) * 1000)
        restore_cpu.append((time.process_time() - cpu) * 1000)
        assert other.game.state == session.game.state
    size = session.store.path_for("long").stat().st_size
    return {
        "turns": len(session.log),
        "size": size,
        "save_ms": sorted(save_ms)[runs // 2],
        "fsync_ms": sorted(fsync_ms)[runs // 2],
        "save_cpu": sorted(save_cpu)[runs // 2],
        "restore_cpu": sorted(restore_cpu)[runs // 2],
        "restore_ms": sorted(restore_ms)[runs // 2],
    }


def first_step(warm: bool) -> float:
    """In this (fresh) process: ms of a new session's first command."""
    import kage
    from kage import worlds
    from kage.session import Session

    world = worlds.load("banished")
    if warm:
        kage.warm_up(world)
    session = Session(world, seed=1, saves=Path(tempfile.mkdtemp()))
    began = time.perf_counter()
    session.step("look")
    return (time.perf_counter() - began) * 1000


def fresh(*args: str) -> Any:
    """Run this script's `--one` part in a new process and read its answer."""
    env = {**os.environ, "KAGE_STRICT": "0"}
    done = subprocess.run(
        [sys.executable, __file__, "--one", *args],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--long", type=int, default=50_000, help="the longest game's turns")
    parser.add_argument("--one", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        what, value = args.one
        result = {
            "memory": lambda: memory(int(value)),
            "saving": lambda: saving(int(value)),
            "first": lambda: first_step(value == "warm"),
        }[what]()
        print(json.dumps(result))
        return
    rows = []
    for turns, label in ((0, "new"), (1000, "after 1,000 turns"), (10_000, "after 10,000 turns")):
        found = fresh("memory", str(turns))
        rows.append(
            [
                f"memory per session, {label}",
                f"{found['kib']:,.0f} KiB",
                f"{found['turns']:,} commands logged",
            ]
        )
    for turns in (1000, 10_000, args.long):
        found = fresh("saving", str(turns))
        rows.append(
            [
                f"save of a {found['turns']:,}-turn game",
                f"{found['size'] / 1024:,.0f} KiB",
                f"save {found['save_ms']:.1f} ms (fsync {found['fsync_ms']:.1f}, CPU "
                f"{found['save_cpu']:.1f}), restore {found['restore_ms']:.1f} ms (CPU "
                f"{found['restore_cpu']:.1f})",
            ]
        )
    cold = [fresh("first", "cold") for _ in range(3)]
    warm = [fresh("first", "warm") for _ in range(3)]
    rows.append(["first step, cold process", f"{sorted(cold)[1]:.1f} ms", "median of 3 processes"])
    rows.append(
        ["first step, after kage.warm_up", f"{sorted(warm)[1]:.1f} ms", "median of 3 processes"]
    )
    print(table("What a session costs as it grows (Banished)", ["", "measured", "note"], rows))


if __name__ == "__main__":
    main()
