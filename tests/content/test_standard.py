"""`kage check` on the standard world model: what cannot be (a locked open box, a door no
exit goes through, a lamp with no switch) is an error at its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.content.worlds import find, minimal, only, problems

from kage.content.compile import load_world

THINGS = "things.yaml"


def _things(folder: Path, text: str, places: str | None = None) -> Path:
    files = {"things_yaml": "things:\n" + text}
    if places is not None:
        files["places_yaml"] = places
    return minimal(folder, **files)


def _line(folder: Path, name: str, text: str) -> int:
    lines = (folder / name).read_text().splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


DOOR_PLACES = """\
places:
  - id: room
    name: "a small room"
    exits:
      north: {to: street, door: gate}
  - id: street
    name: "the street"
    dark: true
    exits:
      south: {to: room, door: gate}
"""


def test_a_world_with_every_kind_of_thing_loads(tmp_path: Path) -> None:
    _things(
        tmp_path,
        """\
  - {id: gate, name: "gate", door: true, locked: true, key: key, at: room}
  - {id: key, name: "key", at: room}
  - {id: box, name: "box", container: true, open: false, transparent: true, at: room}
  - {id: sofa, name: "sofa", supporter: true, enterable: true, portable: false, at: room}
  - {id: lamp, name: "lamp", switchable: true, light: true, switched_on: true, at: room}
  - {id: bun, name: "bun", edible: true, at: room}
""",
        DOOR_PLACES,
    )
    world = load_world(tmp_path)
    gate, box, lamp = world.entities["gate"], world.entities["box"], world.entities["lamp"]
    assert gate.door and gate.openable and not gate.open and gate.lockable and not gate.portable
    assert box.openable and not box.open and not box.lockable
    assert lamp.lit and world.entities["bun"].edible
    assert world.entities["room"].exits["north"].door == "gate"
    assert world.entities["street"].dark and not world.entities["room"].dark


@pytest.mark.parametrize(
    ("thing", "field", "says"),
    [
        ('{id: x, name: "x", open: false, at: room}', "open: false", "only containers and doors"),
        ('{id: x, name: "x", transparent: true, at: room}', "transparent", "only a container"),
        (
            '{id: x, name: "x", container: true, locked: true, open: true, at: room}',
            "locked",
            "locked and open at once",
        ),
        ('{id: x, name: "x", enterable: true, at: room}', "enterable", "is enterable, but"),
        ('{id: x, name: "x", light: true, at: room}', "light", "'switchable: true'"),
        ('{id: x, name: "x", switched_on: true, at: room}', "switched_on", "has no switch"),
        (
            '{id: x, name: "x", container: true, supporter: true, at: room}',
            "supporter",
            "Choose one",
        ),
        ('{id: x, name: "x", container: true, key: x, at: room}', "key", "its own key"),
    ],
)
def test_what_cannot_be(tmp_path: Path, thing: str, field: str, says: str) -> None:
    _things(tmp_path, f"  - {thing}\n")
    problem = only(tmp_path)
    assert problem.file == THINGS and problem.line == 2
    assert "thing 'x'" in problem.message and says in problem.message


def test_a_key_that_is_not_there(tmp_path: Path) -> None:
    _things(tmp_path, '  - {id: box, name: "box", container: true, key: kee, at: room}\n')
    problem = only(tmp_path)
    assert (problem.file, problem.line) == (THINGS, 2)
    assert "'kee'" in problem.message


def test_an_exit_through_something_that_is_not_a_door(tmp_path: Path) -> None:
    _things(tmp_path, '  - {id: gate, name: "gate", at: room}\n', DOOR_PLACES)
    found = problems(tmp_path)
    north = find(found, "exit 'north' of place 'room'")
    assert north.file == "places.yaml" and north.line == _line(tmp_path, "places.yaml", "north")
    assert "which is not a door" in north.message


def test_an_exit_through_an_unknown_door(tmp_path: Path) -> None:
    _things(tmp_path, '  - {id: bun, name: "bun", at: room}\n', DOOR_PLACES)
    north = find(problems(tmp_path), "'gate'")
    assert north.file == "places.yaml" and "not a known thing" in north.message


def test_a_door_no_exit_goes_through(tmp_path: Path) -> None:
    _things(tmp_path, '  - {id: gate, name: "gate", door: true, at: room}\n')
    problem = only(tmp_path)
    assert (problem.file, problem.line) == (THINGS, 2)
    assert "no exit goes through it" in problem.message


def test_a_door_away_from_its_exits(tmp_path: Path) -> None:
    places = DOOR_PLACES + "  - {id: yard, name: the yard}\n"
    _things(tmp_path, '  - {id: gate, name: "gate", door: true, at: yard}\n', places)
    problem = only(tmp_path)
    assert (problem.file, problem.line) == (THINGS, 2)
    assert "leave from room, street" in problem.message


def test_a_carried_door(tmp_path: Path) -> None:
    _things(
        tmp_path,
        '  - {id: gate, name: "gate", door: true, portable: true, at: room}\n',
        DOOR_PLACES,
    )
    assert "can't be carried" in only(tmp_path).message


def test_a_dark_place_and_light_conditions_check_their_arguments(tmp_path: Path) -> None:
    minimal(
        tmp_path,
        world_yaml="""\
world: {id: tiny, title: "Tiny", intro: "Dark.", player: hero}
endings:
  - {id: out, won: true, text: "Out.", when: {dark: yes please}}
  - {id: lit, won: true, text: "Lit.", when: {lit: cellarr}}
""",
    )
    found = problems(tmp_path)
    assert find(found, "condition 'dark'").line == 3
    assert find(found, "'cellarr'").line == 4
