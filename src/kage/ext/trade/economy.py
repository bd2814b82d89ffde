"""Economy and appraisal: what a thing is worth, a merchant's offer, haggling, his prices.

    worth = value x condition factor x durability factor
    condition factor  = 0.25 + 0.75 x condition / 100   (pristine 1.0, worn ~0.6, broken 0.25)
    durability factor = 0.50 + 0.50 x durability / 100  (lasting 1.0, falling apart 0.5)

so a worn thing that won't last long (condition 50, durability 30) fetches about 40% of its
value, and even a wreck keeps an eighth (scrap). A merchant offers `pays` x the worth of the
whole lot, rounded to his `rounding`, and never more than he has. He can be talked up as far
as `haggle_room` above his first offer, for `patience` haggles; a greedy ask costs double.
He sells at value x condition factor x `markup`. Money only ever moves between purses
(ops.transfer), so none is made or lost.

The pending offer is the record "offer:<shop>" (replaced whole; {} when there is none);
what he has bought from the player and the last price paid are in "trade:<shop>".
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from kage.actions import pending
from kage.core import prose
from kage.core.responses import response
from kage.ext.items import items
from kage.systems.registry import provider
from kage.world import ops, query
from kage.world.conditions import condition

if TYPE_CHECKING:
    from kage.game import Game

NOTHING_FOR_SALE = response("wares.none", "{The keeper} {has} nothing for sale just now.", "keeper")
FOR_SALE = response("wares.header", "{The keeper} {has} for sale:", "keeper")

Shop = dict[str, Any]
Offer = dict[str, Any]
GREED = 2.0  # an ask beyond haggle_room x GREED above his first offer is an insult


def condition_factor(cond: float) -> float:
    return 0.25 + 0.75 * max(0.0, min(100.0, cond)) / 100


def durability_factor(dura: float) -> float:
    return 0.5 + 0.5 * max(0.0, min(100.0, dura)) / 100


def worth(game: Game, item: str) -> float:
    """What a thing is really worth now, in the world's money (not rounded)."""
    return (
        items.value(game, item)
        * condition_factor(items.condition(game, item))
        * durability_factor(items.durability(game, item))
    )


# -- shops --------------------------------------------------------------------------
def shops(game: Game) -> dict[str, Shop]:
    return game.world.data.get("shops", {})


def shop_of(game: Game, keeper: str) -> Shop | None:
    return next((s for s in shops(game).values() if s["keeper"] == keeper), None)


def present(game: Game, shop: Shop) -> bool:
    """Trade needs the keeper in the player's place (behind his counter or not)."""
    return query.place_of(game, shop["keeper"]) == query.here(game)


def shop_here(game: Game) -> Shop | None:
    """The shop whose keeper is here; with two, the one holding an offer for you."""
    here = [s for s in shops(game).values() if present(game, s)]
    return next((s for s in here if offer_of(game, s)), here[0] if here else None)


def keeper_name(game: Game, shop: Shop) -> str:
    return prose.the(game, shop["keeper"])


def pronouns(game: Game, shop: Shop) -> tuple[str, str]:
    """(he, his) for the keeper, from his `gender`."""
    gender = game.world.entities[shop["keeper"]].gender
    return {"him": ("he", "his"), "her": ("she", "her"), "them": ("they", "their")}.get(
        gender, ("it", "its")
    )


def till(game: Game, shop: Shop) -> int:
    return game.state.money.get(shop["keeper"], 0)


def to_step(shop: Shop, amount: float, how: str = "nearest") -> int:
    """Round to the shop's step: merchants name round prices."""
    step = shop["rounding"]
    if how == "down":
        return int(math.floor(amount / step + 1e-9) * step)
    if how == "up":
        return int(math.ceil(amount / step - 1e-9) * step)
    return int(math.floor(amount / step + 0.5) * step)


# -- selling to him -----------------------------------------------------------------
def buys(game: Game, shop: Shop, item: str) -> bool:
    """He buys things with a value, of a category he deals in (any, if `buys` is empty)."""
    if game.world.entities[item].kind != "thing" or items.value(game, item) <= 0:
        return False
    categories = shop.get("buys") or []
    return not categories or query.prop(game, item, "category") in categories


def lot(game: Game, shop: Shop, item: str) -> tuple[list[str], list[str]]:
    """(what he would buy, what he leaves) when `item` is put on the counter: a storage
    scroll puts what is sealed in it there instead of itself (less anything that holds
    other things or money: those are not sold by accident)."""
    goods = list(query.contents(game, item)) if items.is_storage(game, item) else [item]
    taken = [g for g in goods if buys(game, shop, g) and not _holds_anything(game, g)]
    return taken, [g for g in goods if g not in taken]


def _holds_anything(game: Game, item: str) -> bool:
    return bool(query.contents(game, item)) or game.state.money.get(item, 0) > 0


def everything(game: Game, shop: Shop) -> list[str]:
    """ "sell all": what the player holds in the open that he buys. Sealed loot is sold by
    naming its scroll; what is worn, or holds other things or money, is never sold."""
    found = []
    stack = list(reversed(query.contents(game, game.world.player)))
    while stack:
        item = stack.pop()
        ent = game.world.entities[item]
        if ent.kind != "thing":
            continue
        inside = query.contents(game, item)
        if ent.container and not query.prop(game, item, "opaque"):
            stack.extend(reversed(inside))
        if query.prop(game, item, "worn") or _holds_anything(game, item):
            continue
        if buys(game, shop, item):
            found.append(item)
    return found


def full_price(game: Game, shop: Shop, goods: list[str]) -> int:
    """His price for the whole lot, if his till were bottomless: pays x worth, rounded."""
    return to_step(shop, sum(worth(game, g) for g in goods) * shop["pays"])


def price(game: Game, shop: Shop, goods: list[str]) -> int:
    """What he offers for the lot: the full price, or all he has if he has less."""
    return max(0, min(full_price(game, shop, goods), till(game, shop)))


def offer_of(game: Game, shop: Shop) -> Offer | None:
    """The offer on his counter, either way: for what the player sells, or (`buying`) the
    price he asks for one of his wares while the player bargains for it."""
    return game.state.records.get(f"offer:{shop['id']}") or None


def selling_offer(game: Game, shop: Shop) -> Offer | None:
    """His offer for what the player sells, if that is the offer standing."""
    offer = offer_of(game, shop)
    return None if offer is None or offer.get("buying") else offer


def buying_offer(game: Game, shop: Shop) -> Offer | None:
    """The price he asks for a ware the player is bargaining for, if that is standing."""
    offer = offer_of(game, shop)
    return offer if offer is not None and offer.get("buying") else None


def set_offer(game: Game, shop: Shop, offer: Offer | None) -> None:
    ops.record(game, f"offer:{shop['id']}", offer or {})
    if offer:  # the keeper's question to the player: "yes", "sure", "no" answer it
        pending.offer(game, shop["keeper"], "accept", "decline")


def patience_left(game: Game, shop: Shop) -> int:
    """A new offer's patience: his usual, or none if he walked out of the last haggle
    (until a sale makes up for it): selling the same lot again is no way to reset him."""
    return 0 if trade_of(game, shop).get("cross") else shop["patience"]


def appraise(game: Game, shop: Shop, goods: list[str]) -> Offer:
    """Put `goods` on the counter with anything already there; the offer is for the lot.
    Adding to a lot does not give him back the patience haggling has cost."""
    pending = selling_offer(game, shop)
    lot_goods = list(pending["goods"]) if pending else []
    lot_goods += [g for g in goods if g not in lot_goods]
    amount = price(game, shop, lot_goods)
    offer = {
        "goods": lot_goods,
        "first": amount,
        "amount": amount,
        "patience": pending["patience"] if pending else patience_left(game, shop),
        "short": full_price(game, shop, lot_goods) > amount,  # his till can't cover it
    }
    set_offer(game, shop, offer)
    game.emit("trade.offered", shop=shop["id"], amount=amount, goods=lot_goods)
    return offer


def missing(game: Game, offer: Offer) -> list[str]:
    """Goods of an offer the player no longer has (dropped, stolen, sold elsewhere)."""
    return [g for g in offer["goods"] if not query.is_carried_by(game, g, game.world.player)]


def ceiling(game: Game, shop: Shop, offer: Offer) -> int:
    """The most he will pay for this lot: haggle_room above his first offer, and no more
    than he has."""
    most = to_step(shop, offer["first"] * (1 + shop["haggle_room"]), "down")
    return max(offer["amount"], min(most, till(game, shop)))


def haggle(game: Game, shop: Shop, asked: int | None) -> tuple[str, int]:
    """One haggle over the pending offer -> (outcome, amount now offered).

    Outcomes: raised / firm (a plain "haggle"), agreed / counter / greedy (an ask),
    withdrawn (his patience ran out: the offer is gone). Each haggle spends one patience,
    a greedy ask two; one that finds none left, or takes it below zero, ends the talk.
    """
    offer = dict(offer_of(game, shop) or {})
    amount, top = offer["amount"], ceiling(game, shop, offer)
    if asked is not None and asked <= amount:
        outcome, cost, amount = "agreed", 0, asked
    elif asked is None:
        cost = 1
        step = shop["rounding"]
        lift = (top - amount) * (0.4 + 0.6 * game.random())
        raised = min(top, max(amount + step, to_step(shop, amount + lift, "down")))
        outcome, amount = ("raised", raised) if amount < top else ("firm", amount)
    elif asked <= top:
        outcome, cost, amount = "agreed", 1, asked
    elif asked <= offer["first"] * (1 + GREED * shop["haggle_room"]):
        outcome, cost, amount = "counter", 1, top
    else:
        outcome, cost = "greedy", 2
    if cost and offer["patience"] <= 0 or offer["patience"] - cost < 0:
        set_offer(game, shop, None)
        ops.record(game, f"trade:{shop['id']}", {**trade_of(game, shop), "cross": True})
        game.emit("trade.withdrawn", shop=shop["id"])
        return "withdrawn", 0
    offer.update(amount=amount, patience=offer["patience"] - cost)
    set_offer(game, shop, offer)
    game.emit("trade.haggled", shop=shop["id"], outcome=outcome, amount=amount)
    return outcome, amount


def settle(game: Game, shop: Shop) -> int:
    """Accept the pending offer: goods to him, money to the player (into a carried wallet).
    Returns what was paid: the offer, or all he has if he has less."""
    offer = offer_of(game, shop)
    assert offer is not None
    paid = min(offer["amount"], till(game, shop))
    for item in offer["goods"]:
        ops.move(game, item, shop["keeper"])
    items.receive(game, game.world.player, paid, shop["keeper"])
    set_offer(game, shop, None)
    trade = trade_of(game, shop)
    bought = trade.get("bought", []) + [
        g for g in offer["goods"] if g not in trade.get("bought", [])
    ]
    ops.record(
        game, f"trade:{shop['id']}", {**trade, "bought": bought, "paid": paid, "cross": False}
    )
    ops.set_flag(game, f"sold.{shop['id']}", True)
    worn = [g for g in offer["goods"] if items.is_worn_out(game, g)]
    game.emit("trade.sold", shop=shop["id"], amount=paid, goods=offer["goods"], worn=worn)
    return paid


def trade_of(game: Game, shop: Shop) -> dict[str, Any]:
    return game.state.records.get(f"trade:{shop['id']}") or {}


# -- buying from him ----------------------------------------------------------------
def wares(game: Game, shop: Shop) -> list[str]:
    """What he has for sale: his stock and what he has bought, while he still holds it."""
    listed = list(shop.get("stock") or [])
    listed += [i for i in trade_of(game, shop).get("bought", []) if i not in listed]
    return [
        i for i in listed if query.holder(game, i) == shop["keeper"] and items.value(game, i) > 0
    ]


def sale_price(game: Game, shop: Shop, item: str) -> int:
    """value x condition factor x markup, rounded; never free."""
    amount = items.value(game, item) * condition_factor(items.condition(game, item))
    return max(shop["rounding"], to_step(shop, amount * shop["markup"]))


def asking(game: Game, shop: Shop, item: str) -> int:
    """What he asks for a ware now: the price a bargain has brought him to, else his list
    price."""
    offer = buying_offer(game, shop)
    if offer is not None and offer["goods"] == [item]:
        return int(offer["amount"])
    return sale_price(game, shop, item)


def least(shop: Shop, offer: Offer) -> int:
    """The least he will take for a ware: haggle_room below his first price (rounded up
    to his step), never nothing."""
    floor = to_step(shop, offer["first"] * (1 - shop["haggle_room"]), "up")
    return max(shop["rounding"], min(offer["amount"], floor))


def open_bargain(game: Game, shop: Shop, item: str) -> Offer:
    """The player starts to bargain for a ware: his list price is his first word. A
    bargain for another ware, or an offer for the player's goods, gives way to it."""
    offer = buying_offer(game, shop)
    if offer is not None and offer["goods"] == [item]:
        return offer
    amount = sale_price(game, shop, item)
    offer = {
        "buying": True,
        "goods": [item],
        "first": amount,
        "amount": amount,
        "patience": patience_left(game, shop),
    }
    set_offer(game, shop, offer)
    game.emit("trade.asked", shop=shop["id"], item=item, amount=amount)
    return offer


def bargain(game: Game, shop: Shop, bid: int | None) -> tuple[str, int]:
    """One round of bargaining down his price for a ware -> (outcome, amount he asks now).

    The mirror of `haggle`: a plain "haggle" brings him down part of the way to his least
    ("lowered", or "firm" there); a bid at or above his price, or within his room, is
    "agreed" at the bid; one a little below his room gets his least ("counter"); a bid
    far below is an insult ("greedy", two patience). His patience running out ends the
    bargain ("withdrawn"): the ware stays at its list price.
    """
    offer = dict(buying_offer(game, shop) or {})
    amount, floor = offer["amount"], least(shop, offer)
    if bid is not None and bid >= amount:
        outcome, cost = "agreed", 0
    elif bid is None:
        cost = 1
        drop = (amount - floor) * (0.4 + 0.6 * game.random())
        lowered = max(floor, min(amount - shop["rounding"], to_step(shop, amount - drop, "up")))
        outcome, amount = ("lowered", lowered) if amount > floor else ("firm", amount)
    elif bid >= floor:
        outcome, cost, amount = "agreed", 1, bid
    elif bid >= offer["first"] * (1 - GREED * shop["haggle_room"]):
        outcome, cost, amount = "counter", 1, floor
    else:
        outcome, cost = "greedy", 2
    if cost and offer["patience"] <= 0 or offer["patience"] - cost < 0:
        set_offer(game, shop, None)
        ops.record(game, f"trade:{shop['id']}", {**trade_of(game, shop), "cross": True})
        game.emit("trade.withdrawn", shop=shop["id"])
        return "withdrawn", sale_price(game, shop, offer["goods"][0])
    offer.update(amount=amount, patience=offer["patience"] - cost)
    set_offer(game, shop, offer)
    game.emit("trade.bargained", shop=shop["id"], outcome=outcome, amount=amount)
    return outcome, amount


def sell_to_player(game: Game, shop: Shop, item: str, cost: int) -> None:
    """The player buys a ware for `cost`: money to him, the ware to the player; a bargain
    over it is over."""
    ops.pay(game, game.world.player, shop["keeper"], cost)
    ops.move(game, item, game.world.player)
    if buying_offer(game, shop) is not None:
        set_offer(game, shop, None)
    ops.record(game, f"trade:{shop['id']}", {**trade_of(game, shop), "cross": False})
    game.emit("trade.bought", shop=shop["id"], item=item, cost=cost)


def price_list(game: Game, shop: Shop) -> str:
    stock = wares(game, shop)
    keeper = prose.subject(game, shop["keeper"])
    if not stock:
        return NOTHING_FOR_SALE(game, keeper=keeper)
    lines = [FOR_SALE(game, keeper=keeper)]
    for item in stock:
        word = f" ({items.condition_word(game, item)})" if items.wears(game, item) else ""
        price = game.world.money(sale_price(game, shop, item))
        lines.append(f"  {prose.name(game, item)}{word}: {price}")
    return "\n".join(lines)


# -- for the world's data ------------------------------------------------------------
@condition("sold")
def _sold(game: Game, arg: str) -> bool:
    """{sold: shop_id}: the player has sold something at that shop."""
    return bool(game.state.flags.get(f"sold.{arg}"))


@provider("trade.paid")
def _paid(game: Game, arg: str) -> str:
    """{{trade.paid:shop}}: what the shop last paid the player, e.g. "3,000"."""
    shop = shops(game).get(arg)
    return f"{trade_of(game, shop).get('paid', 0):,}" if shop else "0"


@provider("trade.wares")
def _wares(game: Game, arg: str) -> str:
    """{{trade.wares:shop}}: the shop's price list, for a "prices" topic."""
    shop = shops(game).get(arg)
    return price_list(game, shop) if shop else ""
