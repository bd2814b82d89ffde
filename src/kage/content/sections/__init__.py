"""Data sections that extensions own (shops, statuses, quests ...).

The core's sections are defined by the modules of this package (rules, responses,
counters), and every world may use them. An extension's manifest names its own sections and
the module that defines them. Either way a module defines `SECTION` (or a tuple
`SECTIONS`): the section's name in world files, the pydantic model of one entry, and a
function that checks references; entries go to `world.data[name]` as plain dicts. A world
may use the sections of the extensions it names, so a new extension adds its data format
without touching the core schema.

A section is a list of entries unless it is a `mapping` (``counters: {disturbed: 0}``): then
its model has one field, named like the section, that holds the whole mapping; each key is
checked and stored on its own, and keys are noted as ids of the section's kind.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from kage.core.extension import Extension, ExtensionError, catalog

if TYPE_CHECKING:
    from kage.content.compile import Builder
    from kage.content.yaml_lines import Located
    from kage.world.model import World

# (builder, world, located, path, entry) -> what `world.data[name]` stores for the entry, or
# None when the section fills the world's own fields instead (`responses`: World.responses)
Build = Callable[["Builder", "World", "Located", tuple[Any, ...], Any], Any]


@dataclass(frozen=True)
class Section:
    name: str
    model: type[BaseModel]  # one entry of the section (the section is a list of these)
    check: Callable[[Builder, Located, tuple[Any, ...], Any], None] | None = None
    keyed: bool = True  # entries have an `id` (or, in a mapping, a key) and are stored by it
    mapping: bool = False  # written as `name: {key: value, ...}`, not as a list
    build: Build | None = None  # instead of storing the entry's plain data as written
    singular: str = ""  # what one entry is called in messages (default: the name)


def _defined(module_name: str) -> dict[str, Section]:
    module = importlib.import_module(module_name)
    return {
        section.name: section
        for section in (getattr(module, "SECTION", None), *getattr(module, "SECTIONS", ()))
        if isinstance(section, Section)
    }


def core_sections() -> dict[str, Section]:
    """The sections every world may use: those of this package's modules."""
    found: dict[str, Section] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        found.update(_defined(f"{__name__}.{info.name}"))
    return found


def sections_of(extensions: Iterable[Extension]) -> dict[str, Section]:
    """The sections these extensions own, by name."""
    found: dict[str, Section] = {}
    for extension in extensions:
        if not extension.sections:
            continue
        defined = _defined(extension.content)
        for name in extension.sections:
            if name not in defined:
                raise ExtensionError(f"extension '{extension.name}': no section '{name}'")
            found[name] = defined[name]
    return found


def all_sections() -> dict[str, Section]:
    """The core's sections and every extension's."""
    return {**core_sections(), **sections_of(catalog().values())}
