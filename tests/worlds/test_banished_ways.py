"""Banished's ways answer to what its text promises: the rain barrel and the eave up to the
rooftops, the shaft down to the cells, the mine up the track, the town Kurama names, and
"leave the gates" at the gate (which is leaving, not dropping them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import play, played_until

from kage import worlds
from kage.session import Session
from kage.world.model import World


@pytest.fixture(scope="module")
def banished() -> World:
    return worlds.load("banished")


def where(session: Session) -> str:
    return session.game.state.holder[session.game.world.player]


def test_leaving_the_gates_is_leaving_the_village(banished: World, tmp_path: Path) -> None:
    session = played_until(banished, "go to gate", tmp_path)
    play(session, "go to gate")
    said = play(session, "leave the gates")
    assert where(session) == "forest_road", said
    play(session, "go back")
    assert where(session) == "main_gate"


def test_the_town_kurama_names_is_a_place_to_head_for(banished: World, tmp_path: Path) -> None:
    session = played_until(banished, "unseal reserve scroll", tmp_path)
    play(session, "unseal reserve scroll", "s", "s", "s")  # "... it is called Oashisu."
    assert where(session) == "forest_edge"
    play(session, "go to oashisu")
    assert where(session) == "oashisu_gate"
    play(session, "go up the track")  # "a track climbs north toward the mine"
    assert where(session) == "mine_road"
    play(session, "go back", "go to the mine")  # named in that same sentence
    assert where(session) == "mine_entrance"
    play(session, "go to oashisu")
    play(session, "e", "climb the rain barrel")
    assert where(session) == "rooftops"
    play(session, "climb down", "climb onto the roof")
    assert where(session) == "rooftops"


def test_the_shaft_is_the_way_down_to_the_cells(banished: World, tmp_path: Path) -> None:
    session = played_until(banished, "reassure prisoner", tmp_path)
    play(session, "go up the shaft")
    assert where(session) == "great_chamber"
    play(session, "go down the shaft")
    assert where(session) == "lower_cells"
