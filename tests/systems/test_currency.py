"""A world names its money: trade speaks of crowns in a world of crowns."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import opened, play, world_from

from kage.content.compile import load_world
from kage.world.model import World

WORLD = """
world: {id: fair, title: "Fair", intro: "A fair.", player: hero, currency: crown,
  extensions: [trade]}
places:
  - {id: stall, name: "the stall", nouns: [stall]}
people:
  - {id: hero, name: "Hero", nouns: [hero, me], at: stall, money: 40}
  - id: pedlar
    name: "pedlar"
    proper: false
    nouns: [pedlar]
    at: stall
    money: 100
    props: {merchant: stand}
things:
  - {id: ribbon, name: "ribbon", nouns: [ribbon], at: pedlar, props: {value: 1}}
  - {id: mirror, name: "mirror", nouns: [mirror], at: pedlar, props: {value: 10}}
shops:
  - {id: stand, keeper: pedlar, place: stall, stock: [ribbon, mirror], rounding: 1,
     markup: 1}
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "fair", WORLD)


def test_prices_and_payments_are_in_the_worlds_money(world: World, tmp_path: Path) -> None:
    assert world.currency == ("crown", "crowns")
    session = opened(world, tmp_path)
    text = play(session, "wares")
    assert "ribbon: 1 crown" in text and "mirror: 10 crowns" in text
    assert play(session, "buy ribbon") == "You pay 1 crown for the ribbon."
    assert "ryo" not in text


def test_a_world_that_names_no_money_counts_coins(tmp_path: Path) -> None:
    (tmp_path / "fair.yaml").write_text(WORLD.replace(" currency: crown,", ""))
    world = load_world(tmp_path)
    assert world.money(1) == "1 coin" and world.money(1200) == "1,200 coins"
    assert "mirror: 10 coins" in play(opened(world, tmp_path / "saves"), "wares")
