"""The turn sequence: what the world does after every action that took time.

It is a rulebook like any action's (phase ACTIVITY, activity TURN), so it can be listed
with `kage rules` and extended by name: extensions add rules with
`kage.systems.registry.every_turn`, which places them after `advance_time` and before
`scene_triggers`. The sequence stops as soon as the story has ended. Its rules take the
index of the action's first event in `game.log` as well, to see what the turn did.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.pipeline import ACTIVITY, TURN, Action, rule
from kage.systems import scenes, scheduler

if TYPE_CHECKING:
    from kage.game import Game


@rule(ACTIVITY, TURN)
def advance_time(game: Game, action: Action, first_event: int) -> None:
    """The clock moves on by what the action took; events fall due on the way."""
    scheduler.advance(game, action.minutes)


@rule(ACTIVITY, TURN, after="advance_time")
def scene_triggers(game: Game, action: Action, first_event: int) -> None:
    """The story's triggers whose conditions now hold."""
    scenes.run_triggers(game)


@rule(ACTIVITY, TURN, after="scene_triggers")
def endings(game: Game, action: Action, first_event: int) -> None:
    """An ending whose condition holds ends the story."""
    scenes.check_endings(game)


def run(game: Game, action: Action, first_event: int) -> None:
    """The turn sequence, for `action`, whose events begin at `first_event`."""
    for entry in game.rules.rules(ACTIVITY, TURN):
        if game.state.done:
            break
        entry.func(game, action, first_event)  # type: ignore[call-arg]
