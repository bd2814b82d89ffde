"""Verbs whose meaning is written in the world's data: hug Tsunade, bow, eat ramen.

An interaction names a verb, optionally a target and a second noun, a condition, effects
and the prose. Core verbs (give, put, wear) also consult interactions, so a writer can
make giving the headband to Tsunade mean something without code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.describe import capital
from kage.actions.pipeline import Action, Rulebooks
from kage.world import effects, query
from kage.world.conditions import holds
from kage.world.model import Interaction

if TYPE_CHECKING:
    from kage.game import Game


def _candidates(game: Game, action: Action) -> list[Interaction]:
    index = game.world.runtime.get("interactions")
    if index is None:
        index = {}
        for inter in game.world.interactions:
            index.setdefault(inter.verb, []).append(inter)
        game.world.runtime["interactions"] = index
    return [
        i
        for i in index.get(action.name, [])
        if i.target in (None, action.noun) and i.second in (None, action.second)
    ]


def find(game: Game, action: Action) -> tuple[Interaction | None, str]:
    """The most specific interaction that applies now, or the refusal of one that doesn't."""
    options = sorted(
        _candidates(game, action),
        key=lambda i: (i.target is None, i.second is None),
    )
    refusal = ""
    for inter in options:
        if holds(game, inter.when):
            return inter, ""
        refusal = refusal or game.render(inter.refusal)
    return None, refusal


def run_matching(game: Game, action: Action) -> None:
    inter, _ = find(game, action)
    if inter is None:
        return
    action.minutes = max(action.minutes, inter.minutes)
    action.data["said"] = game.pick(inter.text)
    effects.apply(game, inter.effects)


def install_verbs(rules: Rulebooks, verbs: set[str]) -> None:
    """Rules for verbs that exist only in data (no core action of that name)."""

    def check_interaction(game: Game, action: Action) -> str | None:
        if action.noun and action.noun != game.world.player:
            ent = game.world.entities[action.noun]
            if ent.kind == "person" and query.place_of(game, ent.id) != query.here(game):
                return f"{capital(ent.the())} is not here."
        found, refusal = find(game, action)
        if found is None:
            if refusal:
                return refusal
            if action.noun:
                target = game.world.entities[action.noun].the()
                return f"You can't see any point in doing that to {target}."
            return "Nothing comes of it."
        return None

    def carry_interaction(game: Game, action: Action) -> None:
        run_matching(game, action)

    def report_interaction(game: Game, action: Action) -> str:
        return str(action.data.get("said", ""))

    for verb in sorted(verbs):
        rules.add("check", verb, check_interaction)
        rules.add("carry_out", verb, carry_interaction)
        rules.add("report", verb, report_interaction)
