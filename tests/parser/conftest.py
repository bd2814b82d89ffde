"""Fresh Banished sessions for the parser's tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.parser.player import Player

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
