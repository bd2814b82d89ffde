"""Someone known and elsewhere is "not here"; by the name the player knows them by only."""

from __future__ import annotations

import pytest
from tests.helpers import world_from

from kage.game import Game

WORLD = """
world: {id: absent, title: "Absent", intro: "A yard.", player: hero, start_time: "0060-10-10T04:00"}
places:
  - id: yard
    name: "the yard"
    exits: {east: shop}
  - id: shop
    name: "the shop"
    exits: {west: yard}
people:
  - id: hero
    name: "Hero"
    gender: him
    at: yard
  - id: silas
    name: "Silas"
    known_as: "tall stranger"
    name_known: {flag: introduced}
    nouns: [silas, stranger, man]
    adjectives: [tall]
    gender: him
    at: shop
  - id: maud
    name: "Maud"
    nouns: [maud, woman]
    gender: her
    at: shop
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


def test_the_name_finds_them_only_once_it_is_known(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    game = Game(world_from(tmp_path_factory, "absent", WORLD))
    assert "You can't see" in game.command("x maud").text  # never seen: nobody
    game.command("east")
    game.command("west")
    assert game.command("x maud").text == "Maud is not here."
    assert game.command("x the tall stranger").text == "The tall stranger is not here."
    assert "not here" not in game.command("x silas").text  # his name is not known yet
    game.state.flags["introduced"] = True
    assert game.command("x silas").text == "Silas is not here."
    assert "not here" not in game.command("x the plumber").text
