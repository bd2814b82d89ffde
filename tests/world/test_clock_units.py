"""In-world time: durations written in world files, the clock shown to the player, spans
and times of day in prose."""

from __future__ import annotations

from datetime import datetime

import pytest

from kage.world import calendar
from kage.world.clock import describe_span, parse_duration, stamp, unit_minutes
from kage.world.model import Calendar


@pytest.mark.parametrize(
    ("unit", "minutes"),
    [("m", 1), ("Minutes", 1), ("HOUR", 60), ("hrs", 60), ("d", 1440), ("Weeks", 10080)],
)
def test_unit_minutes_ignores_case(unit: str, minutes: int) -> None:
    assert unit_minutes(unit) == minutes


@pytest.mark.parametrize("unit", ["", "moon", "sec", "h1"])
def test_unit_minutes_of_what_is_not_a_unit(unit: str) -> None:
    assert unit_minutes(unit) is None


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("1h and 30m", 90),
        ("1h, 30m", 90),
        ("2, 3", 5),  # bare numbers are minutes, and add up
        ("10 + 5m", 15),
        ("  3 h ", 180),
        ("0", 0),
        ("1w, 1d, 1h, 1m", 10080 + 1440 + 60 + 1),
    ],
)
def test_parse_duration_adds_its_parts(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["and", ",", "  ", "2d, soon", "3 parsecs"])
def test_parse_duration_refusals_quote_the_text_and_show_examples(text: str) -> None:
    with pytest.raises(ValueError) as error:
        parse_duration(text)
    assert str(error.value) == f"'{text}' is not a duration (try '2d', '3h' or '45m')"


def test_stamp_is_year_month_day_hour_minute_zero_padded() -> None:
    start = datetime(60, 1, 2, 3, 4)
    assert stamp(start, 0) == "0060-01-02T03:04"
    assert stamp(start, 60 * 24 * 31 + 6) == "0060-02-02T03:10"
    assert stamp(datetime(1999, 12, 31, 23, 59), 1) == "2000-01-01T00:00"


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (-5, "a moment"),
        (0, "a moment"),
        (1, "1 minute"),
        (2, "2 minutes"),
        (60, "1 hour"),
        (120, "2 hours"),
        (61, "1 hour and 1 minute"),
        (1440, "1 day"),
        (1441, "1 day and 1 minute"),
        (2880 + 180, "2 days and 3 hours"),
        (1440 + 60 + 1, "1 day, 1 hour and 1 minute"),
    ],
)
def test_describe_span(minutes: int, text: str) -> None:
    assert describe_span(minutes) == text


@pytest.mark.parametrize(
    ("hour", "minute", "part"),
    [
        (0, 0, "night"),
        (4, 59, "night"),
        (5, 0, "dawn"),
        (6, 59, "dawn"),
        (7, 0, "morning"),
        (11, 59, "morning"),
        (12, 0, "noon"),
        (13, 0, "afternoon"),
        (17, 59, "afternoon"),
        (18, 0, "dusk"),
        (19, 0, "evening"),
        (21, 59, "evening"),
        (22, 0, "night"),
        (23, 59, "night"),
    ],
)
def test_the_standard_parts_of_the_day(hour: int, minute: int, part: str) -> None:
    """A world without a calendar of its own has these; the last runs past midnight."""
    assert calendar.part_at(Calendar(), hour * 60 + minute).name == part
