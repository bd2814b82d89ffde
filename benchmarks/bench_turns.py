"""Time per turn, engine only: replay the Act 1 and full walkthroughs many times and time
each command through Game.command (parse, rules, clock, world events), without I/O.

The process is warmed first the way `kage play` warms it (`kage.warm.warm_up`, which the
terminal runs in the background while the player reads the opening): the first command
of a process imports the parser and numpy and builds the world's living-world arrays, a
one-off cost that is not a turn's (it is printed on its own line). `--cpu` times each turn
by the thread's CPU time (time.thread_time) instead of the wall clock, which other jobs on
a shared machine disturb less.

    python benchmarks/bench_turns.py [ROUNDS] [--cpu]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import summary, table  # noqa: E402

from kage import worlds  # noqa: E402
from kage.game import Game  # noqa: E402
from kage.warm import warm_up  # noqa: E402

WALKTHROUGHS = Path(__file__).parent.parent / "tests" / "walkthroughs"


DAY = 24 * 60


def replay(  # type: ignore[no-untyped-def]
    world, name: str, rounds: int, clock=time.perf_counter_ns
) -> tuple[list[float], list[float], list[float]]:
    """(every turn, the turns that let a day or more pass, new games), in milliseconds."""
    lines = [line for line in (WALKTHROUGHS / name).read_text().splitlines() if line.strip()]
    per_turn: list[float] = []
    long_turns: list[float] = []
    starts: list[float] = []
    for seed in range(rounds):
        begin = clock()
        game = Game(world, seed=seed)
        starts.append((clock() - begin) / 1e6)
        for line in lines:
            before = game.state.minutes
            began = clock()
            game.command(line)
            took = (clock() - began) / 1e6
            per_turn.append(took)
            if game.state.minutes - before >= DAY:
                long_turns.append(took)
    return per_turn, long_turns, starts


def main(rounds: int = 100, cpu: bool = False) -> None:
    world = worlds.load("banished")
    warmed = warm_up(world)  # as `kage play` does while the opening is read
    clock = time.thread_time_ns if cpu else time.perf_counter_ns
    rows = []
    total_turns, total_time = 0, 0.0
    for name, label in (
        ("act1.txt", "turn, Act 1 walkthrough"),
        ("full.txt", "turn, full walkthrough (Acts 1-4)"),
    ):
        per_turn, long_turns, starts = replay(world, name, rounds, clock)
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
            f"Time per turn, milliseconds of {'CPU' if cpu else 'wall'} time "
            "(target: p99 under 1 ms)",
            ["what", "n", "median", "p90", "p99", "max"],
            rows,
        )
    )
    print(f"\n{total_turns} turns in {total_time:.2f} s: {total_turns / total_time:,.0f} turns/s")
    print(f"warm-up before the first game (kage.warm.warm_up, not a turn): {warmed:.0f} ms wall")


if __name__ == "__main__":
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    main(int(numbers[0]) if numbers else 100, cpu="--cpu" in sys.argv[1:])
