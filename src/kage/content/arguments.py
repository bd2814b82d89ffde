"""The shape of what the core conditions and effects take, so that `{mood: 5}` is an error
with its line when the world is loaded, not a crash in the middle of play.

The kinds extensions add are described in their manifests (`kage.core.extension.Arg`).
"""

from __future__ import annotations

from typing import Any

from kage.content.describe import show
from kage.world.clock import TooLong, parse_duration

TEXT = (str,)
TEXTS = (str, list)
MAPPING = (dict,)
NUMBER = (int, float)
COMPARE = ("above", "below", "min", "max")
AMOUNTS = ("amount", "by", "scale", "min_bond")  # keys that hold a number
# the keys that hold one id, by kind (react's `who` may be a list)
SINGLE = {
    "mood": ("who",),
    "bond": ("from", "to"),
    "react": ("subject",),
    "pay": ("to",),
    "transfer": ("from", "to"),
    "money": ("who",),
}
NAMED_KEYS = frozenset({"set", "unset", "flag", "counter", "add", "move", "holder", "prop"})

# kind -> (what it may be, keys it must have, an example of it)
CONDITIONS: dict[str, tuple[tuple[type, ...], tuple[str, ...], str]] = {
    "flag": ((str, dict), (), "{flag: door_open} or {flag: {door: open}}"),
    "at": (TEXTS, (), "{at: street} or {at: [street, market]}"),
    "in_zone": (TEXT, (), "{in_zone: old_town}"),
    "has": (TEXT, (), "{has: lamp}"),
    "wearing": (TEXT, (), "{wearing: cloak}"),
    "present": (TEXT, (), "{present: teuchi}"),
    "holder": (MAPPING, (), "{holder: {lamp: hero}}"),
    "milestone": (TEXT, (), "{milestone: asked_why}"),
    "fired": (TEXT, (), "{fired: bell_rings}"),
    "visited": (TEXT, (), "{visited: market}"),
    "mood": (MAPPING, (), "{mood: {who: hero, below: -40}}"),
    "bond": (MAPPING, ("from",), "{bond: {from: teuchi, min: 20}}"),
    "time": (MAPPING, (), "{time: {min: 2880}}"),
    "money": (MAPPING, (), "{money: {min: 100}}"),
    "chance": (NUMBER, (), "{chance: 0.25}"),
    "counter": ((str, dict), (), "{counter: {disturbed: {min: 2}}} or {counter: {disturbed: 0}}"),
    "dark": ((bool,), (), "{dark: true}"),
    "lit": (TEXT, (), "{lit: cellar}"),
    "open": (TEXT, (), "{open: red_door}"),
    "closed": (TEXT, (), "{closed: red_door}"),
    "locked": (TEXT, (), "{locked: red_door}"),
    "switched_on": (TEXT, (), "{switched_on: lamp}"),
    "time_of_day": (TEXTS, (), "{time_of_day: dusk} or {time_of_day: [evening, night]}"),
    "between": ((list,), (), '{between: ["18:00", "06:00"]} or {between: [dusk, dawn]}'),
}
EFFECTS: dict[str, tuple[tuple[type, ...], tuple[str, ...], str]] = {
    "set": (MAPPING, (), "{set: {door_open: true}}"),
    "unset": (TEXTS, (), "{unset: door_open}"),
    "move": (MAPPING, (), "{move: {lamp: hero}}"),
    "prop": (MAPPING, (), "{prop: {lamp: {lit: true}}}"),
    "say": (TEXT, (), '{say: "The door creaks."}'),
    "pay": (MAPPING, ("to", "amount"), "{pay: {to: teuchi, amount: 80}}"),
    "transfer": (MAPPING, ("from", "to", "amount"), "{transfer: {from: a, to: b, amount: 5}}"),
    "schedule": (MAPPING, ("event",), "{schedule: {event: bell_rings, in: 6h}}"),
    "reveal": (TEXTS, (), "{reveal: market}"),
    "pass_time": (MAPPING, ("span",), "{pass_time: {span: 7d, tell: true}}"),
    "add": (MAPPING, (), "{add: {disturbed: 2}}"),
    "increment": (TEXTS, (), "{increment: disturbed}"),
    "light": (TEXTS, (), "{light: cellar}"),
    "darken": (TEXTS, (), "{darken: cellar}"),
    "open": (TEXTS, (), "{open: red_door}"),
    "close": (TEXTS, (), "{close: red_door}"),
    "lock": (TEXTS, (), "{lock: red_door}"),
    "unlock": (TEXTS, (), "{unlock: red_door}"),
    "switch_on": (TEXTS, (), "{switch_on: lamp}"),
    "switch_off": (TEXTS, (), "{switch_off: lamp}"),
    "milestone": (TEXT, (), "{milestone: asked_why}"),
    "happen": (TEXT, (), "{happen: bell_rings}"),
    "cancel": (TEXT, (), "{cancel: bell_rings}"),
    "end": (TEXT, (), "{end: caught}"),
    "mood": (MAPPING, ("by",), "{mood: {who: innkeeper, by: 10}}"),
    "bond": (MAPPING, ("from", "by"), "{bond: {from: innkeeper, by: 5}}"),
    "react": (MAPPING, ("scale",), "{react: {subject: hero, scale: 0.5, who: [a, b]}}"),
}
SPANS = {"schedule": "in", "pass_time": "span"}  # kind -> its length of time


def _is(value: Any, types: tuple[type, ...]) -> bool:
    if isinstance(value, bool):
        return bool in types
    return isinstance(value, types)


def problem(
    kind: str, arg: Any, table: dict[str, Any], spans: dict[str, str] = SPANS
) -> str | None:
    """What is wrong with the argument of a condition or effect, or None."""
    if kind not in table:
        return None
    types, keys, example = table[kind]
    if not _is(arg, types):
        return f"needs something like {example}, not {show(arg)}"
    if isinstance(arg, list) and not all(isinstance(x, str) for x in arg):
        return f"needs names in its list, like {example}"
    if isinstance(arg, dict):
        missing = [k for k in keys if k not in arg]
        if missing:
            return f"needs '{missing[0]}', like {example}"
        return _details(kind, arg, example, spans)
    return None


def _names(value: Any) -> bool:
    return isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(x, str) for x in value)
    )


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _counter_test(test: Any) -> str | None:
    """What is wrong with one counter's test in {counter: {name: test}}, or None."""
    if _whole(test):
        return None
    if not isinstance(test, dict) or not test:
        return f"needs a whole number or a comparison such as {{min: 2}}, not {show(test)}"
    for key, value in test.items():
        if key not in COMPARE:
            return f"compares with {', '.join(COMPARE)}, not '{key}'"
        if not _is(value, NUMBER):
            return f"needs a number for '{key}', not {show(value)}"
    return None


def _details(kind: str, arg: dict[Any, Any], example: str, spans: dict[str, str]) -> str | None:
    if kind == "counter":
        for name, test in arg.items():
            wrong = _counter_test(test)
            if wrong is not None:
                return f"{wrong} (for counter '{name}'), like {example}"
        return None
    if kind == "add" and not all(_whole(v) for v in arg.values()):
        return f"needs a whole number for each counter, like {example}"
    for key in COMPARE:
        if key in arg and not _is(arg[key], NUMBER):
            return f"needs a number for '{key}', like {example}"
    if kind == "prop" and not all(isinstance(v, dict) for v in arg.values()):
        return f"needs a mapping of properties for each thing, like {example}"
    if kind in NAMED_KEYS:
        return None  # their keys are names the writer chose
    for key in AMOUNTS:
        if key in arg and not _is(arg[key], NUMBER):
            return f"needs a number for '{key}', like {example}"
    for key in SINGLE.get(kind, ()):
        if key in arg and not isinstance(arg[key], str):
            return f"needs one id for '{key}', like {example}, not {show(arg[key])}"
    if kind == "react" and "who" in arg and not _names(arg["who"]):
        return f"needs a name or a list of names for 'who', like {example}"
    field = spans.get(kind)
    if field is not None and field in arg:
        try:
            parse_duration(arg[field])
        except TooLong:
            return None  # a length of time; the checker says how far past the calendar
        except (ValueError, TypeError):
            return f"needs a length of time for '{field}' (like '6h' or '2d'), like {example}"
    return None
