"""A companion's voice: remarks on what just happened (the `remarks` section).

After each action the companion reads the events it produced; the first remark whose
event kind, data and condition match is spoken. Kurama laughing at the ditch, warning
about the wallet, grumbling about the bear: all data.

A remark comments on what happened, so it must read what happened: while it is weighed,
the condition `{event: {...}}` tests the data of the event it answers (Kurama's quip
about a sale reads whether the goods sold were worn), and its text may have variants.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.actions.pipeline import Action
from kage.systems.registry import every_turn
from kage.world import query
from kage.world.conditions import condition, holds

if TYPE_CHECKING:
    from kage.game import Game


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
    """The remark's text: the first variant whose `when` holds ("" if none does)."""
    text = item["text"]
    if isinstance(text, str):
        return text
    for variant in text:
        if holds(game, variant.get("when")):
            return str(variant["text"])
    return ""


@every_turn("companion")
def remark(game: Game, action: Action, first_event: int) -> None:
    remarks = game.world.data.get("remarks")
    if not remarks:
        return
    spoken = 0
    for event in game.log[first_event:]:
        for item in remarks.values():
            key = f"remark:{item['id']}"
            if item["on"] != event.kind or (item["once"] and key in game.state.fired):
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
        if spoken >= 2:
            return  # a companion, not a commentator
