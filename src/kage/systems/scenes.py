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
    kinds = game.engine.conditions
    quiet: dict[str, int] = game.kept.setdefault("triggers.quiet", {})  # id -> minute asked
    stirred = game.stirred
    game.stirred = set()
    for trigger in game.world.triggers:
        if trigger.once and trigger.id in game.state.fired:
            continue
        asked = quiet.get(trigger.id)
        if asked is not None and _still_quiet(game, trigger, asked, stirred):
            if VERIFY_SKIPS and holds(game, trigger.when):
                raise AssertionError(f"trigger '{trigger.id}' was passed over but holds")
            continue
        if holds(game, trigger.when):
            quiet.pop(trigger.id, None)
            game.state.fired[trigger.id] = game.state.minutes
            game.emit("triggered", id=trigger.id)
            effects.apply(game, trigger.effects)
            if game.state.done:
                return
        elif reads(kinds, trigger) is not None:
            quiet[trigger.id] = game.state.minutes


def _still_quiet(game: Game, trigger: Trigger, asked: int, stirred: set[str]) -> bool:
    what = reads(game.engine.conditions, trigger)
    if what is None:
        return False
    if TIME in what and game.state.minutes != asked:
        return False
    # and what the triggers fired so far in this pass have done
    return stirred.isdisjoint(what) and game.stirred.isdisjoint(what)


def reads(kinds: dict[str, Any], trigger: Trigger) -> frozenset[str] | None:
    """What the trigger's condition reads (kept on the trigger's first asking)."""
    found = _READS.get(id(trigger))
    if found is None or found[0] is not trigger:
        found = (trigger, reads_of(kinds, trigger.when))
        _READS[id(trigger)] = found
    return found[1]


_READS: dict[int, tuple[Trigger, frozenset[str] | None]] = {}


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
