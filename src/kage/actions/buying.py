"""Buying, where nothing is for sale: the core refuses politely. A world with shops (the
trade extension) carries buying out with its own rules, and then this refusal stands
aside; a world's interaction for "buy" and a thing answers first, as everywhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import interactions
from kage.actions.pipeline import Action, rule
from kage.actions.standard import served_elsewhere
from kage.core.responses import response

if TYPE_CHECKING:
    from kage.game import Game

NOTHING_FOR_SALE = response("buying.nothing_for_sale", "Nothing here is for sale.")


@rule("before", "buy", order=5)
def world_meaning_first(game: Game, action: Action) -> str | None:
    return interactions.world_meaning(game, action)


@rule("check", "buy", order=90)
def nothing_for_sale(game: Game, action: Action) -> str | None:
    if interactions.meant(action) or served_elsewhere(game, action, __name__):
        return None
    return NOTHING_FOR_SALE(game, action)


@rule("carry_out", "buy")
def buying_what_the_world_sells(game: Game, action: Action) -> None:
    if interactions.meant(action):
        interactions.run_matching(game, action)


@rule("report", "buy")
def report_buying(game: Game, action: Action) -> str:
    return interactions.said(action) or ""
