"""In-world time: minutes since the world's start, shown as an ISO-like timestamp.

The clock is a plain integer in the state so it copies and hashes for free; only the
display turns it into a date.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

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
    "week": 10080,
    "weeks": 10080,
}
_DURATION = re.compile(r"^\s*(\d+)\s*([a-z]+)\s*$")


def unit_minutes(unit: str) -> int | None:
    """Minutes in one UNIT ("hour", "d", ...), or None if it is not a unit of time."""
    return _UNITS.get(unit.lower())


def parse_duration(text: str | int) -> int:
    """'2d', '90 minutes', '3h' or a bare number of minutes -> minutes. ValueError if not."""
    if isinstance(text, int):
        return text
    total = 0
    parts = [p for p in re.split(r"[,+]|\band\b", str(text)) if p.strip()]
    if not parts:
        raise ValueError(f"'{text}' is not a duration (try '2d', '3h' or '45m')")
    for part in parts:
        if part.strip().isdigit():
            total += int(part)
            continue
        match = _DURATION.match(part)
        if not match or match.group(2) not in _UNITS:
            raise ValueError(f"'{text}' is not a duration (try '2d', '3h' or '45m')")
        total += int(match.group(1)) * _UNITS[match.group(2)]
    return total


def stamp(start: datetime, minutes: int) -> str:
    """The ISO-like timestamp of the in-world clock, e.g. '0060-10-10T09:15'."""
    moment = start + timedelta(minutes=minutes)
    date = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
    return f"{date}T{moment.hour:02d}:{moment.minute:02d}"


def describe_span(minutes: int) -> str:
    """A human span: '2 days', '3 hours and 10 minutes', 'a moment'."""
    if minutes <= 0:
        return "a moment"
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    bits = []
    for amount, word in ((days, "day"), (hours, "hour"), (mins, "minute")):
        if amount:
            bits.append(f"{amount} {word}{'s' if amount != 1 else ''}")
    return bits[0] if len(bits) == 1 else ", ".join(bits[:-1]) + " and " + bits[-1]


def time_of_day(start: datetime, minutes: int) -> str:
    """'morning', 'afternoon', 'evening' or 'night' for prose."""
    hour = (start + timedelta(minutes=minutes)).hour
    if 5 <= hour < 12:
        return "morning"
    if 12 <= hour < 17:
        return "afternoon"
    if 17 <= hour < 21:
        return "evening"
    return "night"
