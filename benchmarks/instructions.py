"""Instructions per step of a random agent through kage.env (no admissible commands),
for one or more source trees: a count that other jobs on a shared machine do not
disturb, as they disturb even CPU time (caches, frequency). Needs valgrind.

Each tree is run twice under `valgrind --tool=cachegrind --cache-sim=no` (which counts
the instructions executed): once with the episodes, once without (start-up, the world's
loading and the warm-up alone); the difference over the steps taken is the cost of a
step. The agent is ab_speed.py's: bench_env's pool, 100-step episodes, the same seeds.

    git worktree add --detach /tmp/base <commit>
    python benchmarks/instructions.py /tmp/base/src src [--episodes 10]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path


def play(episodes: int) -> int:
    """The agent's steps (run inside valgrind)."""
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
    for seed in range(episodes):
        env.reset(seed=seed)
        for _ in range(100):
            _, _, terminated, truncated, _ = env.step(rng.choice(pool))
            steps += 1
            if terminated or truncated:
                break
    return steps


def counted(src: str, episodes: int) -> tuple[int, int]:
    """(instructions, steps) of one run of `play` with `src` first on the path."""
    with tempfile.NamedTemporaryFile(suffix=".txt") as out:
        env = dict(os.environ, PYTHONPATH=str(Path(src).resolve()))
        done = subprocess.run(
            [
                "valgrind",
                "--tool=cachegrind",
                "--cache-sim=no",
                "--cachegrind-out-file=/dev/null",
                sys.executable,
                __file__,
                "--one",
                str(episodes),
                out.name,
            ],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        steps = int(Path(out.name).read_text() or 0)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from valgrind:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", "")), steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="+", help="source trees (a checkout's src)")
    parser.add_argument("--episodes", type=int, default=10)
    args = parser.parse_args()
    for src in args.trees:
        base, _ = counted(src, 0)
        total, steps = counted(src, args.episodes)
        print(f"{src}: {steps} steps, {(total - base) / steps:,.0f} instructions per step")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        Path(sys.argv[3]).write_text(str(play(int(sys.argv[2]))))
    else:
        main()
