"""Banished keeps the Leaf's calendar: the gates shut from dusk to dawn and the watch
changes, the night is slept through, the rookies hear "that evening", and the execution
is told at the hour and in the place the deadline finds him."""

from __future__ import annotations

from collections.abc import Callable

from tests.helpers import play

from kage.session import Session
from kage.world import calendar


def clock(session: Session) -> str:
    world, now = session.game.world, session.game.state.minutes
    return calendar.clock_text(world.calendar, calendar.minute_of_day(world, now))


def here_people(session: Session) -> set[str]:
    game = session.game
    return {
        e
        for e, holder in game.state.holder.items()
        if holder == game.state.holder[game.world.player]
        and game.world.entities[e].kind == "person"
    } - {game.world.player}


def test_time_is_told_in_the_leafs_calendar(new_session: Callable[..., Session]) -> None:
    session = new_session()
    assert play(session, "time") == (
        "It is morning (09:00), on the 13th day of the Tenth Month, in the 60th year of the Leaf."
    )


def test_the_gate_watch_changes_at_dusk_and_the_small_door_lets_him_out(
    new_session: Callable[..., Session],
) -> None:
    session = new_session()
    play(session, "down", "go to gate")
    assert here_people(session) == {"izumo", "kotetsu"}
    assert "stand open, as they do from dawn to dusk" in play(session, "look")
    out = play(session, "wait until dusk")
    assert "The night watchman comes to take over" in out
    assert here_people(session) == {"night_watchman"}
    assert "shut for the night" in play(session, "look")
    assert "small door" in play(session, "s")
    assert session.game.state.holder["naruto"] == "forest_road"
    play(session, "n", "wait until dawn")
    assert here_people(session) == {"izumo", "kotetsu"}
    assert "You walk out through the gates" in play(session, "s")


def test_sleep_passes_the_night_in_his_bed(new_session: Callable[..., Session]) -> None:
    session = new_session()
    play(session, "down", "go to my apartment")
    assert "not tired enough to sleep" in play(session, "sleep")
    out = play(session, "wait until evening", "sleep")
    assert "You wake in the morning." in out
    assert clock(session) == "07:00"
    assert "the 14th day of the Tenth Month" in play(session, "time")


def test_the_rookies_hear_that_evening(new_session: Callable[..., Session]) -> None:
    session = new_session()
    play(session, "wait 9 hours")  # 18:00: their news, due at 17:00, waits for the evening
    assert "rookies_hear" not in session.game.state.fired
    play(session, "wait 1 hour")
    assert session.game.state.fired["rookies_hear"] == 10 * 60  # 19:00


def test_the_execution_is_told_at_its_hour_and_in_its_place(
    new_session: Callable[..., Session],
) -> None:
    indoors = new_session()
    out = play(indoors, "down", "go to my apartment", "wait 2 days")
    assert "They come for you in the morning" in out and "the door opening" in out
    outside = new_session()
    out = play(outside, "down", "go to gate", "wait 2 days")
    assert "They come for you in the morning" in out and "rooftops" in out
    assert "at dusk" not in out


def test_iruka_teaches_by_day_and_goes_home_at_dusk(new_session: Callable[..., Session]) -> None:
    session = new_session()
    play(session, "go to academy")
    assert "iruka" in here_people(session)
    assert "goes home for the night" in play(session, "wait until dusk")
    assert "iruka" not in here_people(session)
    assert "Iruka has gone home" in play(session, "look")
    assert "armful of scrolls" in play(session, "wait until morning", "wait 30 minutes")
    assert "iruka" in here_people(session)
