"""Descriptions that may go stale: `kage check`'s warning for the commonest way prose
contradicts the state.

A description of a place (or of its scenery) that names someone who starts there ("men in
chains, working") goes on saying so after they have run, been freed or been carried off,
unless one of its variants asks about them: by their id (`{present: x}`, `freed.x`, a
status of theirs), by the place they start in (`{hostiles_down: yard}`), or through a flag
that a trigger sets when such a condition holds (`chamber_cleared`). The warning names the
description, the person and the word, so the writer can add a variant keyed on them.
"""

from __future__ import annotations

import re
from typing import Any

from kage.world.model import Entity, Variant, World

SMALL = frozenset({"the", "a", "an", "in", "of", "on", "at", "and", "to", "with", "people"})


def _names(cond: Any, ident: str) -> bool:
    """Whether a condition names `ident` anywhere (`present: x`, `freed.x`, `who: x`)."""
    if isinstance(cond, str):
        return cond == ident or cond.endswith("." + ident) or cond.startswith(ident + ".")
    if isinstance(cond, dict):
        return any(_names(k, ident) or _names(v, ident) for k, v in cond.items())
    if isinstance(cond, list | tuple):
        return any(_names(c, ident) for c in cond)
    return False


def _flags_in(cond: Any) -> set[str]:
    """The flags a condition tests (`{flag: x}` and `{flag: {x: v}}`)."""
    found: set[str] = set()
    if isinstance(cond, dict):
        for key, arg in cond.items():
            if key == "flag":
                found |= (
                    {arg} if isinstance(arg, str) else set(arg) if isinstance(arg, dict) else set()
                )
            else:
                found |= _flags_in(arg)
    elif isinstance(cond, list | tuple):
        for c in cond:
            found |= _flags_in(c)
    return found


def _setters(world: World) -> dict[str, list[Any]]:
    """flag -> the conditions of the triggers that set it."""
    found: dict[str, list[Any]] = {}
    for trigger in world.triggers:
        for effect in trigger.effects:
            if isinstance(effect, dict) and isinstance(effect.get("set"), dict):
                for flag in effect["set"]:
                    found.setdefault(flag, []).append(trigger.when)
    return found


def _about(cond: Any, idents: tuple[str, ...], setters: dict[str, list[Any]]) -> bool:
    if any(_names(cond, i) for i in idents):
        return True
    return any(
        any(_names(when, i) for i in idents for when in setters.get(flag, []))
        for flag in _flags_in(cond)
    )


def _word_in(text: str, words: frozenset[str]) -> str | None:
    found = {re.sub(r"'s$", "", w) for w in re.findall(r"[a-z][a-z'-]*", text.lower())}
    hits = sorted(w for w in words if w in found)
    return hits[0] if hits else None


def _where(entity: Entity) -> str | None:
    """Where a description is read: the place itself, or the place a scenery thing is in."""
    if entity.kind == "place":
        return entity.id
    if entity.kind == "thing" and entity.scenery and entity.start:
        return entity.start
    return None


def stale_descriptions(world: World) -> list[str]:
    """One line per description of a place (or of its scenery) that names a person who
    starts there and can go or change, with no variant whose condition is about them."""
    setters = _setters(world)
    warnings = []
    for entity in world.entities.values():
        where = _where(entity)
        if where is None or not entity.description:
            continue
        variants: list[Variant] = entity.description
        for person in world.entities.values():
            if person.kind != "person" or person.id == world.player or person.start != where:
                continue
            if any(_about(v.when, (person.id, where), setters) for v in variants):
                continue
            nouns = frozenset(n for n in person.nouns - person.adjectives if n not in SMALL)
            word = next((w for v in variants if (w := _word_in(v.text, nouns))), None)
            if word is None:
                continue
            warnings.append(
                f"warning: {entity.id}'s description says '{word}', which names {person.name} "
                f"({person.id}), who can leave or change; no variant's `when` asks about "
                f"{person.id} (add one with {{present: {person.id}}} or a flag or status of "
                f"theirs)."
            )
    return warnings
