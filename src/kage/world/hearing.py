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


def _pattern(game: Game) -> tuple[re.Pattern[str] | None, list[str]]:
    """One pattern for every place not known from the start, a named group each, and the
    places by group (built once per world): a reply is scanned once, whatever the map."""
    kept = game.world.runtime.get("hearing")
    if kept is None:
        groups, places = [], []
        for place in game.world.entities.values():
            if place.kind != "place" or place.known or not place.exits:
                continue
            names = [re.escape(p) for p in _phrases(place)]
            spoken = "|".join(f"(?i:{n})" for n in names)
            proper = "|".join(re.escape(w) for w in _proper_words(place))
            either = "|".join(p for p in (spoken, proper) if p)
            if either:
                groups.append(f"(?P<p{len(places)}>{either})")
                places.append(place.id)
        joined = "|".join(groups)
        pattern = re.compile(rf"(?<![\w-])(?:{joined})(?![\w-])") if groups else None
        kept = (pattern, places)
        game.world.runtime["hearing"] = kept
    return kept  # type: ignore[no-any-return]


def hear(game: Game, text: str) -> None:
    """Make known every place the text names that the player did not know of yet."""
    pattern, places = _pattern(game)
    if not text or pattern is None:
        return
    visited = game.state.visited
    for found in pattern.finditer(text):
        group = found.lastgroup
        place = places[int(group[1:])] if group else ""
        if place and place not in visited:
            visited[place] = -1  # heard of, not yet seen (as the `reveal` effect marks it)
            game.emit("revealed", place=place)
