"""People a reply names become what "him", "her" and "them" mean.

After "There: the skinny boy, down in the lane of shacks." the player types "follow
him"; after "Josiah Penhale is here." he types "ask him about the bell". So, once a
command is answered, the first person of each pronoun the reply names (by any of their
printed names) who is here becomes that pronoun's meaning, unless the command itself
just named someone for it: what the player said outranks what he read. When it names
several who are here, the one the player is talking with keeps the pronoun. Someone only
talked about ("Barnaby says she did it") is not here and changes nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kage.actions import speech
from kage.parser import nouns, scenery
from kage.world import hearing, query

if TYPE_CHECKING:
    from kage.game import Game
    from kage.world.model import Entity

TOKEN = re.compile(r"[\w-]+")
LEADING = ("the ", "a ", "an ")

Named = tuple[str, str, tuple[str, ...]]  # person, pronoun, names spaced out (lower case)


def _spaced(text: str) -> str:
    return " " + " ".join(TOKEN.findall(text.lower())) + " "


def _names(person: Entity) -> tuple[str, ...]:
    found = []
    known_as = (person.known_as,) if person.known_as else ()  # "the skinny boy"
    for said in (person.name, *person.called, *(v.text for v in person.names), *known_as):
        said = " ".join(said.split()).lower()
        for article in LEADING:
            said = said.removeprefix(article)
        if said.strip():
            found.append(_spaced(said))
    return tuple(dict.fromkeys(found))


def _people(game: Game) -> tuple[dict[str, list[int]], list[Named]]:
    """(first word of a name -> the people it may begin, each person with the pronoun
    that means them and their names), built once per world."""
    kept = game.world.runtime.get("mentions")
    if kept is None:
        index: dict[str, list[int]] = {}
        people: list[Named] = []
        for ent in game.world.entities.values():
            if ent.kind != "person" or ent.id == game.world.player:
                continue
            word = ent.gender if ent.gender in ("him", "her") else "them"
            if ent.plural:
                word = "them"
            names = _names(ent)
            for name in names:
                index.setdefault(name.split()[0], []).append(len(people))
            people.append((ent.id, word, names))
        kept = (index, people)
        game.world.runtime["mentions"] = kept
    return kept  # type: ignore[no-any-return]


def note(game: Game, text: str, named: set[str]) -> None:
    """Let the first person of each pronoun that `text` names be its meaning, except
    for the pronouns in `named` (set by the command's own words this turn)."""
    if not text:
        return
    scenery.hear(game, text)  # "x fish" after the meal is told (parser.scenery)
    _, people = _people(game)
    here = query.here(game)
    found: dict[str, list[str]] = {}
    for i in named_people(game, text):
        person, word, _ = people[i]
        if word in named or query.place_of(game, person) != here:
            continue
        found.setdefault(word, []).append(person)
    talking = (game.state.records.get(speech.LAST) or {}).get("who")
    for several in found.values():
        # a crowd named ("Marta with her netting ... Agnes raps the table"): "her" is
        # still the one the player is talking with, if she is among them
        nouns.remember_pronoun(game, talking if talking in several else several[0])


def named_people(game: Game, text: str) -> tuple[int, ...]:
    """The people (their places in `_people`) the text names, in the order it first
    names each (kept per world by the text: see `hearing.by_text`)."""
    return hearing.by_text(game, "mentions.texts", text, _named_people)  # type: ignore[no-any-return]


def _named_people(game: Game, text: str) -> tuple[int, ...]:
    index, people = _people(game)
    lowered = TOKEN.findall(text.lower())
    candidates = {i for word in set(lowered) for i in index.get(word, ())}
    if not candidates:
        return ()
    spaced = " " + " ".join(lowered) + " "
    found = []
    for i in candidates:
        at = min((p for p in (spaced.find(n) for n in people[i][2]) if p >= 0), default=-1)
        if at >= 0:
            found.append((at, i))
    return tuple(i for _, i in sorted(found))
