"""What a computation over a game's state read, so its result can be kept until that
changes.

While `watching(game)` is in force, the state's dict fields (and each entity's props) are
stand-ins that note every key read, its scalar fields note their reads by name, and the
game's contents index notes which holders were looked into. `Reads.start()` begins a
record and `Reads.stop()` ends it, giving the keys read: ("holder", "lamp"),
(("props", "door"), "open"), ("state", "minutes"), ("contents", "office"), and
(field, ALL) when a whole field was walked. `changed(before, game)` lists the keys whose
values differ between an earlier copy of the state and the state now, in the same terms,
so a kept result is used again exactly when none of the keys it read has changed.

What is not state (the world's definition, the rules) never changes during a game. A rule
that reads the game's event log or a cache of its own is not seen: the property tests of
kage.agents run every listed command in states reached by play, with results kept, to
catch such a rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from kage.world.state import FLAT_DICTS, State

if TYPE_CHECKING:
    from kage.game import Game

ALL = object()  # the key of a read of a whole field (walked, counted, copied)
ReadKey = tuple[Any, Any]
DICTS = (*FLAT_DICTS, "question")
SCALARS = frozenset({"turn", "minutes", "rng", "seq", "done", "won", "ending", "schedule", "trail"})


class Reads:
    """The keys read since `start` (one record at a time; records nest by stacking)."""

    current: set[ReadKey] | None = None
    _stack: list[set[ReadKey] | None] = []

    @classmethod
    def start(cls) -> None:
        cls._stack.append(cls.current)
        cls.current = set()

    @classmethod
    def stop(cls) -> frozenset[ReadKey]:
        found = cls.current or set()
        cls.current = cls._stack.pop()
        if cls.current is not None:
            cls.current |= found  # what an inner record read, the outer one read too
        return frozenset(found)

    @classmethod
    def pause(cls) -> set[ReadKey] | None:
        """Stop noting reads for a while (what is read is not read by the record)."""
        current, cls.current = cls.current, None
        return current

    @classmethod
    def resume(cls, current: set[ReadKey] | None) -> None:
        cls.current = current


def _note(key: ReadKey) -> None:
    if Reads.current is not None:
        Reads.current.add(key)


class Watched(dict):  # type: ignore[type-arg]
    """A dict that notes the keys read from it."""

    __slots__ = ("field",)

    def __init__(self, field: Any, data: dict[Any, Any]) -> None:
        super().__init__(data)
        self.field = field

    def __getitem__(self, key: Any) -> Any:
        _note((self.field, key))
        return dict.__getitem__(self, key)

    def get(self, key: Any, default: Any = None) -> Any:
        _note((self.field, key))
        return dict.get(self, key, default)

    def __contains__(self, key: object) -> bool:
        _note((self.field, key))
        return dict.__contains__(self, key)

    def setdefault(self, key: Any, default: Any = None) -> Any:
        _note((self.field, key))
        return dict.setdefault(self, key, default)

    def pop(self, key: Any, *default: Any) -> Any:
        _note((self.field, key))
        return dict.pop(self, key, *default)

    def _whole(self) -> None:
        _note((self.field, ALL))

    def __iter__(self) -> Iterator[Any]:
        self._whole()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._whole()
        return dict.__len__(self)

    def keys(self):  # type: ignore[no-untyped-def]
        self._whole()
        return dict.keys(self)

    def values(self):  # type: ignore[no-untyped-def]
        self._whole()
        return dict.values(self)

    def items(self):  # type: ignore[no-untyped-def]
        self._whole()
        return dict.items(self)

    def copy(self) -> dict[Any, Any]:
        self._whole()
        return dict(dict.items(self))

    def __eq__(self, other: object) -> bool:
        self._whole()
        return dict.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        self._whole()
        return dict.__ne__(self, other)

    __hash__ = None  # type: ignore[assignment]


class _WatchedState(State):
    """The state, noting reads of its scalar fields (set as the state's class while
    watched: the layout is the same)."""

    __slots__ = ()

    def __getattribute__(self, name: str) -> Any:
        if name in SCALARS and Reads.current is not None:
            Reads.current.add(("state", name))
        return object.__getattribute__(self, name)


@contextmanager
def watching(game: Game) -> Iterator[None]:
    """Put stand-ins that note reads into the game's state for the time being; the
    state is given back its own fields (what was written to a stand-in is dropped, as
    computations watched are only allowed to look)."""
    state = game.state
    game.contents_index()
    index = game._index
    saved = {name: getattr(state, name) for name in (*DICTS, "props")}
    for name in DICTS:
        setattr(state, name, Watched(name, saved[name]))
    state.props = Watched("props", {e: Watched(("props", e), p) for e, p in saved["props"].items()})
    game._index = Watched("contents", index or {})
    state.__class__ = _WatchedState
    try:
        yield
    finally:
        state.__class__ = State
        for name, value in saved.items():
            setattr(state, name, value)
        if game._index is not None and isinstance(game._index, Watched):
            game._index = index


def changed(before: State, game: Game) -> set[ReadKey]:
    """The keys whose values differ between `before` and the game's state now (a field
    with any change also gives (field, ALL), for those that walked all of it)."""
    now = game.state
    found: set[ReadKey] = set()
    for name in SCALARS:
        if getattr(before, name) != getattr(now, name):
            found.add(("state", name))
    for name in DICTS:
        old, new = getattr(before, name), getattr(now, name)
        if old != new:
            _differ(name, old, new, found)
    if before.holder != now.holder:
        for entity in _keys_differing(before.holder, now.holder):
            found.add(("contents", before.holder.get(entity)))
            found.add(("contents", now.holder.get(entity)))
        found.add(("contents", ALL))
    old_props, new_props = before.props, now.props
    if old_props != new_props:
        found.add(("props", ALL))
        for entity in _keys_differing(old_props, new_props):
            if (entity in old_props) != (entity in new_props):
                found.add(("props", entity))  # read as: has it any changed props at all
            old, new = old_props.get(entity) or {}, new_props.get(entity) or {}
            _differ(("props", entity), old, new, found)
    return found


def _keys_differing(old: dict[Any, Any], new: dict[Any, Any]) -> list[Any]:
    missing = object()
    return [k for k in old.keys() | new.keys() if old.get(k, missing) != new.get(k, missing)]


def _differ(field: Any, old: dict[Any, Any], new: dict[Any, Any], found: set[ReadKey]) -> None:
    found.add((field, ALL))
    for key in _keys_differing(old, new):
        found.add((field, key))


SMALL = ("question", "pronouns")  # whole fields small enough to keep what they held
UNKNOWN = object()  # a read whose value is not kept (a whole field): never found the same
_MISSING = object()


def value(game: Game, read: ReadKey) -> Any:
    """The value a read sees now (read beneath the stand-ins: this notes nothing)."""
    field_, key = read
    state = game.state
    if key is ALL:  # a whole field: kept only for the small ones ("is a question pending?")
        if field_ in SMALL:
            return repr(sorted(dict.items(object.__getattribute__(state, field_))))
        return UNKNOWN
    if field_ == "state":
        found = object.__getattribute__(state, key)
        return tuple(map(tuple, found)) if isinstance(found, list) else found
    if field_ == "contents":
        index = game._index if game._index is not None else game.contents_index()
        return tuple(dict.get(index, key, ()))
    if field_ == "props":
        return dict.get(object.__getattribute__(state, "props"), key) is not None
    if isinstance(field_, tuple):  # ("props", entity)
        inner = dict.get(object.__getattribute__(state, "props"), field_[1])
        return _MISSING if inner is None else dict.get(inner, key, _MISSING)
    return dict.get(object.__getattribute__(state, field_), key, _MISSING)


def values(game: Game, reads: frozenset[ReadKey]) -> dict[ReadKey, Any] | None:
    """What each read sees now, or None if one of them cannot be kept."""
    found = {}
    for read in reads:
        seen = value(game, read)
        if seen is UNKNOWN:
            return None
        found[read] = seen
    return found


def unchanged(game: Game, seen: dict[ReadKey, Any]) -> bool:
    """Whether every read would see what it saw (`value`, with the commonest reads, of
    one key of a plain field, looked up here)."""
    state = game.state
    for read, was in seen.items():
        field_, key = read
        if field_ in FLAT and key is not ALL:
            now = dict.get(object.__getattribute__(state, field_), key, _MISSING)
        else:
            now = value(game, read)
        if now != was:
            return False
    return True


FLAT = frozenset(FLAT_DICTS)
