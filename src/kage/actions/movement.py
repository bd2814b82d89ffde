"""Moving: go DIRECTION, go to PLACE (step by step along known ways), leave.

A way may pass through a door. A closed door is opened on the way, as Inform does
("(first opening the red door)"), unless it is locked or will not open; a player sitting
on something gets off it first. Both are tried as the real actions, so whatever refuses
opening or getting off refuses the going too.
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING

from kage.actions import describe, entering, ways
from kage.actions.pipeline import Action, perform, refusal, rule
from kage.core import prose
from kage.core.responses import response
from kage.world import ops, query
from kage.world.conditions import holds
from kage.world.model import Exit

if TYPE_CHECKING:
    from kage.game import Game

CANT_GO = response("going.cant_go", "You can't go that way.")
FIRST_OPENING = response("going.first_opening", "(first opening {door})", "door")
FIRST_GETTING_OFF = response(
    "going.first_getting_off", "(first getting {off} {seat})", "off", "seat"
)
DOOR_SHUT = response("going.door_closed", "You can't go through {door}: it is closed.", "door")
ALREADY_THERE = response("going_to.already_there", "You are already there.")
NOT_A_PLACE = response("going_to.not_a_place", "That is not a place you can go to.")
NO_WAY = response("going_to.no_way", "You don't know a way to {place} from here.", "place")
WHICH_WAY = response(
    "exiting.which_way", "Which way do you want to go? You could go {ways}.", "ways"
)


def passable(game: Game, way: Exit) -> bool:
    """Whether a way can be walked now: it is open, and any door on it opens."""
    if not holds(game, way.when):
        return False
    door = way.door
    return door is None or query.is_open(game, door) or refusal(game, _open(game, door)) is None


def route(game: Game, start: str, goal: str) -> list[str] | None:
    """Directions of the quickest open way from start to goal (Dijkstra on minutes). The
    goal must be known to the player; the way there may pass places not yet seen."""
    entities = game.world.entities
    best = {start: 0}
    heap: list[tuple[int, str, list[str]]] = [(0, start, [])]
    while heap:
        cost, place, path = heapq.heappop(heap)
        if place == goal:
            return path
        if cost > best.get(place, 1 << 60):
            continue
        for direction, way in entities[place].exits.items():
            if not passable(game, way):
                continue
            total = cost + way.minutes
            if total < best.get(way.to, 1 << 60):
                best[way.to] = total
                heapq.heappush(heap, (total, way.to, [*path, direction]))
    return None


def _open(game: Game, door: str) -> Action:
    return Action("open", noun=door, actor=game.world.player)


def _get_off(game: Game, seat: str) -> Action:
    return Action("get_off", noun=seat, actor=game.world.player)


def _door_name(game: Game, door: str) -> str:
    return prose.the(game, door)


@rule("before", "go", order=10)
def out_of_a_seat_is_getting_off(game: Game, action: Action) -> None:
    """'out' (or 'exit') while in or on something means getting out of it."""
    if action.direction == "out" and entering.seat(game) is not None:
        action.name = "get_off"


@rule("check", "go")
def way_open(game: Game, action: Action) -> str | None:
    place = game.world.entities[query.here(game)]
    way = place.exits.get(action.direction)
    if way is None:
        return place.props.get("no_exit") or CANT_GO(game, action)
    if not holds(game, way.when):
        return game.render(way.refusal) or CANT_GO(game, action)
    return None


@rule("check", "go", order=60)
def off_the_seat_first(game: Game, action: Action) -> str | None:
    seat = entering.seat(game)
    if seat is None:
        return None
    refused = refusal(game, _get_off(game, seat))
    if refused is None:
        return None
    off = "off" if game.world.entities[seat].supporter else "out of"
    first = FIRST_GETTING_OFF(game, action, off=off, seat=prose.the(game, seat))
    return f"{first}\n{refused[1]}"


@rule("check", "go", order=70)
def through_the_door(game: Game, action: Action) -> str | None:
    way = game.world.entities[query.here(game)].exits[action.direction]
    door = way.door
    if door is None or query.is_open(game, door):
        return None
    if not game.world.entities[door].openable:
        return DOOR_SHUT(game, action, door=_door_name(game, door))
    refused = refusal(game, _open(game, door))
    if refused is None:
        return None
    return f"{FIRST_OPENING(game, action, door=_door_name(game, door))}\n{refused[1]}"


@rule("carry_out", "go", order=20)
def getting_ready(game: Game, action: Action) -> None:
    """Off the chair and through the door, as the checks above found possible."""
    notes = []
    seat = entering.seat(game)
    if seat is not None:
        off = "off" if game.world.entities[seat].supporter else "out of"
        notes.append(FIRST_GETTING_OFF(game, action, off=off, seat=prose.the(game, seat)))
        perform(game, _get_off(game, seat))
    door = game.world.entities[query.here(game)].exits[action.direction].door
    if door is not None and not query.is_open(game, door):
        notes.append(FIRST_OPENING(game, action, door=_door_name(game, door)))
        perform(game, _open(game, door))
    if notes:
        action.data["first"] = "\n".join(notes)


@rule("carry_out", "go")
def travelling(game: Game, action: Action) -> None:
    place = game.world.entities[query.here(game)]
    way = place.exits[action.direction]
    action.minutes = way.minutes
    action.data["from"] = place.id
    action.data["travel"] = game.pick(way.text)
    ops.move(game, game.world.player, way.to)


@rule("report", "go")
def arriving(game: Game, action: Action) -> str:
    travel = action.data.get("travel", "")
    first = action.data.get("first", "")
    if action.data.get("quiet"):
        return "\n".join(p for p in (first, travel) if p)
    said = (f"{travel}\n\n" if travel else "") + describe.place(game, arriving=True)
    return f"{first}\n{said}" if first else said


@rule("check", "go_to")
def known_way(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    here = query.here(game)
    if action.noun == here:
        return ALREADY_THERE(game, action)
    if game.world.entities[action.noun].kind != "place":
        return NOT_A_PLACE(game, action)
    path = route(game, here, action.noun)
    if path is None:
        return NO_WAY(game, action, place=game.world.entities[action.noun].name)
    action.data["path"] = path
    return None


@rule("carry_out", "go_to")
def walking_there(game: Game, action: Action) -> None:
    path = action.data["path"]
    action.minutes = 0
    for index, direction in enumerate(path):
        last = index == len(path) - 1
        step = Action("go", direction=direction, data={"quiet": not last})
        outcome = game.act(step)
        if not outcome.done or game.state.done or game.state.flags.get("interrupt"):
            break


@rule("check", "exit")
def a_way_out(game: Game, action: Action) -> str | None:
    if entering.seat(game) is not None:
        return None  # getting out of the chair first
    if action.direction:
        return None  # the player named the way ("leave the shop"), or the parser found it
    found = ways.way_out(game)
    if isinstance(found, list):
        if not found:
            return CANT_GO(game, action)
        return WHICH_WAY(game, action, ways=describe.listing(found))
    action.direction = found
    return None


@rule("carry_out", "exit")
def leaving(game: Game, action: Action) -> None:
    action.minutes = 0
    seat = entering.seat(game)
    if seat is not None:
        game.act(Action("get_off", noun=seat))
    else:
        game.act(Action("go", direction=action.direction))
