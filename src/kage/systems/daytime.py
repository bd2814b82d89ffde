"""The time of day in the story: conditions on it, the text slots that tell it, and people
who keep to a schedule (the guards at the gate by day, the night watch by night).

    when: {time_of_day: dusk}                 also a list: {time_of_day: [evening, night]}
    when: {between: ["18:00", "06:00"]}      past midnight too; bounds may be parts (dusk)
    text: "You reach the river {{time}}."    "at dusk"; also {{time:part}}, {{time:clock}},
                                              {{time:date}}, {{time:when}}
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.core import prose
from kage.core.responses import response
from kage.systems.registry import provider, settler
from kage.world import calendar, ops, query
from kage.world.conditions import TIME, condition, holds

if TYPE_CHECKING:
    from kage.game import Game
    from kage.world.model import Entity, Stop

LEAVES = response("keeping_schedule.leaves", "{The who} {leaves}.", "who")
ARRIVES = response("keeping_schedule.arrives", "{The who} {arrives}.", "who")


def _names(arg: str | list[str]) -> list[str]:
    return [arg] if isinstance(arg, str) else list(arg)


@condition("time_of_day", reads=(TIME,))
def _time_of_day(game: Game, arg: str | list[str]) -> bool:
    """It is that part of the day (or one of those listed): {time_of_day: dusk}."""
    return calendar.part_now(game.world, game.state.minutes).name in _names(arg)


@condition("between", reads=(TIME,))
def _between(game: Game, arg: list[str]) -> bool:
    """The clock shows a time from the first up to the second: {between: ["18:00", "06:00"]}
    runs past midnight; a part of the day stands for the minute it begins ([dawn, dusk])."""
    read = game.world.runtime.setdefault("between", {})  # the bounds, read once per world
    bounds = read.get(key := tuple(arg))
    if bounds is None:
        bounds = read[key] = tuple(calendar.read_time(game.world.calendar, v) for v in arg)
    start, end = bounds
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
    off their schedule (to a place none of its stops names) is left where they are."""
    here = query.here(game)
    for person in scheduled(game):
        stop = stop_now(game, person)
        now = query.place_of(game, person.id)
        if stop is None or now == stop.at or now not in {s.at for s in person.schedule}:
            continue
        silent = quiet or stop.quiet
        slots = {"who": prose.subject(game, person.id)}
        if not silent and now == here:
            game.say(game.render(stop.leaves) or LEAVES(game, None, **slots))
        ops.move(game, person.id, stop.at)
        if not silent and stop.at == here:
            game.say(game.render(stop.arrives) or ARRIVES(game, None, **slots))
