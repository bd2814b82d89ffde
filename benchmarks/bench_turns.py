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

WALKTHROUGHS = Path(__file__).parent.parent / "tests" / "walkthroughs"


DAY = 24 * 60


def replay(world, name: str, rounds: int) -> tuple[list[float], list[float], list[float]]:  # type: ignore[no-untyped-def]
    """(every turn, the turns that let a day or more pass, new games), in milliseconds."""
    lines = [line for line in (WALKTHROUGHS / name).read_text().splitlines() if line.strip()]
    per_turn: list[float] = []
    long_turns: list[float] = []
    starts: list[float] = []
    for seed in range(rounds):
        begin = time.perf_counter_ns()
        game = Game(world, seed=seed)
        starts.append((time.perf_counter_ns() - begin) / 1e6)
        for line in lines:
            before = game.state.minutes
            began = time.perf_counter_ns()
            game.command(line)
            took = (time.perf_counter_ns() - began) / 1e6
            per_turn.append(took)
            if game.state.minutes - before >= DAY:
                long_turns.append(took)
    return per_turn, long_turns, starts


def main(rounds: int = 100) -> None:
    world = worlds.load("banished")
    rows = []
    total_turns, total_time = 0, 0.0
    for name, label in (
        ("act1.txt", "turn, Act 1 walkthrough"),
        ("full.txt", "turn, full walkthrough (Acts 1-4)"),
    ):
        per_turn, long_turns, starts = replay(world, name, rounds)
        for what, times in ((label, per_turn), ("  of which a day or more passes", long_turns)):
            turns = summary(times)
            rows.append(
                [what, str(len(times))]
                + [f"{turns[k]:.3f}" for k in ("median", "p90", "p99", "max")]
            )
        total_turns += len(per_turn)
        total_time += sum(per_turn) / 1000
    new = summary(starts)
    rows.append(
        ["new game (Game(world))", str(len(starts))]
        + [f"{new[k]:.3f}" for k in ("median", "p90", "p99", "max")]
    )
    print(
        table(
            "Time per turn, milliseconds (target: p99 under 1 ms)",
            ["what", "n", "median", "p90", "p99", "max"],
            rows,
        )
    )
    print(f"\n{total_turns} turns in {total_time:.2f} s: {total_turns / total_time:,.0f} turns/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
