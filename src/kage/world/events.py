"""Events: every change to the world is recorded as one, with the time it happened."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Event:
    turn: int
    minute: int
    kind: str  # "moved", "mood", "flag", "milestone", "edict.issued" ...
    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"turn": self.turn, "minute": self.minute, "kind": self.kind, **self.data}
