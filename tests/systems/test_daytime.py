"""The time of day as world data: a calendar's parts of the day and dates, conditions on
the hour, a gate open only by day, people who keep a schedule, events that wait for dusk,
WAIT UNTIL and sleep that passes the night."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import opened, play, world_from

from kage.content.errors import ContentError
from kage.world import calendar
from kage.world.model import World

TOWN = """
world:
  id: town
  title: Town
  intro: "Evening falls."
  player: hero
  start_time: "0412-03-05T16:30"
  calendar:
    day_parts: {dawn: "05:00", morning: "07:00", afternoon: "12:00", dusk: "18:00", night: "21:00"}
    date: "the {date_ordinal} of {month}, year {year} of the Crown (day {day})"
    months: [Frost, Thaw, Seedtime, Bloom, Greening, Midsummer, Haying, Harvest, Ember,
      Mist, Sleet, Longnight]
    sleep: [night]
    wake: morning
places:
  - id: square
    name: "the square"
    description:
      - when: {time_of_day: [dusk, night]}
        text: "Lamps burn in the square. The town gate is south."
      - text: "Sunlight fills the square. The town gate is south."
    exits:
      south:
        to: road
        when: {between: ["06:00", "18:30"]}
        refusal: "The gate is barred until six in the morning."
        text:
          - when: {time_of_day: dusk}
            text: "You slip out as the gatekeeper reaches for the bar."
          - text: "You stroll out of the gate."
      in: inn
  - id: road
    name: "the road"
    description: "A road. The gate is north."
    exits: {north: square}
  - id: inn
    name: "the inn"
    description: "A warm inn."
    props: {bed: true}
    exits: {out: square}
  - id: home
    name: "the gatekeeper's house"
    description: "A small house."
people:
  - id: hero
    name: "Hero"
    at: square
  - id: keeper
    name: "gatekeeper"
    proper: false
    gender: him
    at: square
    schedule:
      - at: square
        when: {between: ["06:00", "20:00"]}
        arrives: "The gatekeeper unlocks his booth."
      - at: home
        leaves: "The gatekeeper locks his booth and goes home."
events:
  - id: bell
    at: 10m
    time_of_day: dusk
    place: square
    seen: "The dusk bell rings {{time}}, at {{time:clock}} on {{time:date}}."
endings:
  - {id: away, won: true, text: "You leave town.", when: {flag: never}}
triggers:
  - id: lamplighter
    when: {all: [{between: [night, dawn]}, {at: square}]}
    effects:
      - say: "A lamplighter trims the wicks."
"""


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "town", TOWN)


def test_the_calendar_names_parts_of_the_day_and_writes_dates_its_own_way(
    town: World, tmp_path: Path
) -> None:
    session = opened(town, tmp_path)
    assert play(session, "time") == (
        "It is afternoon (16:30), on the 5th of Seedtime, year 412 of the Crown (day 1)."
    )
    assert (
        calendar.when(town, 0)
        == "afternoon, 16:30, the 5th of Seedtime, year 412 of the Crown (day 1)"
    )
    # a part lasts until the next begins, and the last runs past midnight into the first
    assert [calendar.part_now(town, m).name for m in (30, 90, 270, 690, 870)] == [
        "afternoon",
        "dusk",
        "night",
        "night",
        "morning",
    ]
    assert calendar.story_day(town, 8 * 60) == 2  # past midnight is the next day


def test_descriptions_exits_and_triggers_follow_the_clock(town: World, tmp_path: Path) -> None:
    session = opened(town, tmp_path)
    assert "Sunlight fills the square" in play(session, "look")
    out = play(session, "wait until dusk")
    assert "now it is dusk" in out
    assert "The dusk bell rings at dusk, at 18:00 on the 5th of Seedtime" in out
    assert "Lamps burn in the square" in play(session, "look")
    # the way out by day: the dusk variant of its travel text, then barred at night
    assert "You slip out as the gatekeeper reaches for the bar" in play(session, "south")
    play(session, "north")
    assert "A lamplighter" not in play(session, "wait until 20:30")
    out = play(session, "wait until night")
    assert "A lamplighter trims the wicks" in out
    assert "The gate is barred until six in the morning." in play(session, "south")
    assert "The gate is barred" in play(session, "wait until 5:59", "south")
    assert "You stroll out of the gate" in play(session, "wait 1 minute", "south")


def test_an_event_due_before_its_part_of_the_day_waits_for_it(town: World, tmp_path: Path) -> None:
    session = opened(town, tmp_path)
    out = play(session, "wait 30 minutes")  # due at 16:40, the bell waits for dusk
    assert "bell" not in out and "bell" not in session.game.state.fired
    out = play(session, "wait 1 hour")  # 18:00 is passed on the way
    assert "The dusk bell rings" in out
    assert session.game.state.fired["bell"] == 90  # at dusk exactly, 18:00


def test_people_keep_their_schedules_and_the_player_sees_them_come_and_go(
    town: World, tmp_path: Path
) -> None:
    session = opened(town, tmp_path)
    game = session.game
    assert game.state.holder["keeper"] == "square"
    out = play(session, "wait until 20:00")
    assert "The gatekeeper locks his booth and goes home." in out
    assert game.state.holder["keeper"] == "home"
    play(session, "in")  # not in the square when he comes back: nothing is read
    assert "unlocks" not in play(session, "wait until 6:00")
    assert game.state.holder["keeper"] == "square"
    play(session, "out", "wait until 20:00", "in")
    assert "The gatekeeper unlocks his booth." in play(session, "out", "wait until 6:00")


def test_someone_the_story_took_off_their_schedule_stays_where_the_story_put_them(
    town: World, tmp_path: Path
) -> None:
    session = opened(town, tmp_path)
    session.game.state.holder["keeper"] = "road"  # carried off by the plot
    session.game.contents_changed()
    play(session, "wait until 20:00", "wait until 6:00")
    assert session.game.state.holder["keeper"] == "road"


def test_sleep_passes_the_night_and_is_refused_by_day(town: World, tmp_path: Path) -> None:
    session = opened(town, tmp_path)
    play(session, "in")
    out = play(session, "sleep")
    assert "you are not tired enough to sleep" in out and "WAIT UNTIL NIGHT" in out
    assert session.game.state.minutes == 1  # going in took a minute; the refusal none
    play(session, "wait until night")
    out = play(session, "sleep")
    assert "You wake in the morning." in out
    assert calendar.minute_of_day(town, session.game.state.minutes) == 7 * 60
    assert calendar.story_day(town, session.game.state.minutes) == 2
    assert "This is no place to sleep." in play(session, "out", "wait until night", "sleep")


@pytest.mark.parametrize(
    ("typed", "clock"),
    [
        ("wait until dusk", "18:00"),
        ("wait till the night", "21:00"),
        ("wait until sunset", "18:00"),
        ("wait until 6 pm", "18:00"),
        ("wait until 7:15", "07:15"),
        ("wait until 19:45", "19:45"),
        ("wait for 2 hours", "18:30"),
        ("wait until tomorrow", "07:00"),
    ],
)
def test_wait_until_a_time_of_day(town: World, tmp_path: Path, typed: str, clock: str) -> None:
    session = opened(town, tmp_path)
    play(session, typed)
    minute = calendar.minute_of_day(town, session.game.state.minutes)
    assert calendar.clock_text(town.calendar, minute) == clock


def test_wait_until_what_is_no_time_waits_a_while_and_says_how_to_name_a_time(
    town: World, tmp_path: Path
) -> None:
    session = opened(town, tmp_path)
    out = play(session, "wait until the cows come home")
    assert "You wait a while" in out and "WAIT UNTIL 18:00" in out
    assert "DAWN, MORNING, AFTERNOON, DUSK, NIGHT" in out
    assert session.game.state.minutes == 10
    assert play(session, "wait until afternoon") == "It is afternoon already."
    assert session.game.state.minutes == 10


def test_the_json_turn_tells_the_story_time(town: World, tmp_path: Path) -> None:
    from kage.interfaces.jsonplay import record
    from kage.session import Step

    session = opened(town, tmp_path)
    play(session, "wait until dusk")
    row = record(session, Step("", ""), 1)
    assert row["when"] == "dusk, 18:00, the 5th of Seedtime, year 412 of the Crown (day 1)"
    assert row["time"] == "0412-03-05T18:00"


def test_a_world_without_a_calendar_counts_days(tmp_path_factory: pytest.TempPathFactory) -> None:
    head, rest = TOWN.split("  calendar:\n")
    plain = world_from(tmp_path_factory, "plain", head + rest.split("    wake: morning\n")[1])
    assert calendar.when(plain, 0) == "afternoon, 16:30, day 1"
    assert calendar.part_now(plain, 60 * 6).name == "night"  # 22:30, the standard parts


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('afternoon: "12:00"', 'afternoon: "18:00"', "'dusk' and 'afternoon' both begin"),
        ('dusk: "18:00"', 'dusk: "six"', "begins at 'six', which is not a time of day"),
        ("sleep: [night]", "sleep: [nite]", "'nite' is not a part of the day"),
        ("wake: morning", "wake: mornin", "'mornin' is not a part of the day"),
        ('date: "the {date_ordinal}', 'date: "{daybreak}', "'daybreak' is not one of its slots"),
        ("Haying, ", "", "'months' names 11, but a year has 12"),
        ("[dusk, night]}", "[dusk, nigth]}", "'nigth' is not a known part of the day"),
        ("[night, dawn]", "[night, dwan]", "'dwan' is not a known part of the day"),
        ('"18:30"]', '"26:00"]', "'26:00' is not a time of day"),
        ('["06:00", "18:30"]', '["06:00"]', "'between' needs two times of day"),
        ("time_of_day: dusk\n", "time_of_day: dusky\n", "not a known part of the day"),
        (
            '        when: {between: ["06:00", "20:00"]}\n',
            "",
            "this stop comes after one without 'when'",
        ),
        ("      - at: home\n", "      - at: hoem\n", "'hoem', which is not a known place"),
    ],
)
def test_the_loader_names_what_is_wrong_with_a_calendar_or_a_time(
    tmp_path_factory: pytest.TempPathFactory, old: str, new: str, message: str
) -> None:
    assert old in TOWN
    with pytest.raises(ContentError) as caught:
        world_from(tmp_path_factory, "broken", TOWN.replace(old, new, 1))
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("minute", "hours", "text"),
    [
        (0, 12, "12:00 am"),
        (18 * 60 + 5, 12, "6:05 pm"),
        (12 * 60, 12, "12:00 pm"),
        (65, 24, "01:05"),
    ],
)
def test_a_twelve_or_twenty_four_hour_clock(minute: int, hours: int, text: str) -> None:
    from kage.world.model import Calendar

    assert calendar.clock_text(Calendar(hours=hours), minute) == text


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (60, "60th"),
        (102, "102nd"),
        (111, "111th"),
    ],
)
def test_ordinals(n: int, text: str) -> None:
    assert calendar.ordinal(n) == text


def test_a_story_that_opens_at_night_finds_people_where_the_hour_puts_them(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    late = world_from(tmp_path_factory, "late", TOWN.replace("T16:30", "T23:00", 1))
    session = opened(late, tmp_path)
    assert session.game.state.holder["keeper"] == "home"
    assert "gatekeeper" not in session.game.opening()


def test_someone_moved_between_their_own_stops_goes_back_where_the_hour_says(
    town: World, tmp_path: Path
) -> None:
    """Keeping schedules passes over the settled (kage.world.watch), never someone moved."""
    from kage.world import ops

    session = opened(town, tmp_path)
    game = session.game
    play(session, "wait 10 minutes")  # settled at his booth: passed over from now on
    play(session, "wait 10 minutes")
    ops.move(game, "keeper", "home")  # sent home by the plot, in the day
    play(session, "wait 10 minutes")
    assert game.state.holder["keeper"] == "square"
