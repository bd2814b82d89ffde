"""What players say to the game rather than to anyone in it: yes, no, sorry, and
swearing, strong or mild. Each is answered with a named response and changes nothing,
unless the world's data gives the word a meaning (an interaction, or its own phrasing:
Banished's "yes" is a promise when Kotomi asks for one)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import interactions
from kage.actions.pipeline import Action, rule
from kage.core.responses import response

if TYPE_CHECKING:
    from kage.game import Game

REPLIES = {
    "yes": response("saying_yes.rhetorical", "Nobody asked you anything just now."),
    "no": response("saying_no.rhetorical", "Nobody was asking."),
    "sorry": response("saying_sorry.no_need", "There is no need to apologise."),
    "swear_strong": response("swearing.strong", "Language like that will not help."),
    "swear_mild": response("swearing.mild", "Quite so."),
}


@rule("before", *REPLIES, order=5)
def world_meaning_first(game: Game, action: Action) -> str | None:
    return interactions.world_meaning(game, action)


@rule("check", *REPLIES, order=90)
def block_exclaiming(game: Game, action: Action) -> str | None:
    if interactions.meant(action):
        return None
    return REPLIES[action.name](game, action)


@rule("carry_out", *REPLIES)
def exclaiming(game: Game, action: Action) -> None:
    interactions.run_matching(game, action)


@rule("report", *REPLIES)
def report_exclaiming(game: Game, action: Action) -> str:
    return interactions.said(action) or ""
