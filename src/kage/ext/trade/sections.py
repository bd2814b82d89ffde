"""`shops`: who buys and sells where, and on what terms (read by systems/economy.py).

shops:
  - id: weapons_shop
    keeper: genji          # a person; his money (people's `money:`) pays for what he buys
    place: weapons_shop    # where the shop is (trade needs the keeper present)
    buys: [weapon, armour] # categories (thing prop `category`); empty: anything of value
    pays: 0.6              # share of a lot's worth he offers
    markup: 1.3            # his selling price: value x condition factor x markup
    appraisal: 1h          # how long looking a lot over takes
    haggle_room: 0.1       # the most above his first offer he goes
    patience: 2            # haggles he tolerates (a greedy ask counts two)
    rounding: 50           # prices are multiples of this
    stock: [old_spear]     # things he sells, held by the keeper
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from kage.content.schema import Strict
from kage.content.sections import Section


class ShopModel(Strict):
    id: str = Field(description="How files refer to it.")
    keeper: str = Field(
        description="A person; their money (people's `money:`) pays for what they buy."
    )
    place: str = Field(description="Where the shop is (trade needs the keeper present).")
    buys: list[str] = Field(
        [], description="Categories it buys (a thing's prop `category`); empty: anything of value."
    )
    pays: float = Field(
        0.6, gt=0, le=1, description="The share of a lot's worth the keeper offers."
    )
    markup: float = Field(
        1.3, ge=1, description="The selling price: value x condition factor x markup."
    )
    appraisal: str | int = Field("1h", description="How long looking a lot over takes.")
    haggle_room: float = Field(
        0.15, ge=0, le=1, description="The most above the first offer the keeper goes."
    )
    patience: int = Field(
        2, ge=0, description="Haggles the keeper tolerates (a greedy ask counts two)."
    )
    rounding: int = Field(50, ge=1, description="Prices are multiples of this.")
    stock: list[str] = Field([], description="Things the shop sells, held by the keeper.")


def check(builder: Any, located: Any, path: tuple[Any, ...], entry: ShopModel) -> None:
    builder.expect(located, (*path, "keeper"), "person", entry.keeper)
    builder.expect(located, (*path, "place"), "place", entry.place)
    builder.duration(located, (*path, "appraisal"), entry.appraisal)
    for i, item in enumerate(entry.stock):
        builder.expect(located, (*path, "stock", i), "thing", item)


SECTION = Section("shops", ShopModel, check)
