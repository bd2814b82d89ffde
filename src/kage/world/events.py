"""Events: every change to the world is recorded as one, with the time it happened."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, overload


@dataclass(frozen=True, slots=True)
class Event:
    turn: int
    minute: int
    kind: str  # "moved", "mood", "flag", "milestone", "edict.issued" ...
    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"turn": self.turn, "minute": self.minute, "kind": self.kind, **self.data}


# kinds of event that also stir "kind:what", what being this field of theirs
QUALIFIED = {"moved": "entity", "consumed": "entity", "flag": "key"}
# a move also stirs "moved@PLACE" for the holder it left and the one it reached, so what
# reads only who is directly in a place wakes for the moves into and out of it
MOVED_AT = "moved@"
# stirred when something moved that the player is (or is inside): his place may have
# changed (added by kage.world.watch, which knows who the player is)
PLAYER_MOVED = "moved:@player"


class EventLog:
    """The game's recent events, numbered from the game's first: ``len(log)`` counts
    every event ever emitted and ``log[n:]`` gives those from the n-th on, so an index
    taken before an action still finds that action's events afterwards.

    Only a window is held (``trim``): the rules read the events of the turn being
    played, and what must last (milestones, news, quests, the chronicle) is in the
    state, not here. A game of 50,000 turns held every event it ever emitted.
    """

    __slots__ = ("_items", "_dropped")

    def __init__(self) -> None:
        self._items: list[Event] = []
        self._dropped = 0  # events emitted before the first one held

    def append(self, event: Event) -> None:
        self._items.append(event)

    def __len__(self) -> int:
        return self._dropped + len(self._items)

    def kinds_since(self, start: int) -> set[str] | None:
        """The kinds of the events from the `start`-th on, and for a move, a flag... also
        "kind:what" ("moved:kai", "flag:door_open": see QUALIFIED); None if some were
        trimmed."""
        first = start - self._dropped
        if first < 0:
            return None
        items = self._items
        if first >= len(items):
            return set()
        found = {e.kind for e in items[first:]}
        if not found.isdisjoint(QUALIFIED):
            for e in items[first:]:
                kind = e.kind
                if kind in QUALIFIED:
                    data = e.data
                    found.add(f"{kind}:{data[QUALIFIED[kind]]}")
                    if kind == "moved":
                        if data["source"]:
                            found.add(MOVED_AT + data["source"])
                        if data["to"]:
                            found.add(MOVED_AT + data["to"])
        return found

    def __iter__(self) -> Iterator[Event]:
        return iter(self._items)

    @overload
    def __getitem__(self, index: int) -> Event: ...
    @overload
    def __getitem__(self, index: slice) -> list[Event]: ...
    def __getitem__(self, index: int | slice) -> Event | list[Event]:
        if isinstance(index, slice):
            if index.step not in (None, 1):
                raise ValueError("event slices go forwards one by one")
            start = index.start or 0
            stop = len(self) if index.stop is None else index.stop
            if start < 0 or stop < 0:
                start, stop = slice(start, stop).indices(len(self))[:2]
            first = max(start - self._dropped, 0)
            return self._items[first : max(stop - self._dropped, first)]
        if index < 0:
            return self._items[index]
        if index < self._dropped:
            raise IndexError(f"event {index} is no longer held (held from {self._dropped})")
        return self._items[index - self._dropped]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, EventLog):
            return self._items == other._items and self._dropped == other._dropped
        if isinstance(other, list):
            return self._items == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"EventLog(from {self._dropped}: {self._items!r})"

    @property
    def held(self) -> int:
        """How many events are held now."""
        return len(self._items)

    def clear(self) -> None:
        """Drop every event held (the count goes on)."""
        self._dropped += len(self._items)
        self._items = []

    def trim(self, turn: int, turns: int, most: int) -> None:
        """Keep the events of the last `turns` turns before `turn`, and at most `most`."""
        items = self._items
        cut = 0
        while cut < len(items) and items[cut].turn < turn - turns:
            cut += 1
        cut = max(cut, len(items) - most)
        if cut > 0:
            self._dropped += cut
            del items[:cut]
