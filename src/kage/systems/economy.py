"""Economy and appraisal: a merchant's price for what you bring him, haggling, buying.

worth = value x (0.25 + 0.75 x condition/100) x (0.5 + 0.5 x durability/100): a worn
thing fetches about half what a new one would, one close to falling apart a quarter. A
merchant offers his `pays` share of the worth of the whole lot, rounded; he can be talked
up within his `haggle_room`, and not past his `patience`. Money only moves between purses,
so none is made or lost; a merchant who can't afford a lot offers what he has.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.actions import describe
from kage.actions.pipeline import Action, Rulebooks
from kage.systems.items import receive
from kage.world import ops, query
from kage.world.clock import parse_duration
from kage.world.conditions import condition

if TYPE_CHECKING:
    from kage.game import Game


def worth(game: Game, item: str) -> float:
    value = float(query.prop(game, item, "value", 0) or 0)
    cond = float(query.prop(game, item, "condition", 100))
    dura = float(query.prop(game, item, "durability", 100))
    return value * (0.25 + 0.75 * cond / 100) * (0.5 + 0.5 * dura / 100)


def shop_here(game: Game) -> dict[str, Any] | None:
    here = query.here(game)
    for shop in game.world.data.get("shops", {}).values():
        if shop["place"] == here and query.place_of(game, shop["keeper"]) == here:
            return shop
    return None


def _round(shop: dict[str, Any], amount: float) -> int:
    step = shop["rounding"]
    return int(round(amount / step) * step)


def offer_of(game: Game, shop: dict[str, Any]) -> dict[str, Any] | None:
    return game.state.records.get(f"offer:{shop['id']}") or None


def lot(game: Game, shop: dict[str, Any], item: str) -> list[str]:
    """What selling `item` puts on the counter: a storage scroll sells what is sealed."""
    goods = list(query.contents(game, item)) if query.prop(game, item, "storage") else [item]
    buys = shop.get("buys") or []
    return [
        g
        for g in goods
        if float(query.prop(game, g, "value", 0) or 0) > 0
        and (not buys or query.prop(game, g, "category") in buys)
    ]


def price(game: Game, shop: dict[str, Any], goods: list[str]) -> int:
    amount = _round(shop, sum(worth(game, g) for g in goods) * shop["pays"])
    return min(amount, game.state.money.get(shop["keeper"], 0))


def sale_price(game: Game, shop: dict[str, Any], item: str) -> int:
    value = float(query.prop(game, item, "value", 0) or 0)
    cond = float(query.prop(game, item, "condition", 100))
    return _round(shop, value * (0.25 + 0.75 * cond / 100) * shop["markup"])


@condition("sold")
def _sold(game: Game, arg: str) -> bool:
    return bool(game.state.flags.get(f"sold.{arg}"))


def _keeper(game: Game, shop: dict[str, Any]) -> str:
    return game.world.entities[shop["keeper"]].name


def install(rules: Rulebooks) -> None:
    @rules.rule("check", "sell", "accept", "decline", "haggle", "buy", "wares")
    def a_merchant_here(game: Game, action: Action) -> str | None:
        shop = shop_here(game)
        if shop is None:
            return "There is nobody here to trade with."
        action.data["shop"] = shop["id"]
        return None

    @rules.rule("check", "sell", order=60)
    def something_he_buys(game: Game, action: Action) -> str | None:
        shop = game.world.data["shops"][action.data["shop"]]
        if action.noun is None or not query.is_carried_by(game, action.noun, game.world.player):
            return "You can only sell what you are carrying."
        if query.prop(game, action.noun, "worn"):
            return "You would have to take it off first."
        goods = lot(game, shop, action.noun)
        if not goods:
            return f'{_keeper(game, shop)} shakes his head. "Not the kind of thing I buy."'
        action.data["goods"] = goods
        return None

    @rules.rule("carry_out", "sell")
    def appraising(game: Game, action: Action) -> None:
        shop = game.world.data["shops"][action.data["shop"]]
        pending = offer_of(game, shop)
        goods = list(pending["goods"]) if pending else []
        goods += [g for g in action.data["goods"] if g not in goods]
        amount = price(game, shop, goods)
        action.minutes = parse_duration(shop["appraisal"]) if not pending else 15
        ops.record(
            game,
            f"offer:{shop['id']}",
            {"goods": goods, "first": amount, "amount": amount, "patience": shop["patience"]},
        )
        game.emit("trade.offered", shop=shop["id"], amount=amount, goods=goods)
        action.data["amount"] = amount
        action.data["worn"] = [
            g for g in goods if float(query.prop(game, g, "condition", 100)) < 70
        ]

    @rules.rule("report", "sell")
    def report_offer(game: Game, action: Action) -> str:
        shop = game.world.data["shops"][action.data["shop"]]
        name = _keeper(game, shop)
        amount = action.data["amount"]
        looked = (
            f"{name} screws his glass into his eye and goes over everything, piece by "
            "piece, turning each one to the lamp. It takes a long time."
        )
        why = (
            ' "Some of this is worn out," he says, tapping the '
            f'{game.world.entities[action.data["worn"][0]].name}, "so the best I can '
            f'give you for the lot is {amount:,} ryo."'
            if action.data["worn"]
            else f' "For the lot, {amount:,} ryo. That\'s fair."'
        )
        return looked + why + "\n\n(ACCEPT, DECLINE, or HAGGLE.)"

    @rules.rule("check", "accept", "decline", "haggle", order=60)
    def an_offer_stands(game: Game, action: Action) -> str | None:
        shop = game.world.data["shops"][action.data["shop"]]
        if offer_of(game, shop) is None:
            return "Nobody has offered you anything. SELL something first."
        return None

    @rules.rule("carry_out", "accept")
    def dealing(game: Game, action: Action) -> None:
        shop = game.world.data["shops"][action.data["shop"]]
        offer = offer_of(game, shop)
        assert offer is not None
        amount = min(offer["amount"], game.state.money.get(shop["keeper"], 0))
        for item in offer["goods"]:
            ops.move(game, item, shop["keeper"])
        receive(game, game.world.player, amount, shop["keeper"])
        del game.state.records[f"offer:{shop['id']}"]
        ops.set_flag(game, f"sold.{shop['id']}", True)
        game.emit("trade.sold", shop=shop["id"], amount=amount, goods=offer["goods"])
        action.data["amount"] = amount
        action.minutes = 5

    @rules.rule("report", "accept")
    def report_deal(game: Game, action: Action) -> str:
        shop = game.world.data["shops"][action.data["shop"]]
        return (
            f'"Done." {_keeper(game, shop)} counts {action.data["amount"]:,} ryo onto '
            "the counter, and you sweep it into your wallet."
        )

    @rules.rule("carry_out", "decline")
    def declining(game: Game, action: Action) -> None:
        shop = game.world.data["shops"][action.data["shop"]]
        del game.state.records[f"offer:{shop['id']}"]
        game.emit("trade.declined", shop=shop["id"])

    @rules.rule("report", "decline")
    def report_decline(game: Game, action: Action) -> str:
        shop = game.world.data["shops"][action.data["shop"]]
        return f"{_keeper(game, shop)} shrugs and pushes your things back across the counter."

    @rules.rule("carry_out", "haggle")
    def haggling(game: Game, action: Action) -> None:
        shop = game.world.data["shops"][action.data["shop"]]
        offer = dict(offer_of(game, shop) or {})
        ceiling = _round(shop, offer["first"] * (1 + shop["haggle_room"]))
        asked = action.number
        if not asked:  # "haggle": he comes up a little, if he still can
            raise_by = (ceiling - offer["amount"]) * (0.4 + 0.3 * game.random())
            asked = _round(shop, offer["amount"] + raise_by)
            outcome = "raised" if asked > offer["amount"] else "firm"
        elif asked <= offer["amount"] or asked <= ceiling:
            outcome = "agreed"
        elif asked <= offer["first"] * (1 + 2 * shop["haggle_room"]):
            outcome = "counter"
            asked = ceiling
        else:
            outcome = "insulted"
        if outcome in ("raised", "agreed", "counter"):
            offer["amount"] = max(offer["amount"], min(asked, ceiling))
        offer["patience"] -= 1
        action.minutes = 5
        if offer["patience"] < 0 or outcome == "insulted" and offer["patience"] <= 0:
            del game.state.records[f"offer:{shop['id']}"]
            outcome = "withdrawn"
        else:
            ops.record(game, f"offer:{shop['id']}", offer)
        action.data.update(outcome=outcome, amount=offer["amount"])
        game.emit("trade.haggled", shop=shop["id"], outcome=outcome, amount=offer["amount"])

    @rules.rule("report", "haggle")
    def report_haggle(game: Game, action: Action) -> str:
        shop = game.world.data["shops"][action.data["shop"]]
        name = _keeper(game, shop)
        amount = action.data["amount"]
        return {
            "raised": f'{name} sighs through his nose. "{amount:,}. And that\'s generous."',
            "firm": f'"{amount:,}," {name} says. "That\'s my last word."',
            "agreed": f'{name} grunts. "Fine. {amount:,}."',
            "counter": f'"Not that much. {amount:,}, and not a ryo more."',
            "insulted": f"{name} looks at you flatly. \"Don't insult me. It's {amount:,}.\"",
            "withdrawn": f'{name} pushes everything back at you. "Forget it. Go and sell '
            'it somewhere else."',
        }[action.data["outcome"]]

    @rules.rule("check", "buy", order=60)
    def something_for_sale(game: Game, action: Action) -> str | None:
        shop = game.world.data["shops"][action.data["shop"]]
        if (
            action.noun is None
            or query.holder(game, action.noun) != shop["keeper"]
            or (action.noun in (offer_of(game, shop) or {}).get("goods", []))
        ):
            return f"{_keeper(game, shop)} isn't selling that."
        cost = sale_price(game, shop, action.noun)
        if not ops.can_pay(game, game.world.player, cost):
            return f"It costs {cost:,} ryo, and you don't have that much."
        action.data["cost"] = cost
        return None

    @rules.rule("carry_out", "buy")
    def buying(game: Game, action: Action) -> None:
        shop = game.world.data["shops"][action.data["shop"]]
        assert action.noun is not None
        ops.pay(game, game.world.player, shop["keeper"], action.data["cost"])
        ops.move(game, action.noun, game.world.player)
        game.emit("trade.bought", shop=shop["id"], item=action.noun, cost=action.data["cost"])
        action.minutes = 5

    @rules.rule("report", "buy")
    def report_buy(game: Game, action: Action) -> str:
        assert action.noun is not None
        return f"You pay {action.data['cost']:,} ryo for {describe.name(game, action.noun)}."

    @rules.rule("report", "wares")
    def report_wares(game: Game, action: Action) -> str:
        shop = game.world.data["shops"][action.data["shop"]]
        stock = [
            i
            for i in query.contents(game, shop["keeper"])
            if game.world.entities[i].kind == "thing"
        ]
        if not stock:
            return f"{_keeper(game, shop)} has nothing for sale just now."
        lines = [f"{_keeper(game, shop)} has for sale:"]
        for item in stock:
            lines.append(
                f"  {game.world.entities[item].name}: {sale_price(game, shop, item):,} ryo"
            )
        return "\n".join(lines)
