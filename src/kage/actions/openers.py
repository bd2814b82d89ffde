"""Opening and closing containers and doors.

What a writer wants to happen when something opens (a draught, a smell) is an interaction
on the verb `open` or `close` aimed at the thing: its text replaces the standard report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import describe, interactions
from kage.actions.pipeline import Action, rule
from kage.core import prose
from kage.core.responses import response
from kage.world import ops, query

if TYPE_CHECKING:
    from kage.game import Game

UNOPENABLE = response("opening.unopenable", "That's not something you can open.")
LOCKED = response("opening.locked", "It seems to be locked.")
ALREADY_OPEN = response("opening.already_open", "That's already open.")
OPENED = response("opening.done", "You open {the noun}.")
REVEALING = response("opening.revealing", "You open {the noun}, revealing {things}.", "things")
UNCLOSABLE = response("closing.unclosable", "That's not something you can close.")
ALREADY_CLOSED = response("closing.already_closed", "That's already closed.")
CLOSED = response("closing.done", "You close {the noun}.")


def can_open(game: Game, action: Action) -> str | None:
    """Why `action.noun` can't be opened now, or None (also asked when going through a door)."""
    assert action.noun is not None
    ent = game.world.entities[action.noun]
    if not ent.openable:
        return UNOPENABLE(game, action)
    if query.prop(game, action.noun, "locked"):
        return LOCKED(game, action)
    if query.is_open(game, action.noun):
        return ALREADY_OPEN(game, action)
    return None


@rule("check", "open")
def openable_and_unlocked(game: Game, action: Action) -> str | None:
    return can_open(game, action)


@rule("carry_out", "open")
def opening(game: Game, action: Action) -> None:
    assert action.noun is not None
    inside = query.is_carried_by(game, game.world.player, action.noun)
    was_hidden = not query.shows_contents(game, action.noun) and not inside
    ops.set_prop(game, action.noun, "open", True)
    if was_hidden:
        action.data["revealed"] = describe.visible_inside(game, action.noun)
    interactions.run_matching(game, action)


@rule("report", "open")
def report_open(game: Game, action: Action) -> str:
    said = action.data.get("said")
    if said:
        return str(said)
    revealed = action.data.get("revealed")
    if revealed:
        names = [prose.a(game, i) for i in revealed]
        return REVEALING(game, action, things=describe.listing(names))
    return OPENED(game, action)


@rule("check", "close")
def closable_and_open(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    if not game.world.entities[action.noun].openable:
        return UNCLOSABLE(game, action)
    if not query.is_open(game, action.noun):
        return ALREADY_CLOSED(game, action)
    return None


@rule("carry_out", "close")
def closing(game: Game, action: Action) -> None:
    assert action.noun is not None
    ops.set_prop(game, action.noun, "open", False)
    interactions.run_matching(game, action)


@rule("report", "close")
def report_close(game: Game, action: Action) -> str:
    return str(action.data.get("said") or CLOSED(game, action))
