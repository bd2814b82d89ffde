"""Trade: shops, appraisal, haggling, buying and selling."""

from kage.core.extension import TEXT, Arg, Extension, one

EXTENSION = Extension(
    name="trade",
    summary="shops with stock, appraisal, haggling, buying and selling",
    depends=("items",),
    modules=("kage.systems.economy", "kage.actions.trade"),
    sections=("shops",),
    content="kage.content.sections.shops",
    conditions={"sold": Arg("{sold: weapons_shop}", TEXT, (), one("shops"))},
    providers=("trade.paid", "trade.wares"),
)
