"""The clock is bounded by the calendar; durations from data are read within it."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import pytest
from tests.helpers import opened, play, world_from

from kage.world.clock import (
    END_OF_TIME,
    LONGEST_SPAN,
    OutOfTime,
    last_minute,
    moment_of,
    parse_duration,
    passes,
    stamp,
)
from kage.world.model import World

LAST_EVENING = """
world:
  id: last_evening
  title: "The last evening"
  intro: "The year 9999 has four hours left."
  player: hero
  start_time: "9999-12-31T20:00"
places:
  - id: hill
    name: "the hill"
    nouns: [hill]
people:
  - id: hero
    name: "Hero"
    nouns: [hero, me]
    gender: them
    at: hill
events:
  - id: new_year
    at: 3h 30m
    place: hill
    seen: "Somewhere below, a bell starts to ring."
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="module")
def last_evening(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "last_evening", LAST_EVENING)


@pytest.mark.parametrize("command", ["wait 5 hours", "wait 4 hours", "wait 1 day"])
def test_waiting_past_the_end_of_the_calendar_is_refused(
    last_evening: World, tmp_path: Path, command: str
) -> None:
    session = opened(last_evening, tmp_path)
    before = session.game.state.digest()
    step = session.step(command)[0]  # strict (KAGE_STRICT=1): an internal error raises
    assert step.text == str(OutOfTime()) and step.understood
    assert session.game.state.digest() == before
    assert session.log == []  # refused commands are not replayed from a save
    assert play(session, "undo") == "There is nothing to undo."


def test_up_to_the_last_minute_the_clock_runs(last_evening: World, tmp_path: Path) -> None:
    session = opened(last_evening, tmp_path)
    said = play(session, "wait 3 hours", "wait 59 minutes")
    assert "a bell starts to ring" in said
    assert session.game.clock == "9999-12-31T23:59"
    assert play(session, "wait 1 minute") == str(OutOfTime())
    assert play(session, "look").strip()  # a command that takes no time still answers


def test_the_date_never_overflows() -> None:
    start = datetime(60, 10, 13, 9, 0)
    assert stamp(start, last_minute(start)) == "9999-12-31T23:59"
    assert stamp(start, 10**30) == "9999-12-31T23:59"
    assert stamp(start, -(10**30)) == "0001-01-01T00:00"
    assert moment_of(start, 10**30).hour == 23  # the last minute of the calendar
    assert last_minute(END_OF_TIME) == 0


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("1d 6h", 1800), ("1d, 6h", 1800), ("2 days and 3 hours", 3060), ("\u0663h", 180)],
)
def test_durations_in_parts(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize(
    "value",
    [
        "9" * 100_000 + "d",  # used to be converted whole
        f"{LONGEST_SPAN + 1}",
        f"{LONGEST_SPAN // 1440 + 1}d",
        "5000000 weeks",
        LONGEST_SPAN + 1,
        True,
        1.5,
        "\u24f5h",  # isdigit() but not int(): the reader refuses it
        "-5m",
    ],
)
def test_durations_longer_than_the_calendar_or_odd_are_refused(value: object) -> None:
    started = time.perf_counter()
    with pytest.raises(ValueError):
        parse_duration(value)  # type: ignore[arg-type]
    assert time.perf_counter() - started < 0.1


@pytest.mark.parametrize(
    ("minutes", "said"),
    [
        (1, "1 minute passes"),
        (60, "1 hour passes"),
        (1440, "1 day passes"),
        (180, "3 hours pass"),
        (61, "1 hour and 1 minute pass"),
        (2 * 1440 + 61, "2 days, 1 hour and 1 minute pass"),
    ],
)
def test_the_verb_agrees_with_the_span(minutes: int, said: str) -> None:
    assert passes(minutes) == said


def test_waiting_says_it_in_agreement(new_session) -> None:  # type: ignore[no-untyped-def]
    session = new_session()
    assert play(session, "wait 1 hour") == "You wait. 1 hour passes."
    assert play(session, "wait 3 hours") == "You wait. 3 hours pass."
