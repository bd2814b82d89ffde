"""`hazards`: what can go wrong on the way: a ditch, a bear, poison ivy."""

from __future__ import annotations

from typing import Any

from kage.content.schema import Strict
from kage.content.sections import Section


class HazardModel(Strict):
    id: str
    place: str  # it can happen on arriving here
    chance: float = 1.0  # each arrival; luck makes it less likely
    once: bool = True
    when: dict[str, Any] | None = None
    text: str
    effects: list[dict[str, Any]] = []


def check(builder: Any, located: Any, path: tuple[Any, ...], entry: HazardModel) -> None:
    builder.expect(located, (*path, "place"), "place", entry.place)
    builder.check_condition(located, (*path, "when"), entry.when)
    builder.check_effects(located, (*path, "effects"), entry.effects)


SECTION = Section("hazards", HazardModel, check)
