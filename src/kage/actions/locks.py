"""Locking and unlocking containers and doors with their keys.

"unlock the door" with no key named uses the right key if the player holds it, and says
so: "(with the brass key)". Any other key is refused without giving the right one away.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import checks
from kage.actions.pipeline import Action, rule
from kage.core.responses import response
from kage.world import ops, query

if TYPE_CHECKING:
    from kage.game import Game

UNLOCKABLE = response("locking.unlockable", "That doesn't seem to be something you can lock.")
ALREADY_LOCKED = response("locking.already_locked", "It's locked at the moment.")
CLOSE_FIRST = response("locking.close_first", "First you'd have to close {the noun}.")
LOCK_WITH_WHAT = response("locking.with_what", "What do you want to lock {the noun} with?")
LOCKED = response("locking.done", "You lock {the noun}.")
NOT_A_LOCK = response("unlocking.unlockable", "That doesn't seem to be something you can unlock.")
NOT_LOCKED = response("unlocking.not_locked", "It doesn't seem to be locked.")
UNLOCK_WITH_WHAT = response("unlocking.with_what", "What do you want to unlock {the noun} with?")
UNLOCKED = response("unlocking.done", "You unlock {the noun}.")
WRONG_KEY = response("locking.wrong_key", "{The second} {doesn't} fit {the noun}.")
WITH_KEY = response("locking.with_key", "(with {the second})")


def _key_in_hand(game: Game, action: Action) -> bool:
    """Name the right key when the player holds it and named none; True if it was named."""
    if action.second is not None:
        return True
    assert action.noun is not None
    key = game.world.entities[action.noun].key
    if key is not None and query.is_carried_by(game, key, game.world.player):
        action.second = key
        action.data["implicit_key"] = True
        return True
    return False


def _fits(game: Game, action: Action) -> str | None:
    assert action.noun is not None and action.second is not None
    held = checks.not_held(game, action.second)
    if held:
        return held
    if game.world.entities[action.noun].key != action.second:
        return WRONG_KEY(game, action)
    return None


@rule("check", "lock")
def lockable_with_this_key(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    if not game.world.entities[action.noun].lockable:
        return UNLOCKABLE(game, action)
    if query.prop(game, action.noun, "locked"):
        return ALREADY_LOCKED(game, action)
    if query.is_open(game, action.noun):
        return CLOSE_FIRST(game, action)
    if not _key_in_hand(game, action):
        return LOCK_WITH_WHAT(game, action)
    return _fits(game, action)


@rule("check", "unlock")
def unlockable_with_this_key(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    if not game.world.entities[action.noun].lockable:
        return NOT_A_LOCK(game, action)
    if not query.prop(game, action.noun, "locked"):
        return NOT_LOCKED(game, action)
    if not _key_in_hand(game, action):
        return UNLOCK_WITH_WHAT(game, action)
    return _fits(game, action)


@rule("carry_out", "lock")
def locking(game: Game, action: Action) -> None:
    assert action.noun is not None
    ops.set_prop(game, action.noun, "locked", True)


@rule("carry_out", "unlock")
def unlocking(game: Game, action: Action) -> None:
    assert action.noun is not None
    ops.set_prop(game, action.noun, "locked", False)


def _with(game: Game, action: Action, text: str) -> str:
    if action.data.get("implicit_key"):
        return f"{WITH_KEY(game, action)}\n{text}"
    return text


@rule("report", "lock")
def report_lock(game: Game, action: Action) -> str:
    return _with(game, action, LOCKED(game, action))


@rule("report", "unlock")
def report_unlock(game: Game, action: Action) -> str:
    return _with(game, action, UNLOCKED(game, action))
