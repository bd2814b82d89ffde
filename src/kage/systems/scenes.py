"""Triggers and endings: the story's turning points, checked after every turn."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.systems import scheduler
from kage.world import effects, ops
from kage.world.conditions import TIME, holds, reads_of

if TYPE_CHECKING:
    from kage.game import Game
    from kage.world.model import Trigger


# Ask every skipped trigger anyway and fail if one would have fired (tests turn it on).
VERIFY_SKIPS = False


def run_triggers(game: Game) -> None:
    """Fire each trigger whose condition holds. A trigger found false is passed over until
    something its condition reads has happened (an event of a kind it reads, or the clock
    moving for one that reads the time); what is not known to be false is always asked."""
    quiet: dict[str, int] = game.kept.setdefault("triggers.quiet", {})  # id -> minute asked
    stirred = game.stirred
    game.stirred = set()
    fired = game.state.fired
    for trigger, what, timed in plan(game):
        tid = trigger.id
        if trigger.once and tid in fired:
            continue
        asked = quiet.get(tid)
        if (
            asked is not None
            and (not timed or asked == game.state.minutes)
            and stirred.isdisjoint(what)  # type: ignore[arg-type]
            and game.stirred.isdisjoint(what)  # what the triggers fired so far have done
        ):
            if VERIFY_SKIPS and holds(game, trigger.when):
                raise AssertionError(f"trigger '{tid}' was passed over but holds")
            continue
        if holds(game, trigger.when):
            quiet.pop(tid, None)
            fired[tid] = game.state.minutes
            game.emit("triggered", id=tid)
            effects.apply(game, trigger.effects)
            if game.state.done:
                return
        elif what is not None:
            quiet[tid] = game.state.minutes


Plan = list[tuple["Trigger", frozenset[str] | None, bool]]


def plan(game: Game) -> Plan:
    """(trigger, what its condition reads or None, whether it reads the clock) for each
    trigger of the world in order, worked out once per world and engine."""
    kept = game.world.runtime.get("triggers.plan")
    if kept is None or kept[0] is not game.engine:
        kinds = game.engine.conditions
        rows: Plan = []
        for trigger in game.world.triggers:
            what = reads_of(kinds, trigger.when)
            rows.append((trigger, what, what is not None and TIME in what))
        kept = (game.engine, rows)
        game.world.runtime["triggers.plan"] = kept
    return kept[1]


def check_endings(game: Game) -> None:
    for ending in game.world.endings:
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
