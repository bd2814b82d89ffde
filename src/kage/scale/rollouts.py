"""Rollouts of a policy across Ray workers, each holding its own kage.env environment.

An episode is decided by its seed alone: the environment is reset with it and the policy
draws from a ``random.Random`` seeded with it. So the episodes come back the same whatever
the number of workers (``workers=0`` plays them here, without Ray), and a run can be
checked against another.

    from kage.scale.rollouts import rollouts
    episodes = rollouts("cloak", episodes=64, workers=2, max_steps=50)

A policy is any picklable callable ``policy(observation, info, rng) -> command``; the
default, ``random_admissible``, picks one of ``info["admissible_commands"]``.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kage.scale import start

Policy = Callable[[str, dict[str, Any], random.Random], str]

# the infos every worker's environment gives (the default policy reads the first)
INFOS = {"admissible_commands": True, "score": True, "won": True}


@dataclass
class Episode:
    """One episode: the commands played and what each earned, and how it ended."""

    seed: int
    commands: list[str] = field(default_factory=list)
    rewards: list[float] = field(default_factory=list)
    terminated: bool = False
    truncated: bool = False
    won: bool = False
    score: int = 0

    @property
    def steps(self) -> int:
        return len(self.commands)

    @property
    def total(self) -> float:
        return sum(self.rewards)


def random_admissible(observation: str, info: dict[str, Any], rng: random.Random) -> str:
    """One of the admissible commands, uniformly ("look" when there are none)."""
    return rng.choice(info.get("admissible_commands") or ["look"])


def play(env: Any, policy: Policy, seed: int, max_steps: int) -> Episode:
    """One episode of `policy` in `env` (a kage.env environment), from `seed`."""
    rng = random.Random(seed)
    observation, info = env.reset(seed=seed)
    episode = Episode(seed)
    for _ in range(max_steps):
        command = policy(observation, info, rng)
        observation, reward, terminated, truncated, info = env.step(command)
        episode.commands.append(command)
        episode.rewards.append(float(reward))
        if terminated or truncated:
            episode.terminated, episode.truncated = bool(terminated), bool(truncated)
            break
    else:
        episode.truncated = True
    episode.won = bool(info.get("won", False))
    episode.score = int(info.get("score", 0))
    return episode


class RolloutWorker:
    """A worker's environment and the episodes it plays."""

    def __init__(self, world: str, options: dict[str, Any]) -> None:
        import kage.env

        self.env = kage.env.make(world, **{**INFOS, **options})

    def run(self, seeds: Sequence[int], policy: Policy, max_steps: int) -> list[Episode]:
        return [play(self.env, policy, seed, max_steps) for seed in seeds]


_WORKERS: dict[tuple[str, str], RolloutWorker] = {}  # a worker process's environments
KEPT = 4  # environments a worker process keeps


def play_share(
    world: str, options: dict[str, Any], seeds: Sequence[int], policy: Policy, max_steps: int
) -> list[Episode]:
    """A Ray task: the episodes of `seeds`, played in this process's environment of
    `world` with `options` (made at its first task and kept for the next)."""
    key = (world, repr(sorted(options.items())))
    worker = _WORKERS.get(key)
    if worker is None:
        worker = _WORKERS[key] = RolloutWorker(world, options)
        while len(_WORKERS) > KEPT:
            del _WORKERS[next(iter(_WORKERS))]
    return worker.run(seeds, policy, max_steps)


def rollouts(
    world: str | Path,
    episodes: int,
    workers: int = 2,
    policy: Policy = random_admissible,
    seed: int = 0,
    max_steps: int = 100,
    **options: Any,
) -> list[Episode]:
    """Play `episodes` episodes (seeds `seed`, `seed + 1`, ...) of `world` (a bundled
    world's name or a folder: each worker loads it) on `workers` Ray workers, each with
    one environment; `options` go to ``kage.env.make``. Episodes come back in seed order.
    With ``workers=0`` they are played in this process, without Ray."""
    world = str(world)
    options = {"max_episode_steps": max_steps, **options}
    seeds = list(range(seed, seed + episodes))
    if workers <= 0:
        return RolloutWorker(world, options).run(seeds, policy, max_steps)
    ray = start(workers, "Rollouts on workers")
    task = ray.remote(num_cpus=1)(play_share)
    shares = [share for share in (seeds[k::workers] for k in range(workers)) if share]
    played = ray.get([task.remote(world, options, share, policy, max_steps) for share in shares])
    return sorted((e for share in played for e in share), key=lambda e: e.seed)


def rate(world: str | Path, episodes: int, workers: int, **kwargs: Any) -> float:
    """Episodes a second of `rollouts` with these arguments (the workers' start-up
    included: what a user waits for)."""
    began = time.perf_counter()
    rollouts(world, episodes, workers, **kwargs)
    return episodes / (time.perf_counter() - began)
