"""The Gymnasium environment as agents use it (kage.env): a random agent's steps per
second through env.step, without and with the admissible commands info; reset time; and
get_state + set_state pairs per second (what search agents do).

A random agent plays 100-step episodes. Without admissible commands it draws from a fixed
pool (the admissible commands at the start and the walkthrough's commands, as
bench_agents.py does); with them, from the list the last step returned.

    python benchmarks/bench_env.py [--world banished] [--seconds 5]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import summary, table  # noqa: E402

from kage import worlds  # noqa: E402
from kage.env import KageEnv, walkthrough  # noqa: E402
from kage.game import Game  # noqa: E402

EPISODE = 100


def steps_per_second(env: KageEnv, seconds: float, pool: list[str] | None) -> tuple[float, int]:
    rng = random.Random(1)
    steps, seed = 0, 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        _, info = env.reset(seed=seed)
        seed += 1
        for _ in range(EPISODE):
            choices = pool if pool is not None else info["admissible_commands"]
            _, _, terminated, truncated, info = env.step(rng.choice(choices or ["look"]))
            steps += 1
            if terminated or truncated:
                break
    return steps / (time.perf_counter() - start), steps


def game_steps_per_second(world, seconds: float, pool: list[str]) -> float:  # type: ignore[no-untyped-def]
    """The same agent on Game.command directly: what the environment adds is the rest."""
    rng = random.Random(1)
    steps, seed = 0, 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        game = Game(world, seed)
        seed += 1
        for _ in range(EPISODE):
            game.command(rng.choice(pool))
            steps += 1
            if game.state.done:
                break
    return steps / (time.perf_counter() - start)


def reset_ms(env: KageEnv, n: int = 20000) -> dict[str, float]:
    times = []
    for seed in range(n):
        began = time.perf_counter()
        env.reset(seed=seed % 1000)
        times.append((time.perf_counter() - began) * 1000)
    return summary(times)


def state_pairs_per_second(env: KageEnv, commands: list[str], n: int = 200000) -> float:
    env.reset(seed=0)
    for command in commands:
        env.step(command)
    get, put = env.get_state, env.set_state
    start = time.perf_counter()
    for _ in range(n):
        put(get())
    return n / (time.perf_counter() - start)


def switching_pairs_per_second(env: KageEnv, commands: list[str], n: int = 200000) -> float:
    """get_state, then set_state to another state (a search agent moving between nodes):
    the harder case, as the game drops what it derived from the state it leaves."""
    env.reset(seed=0)
    for command in commands[:10]:
        env.step(command)
    other = env.get_state()
    for command in commands[10:]:
        env.step(command)
    get, put = env.get_state, env.set_state
    start = time.perf_counter()
    for _ in range(n // 2):
        here = get()
        put(other)
        other = get()
        put(here)
    return n / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--world", default="banished")
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    world = worlds.load(args.world)
    walk = walkthrough(world)
    probe = KageEnv(world, admissible_commands=True)
    _, info = probe.reset(seed=0)
    pool = sorted(set(info["admissible_commands"]) | set(walk))

    plain = KageEnv(world, max_episode_steps=EPISODE)
    rate, steps = steps_per_second(plain, args.seconds, pool)
    bare = game_steps_per_second(world, args.seconds, pool)
    listed = KageEnv(world, max_episode_steps=EPISODE, admissible_commands=True)
    listed_rate, listed_steps = steps_per_second(listed, args.seconds, None)
    resets = reset_ms(plain)
    pairs = state_pairs_per_second(plain, walk[:40])
    switching = switching_pairs_per_second(plain, walk[:40])
    rows = [
        ["steps/s, no admissible commands", f"{rate:,.0f}", f"{steps:,} steps"],
        ["... the same agent on Game.command, no env", f"{bare:,.0f}", "(new Game per episode)"],
        ["steps/s, admissible commands every step", f"{listed_rate:,.0f}", f"{listed_steps:,}"],
        ["reset, median (ms)", f"{resets['median']:.4f}", "target < 0.2"],
        ["reset, p99 (ms)", f"{resets['p99']:.4f}", ""],
        ["get_state + set_state pairs/s", f"{pairs:,.0f}", "target >= 300,000"],
        ["... setting another state each time", f"{switching:,.0f}", ""],
    ]
    title = f"kage.env on {args.world}: random agent, {EPISODE}-step episodes"
    print(table(title, ["measure", "value", "note"], rows))


if __name__ == "__main__":
    main()
