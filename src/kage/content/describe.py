"""Naming a spot in a world file the way its writer thinks of it.

A path such as ("places", 0, "exits", "north") becomes "exit 'north' of place
'north_tower'", so that messages speak of places, people and exits rather than of list
indices and keys.
"""

from __future__ import annotations

from functools import cache
from typing import Any

SINGULAR = {
    "places": "place",
    "people": "person",
    "things": "thing",
    "interactions": "interaction",
    "bonds": "bond",
    "councils": "council",
    "members": "member",
    "motions": "motion",
    "events": "event",
    "triggers": "trigger",
    "endings": "ending",
    "milestones": "milestone",
    "hints": "hint",
    "hope": "hope line",
    "status": "status entry",
    "topics": "topic",
    "description": "variant",
    "greeting": "variant",
    "text": "variant",
    "hazards": "hazard",
    "shops": "shop",
    "statuses": "status",
    "training": "training",
    "remarks": "remark",
    "quests": "quest",
    "stages": "stage",
    "thefts": "theft",
    "routes": "route",
    "counters": "counter",
    "responses": "response",
    "rules": "rule",
    "action_kinds": "kind of action",
}


def singular(section: Any) -> str | None:
    """What one entry of a section is called: the names above, else what an extension's
    section says of itself; None for a section nobody names."""
    if not isinstance(section, str):
        return None
    return SINGULAR.get(section) or _extension_singulars().get(section)


@cache
def _extension_singulars() -> dict[str, str]:
    from kage.content.sections import all_sections  # the manifests, read once

    return {name: s.singular for name, s in all_sections().items() if s.singular}


# sections written as mappings: what one of their keys names
MAPPINGS = {"counters": "counter", "responses": "response", "action_kinds": "kind of action"}
CONDITION_FIELDS = frozenset({"when", "done", "requires", "where", "distracted"})
EFFECT_FIELDS = frozenset({"effects", "start", "on_leave", "arrive", "foiled_effects"})
LOGIC = frozenset({"all", "any", "not"})
VARIANT_LISTS = frozenset({"description", "greeting", "text"})


def show(value: Any) -> str:
    """A value as a writer would recognise it in a message."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'" if len(value) <= 60 else f"'{value[:57]}...'"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"'{value}'"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _get(node: Any, key: Any) -> Any:
    if isinstance(node, dict):
        return node.get(key)
    if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
        return node[key]
    return None


def _item(section: str, index: int, item: Any) -> str:
    kind = singular(section)
    if kind is None:  # a section this module does not know by name
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            return f"'{section}' entry '{item['id']}'"
        return f"the {ordinal(index + 1)} entry of '{section}'"
    if isinstance(item, dict):
        if isinstance(item.get("id"), str):
            return f"{kind} '{item['id']}'"
        if section == "rules" and isinstance(item.get("name"), str):
            return f"rule '{item['name']}'"
        if section == "members" and isinstance(item.get("who"), str):
            return f"member '{item['who']}'"
        if section == "bonds" and isinstance(item.get("from"), str):
            return f"the bond from '{item['from']}' to '{item.get('to')}'"
    return f"the {ordinal(index + 1)} {kind}"


class _Parts:
    """Names from the outside in; `field` is a plain key not yet folded into a name."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.field: str | None = None

    def fold(self) -> None:
        if self.field is not None:
            self.names.append(f"the {self.field}" if self.field.startswith("'") else self.field)
            self.field = None

    def owner(self) -> str:
        text = ""
        for name in self.names:
            if not text:
                text = name
            elif name.startswith(("condition ", "effect ")) or name.endswith(" effect"):
                text = f"{name} in {text}"
            else:
                text = f"{name} of {text}"
        return text


def _logic(parts: _Parts, rest: tuple[Any, ...], field: str, top: bool = False) -> None:
    """A condition's kind is the first key below `field` that is not all/any/not."""
    kinds = [seg for seg in rest if isinstance(seg, str) and seg not in LOGIC]
    if field != "when" or top:
        parts.field = f"'{field}' section" if top else f"'{field}'"
        parts.fold()
    if kinds:
        parts.names.append(f"condition '{kinds[0]}'")
    elif field == "when":
        parts.field = "'when'"


def _effect(parts: _Parts, rest: tuple[Any, ...], field: str, top: bool = False) -> None:
    if field != "effects" or top:
        parts.field = f"'{field}' section" if top else f"'{field}'"
        parts.fold()
    if not rest or not isinstance(rest[0], int):
        parts.field = f"'{field}'" if field == "effects" and not top else None
        return
    if len(rest) == 1:
        parts.names.append(f"the {ordinal(rest[0] + 1)} effect")
    elif rest[1] == "when":
        parts.names.append(f"the {ordinal(rest[0] + 1)} effect")
        _logic(parts, rest[2:], "when")
    else:
        parts.names.append(f"effect '{rest[1]}'")


def where(data: Any, path: tuple[Any, ...]) -> tuple[str, str | None]:
    """(owner, field): "exit 'north' of place 'street'" and a trailing plain key, if any,
    already quoted ("'minutes'") or worded ("entry 2")."""
    parts = _Parts()
    node = data
    parent: Any = None
    for i, seg in enumerate(path):
        rest = path[i + 1 :]
        if seg in CONDITION_FIELDS and isinstance(seg, str) and parent != "exits":
            _logic(parts, rest, seg, i == 0)
            break
        if seg in EFFECT_FIELDS and isinstance(seg, str) and parent != "exits":
            _effect(parts, rest, seg, i == 0)
            break
        child = _get(node, seg)
        listed = singular(parent) is not None or i == 1
        if isinstance(seg, int) and listed and isinstance(node, list):
            if parent in VARIANT_LISTS:
                parts.fold()
            parts.field = None
            parts.names.append(_item(parent, seg, child))
        elif i == 1 and parent in MAPPINGS and isinstance(node, dict):
            parts.field = None
            parts.names.append(f"{MAPPINGS[parent]} '{seg}'")
        elif parent == "exits" and isinstance(node, dict):
            parts.field = None
            parts.names.append(f"exit '{seg}'")
        elif i == 0:
            parts.field = f"'{seg}' section"
        else:
            parts.fold()
            parts.field = f"entry {seg + 1}" if isinstance(seg, int) else f"'{seg}'"
        parent, node = seg, child
    return parts.owner(), parts.field


def subject(data: Any, path: tuple[Any, ...]) -> str:
    """The spot as the subject of a sentence: "the 'minutes' of exit 'north' of place 'x'"."""
    owner, field = where(data, path)
    if field is None:
        return owner or "this file"
    named = f"the {field}" if field.startswith("'") else field
    return f"{named} of {owner}" if owner else named
