"""`jutsu`: techniques a person can learn and cast, paid for in chakra."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from kage.content.schema import Strict
from kage.content.sections import COND_REFS, EFFECT_REFS, Section


class JutsuModel(Strict):
    id: str
    name: str
    words: list[str]  # what the player may call it
    kind: Literal["invisibility", "clones"]
    cost: int = Field(ge=0)  # chakra to cast (for clones: per clone)
    upkeep: int = Field(0, ge=0)  # chakra per hour while it lasts
    requires: dict[str, Any] | None = None  # e.g. {flag: learned.invisibility}
    max: int = Field(1, ge=1)  # clones: the most at once
    lasts: str | None = None  # clones: how long they hold
    cast: str = ""  # said when cast
    ended: str = ""  # said when it ends


def check(builder: Any, located: Any, path: tuple[Any, ...], entry: JutsuModel) -> None:
    builder.check_condition(located, (*path, "requires"), entry.requires)
    if entry.lasts is not None:
        builder.duration(located, (*path, "lasts"), entry.lasts)


SECTION = Section("jutsu", JutsuModel, check)
EFFECT_REFS["learn_jutsu"] = lambda arg: [((), "jutsu", arg)]
COND_REFS["knows_jutsu"] = lambda arg: [((), "jutsu", arg)]
