"""Cloak of Darkness, the third bundled world, written as data only to Roger Firth's
specification: the bar is dark while the cloak is there; in the dark every action but
going north disturbs the message, a blunder in a wrong direction twice; the cloak can be
left only in the cloakroom; reading the message wins if it was disturbed fewer than two
times, and loses otherwise; two points (hanging the cloak, reading the message)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import opened, play, walkthrough

from kage import worlds
from kage.session import Session
from kage.world.model import World

WALK = walkthrough("cloak.txt")
DISTURB = "In the dark? You could easily disturb something!"
BLUNDER = "Blundering around in the dark isn't a good idea!"
WEATHER = "the weather outside seems to be getting worse"
NOT_HERE = "This isn't the best place to leave a smart cloak lying around."
WON = "The message, neatly marked in the sawdust, reads"
LOST = "The message has been carelessly trampled, making it difficult to read."


@pytest.fixture(scope="module")
def cloak() -> World:
    return worlds.load("cloak")


@pytest.fixture
def session(cloak: World, tmp_path: Path) -> Session:
    return opened(cloak, tmp_path / "saves")


def disturbed(session: Session) -> int:
    return int(session.game.state.flags.get("disturbed", 0))


def test_the_opening_is_the_specification_s(cloak: World, tmp_path: Path) -> None:
    text = Session(cloak, saves=tmp_path).opening()
    assert "rainswept November night" in text
    assert "Foyer of the Opera House" in text
    assert "splendidly decorated in red and gold" in text


@pytest.mark.parametrize("seed", range(5))
def test_the_walkthrough_wins_with_both_points(cloak: World, tmp_path: Path, seed: int) -> None:
    session = opened(cloak, tmp_path / "saves", seed)
    text = play(session, *WALK)
    state = session.game.state
    assert state.done and state.won
    assert WON in text and LOST not in text
    assert sum(cloak.milestones[m].points for m in state.milestones) == cloak.max_score == 2


def test_north_from_the_foyer_is_the_weather(session: Session) -> None:
    assert WEATHER in play(session, "north")
    assert session.game.state.holder["you"] == "foyer"


def test_the_bar_is_dark_while_the_cloak_is_there(session: Session) -> None:
    text = play(session, "south")
    assert text.startswith("Darkness") and "pitch dark" in text
    assert "message scrawled in the sawdust" not in text


def test_in_the_dark_any_action_disturbs_the_message_once(session: Session) -> None:
    play(session, "south")
    assert play(session, "look") == DISTURB
    assert play(session, "inventory") == DISTURB
    assert disturbed(session) == 2


def test_a_blunder_in_a_wrong_direction_counts_twice(session: Session) -> None:
    play(session, "south")
    assert play(session, "east") == BLUNDER
    assert disturbed(session) == 2
    assert session.game.state.holder["you"] == "bar"


def test_going_north_in_the_dark_disturbs_nothing(session: Session) -> None:
    play(session, "south")
    assert "Foyer of the Opera House" in play(session, "north")
    assert disturbed(session) == 0


def test_out_of_world_commands_disturb_nothing(session: Session) -> None:
    play(session, "south", "score", "exits", "pronouns")
    assert disturbed(session) == 0


@pytest.mark.parametrize("how", ["drop cloak", "put cloak on floor", "throw cloak at hall"])
def test_the_cloak_can_be_left_only_in_the_cloakroom(session: Session, how: str) -> None:
    play(session, "take off cloak")
    assert play(session, how) in (NOT_HERE, "You can't see any such thing.")
    assert play(session, "drop cloak") == NOT_HERE
    assert session.game.state.holder["cloak"] == "you"


def test_dropped_in_the_cloakroom_the_cloak_lights_the_bar(session: Session) -> None:
    play(session, "west", "take off cloak")
    assert "Dropped" in play(session, "drop cloak")
    text = play(session, "east", "south")
    assert "Foyer Bar" in text and "message scrawled in the sawdust" in text
    assert "hung_cloak" not in session.game.state.milestones


def test_the_hook_says_whether_the_cloak_hangs_on_it(session: Session) -> None:
    play(session, "west")
    assert play(session, "examine hook") == "It's just a small brass hook, screwed to the wall."
    play(session, "take off cloak", "hang cloak on hook")
    assert "with a cloak hanging on it" in play(session, "examine hook")


def test_taking_the_cloak_back_darkens_the_bar_again(session: Session) -> None:
    play(session, "west", "take off cloak", "hang cloak on hook", "take cloak", "east")
    assert play(session, "south").startswith("Darkness")


def test_the_cloak_is_the_specification_s(session: Session) -> None:
    text = play(session, "examine cloak")
    assert "velvet trimmed with satin" in text and "suck light from the room" in text


def test_reading_after_two_disturbances_loses(session: Session) -> None:
    play(session, "south", "look", "look", "north", "west", "take off cloak")
    play(session, "hang cloak on hook", "east", "south")
    text = play(session, "read message")
    state = session.game.state
    assert LOST in text and WON not in text
    assert state.done and not state.won
    assert "read_message" not in state.milestones


def test_one_disturbance_still_wins(session: Session) -> None:
    play(session, "south", "look", "north", *WALK[1:])
    assert session.game.state.won
    assert disturbed(session) == 1


def test_hints_follow_the_story_and_say_when_it_can_no_longer_be_won(session: Session) -> None:
    assert "room off the foyer for cloaks" in play(session, "hint")
    play(session, "s", "jump")
    assert "Too late" not in play(session, "hint")  # one disturbance still wins
    play(session, "jump")
    assert disturbed(session) >= 2
    said = play(session, "hint")
    assert "Too late" in said and "doing fine" not in said
