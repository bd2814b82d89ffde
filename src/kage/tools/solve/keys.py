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


def key_data(state: State, clock: bool) -> list[Any]:
    """What the key is made of, as plain data; `state_key` dumps it with sorted keys, so
    the order of keys inside dicts drops out."""
    return [
        state.turn if state.question else None,
        state.minutes if clock else None,
        state.rng,
        state.holder,
        state.money,
        state.props,
        state.flags,
        state.mood,
        state.bonds,
        sorted(state.milestones),
        state.fired if clock else sorted(state.fired),
        [[minute, event] if clock else event for minute, _seq, event in state.schedule],
        {k: v >= 0 for k, v in state.visited.items()},
        state.trail[-1] if state.trail else None,
        state.records,
        state.question,
        state.done,
        state.won,
        state.ending,
    ]


def state_key(state: State, clock: bool) -> bytes:
    """A 16-byte hash of `key_data`."""
    text = json.dumps(key_data(state, clock), separators=(",", ":"), sort_keys=True, default=repr)
    return hashlib.blake2b(text.encode(), digest_size=16).digest()
