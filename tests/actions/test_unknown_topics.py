"""People answer in character what they have no topic for: by their state first (a
status's `answers`, as its `looks` replace a description), then by their own
`unknown_topic`, whose variants follow the story; never a bare "nothing to say" when
the world has written better."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import opened, play, world_from

from kage.world.model import World

WORLD = """
world: {id: yard, title: "Yard", intro: "Dust.", player: pip, extensions: [body]}
places:
  - {id: yard, name: "the yard", nouns: [yard]}
people:
  - {id: pip, name: "Pip", nouns: [pip, me], gender: him, at: yard}
  - id: digger
    name: "digger"
    nouns: [digger]
    proper: false
    gender: him
    at: yard
    unknown_topic:
      - when: {flag: freed}
        text: '"Free, and I still know nothing," says the digger, grinning.'
      - text: "The digger glances at the overseer and says nothing."
  - {id: overseer, name: "overseer", nouns: [overseer], proper: false, gender: him, at: yard}
statuses:
  - {id: beaten, name: "beaten",
     answers: "{The noun} {begs} you to stop asking {him} things."}
interactions:
  - {verb: jump, effects: [{set: {freed: true}}], text: "You jump."}
  - {verb: sing, effects: [{status: {who: overseer, add: beaten}}], text: "You sing."}
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="module")
def yard(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "yard", WORLD)


def test_unknown_topics_follow_the_story(yard: World, tmp_path: Path) -> None:
    session = opened(yard, tmp_path)
    assert play(session, "ask digger about the mine") == (
        "The digger glances at the overseer and says nothing."
    )
    play(session, "jump")
    assert "Free, and I still know nothing" in play(session, "ask digger about the mine")


def test_a_status_answers_for_whoever_is_in_it(yard: World, tmp_path: Path) -> None:
    session = opened(yard, tmp_path)
    assert "nothing to say" in play(session, "ask overseer about the mine")
    play(session, "sing")
    assert play(session, "ask overseer about the mine") == (
        "The overseer begs you to stop asking him things."
    )
    assert play(session, "talk to overseer") == "The overseer begs you to stop asking him things."
