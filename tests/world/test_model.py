"""The static world: how things are named in prose, what counts toward the score."""

from __future__ import annotations

import pytest

from kage.world.model import Entity, Milestone, World


@pytest.mark.parametrize(
    ("entity", "the", "a"),
    [
        (Entity("k", "thing", "kunai"), "the kunai", "a kunai"),
        (Entity("a", "thing", "apple"), "the apple", "an apple"),
        (Entity("o", "thing", "Old map"), "the Old map", "an Old map"),
        (Entity("u", "thing", "umbrella"), "the umbrella", "an umbrella"),
        (Entity("e", "thing", "egg"), "the egg", "an egg"),
        (Entity("i", "thing", "ink pot"), "the ink pot", "an ink pot"),
        (Entity("y", "thing", "yam"), "the yam", "a yam"),
        (Entity("s", "thing", "knuckles", plural=True), "the knuckles", "some knuckles"),
        (Entity("t", "person", "Tsunade", proper=True), "Tsunade", "Tsunade"),
        (Entity("p", "thing", "Apples", proper=True, plural=True), "Apples", "Apples"),
    ],
)  # fmt: skip
def test_articles(entity: Entity, the: str, a: str) -> None:
    assert entity.the() == the
    assert entity.a() == a


def test_words_are_nouns_and_adjectives() -> None:
    kunai = Entity("k", "thing", "kunai", nouns=frozenset({"kunai"}), adjectives={"rusty"})
    assert kunai.words == {"kunai", "rusty"}


def test_max_score_and_places() -> None:
    from datetime import datetime

    world = World(
        id="w",
        title="W",
        intro="",
        player="p",
        start_time=datetime(60, 1, 1),
        entities={
            "room": Entity("room", "place", "room"),
            "p": Entity("p", "person", "P"),
            "hall": Entity("hall", "place", "hall"),
        },
        milestones={"a": Milestone("a", 5), "b": Milestone("b", 10)},
    )
    assert world.max_score == 15
    assert [e.id for e in world.places()] == ["room", "hall"]
