"""Steps per second for agents: a random agent on a world, without and with the exact
admissible commands (kage.agents.admissible) computed every step.

Both agents play 100-step episodes through Game.command (parse, rules, the world's turn).
Without admissible commands the agent draws from a fixed pool: the world's admissible
commands at the start and its walkthrough's commands. With them, it draws from the list
computed in the state it is in. Also timed: each admissible call (median, p99) and the
size of the list. Rates are given per wall-clock second and per CPU second (the process's
own time: on a machine shared with other jobs the wall clock counts their turns too); the
machine's load average is printed with them.

    python benchmarks/bench_agents.py [--world banished] [--seconds 10] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import summary, table  # noqa: E402

from kage import worlds  # noqa: E402
from kage.agents.admissible import admissible_commands  # noqa: E402
from kage.game import Game  # noqa: E402

WALKTHROUGHS = Path(__file__).parent.parent / "tests" / "walkthroughs"
WALKS = {"banished": "full.txt", "cloak": "cloak.txt", "tidebell": "tidebell.txt"}
EPISODE = 100


def pool(world, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    walk = WALKTHROUGHS / WALKS.get(name, "")
    lines = walk.read_text().splitlines() if walk.is_file() else []
    return sorted(set(admissible_commands(Game(world, seed=0))) | {ln for ln in lines if ln})


def run(world, seconds: float, commands: list[str] | None, seed: int = 1) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Random play for about `seconds`; with `commands` None, the admissible list each step."""
    rng = random.Random(seed)
    steps, calls, sizes = 0, [], []
    start, cpu = time.perf_counter(), time.process_time()
    game = Game(world, seed=seed)
    first = game.state.copy()
    while time.perf_counter() - start < seconds:
        game.set_state(first.copy())
        for _ in range(EPISODE):
            if game.state.done:
                break
            if commands is None:
                began = time.process_time()
                listed = admissible_commands(game)
                calls.append((time.process_time() - began) * 1000)
                sizes.append(len(listed))
                if not listed:
                    break
                game.command(rng.choice(listed))
            else:
                game.command(rng.choice(commands))
            steps += 1
    took, used = time.perf_counter() - start, time.process_time() - cpu
    return {
        "steps": steps,
        "rate": steps / took,
        "cpu_rate": steps / max(used, 1e-9),
        "calls": calls,
        "sizes": sizes,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--world", default="banished")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--profile", action="store_true", help="cProfile the admissible run")
    args = parser.parse_args()
    world = worlds.load(args.world)
    commands = pool(world, args.world)
    plain = run(world, args.seconds, commands)
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
    listed = run(world, args.seconds, None)
    if args.profile:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    calls = summary(listed["calls"]) if listed["calls"] else {"median": 0.0, "p99": 0.0}  # type: ignore[arg-type]
    sizes = listed["sizes"]
    rows = [
        [
            "steps/s, no admissible commands",
            f"{plain['rate']:,.0f}",
            f"{plain['cpu_rate']:,.0f} per CPU second; {plain['steps']:,} steps",
        ],
        [
            "steps/s, admissible commands every step",
            f"{listed['rate']:,.0f}",
            f"{listed['cpu_rate']:,.0f} per CPU second; {listed['steps']:,} steps",
        ],
        ["admissible call, median (CPU ms)", f"{calls['median']:.3f}", ""],
        ["admissible call, p99 (CPU ms)", f"{calls['p99']:.3f}", ""],
        [
            "commands listed (mean, max)",
            f"{sum(sizes) / max(1, len(sizes)):.0f}",  # type: ignore[arg-type]
            f"max {max(sizes, default=0)}",  # type: ignore[type-var]
        ],
    ]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    title = (
        f"Random agent on {args.world}, {EPISODE}-step episodes, ~{args.seconds:g} s each"
        f" (load average {load})"
    )
    print(table(title, ["measure", "value", "note"], rows))


if __name__ == "__main__":
    main()
