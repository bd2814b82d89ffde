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


WORD = re.compile(r"\w+")


def _patterns(game: Game) -> tuple[dict[str, list[int]], list[tuple[str, re.Pattern[str]]]]:
    """(the first word of every name, lower-cased -> the places it may begin, each place not
    known from the start with one pattern for its names), built once per world: a reply is
    split into words once and only the places whose first words occur in it are searched,
    so a long reply costs the same whatever the size of the map."""
    kept = game.world.runtime.get("hearing")
    if kept is None:
        index: dict[str, list[int]] = {}
        places: list[tuple[str, re.Pattern[str]]] = []
        for place in game.world.entities.values():
            if place.kind != "place" or place.known or not place.exits:
                continue
            spoken, proper = _phrases(place), _proper_words(place)
            either = [f"(?i:{re.escape(p)})" for p in spoken] + [re.escape(w) for w in proper]
            firsts = {WORD.findall(p.lower())[:1][0] for p in (*spoken, *proper) if WORD.search(p)}
            if not either or not firsts:
                continue
            for first in firsts:
                index.setdefault(first, []).append(len(places))
            joined = "|".join(either)
            places.append((place.id, re.compile(rf"(?<![\w-])(?:{joined})(?![\w-])")))
        kept = (index, places)
        game.world.runtime["hearing"] = kept
    return kept  # type: ignore[no-any-return]


def hear(game: Game, text: str) -> None:
    """Make known every place the text names that the player did not know of yet, in the
    order the text names them."""
    if not text:
        return
    index, places = _patterns(game)
    visited = game.state.visited
    candidates = {i for word in set(WORD.findall(text.lower())) for i in index.get(word, ())}
    found = []
    for i in candidates:
        place, pattern = places[i]
        if place not in visited:
            match = pattern.search(text)
            if match is not None:
                found.append((match.start(), i, place))
    for _, _, place in sorted(found):
        visited[place] = -1  # heard of, not yet seen (as the `reveal` effect marks it)
        game.emit("revealed", place=place)
