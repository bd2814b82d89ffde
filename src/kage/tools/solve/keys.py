"""The solver's state key: one hash for states that behave the same.

A search that keys states by their whole JSON (`State.digest`) never converges: every
command moves the turn counter, and most move the clock, so no two paths meet. The key
keeps everything that can change what a command does next, and leaves out bookkeeping
that cannot:

- `turn`, the move counter: read only by a pending "Which do you mean?" (it lapses after
  some turns), so it is kept while a question is pending; milestones store the turn they
  were reached at, and only *which* milestones were reached counts (the score); combat
  marks a foe drawn "this turn", compared with the turn it is now, never a past one.
- `seq`, the tie-breaker of the schedule: only the order of scheduled entries counts, and
  the schedule list is kept in that order.
- `trail` beyond its last entry: "go back", "flee" and "keep going" read only the last move.
- the minute a place was first seen (`visited`): whether it was seen counts, not when.
- `pronouns`: the solver's candidates name their nouns (it drops any with a pronoun).
- the order of keys inside dicts (what is listed first): states that hold the same things
  in a different order are one state. This merges states whose listings differ; it can
  matter only where a command picks the first of several ("take all" up to a limit).
- a prop set back to the value the world gives the entity (see `changed_props`).
- how far a counter that only grows has gone past the last number the world compares it
  with (see `counter_caps`).
- the clock (`minutes`, and the minute each event fired), *only* when the world cannot
  read it: no schedule, no timed events, no people who keep hours, no condition on time,
  no extension that is not `clockless` (see `timeless`). The solver then pins the clock
  of every state it keeps to minute 0 (`pin_clock`), so minutes stamped on records later
  agree too. A world that can read the clock keeps it in the key.

The game's event log, transcripts and output are outside the state and never keyed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterator
from typing import Any

from kage.world.model import World
from kage.world.state import State

# conditions that read the clock (kage.world.conditions, kage.systems.daytime)
CLOCK_CONDITIONS = frozenset({"time", "time_of_day", "between"})
PRONOUNS = frozenset({"it", "him", "her", "them", "this", "that", "these", "those"})


def _mentions_clock(value: Any, seen: set[int]) -> bool:
    if id(value) in seen:
        return False
    seen.add(id(value))
    if isinstance(value, dict):
        return any(
            (isinstance(k, str) and k in CLOCK_CONDITIONS) or _mentions_clock(v, seen)
            for k, v in value.items()
        )
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(_mentions_clock(v, seen) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return any(_mentions_clock(getattr(value, f.name), seen) for f in dataclasses.fields(value))
    return False


def timeless(world: World, start: State) -> bool:
    """True when nothing in `world` can tell one minute from another: no scheduled events,
    no timed world events, no person who keeps a schedule, no extension but those whose
    manifest says they are `clockless` (others run clocks of their own: hunger, healing,
    news), and no condition on the time anywhere in its definition. Then the solver pins
    the clock (see `pin_clock`) and leaves it out of the key."""
    from kage.core import extension

    if world.schedule or world.events or start.schedule:
        return False
    if not all(e.clockless for e in extension.resolve(world.extensions)):
        return False
    if any(e.schedule for e in world.entities.values()):
        return False
    fields = {f.name: getattr(world, f.name) for f in dataclasses.fields(world)}
    fields.pop("runtime", None)
    return not _mentions_clock(fields, set())


def _walk(value: Any, seen: set[int]) -> Iterator[Any]:
    """Every dict, list and plain value inside `value` (dataclasses opened), each key and
    value as often as it occurs; a container met twice is walked once."""
    yield value
    if isinstance(value, (str, int, float, bool)) or value is None:
        return
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _walk(v, seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from _walk(v, seen)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name != "runtime":
                yield from _walk(getattr(value, f.name), seen)


def _threshold(test: Any) -> int | None:
    """The least value from which a counter test gives one answer for ever, as the counter
    grows; None when the test is not one of the counter condition's forms."""
    if isinstance(test, bool):
        return None
    if isinstance(test, int):
        return test + 1  # exactly n
    if isinstance(test, dict) and all(isinstance(v, int) for v in test.values()):
        bounds = {"min": 0, "below": 0, "above": 1, "max": 1}
        if set(test) <= set(bounds):
            return max(v + bounds[k] for k, v in test.items()) if test else None
    return None


def counter_caps(world: World) -> dict[str, int]:
    """Counters that only ever grow, each with the value past which the world cannot tell
    them apart: `{increment: disturbed}` and `{add: {disturbed: 2}}` only, read only by
    `counter` conditions (`{counter: {disturbed: {below: 2}}}`: from 2 on, every reading
    agrees). The key holds such a counter at its cap, so a story that counts blunders
    without end still has finitely many states. Any other mention of the name (a `set`, a
    `flag` condition, a negative `add`) keeps the counter exact."""
    declared = world.data.get("counters", {})
    if not declared:
        return {}
    caps = {name: 1 for name in declared}  # at least: {counter: name} reads "not 0"
    uses = dict.fromkeys(declared, 0)  # mentions accounted for
    mentions = dict.fromkeys(declared, 0)
    for item in _walk(world, set()):
        if isinstance(item, str) and item in mentions:
            mentions[item] += 1
        if not isinstance(item, dict):
            continue
        if isinstance(item.get("increment"), (str, list)):
            names = item["increment"]
            for name in [names] if isinstance(names, str) else names:
                if name in uses:
                    uses[name] += 1
        if isinstance(item.get("add"), dict):
            for name, by in item["add"].items():
                if name in uses and isinstance(by, int) and by >= 0:
                    uses[name] += 1
        test = item.get("counter")
        if isinstance(test, str) and test in uses:
            uses[test] += 1
        elif isinstance(test, dict):
            for name, arg in test.items():
                limit = _threshold(arg)
                if name in uses and limit is not None:
                    uses[name] += 1
                    caps[name] = max(caps[name], limit)
    # the declaration itself is one mention
    return {
        name: caps[name]
        for name in declared
        if mentions[name] == uses[name] + 1
        and isinstance(declared[name], int)
        and declared[name] >= 0
    }


def pin_clock(state: State) -> None:
    """Set the clock of a state of a timeless world back to its first minute, and the
    minutes stamped on what happened (events fired, places seen) with it. Nothing reads
    them, so the state behaves the same; and stamps written later (a quest stage's
    minute) come out the same whichever way the state was reached."""
    state.minutes = 0
    for name in state.fired:
        state.fired[name] = 0
    for place, minute in state.visited.items():
        if minute > 0:
            state.visited[place] = 0


def changed_props(world: World, state: State) -> dict[str, dict[str, Any]]:
    """The state's props less those set back to the value the world gives them (a door
    unlocked and locked again is the door as it was): `kage.world.query.prop` reads the
    same value either way."""
    from kage.world.query import STATES

    kept: dict[str, dict[str, Any]] = {}
    for entity, props in state.props.items():
        ent = world.entities.get(entity)
        if ent is None:
            kept[entity] = props
            continue
        changed = {}
        for name, value in props.items():
            if name in STATES:
                base = (
                    (not ent.dark) if name == "lit" and ent.kind == "place" else getattr(ent, name)
                )
            else:
                base = ent.props.get(name)
            if value != base or type(value) is not type(base):
                changed[name] = value
        if changed:
            kept[entity] = changed
    return kept


# a record's value is replaced whole, never edited (see State.copy), so its JSON can be
# kept by the value's identity; the value is kept with it, so the identity is never reused
_DUMPED: dict[int, tuple[Any, str]] = {}


def _dumped(value: Any) -> str:
    """A record's value as sorted JSON, made once per value."""
    found = _DUMPED.get(id(value))
    if found is not None and found[0] is value:
        return found[1]
    if len(_DUMPED) > 200_000:
        _DUMPED.clear()
    text = json.dumps(value, separators=(",", ":"), sort_keys=True, default=repr)
    _DUMPED[id(value)] = (value, text)
    return text


def key_data(
    state: State,
    clock: bool,
    caps: dict[str, int] | None = None,
    world: World | None = None,
) -> list[Any]:
    """What the key is made of, as plain data; `state_key` dumps it with sorted keys, so
    the order of keys inside dicts drops out. `caps`: see `counter_caps`; with `world`,
    props set back to the world's own value drop out (`changed_props`)."""
    flags = state.flags
    if caps and not caps.keys().isdisjoint(flags):
        flags = {k: min(v, caps[k]) if k in caps else v for k, v in flags.items()}
    return [
        state.turn if state.question else None,
        state.minutes if clock else None,
        state.rng,
        state.holder,
        state.money,
        state.props if world is None else changed_props(world, state),
        flags,
        state.mood,
        state.bonds,
        sorted(state.milestones),
        state.fired if clock else sorted(state.fired),
        [[minute, event] if clock else event for minute, _seq, event in state.schedule],
        {k: v >= 0 for k, v in state.visited.items()},
        state.trail[-1] if state.trail else None,
        {name: _dumped(value) for name, value in state.records.items()},
        state.question,
        state.done,
        state.won,
        state.ending,
    ]


def state_key(
    state: State,
    clock: bool,
    caps: dict[str, int] | None = None,
    world: World | None = None,
) -> bytes:
    """A 16-byte hash of `key_data`."""
    data = key_data(state, clock, caps, world)
    text = json.dumps(data, separators=(",", ":"), sort_keys=True, default=repr)
    return hashlib.blake2b(text.encode(), digest_size=16).digest()
