"""Conditions and effects of the standard world model: light, opening, locking, switches.

    when: {dark: true}            the player is in the dark
    when: {lit: bar}              light is in the bar now (a place), or the lamp gives light
    when: {open: red_door}        also {closed: ...}, {locked: ...}, {switched_on: ...}
    effects: [{darken: bar}]      also light, open, close, lock, unlock, switch_on, switch_off

An effect changes the state through `ops`, so each change is an event like any other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.world import ops, query, scope
from kage.world.conditions import condition
from kage.world.effects import effect

if TYPE_CHECKING:
    from kage.game import Game


def _names(arg: str | list[str]) -> list[str]:
    return [arg] if isinstance(arg, str) else list(arg)


# what light and openness follow: props, and where lamps and people are
SEEN = ("prop", "moved", "consumed")


@condition("dark", reads=SEEN)
def _dark(game: Game, arg: bool) -> bool:
    """{dark: true}: the player is in darkness now (no light in the place, none carried);
    {dark: false}: the player can see."""
    return scope.in_darkness(game) == bool(arg)


@condition("lit", reads=SEEN)
def _lit(game: Game, arg: str) -> bool:
    """The place has light (its own or a light source there), or the thing gives light."""
    ent = game.world.entities[arg]
    if ent.kind == "place":
        return scope.has_light(game, arg)
    return scope.gives_light(game, arg)


@condition("open", reads=SEEN)
def _open(game: Game, arg: str) -> bool:
    """The door or container is open."""
    return query.is_open(game, arg)


@condition("closed", reads=SEEN)
def _closed(game: Game, arg: str) -> bool:
    """The door or container is closed."""
    return not query.is_open(game, arg)


@condition("locked", reads=SEEN)
def _locked(game: Game, arg: str) -> bool:
    """The door or container is locked."""
    return bool(query.prop(game, arg, "locked"))


@condition("switched_on", reads=SEEN)
def _switched_on(game: Game, arg: str) -> bool:
    """The device is switched on."""
    return bool(query.prop(game, arg, "switched_on"))


def set_lit(game: Game, entity: str, value: bool) -> None:
    """Light or darken a place or thing; a lamp's switch follows its light."""
    ops.set_prop(game, entity, "lit", value)
    ent = game.world.entities[entity]
    if ent.light and ent.switchable:
        ops.set_prop(game, entity, "switched_on", value)


def set_switch(game: Game, entity: str, value: bool) -> None:
    """Switch a device on or off; a lamp's light follows its switch."""
    ops.set_prop(game, entity, "switched_on", value)
    if game.world.entities[entity].light:
        ops.set_prop(game, entity, "lit", value)


@effect("light")
def _light(game: Game, arg: str | list[str]) -> None:
    """Light the place or thing (or each of a list); a lamp that has a switch is switched on
    with it."""
    for name in _names(arg):
        set_lit(game, name, True)


@effect("darken")
def _darken(game: Game, arg: str | list[str]) -> None:
    """Put out the light of the place or thing (or each of a list); a lamp's switch goes off
    with it."""
    for name in _names(arg):
        set_lit(game, name, False)


@effect("open")
def _open_it(game: Game, arg: str | list[str]) -> None:
    """Open the door or container (or each of a list), unlocking it if it was locked."""
    for name in _names(arg):
        ops.set_prop(game, name, "locked", False)
        ops.set_prop(game, name, "open", True)


@effect("close")
def _close_it(game: Game, arg: str | list[str]) -> None:
    """Close the door or container (or each of a list)."""
    for name in _names(arg):
        ops.set_prop(game, name, "open", False)


@effect("lock")
def _lock(game: Game, arg: str | list[str]) -> None:
    """Lock the door or container (or each of a list), shutting it first: a locked thing
    is always closed."""
    for name in _names(arg):
        ops.set_prop(game, name, "open", False)
        ops.set_prop(game, name, "locked", True)


@effect("unlock")
def _unlock(game: Game, arg: str | list[str]) -> None:
    """Unlock the door or container (or each of a list); it stays closed."""
    for name in _names(arg):
        ops.set_prop(game, name, "locked", False)


@effect("switch_on")
def _switch_on(game: Game, arg: str | list[str]) -> None:
    """Switch the device on (or each of a list); a lamp gives light while it is on."""
    for name in _names(arg):
        set_switch(game, name, True)


@effect("switch_off")
def _switch_off(game: Game, arg: str | list[str]) -> None:
    """Switch the device off (or each of a list)."""
    for name in _names(arg):
        set_switch(game, name, False)
