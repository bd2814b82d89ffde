"""`combat`: how fighting is reckoned in this world, as `name: value` settings.

    combat:
      skill: swordplay     # the player's stat a blow is reckoned with (default: fighting)

A blow reads the player's skill (with the modifiers of statuses) where nothing else has
set it, 30; `props: {swordplay: 45}` on the player sets where he starts.
"""

from __future__ import annotations

import re
from typing import Any

from kage.content.errors import suggest
from kage.content.schema import Strict
from kage.content.sections import Section
from kage.ext.combat.settings import SETTINGS

STAT = re.compile(r"^[a-z][a-z0-9_]*$")


class CombatModel(Strict):
    combat: dict[str, str]


def check(builder: Any, located: Any, path: tuple[Any, ...], value: str) -> None:
    name = path[-1]
    if name not in SETTINGS:
        hint = suggest(name, SETTINGS) or f" The settings are: {', '.join(SETTINGS)}."
        builder.problem(located, path, f"combat has no setting '{name}'.{hint}")
    elif not STAT.match(value):
        builder.problem(
            located,
            path,
            f"the combat skill '{value}' will not do: a stat's name uses lowercase letters, "
            "digits and underscores, starting with a letter (like 'swordplay').",
        )


SECTION = Section("combat", CombatModel, check, mapping=True, singular="combat setting")
