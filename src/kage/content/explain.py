"""Pydantic's validation errors, retold for a writer who has never heard of pydantic.

An error names a path such as ("places", 0, "exits", "north", "ExitModel", "minutes");
the part that names a member of a union ("ExitModel") is dropped, only the union member
that fits what was written is reported, and the message says what to write instead.
"""

from __future__ import annotations

import re
import types
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from kage.content.describe import CONDITION_FIELDS, EFFECT_FIELDS, show, subject
from kage.content.errors import suggest

Loc = tuple[Any, ...]

SHAPES = {
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    list: "a list",
    dict: "a mapping",
}
EXAMPLES = {
    "exits": "the id of a place (north: street) or a mapping (north: {to: street, minutes: 5})",
    "description": "text, or a list of variants each with 'text' (and 'when')",
    "greeting": "text, or a list of variants each with 'text' (and 'when')",
    "text": "text, or a list of variants each with 'text' (and 'when')",
    "name": "text (a place's may be a list of variants each with 'text' and 'when')",
}


def _members(annotation: Any) -> list[Any]:
    if get_origin(annotation) in (Union, types.UnionType):
        return [a for a in get_args(annotation) if a is not type(None)]
    return [annotation]


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _shape(annotation: Any) -> type:
    """The plain Python type a member of a union expects: dict for models."""
    if _is_model(annotation):
        return dict
    origin = get_origin(annotation) or annotation
    return origin if origin in SHAPES else object


def _tag_of(members: list[Any], seg: Any) -> Any:
    """Which union member pydantic's tag `seg` ("ExitModel", "str", "list[...]") names."""
    if not isinstance(seg, str):
        return None
    for member in members:
        name = member.__name__ if isinstance(member, type) else None
        origin = get_origin(member)
        if name == seg or (origin is not None and seg.startswith(f"{origin.__name__}[")):
            return member
    return None


def _child(annotation: Any, seg: Any) -> Any:
    for member in _members(annotation):
        if _is_model(member) and isinstance(seg, str):
            for name, field in member.model_fields.items():
                if seg in (name, field.alias):
                    return field.annotation
        origin, args = get_origin(member), get_args(member)
        if origin is list and args and isinstance(seg, int):
            return args[0]
        if origin is dict and len(args) == 2:
            return args[0] if seg == "[key]" else args[1]
    return Any


Tag = tuple[int, Any, list[Any]]  # (depth in the data, member chosen, all the members)


def resolve(annotation: Any, loc: Loc) -> tuple[Loc, list[Tag], Any]:
    """(the path in the data, the unions passed through, the type at the end)."""
    path: list[Any] = []
    tags: list[Tag] = []
    for seg in loc:
        members = _members(annotation)
        member = _tag_of(members, seg) if len(members) > 1 else None
        if member is not None:
            tags.append((len(path), member, members))
            annotation = member
            continue
        annotation = _child(annotation, seg)
        path.append(seg)
    return tuple(path), tags, annotation


def fields_of(annotation: Any) -> list[str]:
    return [
        field.alias or name
        for member in _members(annotation)
        if _is_model(member)
        for name, field in member.model_fields.items()
    ]


def _get(data: Any, path: Loc) -> Any:
    for seg in path:
        if isinstance(data, dict):
            data = data.get(seg)
        elif isinstance(data, list) and isinstance(seg, int) and 0 <= seg < len(data):
            data = data[seg]
        else:
            return None
    return data


def _fits(value: Any, member: Any) -> bool:
    shape = _shape(member)
    if shape is object:
        return True
    if shape in (int, float) and isinstance(value, bool):
        return False
    if shape is float:
        return isinstance(value, int | float)
    return isinstance(value, shape)


def _wanted(path: Loc, members: list[Any]) -> str:
    key = next((seg for seg in reversed(path) if isinstance(seg, str)), "")
    if len(path) >= 2 and path[-2] == "exits":
        key = "exits"
    if key in EXAMPLES:
        return EXAMPLES[key]
    if key in CONDITION_FIELDS:
        return "a condition such as {flag: name}"
    if key in EFFECT_FIELDS:
        return "a list of effects, each a line such as '- say: ...'"
    words = [SHAPES.get(_shape(m), "something else") for m in members]
    return " or ".join(dict.fromkeys(words))


def explain(data: Any, root: Any, errors: list[Any], base: Loc = ()) -> list[tuple[Loc, str]]:
    """[(path in the file, message)] for pydantic `errors` about `data` (of type `root`),
    whose paths are relative to `base`."""
    found: list[tuple[Loc, str]] = []
    unions: dict[Loc, list[Any]] = {}
    for error in errors:
        path, tags, _ = resolve(root, tuple(error["loc"]))
        if tags:
            depth, member, members = tags[0]
            spot = path[:depth]
            value = _get(data, spot)
            if not any(_fits(value, m) for m in members):
                unions.setdefault(spot, members)
                continue
            if not _fits(value, member):
                continue
        found.append(((*base, *path), _message(data, root, path, error, base)))
    for spot, members in unions.items():
        value = _get(data, spot)
        what = subject(_rebase(data, base), (*base, *spot))
        found.append(
            ((*base, *spot), f"{what} must be {_wanted(spot, members)}, not {show(value)}.")
        )
    return _unique(found)


def _rebase(data: Any, base: Loc) -> Any:
    """`data` placed at `base`, so that describing a path can name the owners above it."""
    for seg in reversed(base):
        data = [None] * seg + [data] if isinstance(seg, int) else {seg: data}
    return data


def _unique(found: list[tuple[Loc, str]]) -> list[tuple[Loc, str]]:
    seen: set[str] = set()
    result = []
    for path, message in found:
        if message not in seen:
            seen.add(message)
            result.append((path, message))
    return result


def _message(data: Any, root: Any, path: Loc, error: Any, base: Loc) -> str:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    full = _rebase(data, base)
    here = (*base, *path)
    if here[-1:] == ("[key]",):
        owner = subject(full, here[:-2])
        return f"{owner} has the key {show(value)}, which must be text; put it in quotes."
    if kind == "missing" and here:
        key = here[-1]
        return f"{subject(full, here[:-1])} has no '{key}', which it needs. Add '{key}: ...'."
    if kind == "extra_forbidden" and here:
        known = fields_of(resolve(root, tuple(error["loc"][:-1]))[2])
        hint = suggest(str(here[-1]), known) or (
            f" The fields it can have are: {', '.join(known)}." if known else ""
        )
        return f"{subject(full, here[:-1])} has an unknown field '{here[-1]}'.{hint}"
    if kind == "string_pattern_mismatch" and here[-1:] == ("id",) and isinstance(value, str):
        fixed = re.sub(r"[^a-z0-9]+", "_", value.lower()).strip("_")
        like = f"'{fixed}'" if re.fullmatch(r"[a-z][a-z0-9_]*", fixed) else "'north_tower'"
        return (
            f"{subject(full, here[:-1])} has an id that will not do: ids use lowercase letters, "
            f"digits and underscores, starting with a letter (like {like})."
        )
    what = subject(full, here)
    if value is None and kind.endswith("_type"):
        if here and isinstance(here[-1], int):
            return f"{what} is empty. Write it after the '- ', or delete the line."
        return f"{what} is empty. Write a value after the ':', or delete the line."
    return f"{what} {_must(kind, value, ctx, here)}"


def _must(kind: str, value: Any, ctx: dict[str, Any], path: Loc) -> str:
    got = show(value)
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"must be a whole number (like 5), not {got}."
    if kind in ("float_parsing", "float_type", "finite_number"):
        return f"must be a number (like 0.5), not {got}."
    if kind in ("bool_parsing", "bool_type"):
        return f"must be true or false, not {got}."
    if kind == "string_type":
        if isinstance(value, list | dict):
            return f"must be text, not {got}."
        return f'must be text, not {got}. Put it in quotes: "{value}".'
    if kind == "list_type":
        return f"must be a list (lines starting with '- ', or [a, b]), not {got}."
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        key = path[-1] if path and isinstance(path[-1], str) else ""
        if len(path) >= 2 and isinstance(path[-1], int) and path[-2] in EFFECT_FIELDS:
            return f"must be an effect such as {{set: {{flag: true}}}}, not {got}."
        if key in CONDITION_FIELDS:
            return f"must be a condition such as {{flag: name}}, not {got}."
        return f"must be a mapping of fields ('name: value' lines), not {got}."
    if kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
        words = {"le": "at most", "ge": "at least", "lt": "less than", "gt": "more than"}
        bounds = [f"{words[k]} {v:g}" for k, v in ctx.items() if k in words]
        return f"must be {bounds[0] if bounds else 'in range'}, not {got}."
    if kind == "literal_error":
        choices = ctx.get("expected", "")
        options = [c.strip().strip("'") for c in str(choices).replace(" or ", ",").split(",")]
        return f"must be one of {choices}, not {got}." + suggest(str(value), options)
    if kind == "string_pattern_mismatch":
        return f"must not be blank, but it is {got}."
    if kind == "too_short":
        return "must not be empty: give at least one entry."
    return f"is {got}, which will not do: {ctx.get('error') or kind.replace('_', ' ')}."
