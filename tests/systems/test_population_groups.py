"""A living world's population groups are its own data, not fixed by the engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from kage.content.compile import load_world
from kage.content.errors import ContentError
from kage.ext.living import play

WORLD = """
world: {id: vale, title: "Vale", intro: "A vale.", player: hero, extensions: [living]}
places:
  - {id: green, name: "the green"}
people:
  - {id: hero, name: "Hero", at: green}
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
population_groups:
  - {id: farmers}
  - {id: soldiers}
nations:
  - {id: vale, name: "the Vale", opinion: {vale_folk: 10}}
settlements:
  - {id: mill, name: "the Mill", nation: vale, pos: [0, 0], people: {farmers: 90, soldiers: 10},
     group_opinion: {soldiers: {vale_folk: -30}}, places: [green]}
  - {id: keep, name: "the Keep", nation: vale, kind: fortress, pos: [1, 0]}
roads:
  - {between: [mill, keep], days: 1}
factions:
  - {id: vale_folk, name: "the Vale", seats: [mill]}
"""


def _world(tmp_path: Path, text: str = WORLD):  # noqa: ANN202
    (tmp_path / "vale.yaml").write_text(text)
    return load_world(tmp_path)


def test_the_groups_are_the_worlds_own(tmp_path: Path) -> None:
    static = play.static(_world(tmp_path))
    assert static is not None
    geo = static.geo
    assert geo.groups == ("farmers", "soldiers")
    assert geo.pop.tolist() == [[90, 10], [1000, 0]]  # none said: a thousand of the first
    assert geo.kinds == ["town", "fortress"]  # a kind of settlement is any word
    at_mill = static.opinion.base[0, :, static.opinion.index["vale_folk"]]
    assert at_mill.tolist() == [10, -30]  # the nation's view, but the soldiers' own


def test_a_faction_that_names_no_voice_hears_every_group(tmp_path: Path) -> None:
    static = play.static(_world(tmp_path))
    assert static is not None
    assert sorted(static.factions.seat_g.tolist()) == [0, 1]


def test_a_group_the_world_does_not_name_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as info:
        _world(tmp_path, WORLD.replace("soldiers: 10}", "soldier: 10}"))
    message = str(info.value)
    assert "vale.yaml:15:" in message and "'soldier'" in message
    assert "Did you mean 'soldiers'?" in message


def test_a_world_that_names_no_groups_has_one(tmp_path: Path) -> None:
    text = WORLD.replace("population_groups:\n  - {id: farmers}\n  - {id: soldiers}\n", "")
    text = text.replace(
        "people: {farmers: 90, soldiers: 10},\n     group_opinion: {soldiers: {vale_folk: -30}}, ",
        "",
    )
    static = play.static(_world(tmp_path, text))
    assert static is not None and static.geo.groups == ("people",)
