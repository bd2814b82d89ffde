"""Triggers and endings: the story's turning points, checked after every turn."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.systems import scheduler
from kage.world import effects, ops, watch
from kage.world.conditions import holds

if TYPE_CHECKING:
    from kage.game import Game


def run_triggers(game: Game) -> None:
    """Fire each trigger whose condition holds. A trigger found false is passed over until
    something that could make it true has happened (see `kage.world.watch`)."""
    fired = game.state.fired
    looking = watch.look(game, "watch.triggers")
    for trigger in game.world.triggers:
        tid = trigger.id
        if trigger.once and tid in fired:
            continue
        if looking.holds(tid, trigger.when):
            fired[tid] = game.state.minutes
            game.emit("triggered", id=tid)
            effects.apply(game, trigger.effects)
            if game.state.done:
                return


def check_endings(game: Game) -> None:
    for ending in game.world.endings:  # a few, and cheap: watching them costs more
        if ending.when is not None and holds(game, ending.when):
            finish(game, ending.id)
            return


def finish(game: Game, ending_id: str) -> None:
    """End the story. An epilogue lets the world run on and tells what it heard."""
    ending = next(e for e in game.world.endings if e.id == ending_id)
    told = [game.pick(ending.text)]
    told += [part.text for part in ending.parts if holds(game, part.when)]
    text = game.render("\n\n".join(t for t in told if t))
    if ending.epilogue:
        scheduler.advance(game, ending.epilogue)
        told = scheduler.heard(game)
        if told:
            text += "\n\n" + "\n\n".join(told)
    ops.end(game, ending.won, text, ending.id)


@effects.effect("end")
def _end(game: Game, arg: str) -> None:
    """{end: ending_id}: the story ends this way now."""
    finish(game, arg)


@effects.effect("pass_time")
def _pass_time(game: Game, arg: dict[str, Any]) -> None:
    """{pass_time: {span: 7d, tell: true}}: the story skips ahead while the world goes on;
    with `tell`, what happened meanwhile that the player did not see is told, once."""
    from kage.world.clock import parse_duration

    scheduler.advance(game, parse_duration(arg["span"]))
    if arg.get("tell"):
        for event_id, text in scheduler.untold(game):
            ops.set_flag(game, f"told.{event_id}", True)
            game.say(text)
