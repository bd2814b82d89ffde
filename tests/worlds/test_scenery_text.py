"""What a place's description names and newcomers looked at gets text of its own: the
answer to examining it is never just a sentence of the room again (blind play of
2026-12-03: the chandeliers, the poster, the wheel marks, the nail, the kegs)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.helpers import opened, play

from kage import worlds
from kage.world import query

PROBES = [
    ("cloak", [], "x chandeliers"),
    ("banished", ["go to apartment"], "x poster"),
    ("tidebell", ["w", "n", "send ned on an errand", "w"], "examine wheel marks"),
    ("tidebell", ["w", "n", "send ned on an errand", "w"], "x nail"),
    ("tidebell", ["w", "n", "send ned on an errand", "w"], "x kegs"),
]


def _sentences(text: str) -> set[str]:
    return {s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s.strip()}


@pytest.mark.parametrize(("world", "before", "probe"), PROBES)
def test_examining_what_a_room_names_says_more_than_the_room(
    world: str, before: list[str], probe: str, tmp_path: Path
) -> None:
    session = opened(worlds.load(world), tmp_path)
    play(session, *before)
    game = session.game
    room = game.say_variant(game.world.entities[query.here(game)].description)
    said = play(session, probe)
    assert said and "You can't see" not in said and "scenery" not in said
    assert not _sentences(said) & _sentences(room), said
