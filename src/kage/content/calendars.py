"""The world's `calendar` (under `world:`) -> kage.world.model.Calendar, with every
problem reported at its line: a time that is not a time, two parts that begin together,
a date template with a slot the calendar does not fill, sleep in a part that is not one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.content import schema as s
from kage.content.describe import show
from kage.content.errors import suggest
from kage.world import calendar
from kage.world.model import Calendar, DayPart

if TYPE_CHECKING:
    from kage.content.refs import References
    from kage.content.yaml_lines import Located

PATH = ("world", "calendar")
STANDARD_PHRASES = {
    "dawn": "at dawn",
    "noon": "at noon",
    "dusk": "at dusk",
    "night": "at night",
    "midnight": "at midnight",
    "sunrise": "at sunrise",
    "sunset": "at sunset",
}


def build(checker: References, located: Located, model: s.CalendarModel | None) -> Calendar:
    """The calendar a world's header describes (the standard one when it has none), with
    the names of its parts noted as ids of kind "day_part"."""
    made = Calendar() if model is None else _build(checker, located, model)
    checker.ids["day_part"] = {p.name for p in made.parts}
    return made


def _build(checker: References, located: Located, model: s.CalendarModel) -> Calendar:
    def problem(path: tuple[Any, ...], message: str) -> None:
        checker.problem(located, (*PATH, *path), message)

    plain = Calendar()
    parts = plain.parts
    if model.day_parts:
        parts = []
        seen: dict[int, str] = {}
        for name, given in model.day_parts.items():
            start = given if isinstance(given, str) else given.start
            phrase = "" if isinstance(given, str) else given.phrase
            try:
                if not calendar.CLOCK.match(start):  # a part may not begin at another part
                    raise calendar.BadTime(start)
                minute = calendar.read_time(plain, start)
            except calendar.BadTime:
                problem(
                    ("day_parts", name),
                    f"the part of the day '{name}' begins at {show(start)}, which is not a "
                    'time of day. Write it like "18:00".',
                )
                continue
            if minute in seen:
                problem(
                    ("day_parts", name),
                    f"'{name}' and '{seen[minute]}' both begin at {start}. Each part of the "
                    "day needs its own start.",
                )
                continue
            seen[minute] = name
            key = name.strip().lower()
            parts.append(DayPart(key, minute, phrase or STANDARD_PHRASES.get(key, "")))
        parts.sort(key=lambda p: p.start)
        if not parts:
            parts = plain.parts
    names = {p.name for p in parts}
    for i, name in enumerate(model.sleep):
        if name not in names:
            problem(("sleep", i), _unknown_part(name, names))
    if model.wake not in names:
        problem(("wake",), _unknown_part(model.wake, names))
    for field, given, count in (("months", model.months, 12), ("weekdays", model.weekdays, 7)):
        if given and len(given) != count:
            problem(
                (field,),
                f"'{field}' names {len(given)}, but a year has {count}. Name all {count}, in "
                "order, or leave it out.",
            )
    try:
        model.date.format_map({k: "" for k in calendar.SLOTS})
    except (KeyError, ValueError, IndexError) as exc:
        wrong = exc.args[0] if isinstance(exc, KeyError) else str(exc)
        problem(
            ("date",),
            f"the date {show(model.date)} cannot be written: {show(wrong)} is not one of its "
            f"slots ({', '.join('{' + k + '}' for k in calendar.SLOTS)}).",
        )
        date = plain.date
    else:
        date = model.date
    return Calendar(
        parts=parts,
        date=date,
        months=tuple(model.months) if len(model.months) == 12 else (),
        weekdays=tuple(model.weekdays) if len(model.weekdays) == 7 else (),
        hours=model.hours,
        sleep=tuple(model.sleep),
        wake=model.wake,
    )


def _unknown_part(name: str, names: set[str]) -> str:
    hint = suggest(name, names) or f" The parts are: {', '.join(sorted(names))}."
    return f"'{name}' is not a part of the day of this calendar.{hint}"


def check_between(checker: References, located: Located, path: tuple[Any, ...], arg: Any) -> None:
    """{between: [from, to]}: two times of day, each "18:00" or a part's name."""
    if not isinstance(arg, list) or len(arg) != 2:
        checker.problem(
            located,
            path,
            f'\'between\' needs two times of day, like between: ["18:00", "06:00"] or '
            f"[dusk, dawn], not {show(arg)}.",
        )
        return
    for i, value in enumerate(arg):
        if isinstance(value, str) and calendar.CLOCK.match(value):
            try:
                calendar.read_time(Calendar(), value)
            except calendar.BadTime:
                checker.problem(
                    located, (*path, i), f"{show(value)} is not a time of day (00:00 to 23:59)."
                )
            continue
        checker.expect(located, (*path, i), "day_part", value)
