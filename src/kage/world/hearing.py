"""Places the player has heard of are places he can head for.

Whatever the player reads (a description, a reply, a companion's remark) is scanned for
the names of places: a place whose name, one of its `called` names, or a proper word of
its name ("Oashisu" in "the edge of Oashisu") appears becomes known, as the `reveal`
effect makes it known, so "go to oashisu" works once someone has said the word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

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


def _full_names(game: Game) -> tuple[str, ...]:
    """Every place's whole names of more than one word, spaced and lower-cased, longest
    first: where a text says one, its words name that place and no other ("Foyer" in
    "Foyer of the Opera House" does not tell of the Foyer Bar)."""
    kept = game.world.runtime.get("hearing.full")
    if kept is None:
        names = {
            spaced
            for place in game.world.entities.values()
            if place.kind == "place"
            for spaced in (_spaced(p.lower()) for p in _phrases(place))
            if len(spaced.split()) > 1
        }
        kept = game.world.runtime["hearing.full"] = tuple(sorted(names, key=len, reverse=True))
    return kept  # type: ignore[no-any-return]


TOKEN = re.compile(r"[\w-]+")  # a name is found only whole: no word character or hyphen beside it


def _spaced(text: str) -> str:
    """The words of a text between single spaces, with a space at each end, so a name
    is found in it with one substring search and only at word boundaries."""
    return " " + " ".join(TOKEN.findall(text)) + " "


Heard = tuple[str, tuple[str, ...], tuple[str, ...]]  # place, names (lower-case), proper words


def _names(game: Game) -> tuple[dict[str, list[int]], list[Heard]]:
    """(the first word of every name, lower-cased -> the places it may begin; each place not
    known from the start with its names spaced out), built once per world: a reply is split
    into words once and only the places whose first words occur in it are looked for, so
    a long reply costs about the same whatever the size of the map."""
    kept = game.world.runtime.get("hearing")
    if kept is None:
        index: dict[str, list[int]] = {}
        places: list[Heard] = []
        for place in game.world.entities.values():
            if place.kind != "place" or place.known or not place.exits:
                continue
            spoken = tuple(s for s in (_spaced(p.lower()) for p in _phrases(place)) if s.strip())
            proper = tuple(s for s in (_spaced(w) for w in _proper_words(place)) if s.strip())
            if not spoken and not proper:
                continue
            for name in {*spoken, *(p.lower() for p in proper)}:
                index.setdefault(name.split()[0], []).append(len(places))
            places.append((place.id, spoken, proper))
        kept = (index, places)
        game.world.runtime["hearing"] = kept
    return kept  # type: ignore[no-any-return]


def hear(game: Game, text: str) -> None:
    """Make known every place the text names that the player did not know of yet, in the
    order the text names them. Names match whatever their case; the proper words of a
    name (Oashisu) only capitalised."""
    if not text:
        return
    visited = game.state.visited
    for place in named_places(game, text):
        if place not in visited:
            visited[place] = -1  # heard of, not yet seen (as the `reveal` effect marks it)
            game.emit("revealed", place=place)


TEXTS_KEPT = 512  # texts remembered per world and per use (descriptions come back often)


def by_text(game: Game, use: str, text: str, work: Callable[[Game, str], Any]) -> Any:
    """`work(game, text)` for a result that depends on the text and the world alone, kept
    per world for the texts met lately: a place described again, a line said again, costs
    one lookup. Never for anything that reads the game's state."""
    kept: dict[str, Any] = game.world.runtime.setdefault(use, {})
    found = kept.get(text)
    if found is None:
        if len(kept) >= TEXTS_KEPT:
            kept.clear()
        found = kept[text] = work(game, text)
    return found


def named_places(game: Game, text: str) -> tuple[str, ...]:
    """The places not known from the start that the text names, in the order it names
    them."""
    return by_text(game, "hearing.texts", text, _named_places)  # type: ignore[no-any-return]


def _named_places(game: Game, text: str) -> tuple[str, ...]:
    index, places = _names(game)
    words, lowered = TOKEN.findall(text), TOKEN.findall(text.lower())
    if len(lowered) != len(words):  # a letter whose lower case splits a word: rare
        lowered = [w.lower() for w in words]
    candidates = {i for word in set(lowered) for i in index.get(word, ())}
    if not candidates:
        return ()
    raw, low = " " + " ".join(words) + " ", " " + " ".join(lowered) + " "
    bare = raw  # the text with every place's whole name blanked, for proper words alone
    for name in _full_names(game):
        at = low.find(name)
        while at >= 0:
            bare = bare[: at + 1] + "_" * (len(name) - 2) + bare[at + len(name) - 1 :]
            at = low.find(name, at + len(name) - 1)
    found = []
    for i in candidates:
        place, spoken, proper = places[i]
        at = [low.find(n) for n in spoken] + [bare.find(w) for w in proper]
        first = min((a for a in at if a >= 0), default=-1)
        if first >= 0:
            found.append((first, i, place))
    return tuple(place for _, _, place in sorted(found))
