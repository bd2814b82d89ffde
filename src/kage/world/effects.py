"""Effects written in world files (``{set: {flag: true}}``, ``{move: {x: place}}`` ...).

Every effect changes the state through `ops`, so each change is also an event. Systems add
their own kinds with `effect`; the table is filled at import and never changes in play.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kage.world import ops
from kage.world.clock import parse_duration
from kage.world.conditions import holds

if TYPE_CHECKING:
    from kage.game import Game

Apply = Callable[["Game", Any], None]
KINDS: dict[str, Apply] = {}


def effect(name: str) -> Callable[[Apply], Apply]:
    def register(func: Apply) -> Apply:
        KINDS[name] = func
        return func

    return register


def apply(game: Game, effects: list[dict[str, Any]]) -> None:
    for item in effects:
        for key, arg in item.items():
            if key == "when":
                continue
            if "when" in item and not holds(game, item["when"]):
                break
            KINDS[key](game, arg)
            if game.state.done:
                return


@effect("set")
def _set(game: Game, arg: dict[str, Any]) -> None:
    for key, value in arg.items():
        ops.set_flag(game, key, value)


@effect("unset")
def _unset(game: Game, arg: str | list[str]) -> None:
    for key in [arg] if isinstance(arg, str) else arg:
        ops.set_flag(game, key, None)


@effect("move")
def _move(game: Game, arg: dict[str, str]) -> None:
    for entity, to in arg.items():
        ops.move(game, entity, to)


@effect("prop")
def _prop(game: Game, arg: dict[str, dict[str, Any]]) -> None:
    for entity, values in arg.items():
        for key, value in values.items():
            ops.set_prop(game, entity, key, value)


@effect("say")
def _say(game: Game, arg: str) -> None:
    game.say(game.render(arg))


@effect("pay")
def _pay(game: Game, arg: dict[str, Any]) -> None:
    """{pay: {amount: 80, to: teuchi}}: the player pays from whatever holds his money."""
    ops.pay(game, game.world.player, arg["to"], int(arg["amount"]))


@effect("transfer")
def _transfer(game: Game, arg: dict[str, Any]) -> None:
    ops.transfer(game, arg["from"], arg["to"], int(arg["amount"]))


@effect("schedule")
def _schedule(game: Game, arg: dict[str, Any]) -> None:
    """{schedule: {event: iruka_hears, in: 6h}}"""
    ops.schedule(game, arg["event"], game.state.minutes + parse_duration(arg.get("in", 0)))


@effect("reveal")
def _reveal(game: Game, arg: str | list[str]) -> None:
    """{reveal: weapons_shop}: the player now knows of a place (and can 'go to' it)."""
    for place in [arg] if isinstance(arg, str) else arg:
        if place not in game.state.visited:
            game.state.visited[place] = -1
            game.emit("revealed", place=place)
