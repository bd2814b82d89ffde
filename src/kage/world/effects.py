"""Effects written in world files (``{set: {flag: true}}``, ``{move: {x: place}}`` ...).

Every effect changes the state through `ops`, so each change is also an event. Kinds are
marked with `effect`; a world's engine collects the core's and those of its extensions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kage.core.extension import mark
from kage.world import ops
from kage.world.clock import parse_duration
from kage.world.conditions import holds

if TYPE_CHECKING:
    from kage.game import Game

Apply = Callable[["Game", Any], None]


def effect(name: str) -> Callable[[Apply], Apply]:
    return mark("effect", name)


def apply(game: Game, effects: list[dict[str, Any]]) -> None:
    kinds = game.engine.effects
    for item in effects:
        for key, arg in item.items():
            if key == "when":
                continue
            if "when" in item and not holds(game, item["when"]):
                break
            kinds[key](game, arg)
            if game.state.done:
                return


@effect("set")
def _set(game: Game, arg: dict[str, Any]) -> None:
    """Set flags (or counters) to the values given: {set: {door_open: true, visits: 0}}."""
    for key, value in arg.items():
        ops.set_flag(game, key, value)


@effect("unset")
def _unset(game: Game, arg: str | list[str]) -> None:
    """Clear the flag (or each of a list), as if it had never been set."""
    for key in [arg] if isinstance(arg, str) else arg:
        ops.set_flag(game, key, None)


@effect("move")
def _move(game: Game, arg: dict[str, str]) -> None:
    """Put each thing or person named with, or in, the one given: {move: {lamp: hero}} (a
    place, a person or a container)."""
    for entity, to in arg.items():
        ops.move(game, entity, to)


@effect("prop")
def _prop(game: Game, arg: dict[str, dict[str, Any]]) -> None:
    """Set properties of things, people or places: {prop: {lamp: {lit: true}}}."""
    for entity, values in arg.items():
        for key, value in values.items():
            ops.set_prop(game, entity, key, value)


@effect("say")
def _say(game: Game, arg: str) -> None:
    """Say the text to the player (with {{provider:argument}} slots filled)."""
    game.say(game.render(arg))


@effect("pay")
def _pay(game: Game, arg: dict[str, Any]) -> None:
    """{pay: {amount: 80, to: teuchi}}: the player pays from whatever holds his money."""
    ops.pay(game, game.world.player, arg["to"], int(arg["amount"]))


@effect("transfer")
def _transfer(game: Game, arg: dict[str, Any]) -> None:
    """Move money from one person (or purse) to another; if the giver has less, none moves."""
    ops.transfer(game, arg["from"], arg["to"], int(arg["amount"]))


@effect("schedule")
def _schedule(game: Game, arg: dict[str, Any]) -> None:
    """{schedule: {event: iruka_hears, in: 6h}}: the event (of `events:`) will happen after
    that long (at once without `in`)."""
    ops.schedule(game, arg["event"], game.state.minutes + parse_duration(arg.get("in", 0)))


@effect("reveal")
def _reveal(game: Game, arg: str | list[str]) -> None:
    """{reveal: weapons_shop}: the player now knows of a place (and can 'go to' it)."""
    for place in [arg] if isinstance(arg, str) else arg:
        if place not in game.state.visited:
            game.state.visited[place] = -1
            game.emit("revealed", place=place)
