"""Noun phrases -> entities: scope, adjectives, pronouns, "all", and "which do you mean".

Candidates are scored the way Inform's "does the player mean" rules score them: every
word must fit the thing, nouns count more than adjectives, and the verb adds its own
preference (you take what is on the ground, you drop what you hold). The player is asked
to choose only when the best candidates tie.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from kage.core import prose
from kage.parser import replies, scenery
from kage.parser.grammar import ARTICLES, normal
from kage.world import numbers, query
from kage.world.scope import in_darkness

if TYPE_CHECKING:
    from kage.game import Game
    from kage.world.model import Entity

PRONOUN_WORDS = ("it", "him", "her", "them")
# a possessive before a noun narrows it to what that person holds ("his wallet"); alone
# in a slot for someone it is the person ("cut their chains"); "her" alone stays "her"
POSSESSIVES = {"his": "him", "her": "her", "their": "them", "its": "it", "our": ""}
QUANTIFIERS = frozenset({"both", "other", "another"})
# "a bowl of ramen": how much of it, not what (read past when the whole names nothing)
PARTITIVES = frozenset(
    {"bowl", "cup", "plate", "glass", "bottle", "piece", "slice", "handful", "bit", "mug"}
    | {"jug", "bag", "bunch", "bite", "mouthful", "portion", "serving", "helping", "pinch"}
)  # "both gangsters", "the other one"
LIST_BREAKS = ARTICLES | POSSESSIVES.keys()  # "the knife, the lamp": a second noun
# words after the last noun that add nothing when no reading of the whole fits: "sell the
# tanto again", "calm the prisoner down"
TRAILING = frozenset(
    {"too", "also", "again", "please", "now", "as", "well", "down", "up", "stand", "goodbye"}
)
EARLIER = "+"  # pronouns[word + EARLIER]: what the word meant before, most recent first
LAST = "last"  # pronouns[LAST]: what the player named last, for "the other one"
KEPT = 4  # how many earlier meanings a pronoun keeps
ALL_WORDS = frozenset({"all", "everything", "every", "each"})
# "everything else", "all the rest": all there is, which "all" already leaves the
# container out of
OTHERWISE = frozenset({"else", "rest", "remaining", "other"})
EXCEPT_WORDS = frozenset({"except", "but", "excluding", "apart"})
EMPTY: Mapping[str, str] = MappingProxyType({})


# How much a failed reading tells the player; parse() shows the most telling one.
SHAPE = 1  # a known word in the wrong kind of slot ("go wallet")
SCOPE = 2  # every word known, but nothing here fits them
UNKNOWN = 3  # a word the game does not know at all
SCENERY = 4  # words the place's description uses for something not modelled
RANGE = 5  # a number the action does not take ("wait -5 minutes"): understood, refused

# "the cups of instant ramen", "the green one", "seal the rope back into the scroll", "the
# green bronze thing"
IGNORED = frozenset({"of", "one", "ones", "back", "thing", "object"})
# "the only hook", "the last guard", "the remaining scroll": the one of them the action is
# left for (the parser settles a tie between them by which the action can be done to)
LEFT = frozenset({"only", "lone", "single", "sole", "last", "remaining"})
# "pack my things", "put all the stuff in the bag": all, unless the world names something so
GENERAL = frozenset({"things", "stuff", "belongings", "possessions", "gear", "items", "lot"})
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


# set while the noun being resolved is where something is put ("on the stone"): what
# the player holds is no likelier there than anything else
DESTINATION: ContextVar[bool] = ContextVar("destination", default=False)


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
    found = in_sight(game)
    here = query.here(game)
    if here:
        found.append(here)
    found.append(game.world.player)  # "x me", "examine myself"
    return found


# the parser's kept work (what is in sight, kept while nothing it reads changes; the
# index of the words that name each thing): False works all of it out anew every time,
# which must give the same replies (tests/parser/test_speed_same.py compares the two)
FAST = True


def in_sight(game: Game) -> list[str]:
    """What the player can see and refer to (query.visible), a new list each call. One
    command asks it many times over; it is kept while the state, its dicts and
    `Game.changes` (every move and every prop written) are what they were."""
    state = game.state
    if not FAST or type(state.holder) is not dict:  # stand-ins noting reads: kage.agents
        return query.visible(game)
    kept = game.kept.get("nouns.in_sight")
    if (
        kept is not None
        and kept[0] is state
        and kept[1] is state.holder
        and kept[2] is state.props
        and kept[3] == game.changes
    ):
        return list(kept[4])
    found = query.visible(game)
    game.kept["nouns.in_sight"] = (state, state.holder, state.props, game.changes, tuple(found))
    return found


# verbs whose checks say where a thing packed away is ("It is already sealed in there.",
# "It is sealed in the reserve scroll. Unseal it first."); others cannot reach it
PACKING = frozenset({"take", "put_in", "seal"})


def _packed(game: Game, holder: str, seen: set[str]) -> list[str]:
    """What the holder carries shut away, at any depth, that is not in `seen`: the
    player knows what he packed, though he cannot see it now."""
    packed: list[str] = []
    for entity in query.contents(game, holder):
        if entity not in seen:
            packed.append(entity)
        packed.extend(_packed(game, entity, seen))
    return packed


def _fits(words: frozenset[str], phrase: list[str]) -> bool:
    return all(w in words or w in IGNORED for w in phrase) and any(w in words for w in phrase)


def _score(game: Game, entity_id: str, phrase: list[str], slot: str, action: str) -> int:
    ent = game.world.entities[entity_id]
    name = game.lexicon.names[entity_id]
    if not _fits(name.words, phrase):
        return -1
    nouns = sum(1 for w in phrase if w in name.nouns or w in name.plurals)
    score = nouns * 2 + (len(phrase) - nouns)
    carried = query.is_carried_by(game, entity_id, game.world.player)
    if slot == "held" or action in ("drop", "give", "wear", "remove"):
        score += 10 if carried else 0
    elif action in ("put_in", "put_on") and not DESTINATION.get():
        score += 10 if carried else 0  # what is put, not where: "put it on the stone"
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
    """The first word the game does not know; what every place has (walls, the floor)
    is known everywhere."""
    for word in phrase:
        if word in scenery.COMMONPLACE:
            continue
        if word not in game.lexicon.words and not numbers.is_number(word):
            return word
    return None


def unknown_reply(game: Game, word: str) -> str:
    shown = word if len(word) <= 40 else word[:40] + "..."
    return replies.UNKNOWN_WORD(game, word=shown)


def _failed(game: Game, reply: replies.Response, **slots: object) -> Resolved:
    return Resolved(error=reply(game, **slots), failure=reply.name)


def _pronoun(game: Game, word: str, candidates: list[str], people: bool = False) -> Resolved:
    """What a pronoun means here. For a slot that takes a person, a meaning that is not
    one gives way to one that is ("cut their chains" with "them" still the wallet and
    photo), if there is one."""
    meant = [t for t in game.state.pronouns.get(word, "").split(",") if t in game.world.entities]
    if not meant:
        return _failed(game, replies.PRONOUN_UNSET, word=word)
    entities = game.world.entities
    pool = [c for c in candidates if entities[c].kind == "person"] if people else candidates
    present = (
        [t for t in meant if t in pool]
        or _earlier(game, word, pool)
        or _only_one_here(game, word, pool)
        or [t for t in meant if t in candidates]  # here but no person: the action says so
    )
    if not present:
        return _failed(game, replies.PRONOUN_GONE, thing=prose.the(game, meant[0]))
    return Resolved(ids=present, several=len(present) > 1)


def _earlier(game: Game, word: str, candidates: list[str]) -> list[str]:
    """What the word meant before, if that is still here ("put the ramen in it" once the
    rope it meant has gone into the scroll, and the backpack was named before)."""
    for earlier in game.state.pronouns.get(word + EARLIER, "").split(";"):
        present = [t for t in earlier.split(",") if t in candidates]
        if present:
            return present
    return []


def _only_one_here(game: Game, word: str, candidates: list[str]) -> list[str]:
    """The one person here a 'him' or 'her' can mean, or the one group a 'them' can, when
    what the word last meant is elsewhere: "her" in Oashisu is Kotomi, not Tsunade back
    in the Leaf. Nothing when there are several (then the player hears who is gone)."""
    entities = game.world.entities
    if word == "it":
        return []
    fits = [
        c
        for c in candidates
        if c != game.world.player
        and entities[c].kind != "place"
        and (
            (entities[c].kind == "person" and entities[c].gender == word)
            or (word == "them" and entities[c].plural)
        )
    ]
    return fits if len(fits) == 1 else []


def described_here(game: Game, phrase: list[str], action: str = "") -> str | None:
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
    described = any(head in _described(game, e) for e in [here, *in_sight(game)])
    if not described and action in scenery.LOOKING and head not in game.lexicon.nouns:
        described = head in scenery.heard_words(game)  # "x fish" after the meal was told
    if not described and head not in scenery.COMMONPLACE:
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


def _nothing_fits(game: Game, slot: str, phrase: list[str], action: str = "") -> Resolved:
    if slot not in ("place", "person"):
        scenery = described_here(game, phrase, action)
        if scenery is not None:
            return Resolved(error=scenery, failure=replies.SCENERY.name)
    unknown = unknown_word(game, phrase)
    if unknown is not None:
        return Resolved(
            error=unknown_reply(game, unknown), understood=False, failure=replies.UNKNOWN_WORD.name
        )
    if slot == "place":
        return _failed(game, replies.NO_PLACE)
    absent = _absent_people(game, phrase) if not in_darkness(game) else []
    if absent:  # "x kai", "talk to silas" where they are not: say so (it is an answer)
        return Resolved(error=replies.NOT_HERE(game, people=prose.group(game, absent)))
    if slot == "person":
        return _failed(game, replies.NOBODY)
    if in_darkness(game):  # not a thing missing: the dark hides whatever is there
        return Resolved(error=replies.TOO_DARK(game))
    return _failed(game, replies.CANT_SEE)


MAX_ABSENT = 3  # more people than this fitting the words is no one in particular


def _absent_people(game: Game, phrase: list[str]) -> list[str]:
    """The people elsewhere whom the words name as the player knows them: someone in a
    place he has been, or whom he has had in view ("him" once meant them); by their
    name once he knows it, else only by what he sees them as ("the skinny boy", never
    "Kai" before Kai is named). So the answer gives nothing away: not who anyone is,
    nor where."""
    entities = game.world.entities
    rows, by_word = _people_words(game)
    # only people whom a word of the phrase names one way or the other are looked at
    near = {n for w in phrase for n in by_word.get(w, ())}
    if not near:
        return []
    here = set(scope(game, "person"))
    visited = game.state.visited
    met = {e for meant in game.state.pronouns.values() for e in re.split("[,;]", meant)}
    found = []
    for n in sorted(near):  # in the world's order
        ent_id, words, known = rows[n]
        if ent_id in here:
            continue
        if query.place_of(game, ent_id) not in visited and ent_id not in met:
            continue
        if _fits(words if prose.name_known(game, entities[ent_id]) else known, phrase):
            found.append(ent_id)
    return found if len(found) <= MAX_ABSENT else []


PeopleWords = tuple[list[tuple[str, frozenset[str], frozenset[str]]], dict[str, list[int]]]


def _people_words(game: Game) -> PeopleWords:
    """(id, the words of their name, the words of what they are seen as) for each person
    of the world the lexicon names, in the world's order, and word -> the rows it is in;
    worked out once per world."""
    kept = game.world.runtime.get("nouns.people_words")
    if kept is None or kept[0] is not game.lexicon:
        names = game.lexicon.names
        rows = [
            (
                ent.id,
                names[ent.id].words,
                frozenset(normal(w) for w in ent.known_as.split()) - ARTICLES,
            )
            for ent in game.world.entities.values()
            if ent.kind == "person" and ent.id in names
        ]
        by_word: dict[str, list[int]] = {}
        for n, (_, words, known) in enumerate(rows):
            for word in words | known:
                by_word.setdefault(word, []).append(n)
        kept = (game.lexicon, (rows, by_word))
        game.world.runtime["nouns.people_words"] = kept
    return kept[1]  # type: ignore[no-any-return]


def resolve_one(
    game: Game,
    slot: str,
    phrase: list[str],
    action: str,
    chosen: Mapping[str, str] = EMPTY,
    many: bool = False,
    source: str | None = None,
    listed: bool = False,
) -> Resolved:
    """One noun phrase -> the thing it means, or a question when the best candidates tie.

    `chosen` holds the answers to earlier questions about this command. `many` says the
    command can be carried out on each of several ("tie up the gangsters"): a plural, "all
    the guards" or "both" then mean every one that fits; otherwise the player is asked
    which. `source` is what the player takes from: what it holds may be named even when
    it is out of sight ("take the wallet from kai"), and the checks say why not. `listed`
    says the phrase is one part of a list ("sword, lamp, rope and tin cup"), so
    it may itself be several names whose commas the tokenizer dropped.
    """
    raw, phrase = phrase, strip_articles(phrase)
    if not phrase:
        return _failed(game, replies.BE_SPECIFIC)
    candidates = scope(game, slot)
    if source is not None:
        candidates += [c for c in query.contents(game, source) if c not in candidates]
    picked = chosen.get(key(phrase))
    if picked in candidates:
        return Resolved(ids=[picked])
    if len(phrase) == 2 and phrase[0] in PRONOUN_WORDS and phrase[1] in ("both", "all"):
        phrase = phrase[:1]  # "tie them both up", "take them all"
    if len(phrase) == 1 and phrase[0] in PRONOUN_WORDS:
        return _pronoun(game, phrase[0], candidates, slot == "person")
    if len(phrase) == 1 and POSSESSIVES.get(phrase[0]) and slot == "person":
        return _pronoun(game, POSSESSIVES[phrase[0]], candidates, True)  # "cut their chains"
    if phrase[0] in ALL_WORDS or phrase[0] == "both":
        return _quantified(game, slot, phrase, action, candidates, many)
    said = phrase
    owner: list[str] = [game.world.player] if raw[0] == "my" else []
    if phrase[0] in POSSESSIVES and len(phrase) > 1:
        owner = _owner(game, phrase[0], candidates)
        phrase = strip_articles(phrase[1:])
    left = [w for w in phrase if w not in LEFT]
    if left and len(left) < len(phrase):
        found = resolve_one(game, slot, left, action, chosen, many, source, listed)
        if found.question is not None:
            found.question["left"] = True  # which is left: settled by what can be done
        return found
    if "other" in phrase or "another" in phrase:
        rest = [w for w in phrase if w not in ("other", "another") and w not in IGNORED]
        return _other(game, slot, rest, action, candidates, phrase)
    scored, plural = _matches(game, candidates, phrase, slot, action)
    if not scored and action in PACKING and slot in ("held", "things"):  # "seal the rope
        # in the scroll" when it is in there; never a container sealed away as the target
        packed = _packed(game, game.world.player, set(candidates))
        scored, plural = _matches(game, packed, phrase, slot, action)
    if not scored:
        scored, owner = _owned(game, candidates, phrase, slot, action)  # "the boy's wallet"
    if owner:
        mine = [(s, c) for s, c in scored if _held_by(game, c, owner)]
        scored = mine or scored
    if not scored and "and" in phrase:
        parts = _list_parts(raw)
        return _each(game, slot, parts, action, chosen, many, source)  # "x wallet and photo"
    parts = _list_parts(raw)
    if not scored and len(parts) == 1 and listed:  # "sword, lamp, rope and ..."
        parts = _segments(game, candidates, phrase)
    if not scored and len(parts) > 1:  # "the knife the lamp": a list without "and"
        listed = _each(game, slot, parts, action, chosen, many, source)
        if listed.ids or listed.question:
            return listed
    if slot == "person" and any(game.world.entities[c].kind == "person" for _, c in scored):
        scored = [(s, c) for s, c in scored if game.world.entities[c].kind == "person"]
    if not scored and slot == "person":
        scored = _loosely(game, candidates, phrase)  # "the sleeping gangster"
    if not scored and len(phrase) > 2 and phrase[0] in PARTITIVES and phrase[1] == "of":
        return resolve_one(game, slot, phrase[2:], action, chosen, many, source, listed)
    if not scored:
        located = _located(game, slot, raw, action, chosen, many, source)
        if located is not None:
            return located
        return _nothing_fits(game, slot, phrase, action)
    if plural:
        return _several(game, slot, said, _every(game, scored, slot, action), many)
    best = max(s for s, _ in scored)
    top = _distinct(game, [c for s, c in scored if s == best])
    if len(top) > 1:
        return Resolved(question={"slot": slot, "candidates": top, "words": said})
    return Resolved(ids=top)


# words that open a phrase saying where a thing is or what it holds: "the writing in the
# sawdust", "the scroll full of loot" ("with" names a tool: "take the cup with the key")
WHERE = frozenset({"in", "on", "inside", "under", "beside", "behind", "near", "by", "at", "upon"})
HOLDING = frozenset({"full", "containing", "holding", "filled"})


def _located(
    game: Game,
    slot: str,
    raw: list[str],
    action: str,
    chosen: Mapping[str, str],
    many: bool,
    source: str | None,
) -> Resolved | None:
    """What the words before "in the sawdust" or "on the nail" name, when the whole
    names nothing and the rest says only where it is (words the game knows); None if
    that names nothing either."""
    for cut in range(len(raw) - 2, 0, -1):
        if raw[cut] == "with" and slot == "person":  # "the guard with the scar"
            found = resolve_one(game, slot, raw[:cut], action, chosen, many, source)
            tail = [w for w in strip_articles(raw[cut + 1 :]) if w not in IGNORED]
            if found.question is not None and tail:
                featured = _with_feature(game, found.question["candidates"], tail)
                if len(featured) == 1:
                    return Resolved(ids=featured)
            if found.ids and tail and _with_feature(game, found.ids, tail) == found.ids:
                return found
            continue
        if raw[cut] not in WHERE | HOLDING:
            continue
        where = [w for w in strip_articles(raw[cut + 1 :]) if w not in ("of", "with")]
        if not where or not all(_known_here(game, w) for w in where):
            continue
        found = resolve_one(game, slot, raw[:cut], action, chosen, many, source)
        if found.question is not None and raw[cut] in HOLDING:
            holding = [c for c in found.question["candidates"] if _holds(game, c, where)]
            if len(holding) == 1:  # "the scroll full of loot": the one the loot names
                return Resolved(ids=holding)
        if found.ids or found.question is not None:
            return found
    return None


def _known_here(game: Game, word: str) -> bool:
    """A word the game knows, or one every place has ("the hook on the wall")."""
    return word in game.lexicon.words or word in scenery.COMMONPLACE


def _with_feature(game: Game, people: list[str], words: list[str]) -> list[str]:
    """Of several people, those whose descriptions use the words ("the guard with the
    scar": the scarred guard)."""
    return [c for c in people if all(_described_as(game, c, w) for w in words)]


def _holds(game: Game, entity: str, words: list[str]) -> bool:
    """Whether the words name the thing or something in it."""
    names = game.lexicon.names
    held = [entity, *query.contents(game, entity)]
    return any(e in names and _fits(names[e].words, words) for e in held)


def _loosely(game: Game, candidates: list[str], phrase: list[str]) -> list[tuple[int, str]]:
    """People are described in many ways: when no one here fits every word ("my old
    teacher", "the sleeping gangster"), the one person here the last word names is
    meant, if there is exactly one."""
    names = game.lexicon.names
    entities = game.world.entities
    head = phrase[-1]
    fits = [
        c
        for c in candidates
        if entities[c].kind == "person"
        and c != game.world.player
        and c in names
        and head in names[c].nouns
    ]
    if len(fits) > 1:  # "the bearded miner": the one whose description says so
        rest = [w for w in phrase[:-1] if w not in ARTICLES]
        fits = [c for c in fits if rest and all(_described_as(game, c, w) for w in rest)]
    return [(0, fits[0])] if len(fits) == 1 else []


def _described_as(game: Game, entity: str, word: str) -> bool:
    """Whether the entity's description uses the word, or a word made from the same
    stem ("bearded": a beard; "sleeping": asleep)."""
    described = _described(game, entity)
    stems = {word, word.removesuffix("ed"), word.removesuffix("ing"), word.removesuffix("d")}
    if any(s in described for s in stems):
        return True
    return any(len(s) >= 4 and any(s in d for d in described) for s in stems)


def _matches(
    game: Game, candidates: list[str], phrase: list[str], slot: str, action: str
) -> tuple[list[tuple[int, str]], bool]:
    """The candidates the words fit, scored, and whether the phrase is a plural that
    means all of them. A thing the world names with that very word ("the miners", a
    group) is meant before the several things it is the plural of."""
    if FAST:  # only what some word names: _score says -1 to every other
        named = _named_by(game)
        fit: set[str] = set()
        for w in phrase:
            fit |= named.get(w, _NONE)
        candidates = [c for c in candidates if c in fit]
    scored = [(s, c) for c in candidates if (s := _score(game, c, phrase, slot, action)) >= 0]
    names = game.lexicon.names
    plural = {c for _, c in scored if _plurally(names[c].nouns, names[c].plurals, phrase)}
    if plural and len(plural) < len(scored):
        return [(s, c) for s, c in scored if c not in plural], False
    return scored, bool(plural)


_NONE: frozenset[str] = frozenset()


def _named_by(game: Game) -> dict[str, frozenset[str]]:
    """Word -> the entities whose name has it, worked out once per lexicon."""
    kept = game.world.runtime.get("nouns.named_by")
    if kept is None or kept[0] is not game.lexicon:
        found: dict[str, set[str]] = {}
        for entity, name in game.lexicon.names.items():
            for word in name.words:
                found.setdefault(word, set()).add(entity)
        kept = (game.lexicon, {w: frozenset(es) for w, es in found.items()})
        game.world.runtime["nouns.named_by"] = kept
    return kept[1]  # type: ignore[no-any-return]


def _plurally(nouns: frozenset[str], plurals: frozenset[str], phrase: list[str]) -> bool:
    return any(w in plurals for w in phrase) and not any(w in nouns for w in phrase)


def _every(game: Game, scored: list[tuple[int, str]], slot: str, action: str) -> list[str]:
    """All the candidates a plural fits, as "all" would pick among them: what is not yet
    held for take, what is held for drop, and never the player or the place."""
    entities = game.world.entities
    ids = [
        c
        for _, c in scored
        if slot == "place" or (c != game.world.player and entities[c].kind != "place")
    ]
    player = game.world.player
    if action == "take":
        ids = [c for c in ids if not query.is_carried_by(game, c, player)] or ids
    elif slot == "held" or action in ("drop", "put_in", "put_on", "give", "wear", "remove"):
        ids = [c for c in ids if query.is_carried_by(game, c, player)] or ids
    return ids


def _several(game: Game, slot: str, said: list[str], ids: list[str], many: bool) -> Resolved:
    """Several things meant at once: each of them when the verb takes several, else the
    question which one."""
    if not ids:
        return _nothing_fits(game, slot, said)
    if len(ids) == 1 or many and slot != "place":
        return Resolved(ids=ids, several=len(ids) > 1)
    top = _distinct(game, ids)
    if len(top) == 1:
        return Resolved(ids=top)
    return Resolved(question={"slot": slot, "candidates": top, "words": said})


def _quantified(
    game: Game, slot: str, phrase: list[str], action: str, candidates: list[str], many: bool
) -> Resolved:
    """'all the guards', 'every guard', 'both gangsters', 'both' in a slot for one thing
    or person: every one that fits, when the verb can be done to each in turn."""
    word, rest = phrase[0], phrase[1:]
    while rest and rest[0] in ("of", "the", "my", "your", "these", "those"):
        rest = rest[1:]
    if len(rest) == 1 and rest[0] in PRONOUN_WORDS:  # "pick up all of it"
        return _pronoun(game, rest[0], candidates, slot == "person")
    if word != "both" and not many:
        return _failed(game, replies.NO_ALL, word=word)
    if rest:
        scored = [(s, c) for c in candidates if (s := _score(game, c, rest, slot, action)) >= 0]
        ids = _every(game, scored, slot, action)
    elif word == "both":
        ids = _pronoun(game, "them", candidates).ids or _of_kind(game, slot, candidates)
    elif slot == "person":
        ids = _of_kind(game, slot, candidates)  # "tie up all": everyone here
    else:
        return _failed(game, replies.NO_ALL, word=word)
    if word == "both" and len(ids) > 2:
        many = False  # "both" of three: which two is a question
    return _several(game, slot, rest or phrase, ids, many)


def _of_kind(game: Game, slot: str, candidates: list[str]) -> list[str]:
    """Everyone in sight but the player, for a slot that takes a person."""
    if slot != "person":
        return []
    entities = game.world.entities
    return [c for c in candidates if entities[c].kind == "person" and c != game.world.player]


def _other(
    game: Game,
    slot: str,
    phrase: list[str],
    action: str,
    candidates: list[str],
    said: list[str],
) -> Resolved:
    """'the other gangster', 'the other one': what fits but is not what was named last;
    with no noun, what shares a noun with what was named last."""
    last = [t for t in game.state.pronouns.get(LAST, "").split(",") if t in game.world.entities]
    names = game.lexicon.names
    pool = [c for c in candidates if c not in last and c != game.world.player]
    if phrase:
        scored = [(s, c) for c in pool if (s := _score(game, c, phrase, slot, action)) >= 0]
    elif last:
        shared = {c: len(names[c].nouns & names[last[0]].nouns) for c in pool}
        scored = [(n, c) for c, n in shared.items() if n > 0]
    else:
        return _failed(game, replies.BE_SPECIFIC)
    if not scored:
        return _nothing_fits(game, slot, phrase) if phrase else _failed(game, replies.CANT_SEE)
    best = max(s for s, _ in scored)
    top = _distinct(game, [c for s, c in scored if s == best])
    if len(top) > 1:  # "tie up the other guard": settled, as "the last" is, by which
        # of them the action can still be done to (the question keeps the words said)
        return Resolved(question={"slot": slot, "candidates": top, "words": said, "left": True})
    return Resolved(ids=top)


def _owner(game: Game, word: str, candidates: list[str]) -> list[str]:
    """Who 'his', 'her' or 'their' points at, if they are here; nobody for 'our'."""
    meant = POSSESSIVES[word]
    if not meant:
        return []
    return _pronoun(game, meant, candidates).ids


def _owned(
    game: Game, candidates: list[str], phrase: list[str], slot: str, action: str
) -> tuple[list[tuple[int, str]], list[str]]:
    """'the boy's wallet' (the tokenizer has taken off the "'s"): the words before the
    thing's own name the owner, who must be here. Nothing when no such split fits."""
    for cut in range(1, len(phrase)):
        owned, _ = _matches(game, candidates, phrase[cut:], slot, action)
        if not owned:
            continue
        people = [c for c in candidates if game.world.entities[c].kind == "person"]
        owners, _ = _matches(game, people, phrase[:cut], "person", action)
        if owners:
            best = max(s for s, _ in owners)
            return owned, [c for s, c in owners if s == best]
    return [], []


def _held_by(game: Game, entity: str, owners: list[str]) -> bool:
    return any(query.is_carried_by(game, entity, who) for who in owners)


def _list_parts(phrase: list[str]) -> list[list[str]]:
    """'the knife, the lamp and the rope' (commas gone) -> three phrases: "and", and
    an article or possessive after a word of a name, start a new one."""
    parts: list[list[str]] = [[]]
    for word in phrase:
        if word == "and":
            parts.append([])
        elif word in LIST_BREAKS and any(w not in LIST_BREAKS for w in parts[-1]):
            parts.append([word])
        else:
            parts[-1].append(word)
    return [p for p in parts if strip_articles(p)]


def _segments(game: Game, candidates: list[str], phrase: list[str]) -> list[list[str]]:
    """A phrase no one thing fits, cut into the longest runs of words that each fit
    something here ("sword lamp rope" -> three); nothing if no such cut covers it."""
    names = game.lexicon.names
    segments: list[list[str]] = []
    start = 0
    while start < len(phrase):
        for end in range(len(phrase), start, -1):
            run = phrase[start:end]
            if any(_fits(names[c].words, run) for c in candidates if c in names):
                segments.append(run)
                start = end
                break
        else:
            return []
    return segments if len(segments) > 1 else []


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
            seen = set(in_sight(game))
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
    said = strip_articles(phrase)
    if said and all(w in GENERAL and w not in game.lexicon.nouns for w in said):
        return _resolve_all(game, [], action, other, chosen)  # "pack my things", "the lot"
    if len(said) == 2 and said[1] in ALL_WORDS and said[0] in PRONOUN_WORDS:
        return _resolve_all(game, said[:1], action, other, chosen)  # "take it all"
    if phrase and phrase[0] in ALL_WORDS:
        return _resolve_all(game, phrase[1:], action, other, chosen)
    if said[:1] == ["rest"] and "rest" not in game.lexicon.nouns:  # "the rest (of it)"
        return _resolve_all(game, said[1:], action, other, chosen)
    source = other if action == "take" else None  # "take X from Y"
    return _each(game, "things", _split_and(phrase), action, chosen, True, source)


def _each(
    game: Game,
    slot: str,
    parts: list[list[str]],
    action: str,
    chosen: Mapping[str, str],
    many: bool = False,
    source: str | None = None,
) -> Resolved:
    if not parts:
        return _failed(game, replies.BE_SPECIFIC)
    ids: list[str] = []
    for part in parts:
        got = resolve_one(game, slot, part, action, chosen, many, source, len(parts) > 1)
        if not got.ids:
            return got
        ids.extend(i for i in got.ids if i not in ids)
    return Resolved(ids=ids, several=len(parts) > 1 or len(ids) > 1)


def _resolve_all(
    game: Game, rest: list[str], action: str, other: str | None, chosen: Mapping[str, str]
) -> Resolved:
    while rest and rest[0] in ("of", "the", "my", "your", *OTHERWISE):
        rest = rest[1:]  # "everything else", "all the rest of my things"
    if rest[:1] == ["here"]:
        rest = rest[1:]  # "take everything here"
    elif len(rest) == 1 and rest[0] in PRONOUN_WORDS:
        # "pick up all of it": all of what a container holds; "take them all": them, if
        # they are several; else all there is
        meant = _pronoun(game, rest[0], scope(game, "thing")).ids
        if len(meant) > 1:
            return Resolved(ids=meant, several=True)
        if meant and game.world.entities[meant[0]].container:
            other = meant[0]
        rest = []
    elif rest[:1] in (["in"], ["on"], ["inside"], ["from"]) and len(rest) > 1:
        where = resolve_one(game, "thing", rest[1:], action, chosen)  # "all in the room"
        if where.ids:
            other = None if where.ids[0] == query.here(game) else where.ids[0]
            rest = []
    exclude: set[str] = set()
    if rest and rest[0] in EXCEPT_WORDS:
        rest = rest[2:] if rest[1:2] in (["for"], ["from"]) else rest[1:]
        parts = _split_and(rest)
        for part in parts:
            got = resolve_one(game, "thing", part, action, chosen, listed=len(parts) > 1)
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
    things is remembered whole as 'them'. What a word meant before is kept (a few deep),
    for when its newest meaning has left the scene."""
    if not ids:
        return
    pronouns = game.state.pronouns
    pronouns[LAST] = ",".join(ids)
    if len(ids) > 1:
        _set(pronouns, "them", ",".join(ids))
        return
    ent = game.world.entities[ids[0]]
    if ent.kind == "person":
        _set(pronouns, ent.gender if ent.gender in ("him", "her") else "them", ent.id)
    elif ent.plural:
        _set(pronouns, "them", ent.id)
    else:
        _set(pronouns, "it", ent.id)


def remember_pronoun(game: Game, person: str) -> None:
    """Let the pronoun for `person` mean them, without touching what was named last."""
    ent = game.world.entities[person]
    word = ent.gender if ent.gender in ("him", "her") and not ent.plural else "them"
    _set(game.state.pronouns, word, person)


def _set(pronouns: dict[str, str], word: str, meaning: str) -> None:
    before = pronouns.get(word, "")
    if before and before != meaning:
        earlier = [e for e in pronouns.get(word + EARLIER, "").split(";") if e]
        earlier = [before, *(e for e in earlier if e not in (before, meaning))][:KEPT]
        pronouns[word + EARLIER] = ";".join(earlier)
    pronouns[word] = meaning
