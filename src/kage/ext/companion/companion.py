"""A companion's voice: remarks on what just happened (the `remarks` section).

After each action the companion reads the events it produced; the first remark whose
event kind, data and condition match is spoken. Kurama laughing at the ditch, warning
about the wallet, grumbling about the bear: all data.

A remark comments on what happened, so it must read what happened: while it is weighed,
the condition `{event: {...}}` tests the data of the event it answers (Kurama's quip
about a sale reads whether the goods sold were worn). Its `text` may be variants (the
first whose `when` holds) or a list of lines: then one of them is said, drawn from the
seeded generator and never the one said last time, so a remark heard in every fight
does not wear thin.

The companion speaks twice in a turn: first on what the action did, then (`companion_late`)
on what the turn's other rules did after it (a guard's blow, a beating, a wound healing),
at most twice in all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.actions.pipeline import Action
from kage.core.responses import choose
from kage.systems.registry import every_turn
from kage.world import query
from kage.world.conditions import condition, holds

if TYPE_CHECKING:
    from kage.game import Game

MOST = 2  # remarks in one turn: a companion, not a commentator
HEARD = "companion.heard"  # game.kept: the log index the companion has read up to
SPOKEN = "companion.spoken"  # action.data: remarks said this turn


_ANSWERING: list[dict[str, Any]] = []  # the data of the event a remark is weighed against


def _matches(event_data: dict[str, Any], wanted: dict[str, Any]) -> bool:
    return all(event_data.get(k) == v for k, v in wanted.items())


@condition("event")
def _event(game: Game, arg: dict[str, Any]) -> bool:
    """In a remark: the event it answers has this data, {event: {status: rash}}; `true` or
    `false` test whether a value is there at all ({event: {worn: true}}: some goods were
    worn). Outside a remark it never holds."""
    if not _ANSWERING:
        return False
    data = _ANSWERING[-1]
    for key, wanted in arg.items():
        value = data.get(key)
        if isinstance(wanted, bool) and not isinstance(value, bool):
            if bool(value) != wanted:
                return False
        elif value != wanted:
            return False
    return True


def _said(game: Game, item: dict[str, Any]) -> str:
    """The remark's text: the first variant whose `when` holds ("" if none does), or one
    line of a list of lines, drawn (never the one said last time)."""
    text = item["text"]
    if isinstance(text, str):
        return text
    if all(isinstance(line, str) for line in text):
        return str(text[choose(game, f"remark.{item['id']}", len(text))])
    for variant in text:
        if holds(game, variant.get("when")):
            return str(variant["text"])
    return ""


def _by_kind(game: Game, remarks: dict[str, dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The remarks by the kind of event they answer, in their order (once per world)."""
    kept = game.world.runtime.get("remarks_by_kind")
    if kept is None:
        kept = {}
        for item in remarks.values():
            kept.setdefault(item["on"], []).append(item)
        game.world.runtime["remarks_by_kind"] = kept
    return kept  # type: ignore[no-any-return]


@every_turn("companion")
def remark(game: Game, action: Action, first_event: int) -> None:
    remarks = game.world.data.get("remarks")
    if not remarks:
        return
    # events are heard once, though a command's actions each take a turn ("flee" goes
    # through a "go" of its own): from where the companion last stopped listening
    heard = game.kept.get(HEARD)
    fresh = isinstance(heard, int) and first_event <= heard <= len(game.log)
    start = heard if fresh else first_event
    game.kept[HEARD] = len(game.log)
    spoken = int(action.data.get(SPOKEN, 0))
    by_kind = _by_kind(game, remarks)
    for event in game.log[start:]:
        if spoken >= MOST or game.state.done:
            break
        for item in by_kind.get(event.kind, ()):
            key = f"remark:{item['id']}"
            if item["once"] and key in game.state.fired:
                continue
            if not _matches(event.data, item.get("match", {})):
                continue
            if query.place_of(game, item["speaker"]) != query.here(game):
                continue  # he is not with the player
            _ANSWERING.append(event.data)
            try:
                text = _said(game, item) if holds(game, item.get("when")) else ""
            finally:
                _ANSWERING.pop()
            if not text:
                continue
            game.state.fired[key] = game.state.minutes
            game.say(game.render(text))
            spoken += 1
            break
    action.data[SPOKEN] = spoken


@every_turn("companion_late", after=("watchful", "beaten"))
def remark_late(game: Game, action: Action, first_event: int) -> None:
    """What the companion says of what the turn did after the action (see the module)."""
    remark(game, action, first_event)
