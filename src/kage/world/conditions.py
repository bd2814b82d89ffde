"""Conditions written in world files, and the one function that decides them.

A condition is a small dict, e.g. ``{flag: verdict_heard}``, ``{at: lighthouse}``,
``{not: {has: headband}}`` or ``{all: [...]}``. Several keys in one dict must all hold.
Kinds are marked with `condition`; a world's engine (`kage.core.engine`) collects the core's
and those of the extensions the world uses, once, before play.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from kage.core.extension import mark
from kage.world import query
from kage.world.events import PLAYER_MOVED

if TYPE_CHECKING:
    from kage.game import Game

Check = Callable[["Game", Any], bool]


# the attribute a condition function keeps its `reads` in (see `condition`)
READS = "__kage_reads__"
CHANGES = "__kage_changes__"  # ... and its `changes` (see `condition`)
WAKES = "__kage_wakes__"  # ... and its `wakes`
TIME = "time"  # not an event: what a condition that reads the clock declares it reads


def condition(
    name: str,
    reads: Iterable[str] | None = None,
    changes: Callable[[Game, Any], int] | None = None,
    wakes: Callable[[Any], frozenset[str]] | None = None,
) -> Callable[[Check], Check]:
    """Mark a condition kind. `reads`: the kinds of event after which it may decide
    differently (ops emit one for every change they make), plus TIME if it reads the clock;
    None (the default) when that cannot be said, so it is asked afresh every time. A
    trigger is re-checked only after one of what its condition reads has happened.
    `changes(game, arg)`, for a kind that reads the clock: the first minute from now at
    which the clock alone may change its answer (else: the next minute). `wakes(arg)`:
    narrower than `reads`, the events that may change the answer for that argument
    ("flag:door_open"; see kage.world.events.QUALIFIED)."""

    def put(func: Check) -> Check:
        setattr(func, READS, frozenset(reads) if reads is not None else None)
        setattr(func, CHANGES, changes)
        setattr(func, WAKES, wakes)
        return mark("condition", name)(func)

    return put


def reads_of(kinds: dict[str, Check], cond: dict[str, Any] | None) -> frozenset[str] | None:
    """What a condition reads: the union of its parts' `reads`; None if any part cannot
    say (a chance, or a kind that declares nothing)."""
    found: set[str] = set()
    for key, arg in (cond or {}).items():
        if key in ("all", "any"):
            parts = [reads_of(kinds, c) for c in arg]
        elif key == "not":
            parts = [reads_of(kinds, arg)]
        else:
            parts = [getattr(kinds[key], READS, None)]
        for part in parts:
            if part is None:
                return None
            found |= part
    return frozenset(found)


def holds(game: Game, cond: dict[str, Any] | None) -> bool:
    """Whether the condition holds now. Each condition dict is compiled to a function the
    first time it is asked (see `compiled`); the dict stays the truth."""
    if not cond:
        return True
    cache = game.engine.compiled_conditions
    found = cache.get(id(cond))
    if found is None or found[0] is not cond:
        if len(cache) >= COMPILED_LIMIT:  # conditions made on the fly must not pile up
            cache.clear()
        found = (cond, compiled(game.engine.conditions, cond))
        cache[id(cond)] = found
    return found[1](game)


# how many compiled conditions an engine keeps: far more than any world writes
COMPILED_LIMIT = 20_000

Test = Callable[["Game"], bool]


def compiled(kinds: dict[str, Check], cond: dict[str, Any]) -> Test:
    """One function deciding `cond`, built once: the kinds that only read the state
    directly (flags, where the player is, the clock...) become closures over their
    argument, the rest call their condition function. KeyError for an unknown kind."""
    parts: list[Test] = []
    for key, arg in cond.items():
        check = kinds.get(key)
        if check is None:
            raise KeyError(f"unknown condition '{key}'")
        special = _SPECIAL.get(key)
        if special is not None and kinds[key] is _DEFAULT_KINDS[key]:
            parts.append(special(kinds, arg))
        else:
            parts.append(_calling(check, arg))
    if len(parts) == 1:
        return parts[0]
    return lambda game: all(part(game) for part in parts)


Reads = frozenset[str] | None
# what wakes a condition: the kinds of event after which it may decide differently, and
# the minute from which the clock alone may change it (NEVER: the clock cannot); None:
# nobody can say, so it must be asked every time
Wake = tuple[frozenset[str], float] | None
Explained = Callable[["Game"], tuple[bool, Wake]]
NEVER = math.inf
NOTHING: frozenset[str] = frozenset()


def explained(kinds: dict[str, Check], cond: dict[str, Any] | None) -> Explained:
    """A function deciding `cond` as `compiled` does (the same parts asked, in the same
    order) that also says what wakes a part of it that alone keeps that answer. A
    conjunction found false stays false while one false part does, so what wakes it is
    what wakes that part, not the whole: "at the shack, and the wallet returned" sleeps
    until the player moves, however the clock runs; "after minute 2520" sleeps until then.
    A part that reads the clock wakes at the next minute (the clock never runs back in one
    game: a state set anew drops what was kept). When the part that decided wakes with
    the clock, the parts after it are asked too if they declare what they read (such a
    kind only reads the state), for one that does not."""
    if not cond:
        return _explained_always
    parts = []
    for key, arg in cond.items():
        check = kinds.get(key)
        if check is None:
            raise KeyError(f"unknown condition '{key}'")
        if key in ("all", "any") and check is _DEFAULT_KINDS[key]:
            parts.append(_explained_many(kinds, arg, key == "all"))
        elif key == "not" and check is _not:
            parts.append(_explained_not(explained(kinds, arg) if arg else _explained_always))
        elif key == "time" and check is _time:
            parts.append(_explained_time(arg))
        else:
            test, reads = compiled(kinds, {key: arg}), reads_of(kinds, {key: arg})
            narrow = getattr(check, WAKES, None)
            if narrow is not None:
                reads = narrow(arg)
            parts.append(_explained_leaf(test, reads, getattr(check, CHANGES, None), arg))
    if len(parts) == 1:
        return parts[0]
    return _explained_many(kinds, [{k: v} for k, v in cond.items()], True, parts)


def _explained_always(game: Game) -> tuple[bool, Wake]:
    return True, (NOTHING, NEVER)


def _explained_leaf(
    test: Test, reads: Reads, changes: Callable[[Game, Any], int] | None, arg: Any
) -> Explained:
    if reads is None:
        return lambda game: (bool(test(game)), None)
    if TIME not in reads:
        wake = (reads, NEVER)
        return lambda game: (bool(test(game)), wake)
    events = reads - {TIME}
    if changes is not None:
        return lambda game: (bool(test(game)), (events, changes(game, arg)))
    return lambda game: (bool(test(game)), (events, game.state.minutes + 1))


def _explained_time(arg: dict[str, Any]) -> Explained:
    """{time: ...}: the clock only runs forwards, so the bounds say when it may change."""
    # the first minute at which the lower bounds hold; the first at which the upper fail
    lows, highs = [-NEVER], [NEVER]
    if "min" in arg:
        lows.append(math.ceil(arg["min"]))
    if "above" in arg:
        lows.append(math.floor(arg["above"]) + 1)
    if "max" in arg:
        highs.append(math.floor(arg["max"]) + 1)
    if "below" in arg:
        highs.append(math.ceil(arg["below"]))
    low, high = max(lows), min(highs)

    def explain(game: Game) -> tuple[bool, Wake]:
        now = game.state.minutes
        if compare(now, arg):
            return True, (NOTHING, high)
        return False, (NOTHING, low if now < low else NEVER)

    return explain


def _explained_not(inner: Explained) -> Explained:
    def explain(game: Game) -> tuple[bool, Wake]:
        truth, wake = inner(game)
        return not truth, wake

    return explain


def _explained_many(
    kinds: dict[str, Check],
    conds: list[dict[str, Any]],
    every: bool,
    parts: list[Explained] | None = None,
) -> Explained:
    """`explained` for all (every=True) or any of `conds`: a part that settles it (false
    for all, true for any) decides alone; else every part keeps the answer."""
    found = parts if parts is not None else [explained(kinds, c) for c in conds]
    # whether each part, and every part after it, declares what it reads
    pure = [reads_of(kinds, c) is not None for c in conds]
    for n in range(len(pure) - 2, -1, -1):
        pure[n] = pure[n] and pure[n + 1]
    pure.append(True)
    rows = list(zip(found, pure[1:], strict=True))
    settles = not every

    def explain(game: Game) -> tuple[bool, Wake]:
        best: tuple[bool, Wake] | None = None
        events: set[str] = set()
        until = NEVER
        known = True  # every part so far says what wakes it
        for part, rest_pure in rows:
            truth, wake = part(game)
            if truth is settles:
                if wake is not None and wake[1] == NEVER:
                    return truth, wake
                if best is None or (wake is not None and (best[1] is None or wake[1] > best[1][1])):
                    best = (truth, wake)
                if not rest_pure:
                    return best
            elif best is None and known:
                if wake is None:
                    known = False
                else:
                    events |= wake[0]
                    until = min(until, wake[1])
        if best is not None:
            return best
        return not settles, (frozenset(events), until) if known else None

    return explain


def _calling(check: Check, arg: Any) -> Test:
    return lambda game: check(game, arg)


def _compile_all(kinds: dict[str, Check], arg: list[dict[str, Any]]) -> Test:
    parts = [compiled(kinds, c) if c else _always for c in arg]
    if len(parts) == 2:
        first, second = parts
        return lambda game: first(game) and second(game)
    return lambda game: all(part(game) for part in parts)


def _compile_any(kinds: dict[str, Check], arg: list[dict[str, Any]]) -> Test:
    parts = [compiled(kinds, c) if c else _always for c in arg]
    return lambda game: any(part(game) for part in parts)


def _compile_not(kinds: dict[str, Check], arg: dict[str, Any]) -> Test:
    if not arg:
        return lambda game: False
    inner = compiled(kinds, arg)
    return lambda game: not inner(game)


def _compile_flag(kinds: dict[str, Check], arg: str | dict[str, Any]) -> Test:
    if isinstance(arg, str):
        return lambda game: bool(game.state.flags.get(arg))
    pairs = list(arg.items())
    return lambda game: all(game.state.flags.get(k) == v for k, v in pairs)


def _compile_at(kinds: dict[str, Check], arg: str | list[str]) -> Test:
    if isinstance(arg, str):
        return lambda game: query.here(game) == arg
    places = frozenset(arg)
    return lambda game: query.here(game) in places


def _compile_fired(kinds: dict[str, Check], arg: str) -> Test:
    return lambda game: arg in game.state.fired


def _compile_milestone(kinds: dict[str, Check], arg: str) -> Test:
    return lambda game: arg in game.state.milestones


def _compile_time(kinds: dict[str, Check], arg: dict[str, Any]) -> Test:
    return lambda game: compare(game.state.minutes, arg)


def _always(game: Game) -> bool:
    return True


def said_now(game: Game, variants: list[Any]) -> Any:
    """The variant said now: the first whose condition holds, passing over a `once`
    variant already said; a `once` variant chosen is remembered as said."""
    for variant in variants:
        if variant.once and variant.once in game.state.fired:
            continue
        if holds(game, variant.when):
            if variant.once:
                game.state.fired[variant.once] = game.state.minutes
            return variant
    return None


def compare(value: float, arg: dict[str, Any]) -> bool:
    """{above: a, below: b, min: c, max: d}: each bound given must hold."""
    if "above" in arg and not value > arg["above"]:
        return False
    if "below" in arg and not value < arg["below"]:
        return False
    if "min" in arg and not value >= arg["min"]:
        return False
    return not ("max" in arg and not value <= arg["max"])


@condition("all", reads=())
def _all(game: Game, arg: list[dict[str, Any]]) -> bool:
    """Every condition in the list holds: {all: [{has: lamp}, {at: cellar}]}."""
    return all(holds(game, c) for c in arg)


@condition("any", reads=())
def _any(game: Game, arg: list[dict[str, Any]]) -> bool:
    """At least one condition in the list holds: {any: [{has: lamp}, {has: candle}]}."""
    return any(holds(game, c) for c in arg)


@condition("not", reads=())
def _not(game: Game, arg: dict[str, Any]) -> bool:
    """The condition given does not hold: {not: {flag: door_open}}."""
    return not holds(game, arg)


def _flag_wakes(arg: str | dict[str, Any]) -> frozenset[str]:
    return frozenset(f"flag:{k}" for k in ([arg] if isinstance(arg, str) else arg))


@condition("flag", reads=("flag",), wakes=_flag_wakes)
def _flag(game: Game, arg: str | dict[str, Any]) -> bool:
    """A flag is set (to anything but false or 0), or {flag: {door: open}}: each named flag
    has exactly that value."""
    if isinstance(arg, str):
        return bool(game.state.flags.get(arg))
    return all(game.state.flags.get(k) == v for k, v in arg.items())


def _player_moves(arg: Any) -> frozenset[str]:
    """What reads only where the player is wakes when he (or what he is in) moves."""
    return PLAYER_MOVES


PLAYER_MOVES = frozenset({PLAYER_MOVED, "consumed"})


@condition("at", reads=("moved", "consumed"), wakes=_player_moves)
def _at(game: Game, arg: str | list[str]) -> bool:
    """The player is in the place named, or in one of the places listed."""
    place = query.here(game)
    return place == arg if isinstance(arg, str) else place in arg


@condition("in_zone", reads=("moved", "consumed"), wakes=_player_moves)
def _in_zone(game: Game, arg: str) -> bool:
    """The player's place belongs to the zone named (a place's `zones:`)."""
    return query.in_zone(game, query.here(game), arg)


@condition("has", reads=("moved", "consumed"))
def _has(game: Game, arg: str) -> bool:
    """The player carries the thing (in hand, worn, or inside something carried)."""
    return query.is_carried_by(game, arg, game.world.player)


@condition("wearing", reads=("moved", "consumed", "prop"))
def _wearing(game: Game, arg: str) -> bool:
    """The player carries the thing and wears it."""
    return query.is_carried_by(game, arg, game.world.player) and bool(query.prop(game, arg, "worn"))


@condition("present", reads=("moved", "consumed"))
def _present(game: Game, arg: str) -> bool:
    """The entity is in the player's place (or carried by the player)."""
    return query.place_of(game, arg) == query.here(game)


@condition("holder", reads=("moved", "consumed"))
def _holder(game: Game, arg: dict[str, str]) -> bool:
    """Each thing named is held by, or in, the one given: {holder: {lamp: hero}}."""
    return all(game.state.holder.get(k) == v for k, v in arg.items())


@condition("milestone", reads=("milestone",))
def _milestone(game: Game, arg: str) -> bool:
    """The player has reached the milestone."""
    return arg in game.state.milestones


@condition("fired")
def _fired(game: Game, arg: str) -> bool:
    """The event (of `events:` or `triggers:`) has happened."""
    return arg in game.state.fired


@condition("visited", reads=("moved",), wakes=_player_moves)
def _visited(game: Game, arg: str) -> bool:
    """The player has been to the place at least once."""
    return game.state.visited.get(arg, -1) >= 0


@condition("mood", reads=("mood",))
def _mood(game: Game, arg: dict[str, Any]) -> bool:
    """A person's mood (-100..100; `who` defaults to the player) is above, below, min or max
    the numbers given."""
    who = arg.get("who", game.world.player)
    return compare(query.mood(game, who), arg)


@condition("bond", reads=("bond",))
def _bond(game: Game, arg: dict[str, Any]) -> bool:
    """How much `from` thinks of `to` (the player unless given), -100..100, is above, below,
    min or max the numbers given."""
    return compare(query.bond(game, arg["from"], arg.get("to", game.world.player)), arg)


@condition("time", reads=(TIME,))
def _time(game: Game, arg: dict[str, Any]) -> bool:
    """Minutes since the world's start, e.g. {time: {min: 2880}}."""
    return compare(game.state.minutes, arg)


@condition("money", reads=("money", "moved", "consumed"))
def _money(game: Game, arg: dict[str, Any]) -> bool:
    """The money someone (`who`, default the player) has on them, purse included, compares
    as given (above, below, min, max)."""
    who = arg.get("who", game.world.player)
    total = game.state.money.get(who, 0) + sum(
        game.state.money.get(item, 0) for item in query.carried(game, who)
    )
    return compare(total, arg)


@condition("chance")
def _chance(game: Game, arg: float) -> bool:
    """True with probability `arg`, drawn from the world's seeded generator."""
    return game.random() < float(arg)


# kinds compiled to closures, used only while the engine's table still holds the core's
# own function for the kind (a world or extension never replaces one today, but if it
# did, its function would be called)
_SPECIAL: dict[str, Callable[[dict[str, Check], Any], Test]] = {
    "all": _compile_all,
    "any": _compile_any,
    "not": _compile_not,
    "flag": _compile_flag,
    "at": _compile_at,
    "fired": _compile_fired,
    "milestone": _compile_milestone,
    "time": _compile_time,
}
_DEFAULT_KINDS: dict[str, Check] = {
    "all": _all,
    "any": _any,
    "not": _not,
    "flag": _flag,
    "at": _at,
    "fired": _fired,
    "milestone": _milestone,
    "time": _time,
}
