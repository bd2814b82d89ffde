"""The mutable state of one game, as plain data.

Everything that changes during play lives here and nowhere else: the static world
definition is shared and never written. The state is built from dicts of strings and
ints so that copying it (undo, agents' get_state/set_state) is a handful of dict
copies and it serialises to JSON exactly.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

STATE_VERSION = 1

# the State's dicts whose values are replaced, never edited in place: a changed key is
# a new value (what undo deltas and the agents' read tracking rely on)
FLAT_DICTS = (
    "holder",
    "money",
    "flags",
    "mood",
    "bonds",
    "milestones",
    "fired",
    "visited",
    "records",
    "pronouns",
)


@dataclass(slots=True)
class State:
    turn: int = 0
    minutes: int = 0
    rng: int = 0
    seq: int = 0  # tie-breaker for scheduled events at the same minute
    holder: dict[str, str] = field(default_factory=dict)  # entity -> place or entity holding it
    money: dict[str, int] = field(default_factory=dict)  # holder -> money (conserved)
    props: dict[str, dict[str, Any]] = field(default_factory=dict)  # entity -> changed props
    flags: dict[str, Any] = field(default_factory=dict)
    mood: dict[str, int] = field(default_factory=dict)  # person -> -100..100
    bonds: dict[str, int] = field(default_factory=dict)  # "from>to" -> -100..100
    milestones: dict[str, int] = field(default_factory=dict)  # id -> turn reached
    fired: dict[str, int] = field(default_factory=dict)  # trigger/event id -> minute it fired
    schedule: list[list[Any]] = field(default_factory=list)  # [minute, seq, event id], sorted
    visited: dict[str, int] = field(default_factory=dict)  # place -> minute first seen
    # the player's last moves, newest last: [place left, direction taken or ""] (for "go
    # back", "flee", "keep going"); entries are replaced whole, never edited
    trail: list[list[str]] = field(default_factory=list)
    records: dict[str, dict[str, Any]] = field(default_factory=dict)  # votes, edicts ...
    pronouns: dict[str, str] = field(default_factory=dict)  # "it"/"him"/"her"/"them" -> id
    question: dict[str, Any] = field(default_factory=dict)  # a pending "Which do you mean?"
    done: bool = False
    won: bool = False
    ending: str = ""

    def copy(self) -> State:
        """A deep-enough copy.

        Schedule entries and records are replaced whole, never edited in place, so a
        shallow copy of their containers is enough; props are edited in place, so each
        entity's dict is copied.
        """
        return State(
            turn=self.turn,
            minutes=self.minutes,
            rng=self.rng,
            seq=self.seq,
            holder=self.holder.copy(),
            money=self.money.copy(),
            props={k: v.copy() for k, v in self.props.items()},
            flags=self.flags.copy(),
            mood=self.mood.copy(),
            bonds=self.bonds.copy(),
            milestones=self.milestones.copy(),
            fired=self.fired.copy(),
            schedule=self.schedule.copy(),
            visited=self.visited.copy(),
            trail=self.trail.copy(),
            records=self.records.copy(),
            pronouns=self.pronouns.copy(),
            question=self.question,
            done=self.done,
            won=self.won,
            ending=self.ending,
        )

    def to_json(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in self.__slots__}
        data["version"] = STATE_VERSION
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> State:
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"state version {data.get('version')} is not {STATE_VERSION}")
        fields = {name: data[name] for name in cls.__slots__ if name in data}
        return cls(**fields).copy()

    def dumps(self) -> str:
        """The state as JSON, every dict in its own order: that order is part of play
        (what is listed and taken first, which purse pays), so it must survive a save
        and restore. Sorting the keys here made restored games play differently."""
        return json.dumps(self.to_json(), separators=(",", ":"))

    def digest(self) -> str:
        """A stable hash of the whole state, for determinism checks and agents."""
        return hashlib.sha256(self.dumps().encode()).hexdigest()[:16]
