"""Trust and escort: reassuring a wary prisoner (with and without signs of deceit), the
trust he needs before you untie him, and helping him walk out at his own pace."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.helpers import opened, play, world_from

from kage import worlds
from kage.ext.body import stats
from kage.ext.captivity import escort
from kage.game import Game
from kage.session import Session
from kage.world import ops, query
from kage.world.conditions import holds
from kage.world.model import World

WORLD = """
world: {id: cells, title: "The Cells", intro: "Down here.", player: ninja, extensions: [captivity]}
places:
  - id: cells
    name: "the cells"
    nouns: [cells]
    exits: {up: {to: chamber, minutes: 10}}
  - id: chamber
    name: "the chamber"
    nouns: [chamber]
    exits: {down: {to: cells, minutes: 10}, south: {to: yard, minutes: 5}}
  - id: yard
    name: "the yard"
    nouns: [yard]
    exits: {north: {to: chamber, minutes: 5}}
people:
  - id: ninja
    name: "Ninja"
    nouns: [ninja, me]
    proper: true
    gender: him
    at: cells
  - id: youth
    name: "young man"
    nouns: [man, youth, prisoner]
    adjectives: [young]
    proper: false
    gender: him
    at: cells
    props: {tied: true, wary: true, trust: 0, pace: 3}
  - id: girl
    name: "girl"
    nouns: [girl]
    proper: false
    gender: her
    at: cells
  - id: thug
    name: "thug"
    nouns: [thug]
    proper: false
    gender: him
    at: chamber
    props: {hostile: true}
things:
  - id: sword
    name: "sword"
    nouns: [sword]
    at: cells
    props: {drawn: true}
verbs:
  untie: ["untie {person}"]
  reassure: ["reassure {person}", "comfort {person}", "calm {person}",
    "tell {person} you are here to free him", "say you are here to free {person}"]
  escort: ["help {person}", "support {person}", "lead {person} out", "escort {person}"]
  let_go: ["let go of {person}", "leave {person}"]
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "cells", WORLD)


@pytest.fixture
def session(world: World, tmp_path: Path) -> Session:
    return opened(world, tmp_path / "saves")


def trust(session: Session) -> float:
    return stats.stat(session.game, "youth", "trust")


def has(session: Session, who: str, status: str) -> bool:
    return stats.has_status(session.game, who, status)


# -- trust --------------------------------------------------------------------------------
def test_an_honest_reassurance_wins_his_trust(session: Session) -> None:
    assert "does not trust you" in play(session, "untie young man")
    assert query.prop(session.game, "youth", "tied")
    text = play(session, "reassure young man")
    assert "flinch" not in text and "There isn't one" in text
    assert trust(session) >= escort.TRUSTS
    assert session.game.state.flags["trusts.youth"]
    play(session, "untie young man")
    assert not query.prop(session.game, "youth", "tied")


@pytest.mark.parametrize(
    "line",
    ["comfort young man", "calm prisoner", "tell youth you are here to free him"],
)
def test_the_ways_to_reassure(session: Session, line: str) -> None:
    play(session, line)
    assert trust(session) >= escort.TRUSTS


@pytest.mark.parametrize(
    ("deceit", "seen"),
    [("drawn", "naked blade"), ("invisible", "empty air"), ("blood", "killed")],
)
def test_signs_of_deceit_make_him_flinch(session: Session, deceit: str, seen: str) -> None:
    game = session.game
    if deceit == "drawn":
        play(session, "take sword")
    elif deceit == "invisible":
        stats.add_status(game, "ninja", "invisible")
    else:
        ops.set_flag(game, "killed_someone", True)
    text = play(session, "reassure young man")
    assert "flinches" in text and seen in text and "not enough" in text
    assert 0 < trust(session) < escort.TRUSTS
    assert "does not trust you" in play(session, "untie young man")
    assert "believe" in play(session, "reassure young man")  # the second gets through
    assert trust(session) >= escort.TRUSTS
    play(session, "untie young man")
    assert not query.prop(game, "youth", "tied")


def test_a_sheathed_blade_is_no_threat(session: Session) -> None:
    play(session, "take sword")
    ops.set_prop(session.game, "sword", "drawn", False)
    assert "flinch" not in play(session, "reassure young man")


def test_someone_who_was_never_wary_just_calms(session: Session) -> None:
    ops.set_flag(session.game, "killed_someone", True)
    assert "calms a little" in play(session, "reassure girl")
    assert escort.trusts(session.game, "girl")


def test_an_enemy_is_not_comforted(session: Session) -> None:
    assert "no mood" in play(session, "up", "reassure thug")


# -- escort -------------------------------------------------------------------------------
def test_he_must_be_untied_and_trusting_before_you_lead_him(session: Session) -> None:
    assert "Untie him first" in play(session, "help young man")
    ops.set_prop(session.game, "youth", "tied", False)
    assert "does not trust you" in play(session, "help young man")
    assert not has(session, "youth", "following")


def test_escorting_moves_him_with_you_at_his_pace(session: Session) -> None:
    game = session.game
    play(session, "reassure young man", "untie young man")
    text = play(session, "support young man")
    assert "shaky step" in text
    assert has(session, "youth", "following")
    start = game.state.minutes
    play(session, "up")
    assert game.state.minutes - start == 30  # a ten-minute climb, three times as long
    assert query.place_of(game, "youth") == "chamber"
    start = game.state.minutes
    play(session, "s")
    assert game.state.minutes - start == 15
    assert query.place_of(game, "youth") == "yard"
    assert "already with you" in play(session, "escort young man")


def test_going_alone_is_quicker(session: Session) -> None:
    start = session.game.state.minutes
    play(session, "up")
    assert session.game.state.minutes - start == 10
    assert query.place_of(session.game, "youth") == "cells"


def test_going_to_a_place_brings_him_every_step(session: Session) -> None:
    game = session.game
    play(session, "reassure young man", "untie young man", "lead young man out")
    ops.set_prop(game, "youth", "pace", 1)
    game.state.visited["yard"] = -1  # heard of
    play(session, "go to yard")
    assert query.place_of(game, "youth") == "yard"


def test_letting_go_leaves_him_behind(session: Session) -> None:
    game = session.game
    play(session, "reassure young man", "untie young man", "help young man")
    text = play(session, "let go of young man")
    assert "ease" in text
    assert not has(session, "youth", "following")
    start = game.state.minutes
    play(session, "up")
    assert game.state.minutes - start == 10
    assert query.place_of(game, "youth") == "cells"
    play(session, "down", "help young man")
    assert has(session, "youth", "following")
    play(session, "leave young man")
    assert not has(session, "youth", "following")
    assert "is not with you" in play(session, "let go of young man")


def test_a_follower_who_is_tied_up_stays_behind(session: Session) -> None:
    game = session.game
    play(session, "reassure young man", "untie young man", "help young man")
    stats.add_status(game, "youth", "bound")
    play(session, "up")
    assert query.place_of(game, "youth") == "cells"
    assert not has(session, "youth", "following")


def test_a_condition_can_ask_who_is_following(session: Session) -> None:
    game = session.game
    play(session, "reassure young man", "untie young man", "help young man")
    assert holds(game, {"status": {"who": "youth", "has": "following"}})


@settings(max_examples=60, deadline=None)
@given(order=st.permutations(range(8)), take=st.integers(0, 8), end=st.integers(0, 3))
def test_followers_are_everyone_following_in_definition_order(
    order: list[int], take: int, end: int
) -> None:
    world = worlds.load("banished")
    game = Game(world, seed=1)
    people = [e.id for e in world.entities.values() if e.kind == "person"]
    for n in order[:take]:
        stats.add_status(game, people[n * 3 % len(people)], "following")
    if end:  # and one of them stops
        stats.remove_status(game, people[order[0] * 3 % len(people)], "following")
    every = [who for who in people if stats.has_status(game, who, "following")]
    assert escort.followers(game) == every
