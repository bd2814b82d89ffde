"""Shared fixtures: the bundled world (loaded once; worlds are read-only) and sessions."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest

from kage import worlds
from kage.session import Session
from kage.world.model import World


@pytest.fixture(scope="session")
def banished() -> World:
    return worlds.load("banished")


@pytest.fixture(scope="session")
def open_road(banished: World) -> World:
    """Banished without the close of Act 1, so play goes on at the border of the Leaf."""
    world = copy.deepcopy(banished)
    world.runtime.clear()
    world.triggers = [t for t in world.triggers if t.id != "act1_closes"]
    return world


@pytest.fixture
def road_session(open_road: World, tmp_path: Path) -> Session:
    session = Session(open_road, saves=tmp_path / "saves")
    session.opening()
    return session


@pytest.fixture
def new_session(banished: World, tmp_path: Path) -> Callable[..., Session]:
    def make(seed: int = 0) -> Session:
        session = Session(banished, seed=seed, saves=tmp_path / "saves")
        session.opening()
        return session

    return make
