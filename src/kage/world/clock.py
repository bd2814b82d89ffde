"""In-world time: minutes since the world's start, shown as an ISO-like timestamp.

The clock is a plain integer in the state so it copies and hashes for free; only the
display turns it into a date. Dates end with the year 9999 (as Python's do): the clock
never passes END_OF_TIME (advancing past it raises OutOfTime, which the session turns into
a refusal), and no duration is longer than LONGEST_SPAN.
"""

from __future__ import annotations

import functools
import math
import re
from datetime import datetime, timedelta

from kage.world import numbers

END_OF_TIME = datetime(9999, 12, 31, 23, 59)
LONGEST_SPAN = (END_OF_TIME - datetime(1, 1, 1)) // timedelta(minutes=1)


class OutOfTime(Exception):
    """The clock was asked to pass END_OF_TIME. str() is what the player reads."""

    def __init__(self) -> None:
        super().__init__(
            "The calendar of this world ends with the year 9999, and that would carry you "
            "past its last minute. Time goes no further."
        )


@functools.lru_cache(maxsize=64)
def last_minute(start: datetime) -> int:
    """The latest the clock of a world that starts at `start` may read."""
    return (END_OF_TIME - start) // timedelta(minutes=1)


_UNITS = {
    "m": 1,
    "min": 1,
    "mins": 1,
    "minute": 1,
    "minutes": 1,
    "h": 60,
    "hr": 60,
    "hrs": 60,
    "hour": 60,
    "hours": 60,
    "d": 1440,
    "day": 1440,
    "days": 1440,
    "w": 10080,
    "wk": 10080,
    "wks": 10080,
    "week": 10080,
    "weeks": 10080,
    "fortnight": 20160,
    "fortnights": 20160,
}
_DURATION = re.compile(r"^\s*(\d+)\s*([a-z]*)\s*$")
_SEPARATORS = re.compile(r"[,+]|\band\b|\s+(?=\d)")  # "1d, 6h", "1d + 6h", "1d 6h"


def unit_minutes(unit: str) -> int | None:
    """Minutes in one UNIT ("hour", "d", ...), or None if it is not a unit of time."""
    return _UNITS.get(unit.lower())


class TooLong(ValueError):
    """A length of time, but longer than LONGEST_SPAN: `minutes` is about how long
    (infinite when the number was too long to read)."""

    def __init__(self, text: str | int, minutes: float):
        super().__init__(f"'{text}' is longer than the calendar")
        self.minutes = minutes


def parse_duration(text: str | int) -> int:
    """'2d', '90 minutes', '1d 6h' or a bare number of minutes -> minutes. ValueError if
    it is none of these or longer than LONGEST_SPAN. (A negative int passes, for the
    world checker to name.)"""
    if isinstance(text, bool) or not isinstance(text, int | str):
        raise ValueError(f"{text!r} is not a duration (try '2d', '3h' or '45m')")
    if isinstance(text, int):
        if abs(text) > LONGEST_SPAN:
            raise TooLong(text, abs(text))
        return text
    total = 0
    parts = [p for p in _SEPARATORS.split(text.lower()) if p.strip()]
    if not parts:
        raise ValueError(f"'{text}' is not a duration (try '2d', '3h' or '45m')")
    for part in parts:
        match = _DURATION.match(part)
        unit = match.group(2) if match else ""
        if not match or unit and unit not in _UNITS:
            raise ValueError(f"'{text}' is not a duration (try '2d', '3h' or '45m')")
        scale = _UNITS[unit] if unit else 1
        try:
            total += numbers.read(match.group(1), 0, LONGEST_SPAN // scale) * scale
        except numbers.OutOfRange as exc:
            if exc.too_small:
                raise
            raise TooLong(text, math.inf if exc.value is None else exc.value * scale) from exc
    if total > LONGEST_SPAN:
        raise TooLong(text, total)
    return total


def moment_of(start: datetime, minutes: int) -> datetime:
    """The date on the clock; a reading outside the calendar shows its nearest end."""
    earliest = -((start - datetime.min) // timedelta(minutes=1))
    return start + timedelta(minutes=max(earliest, min(minutes, last_minute(start))))


def stamp(start: datetime, minutes: int) -> str:
    """The ISO-like timestamp of the in-world clock, e.g. '0060-10-10T09:15'."""
    moment = moment_of(start, minutes)
    date = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
    return f"{date}T{moment.hour:02d}:{moment.minute:02d}"


def short_span(minutes: int) -> str:
    """A span in few letters, for a status line: "1d 23h", "5h 10m", "0m"."""
    days, rest = divmod(max(0, minutes), 1440)
    hours, mins = divmod(rest, 60)
    bits = [f"{n}{u}" for n, u in ((days, "d"), (hours, "h"), (mins, "m")) if n]
    return " ".join(bits[:2]) or "0m"


def describe_span(minutes: int) -> str:
    """A human span: '2 days', '3 hours and 10 minutes', 'a moment'."""
    if minutes <= 0:
        return "a moment"
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    bits = []
    for amount, word in ((days, "day"), (hours, "hour"), (mins, "minute")):
        if amount:
            bits.append(numbers.plural(amount, word))
    return bits[0] if len(bits) == 1 else ", ".join(bits[:-1]) + " and " + bits[-1]


def passes(minutes: int) -> str:
    """'1 hour passes', '3 hours pass', '1 day and 1 hour pass', 'a moment passes'."""
    one = minutes <= 0 or minutes in (1, 60, 1440)
    return f"{describe_span(minutes)} {'passes' if one else 'pass'}"
