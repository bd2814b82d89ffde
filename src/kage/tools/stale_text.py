"""Descriptions that may go stale: `kage check`'s warning for the commonest way prose
contradicts the state.

A place's description that names someone who starts there ("men in chains, working")
goes on saying so after they have run, been freed or been carried off, unless one of its
variants asks about them. The warning names the place, the person and the word, so the
writer can add a variant keyed on them (`{present: ID}`, `{flag: freed.ID}`, a status).
"""

from __future__ import annotations

import re
from typing import Any

from kage.world.model import Variant, World


def _mentions_id(cond: Any, ident: str) -> bool:
    """Whether a condition names the entity anywhere (`present: x`, `freed.x`, `who: x`)."""
    if isinstance(cond, str):
        return cond == ident or cond.endswith("." + ident) or cond.startswith(ident + ".")
    if isinstance(cond, dict):
        return any(_mentions_id(k, ident) or _mentions_id(v, ident) for k, v in cond.items())
    if isinstance(cond, list | tuple):
        return any(_mentions_id(c, ident) for c in cond)
    return False


SMALL = frozenset({"the", "a", "an", "in", "of", "on", "at", "and", "to", "with", "people"})


def _word_in(text: str, words: frozenset[str]) -> str | None:
    found = set(re.findall(r"[a-z][a-z'-]*", text.lower()))
    hits = sorted(w for w in words if w in found)
    return hits[0] if hits else None


def stale_descriptions(world: World) -> list[str]:
    """One line per place description that names a person who starts there and can go or
    change, with no variant whose condition is about them."""
    warnings = []
    for place in world.entities.values():
        if place.kind != "place" or not place.description:
            continue
        variants: list[Variant] = place.description
        for person in world.entities.values():
            if person.kind != "person" or person.id == world.player or person.start != place.id:
                continue
            if any(_mentions_id(v.when, person.id) for v in variants):
                continue
            unkeyed = [v.text for v in variants]
            nouns = frozenset(n for n in person.nouns - person.adjectives if n not in SMALL)
            word = next((w for t in unkeyed if (w := _word_in(t, nouns))), None)
            if word is None:
                continue
            warnings.append(
                f"warning: {place.id}'s description says '{word}', which names {person.name} "
                f"({person.id}), who can leave or change; no variant's `when` asks about "
                f"{person.id} (add one with {{present: {person.id}}} or a flag or status of "
                f"theirs)."
            )
    return warnings
