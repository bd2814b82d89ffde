"""`jutsu`: techniques a person can learn and cast, paid for in chakra.

One entry per technique; `kind` names the mechanic that carries it out (a kind registered
in `kage.ext.ninja.jutsu`: "invisibility" and "clones" today), so a new technique of a known
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
    id: str = Field(description="How files refer to it.")
    name: str = Field(description="What the player reads.")
    words: list[str] = Field(min_length=1, description="What the player may call it.")
    kind: str = Field(
        description=(
            'The mechanic that carries it out: "invisibility", "clones", or any kind a system '
            "registers."
        )
    )
    cost: int = Field(ge=0, description="Chakra to cast (counted kinds: per one).")
    upkeep: float = Field(
        0, ge=0, description="Chakra per hour while it lasts (counted kinds: per one)."
    )
    requires: dict[str, Any] | None = Field(
        None, description="Who may cast it, e.g. {flag: learned.x}."
    )
    max: int = Field(1, ge=1, description="Counted kinds: the most held at once.")
    default: int | None = Field(
        None, ge=1, description="Counted kinds: how many when no number is said."
    )
    lasts: str | int | None = Field(
        None, description="It ends by itself after this long (none: never)."
    )
    cast: str = Field("", description="Said when cast.")
    ended: str = Field("", description="Said when released.")
    expired: str = Field("", description="Said when its time runs out (default: `ended`).")
    exhausted: str = Field("", description="Said when the caster's chakra runs dry.")
    broken: str = Field("", description="Said when an attack breaks it (concealing kinds).")
    refusal: str = Field("", description="Said when the caster has not learned it.")


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
