"""`hazards`: what can go wrong on the way: a ditch, a bear, poison ivy."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from kage.content.schema import Strict
from kage.content.sections import Section


class CareModel(Strict):
    when: dict[str, Any] = Field(
        description="The precaution: while this holds, the hazard does not happen as written "
        "(e.g. {careful: true}, {not: {flag: robbed_bees}})."
    )
    text: str = Field("", description="What the player reads instead (none: nothing).")
    once: bool = Field(True, description="Its text is read only the first time care pays off.")
    effects: list[dict[str, Any]] = Field(
        [], description="What happens instead (none: the hazard is avoided; some: softened)."
    )


class HazardModel(Strict):
    id: str = Field(description="How files refer to it.")
    place: str = Field(description="It can happen on arriving here.")
    chance: float = Field(
        1.0, description="Its chance on each arrival (0..1); luck makes it less likely."
    )
    once: bool = Field(True, description="It happens at most once.")
    when: dict[str, Any] | None = Field(None, description="It can happen only while this holds.")
    text: str = Field(description="What the player reads when it happens.")
    effects: list[dict[str, Any]] = Field([], description="What it does.")
    care: list[CareModel] = Field(
        [], description="Precautions that avoid or soften it; the first that holds counts."
    )


def check(builder: Any, located: Any, path: tuple[Any, ...], entry: HazardModel) -> None:
    builder.expect(located, (*path, "place"), "place", entry.place)
    builder.check_condition(located, (*path, "when"), entry.when)
    builder.check_effects(located, (*path, "effects"), entry.effects)
    for index, care in enumerate(entry.care):
        builder.check_condition(located, (*path, "care", index, "when"), care.when)
        builder.check_effects(located, (*path, "care", index, "effects"), care.effects)


SECTION = Section("hazards", HazardModel, check)
