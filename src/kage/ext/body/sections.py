"""`statuses`: conditions a person can be in (rash, injury, hunger) and what they do."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from kage.content.schema import Strict
from kage.content.sections import Section


class StatusModel(Strict):
    id: str
    name: str
    duration: str | int | None = None  # default length; None: until removed
    modifiers: dict[str, float] = {}  # stat -> change while it lasts, e.g. {stealth: -10}
    begins: str = ""  # said when it starts (to the player, if it is theirs)
    ends: str = ""  # said when it wears off
    blocks: list[str] = Field(default_factory=list)  # actions it prevents, e.g. [train]
    blocked: str = ""  # the refusal for those actions
    shown: bool = False  # named after the person where a place lists who is here


def check(builder: Any, located: Any, path: tuple[Any, ...], entry: StatusModel) -> None:
    if entry.duration is not None:
        builder.duration(located, (*path, "duration"), entry.duration)


SECTION = Section("statuses", StatusModel, check)
