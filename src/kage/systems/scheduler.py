"""The clock moves and the world keeps living: scheduled events fire at their minute,
wherever the player is. The player reads an event only if present to witness it."""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING

from kage.world import calendar, effects, ops, query
from kage.world.clock import OutOfTime, last_minute
from kage.world.conditions import holds
from kage.world.effects import effect

if TYPE_CHECKING:
    from kage.game import Game


def witnessed(game: Game, place: str | None) -> bool:
    """The awareness test: is the player where it happens? (None: everywhere.)"""
    return place is None or query.here(game) == place


def fire(game: Game, event_id: str) -> None:
    kind, _, arg = event_id.partition(":")
    handler = game.engine.handlers.get(kind) if arg else None
    if handler is not None:
        handler(game, arg)
        return
    event = game.world.events.get(event_id)
    if event is None or not holds(game, event.when):
        return
    if event.parts and _waits(game, event.parts, event_id):
        return
    game.state.fired[event_id] = game.state.minutes
    game.emit("happened", event=event_id, place=event.place)
    if event.seen and witnessed(game, event.place):
        ops.set_flag(game, f"witnessed.{event_id}", True)
        game.say(game.render(event.seen))
    effects.apply(game, event.effects)


def _waits(game: Game, parts: tuple[str, ...], event_id: str) -> bool:
    """An event that happens only at certain parts of the day, due at another, is put off
    until the first of them next begins. Whether it did."""
    world, now = game.world, game.state.minutes
    if calendar.part_now(world, now).name in parts:
        return False
    starts = [p.start for p in world.calendar.parts if p.name in parts]
    if not starts:
        return False
    later = now + min(calendar.until(world, now, start) for start in starts)
    if later > last_minute(world.start_time):
        return True  # its time never comes: it never happens
    ops.schedule(game, event_id, later)
    return True


def advance(game: Game, minutes: int) -> None:
    """Move the clock on, firing every event that falls due on the way, in order.
    OutOfTime, before anything moves, if that would pass the end of the calendar."""
    state = game.state
    target = state.minutes + max(0, minutes)
    if target > last_minute(game.world.start_time):
        raise OutOfTime()
    while state.schedule and state.schedule[0][0] <= target and not state.done:
        due, _, event_id = heapq.heappop(state.schedule)
        _tick(game, max(state.minutes, due))
        fire(game, event_id)
    if not state.done:
        _tick(game, target)
    for settle in game.engine.settlers.values():
        if state.done:
            break
        settle(game)


def _tick(game: Game, to: int) -> None:
    """Move the clock to `to`, letting every ticker see the stretch of time."""
    start = game.state.minutes
    if to <= start:
        return
    game.state.minutes = to
    for tick in game.engine.tickers.values():
        tick(game, start, to)


def untold(game: Game) -> list[tuple[str, str]]:
    """(event id, how it is told) for fired events the player neither saw nor was told."""
    told = []
    for event_id, _ in sorted(game.state.fired.items(), key=lambda kv: kv[1]):
        event = game.world.events.get(event_id)
        if event is None or not event.heard:
            continue
        flags = game.state.flags
        if not flags.get(f"witnessed.{event_id}") and not flags.get(f"told.{event_id}"):
            told.append((event_id, game.render(event.heard)))
    return told


def heard(game: Game) -> list[str]:
    """How the events the player did not witness would be told, in the order they fired."""
    told = []
    for event_id, _ in sorted(game.state.fired.items(), key=lambda kv: kv[1]):
        event = game.world.events.get(event_id)
        if event and event.heard and not game.state.flags.get(f"witnessed.{event_id}"):
            told.append(game.render(event.heard))
    return told


@effect("happen")
def _happen(game: Game, arg: str) -> None:
    """{happen: event_id}: an event fires now."""
    fire(game, arg)


@effect("cancel")
def _cancel(game: Game, arg: str) -> None:
    """{cancel: event_id}: a scheduled event will not happen after all."""
    kept = [item for item in game.state.schedule if item[2] != arg]
    if len(kept) != len(game.state.schedule):
        heapq.heapify(kept)
        game.state.schedule = kept
        game.emit("cancelled", event=arg)


def schedule_at(game: Game, event_id: str, minute: int) -> None:
    ops.schedule(game, event_id, minute)
