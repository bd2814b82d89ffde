"""The "moved" activity: every way the player changes place runs the same rules, so a
follower, a pickpocket or an edict sees an arrival by a scene or an effect as well as one
on foot."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import opened, play, world_from

from kage.actions.pipeline import ACTIVITY, MOVED
from kage.ext.body import stats
from kage.session import Session
from kage.world import effects, query
from kage.world.model import World

WORLD = """
world: {id: steps, title: "Steps", intro: "A cellar.", player: hero,
  extensions: [captivity, stealth]}
places:
  - id: cellar
    name: "the cellar"
    nouns: [cellar]
    exits: {up: {to: hall, minutes: 10}}
  - id: hall
    name: "the hall"
    nouns: [hall]
    exits: {down: {to: cellar, minutes: 10}, east: {to: market, minutes: 5}}
  - id: market
    name: "the market"
    nouns: [market]
    exits: {west: {to: hall, minutes: 5}}
people:
  - id: hero
    name: "Hero"
    nouns: [hero, me]
    gender: him
    at: cellar
  - id: old_man
    name: "old man"
    nouns: [man]
    adjectives: [old]
    proper: false
    gender: him
    at: cellar
    props: {pace: 3}
  - id: cutpurse
    name: "cutpurse"
    nouns: [cutpurse]
    proper: false
    gender: her
    at: market
things:
  - id: purse
    name: "purse"
    nouns: [purse]
    at: hero
    money: 50
  - id: ladder
    name: "ladder"
    nouns: [ladder]
    at: cellar
    portable: false
interactions:
  - verb: climb
    target: ladder
    text: "You climb the ladder."
    minutes: 10
    effects:
      - move: {hero: hall}
verbs:
  climb: ["climb {thing}"]
thefts:
  - id: lift
    thief: cutpurse
    target: purse
    place: market
    skill: 500
    bump: "Someone jostles you."
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "steps", WORLD)


@pytest.fixture
def session(world: World, tmp_path: Path) -> Session:
    session = opened(world, tmp_path / "saves")
    stats.add_status(session.game, "old_man", "following")
    return session


def test_the_activity_lists_its_rules_in_order(world: World, session: Session) -> None:
    names = [e.name for e in session.game.rules.rules(ACTIVITY, MOVED)]
    assert names == [
        "bringing_them_along",
        "at_their_pace",
        "pickpockets_at_work",
        "fleeing",
        "leaving_drops_the_question",
    ]


def test_a_follower_comes_along_when_the_player_walks(session: Session) -> None:
    start = session.game.state.minutes
    play(session, "up")
    assert query.place_of(session.game, "old_man") == "hall"
    assert session.game.state.minutes - start == 30  # a ten-minute climb at his pace


def test_a_follower_comes_along_when_an_effect_moves_the_player(session: Session) -> None:
    start = session.game.state.minutes
    text = play(session, "climb ladder")
    assert "You climb the ladder." in text
    assert query.place_of(session.game, "old_man") == "hall"
    assert session.game.state.minutes - start == 30  # the interaction's time, at his pace


def test_a_follower_comes_along_on_a_walk_to_a_named_place(session: Session) -> None:
    session.game.state.visited["market"] = -1  # heard of
    play(session, "go to market")
    assert query.place_of(session.game, "old_man") == "market"


def test_a_pickpocket_works_on_an_arrival_by_a_scene(session: Session) -> None:
    game = session.game
    effects.apply(game, [{"move": {"hero": "market"}}])  # as a trigger or event would
    assert game.state.holder["purse"] == "cutpurse"
    assert "Someone jostles you." in game.take_output()
    assert query.place_of(game, "old_man") == "market"  # no action: nothing to slow down


def test_moving_things_or_others_runs_nothing(session: Session) -> None:
    game = session.game
    effects.apply(game, [{"move": {"old_man": "market", "ladder": "hall"}}])
    assert game.state.holder["purse"] == "hero"
    assert game.take_output() == ""
