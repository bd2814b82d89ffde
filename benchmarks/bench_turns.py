"""Time per turn, engine only: replay the Act 1 walkthrough many times and time each
command through Game.command (parse, rules, clock, world events), without I/O."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import summary, table  # noqa: E402

from kage import worlds  # noqa: E402
from kage.game import Game  # noqa: E402

WALKTHROUGH = Path(__file__).parent.parent / "tests" / "walkthroughs" / "act1.txt"


def main(rounds: int = 300) -> None:
    world = worlds.load("banished")
    lines = [line for line in WALKTHROUGH.read_text().splitlines() if line.strip()]
    per_turn: list[float] = []
    starts: list[float] = []
    for seed in range(rounds):
        begin = time.perf_counter_ns()
        game = Game(world, seed=seed)
        starts.append((time.perf_counter_ns() - begin) / 1e6)
        for line in lines:
            began = time.perf_counter_ns()
            game.command(line)
            per_turn.append((time.perf_counter_ns() - began) / 1e6)
        assert game.state.won, "the walkthrough no longer wins"
    turns = summary(per_turn)
    new = summary(starts)
    rows = [
        ["turn (Act 1 walkthrough)", str(len(per_turn))]
        + [f"{turns[k]:.3f}" for k in ("median", "p90", "p99", "max")],
        ["new game (Game(world))", str(len(starts))]
        + [f"{new[k]:.3f}" for k in ("median", "p90", "p99", "max")],
    ]
    print(
        table(
            "Time per turn, milliseconds (target: p99 under 1 ms)",
            ["what", "n", "median", "p90", "p99", "max"],
            rows,
        )
    )
    total = sum(per_turn) / 1000
    print(f"\n{len(per_turn)} turns in {total:.2f} s: {len(per_turn) / total:,.0f} turns/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
