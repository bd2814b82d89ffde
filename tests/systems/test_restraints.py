"""Restraints and captives: cutting chains, tying up and untying, whispering the plan and
giving the signal, with their refusals; and properties over random play in a small mine."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.helpers import opened, play, world_from

from kage.ext.body import stats
from kage.ext.captivity import restraints
from kage.ext.combat import combat
from kage.session import Session
from kage.world import query
from kage.world.model import World

WORLD = """
world: {id: pit, title: "The Pit", intro: "The mine.", player: ninja, extensions: [captivity]}
places:
  - id: road
    name: "the road"
    nouns: [road]
    exits: {north: {to: yard, minutes: 10}}
  - id: yard
    name: "the yard"
    nouns: [yard]
    exits: {south: {to: road, minutes: 10}, north: {to: chamber, minutes: 5}}
  - id: chamber
    name: "the chamber"
    nouns: [chamber]
    props: {light: 0.7}
    exits: {south: {to: yard, minutes: 5}, down: {to: cells, minutes: 10}}
  - id: cells
    name: "the cells"
    nouns: [cells]
    exits: {up: {to: chamber, minutes: 10}}
people:
  - id: ninja
    name: "Ninja"
    nouns: [ninja, me]
    proper: true
    gender: him
    at: yard
    props: {taijutsu: 30, stealth: 10}
  - id: thug
    name: "thug"
    nouns: [thug]
    proper: false
    gender: him
    at: yard
    props: {hostile: true, strength: 15, slacking: true}
  - id: digger
    name: "digger"
    nouns: [digger]
    proper: false
    gender: him
    at: yard
    props: {chained: true}
  - id: guard_a
    name: "tall guard"
    nouns: [guard, guards]
    adjectives: [tall]
    proper: false
    gender: him
    at: chamber
    props: {hostile: true, strength: 30, perception: 60}
  - id: guard_b
    name: "short guard"
    nouns: [guard, guards]
    adjectives: [short]
    proper: false
    gender: him
    at: chamber
    props: {hostile: true, strength: 30, perception: 60}
  - id: miners
    name: "miners"
    nouns: [miners, men]
    plural: true
    proper: false
    gender: them
    at: chamber
    props: {chained: true, count: 6}
  - id: youth
    name: "young man"
    nouns: [man, youth]
    adjectives: [young]
    proper: false
    gender: him
    at: cells
    props: {tied: true, wary: true, trust: 0, pace: 3}
things:
  - id: knife
    name: "knife"
    nouns: [knife]
    at: ninja
    props: {blade: true}
  - id: rope
    name: "rope"
    nouns: [rope]
    at: road
    props: {rope: true}
statuses:
  - {id: injured, name: "injured", duration: 4h}
interactions:
  - verb: call_out
    text: "You shout that you are lost."
    effects:
      - alert: chamber
verbs:
  knock_out: ["attack {person}", "hit {person}", "knock out {person}"]
  kill: ["kill {person}"]
  free: ["free {person}", "cut chains", "cut {person} free", "cut chains of {person}",
    "cut {person} chains"]
  tie_up: ["tie up {person}", "tie {person} up", "bind {person}"]
  untie: ["untie {person}"]
  whisper: ["whisper to {person}", "whisper plan to {person}", "tell {person} about the plan",
    "whisper the plan"]
  signal: ["signal", "give the signal"]
  reassure: ["reassure {person}"]
  escort: ["help {person}"]
  let_go: ["let go of {person}"]
  call_out: ["call out"]
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="module")
def pit(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "pit", WORLD)


@pytest.fixture(scope="module")
def saves(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("saves")


def new(pit: World, saves: Path, seed: int = 0) -> Session:
    return opened(pit, saves, seed=seed)


@pytest.fixture
def session(pit: World, saves: Path) -> Session:
    return new(pit, saves)


def has(session: Session, who: str, status: str) -> bool:
    return stats.has_status(session.game, who, status)


def events(session: Session, kind: str) -> list[dict]:
    return [e.data for e in session.game.log if e.kind == kind]


# -- cutting chains ------------------------------------------------------------------------
def test_cutting_chains_frees_a_prisoner(session: Session) -> None:
    game = session.game
    play(session, "knock out thug")
    text = play(session, "cut digger free")
    assert "links part" in text
    assert not query.prop(game, "digger", "chained")
    assert game.state.flags["freed.digger"]
    assert events(session, "restraints.freed") == [{"who": "digger"}]
    assert query.prop(game, "yard", "cut_chains")


@pytest.mark.parametrize(
    "line", ["free digger", "cut chains", "cut chains of digger", "cut digger's chains"]
)
def test_the_ways_to_say_it(session: Session, line: str) -> None:
    play(session, "knock out thug", line)
    assert not query.prop(session.game, "digger", "chained")


def test_no_blade_no_cutting(session: Session) -> None:
    play(session, "drop knife")
    assert "something with an edge" in play(session, "free digger")
    assert query.prop(session.game, "digger", "chained")


def test_no_chains_to_cut(session: Session) -> None:
    play(session, "free digger")
    assert "no chains on the digger" in play(session, "free digger")
    assert "does not trust you" in play(session, "n", "d", "free young man")  # untie, really
    stats.set_stat(session.game, "youth", "trust", 80)
    assert "knots" in play(session, "cut young man free")
    assert not query.prop(session.game, "youth", "tied")


def test_no_cutting_under_the_guards_eyes(session: Session) -> None:
    play(session, "n")
    assert "being watched. The tall guard would see" in play(session, "cut chains of miners")
    assert query.prop(session.game, "miners", "chained")
    stats.add_status(session.game, "ninja", "invisible")
    play(session, "cut chains of miners")
    assert not query.prop(session.game, "miners", "chained")


def test_the_check_does_not_spend_the_dice(session: Session) -> None:
    play(session, "n")
    before = session.game.state.rng
    for _ in range(3):
        assert restraints.spotted(session.game) == restraints.spotted(session.game)
    assert session.game.state.rng == before


# -- tying up ----------------------------------------------------------------------------
def test_tying_up_needs_the_man_down_and_something_to_tie_with(session: Session) -> None:
    game = session.game
    assert "Knock him out first" in play(session, "tie up thug")
    play(session, "knock out thug")
    assert "nothing to tie him up with" in play(session, "tie up thug")
    play(session, "s", "take rope", "n")
    assert "truss up the thug" in play(session, "tie thug up")
    assert has(session, "thug", "bound")
    assert "already tied up" in play(session, "bind thug")
    play(session, "wait 7 hours")
    assert has(session, "thug", "bound") and not has(session, "thug", "unconscious")
    assert combat.standing(game, "yard") == []  # awake, but going nowhere


def test_the_cut_chains_will_do_instead_of_rope(session: Session) -> None:
    play(session, "knock out thug")
    assert "nothing to tie" in play(session, "tie up thug")
    play(session, "free digger")
    assert "cut chain" in play(session, "tie up thug")
    assert events(session, "restraints.bound")[0]["using"] == restraints.CHAINS


def test_a_surrendered_man_can_be_tied(session: Session) -> None:
    play(session, "s", "take rope", "n")
    stats.add_status(session.game, "thug", "surrendered")
    play(session, "tie up thug")
    assert has(session, "thug", "bound")


def test_untying(session: Session) -> None:
    play(session, "s", "take rope", "n", "knock out thug", "tie up thug")
    assert "cut them" in play(session, "untie digger")
    play(session, "free digger")
    assert "not tied up" in play(session, "untie digger")
    play(session, "untie thug")
    assert not has(session, "thug", "bound")
    assert session.game.state.flags["untied.thug"]


def test_untying_a_prisoner_tied_from_the_start(session: Session) -> None:
    game = session.game
    play(session, "n")
    stats.add_status(game, "ninja", "invisible")
    play(session, "d")
    stats.set_stat(game, "youth", "trust", 80)
    play(session, "untie young man")
    assert not query.prop(game, "youth", "tied")


# -- the plan and the signal -------------------------------------------------------------
def test_whispering_needs_the_guards_not_to_notice(session: Session) -> None:
    play(session, "n")
    assert "with watchers so close" in play(session, "whisper to miners")
    assert not has(session, "miners", "waiting")


def test_the_plan_the_signal_and_the_surrender(session: Session) -> None:
    game = session.game
    play(session, "knock out thug", "n")
    stats.add_status(game, "ninja", "invisible")
    text = play(session, "whisper plan to miners")
    assert "signal" in text
    assert has(session, "miners", "waiting") and game.state.flags["plan.miners"]
    assert "already waiting" in play(session, "tell miners about the plan")
    assert "quietly" in play(session, "cut chains of miners")
    play(session, "wait")
    assert query.place_of(game, "miners") == "chamber"  # they stay put
    assert not has(session, "guard_a", "surrendered")  # waiting men do not count yet
    stats.remove_status(game, "ninja", "invisible")
    play(session, "s", "call out")
    assert query.place_of(game, "guard_a") == "yard"
    assert query.place_of(game, "miners") == "chamber"  # still waiting
    text = play(session, "give the signal")
    assert "close in behind you" in text
    assert "raise their hands" in text
    assert query.place_of(game, "miners") == "yard"
    assert query.prop(game, "miners", "fights_back")
    assert not has(session, "miners", "waiting")
    assert has(session, "guard_a", "surrendered") and has(session, "guard_b", "surrendered")
    assert events(session, "restraints.signal")[0]["who"] == ["miners"]
    assert "Nobody is waiting" in play(session, "signal")
    play(session, "s", "take rope", "n", "tie up tall guard", "tie up short guard")
    assert has(session, "guard_a", "bound") and has(session, "guard_b", "bound")


def test_men_still_in_chains_cannot_answer_the_signal(session: Session) -> None:
    game = session.game
    play(session, "n")
    stats.add_status(game, "ninja", "invisible")
    play(session, "whisper the plan")  # to the captives here
    text = play(session, "signal")
    assert "nobody is free to answer" in text
    assert has(session, "miners", "waiting") and query.place_of(game, "miners") == "chamber"


def test_the_signal_goes_to_the_rally_point(pit: World, saves: Path) -> None:
    import copy

    world = copy.deepcopy(pit)
    world.runtime.clear()
    world.entities["miners"].props["rally"] = "road"
    session = new(world, saves)
    game = session.game
    play(session, "n")
    stats.add_status(game, "ninja", "invisible")
    play(session, "whisper to miners", "cut chains of miners", "s", "signal")
    assert query.place_of(game, "miners") == "road"


def test_the_signal_is_not_heard_far_away(session: Session) -> None:
    game = session.game
    play(session, "n")
    stats.add_status(game, "ninja", "invisible")
    play(session, "whisper to miners", "cut chains of miners", "s", "s")
    assert "Nobody is waiting" in play(session, "signal")


def test_whisper_refusals(session: Session) -> None:
    assert "wrong people" in play(session, "whisper to thug")
    stats.add_status(session.game, "digger", "unconscious", 60)
    assert "cannot hear you" in play(session, "whisper to digger")
    play(session, "s")
    assert "nobody here" in play(session, "whisper the plan")


# -- properties over random play ------------------------------------------------------------
COMMANDS = [
    "attack thug",
    "attack tall guard",
    "attack short guard",
    "kill short guard",
    "tie up thug",
    "tie up tall guard",
    "tie up young man",
    "cut chains",
    "cut chains of miners",
    "untie thug",
    "untie young man",
    "reassure young man",
    "help young man",
    "let go of young man",
    "whisper to miners",
    "signal",
    "call out",
    "take rope",
    "drop knife",
    "take knife",
    "wait",
    "wait 2 hours",
    "n",
    "s",
    "d",
    "u",
]


def holders_are_sound(session: Session) -> None:
    game = session.game
    for ent in game.world.entities.values():
        if ent.kind == "place":
            assert ent.id not in game.state.holder
            continue
        assert ent.id in game.state.holder, ent.id
        assert game.state.holder[ent.id] in game.world.entities
        assert query.place_of(game, ent.id) is not None, ent.id


def bound_never_follows(session: Session) -> None:
    for ent in session.game.world.entities.values():
        if ent.kind == "person":
            assert not (has(session, ent.id, "bound") and has(session, ent.id, "following"))


@pytest.fixture(scope="module")
def armed_pit(pit: World) -> World:
    """The pit with the rope already in the player's hands, so random play ties people up."""
    import copy

    world = copy.deepcopy(pit)
    world.runtime.clear()
    world.entities["rope"].start = "ninja"
    return world


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    lines=st.lists(st.sampled_from(COMMANDS), min_size=8, max_size=40),
    seed=st.integers(0, 3),
)
def test_property_random_play_keeps_the_world_sound(
    armed_pit: World, saves: Path, lines: list[str], seed: int
) -> None:
    session = new(armed_pit, saves, seed)
    for line in lines:
        play(session, line)
        holders_are_sound(session)
        bound_never_follows(session)
    play(session, "wait 7 hours")
    now = session.game.state.minutes
    for ent in session.game.world.entities.values():
        if ent.kind == "person":
            # a knock-out always ends: none older than one knock-out's length is left
            # (a guard who wakes may come for the player and be put down again)
            status = query.prop(session.game, ent.id, "status") or {}
            assert status.get("unconscious", now) <= now + combat.KNOCKOUT, ent.id
    holders_are_sound(session)
    bound_never_follows(session)
