"""Trading with a merchant: sell (appraisal), accept, decline, haggle, buy, wares.

The numbers live in systems/economy.py; these rules decide who may trade, move the clock
and tell the player. Giving, offering or showing a thing to a merchant is asking him to
appraise it, unless the world's data gives that gift a meaning of its own. How he looks
a lot over is the response `selling.appraised_one` (one thing) or `selling.appraised`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import describe, interactions
from kage.actions.pipeline import Action, rule
from kage.core import prose
from kage.core.responses import response
from kage.ext.items import items
from kage.ext.trade import economy
from kage.ext.trade.economy import Shop
from kage.systems.registry import numbers
from kage.world import ops, query
from kage.world.clock import describe_span, parse_duration
from kage.world.numbers import Bounds

ASKING = Bounds(  # the price asked for in a haggle: "ask for 3200"
    1,
    1_000_000_000,
    too_small="Ask for something, at least: one or more.",
    too_large="Nobody has that much money.",
)

if TYPE_CHECKING:
    from kage.game import Game

# how the keeper looks a lot over (a world says what he tests: edges, seams, teeth ...)
APPRAISED_ONE = response(
    "selling.appraised_one",
    "{The keeper} {turns} {goods} over in the light, looking closely at every part. It takes "
    "{time}.",
    "keeper",
    "goods",
    "time",
)
APPRAISED = response(
    "selling.appraised",
    "{The keeper} {goes} over {goods} piece by piece, looking closely at every part. It takes "
    "{time}.",
    "keeper",
    "goods",
    "time",
)
# the keeper's lines: {The keeper} is the merchant, and verbs and pronouns agree with him
NO_OFFER = response(
    "trading.no_offer",
    "Nobody has made you an offer. SELL something first, and the offer for it is yours to "
    "take; or bargain for something on sale: HAGGLE OVER it, or BUY it FOR a price.",
)
NO_OFFER_TO_HAGGLE = response(
    "trading.no_offer_to_haggle",
    "Haggle over what? SELL something first and haggle over the offer, or bargain for "
    "something on sale: HAGGLE OVER it, or BUY it FOR a price.",
)
DOESNT_TRADE = response("trading.doesnt_trade", "{The keeper} {doesn't} trade.", "keeper")
KEEPER_AWAY = response("trading.keeper_away", "{The keeper} {isn't} here.", "keeper")
NOTHING_HE_BUYS = response(
    "selling.nothing_wanted", "You have nothing {the keeper} would buy.", "keeper"
)
NOT_BOUGHT = response(
    "selling.not_bought",
    '{The keeper} {shakes} {his} head. "Not the kind of thing I buy."',
    "keeper",
)
PRICE_NAMED = response(
    "selling.price_named",
    '"I\'ve named my price for that," {the keeper} {says}. "{amount} for the lot."',
    "keeper",
    "amount",
)
CANT_PAY = response(
    "selling.cant_pay",
    '{The keeper} {spreads} {his} hands. "I couldn\'t pay you a single {one} today."',
    "keeper",
    "one",
)
WORTHLESS = response(
    "selling.worthless", '{The keeper} barely {looks} at it. "Worthless to me."', "keeper"
)
ADDED = response(
    "selling.added",
    '{The keeper} {adds} {goods} to the pile{frown}. "{amount} for the lot."',
    "keeper",
    "goods",
    "frown",
    "amount",
)
PUSHED_BACK = response(
    "selling.pushed_back",
    "{keeper|He} {pushes} {left} back to you: not the kind of thing {he} {buys}.",
    "keeper",
    "left",
)
HARD_USE_LOT = response(
    "selling.hard_use_lot",
    '"Some of this has seen hard use," {keeper|he} {says}, tapping {worn}. "Worn things '
    "don't fetch full price. The best I can do for {lot} is {amount}.\"",
    "keeper",
    "worn",
    "lot",
    "amount",
)
HARD_USE_ONE = response(
    "selling.hard_use_one",
    '"It\'s seen hard use," {keeper|he} {says}. "Worn things don\'t fetch full price. The '
    'best I can do is {amount}."',
    "keeper",
    "amount",
)
CLEAN_WORK = response(
    "selling.clean_work",
    '"Good, clean work," {keeper|he} {says}. "{amount} for {lot}."',
    "keeper",
    "amount",
    "lot",
)
EVERY_COIN = response(
    "selling.every_coin", '"And that\'s every {one} I have," {keeper|he} {adds}.', "keeper", "one"
)
TILL_EMPTY = response(
    "accepting.till_empty",
    '{The keeper} {checks} the till and {winces}. "I can\'t pay you today."',
    "keeper",
)
DEAL_DONE = response(
    "accepting.done",
    '"Done." {The keeper} {counts} {money} onto the counter, and you sweep it {where}.',
    "keeper",
    "money",
    "where",
)
DECLINED = response(
    "declining.done",
    "{The keeper} {shrugs}. Your things stay yours; {he} {has} seen worse.",
    "keeper",
)
LEFT_ON_COUNTER = response(
    "declining.not_bought",
    "{The keeper} {shrugs} and {leaves} it where it is. {He} {has} seen buyers walk away before.",
    "keeper",
)
HAGGLED = {
    "raised": response(
        "haggling.raised",
        '{The keeper} {sucks} {his} teeth. "{amount}, then. I\'m being generous."',
        "keeper",
        "amount",
    ),
    "firm": response(
        "haggling.firm", '"{amount}," {the keeper} {says}, folding {his} arms.', "keeper", "amount"
    ),
    "agreed": response(
        "haggling.agreed", '{The keeper} {grunts}. "Fine. {money}."', "keeper", "money"
    ),
    "counter": response(
        "haggling.counter",
        '"Not that much." {The keeper} {thinks}. "{amount}, and not a {one} more."',
        "keeper",
        "amount",
        "one",
    ),
    "greedy": response(
        "haggling.greedy",
        "{The keeper} {looks} at you flatly. \"Don't insult me. It's {amount}.\"",
        "keeper",
        "amount",
    ),
    "withdrawn": response(
        "haggling.withdrawn",
        '{The keeper} {pushes} everything back across the counter. "Enough. Sell it '
        'somewhere else."',
        "keeper",
    ),
}
LAST_WORD = response(
    "haggling.last_word", '{keeper|He} {adds}: "And that\'s my last word."', "keeper"
)
NOT_SELLING = response("buying.not_for_sale", "{The keeper} {isn't} selling that.", "keeper")
OFFER_SHORT = response(
    "buying.offer_short",
    "{The keeper} {shakes} {his} head. {The noun} {costs} {money}, not {offered}.",
    "keeper",
    "money",
    "offered",
)
TOO_DEAR = response(
    "buying.too_dear",
    "{The noun} {costs} {money}, and you don't have that much.",
    "money",
)

TRADES = ("sell", "accept", "decline", "haggle", "buy", "wares")


def _shop(game: Game, action: Action) -> Shop:
    return economy.shops(game)[action.data["shop"]]


def _keeper(game: Game, shop: Shop) -> prose.Subject:
    return prose.subject(game, shop["keeper"])


def _names(game: Game, ids: list[str]) -> str:
    return describe.listing([prose.the(game, i) for i in ids])


def _prefix(game: Game, action: Action, text: str) -> str:
    if action.several and action.noun:
        return f"{prose.name(game, action.noun)}: {text}"
    return text


def _find_shop(game: Game, action: Action) -> tuple[Shop | None, str]:
    """The shop this action is with: the named merchant's, else the one whose keeper is
    here. (None, why not) if there is none."""
    who = action.second if action.name in ("sell", "buy", "bid") else None
    if who is not None and game.world.entities[who].kind == "person":
        shop = economy.shop_of(game, who)
        keeper = prose.subject(game, who)
        if shop is None:
            return None, DOESNT_TRADE(game, keeper=keeper)
        if not economy.present(game, shop):
            return None, KEEPER_AWAY(game, keeper=keeper)
        return shop, ""
    shop = economy.shop_here(game)
    if shop:
        return shop, ""
    if action.name in ("accept", "decline", "haggle"):
        return None, "Nobody has offered you anything just now."
    return None, "There is nobody here to trade with."


TAKES = {"haggle": ASKING, "buy": ASKING}  # the numbers its actions take


@rule("before", "give", "show", order=10)
def showing_a_merchant_is_selling(game: Game, action: Action) -> None:
    """ "offer X to Genji", "show X to Genji": he appraises it."""
    if action.noun is None or action.second is None:
        return
    shop = economy.shop_of(game, action.second)
    if shop is None or not economy.present(game, shop):
        return
    if not query.is_carried_by(game, action.noun, game.world.player):
        return
    found, refusal = interactions.find(game, action)
    if found is None and not refusal and not interactions.meant(action):
        action.name = "sell"  # the sell rules take it from here


@rule("check", *TRADES, order=20)
def a_merchant_here(game: Game, action: Action) -> str | None:
    shop, why = _find_shop(game, action)
    if shop is None:
        return why
    action.data["shop"] = shop["id"]
    return None


# -- appraisal -----------------------------------------------------------------
@rule("check", "sell", order=60)
def something_he_buys(game: Game, action: Action) -> str | None:
    shop = _shop(game, action)
    keeper = _keeper(game, shop)
    noun = action.noun
    if noun is None:  # "sell all"
        goods, left = economy.everything(game, shop), []
        if not goods:
            return NOTHING_HE_BUYS(game, action, keeper=keeper)
    else:
        if not query.is_carried_by(game, noun, game.world.player):
            return _prefix(game, action, f"You aren't holding {describe.name(game, noun)}.")
        if query.prop(game, noun, "worn"):
            return _prefix(game, action, "You would have to take it off first.")
        if not items.is_storage(game, noun) and (
            query.contents(game, noun) or game.state.money.get(noun, 0)
        ):
            return _prefix(game, action, "You would want to empty it first.")
        goods, left = economy.lot(game, shop, noun)
        if not goods:
            if items.is_storage(game, noun) and not left:
                return _prefix(game, action, "Nothing is sealed in it.")
            return _prefix(game, action, NOT_BOUGHT(game, action, keeper=keeper))
    pending = economy.selling_offer(game, shop)
    lot = (pending or {}).get("goods", [])
    new = [g for g in goods if g not in lot]
    if not new:
        return _prefix(
            game,
            action,
            PRICE_NAMED(game, action, keeper=keeper, amount=game.world.money(pending["amount"]))
            if pending and not action.several
            else "It is already on the counter.",
        )
    if economy.price(game, shop, lot + new) <= 0:
        if economy.till(game, shop) <= 0:
            return CANT_PAY(game, action, keeper=keeper, one=game.world.currency[0])
        return WORTHLESS(game, action, keeper=keeper)
    action.data.update(goods=new, left=left, adding=pending is not None)
    return None


@rule("carry_out", "sell")
def appraising(game: Game, action: Action) -> None:
    shop = _shop(game, action)
    offer = economy.appraise(game, shop, action.data["goods"])
    full = parse_duration(shop["appraisal"])
    action.minutes = max(5, full // 4) if action.data["adding"] else full
    worn = [g for g in offer["goods"] if items.is_worn_out(game, g)]
    action.data.update(offer=offer, worn=worn)


@rule("report", "sell")
def report_offer(game: Game, action: Action) -> str:
    shop = _shop(game, action)
    keeper = _keeper(game, shop)
    offer, worn, added = action.data["offer"], action.data["worn"], action.data["goods"]
    goods = offer["goods"]
    amount = game.world.money(offer["amount"])
    hint = "\n\n(ACCEPT the offer, REFUSE it, or HAGGLE.)"
    if action.data["adding"]:
        frown = ", frowning at the wear" if any(g in worn for g in added) else ""
        text = ADDED(
            game, action, keeper=keeper, goods=_names(game, added), frown=frown, amount=amount
        )
        return text if action.several else text + hint
    looked = APPRAISED_ONE if len(goods) == 1 else APPRAISED
    time = describe_span(action.minutes)
    parts = [looked(game, action, keeper=keeper, goods=_names(game, goods), time=time)]
    if action.data["left"]:
        parts.append(
            PUSHED_BACK(game, action, keeper=keeper, left=_names(game, action.data["left"]))
        )
    lot = "it" if len(goods) == 1 else "the lot"
    if worn and len(goods) > 1:
        parts.append(
            HARD_USE_LOT(
                game, action, keeper=keeper, worn=_names(game, worn), lot=lot, amount=amount
            )
        )
    elif worn:
        parts.append(HARD_USE_ONE(game, action, keeper=keeper, amount=amount))
    else:
        parts.append(CLEAN_WORK(game, action, keeper=keeper, amount=amount, lot=lot))
    if offer.get("short"):
        parts.append(EVERY_COIN(game, action, keeper=keeper, one=game.world.currency[0]))
    return " ".join(parts) + hint


# -- answering an offer ----------------------------------------------------------
@rule("check", "accept", "decline", "haggle", order=60)
def an_offer_stands(game: Game, action: Action) -> str | None:
    if economy.offer_of(game, _shop(game, action)) is None:
        return (NO_OFFER_TO_HAGGLE if action.name == "haggle" else NO_OFFER)(game, action)
    return None


@rule("check", "accept", order=70)
def still_yours_to_sell(game: Game, action: Action) -> str | None:
    shop = _shop(game, action)
    offer = economy.offer_of(game, shop)
    assert offer is not None
    gone = economy.missing(game, offer)
    if gone:
        return f"You no longer have {_names(game, gone)}. SELL what you have again."
    if economy.till(game, shop) <= 0:
        return TILL_EMPTY(game, action, keeper=_keeper(game, shop))
    return None


@rule("carry_out", "accept")
def dealing(game: Game, action: Action) -> None:
    shop = _shop(game, action)
    wallet = items.wallet_of(game, game.world.player)
    action.data.update(paid=economy.settle(game, shop), wallet=wallet)
    action.minutes = 5


@rule("report", "accept")
def report_deal(game: Game, action: Action) -> str:
    shop = _shop(game, action)
    wallet = action.data["wallet"]
    where = f"into {describe.name(game, wallet)}" if wallet else "away"
    money = game.world.money(action.data["paid"])
    return DEAL_DONE(game, action, keeper=_keeper(game, shop), money=money, where=where)


@rule("carry_out", "decline")
def declining(game: Game, action: Action) -> None:
    shop = _shop(game, action)
    action.data["buying"] = economy.buying_offer(game, shop) is not None
    economy.set_offer(game, shop, None)
    game.emit("trade.declined", shop=shop["id"])
    action.minutes = 1


@rule("report", "decline")
def report_decline(game: Game, action: Action) -> str:
    shop = _shop(game, action)
    declined = LEFT_ON_COUNTER if action.data.get("buying") else DECLINED
    return declined(game, action, keeper=_keeper(game, shop))


@rule("carry_out", "haggle")
def haggling(game: Game, action: Action) -> None:
    shop = _shop(game, action)
    asked = action.number if action.number > 0 else None
    outcome, amount = economy.haggle(game, shop, asked)
    offer = economy.offer_of(game, shop)
    last = offer is not None and offer["patience"] == 0
    action.data.update(outcome=outcome, amount=amount, asked=asked, last=last)
    action.minutes = 5


@rule("report", "haggle")
def report_haggle(game: Game, action: Action) -> str:
    shop = _shop(game, action)
    keeper = _keeper(game, shop)
    amount = f"{action.data['amount']:,}"
    money, one = game.world.money(action.data["amount"]), game.world.currency[0]
    said = HAGGLED[action.data["outcome"]](
        game, action, keeper=keeper, amount=amount, money=money, one=one
    )
    if action.data["last"]:
        said += " " + LAST_WORD(game, action, keeper=keeper)
    return said


# -- buying ----------------------------------------------------------------------
@rule("check", "buy", order=60)
def something_for_sale(game: Game, action: Action) -> str | None:
    shop = _shop(game, action)
    noun = action.noun
    if noun is None or noun not in economy.wares(game, shop):
        return NOT_SELLING(game, action, keeper=_keeper(game, shop))
    cost = economy.asking(game, shop, noun)
    if not ops.can_pay(game, game.world.player, cost):
        return TOO_DEAR(game, action, money=game.world.money(cost))
    action.data["cost"] = cost
    return None


@rule("check", "buy", order=65)
def offered_enough(game: Game, action: Action) -> str | None:
    """ "offer him 90 for the bell": a price said is what the player will pay; less than
    the keeper asks buys nothing (he does not haggle over his own goods), and more is
    not taken from him (the asking price is paid)."""
    offered, cost = action.number, action.data.get("cost")
    if not offered or cost is None or offered >= cost:
        return None
    shop = _shop(game, action)
    money = game.world.money
    return OFFER_SHORT(
        game, action, keeper=_keeper(game, shop), money=money(cost), offered=money(offered)
    )


@rule("carry_out", "buy")
def buying(game: Game, action: Action) -> None:
    shop = _shop(game, action)
    assert action.noun is not None
    economy.sell_to_player(game, shop, action.noun, action.data["cost"])
    action.minutes = 5


@rule("report", "buy")
def report_buy(game: Game, action: Action) -> str:
    assert action.noun is not None
    money = game.world.money(action.data["cost"])
    return f"You pay {money} for {describe.name(game, action.noun)}."


@rule("carry_out", "wares")
def browsing(game: Game, action: Action) -> None:
    action.minutes = 2


@rule("report", "wares")
def report_wares(game: Game, action: Action) -> str:
    return economy.price_list(game, _shop(game, action))


@numbers("haggle")
def prices_to_ask(game: Game) -> list[int]:
    """Prices worth asking in a haggle: the offer on the table, and a tenth, a quarter
    and a half above it (below it, when the player is the one buying), rounded to the
    keeper's step."""
    shop = economy.shop_here(game)
    offer = economy.offer_of(game, shop) if shop else None
    if not shop or not offer:
        return []
    amount = int(offer["amount"])
    rises = (1.0, 0.95, 0.9, 0.75) if offer.get("buying") else (1.0, 1.1, 1.25, 1.5)
    return sorted({economy.to_step(shop, amount * k) for k in rises} - {0})
