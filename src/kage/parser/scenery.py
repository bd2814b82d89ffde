"""Looking at what a description mentions but the world does not model.

"A sake bottle hides behind the in-tray" makes the bottle something the player can see,
even when the writer gave it no entity of its own. Examining it answers with what the
text already says of it: the sentences of the place's description, or of the things in
sight, that name it. Other verbs still meet "only part of the scenery", and `kage check`
lists such nouns so the writer can give them more.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kage.parser.grammar import ARTICLES
from kage.world import query

if TYPE_CHECKING:
    from kage.game import Game

LOOKING = frozenset({"examine", "read", "look_at"})  # verbs a sentence of text answers
_SENTENCE = re.compile(r"[^.!?]+[.!?]+[\"')\]]*")
MAX_SENTENCES = 2


def sentences_naming(game: Game, phrase: list[str]) -> str | None:
    """The sentences now shown for the place and what is in sight that name the phrase's
    last word (singular or plural), at most two, or None."""
    words = [w for w in phrase if w not in ARTICLES]
    if not words:
        return None
    head = words[-1]
    forms = {head, head + "s", head + "es", head.removesuffix("s"), head.removesuffix("es")}
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms if f) + r")\b", re.I)
    entities = game.world.entities
    found: list[str] = []
    for entity in [query.here(game), *query.visible(game)]:
        if entity not in entities:
            continue
        text = game.pick(entities[entity].description)
        for sentence in _SENTENCE.findall(" ".join(text.split())):
            sentence = sentence.strip()
            if pattern.search(sentence) and sentence not in found:
                found.append(sentence)
    if not found:
        return None
    return " ".join(found[:MAX_SENTENCES])
