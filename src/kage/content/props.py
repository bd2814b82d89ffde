"""Checking entities' `props` against what the engine reads: the core's, the extensions'
the world uses (their manifests' `props`) and the world's own (`props:` in its world
section). An unknown name (a typo), a value of the wrong kind, or a property read on
another kind of entity is reported at its line, with what to write instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.content import schema
from kage.content.describe import show
from kage.content.errors import suggest
from kage.content.yaml_lines import Located
from kage.core import props as core_props
from kage.core.extension import Extension, Prop, owner_of
from kage.world.query import STATES

if TYPE_CHECKING:
    from kage.content.refs import References

KIND_WORDS = {"place": "places", "person": "people", "thing": "things"}
# what each kind of entity has as fields of its own, never under `props` (a lamp's light)
FIELDS = {
    "place": frozenset(schema.PlaceModel.model_fields) - {"props"},
    "person": frozenset(schema.PersonModel.model_fields) - {"props"},
    "thing": frozenset(schema.ThingModel.model_fields) - {"props"},
}


def table(extensions: tuple[Extension, ...]) -> dict[str, Prop]:
    """Every property a world with these extensions may write: the core's, then theirs."""
    found = dict(core_props.CORE)
    for extension in extensions:
        found.update(extension.props)
    return found


def stats(props: dict[str, Prop]) -> set[str]:
    """The properties that are numbers on people: what `{stat: {key: ...}}` and training
    may name."""
    return {
        name
        for name, prop in props.items()
        if "person" in prop.kinds and (int in prop.types or float in prop.types)
    }


def own(declared: Any) -> dict[str, Prop]:
    """The world's own properties from its `props:` declaration ({haunted: flag}). One of
    an unknown type (which the schema reports) is taken as anything, so it is not
    reported again wherever it is used."""
    if not isinstance(declared, dict):
        return {}  # the schema reports the shape
    return {
        str(key): Prop(
            "the world's own", core_props.TYPES.get(kind, ()) if isinstance(kind, str) else ()
        )
        for key, kind in declared.items()
    }


def type_words(types: tuple[type, ...]) -> str:
    """What a value of these types is, for a writer: 'a number', 'true or false'."""
    words = {
        bool: "true or false",
        int: "a number",
        float: "a number",
        str: "a text",
        list: "a list",
        dict: "a mapping",
    }
    said = list(dict.fromkeys(words[t] for t in types if t in words))
    if int in types and float not in types:
        said = ["a whole number" if w == "a number" else w for w in said]
    return " or ".join(said) or "anything"


def type_name(value: Any) -> str:
    """The name a world's `props:` declaration would give a value's type."""
    for name, types in core_props.TYPES.items():
        if types and fits(value, types):
            return name
    return "any"


def fits(value: Any, types: tuple[type, ...]) -> bool:
    if not types:
        return True
    if isinstance(value, bool):
        return bool in types
    return isinstance(value, types)


def check(
    refs: References,
    located: Located,
    path: tuple[Any, ...],
    values: Any,
    kind: str | None,
    owner: str,
    written: bool = True,
) -> None:
    """Report what is wrong with the properties `values` of an entity of `kind` (None:
    unknown), at `path`; `owner` names whose they are. `written`: they are in an entity's
    own `props`, where the standard model's fields (open, locked ...) are fields."""
    if not isinstance(values, dict):
        return  # the schema (or the effect's shape) reports it
    for key, value in values.items():
        here = (*path, key)
        message = _problem(refs, key, value, kind, written)
        if message is not None:
            refs.problem(located, here, f"{owner}: {message}")
            continue
        declared = refs.props[key]
        if declared.refs:
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str):  # merchant: true names no shop
                    refs.expect(located, here, declared.refs, item)


def _problem(refs: References, key: Any, value: Any, kind: str | None, written: bool) -> str | None:
    read = refs.props.get(key) if isinstance(key, str) else None
    field = key in FIELDS.get(kind or "", ()) and (read is None or kind not in read.kinds)
    if written and (key in STATES or field):
        if key == "lit" and kind == "place":
            return "'lit' is not written under 'props': a place is lit unless it has 'dark: true'."
        return (
            f"'{key}' is not written under 'props': it is a field of the {kind or 'entity'} "
            f"itself. Write '{key}: {show(value)}' beside 'name'."
        )
    declared = refs.props.get(key) if isinstance(key, str) else None
    if declared is None:
        extension = owner_of("prop", key) if isinstance(key, str) else None
        if extension is not None:
            return (
                f"the property '{key}' comes with the extension '{extension}', which this "
                f"world does not use: add '{extension}' to the 'extensions' list of the world "
                "section, or take the property out."
            )
        hint = suggest(str(key), refs.props)
        return (
            f"unknown property '{key}'.{hint} If it is a property of this world's own, "
            f"declare it in the world section, like props: {{{key}: {type_name(value)}}} "
            f"(types: {', '.join(core_props.TYPES)})."
        )
    if kind is not None and kind not in declared.kinds:
        kinds = " and ".join(KIND_WORDS[k] for k in declared.kinds)
        return (
            f"'{key}' is read only on {kinds}, not on a {kind}: take it out, or move it to "
            "the right entity."
        )
    if not fits(value, declared.types):
        return f"'{key}' must be {type_words(declared.types)}, not {show(value)}."
    if isinstance(value, list) and declared.refs and not all(isinstance(v, str) for v in value):
        return f"'{key}' must be a list of ids, not {show(value)}."
    return None
