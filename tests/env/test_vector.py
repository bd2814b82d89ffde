"""Gymnasium's vector environments: SyncVectorEnv and AsyncVectorEnv (shared memory, as
by default, and pipes) step two Kage games together and agree with each other."""

from __future__ import annotations

import gymnasium as gym
import pytest
from gymnasium.vector import AsyncVectorEnv, SyncVectorEnv

import kage.env
from kage.env import KageEnv

COMMANDS = [("look", "n"), ("s", "w"), ("x message", "remove cloak"), ("n", "hang cloak on hook")]


def _make() -> KageEnv:
    return KageEnv("cloak", score=True, moves=True)


def _run(vector: gym.vector.VectorEnv) -> list[object]:
    try:
        observations, infos = vector.reset(seed=[3, 4])
        seen: list[object] = [observations, infos["moves"].tolist()]
        for actions in COMMANDS:
            observations, rewards, terminated, truncated, infos = vector.step(actions)
            seen += [observations, rewards.tolist(), terminated.tolist(), infos["score"].tolist()]
        return seen
    finally:
        vector.close()


def test_sync_vector_env_plays_two_games() -> None:
    seen = _run(SyncVectorEnv([_make, _make]))
    assert len(seen[0]) == 2 and all(isinstance(o, str) for o in seen[0])
    assert seen[-1] == [0, 1]  # the second game hung the cloak up


@pytest.mark.parametrize("shared_memory", [True, False])
def test_async_vector_env_agrees_with_sync(shared_memory: bool) -> None:
    expected = _run(SyncVectorEnv([_make, _make]))
    assert _run(AsyncVectorEnv([_make, _make], shared_memory=shared_memory)) == expected


def test_make_vec_by_id_and_by_helper() -> None:
    vector = gym.make_vec("kage/Cloak-v0", num_envs=2, vectorization_mode="async")
    try:
        observations, _ = vector.reset(seed=0)
        assert all("Cloak" in o or "CLOAK" in o for o in observations)
    finally:
        vector.close()
    vector = kage.env.make_vec("cloak", num_envs=2, vectorization_mode="sync", score=True)
    try:
        vector.reset(seed=0)
        _, _, _, _, infos = vector.step(("w", "w"))
        assert infos["score"].tolist() == [0, 0]
    finally:
        vector.close()
