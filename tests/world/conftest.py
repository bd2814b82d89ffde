"""A small world for testing the world layer directly: places in zones, a person with a
purse and a wallet in a bag, a sealed scroll, a desk (a supporter), a merchant with wares,
and a game on it whose state each test may change at will."""

from __future__ import annotations

import pytest
from tests.helpers import world_from

from kage.game import Game
from kage.world.model import World

YARD = """
world: {id: yard, title: "Yard", intro: "A yard.", player: hero, start_time: "0060-10-10T04:00"}
places:
  - id: yard
    name: "the yard"
    zones: [village, walls]
    exits: {east: shop}
  - id: shop
    name: "the shop"
    zones: [village]
    exits: {west: yard}
  - id: field
    name: "the far field"
people:
  - id: hero
    name: "Hero"
    gender: him
    at: yard
    money: 30
  - id: guard
    name: "guard"
    proper: false
    gender: him
    at: yard
    money: 5
  - id: trader
    name: "Trader"
    at: shop
    props: {merchant: true}
things:
  - id: bag
    name: "bag"
    at: hero
    container: true
  - id: wallet
    name: "wallet"
    at: bag
    money: 100
  - id: scroll
    name: "sealed scroll"
    at: hero
    container: true
    props: {opaque: true}
  - id: kunai
    name: "kunai"
    at: scroll
  - id: cloak
    name: "cloak"
    at: hero
    wearable: true
    worn: true
  - id: desk
    name: "desk"
    at: yard
    portable: false
    props: {supporter: true}
  - id: ink
    name: "ink pot"
    at: desk
  - id: chest
    name: "chest"
    at: yard
    portable: false
    container: true
  - id: apple
    name: "apple"
    at: chest
  - id: spear
    name: "spear"
    at: guard
  - id: fan
    name: "paper fan"
    at: trader
  - id: box
    name: "box"
    at: yard
    container: true
    props: {opaque: true}
  - id: coin
    name: "old coin"
    at: box
milestones:
  - {id: first, points: 5}
  - {id: second, points: 7}
events:
  - {id: bell, effects: [{set: {bell: rung}}]}
  - {id: gong, effects: [{set: {gong: struck}}]}
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="session")
def yard(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "yard", YARD)


@pytest.fixture
def game(yard: World) -> Game:
    return Game(yard, seed=3)
