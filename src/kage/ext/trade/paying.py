"""Giving money to someone: "give 5 coins to the ferryman", "pay ned 5 shillings".

Money is not a thing in the world but an amount each holder has (state.money), so it
has its own action: the amount moves from the player's purses to the person, as
`ops.pay` moves it, and is conserved. The currency's words are the world's
(`world: {currency: coin}`); grammar lines say `{currency}` and the lexicon puts them in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import checks
from kage.actions.pipeline import Action, rule
from kage.core import prose
from kage.core.responses import response
from kage.world import ops

if TYPE_CHECKING:
    from kage.game import Game

HOW_MUCH = response("paying.how_much", "How much do you want to give {them}?", "them")
TOO_LITTLE = response("paying.too_little", "You can only give something: one or more.")
SHORT = response("paying.short", "You only have {money}.", "money")
PAID = response("paying.paid", "You give {the person} {money}.", "the person", "money")


def _purse(game: Game) -> int:
    return sum(game.state.money.get(p, 0) for p in ops.purse_of(game, game.world.player))


@rule("check", "pay")
def payable(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    refused = checks.not_person(game, action.noun, "give money to")
    if refused:
        return refused
    if not action.number:
        ent = game.world.entities[action.noun]
        return HOW_MUCH(game, them={"him": "him", "her": "her"}.get(ent.gender, "them"))
    if action.number < 0:
        return TOO_LITTLE(game)
    if _purse(game) < action.number:
        return SHORT(game, money=game.world.money(_purse(game)))
    return None


@rule("carry_out", "pay")
def paying(game: Game, action: Action) -> None:
    assert action.noun is not None
    ops.pay(game, game.world.player, action.noun, action.number)


@rule("report", "pay")
def report_pay(game: Game, action: Action) -> str:
    assert action.noun is not None
    the = prose.subject(game, action.noun).the()
    return PAID(game, **{"the person": the, "money": game.world.money(action.number)})
