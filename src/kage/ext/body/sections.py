"""`statuses`: conditions a person can be in (rash, injury, hunger) and what they do."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from kage.content.schema import Strict
from kage.content.sections import Section


class StatusModel(Strict):
    id: str = Field(description="How files refer to it.")
    name: str = Field(description="What the player reads.")
    duration: str | int | None = Field(
        None, description="How long it lasts when given (none: until removed)."
    )
    modifiers: dict[str, float] = Field(
        {}, description="Change to each stat while it lasts, e.g. {stealth: -10}."
    )
    begins: str = Field("", description="Said when it starts (to the player, if it is theirs).")
    ends: str = Field("", description="Said when it wears off.")
    blocks: list[str] = Field(
        default_factory=list, description="Actions it prevents, e.g. [train]."
    )
    blocked: str = Field("", description="The refusal for those actions.")
    shown: bool = Field(
        False, description="Named after the person where a place lists who is here."
    )
    looks: str = Field(
        "",
        description=(
            "How someone looks while it holds, said on EXAMINE instead of their own "
            "description, which may no longer be true ('{The noun} lies where {he} fell, out "
            "cold.'); when several hold, the newest."
        ),
    )
    answers: str = Field(
        "",
        description=(
            "How someone answers, while it holds, a question they have no topic for: in the "
            "state they are in ('{The noun} only {begs} you to let {him} go.'); when several "
            "hold, the newest. It comes before their own `unknown_topic`, as `looks` "
            "before a description."
        ),
    )


def check(builder: Any, located: Any, path: tuple[Any, ...], entry: StatusModel) -> None:
    if entry.duration is not None:
        builder.duration(located, (*path, "duration"), entry.duration)


SECTION = Section("statuses", StatusModel, check)
