"""A random agent plays a Kage world through Gymnasium, choosing among the admissible
commands each step, and prints how it went.

    python examples/random_agent.py [--world banished] [--episodes 3] [--steps 100] [--seed 0]

Needs the env extra: pip install -e ".[env]".
"""

from __future__ import annotations

import argparse
import random

import gymnasium as gym

import kage.env  # noqa: F401  (registers kage/Banished-v0, kage/Cloak-v0, kage/World-v0 ...)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--world", default="banished", help="a bundled world or a folder")
    parser.add_argument("--episodes", type=int, default=3)
    parser.add_argument("--steps", type=int, default=100, help="steps per episode at most")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    env = gym.make(
        "kage/World-v0",
        world=args.world,
        max_episode_steps=args.steps,
        admissible_commands=True,
        score=True,
        max_score=True,
        location=True,
    )
    choose = random.Random(args.seed)
    for episode in range(args.episodes):
        observation, info = env.reset(seed=args.seed + episode)
        total, places = 0.0, {info["location"]}
        steps = 0
        terminated = truncated = False
        while not (terminated or truncated):
            command = choose.choice(info["admissible_commands"] or ["look"])
            observation, reward, terminated, truncated, info = env.step(command)
            total += float(reward)
            places.add(info["location"])
            steps += 1
            if reward:
                print(f"  step {steps}: {command!r} scored {reward:+g}")
        ending = "ended" if terminated else "stopped at the step limit"
        print(
            f"episode {episode}: {ending} after {steps} steps, score {info['score']} of "
            f"{info['max_score']}, {len(places)} places seen"
        )
    env.close()


if __name__ == "__main__":
    main()
