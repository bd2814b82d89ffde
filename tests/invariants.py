"""What must hold after every turn of any game, as named checks.

The property tests (tests/test_properties.py) and the walkthrough conservation tests call
`check_state` after every step and `check_turn` after every step that only played world
commands (no undo, restore or restart, which legitimately take the game elsewhere).
Each invariant is a plain function that raises AssertionError with a message naming
what broke; `COUNTS` tallies how many were checked, for the session summary.

The design's promises they stand for: every thing and every ryo has exactly one owner or
place (nothing made or lost: the engine has no money sinks or sources, only
`ops.transfer`); events are the truth (every change of holder, purse, mood, bond, prop,
record or milestone is told by an event of the turn); time only runs forward; numbers
stay in their declared ranges; and the state is plain data that copies and survives JSON
exactly (dict order included: it is part of play).
"""

from __future__ import annotations

import heapq
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kage import runtime
from kage.ext.body import stats, status
from kage.ext.ninja import jutsu
from kage.game import Game
from kage.world import query
from kage.world.events import Event
from kage.world.model import World
from kage.world.state import State

COUNTS: Counter[str] = Counter()  # games, commands, invariant checks: printed at the end

# declared ranges of numbers kept in props (items: condition and durability 0-100; combat:
# morale 0-100; escort: trust 0-100; skills are trained towards limits of at most 100)
PERCENT = ("condition", "durability", "morale", "trust")
SKILLS = ("perception", "stealth", "strength", "taijutsu", "genjutsu")


@dataclass(frozen=True, slots=True)
class Baseline:
    """What a world starts with, which play may move but never make or destroy."""

    things: frozenset[str]  # every entity that has a holder
    money: int  # every ryo in the world

    @classmethod
    def of(cls, world: World) -> Baseline:
        start = runtime.initial_state(world, 0)
        return cls(frozenset(start.holder), sum(start.money.values()))


def baseline(world: World) -> Baseline:
    """The world's baseline, computed once per world (kept on its runtime slot)."""
    found = world.runtime.get("test_baseline")
    if not isinstance(found, Baseline):
        found = Baseline.of(world)
        world.runtime["test_baseline"] = found
    return found


@dataclass(slots=True)
class Seen:
    """One look at a game after a step: its state and, for world turns, the state before
    and the events the step emitted."""

    game: Game
    base: Baseline
    before: State | None = None
    events: list[Event] = field(default_factory=list)
    commands: int = 1  # world commands in the step (each may take one turn)

    @property
    def state(self) -> State:
        return self.game.state

    @property
    def world(self) -> World:
        return self.game.world


Invariant = Callable[[Seen], None]


# -- things ----------------------------------------------------------------------------
def every_thing_has_one_holder(seen: Seen) -> None:
    """No thing made, none lost: exactly the things the world started with have a holder
    (a dict holds each once, so none can be in two places), and no place is held. A thing
    consumed on purpose (eaten, drunk up: ops.consume) is out of play, not lost."""
    held = set(seen.state.holder)
    consumed = {e for e, props in seen.state.props.items() if props.get("consumed")}
    lost, made = seen.base.things - held - consumed, held - seen.base.things
    assert not consumed & held, f"consumed things still in play: {sorted(consumed & held)}"
    assert not lost and not made, f"things lost {sorted(lost)}, made {sorted(made)}"
    places = [e for e in held if seen.world.entities[e].kind == "place"]
    assert not places, f"places held by something: {places}"


def holders_can_hold(seen: Seen) -> None:
    """A thing is in a place, held by a person, or in/on a container or supporter."""
    entities = seen.world.entities
    for entity, holder in seen.state.holder.items():
        assert holder in entities, f"{entity} is held by {holder!r}, which does not exist"
        ent = entities[holder]
        if ent.kind == "thing":
            can = ent.container or ent.supporter or query.prop(seen.game, holder, "supporter")
            assert can, f"{entity} is held by {holder}, which holds nothing"


def everything_is_somewhere(seen: Seen) -> None:
    """Following holders from anything reaches a place: no cycles, no limbo."""
    for entity in seen.state.holder:
        assert query.place_of(seen.game, entity) is not None, f"{entity} is in no place"
    assert query.here(seen.game), "the player is in no place"


# -- money -----------------------------------------------------------------------------
def money_is_conserved(seen: Seen) -> None:
    """Every ryo the world started with is still in it, and no more."""
    total = sum(seen.state.money.values())
    assert total == seen.base.money, f"{total - seen.base.money:+} ryo: {seen.state.money}"


def purses_are_real(seen: Seen) -> None:
    """Money is held by an entity of the world, in whole non-negative ryo."""
    for holder, amount in seen.state.money.items():
        assert holder in seen.world.entities, f"{amount} ryo held by unknown {holder!r}"
        assert isinstance(amount, int) and amount >= 0, f"{holder} holds {amount!r} ryo"
        if amount:
            assert holder in seen.state.holder, f"{holder} holds {amount} ryo but is nowhere"


# -- numbers ---------------------------------------------------------------------------
def moods_and_bonds_in_range(seen: Seen) -> None:
    """Moods and bonds are whole numbers from -100 to 100, of people who exist."""
    entities = seen.world.entities
    for who, mood in seen.state.mood.items():
        assert who in entities and isinstance(mood, int) and -100 <= mood <= 100, (who, mood)
    for key, bond in seen.state.bonds.items():
        source, _, target = key.partition(">")
        assert source in entities and target in entities, f"bond {key!r} of unknown people"
        assert isinstance(bond, int) and -100 <= bond <= 100, (key, bond)


def stats_in_bounds(seen: Seen) -> None:
    """Condition, durability, morale, trust and skills 0-100; chakra 0 to capacity; a
    group's count never negative."""
    game = seen.game
    for entity, props in seen.state.props.items():
        for key in PERCENT + SKILLS:
            value = props.get(key)
            if isinstance(value, int | float):
                assert 0 <= value <= 100, f"{entity}.{key} = {value}"
        if isinstance(props.get("chakra"), int | float):
            top = jutsu.capacity(game, entity)
            assert 0 <= props["chakra"] <= top + 1e-6, f"{entity} chakra {props['chakra']}/{top}"
        if isinstance(props.get("count"), int | float):
            assert props["count"] >= 0, f"{entity} counts {props['count']}"


def statuses_wear_off_on_time(seen: Seen) -> None:
    """A status or jutsu with an end is gone once the clock passes it (until the story
    ends, when the clock stops mid-turn)."""
    if seen.state.done:
        return
    now = seen.state.minutes
    for entity, props in seen.state.props.items():
        for name, until in dict(props.get("status") or {}).items():
            assert isinstance(until, int), (entity, name, until)
            assert until == stats.FOREVER or until > now, f"{entity} still {name}, ended {until}"
        for name, record in dict(props.get(jutsu.RUNNING) or {}).items():
            until = record["until"]
            assert until < 0 or until > now, f"{entity} still holds {name}, ended {until}"
            assert record.get("count", 1) >= 1, (entity, name, record)


def hunger_follows_the_clock(seen: Seen) -> None:
    """The player is hungry from 12 hours after a meal, starving from 3 days, and
    neither before (in a world with hunger, unless living off the land)."""
    game, player = seen.game, seen.world.player
    fed = query.prop(game, player, "fed_at")
    if fed is None:
        return
    now = seen.state.minutes
    assert fed <= now, f"fed at {fed}, after now ({now})"
    if seen.state.done or not status.definition(game, "hungry"):
        return
    if query.prop(game, player, "foraging"):
        return
    since = now - int(fed)
    hungry = stats.has_status(game, player, "hungry")
    starving = stats.has_status(game, player, "starving")
    if since < status.HUNGRY_AFTER:
        assert not hungry and not starving, f"hungry {since} minutes after a meal"
    elif since >= status.STARVING_AFTER:
        assert starving and not hungry, f"{since} minutes after a meal: not starving"


# -- time ------------------------------------------------------------------------------
def the_past_is_past(seen: Seen) -> None:
    """Nothing is dated after now; what is scheduled is a heap of times not yet past."""
    state, now = seen.state, seen.state.minutes
    for place, minute in state.visited.items():
        assert minute == -1 or 0 <= minute <= now, f"{place} visited at {minute} (now {now})"
    for event, minute in state.fired.items():
        assert minute <= now, f"{event} fired at {minute} (now {now})"
    for milestone, turn in state.milestones.items():
        assert turn <= state.turn, f"{milestone} reached on turn {turn} of {state.turn}"
    schedule = state.schedule
    assert all(schedule[(i - 1) // 2] <= schedule[i] for i in range(1, len(schedule)))
    if schedule and not state.done:
        assert schedule[0][0] >= now, f"{schedule[0]} is overdue at {now}"
    assert heapq.nsmallest(1, schedule) == schedule[:1]


def clock_never_goes_back(seen: Seen) -> None:
    """Across world commands time and turns only go forward, one turn per command at
    most."""
    before, after = seen.before, seen.state
    assert before is not None
    assert after.minutes >= before.minutes, f"clock went back {before.minutes}->{after.minutes}"
    assert before.turn <= after.turn <= before.turn + seen.commands, (before.turn, after.turn)


# -- the story -------------------------------------------------------------------------
def score_within_bounds(seen: Seen) -> None:
    """Only the world's milestones are reached; the score is between 0 and the most."""
    unknown = set(seen.state.milestones) - set(seen.world.milestones)
    assert not unknown, f"milestones not in the world: {unknown}"
    assert 0 <= seen.game.score <= seen.world.max_score


def endings_are_consistent(seen: Seen) -> None:
    """A won game is over; an over game has one of the world's endings, and only then."""
    state = seen.state
    assert not state.won or state.done, "won but not over"
    endings = {e.id for e in seen.world.endings}
    if state.done:
        assert state.ending in endings, f"ended with unknown ending {state.ending!r}"
    else:
        assert state.ending == "", f"ending {state.ending!r} set while play goes on"


def votes_add_up(seen: Seen) -> None:
    """Every recorded vote counts its ballots; a motion passes only with more ayes than
    noes (a tie fails)."""
    for key, vote in seen.state.records.items():
        if not key.startswith("vote:") or not vote:
            continue
        ayes = sum(1 for b in vote["ballots"] if b["for"])
        assert vote["ayes"] == ayes and vote["noes"] == len(vote["ballots"]) - ayes, key
        assert vote["passed"] == (ayes > vote["noes"]), f"{key}: {ayes}-{vote['noes']}"


def references_are_real(seen: Seen) -> None:
    """Pronouns point at entities of the world ("them" may mean several, comma-joined;
    what a word meant before is kept as such groups joined by semicolons)."""
    for word, meaning in seen.state.pronouns.items():
        for entity in meaning.replace(";", ",").split(","):
            assert entity in seen.world.entities, f"{word!r} means unknown {entity!r}"


# -- plain data ------------------------------------------------------------------------
def json_round_trip_is_exact(seen: Seen) -> None:
    """The state survives JSON unchanged: same values, same types, same dict order."""
    state = seen.state
    text = state.dumps()
    again = State.from_json(json.loads(text))
    assert again == state, "the state changed through JSON"
    assert again.dumps() == text, "the state's JSON changed through a round trip"
    for name in ("holder", "money", "props", "flags", "records"):
        assert list(getattr(again, name)) == list(getattr(state, name)), f"{name} reordered"


def copy_is_exact(seen: Seen) -> None:
    """A copy (what undo keeps) is the state, to the byte."""
    copied = seen.state.copy()
    assert copied == seen.state and copied.dumps() == seen.state.dumps()


# -- events are the truth --------------------------------------------------------------
def moves_are_told(seen: Seen) -> None:
    """Every thing whose holder changed has a "moved" event, and each thing's last move
    of the turn is to where it is now."""
    assert seen.before is not None
    last: dict[str, str] = {}
    for event in seen.events:
        if event.kind == "moved":
            last[event.data["entity"]] = event.data["to"]
    before, after = seen.before.holder, seen.state.holder
    for entity, holder in after.items():
        if before.get(entity) != holder:
            assert entity in last, f"{entity} moved {before.get(entity)}->{holder} untold"
    for entity, to in last.items():
        assert after.get(entity) == to, f"{entity} told moved to {to}, is at {after.get(entity)}"


def money_moves_are_told(seen: Seen) -> None:
    """Each purse changed by exactly the ryo its "money" events moved in or out."""
    assert seen.before is not None
    net: Counter[str] = Counter()
    for event in seen.events:
        if event.kind == "money":
            net[event.data["source"]] -= event.data["amount"]
            net[event.data["target"]] += event.data["amount"]
    before, after = seen.before.money, seen.state.money
    for holder in set(before) | set(after) | set(net):
        change = after.get(holder, 0) - before.get(holder, 0)
        assert change == net[holder], f"{holder}: {change:+} ryo, events say {net[holder]:+}"


def changes_are_told(seen: Seen) -> None:
    """Moods, bonds, milestones, props, records and flags change only with an event; a
    place is first seen or heard of only with a move there or a "revealed" event."""
    assert seen.before is not None
    told: dict[str, set[Any]] = {}
    for event in seen.events:
        key = _told_key(event)
        if key is not None:
            told.setdefault(event.kind, set()).add(key)
    before, after = seen.before, seen.state
    pairs: list[tuple[str, dict[Any, Any], dict[Any, Any]]] = [
        ("mood", before.mood, after.mood),
        ("bond", before.bonds, after.bonds),
        ("milestone", before.milestones, after.milestones),
        ("record", before.records, after.records),
        ("flag", before.flags, after.flags),
        ("prop", _flat(before.props), _flat(after.props)),
    ]
    # the living world mirrors people's skills and grief into props with one event for
    # the lot ("living.lives", with how many it changed) instead of one per prop
    mirrored = sum(e.data["changed"] for e in seen.events if e.kind == "living.lives")
    untold = []
    for kind, old, new in pairs:
        for key in set(old) | set(new):
            if old.get(key) == new.get(key) or key in told.get(kind, set()):
                continue
            untold.append(f"{kind} {key!r}: {old.get(key)!r}->{new.get(key)!r}")
    player = seen.world.player
    arrived = {
        e.data["to"] for e in seen.events if e.kind == "moved" and e.data["entity"] == player
    }
    revealed = {e.data["place"] for e in seen.events if e.kind == "revealed"}
    for place in set(after.visited) - set(before.visited):
        if place not in arrived | revealed:
            untold.append(f"visited {place!r}")
    props = [u for u in untold if u.startswith("prop")]
    assert len(props) <= mirrored and len(props) == len(untold), f"untold: {untold[:5]}"


def _told_key(event: Event) -> Any:
    """What a change event is about, in the shape `changes_are_told` compares."""
    data = event.data
    if event.kind == "mood":
        return data["who"]
    if event.kind == "bond":
        return f"{data['source']}>{data['target']}"
    if event.kind == "milestone":
        return data["id"]
    if event.kind == "prop":
        return (data["entity"], data["key"])
    if event.kind in ("record", "flag"):
        return data["key"]
    return None


def _flat(props: dict[str, dict[str, Any]]) -> dict[tuple[str, str], Any]:
    return {(e, k): v for e, values in props.items() for k, v in values.items()}


STATE_INVARIANTS: list[Invariant] = [
    every_thing_has_one_holder,
    holders_can_hold,
    everything_is_somewhere,
    money_is_conserved,
    purses_are_real,
    moods_and_bonds_in_range,
    stats_in_bounds,
    statuses_wear_off_on_time,
    hunger_follows_the_clock,
    the_past_is_past,
    score_within_bounds,
    endings_are_consistent,
    votes_add_up,
    references_are_real,
    json_round_trip_is_exact,
    copy_is_exact,
]
TURN_INVARIANTS: list[Invariant] = [
    clock_never_goes_back,
    moves_are_told,
    money_moves_are_told,
    changes_are_told,
]


def check_state(game: Game) -> None:
    """Every invariant of a state on its own (after any step, undo and restore too)."""
    seen = Seen(game, baseline(game.world))
    for invariant in STATE_INVARIANTS:
        invariant(seen)
    COUNTS["invariant checks"] += len(STATE_INVARIANTS)


def check_turn(game: Game, before: State, events: list[Event], commands: int = 1) -> None:
    """Every invariant, including those across the turn: `before` is a copy of the state
    before it, `events` what it emitted."""
    check_state(game)
    seen = Seen(game, baseline(game.world), before, events, commands)
    for invariant in TURN_INVARIANTS:
        invariant(seen)
    COUNTS["invariant checks"] += len(TURN_INVARIANTS)


def all_invariants() -> list[Invariant]:
    return STATE_INVARIANTS + TURN_INVARIANTS
