"""Run inside the peers' own virtual environment by bench_peers.py (never the project's):
measures TextWorld and Jericho on one game file and prints the figures as JSON."""

from __future__ import annotations

import json
import random
import sys
import time
from typing import Any

DIRECTIONS = ["north", "south", "east", "west"]
VERBS = ["examine", "take", "drop", "open", "close"]
EPISODE = 100


def rss_kib() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4  # resident pages of 4 KiB


def commands_for(names: list[str]) -> list[str]:
    """What a random agent without admissible commands picks from."""
    return ["look", "inventory", "wait", *DIRECTIONS] + [f"{v} {n}" for v in VERBS for n in names]


def episodes(reset: Any, step: Any, choose: Any, budget: float) -> tuple[float, int]:
    """Steps per second over 100-step episodes, run for about `budget` seconds."""
    rng = random.Random(0)
    steps, began = 0, time.perf_counter()
    while time.perf_counter() - began < budget:
        state = reset()
        for _ in range(EPISODE):
            state = step(choose(rng, state))
            steps += 1
    return steps / (time.perf_counter() - began), steps


def timed(fn: Any, budget: float) -> float:
    """Calls per second of `fn`, for about `budget` seconds."""
    n, began = 0, time.perf_counter()
    while time.perf_counter() - began < budget:
        fn()
        n += 1
    return n / (time.perf_counter() - began)


def textworld_figures(path: str, budget: float) -> dict[str, Any]:
    import textworld

    game = textworld.Game.load(path.rsplit(".", 1)[0] + ".json")
    fixed = commands_for(list(game.objects_names))
    out: dict[str, Any] = {"version": textworld.__version__}
    env = textworld.start(path, textworld.EnvInfos())
    out["steps"], _ = episodes(
        env.reset, lambda c: env.step(c)[0], lambda rng, s: rng.choice(fixed), budget
    )
    adm = textworld.start(path, textworld.EnvInfos(admissible_commands=True))
    out["steps_admissible"], _ = episodes(
        adm.reset,
        lambda c: adm.step(c)[0],
        lambda rng, s: rng.choice(s.admissible_commands or fixed),
        budget,
    )
    out["reset_ms"] = 1000 / timed(env.reset, budget / 2)
    out["state_pairs"] = None  # TextWorld has no state save/restore
    out["instance_kib"] = per_instance(lambda: _started(textworld, path))
    return out


def _started(textworld: Any, path: str) -> Any:
    env = textworld.start(path, textworld.EnvInfos())
    env.reset()
    return env


def jericho_figures(path: str, names: list[str], budget: float) -> dict[str, Any]:
    import jericho

    fixed = commands_for(names)
    out: dict[str, Any] = {"version": jericho.__version__}
    env = jericho.FrotzEnv(path)
    out["steps"], _ = episodes(
        env.reset, lambda c: env.step(c), lambda rng, s: rng.choice(fixed), budget
    )
    env.reset()
    valid = env.get_valid_actions()
    out["valid_actions_found"] = len(valid)
    if valid:

        def step_valid(command: str) -> list[str]:
            env.step(command)
            return env.get_valid_actions() or fixed

        out["steps_admissible"], _ = episodes(
            lambda: env.reset() and env.get_valid_actions(),
            step_valid,
            lambda rng, s: rng.choice(s),
            budget,
        )
    else:
        out["steps_admissible"] = None  # get_valid_actions finds nothing on this game
    out["reset_ms"] = 1000 / timed(env.reset, budget / 2)
    env.reset()
    out["state_pairs"] = timed(lambda: env.set_state(env.get_state()), budget / 2)
    out["instance_kib"] = per_instance(lambda: _frotz(jericho, path))
    return out


def _frotz(jericho: Any, path: str) -> Any:
    env = jericho.FrotzEnv(path)
    env.reset()
    return env


def per_instance(make: Any, count: int = 20) -> float:
    make()  # the first pays for imports and shared buffers
    before = rss_kib()
    kept = [make() for _ in range(count)]
    after = rss_kib()
    del kept
    return (after - before) / count


def main() -> None:
    path, budget = sys.argv[1], float(sys.argv[2])
    result: dict[str, Any] = {}
    try:
        result["textworld"] = textworld_figures(path, budget)
    except Exception as exc:  # reported in the table, not hidden
        result["textworld"] = {"error": f"{type(exc).__name__}: {exc}"}
    try:
        import textworld

        names = list(textworld.Game.load(path.rsplit(".", 1)[0] + ".json").objects_names)
        result["jericho"] = jericho_figures(path, names, budget)
    except Exception as exc:
        result["jericho"] = {"error": f"{type(exc).__name__}: {exc}"}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
