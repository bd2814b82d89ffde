"""Environments of the bundled worlds, built once per test module where they can be."""

from __future__ import annotations

import pytest

from kage import worlds
from kage.env import KageEnv

# every info but the two that cost (admissible commands) or never change (walkthrough)
CHEAP = ("score", "max_score", "moves", "location", "inventory", "won", "lost", "actions", "facts")


@pytest.fixture(scope="module")
def env() -> KageEnv:
    return KageEnv(worlds.load("banished"), infos=CHEAP)


@pytest.fixture(scope="module")
def other() -> KageEnv:
    """A second environment of the same world, to restore states taken in the first."""
    return KageEnv(worlds.load("banished"), infos=CHEAP)
