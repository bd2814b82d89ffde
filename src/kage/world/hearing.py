"""Places the player has heard of are places he can head for.

Whatever the player reads (a description, a reply, a companion's remark) is scanned for
the names of places: a place whose name, one of its `called` names, or a proper word of
its name ("Oashisu" in "the edge of Oashisu") appears becomes known, as the `reveal`
effect makes it known, so "go to oashisu" works once someone has said the word.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kage.world.model import Entity

if TYPE_CHECKING:
    from kage.game import Game

LEADING = ("the ", "a ", "an ")
MIN_PROPER = 3  # shorter capitalised words are too often something else


def _phrases(place: Entity) -> list[str]:
    """The phrases that name a place in running text."""
    found = []
    for said in (place.name, *place.called, *(v.text for v in place.names)):
        said = " ".join(said.split())
        for article in LEADING:
            if said.lower().startswith(article):
                said = said[len(article) :]
        if said:
            found.append(said)
    return found


def _proper_words(place: Entity) -> list[str]:
    """Capitalised words of a place's name, without "'s": Oashisu, Genji."""
    words = [re.sub(r"['\u2019]s$", "", w) for w in re.findall(r"[\w'\u2019]+", place.name)]
    return [w for w in words if w[:1].isupper() and len(w) >= MIN_PROPER]


def _patterns(game: Game) -> list[tuple[str, re.Pattern[str]]]:
    """One pattern per place not known from the start (built once per game)."""
    kept = game.kept.get("hearing")
    if kept is None:
        kept = []
        for place in game.world.entities.values():
            if place.kind != "place" or place.known or not place.exits:
                continue
            names = [re.escape(p) for p in _phrases(place)]
            spoken = "|".join(f"(?i:{n})" for n in names)
            proper = "|".join(re.escape(w) for w in _proper_words(place))
            either = "|".join(p for p in (spoken, proper) if p)
            if either:
                kept.append((place.id, re.compile(rf"(?<![\w-])(?:{either})(?![\w-])")))
        game.kept["hearing"] = kept
    return kept


def hear(game: Game, text: str) -> None:
    """Make known every place the text names that the player did not know of yet."""
    if not text:
        return
    visited = game.state.visited
    for place, pattern in _patterns(game):
        if place not in visited and pattern.search(text):
            visited[place] = -1  # heard of, not yet seen (as the `reveal` effect marks it)
            game.emit("revealed", place=place)
