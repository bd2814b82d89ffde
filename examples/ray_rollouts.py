"""Rollouts of a random agent across Ray workers, each with its own Kage environment; then
the same episodes on fewer workers, to show how the rate scales (the episodes are the same:
each is decided by its seed).

    python examples/ray_rollouts.py [--world cloak] [--episodes 32] [--steps 50]
                                    [--workers 1 2]

Needs the ray extra: pip install -e ".[ray]". Starts a local Ray instance with as many
CPUs as the most workers asked for, or joins the cluster that RAY_ADDRESS names.
"""

from __future__ import annotations

import argparse
import time

from kage.scale import start
from kage.scale.rollouts import Episode, rollouts


def summary(episodes: list[Episode]) -> str:
    won = sum(e.won for e in episodes)
    steps = sum(e.steps for e in episodes)
    best = max((e.score for e in episodes), default=0)
    return f"{len(episodes)} episodes, {steps} steps, {won} won, best score {best}"


def main(argv: list[str] | None = None) -> dict[int, float]:
    """Run the rollouts for each number of workers; return episodes a second for each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--world", default="cloak", help="a bundled world or a folder")
    parser.add_argument("--episodes", type=int, default=32)
    parser.add_argument("--steps", type=int, default=50, help="steps per episode at most")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args(argv)

    start(max(args.workers), "This example")
    rates: dict[int, float] = {}
    first: list[Episode] | None = None
    for workers in args.workers:
        began = time.perf_counter()
        episodes = rollouts(
            args.world, args.episodes, workers, seed=args.seed, max_steps=args.steps
        )
        seconds = time.perf_counter() - began
        rates[workers] = args.episodes / seconds
        steps = sum(e.steps for e in episodes)
        print(
            f"{workers} worker(s): {summary(episodes)} in {seconds:.1f} s: "
            f"{rates[workers]:.1f} episodes/s, {steps / seconds:,.0f} steps/s"
        )
        if first is None:
            first = episodes
        elif episodes != first:
            raise SystemExit("the episodes differ between runs: they should not")
    return rates


if __name__ == "__main__":
    main()
