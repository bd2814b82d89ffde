"""Moving: go DIRECTION, go to PLACE (step by step along known ways), leave."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import describe
from kage.actions.pipeline import Action, Rulebooks
from kage.world import ops, query
from kage.world.conditions import holds

if TYPE_CHECKING:
    from kage.game import Game


def route(game: Game, start: str, goal: str) -> list[str] | None:
    """Directions of the quickest open way from start to goal (Dijkstra on minutes). The
    goal must be known to the player; the way there may pass places not yet seen."""
    import heapq

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
            if not holds(game, way.when):
                continue
            total = cost + way.minutes
            if total < best.get(way.to, 1 << 60):
                best[way.to] = total
                heapq.heappush(heap, (total, way.to, [*path, direction]))
    return None


def install(rules: Rulebooks) -> None:
    @rules.rule("check", "go")
    def way_open(game: Game, action: Action) -> str | None:
        place = game.world.entities[query.here(game)]
        way = place.exits.get(action.direction)
        if way is None:
            return place.props.get("no_exit") or "You can't go that way."
        if not holds(game, way.when):
            return game.render(way.refusal) or "You can't go that way."
        return None

    @rules.rule("carry_out", "go")
    def travelling(game: Game, action: Action) -> None:
        place = game.world.entities[query.here(game)]
        way = place.exits[action.direction]
        action.minutes = way.minutes
        action.data["from"] = place.id
        action.data["travel"] = game.render(way.text)
        ops.move(game, game.world.player, way.to)

    @rules.rule("report", "go")
    def arriving(game: Game, action: Action) -> str:
        travel = action.data.get("travel", "")
        if action.data.get("quiet"):
            return str(travel)
        return (f"{travel}\n\n" if travel else "") + describe.place(game, arriving=True)

    @rules.rule("check", "go_to")
    def known_way(game: Game, action: Action) -> str | None:
        assert action.noun is not None
        here = query.here(game)
        if action.noun == here:
            return "You are already there."
        if game.world.entities[action.noun].kind != "place":
            return "That is not a place you can go to."
        path = route(game, here, action.noun)
        if path is None:
            return f"You don't know a way to {game.world.entities[action.noun].name} from here."
        action.data["path"] = path
        return None

    @rules.rule("carry_out", "go_to")
    def walking_there(game: Game, action: Action) -> None:
        path = action.data["path"]
        action.minutes = 0
        for index, direction in enumerate(path):
            last = index == len(path) - 1
            step = Action("go", direction=direction, data={"quiet": not last})
            outcome = game.act(step)
            if not outcome.done or game.state.done or game.state.flags.get("interrupt"):
                break

    @rules.rule("check", "exit")
    def a_way_out(game: Game, action: Action) -> str | None:
        place = game.world.entities[query.here(game)]
        if "out" in place.exits:
            action.direction = "out"
        elif len(place.exits) == 1:
            action.direction = next(iter(place.exits))
        else:
            ways = describe.listing(list(place.exits))
            return f"Which way do you want to go? You could go {ways}."
        return None

    @rules.rule("carry_out", "exit")
    def leaving(game: Game, action: Action) -> None:
        action.minutes = 0
        game.act(Action("go", direction=action.direction))
