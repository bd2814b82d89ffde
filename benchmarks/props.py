"""A long run of the stateful property tests (tests/test_properties.py).

    python benchmarks/props.py [--profile long] [--runs 1]

Runs the state machine (random play from checkpoints in every act of every bundled world,
every invariant after every turn) under a Hypothesis profile (ci, long or plant; see
the test module) in a fresh process per run, and prints a table: games, commands and
invariant checks per run, seconds, and whether it passed. A failure prints pytest's
report, which holds the shrunk command sequence and how to reproduce it.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import table  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
COUNTS = re.compile(r"property tests: (\d+) games, (\d+) commands, (\d+) invariant checks")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="long", choices=["ci", "long", "plant"])
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    rows = []
    for run in range(1, args.runs + 1):
        env = {**os.environ, "KAGE_HYPOTHESIS": args.profile}
        command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q"]
        command += ["tests/test_properties.py"]
        start = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        found = COUNTS.search(done.stdout)
        games, commands, checks = found.groups() if found else ("?", "?", "?")
        result = "passed" if done.returncode == 0 else "FAILED"
        rows.append([str(run), games, commands, checks, f"{seconds:.0f}", result])
        if done.returncode != 0:
            print(done.stdout[-6000:])
    headers = ["run", "games", "commands", "invariant checks", "s", "result"]
    print(table(f"Property tests, profile {args.profile}", headers, rows))


if __name__ == "__main__":
    main()
