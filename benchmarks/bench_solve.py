"""`kage solve` on Banished, best-first: how far it gets, how fast, and the win's length.

Runs the solver in this process (one core) from the start of the campaign and from
points along the walkthrough (`--from N`: after its first N commands), with the
time-skipping commands limited to the lengths the walkthrough names, as issue 11 allows.
Prints one row per start: states found, states expanded, commands played, CPU and wall
time, the best score, and the win's length against the rest of the walkthrough (the win
is replayed on a fresh game to verify it).

    python benchmarks/bench_solve.py                       # from the start, 1,800 s
    python benchmarks/bench_solve.py --from 30 --from 51   # from Oashisu, from the mine
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import table  # noqa: E402

from kage import worlds  # noqa: E402
from kage.tools.solve import BEST, Bounds  # noqa: E402
from kage.tools.solve.analysis import analyse  # noqa: E402
from kage.tools.solve.candidates import durations_in  # noqa: E402
from kage.tools.solve.search import PATIENCE, Search  # noqa: E402

WALKTHROUGH = Path(__file__).parent.parent / "tests" / "walkthroughs" / "full.txt"


def run(start: int, seconds: float, patience: int) -> list[str]:
    world = worlds.load("banished")
    lines = [line.strip() for line in WALKTHROUGH.read_text().splitlines() if line.strip()]
    cpu, wall = time.process_time(), time.monotonic()
    search = Search(
        world,
        prefix=lines[:start],
        bounds=Bounds(seconds=seconds, depth=400, max_states=10**7, memory_mb=4096),
        strategy=BEST,
        allowed=durations_in(lines),
        stop_on_win=True,
        patience=patience,
    )
    graph = search.run()
    cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    report = analyse(world, graph, 0)
    win = f"{len(report.win)}" if report.win else "none"
    return [
        "start" if not start else f"after {start}",
        f"{report.states:,}",
        f"{report.expansions:,}",
        f"{report.commands_tried:,}",
        f"{cpu:.0f}",
        f"{wall:.0f}",
        f"{report.best_score} of {report.max_score}",
        f"{win} / {len(lines) - start}",
        "yes" if report.win_verified else "no",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="starts", type=int, action="append")
    parser.add_argument("--seconds", type=float, default=1800.0)
    parser.add_argument("--patience", type=int, default=PATIENCE)
    args = parser.parse_args()
    rows = [run(start, args.seconds, args.patience) for start in args.starts or [0]]
    headers = ["from", "states", "expanded", "commands", "CPU s", "wall s", "best score"]
    headers += ["win / walkthrough", "verified"]
    print(table("kage solve banished --strategy best (one process)", headers, rows))


if __name__ == "__main__":
    main()
