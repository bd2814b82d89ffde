"""Letting time pass: wait, wait N hours, wait until dusk (or "18:00"), sleep.

Sleep passes the night: from a part of the day the world's calendar lets one sleep in, it
lasts until the calendar's waking part (the morning) begins. One sleeps where the place
has `bed: true` and nothing refuses it (a place's `no_sleep`, a check rule of an
extension: nobody sleeps with a fight in the room)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.pipeline import Action, Rulebooks, rule
from kage.core.responses import response
from kage.world import calendar, numbers, query
from kage.world.clock import parse_duration, passes
from kage.world.numbers import Bounds

if TYPE_CHECKING:
    from kage.game import Game

LONGEST_WAIT = 7 * 24 * 60
WAIT = Bounds(  # minutes; a bare "wait" (no number) is five of them
    1,
    LONGEST_WAIT,
    too_small="Time only runs one way, and waiting for no time at all is no wait. "
    "Try WAIT 10 MINUTES.",
    too_large="That is longer than you care to wait in one go. Try a week at most.",
)

TIME_PASSES = response("waiting.short", "Time passes.")
WAITED = response("waiting.long", "You wait. {passed}.", "passed")
NO_BED = response("sleeping.nowhere", "This is no place to sleep.")
SLEPT = response("sleeping.slept", "You sleep, and the hours go by.")
NOT_TIRED = response(
    "sleeping.not_tired",
    "It is {part}, and you are not tired enough to sleep. (You could WAIT UNTIL {bedtime}.)",
    "part",
    "bedtime",
)
WOKE = response("sleeping.woke", "You wake {phrase}.", "part", "phrase")
A_WHILE = response(
    "waiting_until.a_while",
    "You wait a while. (To wait until a time of day: WAIT UNTIL {example}, or a part of "
    "the day: {parts}. Or for a time: WAIT 2 HOURS.)",
    "example",
    "parts",
)
ALREADY = response("waiting_until.already", "It is {part} already.", "part")
WAITED_UNTIL = response(
    "waiting_until.done", "You wait. {passed}, and now it is {part}.", "passed", "part"
)

# everyday words for the parts of the day, when the world's calendar has parts so named
WORDS_FOR = {
    "sunrise": "dawn",
    "daybreak": "dawn",
    "first light": "dawn",
    "daylight": "morning",
    "day": "morning",
    "daytime": "morning",
    "tomorrow": "morning",
    "tomorrow morning": "morning",
    "midday": "noon",
    "lunch": "noon",
    "lunchtime": "noon",
    "sunset": "dusk",
    "nightfall": "dusk",
    "twilight": "dusk",
    "dark": "night",
    "darkness": "night",
    "nighttime": "night",
    "night time": "night",
    "bedtime": "night",
    "tonight": "evening",
}
_FILLER = ("it is ", "it's ", "its ", "the ", "it gets ", "it's ")


def install(rules: Rulebooks) -> None:
    rules.takes("wait", WAIT)


@rule("check", "wait")
def sensible_wait(game: Game, action: Action) -> str | None:
    """The parser keeps typed numbers within WAIT; this holds for any other actor."""
    if action.number < 0:
        return WAIT.too_small
    if action.number > WAIT.high:
        return WAIT.too_large
    return None


@rule("carry_out", "wait")
def waiting(game: Game, action: Action) -> None:
    if not action.data.get("unit"):
        action.number = action.number or 5  # a bare "wait" or "wait 10" (minutes)
    action.minutes = action.number


@rule("report", "wait")
def report_wait(game: Game, action: Action) -> str:
    if action.minutes <= 5:
        return TIME_PASSES(game, action)
    return WAITED(game, action, passed=passes(action.minutes).capitalize())


def wanted_time(game: Game, text: str) -> tuple[int, str] | None:
    """(minutes to wait, the part of the day it will then be) for the text of WAIT UNTIL:
    a part of the day ("dusk", "the evening", "sunset"), a time ("18:00", "6 pm"), or a
    length of time ("2 hours"). None if it is none of these."""
    words = " ".join(text.lower().replace(".", " ").split())
    for filler in _FILLER:
        words = words.removeprefix(filler)
    world, now = game.world, game.state.minutes
    cal = world.calendar
    name = words if calendar.find_part(cal, words) else WORDS_FOR.get(words, words)
    part = calendar.find_part(cal, name)
    if part is not None:
        if calendar.part_now(world, now).name == part.name:
            return 0, part.name
        span = calendar.until(world, now, part.start)
        return span, part.name
    target = _clock_time(words)
    if target is not None:
        span = calendar.until(world, now, target)
        if _either_half(words) and target < 12 * 60:
            # "until eight" at six in the evening is eight tonight: the next time the
            # clock's hands say it, morning or evening
            span = min(span, calendar.until(world, now, target + 12 * 60))
    elif ":" in words:
        return None
    else:
        try:
            span = parse_duration(words)
        except ValueError:
            return None
        if not 0 < span <= WAIT.high:
            return None
    return span, calendar.part_now(world, now + span).name


def _either_half(words: str) -> bool:
    """Whether an hour is said as the clock face says it, without morning or evening:
    "eight", "8", "8 o'clock" (not "20:00" or "7:15", read as a 24-hour clock, nor "8 pm",
    "08")."""
    words = words.replace("o'clock", "").replace("oclock", "").strip()
    if any(words.endswith(s) for s in ("am", "pm", "a.m", "p.m")) or words.startswith("0"):
        return False
    if ":" in words:
        return False
    hour = words.partition(":")[0]
    return not hour.isdigit() or 1 <= int(hour) <= 12


def _clock_time(words: str) -> int | None:
    """The minute of the day of "18:00", "6:30 pm", "6 pm", "6 o'clock", "eight" (None
    otherwise)."""
    words = words.replace("o'clock", "").replace("oclock", "").strip()
    if words and not words[0].isdigit():
        try:  # an hour in words: "eight", "eight pm"
            first, _, rest = words.partition(" ")
            words = f"{numbers.read(first, 1, 12)} {rest}".strip()
        except numbers.NumberError:
            return None
    half = ""
    for suffix in ("am", "pm", "a.m", "p.m"):
        if words.endswith(suffix):
            half, words = suffix[0], words[: -len(suffix)].strip()
            break
    hour_text, _, minute_text = words.partition(":")
    if not hour_text.isdigit() or (minute_text and not minute_text.isdigit()):
        return None
    hour, minute = int(hour_text), int(minute_text or 0)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59 or (not half and not minute_text and hour > 12):
        return None if hour > 23 or minute > 59 else hour * 60 + minute
    return hour * 60 + minute


WHILE = 10  # minutes waited for what is no time ("wait until ned is gone")


@rule("check", "wait_until")
def a_time_to_wait_for(game: Game, action: Action) -> str | None:
    found = wanted_time(game, action.text)
    if found is not None and found[0] == 0:
        return ALREADY(game, action, part=found[1])
    return None


@rule("carry_out", "wait_until")
def waiting_until(game: Game, action: Action) -> None:
    """Until the time named; for anything else (someone to go, something to happen) a
    while, as a bare WAIT does, so whatever is coming may come."""
    found = wanted_time(game, action.text)
    action.minutes = found[0] if found else WHILE
    action.data["a_while"] = found is None


@rule("report", "wait_until")
def report_wait_until(game: Game, action: Action) -> str:
    if action.data.get("a_while"):
        parts = ", ".join(p.name.upper() for p in game.world.calendar.parts)
        return A_WHILE(game, action, example="18:00", parts=parts)
    part = calendar.part_now(game.world, game.state.minutes + action.minutes)  # the clock moves
    return WAITED_UNTIL(game, action, passed=passes(action.minutes).capitalize(), part=part.name)


@rule("check", "sleep")
def somewhere_to_sleep(game: Game, action: Action) -> str | None:
    """A place with `bed: true` is one; its `no_sleep` prop says why another is not."""
    place = game.world.entities[query.here(game)]
    if not place.props.get("bed"):
        return place.props.get("no_sleep") or NO_BED(game, action)
    return None


@rule("check", "sleep", after="somewhere_to_sleep")
def time_for_bed(game: Game, action: Action) -> str | None:
    """One goes to sleep in the parts of the day the calendar's `sleep` names."""
    cal = game.world.calendar
    part = calendar.part_now(game.world, game.state.minutes)
    if part.name in cal.sleep or not cal.sleep:
        return None
    bedtime = min(
        (p for p in cal.parts if p.name in cal.sleep),
        key=lambda p: calendar.until(game.world, game.state.minutes, p.start),
    )
    return NOT_TIRED(game, action, part=part.name, bedtime=bedtime.name.upper())


@rule("carry_out", "sleep")
def sleeping(game: Game, action: Action) -> None:
    """Until the waking part of the day begins: the night passes."""
    world = game.world
    wake = calendar.find_part(world.calendar, world.calendar.wake)
    if wake is None:  # a calendar the loader checked always has it
        action.minutes = 8 * 60
        return
    action.minutes = calendar.until(world, game.state.minutes, wake.start)


@rule("report", "sleep")
def report_sleep(game: Game, action: Action) -> str:
    place = game.world.entities[query.here(game)]
    slept = str(place.props.get("sleep_text") or SLEPT(game, action))
    part = calendar.part_now(game.world, game.state.minutes + action.minutes)  # after the report
    woke = WOKE(game, action, part=part.name, phrase=calendar.phrase(part))
    return f"{slept} {woke}"
