"""A companion's voice: remarks on what just happened (the `remarks` section).

After each action the companion reads the events it produced; the first remark whose
event kind, data and condition match is spoken. Kurama laughing at the ditch, warning
about the wallet, grumbling about the bear: all data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.actions.pipeline import Action
from kage.systems.registry import every_turn
from kage.world import query
from kage.world.conditions import holds

if TYPE_CHECKING:
    from kage.game import Game


def _matches(event_data: dict[str, Any], wanted: dict[str, Any]) -> bool:
    return all(event_data.get(k) == v for k, v in wanted.items())


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
            if not holds(game, item.get("when")):
                continue
            game.state.fired[key] = game.state.minutes
            game.say(game.render(item["text"]))
            spoken += 1
            break
        if spoken >= 2:
            return  # a companion, not a commentator
