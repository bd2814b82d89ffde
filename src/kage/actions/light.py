"""Noticing light come and go: "It is now pitch dark in here!", or the room, seen again.

Whatever changes the light (a lamp switched off, a box closed over it, a world effect), the
player hears of it at the end of the action that did it, unless they also moved: arriving
describes the new room anyway.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import describe
from kage.actions.pipeline import Action, rule
from kage.core.responses import response
from kage.world import scope

if TYPE_CHECKING:
    from kage.game import Game

NOW_DARK = response("darkness.now_dark", "It is now pitch dark in here!")


@rule("before", "*", order=0)
def note_the_light(game: Game, action: Action) -> None:
    player = game.world.player
    action.data["light_before"] = (game.state.holder.get(player), scope.in_darkness(game))


@rule("report", "*", order=900)
def light_changed(game: Game, action: Action) -> str | None:
    before = action.data.get("light_before")
    if before is None:
        return None
    holder, was_dark = before
    if game.state.holder.get(game.world.player) != holder:
        return None  # moved: the arrival describes it
    dark = scope.in_darkness(game)
    if dark == was_dark:
        return None
    return NOW_DARK(game, action) if dark else describe.place(game)
