"""Bargaining for what a shop sells: "haggle" over a ware, "buy X for 300", "offer the
smith 300 for X".

The same appraisal numbers as selling, turned round (economy.bargain): the keeper's list
price is his first word, `haggle_room` below it is the least he takes, `patience` is how
many rounds he stands. A bid he agrees to is a sale at once; otherwise his price stands on
the counter as an offer, and ACCEPT buys at it, DECLINE walks away, HAGGLE tries again.
While that price stands, "accept", "decline" and "haggle" mean it (the `bid` action and
the buying rules take them), as they mean his offer when the player is the one selling.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.pipeline import Action, rule
from kage.core import prose
from kage.core.responses import response
from kage.ext.trade import economy, trading
from kage.world import ops
from kage.world.numbers import Bounds

if TYPE_CHECKING:
    from kage.game import Game

BIDDING = Bounds(
    1,
    1_000_000_000,
    too_small="Offer something, at least: one or more.",
    too_large="Nobody has that much money.",
)
TAKES = {"bid": BIDDING}  # the numbers its actions take

HOW_MUCH_FOR = response(
    "bidding.which",
    "{The keeper} {has} more than one thing for sale. Which do you want to bargain for? "
    "(HAGGLE OVER it, or BUY it FOR a price.)",
    "keeper",
)
CANT_BID = response("bidding.short", "You only have {money} to offer.", "money")
BARGAINED = {
    "lowered": response(
        "bidding.lowered",
        '{The keeper} {looks} at {the noun}, then at you, and {keeper|sighs}. "{amount}, then. '
        "You're robbing me.\"",
        "keeper",
        "amount",
    ),
    "firm": response(
        "bidding.firm",
        '"{amount}," {the keeper} {says}, and {folds} {his} arms. "It\'s worth every bit."',
        "keeper",
        "amount",
    ),
    "agreed": response(
        "bidding.agreed",
        '{The keeper} {considers} it, and {nods}. "{money}. Done."',
        "keeper",
        "money",
    ),
    "counter": response(
        "bidding.counter",
        '"Not for that." {The keeper} {thinks}. "{amount}, and not a {one} less."',
        "keeper",
        "amount",
        "one",
    ),
    "greedy": response(
        "bidding.greedy",
        "{The keeper} {looks} at you flatly. \"Don't insult me. It's {amount}.\"",
        "keeper",
        "amount",
    ),
    "withdrawn": response(
        "bidding.withdrawn",
        "{The keeper} {waves} the offer away. \"Enough. It's {amount}, as it always was, "
        'or leave it."',
        "keeper",
        "amount",
    ),
}
BOUGHT = response("bidding.bought", "You pay {money} for {the noun}.", "money")
STANDING = response(
    "bidding.standing", "(ACCEPT {keeper|his} price, DECLINE it, or make another offer.)", "keeper"
)


def _shop(game: Game, action: Action) -> economy.Shop | None:
    shop, _ = trading._find_shop(game, action)
    return shop


@rule("before", "haggle", order=12)
def haggling_over_a_ware(game: Game, action: Action) -> None:
    """ "haggle" with the keeper's price for a ware on the counter, or with no offer
    either way and one ware on sale, bargains for that ware."""
    shop = _shop(game, action)
    if shop is None or economy.selling_offer(game, shop) is not None:
        return
    standing = economy.buying_offer(game, shop)
    wares = economy.wares(game, shop)
    if standing is not None:
        action.noun = standing["goods"][0]
    elif len(wares) == 1:
        action.noun = wares[0]
    else:
        return
    action.name = "bid"


@rule("before", "accept", order=12)
def accepting_his_price(game: Game, action: Action) -> None:
    """ "accept" (or "yes") while his price for a ware stands: buy it at that price."""
    shop = _shop(game, action)
    standing = economy.buying_offer(game, shop) if shop else None
    if standing is not None:
        action.name, action.noun = "buy", standing["goods"][0]


@rule("check", "bid", order=20)
def a_merchant_to_bid_to(game: Game, action: Action) -> str | None:
    shop, why = trading._find_shop(game, action)
    if shop is None:
        return why
    action.data["shop"] = shop["id"]
    return None


@rule("check", "bid", order=60)
def a_ware_to_bid_for(game: Game, action: Action) -> str | None:
    shop = economy.shops(game)[action.data["shop"]]
    keeper = prose.subject(game, shop["keeper"])
    if action.noun is None:
        return HOW_MUCH_FOR(game, action, keeper=keeper)
    if action.noun not in economy.wares(game, shop):
        return trading.NOT_SELLING(game, action, keeper=keeper)
    if action.number > 0 and not ops.can_pay(game, game.world.player, action.number):
        return CANT_BID(game, action, money=game.world.money(_purse(game)))
    return None


def _purse(game: Game) -> int:
    return sum(game.state.money.get(p, 0) for p in ops.purse_of(game, game.world.player))


@rule("carry_out", "bid")
def bidding(game: Game, action: Action) -> None:
    shop = economy.shops(game)[action.data["shop"]]
    assert action.noun is not None
    economy.open_bargain(game, shop, action.noun)
    bid = action.number if action.number > 0 else None
    outcome, amount = economy.bargain(game, shop, bid)
    bought = outcome == "agreed" and bid is not None
    if bought:
        economy.sell_to_player(game, shop, action.noun, amount)
    action.data.update(outcome=outcome, amount=amount, bought=bought)
    action.minutes = 5


@rule("report", "bid")
def report_bid(game: Game, action: Action) -> str:
    shop = economy.shops(game)[action.data["shop"]]
    keeper = prose.subject(game, shop["keeper"])
    assert action.noun is not None
    amount = action.data["amount"]
    money = game.world.money(amount)
    said = BARGAINED[action.data["outcome"]](
        game, action, keeper=keeper, amount=money, money=money, one=game.world.currency[0]
    )
    if action.data["bought"]:
        return said + " " + BOUGHT(game, action, money=money)
    standing = economy.buying_offer(game, shop)
    if standing is not None:
        if standing["patience"] == 0:
            said += " " + trading.LAST_WORD(game, action, keeper=keeper)
        return said + "\n\n" + STANDING(game, action, keeper=keeper)
    return said
