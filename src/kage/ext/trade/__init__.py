"""Trade: shops, appraisal, haggling, buying and selling."""

from kage.core.extension import TEXT, Arg, Extension, Prop, one

EXTENSION = Extension(
    name="trade",
    summary="shops with stock, appraisal, haggling, buying and selling",
    depends=("items",),
    modules=("kage.ext.trade.economy", "kage.ext.trade.trading"),
    sections=("shops",),
    content="kage.ext.trade.sections",
    conditions={"sold": Arg("{sold: weapons_shop}", TEXT, (), one("shops"))},
    providers=("trade.paid", "trade.wares"),
    props={
        "category": Prop("what kind of goods it is, for a shop's 'buys'", TEXT, ("thing",)),
    },
    grammar={
        "sell": (
            "sell {things}",
            "sell {things} to {person}",
            "trade {things}",
            "sell all",
            "sell everything",
        ),
        "accept": (
            "accept",
            "accept offer",
            "accept the offer",
            "accept deal",
            "deal",
            "it's a deal",
            "take the deal",
            "take the offer",
        ),
        "decline": (
            "decline",
            "decline offer",
            "decline the offer",
            "refuse offer",
            "refuse the offer",
            "reject offer",
            "reject the offer",
            "no deal",
            "refuse",
            "refuse it",
            "decline it",
            "reject it",
            "turn it down",
        ),
        "haggle": (
            "haggle",
            "haggle for {number}",
            "ask for {number}",
            "bargain",
            "counter with {number}",
            "ask {number}",
        ),
        "buy": (
            "buy {thing}",
            "purchase {thing}",
            "buy {thing} from {person}",
        ),
        "wares": (
            "wares",
            "list wares",
            "browse",
            "what do you sell",
            "shop",
            "list",
            "prices",
        ),
    },
)
