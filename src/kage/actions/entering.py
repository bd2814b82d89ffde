"""Getting in and on things, and out and off them: enter the wardrobe, sit on the chair,
get off, stand up. A person in or on a thing is held by it, in the same place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.pipeline import Action, rule
from kage.core.responses import response
from kage.world import ops, query

if TYPE_CHECKING:
    from kage.game import Game

ALREADY = response("entering.already", "But you're already {on} {the noun}.", "on")
NOT_ENTERABLE = response("entering.not_enterable", "That's not something you can enter.")
CLOSED = response("entering.closed", "You can't get into the closed {noun}.")
CARRIED = response("entering.carried", "You can't get into something you are carrying.")
ENTERED = response("entering.done", "You get {onto} {the noun}.", "onto")
NO_DOOR_HERE = response("entering.no_way", "You can't see a way through {the noun} from here.")
NOWHERE = response("exiting.nowhere", "But you aren't in or on anything at the moment.")
NOT_THERE = response("exiting.not_there", "But you aren't {on} {the noun}.", "on")
SHUT_IN = response("exiting.closed", "You can't get out of the closed {noun}.")
EXITED = response("exiting.done", "You get {off} {the noun}.", "off")


def seat(game: Game, who: str | None = None) -> str | None:
    """The thing `who` (the player by default) is in or on, if any."""
    holder = game.state.holder.get(who or game.world.player)
    if holder is None:
        return None
    ent = game.world.entities.get(holder)
    return holder if ent is not None and ent.kind == "thing" else None


def _on(game: Game, thing: str, into: bool = False) -> str:
    """'on'/'in' (or 'onto'/'into'): a supporter is sat on, a container got into."""
    word = "on" if game.world.entities[thing].supporter else "in"
    return word + "to" if into else word


@rule("before", "enter", order=10)
def entering_a_door_is_going_through_it(game: Game, action: Action) -> str | None:
    """'enter the door' goes through it ('enter the hall' is go_to's own line)."""
    assert action.noun is not None
    ent = game.world.entities[action.noun]
    if ent.door:
        here = game.world.entities[query.here(game)]
        ways = [d for d, way in here.exits.items() if way.door == action.noun]
        if not ways:
            return NO_DOOR_HERE(game, action)
        action.name = "go"
        action.direction = ways[0]
    return None


@rule("check", "enter")
def can_enter(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    ent = game.world.entities[action.noun]
    if seat(game) == action.noun:
        return ALREADY(game, action, on=_on(game, action.noun))
    if not ent.enterable:
        return NOT_ENTERABLE(game, action)
    if query.is_carried_by(game, action.noun, game.world.player):
        return CARRIED(game, action)
    if ent.container and not query.is_open(game, action.noun):
        return CLOSED(game, action)
    return None


@rule("carry_out", "enter")
def entering(game: Game, action: Action) -> None:
    assert action.noun is not None
    ops.move(game, game.world.player, action.noun)


@rule("report", "enter")
def report_enter(game: Game, action: Action) -> str:
    assert action.noun is not None
    return ENTERED(game, action, onto=_on(game, action.noun, into=True))


@rule("before", "stand", order=10)
def standing_up_is_getting_off(game: Game, action: Action) -> None:
    """'stand up' on a chair gets off it; on the floor it stays the idle verb it was."""
    if seat(game) is not None:
        action.name = "get_off"


@rule("check", "get_off")
def can_get_off(game: Game, action: Action) -> str | None:
    where = seat(game)
    if action.noun is None:
        if where is None:
            return NOWHERE(game, action)
        action.noun = where
    if where != action.noun:
        return NOT_THERE(game, action, on=_on(game, action.noun))
    ent = game.world.entities[action.noun]
    if ent.container and not query.is_open(game, action.noun):
        return SHUT_IN(game, action)
    return None


@rule("carry_out", "get_off")
def getting_off(game: Game, action: Action) -> None:
    assert action.noun is not None
    below = game.state.holder.get(action.noun) or query.here(game)
    ops.move(game, game.world.player, below)


@rule("report", "get_off")
def report_get_off(game: Game, action: Action) -> str:
    assert action.noun is not None
    word = "off" if game.world.entities[action.noun].supporter else "out of"
    return EXITED(game, action, off=word)
