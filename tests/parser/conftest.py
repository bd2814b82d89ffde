"""Fresh Banished sessions for the parser's tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.corpus.replay import Replay
from tests.parser.player import Player
from tests.parser.walks import played

from kage.session import Session
from kage.world.model import World


@pytest.fixture
def player(banished: World, tmp_path: Path) -> Player:
    session = Session(banished, seed=0, saves=tmp_path / "saves")
    session.opening()
    return Player(session)


@pytest.fixture
def at_home(player: Player) -> Player:
    """In Naruto's apartment, where the frog wallet, backpack, photo, cups and jumpsuit lie."""
    player("down", "ne")
    assert player.here == "naruto_apartment"
    return player


@pytest.fixture(scope="session")
def replays() -> Iterator[dict[str, Replay]]:
    """The walkthroughs played once for every test that types at a step (walks.py)."""
    made = played()
    yield made
    for replay in made.values():
        replay.close()
