"""`shops`: who buys and sells where, and on what terms."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from kage.content.schema import Strict
from kage.content.sections import Section


class ShopModel(Strict):
    id: str
    keeper: str
    place: str
    buys: list[str] = []  # categories he buys; empty: anything with a value
    pays: float = Field(0.6, gt=0, le=1)  # share of an item's worth he pays
    markup: float = Field(1.3, ge=1)  # price multiplier when he sells
    appraisal: str = "1h"  # how long looking over a lot takes
    haggle_room: float = Field(0.15, ge=0, le=1)  # the most above his first offer he goes
    patience: int = Field(2, ge=0)  # haggles he tolerates before he withdraws
    rounding: int = Field(50, ge=1)


def check(builder: Any, located: Any, path: tuple[Any, ...], entry: ShopModel) -> None:
    builder.expect(located, (*path, "keeper"), "person", entry.keeper)
    builder.expect(located, (*path, "place"), "place", entry.place)
    builder.duration(located, (*path, "appraisal"), entry.appraisal)


SECTION = Section("shops", ShopModel, check)
