"""Kage worlds as Gymnasium environments (the `kage[env]` extra installs Gymnasium).

Importing this package registers, with Gymnasium:

- ``kage/Banished-v0``, ``kage/Cloak-v0``, ``kage/Tidebell-v0``: the bundled worlds;
- ``kage/World-v0``: any world, ``gymnasium.make("kage/World-v0", world="path/to/folder")``.

``gymnasium.make("kage.env:kage/Banished-v0")`` imports it on the way (Gymnasium 1.x has no
plugin entry points, so this is how a script that never imports kage asks for one).
``kage.env.make(world, **options)`` is the same as ``gymnasium.make`` with the world given.
The environment, its spaces, infos and state API: see ``kage.env.core``; wrappers for
libraries without text support: ``kage.env.wrappers``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gymnasium as gym

from kage.env.core import INFOS, MAX_EPISODE_STEPS, KageEnv, walkthrough
from kage.env.player import Player, Snapshot
from kage.world.model import World

__all__ = [
    "BUNDLED",
    "INFOS",
    "MAX_EPISODE_STEPS",
    "KageEnv",
    "Player",
    "Snapshot",
    "make",
    "make_vec",
    "register",
    "walkthrough",
]

BUNDLED = {"Banished": "banished", "Cloak": "cloak", "Tidebell": "tidebell"}
ENTRY = "kage.env.core:KageEnv"


def register() -> None:
    """Register the environments (done on import; again is harmless)."""
    for name, world in BUNDLED.items():
        env_id = f"kage/{name}-v0"
        if env_id not in gym.registry:
            gym.register(id=env_id, entry_point=ENTRY, kwargs={"world": world})
    if "kage/World-v0" not in gym.registry:
        gym.register(id="kage/World-v0", entry_point=ENTRY)


def make(world: str | Path | World = "banished", **options: Any) -> gym.Env[str, str]:
    """An environment of `world` (a bundled name, a folder, or a loaded World), through
    `gymnasium.make` so the usual wrappers (the env checker's) apply."""
    return gym.make("kage/World-v0", world=world, **options)


def make_vec(
    world: str | Path | World = "banished",
    num_envs: int = 2,
    vectorization_mode: str = "sync",
    **options: Any,
) -> gym.vector.VectorEnv:
    """`num_envs` copies of `world` stepped together, "sync" (one process) or "async"
    (a process each). Async observations cross in shared memory (kage.env.spaces makes
    that work for text); `vector_kwargs={"shared_memory": False}` sends them by pipe."""
    vector_kwargs = options.pop("vector_kwargs", {})
    return gym.make_vec(
        "kage/World-v0",
        num_envs=num_envs,
        vectorization_mode=vectorization_mode,
        vector_kwargs=vector_kwargs,
        world=world,
        **options,
    )


register()
