"""The story's own time of day and calendar: which part of the day it is (dawn, dusk,
night ...), how the date is written, and when a given part next begins.

A world's `calendar` (kage.world.model.Calendar) names its parts of the day with the
minute each begins; a part lasts until the next one begins, and the last one runs past
midnight into the first. Dates are written from a template whose slots are SLOTS:

    date: "the {date_ordinal} day of the {month}, in the {year_ordinal} year of the Leaf"

Times of day in world files are written "18:00" (or "6:30"), or as the name of a part,
which stands for the minute that part begins.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from kage.world.clock import last_minute, moment_of
from kage.world.model import Calendar, DayPart

if TYPE_CHECKING:
    from kage.world.model import World

DAY = 1440
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SLOTS = {
    "day": "the day of the story, counting the first as 1",
    "day_ordinal": 'the same as an ordinal ("3rd")',
    "date": "the day of the month (13)",
    "date_ordinal": 'the day of the month as an ordinal ("13th")',
    "month": "the month's name (from `months`)",
    "month_number": "the month's number (10)",
    "year": "the year (60)",
    "year_ordinal": 'the year as an ordinal ("60th")',
    "weekday": "the day of the week (from `weekdays`)",
    "part": 'the part of the day ("dusk")',
}
CLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


class BadTime(ValueError):
    """Not a time of day this calendar knows; str() says what would do."""


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st ..."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def minute_of_day(world: World, minutes: int) -> int:
    """The minute of the day (0..1439) the clock shows after `minutes`. The clock has no
    daylight saving, so this is arithmetic, except beyond the calendar's ends."""
    start = world.start_time
    if 0 <= minutes <= last_minute(start):
        return (start.hour * 60 + start.minute + minutes) % DAY
    moment = moment_of(start, minutes)
    return moment.hour * 60 + moment.minute


def part_at(calendar: Calendar, minute: int) -> DayPart:
    """The part of the day that minute of the day (0..1439) falls in."""
    current = calendar.parts[-1]  # the last part runs past midnight
    for part in calendar.parts:
        if part.start <= minute:
            current = part
    return current


def part_now(world: World, minutes: int) -> DayPart:
    return part_at(world.calendar, minute_of_day(world, minutes))


def find_part(calendar: Calendar, name: str) -> DayPart | None:
    wanted = name.strip().lower()
    return next((p for p in calendar.parts if p.name == wanted), None)


def read_time(calendar: Calendar, value: object) -> int:
    """The minute of the day a world file means by "18:00", "6:30" or "dusk". BadTime
    if it is none of these."""
    if isinstance(value, str):
        match = CLOCK.match(value)
        if match:
            hour, minute = int(match.group(1)), int(match.group(2))
            if hour < 24 and minute < 60:
                return hour * 60 + minute
        part = find_part(calendar, value)
        if part is not None:
            return part.start
    names = ", ".join(p.name for p in calendar.parts)
    raise BadTime(f'a time of day is written like "18:00" or names a part of the day ({names})')


def within(minute: int, start: int, end: int) -> bool:
    """Whether the minute of the day is from `start` up to (not including) `end`; a span
    whose end comes before its start runs past midnight ("22:00" to "06:00")."""
    if start <= end:
        return start <= minute < end
    return minute >= start or minute < end


def until(world: World, minutes: int, target: int) -> int:
    """Minutes from the clock's reading `minutes` to the next time the clock shows the
    minute of the day `target` (a whole day when it shows it now)."""
    gap = (target - minute_of_day(world, minutes)) % DAY
    return gap or DAY


def phrase(part: DayPart) -> str:
    return part.phrase or f"in the {part.name}"


def clock_text(calendar: Calendar, minute: int) -> str:
    """'18:05', or '6:05 pm' on a twelve-hour clock."""
    hour, mins = divmod(minute, 60)
    if calendar.hours == 12:
        return f"{(hour - 1) % 12 + 1}:{mins:02d} {'am' if hour < 12 else 'pm'}"
    return f"{hour:02d}:{mins:02d}"


def story_day(world: World, minutes: int) -> int:
    """The day of the story the clock shows, the first being 1 (a day begins at midnight)."""
    start_day = world.start_time.replace(hour=0, minute=0)
    return (moment_of(world.start_time, minutes) - start_day) // timedelta(days=1) + 1


def date_text(world: World, minutes: int) -> str:
    """The date as the world's calendar writes it."""
    calendar = world.calendar
    moment: datetime = moment_of(world.start_time, minutes)
    day = story_day(world, minutes)
    months = calendar.months or MONTHS
    weekdays = calendar.weekdays or WEEKDAYS
    values = {
        "day": day,
        "day_ordinal": ordinal(day),
        "date": moment.day,
        "date_ordinal": ordinal(moment.day),
        "month": months[(moment.month - 1) % len(months)],
        "month_number": moment.month,
        "year": moment.year,
        "year_ordinal": ordinal(moment.year),
        "weekday": weekdays[moment.weekday() % len(weekdays)],
        "part": part_at(calendar, moment.hour * 60 + moment.minute).name,
    }
    return calendar.date.format_map(values)


def when(world: World, minutes: int) -> str:
    """The time in the story's own words: 'dusk, 18:05, day 3'."""
    minute = minute_of_day(world, minutes)
    part = part_at(world.calendar, minute).name
    return f"{part}, {clock_text(world.calendar, minute)}, {date_text(world, minutes)}"
