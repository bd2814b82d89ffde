"""Extensions: a family of mechanics (trade, captivity, the living world ...) that a world
switches on by naming it in `world.yaml`.

An extension is a package under `kage.ext` whose `__init__` holds a manifest,
``EXTENSION = Extension(...)``: what it depends on, the modules holding its rules and
hooks, the data sections it reads, the conditions and effects it adds (with the shape of
their arguments), the words the player may use for its actions. Importing a manifest
imports nothing else, so a world that does not use an extension pays nothing for it; the
engine of a world is assembled from the manifests it names (`kage.runtime.engine`).

Hooks are marked, not registered: ``@effect("alert")`` or ``@provider("trade.paid")`` puts
a mark on the function, and assembly collects the marks of the modules a world uses.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType
from typing import Any, TypeVar

# What an argument refers to, for the loader's checks: (sub-path, kind, value), where kind
# is "place", "person", "thing", "entity" or a section's name ("shops", "statuses" ...).
Ref = tuple[tuple[Any, ...], str, Any]
Refs = Callable[[Any], list[Ref]]

PACKAGE = "kage.ext"  # where extensions live; found by name, never imported by the core
F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class Arg:
    """The argument a condition or effect takes, as the loader checks it."""

    example: str  # how it is written, e.g. "{alert: mine_camp}"
    types: tuple[type, ...] = ()  # what it may be (str, dict, list ...); () means anything
    keys: tuple[str, ...] = ()  # keys a mapping must have
    refs: Refs | None = None  # what it names, so a typo is found at load time
    span: str = ""  # the key that holds a length of time ("6h", "2d")


@dataclass(frozen=True, slots=True)
class Prop:
    """A property the engine reads on entities (`props: {merchant: forge}`), as the loader
    checks it: an unknown name or a value of the wrong kind is an error with its line."""

    summary: str  # what it does, for a writer
    types: tuple[type, ...]  # what its value may be: bool, int, float, str, list, dict
    kinds: tuple[str, ...] = ("place", "person", "thing")  # the entities it is read on
    refs: str = ""  # the kind of id its value names ("place", "shops" ...), if any


@dataclass(frozen=True)
class Extension:
    """The manifest of one extension."""

    name: str
    summary: str
    depends: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()  # works with these when the world uses them too
    modules: tuple[str, ...] = ()  # dotted names: rules, hooks, conditions and effects
    sections: tuple[str, ...] = ()  # names of the data sections it owns
    content: str = ""  # the module whose SECTION / SECTIONS define those sections
    grammar: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # action -> lines
    # what HELP calls a free-words slot of an action's first line, when it means one kind
    # of thing ("follow {topic}" is shown "follow PERSON", "search for PERSON")
    slot_names: Mapping[str, str] = field(default_factory=dict)  # action -> name
    conditions: Mapping[str, Arg] = field(default_factory=dict)
    effects: Mapping[str, Arg] = field(default_factory=dict)
    providers: tuple[str, ...] = ()  # "{{name:arg}}" slots it fills in text
    handlers: tuple[str, ...] = ()  # "name:arg" scheduled events it runs
    props: Mapping[str, Prop] = field(default_factory=dict)  # what it reads on entities
    # its rules never read the clock (minutes it only stamps on records do not count): a
    # world whose extensions all say so can be searched without the clock (`kage solve`)
    clockless: bool = False


class ExtensionError(ValueError):
    """A world names an extension that does not exist (the message says which)."""


# -- marks -------------------------------------------------------------------------
MARKS = "__kage_marks__"


def mark(kind: str, name: str) -> Callable[[F], F]:
    """A decorator putting (kind, name) on a function, for assembly to collect."""

    def put(func: F) -> F:
        found = list(getattr(func, MARKS, ()))
        found.append((kind, name))
        setattr(func, MARKS, found)
        return func

    return put


def marked(module: ModuleType) -> list[tuple[str, str, Callable[..., Any]]]:
    """(kind, name, function) for every mark on a function the module defines."""
    found = []
    for value in vars(module).values():
        if getattr(value, "__module__", None) != module.__name__:
            continue
        for kind, name in getattr(value, MARKS, ()):
            found.append((kind, name, value))
    return found


# -- finding extensions -----------------------------------------------------------------
@cache
def catalog() -> dict[str, Extension]:
    """Every extension Kage has, by name (their manifests only)."""
    package = importlib.import_module(PACKAGE)
    found: dict[str, Extension] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        manifest = getattr(importlib.import_module(f"{PACKAGE}.{info.name}"), "EXTENSION", None)
        if isinstance(manifest, Extension):
            found[manifest.name] = manifest
    return found


def get(name: str) -> Extension:
    manifest = catalog().get(name)
    if manifest is None:
        known = ", ".join(sorted(catalog()))
        raise ExtensionError(f"there is no extension '{name}' (there are: {known})")
    return manifest


@cache
def resolve(names: tuple[str, ...]) -> tuple[Extension, ...]:
    """The named extensions and all they depend on, each after its dependencies and
    otherwise in the order named. ExtensionError for an unknown name."""
    ordered: list[Extension] = []
    seen: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in seen:
            return
        if name in path:
            raise ExtensionError(f"extensions depend on each other in a circle: {name}")
        manifest = get(name)
        for dependency in manifest.depends:
            visit(dependency, (*path, name))
        seen.add(name)
        ordered.append(manifest)

    for name in names:
        visit(name, ())
    return tuple(ordered)


def owner_of(kind: str, name: str) -> str | None:
    """The extension that declares a section, condition, effect, provider or handler."""
    for manifest in catalog().values():
        table: Iterable[str] = {
            "section": manifest.sections,
            "condition": manifest.conditions,
            "effect": manifest.effects,
            "provider": manifest.providers,
            "handler": manifest.handlers,
            "prop": manifest.props,
        }[kind]
        if name in table:
            return manifest.name
    return None


# -- what arguments refer to (for manifests and the loader's core tables) --------------------
def one(kind: str) -> Refs:
    """An id, or a list of ids, of `kind`: {reveal: market}, {at: [street, market]}."""
    return lambda arg: [((), kind, x) for x in ([arg] if isinstance(arg, str) else arg or [])]


def fields(**kinds: str) -> Refs:
    """Keys of a mapping that name something: fields(who="person")."""
    return lambda arg: [
        ((k,), v, arg[k]) for k, v in kinds.items() if isinstance(arg, dict) and k in arg
    ]


def keys(kind: str) -> Refs:
    """The keys of a mapping are ids of `kind`: {prop: {lamp: {...}}}."""
    return lambda arg: [((k,), kind, k) for k in arg] if isinstance(arg, dict) else []


# the shapes arguments take, for manifests
TEXT: tuple[type, ...] = (str,)
TEXTS: tuple[type, ...] = (str, list)  # a name or a list of names
MAPPING: tuple[type, ...] = (dict,)
FLAG: tuple[type, ...] = (bool,)
NUMBER: tuple[type, ...] = (int, float)
WHOLE: tuple[type, ...] = (int,)
LIST: tuple[type, ...] = (list,)
