"""`combat`: how fighting is reckoned in this world, as `name: value` settings.

    combat:
      skill: swordplay     # the player's stat a blow is reckoned with (default: fighting)
      wounds: [injured, badly_hurt]   # statuses of being hurt, lightest first
      defeat:              # a blow past the worst wound beats the player (none: it can't)
        text: "You wake in the ditch ..."
        effects: [{move: {hero: roadside}}, {pass_time: {span: 3h}}]

A blow reads the player's skill (with the modifiers of statuses) where nothing else has
set it, 30; `props: {swordplay: 45}` on the player sets where he starts. Each wound puts
the person one step down `wounds` (default `[injured]`): the step's status is given until
it heals, which takes that status's `duration` (default 4h), then the person is one step
better. A step's status that has no modifier for the skill costs 10 of it. A foe hurt past
the last step goes down; the player, if the world has a `defeat`, is beaten: he reads its
`text`, its `effects` run (an `end` for a lost ending, a `move` and a `pass_time` for a
setback), the foes there turn their backs on him (no longer alert: slacking), and he is
left at the worst step.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field

from kage.content.errors import suggest
from kage.content.schema import Strict
from kage.content.sections import Section
from kage.ext.combat.settings import SETTINGS

STAT = re.compile(r"^[a-z][a-z0-9_]*$")


class DefeatModel(Strict):
    text: str = Field("", description="What the player reads when he is beaten.")
    effects: list[dict[str, Any]] = Field(
        [], description="What it does: an `end` (a lost ending), or a setback."
    )


class CombatModel(Strict):
    combat: dict[str, Any]


def check(builder: Any, located: Any, path: tuple[Any, ...], value: Any) -> None:
    name = path[-1]
    if name not in SETTINGS:
        hint = suggest(name, SETTINGS) or f" The settings are: {', '.join(SETTINGS)}."
        builder.problem(located, path, f"combat has no setting '{name}'.{hint}")
    elif name == "skill":
        if not isinstance(value, str) or not STAT.match(value):
            builder.problem(
                located,
                path,
                f"the combat skill '{value}' will not do: a stat's name uses lowercase "
                "letters, digits and underscores, starting with a letter (like 'swordplay').",
            )
    elif name == "wounds":
        steps = [value] if isinstance(value, str) else value
        if not isinstance(steps, list) or not steps or not all(isinstance(s, str) for s in steps):
            builder.problem(located, path, "combat wounds is a list of status ids, lightest first.")
            return
        for index, status in enumerate(steps):
            builder.expect(located, (*path, index), "statuses", status)
    elif name == "defeat":
        if not isinstance(value, dict):
            builder.problem(located, path, "combat defeat is a mapping with `text` and `effects`.")
            return
        unknown = set(value) - {"text", "effects"}
        if unknown:
            builder.problem(
                located, path, f"combat defeat has no key '{sorted(unknown)[0]}' (text, effects)."
            )
        builder.check_effects(located, (*path, "effects"), value.get("effects", []))


SECTION = Section("combat", CombatModel, check, mapping=True, singular="combat setting")
