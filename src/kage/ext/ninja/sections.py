"""`jutsu`: techniques a person can learn and cast, paid for in chakra.

One entry per technique; `kind` names the mechanic that carries it out (a kind registered
in `kage.systems.jutsu`: "invisibility" and "clones" today), so a new technique of a known
kind is data only. Texts may use {{providers}} and, for counted kinds, "{count}".

    jutsu:
      - id: shadow_clones
        name: "shadow clone jutsu"
        words: [shadow clone, clones, kage bunshin]
        kind: clones
        cost: 10          # chakra to cast; for clones, per clone
        upkeep: 0         # chakra per hour while it lasts; for clones, per clone
        max: 20           # clones: the most held at once
        lasts: 2h         # optional: it ends by itself after this long
        requires: {flag: learned.shadow_clones}
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from kage.content.schema import Strict
from kage.content.sections import Section


class JutsuModel(Strict):
    id: str
    name: str
    words: list[str] = Field(min_length=1)  # what the player may call it
    kind: str  # "invisibility", "clones", or any kind a system registers
    cost: int = Field(ge=0)  # chakra to cast (counted kinds: per one)
    upkeep: float = Field(0, ge=0)  # chakra per hour while it lasts (counted: per one)
    requires: dict[str, Any] | None = None  # who may cast it, e.g. {flag: learned.x}
    max: int = Field(1, ge=1)  # counted kinds: the most held at once
    default: int | None = Field(None, ge=1)  # counted: how many when no number is said
    lasts: str | int | None = None  # it ends by itself after this long (None: never)
    cast: str = ""  # said when cast
    ended: str = ""  # said when released
    expired: str = ""  # said when its time runs out (default: `ended`)
    exhausted: str = ""  # said when the caster's chakra runs dry
    broken: str = ""  # said when an attack breaks it (concealing kinds)
    refusal: str = ""  # said when the caster has not learned it


def check(builder: Any, located: Any, path: tuple[Any, ...], entry: JutsuModel) -> None:
    from kage.ext.ninja.jutsu import KINDS  # late: systems are loaded by the time worlds are

    if entry.kind not in KINDS:
        known = ", ".join(sorted(KINDS))
        builder.problem(
            located, (*path, "kind"), f"unknown jutsu kind '{entry.kind}'. Known: {known}."
        )
    builder.check_condition(located, (*path, "requires"), entry.requires)
    if entry.lasts is not None:
        builder.duration(located, (*path, "lasts"), entry.lasts)


SECTION = Section("jutsu", JutsuModel, check, singular="jutsu")
