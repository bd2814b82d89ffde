"""Someone walking a route out of the player's place is seen to go: a listing that named
them a moment ago is not left standing unexplained ("A boy is here." then "The boy is
not here.")."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import opened, play, world_from

from kage.core import prose
from kage.world import query
from kage.world.model import World

WORLD = """
world: {id: yard, title: "Yard", intro: "Dust.", player: pip, extensions: [routes]}
places:
  - {id: yard, name: "the yard", nouns: [yard], exits: {in: shed}}
  - {id: shed, name: "the shed", nouns: [shed], exits: {out: yard}}
people:
  - {id: pip, name: "Pip", nouns: [pip, me], gender: him, at: yard}
  - id: boy
    name:  # named by where he is
      - {when: {holder: {boy: yard}}, text: "boy in the yard"}
      - text: "boy"
    nouns: [boy]
    proper: false
    gender: him
    at: yard
routes:
  - {id: home, who: boy, path: [yard, shed], minutes: 2}
interactions:
  - {verb: jump, effects: [{route: home}], text: "You jump."}
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="module")
def yard(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "yard", WORLD)


def test_someone_walking_away_is_seen_to_go(yard: World, tmp_path: Path) -> None:
    session = opened(yard, tmp_path)
    said = play(session, "jump", "wait")
    assert query.place_of(session.game, "boy") == "shed"
    assert "The boy slips away toward the shed." in said


def test_nobody_sees_a_walker_leave_a_place_they_are_not_in(yard: World, tmp_path: Path) -> None:
    session = opened(yard, tmp_path)
    said = play(session, "jump", "in")
    assert "slips away" not in said


def test_a_name_that_depends_on_place_follows_the_person(yard: World, tmp_path: Path) -> None:
    session = opened(yard, tmp_path)
    assert prose.name(session.game, "boy") == "boy in the yard"
    play(session, "jump", "wait", "in")
    assert prose.name(session.game, "boy") == "boy"
    assert "A boy is here." in play(session, "look")
