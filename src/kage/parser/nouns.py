"""Noun phrases -> entities: scope, adjectives, pronouns, "all", and "which do you mean".

Candidates are scored the way Inform's "does the player mean" rules score them: every
word must fit the thing, nouns count more than adjectives, and the verb adds its own
preference (you take what is on the ground, you drop what you hold). The player is asked
to choose only when the best candidates tie.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kage.parser.grammar import ARTICLES
from kage.world import query

if TYPE_CHECKING:
    from kage.game import Game

PRONOUN_WORDS = ("it", "him", "her", "them")
ALL_WORDS = frozenset({"all", "everything", "every", "each"})
EXCEPT_WORDS = frozenset({"except", "but", "excluding", "apart"})


@dataclass(slots=True)
class Resolved:
    ids: list[str] = field(default_factory=list)
    error: str = ""
    understood: bool = True
    question: dict[str, Any] | None = None
    several: bool = False


def strip_articles(phrase: list[str]) -> list[str]:
    return [w for w in phrase if w not in ARTICLES]


def scope(game: Game, slot: str) -> list[str]:
    if slot == "place":
        return [
            e.id
            for e in game.world.entities.values()
            if e.kind == "place" and (e.known or e.id in game.state.visited)
        ]
    found = query.visible(game)
    here = query.here(game)
    if here:
        found.append(here)
    return found


def _score(game: Game, entity_id: str, phrase: list[str], slot: str, action: str) -> int:
    ent = game.world.entities[entity_id]
    words = ent.words
    if not all(w in words for w in phrase):
        return -1
    nouns = sum(1 for w in phrase if w in ent.nouns)
    if nouns == 0 and not any(w in ent.adjectives for w in phrase):
        return -1
    score = nouns * 2 + (len(phrase) - nouns)
    player = game.world.player
    carried = query.is_carried_by(game, entity_id, player)
    if slot == "held" or action in ("drop", "put_in", "put_on", "give", "wear", "remove"):
        score += 10 if carried else 0
    elif action == "take":
        score += 0 if carried else 10
    if slot == "person":
        score += 10 if ent.kind == "person" else 0
    if ent.kind == "place" and slot != "place":
        score -= 5  # a place is named as a thing only when nothing else fits
    if _meant_for(game, entity_id, action):
        score += 5  # the world gave this verb a meaning for this thing right now
    return score


def _meant_for(game: Game, entity_id: str, action: str) -> bool:
    from kage.world.conditions import holds

    for inter in game.world.interactions:
        if (
            inter.verb == action
            and inter.target == entity_id
            and inter.when is not None
            and holds(game, inter.when)
        ):
            return True
    return False


def _unknown(game: Game, phrase: list[str]) -> str | None:
    for word in phrase:
        if word not in game.lexicon.words:
            return word
    return None


def _pronoun(game: Game, word: str, candidates: list[str]) -> Resolved:
    target = game.state.pronouns.get(word)
    if target is None:
        return Resolved(error=f"I'm not sure what '{word}' refers to.")
    if target not in candidates:
        name = game.world.entities[target].the()
        return Resolved(error=f"You can't see {name} here.")
    return Resolved(ids=[target])


def resolve_one(game: Game, slot: str, phrase: list[str], action: str) -> Resolved:
    phrase = strip_articles(phrase)
    candidates = scope(game, slot)
    if not phrase:
        return Resolved(error="You'll need to be more specific.")
    if len(phrase) == 1 and phrase[0] in PRONOUN_WORDS:
        return _pronoun(game, phrase[0], candidates)
    scored = [(s, c) for c in candidates if (s := _score(game, c, phrase, slot, action)) >= 0]
    if not scored:
        unknown = _unknown(game, phrase)
        if unknown is not None:
            return Resolved(error=f"I don't know the word '{unknown}'.", understood=False)
        if slot == "place":
            return Resolved(error="You don't know of any such place.")
        if slot == "person":
            return Resolved(error="There is nobody like that here.")
        return Resolved(error="You can't see any such thing.")
    best = max(s for s, _ in scored)
    top = [c for s, c in scored if s == best]
    distinct = _distinct(game, top)
    if len(distinct) > 1:
        return Resolved(question={"slot": slot, "candidates": distinct, "words": phrase})
    return Resolved(ids=[top[0]])


def _distinct(game: Game, ids: list[str]) -> list[str]:
    """Drop candidates the player could not tell apart anyway (same name)."""
    seen: dict[str, str] = {}
    for entity_id in ids:
        seen.setdefault(game.world.entities[entity_id].name, entity_id)
    return list(seen.values())


def _all(game: Game, action: str, container: str | None) -> list[str]:
    player = game.world.player
    entities = game.world.entities
    if action == "take":
        pool = (
            query.contents(game, container) if container else query.contents(game, query.here(game))
        )
        return [
            e
            for e in pool
            if entities[e].kind == "thing" and entities[e].portable and not entities[e].scenery
        ]
    return [
        e
        for e in query.contents(game, player)
        if entities[e].kind == "thing" and not query.prop(game, e, "worn")
    ]


def resolve_many(
    game: Game, phrase: list[str], action: str, container: str | None = None
) -> Resolved:
    """'sword', 'sword and scroll', 'all', 'all except the scroll', 'everything but it'."""
    if phrase and phrase[0] in ALL_WORDS:
        rest = phrase[1:]
        while rest and rest[0] in ("of", "the", "my"):
            rest = rest[1:]
        exclude: set[str] = set()
        if rest and rest[0] in EXCEPT_WORDS:
            rest = rest[1:]
            if rest and rest[0] == "for":
                rest = rest[1:]
            for part in _split_and(rest):
                got = resolve_one(game, "thing", part, action)
                if not got.ids:
                    return got
                exclude.update(got.ids)
        elif rest:
            return resolve_one(game, "thing", phrase, action)
        ids = [e for e in _all(game, action, container) if e not in exclude]
        if not ids:
            return Resolved(error="There is nothing to " + action.replace("_", " ") + ".")
        return Resolved(ids=ids, several=True)
    parts = _split_and(phrase)
    if len(parts) == 1:
        return resolve_one(game, "things", parts[0], action)
    ids: list[str] = []
    for part in parts:
        got = resolve_one(game, "things", part, action)
        if not got.ids:
            return got
        ids.extend(i for i in got.ids if i not in ids)
    return Resolved(ids=ids, several=len(ids) > 1)


def _split_and(phrase: list[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for word in phrase:
        if word == "and":
            parts.append([])
        else:
            parts[-1].append(word)
    return [p for p in parts if p]


def answer(game: Game, question: dict[str, Any], phrase: list[str]) -> str | None:
    """The candidate a one-word (or longer) answer picks out, or None if it is no answer."""
    phrase = strip_articles(phrase)
    if not phrase:
        return None
    matching = []
    for candidate in question["candidates"]:
        ent = game.world.entities.get(candidate)
        if ent is not None and all(w in ent.words for w in phrase):
            matching.append(candidate)
    return matching[0] if len(matching) == 1 else None


def remember(game: Game, ids: list[str]) -> None:
    """Set 'it', 'him', 'her' and 'them' from what the player just named."""
    if not ids:
        return
    pronouns = game.state.pronouns
    if len(ids) > 1:
        pronouns["them"] = ids[0]
        return
    ent = game.world.entities[ids[0]]
    if ent.kind == "person":
        pronouns[ent.gender if ent.gender in ("him", "her") else "them"] = ent.id
    elif ent.plural:
        pronouns["them"] = ent.id
    else:
        pronouns["it"] = ent.id
