"""Counters: numbers a story keeps, declared with their start values in the world's
`counters:` section (``counters: {disturbed: 0}``).

A counter lives among the state's flags once it changes (so saves, undo and the JSON of the
state keep it with no more machinery) and reads as its declared start until then.
Effects: ``{increment: disturbed}``, ``{add: {disturbed: -2}}``, and `set` as for a flag.
Condition: ``{counter: disturbed}`` (not 0), ``{counter: {disturbed: 2}}`` (exactly 2),
``{counter: {disturbed: {min: 2}}}`` (above, below, min and max, as for moods).
Text: ``{{counter:disturbed}}`` is its value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.systems.registry import provider
from kage.world import ops
from kage.world.conditions import compare, condition
from kage.world.effects import effect

if TYPE_CHECKING:
    from kage.game import Game


def value(game: Game, name: str) -> int:
    """A counter's value now."""
    found = game.state.flags.get(name)
    if found is None:
        return int(game.world.data.get("counters", {}).get(name, 0))
    return int(found)


@condition("counter")
def _counter(game: Game, arg: str | dict[str, Any]) -> bool:
    """A counter compares as given: {counter: disturbed} (not 0), {counter: {disturbed: 2}}
    (exactly 2), {counter: {disturbed: {min: 2}}} (above, below, min, max)."""
    if isinstance(arg, str):
        return value(game, arg) != 0
    for name, test in arg.items():
        now = value(game, name)
        if not (compare(now, test) if isinstance(test, dict) else now == test):
            return False
    return True


@effect("add")
def _add(game: Game, arg: dict[str, int]) -> None:
    """Add to counters (a negative number takes away): {add: {disturbed: -2}}."""
    for name, by in arg.items():
        ops.set_flag(game, name, value(game, name) + int(by))


@effect("increment")
def _increment(game: Game, arg: str | list[str]) -> None:
    """Add one to the counter (or each of a list)."""
    for name in [arg] if isinstance(arg, str) else arg:
        ops.set_flag(game, name, value(game, name) + 1)


@provider("counter")
def _shown(game: Game, name: str) -> str:
    """{{counter:disturbed}}: the counter's value now, as digits."""
    return str(value(game, name))
