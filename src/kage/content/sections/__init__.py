"""Data sections that systems own (shops, statuses, jutsu ...).

Each module here defines `SECTION` (or a tuple `SECTIONS`): the section's name in world
files, the pydantic model of one entry, and a function that checks references; entries go to
`world.data[name]` as plain dicts. The loader finds the modules by itself, so a new system
adds its data format without touching the core schema.

A section is a list of entries unless it is a `mapping` (``counters: {disturbed: 0}``): then
its model has one field, named like the section, that holds the whole mapping; each key is
checked and stored on its own, and keys are noted as ids of the section's kind.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

if TYPE_CHECKING:
    from kage.content.compile import Builder
    from kage.content.yaml_lines import Located
    from kage.world.model import World

# (builder, world, located, path, entry) -> what `world.data[name]` stores for the entry, or
# None when the section fills the world's own fields instead (`responses`: World.responses)
Build = Callable[["Builder", "World", "Located", tuple[Any, ...], Any], Any]


# What the arguments of system-defined conditions and effects refer to, so the loader can
# check them: kind -> function(arg) -> [(sub-path, "place" | "person" | "entity" | section
# name ..., value)]. Filled by the section modules; read by the loader.
EFFECT_REFS: dict[str, Callable[[Any], list[tuple[tuple[Any, ...], str, Any]]]] = {}
COND_REFS: dict[str, Callable[[Any], list[tuple[tuple[Any, ...], str, Any]]]] = {}


@dataclass(frozen=True)
class Section:
    name: str
    model: type[BaseModel]  # one entry of the section (the section is a list of these)
    check: Callable[[Builder, Located, tuple[Any, ...], Any], None] | None = None
    keyed: bool = True  # entries have an `id` (or, in a mapping, a key) and are stored by it
    mapping: bool = False  # written as `name: {key: value, ...}`, not as a list
    build: Build | None = None  # instead of storing the entry's plain data as written


def all_sections() -> dict[str, Section]:
    found: dict[str, Section] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for section in (getattr(module, "SECTION", None), *getattr(module, "SECTIONS", ())):
            if isinstance(section, Section):
                found[section.name] = section
    return found
