"""Two revisions side by side on a shared machine: per-turn CPU time over the full Banished
walkthrough, and a random agent's steps per second through kage.env (no admissible
commands), each run in its own process with the revision's `src` first on the path, the
revisions taking turns run after run so that the load of other jobs falls on both alike.
Times are the thread's CPU time (time.thread_time), which other processes disturb less
than the wall clock.

    git worktree add --detach /tmp/base <commit>
    python benchmarks/ab_speed.py /tmp/base/src src [--runs 6] [--rounds 25] [--episodes 60]

Prints, per revision, the median over runs of each run's median and p99 turn, the turns
of all runs pooled, and the median of the runs' steps per second; and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FULL = Path(__file__).parent.parent / "tests" / "walkthroughs" / "full.txt"


def turns(rounds: int) -> dict[str, object]:
    """One run: per-turn CPU time (microseconds) of `rounds` games of the walkthrough."""
    import kage
    from kage import worlds
    from kage.game import Game

    lines = [line for line in FULL.read_text().splitlines() if line.strip()]
    world = worlds.load("banished")
    warm = Game(world, seed=10_000)  # imports and per-world structures, not timed
    for line in lines:
        warm.command(line)
    per: list[float] = []
    for seed in range(rounds):
        game = Game(world, seed=seed)
        for line in lines:
            began = time.thread_time_ns()
            game.command(line)
            per.append((time.thread_time_ns() - began) / 1e3)
    return {"src": kage.__file__, "per": per}


def agent(episodes: int) -> dict[str, object]:
    """One run: a random agent's steps per CPU second through kage.env (bench_env's pool)."""
    import kage
    from kage import worlds
    from kage.env import KageEnv, walkthrough

    world = worlds.load("banished")
    walk = walkthrough(world)
    probe = KageEnv(world, admissible_commands=True)
    _, info = probe.reset(seed=0)
    pool = sorted(set(info["admissible_commands"]) | set(walk))
    env = KageEnv(world, max_episode_steps=100)
    env.reset(seed=10_000)
    for line in walk[:20]:
        env.step(line)
    rng, steps = random.Random(1), 0
    began = time.thread_time()
    for seed in range(episodes):
        env.reset(seed=seed)
        for _ in range(100):
            _, _, terminated, truncated, _ = env.step(rng.choice(pool))
            steps += 1
            if terminated or truncated:
                break
    return {"src": kage.__file__, "rate": steps / (time.thread_time() - began)}


def run(src: str, what: str, n: int) -> dict[str, object]:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        env = dict(os.environ, PYTHONPATH=str(Path(src).resolve()))
        subprocess.run(
            [sys.executable, __file__, "--one", what, str(n), out.name], env=env, check=True
        )
        found: dict[str, object] = json.loads(Path(out.name).read_text())
    assert str(found["src"]).startswith(str(Path(src).resolve())), found["src"]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("new")
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=25)
    parser.add_argument("--episodes", type=int, default=60)
    args = parser.parse_args()
    revisions = {"base": args.base, "new": args.new}
    medians: dict[str, list[float]] = {k: [] for k in revisions}
    p99s: dict[str, list[float]] = {k: [] for k in revisions}
    pooled: dict[str, list[float]] = {k: [] for k in revisions}
    rates: dict[str, list[float]] = {k: [] for k in revisions}
    for n in range(args.runs):
        order = list(revisions.items()) if n % 2 == 0 else list(reversed(revisions.items()))
        for name, src in order:
            per = sorted(run(src, "turns", args.rounds)["per"])  # type: ignore[type-var]
            medians[name].append(per[len(per) // 2])
            p99s[name].append(per[int(len(per) * 0.99)])
            pooled[name] += per
            rates[name].append(float(run(src, "agent", args.episodes)["rate"]))  # type: ignore[arg-type]
    print(f"load average {os.getloadavg()[0]:.1f}; {args.runs} runs each, alternating")
    for name, src in revisions.items():
        per = sorted(pooled[name])
        print(
            f"{name} ({src}): turn median {statistics.median(medians[name]):.0f} us, "
            f"p99 {statistics.median(p99s[name]):.0f} us (medians over runs; pooled "
            f"{len(per)} turns: median {per[len(per) // 2]:.0f}, p99 "
            f"{per[int(len(per) * 0.99)]:.0f}, max {per[-1]:.0f}); random agent "
            f"{statistics.median(rates[name]):,.0f} steps/s "
            f"(runs: {', '.join(f'{r:,.0f}' for r in rates[name])})"
        )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        _, _, what, n, out = sys.argv
        found = turns(int(n)) if what == "turns" else agent(int(n))
        Path(out).write_text(json.dumps(found))
    else:
        main()
