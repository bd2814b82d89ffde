"""`responses`: a world's own words for the engine's named responses.

    responses:
      taking.taken: "You pick up {the noun}."
      going.cant_go:
        - {text: "Blackness, that way.", when: {flag: dark}}
        - text: "You can't go that way."

A name is one the engine declares (`kage.core.responses.RESPONSES`); a text may use the
placeholders every response has ({the noun}, {The second}, {here} ...) and those its
response declares. Both are checked here, so a typo is an error with its line, not a
sentence that shows braces in play.
"""

from __future__ import annotations

import difflib
import importlib
from typing import Any

from pydantic import Field

from kage.content.describe import subject
from kage.content.errors import suggest
from kage.content.schema import Strict, Text, VariantModel
from kage.content.sections import Section
from kage.core.extension import catalog
from kage.core.responses import RESPONSES, STANDARD_SLOTS, Response, placeholders


class ResponsesModel(Strict):
    responses: dict[str, Text] = Field(
        description=(
            "Each response's name and the world's own text for it (or variants with `when`)."
        )
    )


def check_placeholders(
    builder: Any, located: Any, path: tuple[Any, ...], text: str, allowed: tuple[str, ...]
) -> None:
    """Report each {placeholder} in `text` that nothing fills."""
    for slot in placeholders(text):
        # "{The foe}" is the slot "foe" with an article; "{kai}" names an entity by its id
        bare = slot.split(" ", 1)[-1]
        entities = getattr(builder, "ids", {}).get("entity", ())
        if slot in allowed or bare in allowed or bare in entities:
            continue
        close = difflib.get_close_matches(slot, allowed, n=1, cutoff=0.6)
        hint = (
            f" Did you mean {{{close[0]}}}?"
            if close
            else " Placeholders: " + ", ".join(f"{{{a}}}" for a in allowed) + "."
        )
        builder.problem(
            located,
            path,
            f"{subject(located.data, path)} uses the placeholder {{{slot}}}, which nothing "
            f"fills.{hint}",
        )


def _declared(name: str) -> Response | None:
    """The response `name`, wherever it is declared. An extension's are known once its
    modules are imported, so an unknown name imports every extension's first (on the way
    to an error only): whether a name is known must not depend on what ran before."""
    if name not in RESPONSES:
        for manifest in catalog().values():
            for module in manifest.modules:
                importlib.import_module(module)
    return RESPONSES.get(name)


def owner(declared: Response) -> str | None:
    """The extension whose response it is (None: the core's)."""
    parts = declared.module.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["kage", "ext"] else None


def check(builder: Any, located: Any, path: tuple[Any, ...], value: Any) -> None:
    name = path[-1]
    declared = _declared(name)
    if declared is None:
        hint = suggest(name, RESPONSES) or " See `kage rules` for the responses of each action."
        builder.problem(located, path, f"there is no response named '{name}'.{hint}")
        return
    extension = owner(declared)
    if extension is not None and extension not in builder.extensions_used:
        builder.problem(
            located,
            path,
            f"the response '{name}' belongs to the extension '{extension}', which this world "
            f"does not use. Add '{extension}' to the extensions in its world section, or "
            "delete the line.",
        )
        return
    allowed = STANDARD_SLOTS + declared.slots
    if isinstance(value, str):
        check_placeholders(builder, located, path, value, allowed)
        return
    for i, variant in enumerate(value):
        check_placeholders(builder, located, (*path, i, "text"), variant.text, allowed)


def build(builder: Any, world: Any, located: Any, path: tuple[Any, ...], value: Any) -> None:
    """Compile the replacement into World.responses, where the engine looks it up."""
    text: str | list[VariantModel] = value
    world.responses[path[-1]] = builder.variants(located, path, text)


SECTION = Section("responses", ResponsesModel, check, mapping=True, build=build)
