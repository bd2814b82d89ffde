"""The `thefts` section: a pickpocket's chances."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from kage.content.schema import Strict
from kage.content.sections import Section

Cond = dict[str, Any] | None
Effects = list[dict[str, Any]]


class TheftModel(Strict):
    """A pickpocket's chance: when `when` holds and the player walks into `place`."""

    id: str = Field(description="How files refer to it.")
    thief: str = Field(description="The pickpocket (a person).")
    target: str = Field(description="The thing taken.")
    place: str = Field(description="It happens when the player walks in here.")
    when: Cond = Field(None, description="... and only while this holds.")
    skill: float = Field(
        60, description="The thief's sleight of hand against the player's perception."
    )
    distracted: Cond = Field(None, description="When this holds the player is lost in thought.")
    distraction: float = Field(30, description="How much being lost in thought costs the player.")
    noticer: str | None = Field(None, description="A companion who may see it happen.")
    bump: str = Field(description="Always seen: the bump and the apology.")
    foiled: str = Field("", description="Said when the player catches the hand in the act.")
    effects: Effects = Field(
        [], description="After a successful theft (e.g. the thief runs: {route: ...})."
    )
    foiled_effects: Effects = Field([], description="After a foiled one.")


def _check_theft(builder: Any, located: Any, path: tuple[Any, ...], e: TheftModel) -> None:
    builder.expect(located, (*path, "thief"), "person", e.thief)
    builder.expect(located, (*path, "target"), "thing", e.target)
    builder.expect(located, (*path, "place"), "place", e.place)
    if e.noticer:
        builder.expect(located, (*path, "noticer"), "person", e.noticer)
    builder.check_condition(located, (*path, "when"), e.when)
    builder.check_condition(located, (*path, "distracted"), e.distracted)
    builder.check_effects(located, (*path, "effects"), e.effects)
    builder.check_effects(located, (*path, "foiled_effects"), e.foiled_effects)


SECTION = Section("thefts", TheftModel, _check_theft)
