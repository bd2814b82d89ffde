"""Trade: shops, appraisal, haggling, buying and selling."""

from kage.core.extension import TEXT, Arg, Extension, one

EXTENSION = Extension(
    name="trade",
    summary="shops with stock, appraisal, haggling, buying and selling",
    depends=("items",),
    modules=("kage.ext.trade.economy", "kage.ext.trade.trading"),
    sections=("shops",),
    content="kage.ext.trade.sections",
    conditions={"sold": Arg("{sold: weapons_shop}", TEXT, (), one("shops"))},
    providers=("trade.paid", "trade.wares"),
)
