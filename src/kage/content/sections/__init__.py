"""Data sections that extensions own (shops, statuses, jutsu ...).

An extension's manifest names its sections and the module that defines them, as `SECTION`
(or a tuple `SECTIONS`): the section's name in world files, the pydantic model of one
entry, and a function that checks references; entries go to `world.data[name]` as plain
dicts. A world may use the sections of the extensions it names, so a new extension adds
its data format without touching the core schema.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from kage.core.extension import Extension, ExtensionError, catalog

if TYPE_CHECKING:
    from kage.content.compile import Builder
    from kage.content.yaml_lines import Located
    from kage.world.model import World

Build = Callable[["Builder", "World", "Located", tuple[Any, ...], BaseModel], dict[str, Any]]


@dataclass(frozen=True)
class Section:
    name: str
    model: type[BaseModel]  # one entry of the section (the section is a list of these)
    check: Callable[[Builder, Located, tuple[Any, ...], Any], None] | None = None
    keyed: bool = True  # entries have an `id` and are stored by it


def sections_of(extensions: Iterable[Extension]) -> dict[str, Section]:
    """The sections these extensions own, by name."""
    found: dict[str, Section] = {}
    for extension in extensions:
        if not extension.sections:
            continue
        module = importlib.import_module(extension.content)
        defined = {
            section.name: section
            for section in (getattr(module, "SECTION", None), *getattr(module, "SECTIONS", ()))
            if isinstance(section, Section)
        }
        for name in extension.sections:
            if name not in defined:
                raise ExtensionError(f"extension '{extension.name}': no section '{name}'")
            found[name] = defined[name]
    return found


def all_sections() -> dict[str, Section]:
    """Every extension's sections."""
    return sections_of(catalog().values())
