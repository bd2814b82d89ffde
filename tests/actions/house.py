"""A small house for the standard world model's tests.

Hal stands in the hall. East, through the red door (closed, not locked), is the kitchen,
where a torch burns. North, through the study door (locked; the brass key opens it), is
the study with a chest the same key locks. Down is the cellar, dark, with a rat in it.
In the hall: an oak box (closed) with a marble, a glass jar (closed, transparent) with a
coin, a table with a book on it, a chair to sit on, a wardrobe to get into, a lamp (off),
a doormat with a spare key under it, an iron key that fits nothing, and a grate over the
kitchen's dumbwaiter that no one can open.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kage.content.compile import load_world
from kage.session import Session
from kage.world.model import World

HOUSE = """
world: {id: house, title: "House", intro: "You are home.", player: hal}
places:
  - id: hall
    name: "the hall"
    nouns: [hall]
    description: "A draughty hall."
    exits:
      east: {to: kitchen, door: red_door}
      north: {to: study, door: study_door}
      down: cellar
  - id: kitchen
    name: "the kitchen"
    nouns: [kitchen]
    exits:
      west: {to: hall, door: red_door}
      up: {to: hall, door: grate}
  - id: study
    name: "the study"
    nouns: [study]
    exits:
      south: {to: hall, door: study_door}
  - {id: attic, name: "the attic", nouns: [attic]}
  - id: cellar
    name: "the cellar"
    nouns: [cellar]
    dark: true
    description: "Damp stone and cobwebs."
    exits: {up: hall}
people:
  - {id: hal, name: "Hal", nouns: [me, myself], gender: him, at: hall}
things:
  - {id: red_door, name: "red door", nouns: [door], adjectives: [red], door: true, at: hall}
  - {id: study_door, name: "study door", nouns: [door], adjectives: [study], door: true,
     locked: true, key: brass_key, at: hall}
  - {id: grate, name: "iron grate", nouns: [grate], adjectives: [iron], door: true,
     openable: false, at: kitchen}
  - {id: brass_key, name: "brass key", nouns: [key], adjectives: [brass], at: hall}
  - {id: iron_key, name: "iron key", nouns: [key], adjectives: [iron], at: hall}
  - {id: spare_key, name: "spare key", nouns: [key], adjectives: [spare], at: attic}
  - {id: box, name: "oak box", nouns: [box], adjectives: [oak], container: true,
     open: false, at: hall}
  - {id: marble, name: "marble", nouns: [marble], at: box}
  - {id: jar, name: "glass jar", nouns: [jar], adjectives: [glass], container: true,
     transparent: true, open: false, at: hall}
  - {id: coin, name: "coin", nouns: [coin], at: jar}
  - {id: table, name: "table", nouns: [table], supporter: true, portable: false, at: hall}
  - {id: book, name: "book", nouns: [book], at: table}
  - {id: chair, name: "chair", nouns: [chair], supporter: true, enterable: true,
     portable: false, at: hall}
  - {id: wardrobe, name: "wardrobe", nouns: [wardrobe], container: true, enterable: true,
     openable: true, portable: false, at: hall}
  - {id: lamp, name: "lamp", nouns: [lamp], switchable: true, light: true, at: hall}
  - {id: radio, name: "radio", nouns: [radio], switchable: true, switched_on: true, at: hall}
  - {id: mat, name: "doormat", nouns: [doormat, mat], portable: false, at: hall}
  - {id: torch, name: "torch", nouns: [torch], lit: true, at: kitchen}
  - {id: apple, name: "apple", nouns: [apple], edible: true, at: kitchen}
  - {id: milk, name: "milk", nouns: [milk], drinkable: true, at: kitchen}
  - {id: chest, name: "chest", nouns: [chest], container: true, locked: true,
     key: brass_key, portable: false, at: study}
  - {id: rat, name: "rat", nouns: [rat], at: cellar}
interactions:
  - verb: look_under
    target: mat
    when: {holder: {spare_key: attic}}
    text: "Under the doormat lies a spare key."
    effects: [{move: {spare_key: hall}}]
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="session")
def house(tmp_path_factory: pytest.TempPathFactory) -> World:
    folder = tmp_path_factory.mktemp("house")
    (folder / "house.yaml").write_text(HOUSE)
    return load_world(folder)


@pytest.fixture
def home(house: World, tmp_path: Path) -> Session:
    session = Session(house, seed=0, saves=tmp_path / "saves")
    session.opening()
    return session
