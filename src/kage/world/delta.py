"""What one command changed in a state, kept small enough to hold hundreds for UNDO.

A full copy of a state costs some 14 KiB in Banished, and a session keeps one step of
undo per command: 500 copies made 7 MiB a session. A delta keeps only what differs:
for each dict, the old values of the keys that changed and the keys that were added;
for the rest, the old value whole. Reverting a delta puts back the state before the
command exactly, dict order included (the order things are listed and taken in is part
of play): a dict that lost keys or changed order is kept whole, since putting keys back
would put them last. (One gap, for speed: an entity's props put back in another order
with the same values are not seen; props are written one by one through kage.world.ops,
which never does that.)
"""

from __future__ import annotations

from typing import Any

from kage.world.state import FLAT_DICTS, State

GONE: Any = object()  # stands for "this key was not there before"
_SCALARS = ("turn", "minutes", "rng", "seq", "done", "won", "ending", "question")
_LISTS = ("schedule", "trail")  # replaced or edited: kept whole when they differ
_FLAT = FLAT_DICTS  # dicts whose values are replaced, never edited in place
WHOLE, PATCH = 0, 1


class Nested:
    """An entity's props patched one by one rather than kept whole."""

    __slots__ = ("patch",)

    def __init__(self, patch: dict[str, Any]) -> None:
        self.patch = patch


Delta = dict[str, Any]


def diff(before: State, after: State) -> Delta:
    """How to get `before` back from `after` (a state that has gone on from it)."""
    delta: Delta = {}
    for name in _SCALARS:
        old = getattr(before, name)
        if old is not getattr(after, name) and old != getattr(after, name):
            delta[name] = old
    for name in _LISTS:
        old = getattr(before, name)
        if old != getattr(after, name):
            delta[name] = old
    for name in _FLAT:
        old, new = getattr(before, name), getattr(after, name)
        if old != new or list(old) != list(new):  # equal dicts may differ in order
            delta[name] = _dict_change(old, new)
    if before.props != after.props or list(before.props) != list(after.props):
        delta["props"] = _props_change(before.props, after.props)
    return delta


def _props_change(
    old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]
) -> tuple[int, dict[str, Any]]:
    """As `_dict_change`, one level down: of an entity whose props changed, only the
    props that changed (Nested), or its old dict whole when its keys lost their order."""
    how, patch = _dict_change(old, new)
    if how == WHOLE:
        return how, patch
    for entity, props in patch.items():
        if props is not GONE:
            inner = _dict_change(props, new[entity])
            patch[entity] = Nested(inner[1]) if inner[0] == PATCH else props
    return how, patch


def _dict_change(old: dict[str, Any], new: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """(PATCH, {key: old value or GONE}) when `new` is `old` with values changed and keys
    added at the end; else (WHOLE, old)."""
    if len(new) < len(old) or not _keeps_order(old, new):
        return WHOLE, old
    try:  # the quick way, for hashable values
        patch = dict(old.items() - new.items())
    except TypeError:
        patch = {k: v for k, v in old.items() if new[k] != v}
    if len(new) > len(old):
        for key in list(new)[len(old) :]:
            patch[key] = GONE
    return PATCH, patch


def _keeps_order(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Whether `new`'s keys begin with `old`'s, in the same order."""
    if len(new) == len(old):
        return list(new) == list(old)
    return list(new)[: len(old)] == list(old)


def revert(state: State, delta: Delta) -> None:
    """Undo in place what `delta` records (made by `diff` against this very state)."""
    for name, change in delta.items():
        if name in _SCALARS or name in _LISTS:
            setattr(state, name, change)
            continue
        how, values = change
        if how == WHOLE:
            setattr(state, name, values)
            continue
        _patch(getattr(state, name), values)


def _patch(target: dict[str, Any], values: dict[str, Any]) -> None:
    for key, value in values.items():
        if value is GONE:
            del target[key]
        elif type(value) is Nested:
            _patch(target[key], value.patch)
        else:
            target[key] = value
