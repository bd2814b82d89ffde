"""Noun phrases -> entities: scope, adjectives, pronouns, "all", and "which do you mean".

Candidates are scored the way Inform's "does the player mean" rules score them: every
word must fit the thing, nouns count more than adjectives, and the verb adds its own
preference (you take what is on the ground, you drop what you hold). The player is asked
to choose only when the best candidates tie.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from kage.parser import replies
from kage.parser.grammar import ARTICLES
from kage.world import numbers, query
from kage.world.scope import in_darkness

if TYPE_CHECKING:
    from kage.game import Game
    from kage.world.model import Entity

PRONOUN_WORDS = ("it", "him", "her", "them")
ALL_WORDS = frozenset({"all", "everything", "every", "each"})
EXCEPT_WORDS = frozenset({"except", "but", "excluding", "apart"})
EMPTY: Mapping[str, str] = MappingProxyType({})


# How much a failed reading tells the player; parse() shows the most telling one.
SHAPE = 1  # a known word in the wrong kind of slot ("go wallet")
SCOPE = 2  # every word known, but nothing here fits them
UNKNOWN = 3  # a word the game does not know at all
SCENERY = 4  # words the place's description uses for something not modelled
RANGE = 5  # a number the action does not take ("wait -5 minutes"): understood, refused

IGNORED = frozenset({"of", "one", "ones"})  # "the cups of instant ramen", "the green one"
ORDINALS = {
    "first": 0,
    "1st": 0,
    "second": 1,
    "2nd": 1,
    "third": 2,
    "3rd": 2,
    "fourth": 3,
    "4th": 3,
    "last": -1,
}  # fmt: skip; a plain number ("2", "٢", "two") is read by kage.world.numbers


@dataclass(slots=True)
class Resolved:
    ids: list[str] = field(default_factory=list)
    error: str = ""
    understood: bool = True
    question: dict[str, Any] | None = None
    several: bool = False
    failure: str = ""  # the name of the response the error is

    @property
    def rank(self) -> int:
        return SCOPE if self.understood else UNKNOWN


def strip_articles(phrase: list[str]) -> list[str]:
    return [w for w in phrase if w not in ARTICLES]


def key(phrase: list[str]) -> str:
    """How an answered question remembers the phrase it was about."""
    return " ".join(strip_articles(phrase))


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
    found.append(game.world.player)  # "x me", "examine myself"
    return found


def _fits(words: frozenset[str], phrase: list[str]) -> bool:
    return all(w in words or w in IGNORED for w in phrase) and any(w in words for w in phrase)


def _score(game: Game, entity_id: str, phrase: list[str], slot: str, action: str) -> int:
    ent = game.world.entities[entity_id]
    name = game.lexicon.names[entity_id]
    if not _fits(name.words, phrase):
        return -1
    nouns = sum(1 for w in phrase if w in name.nouns)
    score = nouns * 2 + (len(phrase) - nouns)
    carried = query.is_carried_by(game, entity_id, game.world.player)
    if slot == "held" or action in ("drop", "put_in", "put_on", "give", "wear", "remove"):
        score += 10 if carried else 0
    elif action == "take":
        score += 0 if carried else 10
    if slot == "person":
        score += 10 if ent.kind == "person" else 0
    if ent.kind == "place" and slot != "place":
        score = max(0, score - 5)  # a place is named as a thing only when nothing else fits
    if _meant_for(game, entity_id, action):
        score += 5  # the world gave this verb a meaning for this thing right now
    if _would_change(game, ent, action):
        score += 3  # "close door" means the open one, "unlock door" the locked one
    return score


# action -> (the trait a thing needs for it, the state it changes, the state it makes)
_CHANGES = {
    "open": ("openable", "open", True),
    "close": ("openable", "open", False),
    "lock": ("lockable", "locked", True),
    "unlock": ("lockable", "locked", False),
    "switch_on": ("switchable", "switched_on", True),
    "switch_off": ("switchable", "switched_on", False),
}


def _would_change(game: Game, ent: Entity, action: str) -> bool:
    """Whether the action is one that changes a thing's state and this thing has that
    state to change (a lockable door now unlocked, for "lock")."""
    change = _CHANGES.get(action)
    if change is None:
        return action == "enter" and ent.enterable
    trait, state, made = change
    return bool(getattr(ent, trait)) and bool(query.prop(game, ent.id, state)) != made


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


def unknown_word(game: Game, phrase: list[str]) -> str | None:
    for word in phrase:
        if word not in game.lexicon.words and not numbers.is_number(word):
            return word
    return None


def unknown_reply(game: Game, word: str) -> str:
    shown = word if len(word) <= 40 else word[:40] + "..."
    return replies.UNKNOWN_WORD(game, word=shown)


def _failed(game: Game, reply: replies.Response, **slots: object) -> Resolved:
    return Resolved(error=reply(game, **slots), failure=reply.name)


def _pronoun(game: Game, word: str, candidates: list[str]) -> Resolved:
    meant = [t for t in game.state.pronouns.get(word, "").split(",") if t in game.world.entities]
    present = [t for t in meant if t in candidates]
    ents = game.world.entities
    people_meant = all(ents[t].kind == "person" for t in meant)  # or a person slot:
    asked_for_people = all(ents[c].kind == "person" for c in candidates)
    if not present and word in ("him", "her", "them") and (people_meant or asked_for_people):
        present = _people_here(game, word, candidates)  # not someone left places ago
    if not meant and not present:
        return _failed(game, replies.PRONOUN_UNSET, word=word)
    if not present:
        return _failed(game, replies.PRONOUN_GONE, thing=game.world.entities[meant[0]].the())
    return Resolved(ids=present, several=len(present) > 1)


def _people_here(game: Game, word: str, candidates: list[str]) -> list[str]:
    """Whom "him", "her" or "them" means when the last one so called is not here: the
    one person present it fits; for "them", a group present or everyone present."""
    people = [
        c
        for c in candidates
        if game.world.entities[c].kind == "person"
        and c != game.world.player
        and query.place_of(game, c) == query.here(game)
    ]
    ents = game.world.entities
    if word == "them":
        groups = [p for p in people if ents[p].plural]
        return groups if len(groups) == 1 else people if len(people) > 1 else groups
    fits = [p for p in people if ents[p].gender == word and not ents[p].plural]
    return fits if len(fits) == 1 else []


def described_here(game: Game, phrase: list[str]) -> str | None:
    """The reply for something the place's description mentions but the world does not
    model ("x honeycomb" where a honeycomb hangs from an oak): it is scenery, not a word
    the game has never heard of, and not something missing."""
    words = [w for w in phrase if w not in ARTICLES]
    if not words or in_darkness(game):
        return None  # in the dark nothing is part of any scenery
    here = query.here(game)
    head = words[-1]
    # the place's description, then those of what is in sight ("a sake bottle hides
    # behind the in-tray", says the desk)
    if not any(head in _described(game, e) for e in [here, *query.visible(game)]):
        return None
    return replies.SCENERY(game, words=" ".join(words))


def _described(game: Game, entity: str) -> frozenset[str]:
    """Every word in an entity's descriptions (singular forms too), cached per world."""
    cache = game.world.runtime.setdefault("described_words", {})
    known = cache.get(entity)
    if known is None:
        text = " ".join(v.text for v in game.world.entities[entity].description).lower()
        known = frozenset(re.findall(r"[a-z]+(?:-[a-z]+)*", text))
        known |= frozenset(w[:-1] for w in known if w.endswith("s"))
        cache[entity] = known
    return known


def _nothing_fits(game: Game, slot: str, phrase: list[str]) -> Resolved:
    if slot not in ("place", "person"):
        scenery = described_here(game, phrase)
        if scenery is not None:
            return Resolved(error=scenery, failure=replies.SCENERY.name)
    unknown = unknown_word(game, phrase)
    if unknown is not None:
        return Resolved(
            error=unknown_reply(game, unknown), understood=False, failure=replies.UNKNOWN_WORD.name
        )
    if slot == "place":
        return _failed(game, replies.NO_PLACE)
    if slot == "person":
        return _failed(game, replies.NOBODY)
    return _failed(game, replies.CANT_SEE)


def resolve_one(
    game: Game, slot: str, phrase: list[str], action: str, chosen: Mapping[str, str] = EMPTY
) -> Resolved:
    """One noun phrase -> the thing it means, or a question when the best candidates tie.

    `chosen` holds the answers to earlier questions about this command.
    """
    phrase = strip_articles(phrase)
    if not phrase:
        return _failed(game, replies.BE_SPECIFIC)
    candidates = scope(game, slot)
    picked = chosen.get(key(phrase))
    if picked in candidates:
        return Resolved(ids=[picked])
    if len(phrase) == 1 and phrase[0] in PRONOUN_WORDS:
        return _pronoun(game, phrase[0], candidates)
    if phrase[0] in ALL_WORDS:
        return _failed(game, replies.NO_ALL, word=phrase[0])
    scored = [(s, c) for c in candidates if (s := _score(game, c, phrase, slot, action)) >= 0]
    if not scored and "and" in phrase:
        return _each(game, slot, _split_and(phrase), action, chosen)  # "x wallet and photo"
    if not scored:
        return _nothing_fits(game, slot, phrase)
    best = max(s for s, _ in scored)
    top = _distinct(game, [c for s, c in scored if s == best])
    if len(top) > 1:
        return Resolved(question={"slot": slot, "candidates": top, "words": phrase})
    return Resolved(ids=top)


def _distinct(game: Game, ids: list[str]) -> list[str]:
    """Drop candidates the player could not tell apart anyway (same name)."""
    seen: dict[str, str] = {}
    for entity_id in ids:
        seen.setdefault(game.world.entities[entity_id].name, entity_id)
    return list(seen.values())


def _all(game: Game, action: str, other: str | None) -> list[str]:
    """What "all" means for this verb: what lies here (or in `other`) for take, else what
    the player holds, minus what is worn and minus `other` itself ("put all in the bag")."""
    entities = game.world.entities
    if action == "take":
        pool = query.contents(game, other or query.here(game))
        if other is None:  # from the room: not what is shut away, nor anything in the dark
            seen = set(query.visible(game))
            pool = [e for e in pool if e in seen]
        # (from a thing named, all it holds: the checks say why what is shut in stays)
        return [
            e
            for e in pool
            if entities[e].kind == "thing" and entities[e].portable and not entities[e].scenery
        ]
    return [
        e
        for e in query.contents(game, game.world.player)
        if entities[e].kind == "thing" and not query.prop(game, e, "worn") and e != other
    ]


def resolve_many(
    game: Game,
    phrase: list[str],
    action: str,
    other: str | None = None,
    chosen: Mapping[str, str] = EMPTY,
) -> Resolved:
    """'sword', 'sword and scroll', 'all', 'all except the scroll', 'everything but it'."""
    if phrase and phrase[0] in ALL_WORDS:
        return _resolve_all(game, phrase[1:], action, other, chosen)
    return _each(game, "things", _split_and(phrase), action, chosen)


def _each(
    game: Game, slot: str, parts: list[list[str]], action: str, chosen: Mapping[str, str]
) -> Resolved:
    if not parts:
        return _failed(game, replies.BE_SPECIFIC)
    ids: list[str] = []
    for part in parts:
        got = resolve_one(game, slot, part, action, chosen)
        if not got.ids:
            return got
        ids.extend(i for i in got.ids if i not in ids)
    return Resolved(ids=ids, several=len(parts) > 1 or len(ids) > 1)


def _resolve_all(
    game: Game, rest: list[str], action: str, other: str | None, chosen: Mapping[str, str]
) -> Resolved:
    while rest and rest[0] in ("of", "the", "my", "your"):
        rest = rest[1:]
    exclude: set[str] = set()
    if rest and rest[0] in EXCEPT_WORDS:
        rest = rest[2:] if rest[1:2] in (["for"], ["from"]) else rest[1:]
        for part in _split_and(rest):
            got = resolve_one(game, "thing", part, action, chosen)
            if not got.ids:
                return got
            exclude.update(got.ids)
    elif rest:
        return resolve_many(game, rest, action, other, chosen)  # "all the cups"
    ids = [e for e in _all(game, action, other) if e not in exclude]
    if not ids:
        return _failed(game, replies.NOTHING_FOR_ALL, verb=action.replace("_", " "))
    return Resolved(ids=ids, several=True)


def _split_and(phrase: list[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for word in phrase:
        if word == "and":
            parts.append([])
        else:
            parts[-1].append(word)
    return [p for p in parts if p]


def answer(game: Game, question: dict[str, Any], phrase: list[str]) -> list[str]:
    """The candidates an answer to "Which do you mean" fits: one is a choice, several
    narrow the question, none means the player has moved on to a new command."""
    phrase = [w for w in strip_articles(phrase) if w not in IGNORED]
    candidates = [c for c in question.get("candidates", []) if c in game.lexicon.names]
    if not phrase or not candidates:
        return []
    names = game.lexicon.names
    fitting = [c for c in candidates if all(w in names[c].words for w in phrase)]
    if not fitting and len(phrase) == 1:
        index = _place_in_list(phrase[0], len(candidates))
        if index is not None:
            return [candidates[index]]
    return fitting


def _place_in_list(word: str, count: int) -> int | None:
    """ "second", "2nd", "2" or "two" -> 1: which of `count` candidates an answer names."""
    if word in ORDINALS:
        index = ORDINALS[word]
        return index if -count <= index < count else None
    try:
        return numbers.read(word, 1, count) - 1
    except numbers.NumberError:
        return None


def remember(game: Game, ids: list[str]) -> None:
    """Set 'it', 'him', 'her' and 'them' from what the player just named; a group of
    things is remembered whole as 'them'."""
    if not ids:
        return
    pronouns = game.state.pronouns
    if len(ids) > 1:
        pronouns["them"] = ",".join(ids)
        return
    ent = game.world.entities[ids[0]]
    if ent.kind == "person":
        pronouns[ent.gender if ent.gender in ("him", "her") else "them"] = ent.id
    elif ent.plural:
        pronouns["them"] = ent.id
    else:
        pronouns["it"] = ent.id
