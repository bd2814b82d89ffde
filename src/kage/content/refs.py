"""Checking what world files refer to: ids, conditions, effects and lengths of time.

Each check reports a problem naming the spot the way its writer thinks of it ("exit 'north'
of place 'hall'") and what would fix it, usually with a did-you-mean.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any

from kage.content import arguments, calendars
from kage.content import props as prop_checks
from kage.content import schema as s
from kage.content.describe import show, singular, subject, where
from kage.content.errors import Problem, suggest
from kage.content.yaml_lines import Located
from kage.core.engine import Engine, assemble
from kage.core.extension import Arg, owner_of
from kage.parser.grammar import DIRECTIONS, SLOTS
from kage.world.clock import TooLong, describe_span, parse_duration, stamp

# What the arguments of conditions and effects refer to: kind -> how to find references.
# Each returns (sub-path, what it must be, value) triples.
Ref = tuple[tuple[Any, ...], str, Any]


def _keys(kind: str) -> Any:
    return lambda arg: [((k,), kind, k) for k in arg] if isinstance(arg, dict) else []


def _one(kind: str) -> Any:
    return lambda arg: [((), kind, x) for x in ([arg] if isinstance(arg, str) else arg or [])]


def _fields(**kinds: str) -> Any:
    return lambda arg: [
        ((k,), v, arg[k]) for k, v in kinds.items() if isinstance(arg, dict) and k in arg
    ]


COND_REFS: dict[str, Any] = {
    "at": _one("place"),
    "visited": _one("place"),
    "has": _one("entity"),
    "wearing": _one("entity"),
    "present": _one("entity"),
    "milestone": _one("milestone"),
    "fired": _one("happening"),
    "in_zone": _one("zone"),
    "mood": _fields(who="person"),
    "bond": _fields(**{"from": "person", "to": "person"}),
    "holder": lambda arg: (
        [((k,), "entity", k) for k in arg] + [((k,), "entity", v) for k, v in arg.items()]
    ),
    "money": _fields(who="entity"),
    "counter": lambda arg: (_one if isinstance(arg, str) else _keys)("counters")(arg),
    "lit": _one("entity"),
    "open": _one("thing"),
    "closed": _one("thing"),
    "locked": _one("thing"),
    "switched_on": _one("thing"),
    "time_of_day": _one("day_part"),
}
EFFECT_REFS: dict[str, Any] = {
    "move": lambda arg: (
        [((k,), "entity", k) for k in arg] + [((k,), "entity", v) for k, v in arg.items()]
    ),
    "prop": _keys("entity"),
    "reveal": _one("place"),
    "milestone": _one("milestone"),
    "happen": _one("event"),
    "cancel": _one("event"),
    "end": _one("ending"),
    "council_vote": _one("motion"),
    "schedule": _fields(event="event"),
    "mood": _fields(who="person"),
    "bond": _fields(**{"from": "person", "to": "person"}),
    "react": _fields(subject="person"),
    "pay": _fields(to="entity"),
    "transfer": _fields(**{"from": "entity", "to": "entity"}),
    "add": _keys("counters"),
    "increment": _one("counters"),
    "light": _one("entity"),
    "darken": _one("entity"),
    **{kind: _one("thing") for kind in ("open", "close", "lock", "unlock")},
    **{kind: _one("thing") for kind in ("switch_on", "switch_off")},
}


def _refs(table: dict[str, Any], key: str, arg: Any) -> list[Ref]:
    finder = table.get(key)
    try:
        return list(finder(arg)) if finder else []
    except (TypeError, AttributeError, KeyError, IndexError, ValueError):
        return []  # a malformed argument: `arguments` reports the core kinds' shapes


# The clock shows years of four digits: nothing in a world may take it past this moment.
LAST_MOMENT = datetime(9999, 12, 31, 23, 59)
DEFAULT_START = datetime(1, 1, 1, 8, 0)  # a world's start_time when it gives none
MINUTES_A_YEAR = 525_960  # 365.25 days
# A did-you-mean for an unknown id compares it with every id of its kind (difflib, some
# 50 us each): 1,400 unknown ids among 3,300 took 4 minutes. So a world gets this many, from
# pools of at most this many ids; past them the message lists a few known ids instead.
SUGGESTIONS = 25
MAX_POOL = 1_000  # Banished has 330 entities

ENTITY_KINDS = ("place", "person", "thing")
WHAT = {
    "entity": "place, person or thing",
    "happening": "event or trigger",
    "day_part": "part of the day",
}
POOLS = {"happening": ("event", "trigger")}  # kinds that may be any of several


class References:
    """Ids noted so far, and the checks of everything that names one."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.where: dict[str, tuple[Located, tuple[Any, ...]]] = {}  # id -> definition
        self.ids: dict[str, set[str]] = {}
        self.ghosts: dict[str, set[str]] = {}  # ids of entries left out for their problems
        self.complete = True  # every file was read whole: an unknown id is a real mistake
        self.start = DEFAULT_START  # the world's start_time, once it is read
        self.suggestions = SUGGESTIONS  # did-you-means left for unknown ids
        self.use(assemble(()))

    def use(self, engine: Engine) -> None:
        """Know the conditions and effects of the core and of the engine's extensions,
        with the shapes of their arguments and what those name."""
        self.extensions_used = frozenset(engine.names)  # with what they depend on
        self.conditions = set(engine.conditions)
        self.effects = set(engine.effects)
        self.props = prop_checks.table(engine.extensions)
        self.ids["stat"] = prop_checks.stats(self.props)
        self.condition_shapes = dict(arguments.CONDITIONS)
        self.effect_shapes = dict(arguments.EFFECTS)
        self.condition_refs = dict(COND_REFS)
        self.effect_refs = dict(EFFECT_REFS)
        self.spans = dict(arguments.SPANS)
        for extension in engine.extensions:
            for shapes, refs, args in (
                (self.condition_shapes, self.condition_refs, extension.conditions),
                (self.effect_shapes, self.effect_refs, extension.effects),
            ):
                for kind, arg in args.items():
                    self._declare(shapes, refs, kind, arg)

    def _declare(self, shapes: dict[str, Any], refs: dict[str, Any], kind: str, arg: Arg) -> None:
        if arg.types:
            shapes[kind] = (arg.types, arg.keys, arg.example)
        if arg.refs is not None:
            refs[kind] = arg.refs
        if arg.span:
            self.spans[kind] = arg.span

    def unknown_kind(self, what: str, key: Any, known: set[str]) -> str:
        """The end of the message for an unknown condition or effect: which extension has
        it, or a did-you-mean."""
        owner = owner_of(what, key) if isinstance(key, str) else None
        if owner is not None:
            return (
                f" It comes with the extension '{owner}', which this world does not use: add "
                f"'{owner}' to the 'extensions' list of the world section."
            )
        return suggest(str(key), known) or f" Known: {few(known)}."

    def problem(self, located: Located, path: tuple[Any, ...], message: str) -> None:
        self.problems.append(Problem(located.file, located.line(path), message))

    def register(self, kind: str, ident: str, located: Located, path: tuple[Any, ...]) -> None:
        shared = ident if kind in ENTITY_KINDS else f"{kind}:{ident}"
        if shared in self.where:
            other, other_path = self.where[shared]
            first = where(other.data, other_path[:-1])[0]
            self.problem(
                located,
                path,
                f"the id '{ident}' is used twice: here and by the {first} at "
                f"{other.file}:{other.line(other_path)}. Ids must be unique; rename one of them.",
            )
            return
        self.where[shared] = (located, path)
        if kind in ENTITY_KINDS:
            self.ids.setdefault("entity", set()).add(ident)
        self.ids.setdefault(kind, set()).add(ident)

    def known(self, kind: str, table: dict[str, set[str]] | None = None) -> set[str]:
        """The ids of a kind noted so far (or, from `table`, left out for their problems)."""
        table = self.ids if table is None else table
        pool: set[str] = set()
        for k in POOLS.get(kind, (kind,)):
            pool |= table.get(k, set())
        return pool

    def expect(self, located: Located, path: tuple[Any, ...], kind: str, value: Any) -> None:
        """Report `value` at `path` unless it is the id of something of `kind`."""
        pool = self.known(kind)
        if isinstance(value, str) and value in pool:
            return
        if isinstance(value, str) and value in self.known(kind, self.ghosts):
            return  # its own problem is reported where it is defined
        if isinstance(value, str) and not self.complete:
            return  # it may be defined in a file that could not be read
        what = WHAT.get(kind) or singular(kind) or kind
        close = ""
        if isinstance(value, str) and self.suggestions > 0 and len(pool) <= MAX_POOL:
            self.suggestions -= 1
            close = suggest(value, pool)
        hint = close or (
            f" Known: {few(pool)}." if pool else f" There is no {what} in this world yet."
        )
        owner, field = where(located.data, path)
        if field is None and owner.startswith("exit "):
            text = f"{owner} leads to {show(value)}, which is not a known {what}."
        elif field is None:
            text = f"{owner or 'this'}: {show(value)} is not a known {what}."
        else:
            text = f"{subject(located.data, path)} is {show(value)}, which is not a known {what}."
        self.problem(located, path, text + hint)

    def check_condition(self, located: Located, path: tuple[Any, ...], cond: Any) -> None:
        if cond is None:
            return
        if not isinstance(cond, dict):
            self.problem(
                located,
                path,
                f"{subject(located.data, path)} must be a condition such as {{flag: name}}, "
                f"not {show(cond)}.",
            )
            return
        for key, arg in cond.items():
            here = (*path, key)
            if key not in self.conditions:
                hint = self.unknown_kind("condition", key, self.conditions)
                self.problem(
                    located, here, f"{_owner(located, path)}unknown condition '{key}'.{hint}"
                )
                continue
            if key in ("all", "any"):
                if not isinstance(arg, list):
                    self.problem(
                        located,
                        here,
                        f"{_owner(located, path)}'{key}' needs a list of conditions, "
                        f"such as {key}: [{{flag: a}}, {{flag: b}}], not {show(arg)}.",
                    )
                    continue
                for i, sub in enumerate(arg):
                    self.check_condition(located, (*here, i), sub)
            elif key == "not":
                self.check_condition(located, here, arg)
            elif not self.fits(located, here, key, arg, self.condition_shapes):
                continue
            elif key == "flag":
                self.check_not_counters(located, here, arg)
            elif key == "between":
                calendars.check_between(self, located, here, arg)
            for sub, kind, value in _refs(self.condition_refs, key, arg):
                self.expect(located, (*here, *sub), kind, value)

    def check_effects(self, located: Located, path: tuple[Any, ...], items: list[Any]) -> None:
        for i, item in enumerate(items):
            if not isinstance(item, dict) or not item:
                self.problem(
                    located,
                    (*path, i),
                    f"{subject(located.data, (*path, i))} must be an effect such as "
                    f"{{set: {{flag: true}}}}, not {show(item)}.",
                )
                continue
            for key, arg in item.items():
                if key == "when":
                    self.check_condition(located, (*path, i, key), arg)
                    continue
                if key not in self.effects:
                    hint = self.unknown_kind("effect", key, self.effects)
                    self.problem(
                        located,
                        (*path, i, key),
                        f"{_owner(located, path)}unknown effect '{key}'.{hint}",
                    )
                    continue
                if not self.fits(located, (*path, i, key), key, arg, self.effect_shapes):
                    continue
                if key == "move":
                    self.check_move(located, (*path, i, key), arg)
                elif key == "prop":
                    self.check_prop_effect(located, (*path, i, key), arg)
                elif key == "set":
                    self.check_set(located, (*path, i, key), arg)
                field = self.spans.get(key)
                if field is not None and isinstance(arg, dict) and field in arg:
                    what = f"the '{field}' of {subject(located.data, (*path, i, key))}"
                    self.duration(located, (*path, i, key, field), arg[field], what)
                for sub, kind, value in _refs(self.effect_refs, key, arg):
                    self.expect(located, (*path, i, key, *sub), kind, value)

    def check_move(self, located: Located, path: tuple[Any, ...], arg: dict[Any, Any]) -> None:
        for thing, to in arg.items():
            if thing == to:
                self.problem(
                    located,
                    (*path, thing),
                    f"{_owner(located, path)}it moves '{thing}' into itself. Nothing can hold "
                    "itself; move it to a place, a person or another thing.",
                )

    def check_prop_effect(
        self, located: Located, path: tuple[Any, ...], arg: dict[Any, Any]
    ) -> None:
        """{prop: {lamp: {lit: true}}}: each property set must be one the world knows."""
        owner = subject(located.data, path[:-1])
        for ident, values in arg.items():
            kind = next((k for k in ENTITY_KINDS if ident in self.ids.get(k, ())), None)
            prop_checks.check(self, located, (*path, ident), values, kind, owner, written=False)

    def check_not_counters(self, located: Located, path: tuple[Any, ...], arg: Any) -> None:
        """A flag condition that names a counter would miss its start value."""
        counters = self.known("counters")
        for name in [arg] if isinstance(arg, str) else list(arg):
            if name in counters:
                self.problem(
                    located,
                    path if isinstance(arg, str) else (*path, name),
                    f"{_owner(located, path)}'{name}' is a counter, not a flag: test it with "
                    f"{{counter: {name}}} (not 0) or {{counter: {{{name}: {{min: 1}}}}}}.",
                )

    def check_set(self, located: Located, path: tuple[Any, ...], arg: dict[Any, Any]) -> None:
        """`set` may give a counter a new value, which must be a whole number."""
        counters = self.known("counters")
        for name, value in arg.items():
            if name in counters and (not isinstance(value, int) or isinstance(value, bool)):
                self.problem(
                    located,
                    (*path, name),
                    f"{_owner(located, path)}'{name}' is a counter, so it must be set to a "
                    f"whole number (like {{set: {{{name}: 0}}}}), not {show(value)}.",
                )

    def fits(
        self, located: Located, path: tuple[Any, ...], kind: str, arg: Any, table: dict[str, Any]
    ) -> bool:
        """Whether a condition's or effect's argument has the shape its kind takes."""
        wrong = arguments.problem(kind, arg, table, self.spans)
        if wrong is not None:
            owner = where(located.data, path)[0]
            self.problem(located, path, f"{owner} {wrong}.")
        return wrong is None

    def duration(
        self, located: Located, path: tuple[Any, ...], value: str | int, what: str = ""
    ) -> int:
        what = what or subject(located.data, path)
        try:
            minutes = parse_duration(value)
        except TooLong as exc:
            self.span(located, path, exc.minutes, value, what)
            return 0
        except ValueError:
            self.problem(
                located,
                path,
                f"{what} is {show(value)}, which is not a length of "
                "time. Write it like '45m', '3h', '2d' or '1d 6h'.",
            )
            return 0
        if minutes < 0:
            self.problem(located, path, f"{what} must not be negative ({value}).")
            return minutes
        self.span(located, path, minutes, value, what)
        return minutes

    def span(
        self, located: Located, path: tuple[Any, ...], minutes: float, value: Any, what: str = ""
    ) -> bool:
        """Report a length of time (in minutes) that, counted from the world's start_time,
        would take the clock past LAST_MOMENT: the clock cannot show it, and no story
        needs it. True if it fits."""
        start = self.start.replace(tzinfo=None)
        room = (LAST_MOMENT - start) // timedelta(minutes=1)
        if math.isfinite(minutes) and minutes <= room:
            return True
        if not math.isfinite(minutes):
            years = "forever"
        elif minutes < MINUTES_A_YEAR:
            years = describe_span(int(minutes))
        else:
            years = f"about {minutes / MINUTES_A_YEAR:,.0f} years"
        self.problem(
            located,
            path,
            f"{what or subject(located.data, path)} is {show(value)} ({years}): counted from "
            f"the world's start_time, {stamp(start, 0)}, that is past the end of the year "
            "9999, the last the clock can show. Make it shorter, or start the world earlier.",
        )
        return False

    def check_refs(self, located: Located, model: s.FileModel) -> None:
        for i, place in enumerate(model.places):
            for direction, way in place.exits.items():
                to = way if isinstance(way, str) else way.to
                self.expect(located, ("places", i, "exits", direction), "place", to)
        for i, person in enumerate(model.people):
            if person.at is not None:
                self.expect(located, ("people", i, "at"), "place", person.at)
        for i, thing in enumerate(model.things):
            self.expect(located, ("things", i, "at"), "entity", thing.at)
        for i, inter in enumerate(model.interactions):
            for key in ("target", "second"):
                value = getattr(inter, key)
                if value is not None:
                    self.expect(located, ("interactions", i, key), "entity", value)
        for i, bond in enumerate(model.bonds):
            self.expect(located, ("bonds", i, "from"), "person", bond.source)
            self.expect(located, ("bonds", i, "to"), "person", bond.to)
        for i, council in enumerate(model.councils):
            for m, member in enumerate(council.members):
                self.expect(located, ("councils", i, "members", m, "who"), "person", member.who)
        for i, motion in enumerate(model.motions):
            self.expect(located, ("motions", i, "council"), "council", motion.council)
            self.expect(located, ("motions", i, "subject"), "person", motion.subject)
            if motion.edict:
                for z, zone in enumerate(motion.edict.zones):
                    self.expect(located, ("motions", i, "edict", "zones", z), "zone", zone)
                self.expect(
                    located, ("motions", i, "edict", "penalty"), "ending", motion.edict.penalty
                )
                if motion.edict.returning:
                    self.expect(
                        located,
                        ("motions", i, "edict", "returning"),
                        "ending",
                        motion.edict.returning,
                    )
                self.duration(located, ("motions", i, "edict", "deadline"), motion.edict.deadline)
                if motion.edict.by is not None:
                    self.duration(located, ("motions", i, "edict", "by"), motion.edict.by)
        for i, event in enumerate(model.events):
            if event.place is not None:
                self.expect(located, ("events", i, "place"), "place", event.place)
        for action, patterns in model.verbs.items():
            for p, pattern in enumerate(patterns):
                words = pattern.split()
                bad = [w for w in words if w.startswith("{") and w.strip("{}") not in SLOTS]
                if not words or words[0].startswith("{"):
                    self.problem(
                        located, ("verbs", action, p), f"pattern '{pattern}' must begin with a word"
                    )
                for w in bad:
                    self.problem(
                        located,
                        ("verbs", action, p),
                        f"unknown slot {w}." + suggest(w.strip("{}"), SLOTS),
                    )


def few(pool: Any) -> str:
    names = sorted(pool)
    return ", ".join(names[:8]) + (" ..." if len(names) > 8 else "") if names else "none yet"


def _owner(located: Located, path: tuple[Any, ...]) -> str:
    return f"{subject(located.data, path)}: "


def bad_direction(place: str, direction: Any) -> str:
    directions = sorted(set(DIRECTIONS.values()))
    if isinstance(direction, str) and direction.lower() in DIRECTIONS:
        full = DIRECTIONS[direction.lower()]
        return f"place '{place}' has an exit '{direction}': write the direction as '{full}'."
    hint = suggest(str(direction), directions) or f" Directions: {', '.join(directions)}."
    return f"place '{place}' has an exit '{direction}', which is not a direction.{hint}"
