"""Shared fixtures: the bundled world (loaded once; worlds are read-only) and sessions."""

from __future__ import annotations

import copy
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

# Tests must see a crash: sessions (and `kage` subprocesses, which inherit this) re-raise
# internal errors instead of answering the player with an apology.
os.environ["KAGE_STRICT"] = "1"
# A TRANSCRIPT typed in any test (random play types anything) writes here, never into the
# user's own data folder.
os.environ.setdefault("KAGE_TRANSCRIPTS", tempfile.mkdtemp(prefix="kage-transcripts-"))

from kage import worlds  # noqa: E402
from kage.session import Session  # noqa: E402
from kage.world.model import World  # noqa: E402


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


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How much the property tests played and checked (tests/invariants.py counts)."""
    from tests.invariants import COUNTS

    if COUNTS:
        terminalreporter.write_line(
            f"property tests: {COUNTS['games']} games, {COUNTS['commands']} commands, "
            f"{COUNTS['invariant checks']} invariant checks"
        )
