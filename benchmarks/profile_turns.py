"""Which turns of the full walkthrough are slow, and why: the CPU time (time.thread_time) of
each walkthrough line over several games, the slowest lines first, and optionally a
cProfile of chosen lines (the lines before them are played but not profiled).

    python benchmarks/profile_turns.py [--rounds 20] [--top 20] [--over 1000]
    python benchmarks/profile_turns.py --profile 21,51 [--sort tottime] [--rows 40]

Thread time, not the wall clock: other jobs on a shared machine disturb it less. The
process is warmed first as `kage.warm.warm_up` warms it (and one game of the walkthrough
is played untimed), so the first line's figure is a first turn of a game, not of a process.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import time
from pathlib import Path

from kage import worlds
from kage.game import Game
from kage.warm import warm_up

FULL = Path(__file__).parent.parent / "tests" / "walkthroughs" / "full.txt"
DAY = 24 * 60


def per_line(world, lines: list[str], rounds: int) -> tuple[list[list[float]], list[int]]:  # type: ignore[no-untyped-def]
    """Microseconds of each line in each game, and the whole days each line lets pass."""
    times: list[list[float]] = [[] for _ in lines]
    days = [0] * len(lines)
    for seed in range(rounds):
        game = Game(world, seed=seed)
        for i, line in enumerate(lines):
            before = game.state.minutes
            began = time.thread_time_ns()
            game.command(line)
            times[i].append((time.thread_time_ns() - began) / 1e3)
            days[i] = (game.state.minutes - before) // DAY
    return times, days


def profile(world, lines: list[str], chosen: list[int], rounds: int) -> cProfile.Profile:  # type: ignore[no-untyped-def]
    found = cProfile.Profile()
    for seed in range(rounds):
        game = Game(world, seed=seed)
        for i, line in enumerate(lines[: max(chosen) + 1]):
            if i in chosen:
                found.enable()
                game.command(line)
                found.disable()
            else:
                game.command(line)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--over", type=float, default=1000.0, help="microseconds")
    parser.add_argument("--profile", default="", help="line numbers (from 0), comma-separated")
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--rows", type=int, default=40)
    args = parser.parse_args()
    lines = [line for line in FULL.read_text().splitlines() if line.strip()]
    world = worlds.load("banished")
    warm_up(world)
    warm = Game(world, seed=10_000)
    for line in lines:
        warm.command(line)
    if args.profile:
        chosen = [int(n) for n in args.profile.split(",")]
        found = profile(world, lines, chosen, args.rounds)
        pstats.Stats(found).sort_stats(args.sort).print_stats(args.rows)
        return
    times, days = per_line(world, lines, args.rounds)
    pooled = sorted(t for line in times for t in line)
    over = sum(1 for t in pooled if t > args.over)
    print(
        f"{len(pooled)} turns: median {pooled[len(pooled) // 2]:.0f} us, p90 "
        f"{pooled[int(len(pooled) * 0.9)]:.0f}, p99 {pooled[int(len(pooled) * 0.99)]:.0f}, "
        f"max {pooled[-1]:.0f}; {over} ({over / len(pooled):.1%}) over {args.over:.0f} us"
    )
    print(" line  median     min     max  >limit  days  command")
    order = sorted(range(len(lines)), key=lambda i: -statistics.median(times[i]))
    for i in order[: args.top]:
        slow = sum(1 for t in times[i] if t > args.over)
        print(
            f"{i:5d} {statistics.median(times[i]):7.0f} {min(times[i]):7.0f} "
            f"{max(times[i]):7.0f} {slow:7d} {days[i]:5d}  {lines[i]}"
        )


if __name__ == "__main__":
    main()
