"""Kill saves mid-write: start a real `python` process that saves over and over, SIGKILL
it at a random moment, and check what is left. Repeats N times in one saves folder.

    python benchmarks/kill_saves.py [--kills 200] [--commands 2000] [--seed 1]

Prints a table: kills, how many landed mid-write (left a temporary file), saves intact
after every kill, and the temporary files (and bytes) left at the end: each new save
sweeps what killed writers left, so at most the last kill's file remains until the
next save. To compare with an older kage, put its src/ first on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import suppress
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import table  # noqa: E402

from kage.persist import SaveError, SaveStore  # noqa: E402
from kage.persist.saves import TEMP_SUFFIX  # noqa: E402

WRITER = """
import sys
from pathlib import Path
from kage.persist import SaveData, SaveStore

store, commands = SaveStore(Path(sys.argv[1])), int(sys.argv[2])
n = 0
while True:
    store.write(SaveData(
        name="slot", world_id="w", world_hash="h", engine_version="0", seed=n,
        commands=[f"go north {i}" for i in range(commands + n)], snapshots=[(0, "{}")],
        created="", turn=commands + n, summary=f"round {n}",
    ))
    if n == 0:
        print("ready", flush=True)
    n += 1
"""


def temp_files(directory: Path) -> list[Path]:
    return list(directory.glob(f"*{TEMP_SUFFIX}*"))


def run(kills: int, commands: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    folder = Path(tempfile.mkdtemp(prefix="kage-kill-saves-"))
    store = SaveStore(folder)
    mid_write = intact = most = 0
    began = time.perf_counter()
    for _ in range(kills):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder), str(commands)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        if writer.stdout.readline() != "ready\n":
            raise RuntimeError("the writer died before its first save")
        time.sleep(rng.uniform(0.0, 0.2))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        left = temp_files(folder)
        mid_write += bool(left)
        most = max(most, len(left))
        with suppress(SaveError):
            intact += store.read("slot").summary.startswith("round ")
    left = temp_files(folder)
    left_bytes = sum(p.stat().st_size for p in left)
    swept = store.sweep() if hasattr(store, "sweep") else 0  # kage before the sweep: none
    return [
        str(kills),
        str(mid_write),
        f"{intact}/{kills}",
        str(most),
        f"{len(left)} ({left_bytes / 1e6:.2f} MB)",
        str(swept),
        str(len(temp_files(folder))),
        f"{time.perf_counter() - began:.0f} s",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--commands", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    row = run(args.kills, args.commands, args.seed)
    headers = [
        "kills",
        "mid-write",
        "saves intact",
        "temp files at once (max)",
        "temp files left",
        "swept by next save",
        "after sweep",
        "time",
    ]
    print(table("SIGKILL during saves (one folder)", headers, [row]))


if __name__ == "__main__":
    main()
