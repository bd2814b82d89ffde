"""Hazards that care avoids: a hazard's precautions (`care`) avoid or soften it, being
careful is something the player does ("watch your step", "walk carefully north") and
costs time, and in Banished Kurama's advice on the road is exactly what works."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import opened, play, played_until, world_from

import kage
from kage.content.compile import load_world
from kage.ext.body import stats
from kage.ext.hazards import hazards
from kage.world import query

WORLD = """
world: {id: trail, title: "Trail", intro: "Mind the path.", player: walker,
  extensions: [hazards]}
statuses:
  - {id: muddy, name: "muddy"}
  - {id: scraped, name: "scraped"}
places:
  - id: camp
    name: "the camp"
    nouns: [camp]
    exits: {north: {to: bog, minutes: 60}}
  - id: bog
    name: "the bog"
    nouns: [bog]
    exits: {south: {to: camp, minutes: 60}, north: {to: scree, minutes: 60}}
  - id: scree
    name: "the scree"
    nouns: [scree]
    exits: {south: {to: bog, minutes: 60}}
people:
  - id: walker
    name: "Walker"
    nouns: [walker, me]
    proper: true
    gender: her
    at: camp
endings:
  - {id: home, when: {flag: home}, won: true, text: "Home."}
hazards:
  - id: sinkhole
    place: bog
    text: "The ground swallows your leg to the knee."
    effects: [{status: {add: muddy}}]
    care:
      - when: {careful: true}
        text: "You test the ground and find the sinkhole before it finds you."
  - id: slide
    place: scree
    text: "The scree slides, and you go down with it."
    effects: [{status: {add: muddy}}, {status: {add: scraped}}]
    care:
      - when: {careful: true}
        text: "You slip, but you were ready for it: only a scrape."
        effects: [{status: {add: scraped}}]
"""


@pytest.fixture(scope="module")
def trail(tmp_path_factory):  # type: ignore[no-untyped-def]
    return world_from(tmp_path_factory, "trail", WORLD)


def kinds(game, start: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.kind for e in game.log[start:] if e.kind.startswith("hazard")]


def test_without_care_the_hazard_happens(trail, tmp_path) -> None:
    session = opened(trail, tmp_path)
    text = play(session, "n")
    assert "swallows your leg" in text
    assert stats.has_status(session.game, "walker", "muddy")


def test_care_avoids_it_and_a_careless_return_still_meets_it(trail, tmp_path) -> None:
    session = opened(trail, tmp_path)
    game = session.game
    assert "watching where you put your feet" in play(session, "watch your step")
    start = len(game.log)
    text = play(session, "n")
    assert "find the sinkhole before it finds you" in text and "swallows" not in text
    assert not stats.has_status(game, "walker", "muddy")
    assert kinds(game, start) == ["hazard.avoided"]
    # care spent nothing of a `once` hazard: without it, next time, it happens
    play(session, "hurry", "s")
    assert "swallows your leg" in play(session, "n")


def test_care_can_soften_instead_of_avoiding(trail, tmp_path) -> None:
    session = opened(trail, tmp_path)
    game = session.game
    play(session, "look where you step", "n")
    text = play(session, "n")
    assert "only a scrape" in text
    assert stats.has_status(game, "walker", "scraped")
    assert not stats.has_status(game, "walker", "muddy")


def test_going_carefully_is_care_and_costs_time(trail, tmp_path) -> None:
    session = opened(trail, tmp_path)
    game = session.game
    start = game.state.minutes
    play(session, "walk carefully north")
    assert hazards.careful(game)
    assert game.state.minutes - start == 90  # half as slow again as the hour it takes
    play(session, "hurry")
    assert not hazards.careful(game)
    start = game.state.minutes
    play(session, "s")
    assert game.state.minutes - start == 60


def test_care_wears_off(trail, tmp_path) -> None:
    session = opened(trail, tmp_path)
    game = session.game
    play(session, "be careful")
    play(session, "wait 7 hours")
    assert not hazards.careful(game)
    assert "swallows your leg" in play(session, "n")


# -- Banished: Kurama's advice is what works ------------------------------------------------
@pytest.fixture(scope="module")
def banished():  # type: ignore[no-untyped-def]
    return load_world(Path(kage.__file__).parent / "campaigns" / "banished")


@pytest.fixture(scope="module")
def on_the_road(banished, tmp_path_factory):  # type: ignore[no-untyped-def]
    return played_until(banished, "sort loot", tmp_path_factory.mktemp("road"))


def fresh_from(base):  # type: ignore[no-untyped-def]
    from tests.helpers import fresh

    return fresh(base)


def test_banished_kuramas_advice_names_what_works(on_the_road) -> None:
    advice = play(fresh_from(on_the_road), "ask kurama about the road")
    assert "Look where you put your feet" in advice and "honey alone" in advice


def test_banished_careless_the_ditch_and_the_ivy_get_you(on_the_road) -> None:
    session = fresh_from(on_the_road)
    game = session.game
    play(session, "s", "s")
    assert stats.has_status(game, "naruto", "bruised")
    assert stats.has_status(game, "naruto", "rash")


def test_banished_following_the_advice_spares_you_all_three(on_the_road) -> None:
    session = fresh_from(on_the_road)
    game = session.game
    start = len(game.log)
    play(session, "look where you put your feet", "s", "s", "s")
    assert query.here(game) == "forest_edge"
    for status in ("bruised", "rash", "exhausted"):
        assert not stats.has_status(game, "naruto", status), status
    avoided = [e.data["id"] for e in game.log[start:] if e.kind == "hazard.avoided"]
    assert avoided == ["ditch", "ivy", "bear"]


def test_banished_taking_the_honey_brings_the_bear(on_the_road) -> None:
    session = fresh_from(on_the_road)
    game = session.game
    play(session, "watch your step", "s", "s")
    text = play(session, "take honeycomb")
    assert "bees object" in text
    assert query.holder(game, "honey_chunk") == "naruto"
    start = len(game.log)
    play(session, "s")
    assert [e.data["id"] for e in game.log[start:] if e.kind == "hazard"] == ["bear"]
    assert stats.has_status(game, "naruto", "exhausted")


def test_care_is_told_once_and_keeps_working_quietly(trail, tmp_path) -> None:
    session = opened(trail, tmp_path)
    game = session.game
    assert "before it finds you" in play(session, "watch your step", "n")
    text = play(session, "s", "n")
    assert "before it finds you" not in text and "swallows" not in text
    assert not stats.has_status(game, "walker", "muddy")


def test_a_manner_word_anywhere_in_the_command_is_care(trail, tmp_path) -> None:
    session = opened(trail, tmp_path)
    game = session.game
    assert "before it finds you" in play(session, "carefully go north")
    assert hazards.careful(game)
    play(session, "hurry")
    assert "scree slides" not in play(session, "cautiously head to the scree")
