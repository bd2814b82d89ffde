"""The time of day in the story: conditions on it, the text slots that tell it, and people
who keep to a schedule (the guards at the gate by day, the night watch by night).

    when: {time_of_day: dusk}                 also a list: {time_of_day: [evening, night]}
    when: {between: ["18:00", "06:00"]}      past midnight too; bounds may be parts (dusk)
    text: "You reach the river {{time}}."    "at dusk"; also {{time:part}}, {{time:clock}},
                                              {{time:date}}, {{time:when}}
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.core import prose
from kage.core.responses import response
from kage.systems.registry import provider, settler
from kage.world import calendar, ops, query, watch
from kage.world.conditions import NEVER, TIME, Wake, condition, holds

if TYPE_CHECKING:
    from kage.game import Game
    from kage.world.model import Entity, Stop

LEAVES = response("keeping_schedule.leaves", "{The who} {leaves}.", "who")
ARRIVES = response("keeping_schedule.arrives", "{The who} {arrives}.", "who")


def _names(arg: str | list[str]) -> list[str]:
    return [arg] if isinstance(arg, str) else list(arg)


def _next_part(game: Game, arg: Any) -> int:
    """The minute the next part of the day begins (when `time_of_day` may change)."""
    world, now = game.world, game.state.minutes
    return now + min(calendar.until(world, now, p.start) for p in world.calendar.parts)


def _next_bound(game: Game, arg: list[str]) -> int:
    """The minute the clock next shows one of the bounds of `between`."""
    world, now = game.world, game.state.minutes
    start, end = _bounds(game, arg)
    return now + min(calendar.until(world, now, start), calendar.until(world, now, end))


@condition("time_of_day", reads=(TIME,), changes=_next_part)
def _time_of_day(game: Game, arg: str | list[str]) -> bool:
    """It is that part of the day (or one of those listed): {time_of_day: dusk}."""
    return calendar.part_now(game.world, game.state.minutes).name in _names(arg)


def _bounds(game: Game, arg: list[str]) -> tuple[int, int]:
    read = game.world.runtime.setdefault("between", {})  # the bounds, read once per world
    bounds = read.get(key := tuple(arg))
    if bounds is None:
        bounds = read[key] = tuple(calendar.read_time(game.world.calendar, v) for v in arg)
    return bounds  # type: ignore[no-any-return]


@condition("between", reads=(TIME,), changes=_next_bound)
def _between(game: Game, arg: list[str]) -> bool:
    """The clock shows a time from the first up to the second: {between: ["18:00", "06:00"]}
    runs past midnight; a part of the day stands for the minute it begins ([dawn, dusk])."""
    start, end = _bounds(game, arg)
    return calendar.within(calendar.minute_of_day(game.world, game.state.minutes), start, end)


@provider("time")
def _time(game: Game, arg: str) -> str:
    """{{time}}: "at dusk"; {{time:part}} "dusk", {{time:clock}} "18:05", {{time:date}} the
    date in the world's calendar, {{time:when}} all three."""
    world, now = game.world, game.state.minutes
    part = calendar.part_now(world, now)
    if arg == "part":
        return part.name
    if arg == "clock":
        return calendar.clock_text(world.calendar, calendar.minute_of_day(world, now))
    if arg == "date":
        return calendar.date_text(world, now)
    if arg == "when":
        return calendar.when(world, now)
    return calendar.phrase(part)


def scheduled(game: Game) -> list[Entity]:
    """The people of the world who keep a schedule."""
    found = game.world.runtime.get("scheduled")
    if found is None:
        found = [e for e in game.world.entities.values() if e.schedule]
        game.world.runtime["scheduled"] = found
    return found  # type: ignore[no-any-return]


def stop_now(game: Game, person: Entity) -> Stop | None:
    """The first stop of the person's schedule whose condition holds now."""
    return next((stop for stop in person.schedule if holds(game, stop.when)), None)


@settler("schedules")
def keep_schedules(game: Game, quiet: bool = False) -> None:
    """Each person with a schedule goes where it says for now. Someone the story has taken
    off their schedule (to a place none of its stops names) is left where they are.
    Someone settled is passed over until the stop chosen could change, or anyone moves
    (see `kage.world.watch`)."""
    here = query.here(game)
    looking = watch.look(game, "watch.schedules")
    for person in scheduled(game):
        if looking.unchanged(person.id):
            if watch.VERIFY_SKIPS and _would_move(game, person, stop_now(game, person)):
                raise AssertionError(f"'{person.id}' was passed over but would move")
            continue
        stop, wake = _stop_and_wake(game, person)
        looking.keep(person.id, wake)
        if not _would_move(game, person, stop):
            continue
        assert stop is not None
        now = query.place_of(game, person.id)
        silent = quiet or stop.quiet
        slots = {"who": prose.subject(game, person.id)}
        if not silent and now == here:
            game.say(game.render(stop.leaves) or LEAVES(game, None, **slots))
        ops.move(game, person.id, stop.at)
        if not silent and stop.at == here:
            game.say(game.render(stop.arrives) or ARRIVES(game, None, **slots))


def _would_move(game: Game, person: Entity, stop: Stop | None) -> bool:
    now = query.place_of(game, person.id)
    return not (stop is None or now == stop.at or now not in {s.at for s in person.schedule})


def _stop_and_wake(game: Game, person: Entity) -> tuple[Stop | None, Wake]:
    """`stop_now`, and what could change which stop that is, or where they stand (a move
    of theirs, or of whatever holds them)."""
    events: set[str] = set()
    holders = game.state.holder
    holder: str | None = person.id
    for _ in range(len(holders) + 1):  # a chain of holders ends (and has no loops)
        if holder is None:
            break
        events |= {f"moved:{holder}", f"consumed:{holder}"}
        holder = holders.get(holder)
    until: float = NEVER
    known = True
    for stop in person.schedule:
        truth, wake = watch.why(game, stop.when)(game)
        if wake is None:
            known = False
        else:
            events |= wake[0]
            until = min(until, wake[1])
        if truth:
            return stop, (frozenset(events), until) if known else None
    return None, (frozenset(events), until) if known else None
