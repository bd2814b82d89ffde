"""Looking something up: consult the almanac about tides, look up tides in the almanac,
read about tides in it. Nothing is found unless the world's data says what is there (an
interaction for "consult" and the book)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import interactions
from kage.actions.pipeline import Action, rule
from kage.core.responses import response

if TYPE_CHECKING:
    from kage.game import Game

NOTHING_FOUND = response("consulting.nothing", "You find nothing about that in {the noun}.")
NOT_THERE = response("consulting.person", "You would do better to ask {the noun}.")


@rule("before", "consult", order=5)
def world_meaning_first(game: Game, action: Action) -> str | None:
    return interactions.world_meaning(game, action)


@rule("check", "consult", order=50)
def can_t_consult_people(game: Game, action: Action) -> str | None:
    if interactions.meant(action) or action.noun is None:
        return None
    if game.world.entities[action.noun].kind == "person":
        return NOT_THERE(game, action)
    return None


@rule("carry_out", "consult")
def consulting(game: Game, action: Action) -> None:
    if interactions.meant(action):
        interactions.run_matching(game, action)


@rule("report", "consult")
def report_consulting(game: Game, action: Action) -> str:
    said = interactions.said(action)
    return said if said is not None else NOTHING_FOUND(game, action)
