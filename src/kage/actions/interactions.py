"""Verbs whose meaning is written in the world's data: hug Tsunade, bow, eat ramen.

An interaction names a verb, optionally a target and a second noun, a condition, effects
and the prose. Core verbs (give, put, wear, eat, push ...) also consult interactions, so a
writer can make giving the headband to Tsunade mean something without code. For the
standard actions the world's meaning comes first (`world_meaning`, a before rule): the
core's default checks and prose apply only where the world has none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import pending
from kage.actions.pipeline import Action, Rulebooks
from kage.core.responses import response
from kage.world import effects, query
from kage.world.conditions import holds, said_now
from kage.world.model import Interaction

if TYPE_CHECKING:
    from kage.game import Game

NOT_HERE = response("interacting.not_here", "{The noun} {is} not here.")
NO_POINT = response(
    "interacting.no_point", "You can't see any point in doing that to {the noun}.", vague=True
)
NOTHING = response("interacting.nothing", "Nothing comes of it.", vague=True)

MEANT = "meant"  # action.data key: the world's interaction chosen for this action


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
    inter = action.data.get(MEANT)
    if not isinstance(inter, Interaction):
        inter, _ = find(game, action)
    if inter is None:
        return
    action.minutes = max(action.minutes, inter.minutes)
    variant = said_now(game, inter.text)
    action.data["said"] = game.render(variant.text) if variant else ""
    asks = (variant.asks if variant else None) or inter.asks
    if asks is not None:
        pending.record(game, asks.who or inter.target or action.noun or "", asks)
    effects.apply(game, inter.effects)


def world_meaning(game: Game, action: Action) -> str | None:
    """Before rule for standard actions: note the world's interaction for this verb and
    target, or refuse with the refusal of one whose condition does not hold."""
    inter, refusal = find(game, action)
    if inter is not None:
        action.data[MEANT] = inter
        return None
    return refusal or None


def meant(action: Action) -> bool:
    """Whether the world gave this action its meaning (so core checks stand aside)."""
    return MEANT in action.data


def said(action: Action) -> str | None:
    """What the world's interaction said, if it gave the action its meaning."""
    text = action.data.get("said")
    return str(text) if meant(action) and text is not None else None


def check_interaction(game: Game, action: Action) -> str | None:
    if action.noun and action.noun != game.world.player:
        ent = game.world.entities[action.noun]
        if ent.kind == "person" and query.place_of(game, ent.id) != query.here(game):
            return NOT_HERE(game, action)
    found, refusal = find(game, action)
    if found is None:
        if refusal:
            return refusal
        if action.noun:
            return NO_POINT(game, action)
        return NOTHING(game, action)
    return None


def carry_interaction(game: Game, action: Action) -> None:
    run_matching(game, action)


def report_interaction(game: Game, action: Action) -> str:
    return str(action.data.get("said", ""))


def install_verbs(rules: Rulebooks, verbs: set[str]) -> None:
    """Rules for verbs that exist only in data (no core action of that name)."""
    for verb in sorted(verbs):
        rules.add("check", verb, check_interaction)
        rules.add("carry_out", verb, carry_interaction)
        rules.add("report", verb, report_interaction)
