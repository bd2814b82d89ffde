"""Theft: the thief's sleight of hand against the player's alertness, decided by one
seeded draw; what is stolen moves whole to the thief, its ryo with it (none made, none
lost). A small lane world for the rule; Banished's wallet for the campaign."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from tests.helpers import fresh, play, played_until, walkthrough, world_from

from kage.ext.stealth import theft
from kage.game import Game
from kage.session import Session
from kage.world import rng
from kage.world.model import World

# The boy in the lane has 7 ryo of his own; the hero's purse holds 500 and a charm
# brings him luck 2 while he carries it.
WORLD = """
world: {id: lane, title: "Lane", intro: "A busy lane.", player: hero,
  extensions: [stealth, routes, companion]}
places:
  - id: square
    name: "the square"
    nouns: [square]
    exits: {east: lane}
  - id: lane
    name: "the lane"
    nouns: [lane]
    exits: {west: square, east: alley}
  - id: alley
    name: "the alley"
    nouns: [alley]
    exits: {west: lane}
people:
  - id: hero
    name: "Hero"
    nouns: [hero, me]
    gender: him
    at: square
  - id: boy
    name: "boy"
    proper: false
    nouns: [boy]
    gender: him
    at: lane
    money: 7
things:
  - id: purse
    name: "purse"
    nouns: [purse]
    at: hero
    money: 500
  - id: charm
    name: "charm"
    nouns: [charm]
    at: square
    props: {luck: 2}
thefts:
  - id: lift
    thief: boy
    target: purse
    place: lane
    when: {flag: market_day}
    distracted: {flag: daydreaming}
    distraction: 30
    skill: 50
    noticer: boy
    bump: "A boy bumps into you."
    foiled: "You catch his wrist."
    foiled_effects:
      - set: {caught: true}
    effects:
      - set: {robbed: true}
      - move: {boy: alley}
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="module")
def lane(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "lane", WORLD)


@pytest.fixture(scope="module")
def base(lane: World, tmp_path_factory: pytest.TempPathFactory) -> Session:
    session = Session(lane, seed=0, saves=tmp_path_factory.mktemp("saves"))
    session.opening()
    return session


@pytest.fixture
def session(base: Session) -> Session:
    return fresh(base)


def spec(game: Game) -> dict:
    return dict(game.world.data["thefts"]["lift"])


def next_roll(game: Game) -> float:
    """The draw the theft is about to make, read from the seeded generator (not taken)."""
    return rng.next_state(game.state.rng)[1] / 2**64 * 40 - 20


def alert_for(total: float, roll: float, less: float = 0.0) -> float:
    """A perception p with (p - less) + roll == total exactly, in floating point."""
    p = total - roll + less
    while (p - less) + roll < total:
        p = math.nextafter(p, math.inf)
    while (p - less) + roll > total:
        p = math.nextafter(p, -math.inf)
    assert (p - less) + roll == total
    return p


def set_perception(game: Game, value: float) -> None:
    game.state.props.setdefault("hero", {})
    game.state.props["hero"] = {**game.state.props["hero"], "perception": value}


def kinds(game: Game, kind: str) -> list[dict]:
    return [e.data for e in game.log if e.kind == kind]


# -- the rule ---------------------------------------------------------------------------
def test_a_theft_moves_the_purse_with_its_money_and_makes_none(session: Session) -> None:
    game = session.game
    total = sum(game.state.money.values())
    set_perception(game, -1000)
    assert theft.attempt(game, spec(game)) is True
    state = game.state
    assert state.holder["purse"] == "boy"
    assert state.money["purse"] == 500  # the ryo went with the purse
    assert state.money.get("boy", 0) == 7  # the thief gained nothing from nowhere
    assert state.money.get("hero", 0) == 0
    assert sum(state.money.values()) == total
    assert state.flags["robbed"] and state.holder["boy"] == "alley"  # its effects ran
    assert not state.flags.get("caught")
    assert kinds(game, "theft.stolen") == [{"thief": "boy", "target": "purse", "noticer": "boy"}]
    assert kinds(game, "theft.foiled") == []
    assert state.fired["theft:lift"] == state.minutes
    assert "A boy bumps into you." in game.take_output()


def test_a_foiled_theft_leaves_everything_where_it_was(session: Session) -> None:
    game = session.game
    set_perception(game, 1000)
    assert theft.attempt(game, spec(game)) is False
    state = game.state
    assert state.holder["purse"] == "hero" and state.money["purse"] == 500
    assert state.money["boy"] == 7 and state.holder["boy"] == "lane"
    assert state.flags["caught"] and not state.flags.get("robbed")
    assert kinds(game, "theft.foiled") == [{"thief": "boy", "target": "purse"}]
    assert kinds(game, "theft.stolen") == []
    text = game.take_output()
    assert "A boy bumps into you." in text and "You catch his wrist." in text


def test_a_tie_goes_to_the_watchful(session: Session) -> None:
    """The thief must beat the player's alertness plus the draw; a tie is foiled."""
    game = session.game
    set_perception(game, alert_for(50, next_roll(game)))
    assert theft.attempt(game, spec(game)) is False


@pytest.mark.parametrize("seed", range(5))
def test_the_draw_is_forty_wide_around_alertness(lane: World, seed: int) -> None:
    """alertness + (draw x 40 - 20) against skill: the least bit above is foiled, the
    least bit below is stolen, whatever the seed."""
    for margin, stolen in ((1e-6, False), (-1e-6, True)):
        game = Game(lane, seed=seed)
        roll = next_roll(game)
        set_perception(game, alert_for(50 + margin, roll))
        assert theft.attempt(game, spec(game)) is stolen, (seed, margin)


def test_default_perception_is_forty(lane: World) -> None:
    """Without a perception stat the player's alertness is 40."""
    for skill_delta, stolen in ((1e-6, True), (-1e-6, False)):
        game = Game(lane, seed=3)
        roll = next_roll(game)
        theft_spec = {**spec(game), "skill": 40 + roll + skill_delta}
        assert theft.attempt(game, theft_spec) is stolen, skill_delta


def test_luck_adds_five_per_point(session: Session) -> None:
    play(session, "take charm")  # luck 2: alertness + 10
    for margin, stolen in ((1e-6, False), (-1e-6, True)):
        game = fresh(session).game
        roll = next_roll(game)
        set_perception(game, alert_for(50 + margin, roll) - 10)
        assert theft.attempt(game, spec(game)) is stolen, margin


def test_being_lost_in_thought_costs_the_distraction(session: Session) -> None:
    session.game.state.flags["daydreaming"] = True
    for margin, stolen in ((1e-6, False), (-1e-6, True)):
        game = fresh(session).game
        roll = next_roll(game)
        set_perception(game, alert_for(50 + margin, roll, less=30))
        assert theft.attempt(game, spec(game)) is stolen, margin


def test_no_distraction_unless_its_condition_holds(session: Session) -> None:
    game = session.game
    set_perception(game, alert_for(50 + 1e-6, next_roll(game)))
    assert theft.attempt(game, spec(game)) is False  # not daydreaming: no -30


def test_a_theft_with_no_distraction_condition_never_distracts(session: Session) -> None:
    game = session.game
    set_perception(game, alert_for(50 + 1e-6, next_roll(game)))
    assert theft.attempt(game, {**spec(game), "distracted": None}) is False


# -- when it happens -------------------------------------------------------------------
def test_walking_into_the_lane_on_market_day_is_when_it_happens(session: Session) -> None:
    game = session.game
    game.state.flags["market_day"] = True
    set_perception(game, -1000)
    total = sum(game.state.money.values())
    text = play(session, "e")
    assert "A boy bumps into you." in text
    assert game.state.holder["purse"] == "boy" and game.state.money["purse"] == 500
    assert sum(game.state.money.values()) == total


def test_no_theft_unless_its_condition_holds(session: Session) -> None:
    set_perception(session.game, -1000)
    assert "bumps" not in play(session, "e")
    assert session.game.state.holder["purse"] == "hero"
    assert "theft:lift" not in session.game.state.fired


def test_no_theft_of_what_the_player_does_not_carry(session: Session) -> None:
    game = session.game
    game.state.flags["market_day"] = True
    set_perception(game, -1000)
    assert "bumps" not in play(session, "drop purse", "e")
    assert game.state.holder["purse"] == "square"


def test_no_theft_anywhere_else(session: Session) -> None:
    game = session.game
    game.state.flags["market_day"] = True
    game.state.holder["hero"] = "lane"  # already in the lane: the theft waits for a step in
    game.contents_changed()
    set_perception(game, -1000)
    play(session, "e")
    assert game.state.holder["purse"] == "hero" and "theft:lift" not in game.state.fired
    play(session, "w")
    assert game.state.holder["purse"] == "boy"


def test_a_pickpocket_tries_only_once(session: Session) -> None:
    game = session.game
    game.state.flags["market_day"] = True
    set_perception(game, 1000)
    assert "bumps" in play(session, "e")
    assert game.state.flags["caught"]
    assert "bumps" not in play(session, "w", "e")
    assert game.state.holder["purse"] == "hero"


def test_no_theft_after_the_story_has_ended(session: Session) -> None:
    game = session.game
    game.state.flags["market_day"] = True
    set_perception(game, -1000)
    game.state.done = True
    play(session, "e")
    assert game.state.holder["purse"] == "hero"


# -- Banished --------------------------------------------------------------------------
def money_total(session: Session) -> int:
    return sum(session.game.state.money.values())


def test_kai_takes_the_wallet_with_every_ryo_and_kotomi_gives_it_back(
    banished: World, tmp_path: Path
) -> None:
    """The sale puts 4,050 ryo in the wallet; Kai lifts it, Kotomi returns it: the same
    4,050, and nobody's purse grows along the way."""
    session = played_until(banished, "w", tmp_path)
    state = session.game.state
    assert state.money["wallet"] == 4050
    total, kai = money_total(session), state.money.get("kai", 0)
    state.props["naruto"] = {**state.props.get("naruto", {}), "perception": -1000}
    play(session, "w")
    assert state.holder["wallet"] == "kai"
    assert state.money["wallet"] == 4050 and state.money.get("kai", 0) == kai
    assert money_total(session) == total
    lines = walkthrough("full.txt")
    rest = lines[lines.index("w") + 1 : lines.index("ask kotomi about the wallet") + 1]
    play(session, *rest)
    assert state.holder["wallet"] == "naruto" and state.money["wallet"] == 4050
    assert money_total(session) == total


def test_a_sharp_eye_keeps_the_wallet(banished: World, tmp_path: Path) -> None:
    session = played_until(banished, "w", tmp_path)
    state = session.game.state
    total = money_total(session)
    state.props["naruto"] = {**state.props.get("naruto", {}), "perception": 1000}
    play(session, "w")
    assert state.holder["wallet"] == "backpack" and state.money["wallet"] == 4050
    assert state.flags["caught_kai_in_act"] and money_total(session) == total
