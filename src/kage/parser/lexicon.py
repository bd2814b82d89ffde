"""Everything the parser knows for one world: its grammar lines and every word in it.

Built once per world (engine verbs + the world's own phrasings + every name) and shared
by all games of that world.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import inflection

from kage.parser.grammar import (
    ARTICLES,
    CORE,
    DIRECTIONS,
    META,
    Line,
    compile_pattern,
    expand,
    normal,
)
from kage.parser.nouns import (
    ALL_WORDS,
    EXCEPT_WORDS,
    GENERAL,
    IGNORED,
    LEFT,
    ORDINALS,
    OTHERWISE,
    POSSESSIVES,
    PRONOUN_WORDS,
    QUANTIFIERS,
)
from kage.world import numbers
from kage.world.clock import _UNITS
from kage.world.model import World

# the same nouns recur in every world (man, door, guard): their forms are worked out once
plural_of = cache(inflection.pluralize)
singular_of = cache(inflection.singularize)

# everyday words for a person that the world's own noun stands for
PEOPLE_WORDS: dict[str, frozenset[str]] = {
    noun: frozenset(others.split())
    for noun, others in (
        ("woman", "lady"),
        ("man", "gentleman guy fellow chap bloke"),
        ("boy", "kid lad child youngster"),
        ("girl", "kid lass child youngster"),
        ("child", "kid youngster"),
        ("men", "gentlemen guys fellows chaps blokes"),
        ("women", "ladies"),
        ("boys", "kids lads children"),
        ("girls", "kids lasses children"),
    )
}

# words that describe alike: a thing the world calls "dozing" is "the sleeping one" too
DESCRIBING_ALIKE: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "dozing sleeping asleep napping snoozing slumbering",
        "lounging lazing loafing idle idling slouching",
        "big large huge great",
        "small little tiny",
        "old elderly aged",
        "grey gray greying graying",
        "grizzled greying graying",
        "thin skinny slim scrawny",
        "fat plump",
        "dusty dirty grubby filthy",
        "wooden wood",
        "stone rock",
        "bald balding hairless",
        "scarred scarfaced",
        "tall lanky",
    )
)
ALIKE: dict[str, frozenset[str]] = {}
for _group in DESCRIBING_ALIKE:
    for _word in _group:
        ALIKE[_word] = ALIKE.get(_word, frozenset()) | (_group - {_word})

# words of everyday speech ("it's okay", "never mind"): a line of them is said, not a
# command with a word the game does not know (kage.actions.speech reads such lines)
SPOKEN_WORDS = frozenset(
    {
        "okay", "ok", "alright", "fine", "sure", "yes", "yeah", "yep", "no", "nope", "nah",
        "maybe", "perhaps", "sorry", "thanks", "thank", "hello", "hi", "hey", "bye", "goodbye",
        "please", "well", "oh", "right", "good", "great", "never", "mind", "don't", "worry", "i",
        "i'll", "i'm", "i've", "i'd", "it's", "can't", "won't", "we'll", "we're", "you're",
        "that's", "let's", "how", "many", "much", "who", "what", "where", "when", "why", "which",
        "whose", "is", "are", "was", "were", "do", "does", "did", "will", "would", "can", "could",
        "should",
    }
)  # fmt: skip

# words that are part of how a noun phrase is said rather than names of anything
PHRASING = (
    frozenset({"and", "for", "from", "here"})
    | ALL_WORDS
    | EXCEPT_WORDS
    | IGNORED
    | LEFT
    | OTHERWISE
    | ORDINALS.keys()
    | POSSESSIVES.keys()
    | QUANTIFIERS
    | GENERAL
)


@dataclass(frozen=True, slots=True)
class Name:
    """The words that name one entity, spelled as the parser compares them.

    `plurals` are the plural forms of the nouns of one thing ("gangsters" for a gangster):
    a phrase that names a thing by one of them means every thing here that fits (as
    Inform's "understand ... as the plural of"). A world may list such a form among a
    thing's nouns; it is read as the plural all the same. A thing that is itself plural
    ("the coins") is also named by the singular of its nouns ("x coin")."""

    nouns: frozenset[str]
    adjectives: frozenset[str]
    words: frozenset[str]
    plurals: frozenset[str] = frozenset()

    @classmethod
    def of(cls, nouns: frozenset[str], adjectives: frozenset[str], plural: bool = False) -> Name:
        nouns = frozenset(normal(w) for w in nouns) - ARTICLES - {""}
        adjectives = frozenset(normal(w) for w in adjectives) - ARTICLES - {""}
        # "brown haired" for "brown-haired", "dragon guard sword" for "dragon-guard"
        parts = {p for w in nouns | adjectives if "-" in w for p in w.split("-")}
        adjectives |= frozenset(parts) - nouns - ARTICLES - {""}
        if plural:
            nouns |= {singular_of(n) for n in nouns} - {""}
            return cls(nouns, adjectives, nouns | adjectives)
        plurals = frozenset(plural_of(n) for n in nouns) - {""}
        plurals = frozenset(p for p in plurals if not _singular_of(p, nouns))
        nouns -= plurals
        return cls(nouns, adjectives, nouns | adjectives | plurals, plurals)


def _singular_of(word: str, nouns: frozenset[str]) -> bool:
    """Whether `word`, the plural form of one of the nouns, is also one of its singular
    nouns: "sheep", "fish" and "ramen" are their own plurals, but "guards" listed beside
    "guard" is the plural."""
    if word not in nouns:
        return False
    single = singular_of(word)
    return single == word or single not in nouns


@dataclass(slots=True)
class Lexicon:
    lines: dict[str, list[Line]] = field(default_factory=dict)  # first word -> lines
    words: set[str] = field(default_factory=set)  # every word any part of the game knows
    verbs: set[str] = field(default_factory=set)  # words that can begin a command
    nouns: set[str] = field(default_factory=set)  # words naming something in the world
    names: dict[str, Name] = field(default_factory=dict)  # entity -> its words, normalised

    def add(self, action: str, pattern: str, world: bool = False) -> None:
        """Add a grammar line. Lines are tried most specific first; between lines of the
        same shape, the world's own phrasing comes before the engine's (the parser still
        falls back to the engine's when the world's action would refuse those nouns).
        Optional words in brackets make one line for each way of saying it."""
        for each in expand(pattern):
            self._add(compile_pattern(action, each, world))

    def _add(self, line: Line) -> None:
        first = line.tokens[0]
        if first.words is None:
            raise ValueError(f"pattern '{line.pattern}' must begin with a word")
        for word in first.words:
            bucket = self.lines.setdefault(word, [])
            bucket.append(line)
            bucket.sort(key=Line.precedence)
            self.verbs.add(word)
        for token in line.tokens:
            if token.words:
                self.words.update(token.words)


def _shape(pattern: str) -> str:
    """A pattern's words with every slot alike: "strike {person}" -> "strike {}"."""
    return re.sub(r"\{[a-z_]+\}", "{}", " ".join(pattern.lower().split()))


# words of a place's printed name that only join its other words ("a clearing in the
# forest", "out at sea")
_JOINING = frozenset({"in", "at", "on", "out", "beyond", "by", "near", "of", "to", "under"})


def _name_words(name: str) -> frozenset[str]:
    words = frozenset(normal(w) for w in re.findall(r"[\w'\u2019-]+", name))
    return words - PHRASING - _JOINING


def build(world: World, grammar: Iterable[tuple[str, Iterable[str]]] = ()) -> Lexicon:
    """The world's phrasings go in first, then `grammar` (its extensions'), then the
    core's: where two lines tie (the same words, slots as narrow) the first wins, so the
    world's meaning wins ("hug {person}" is Banished's hug, not the core's kissing), and an
    extension's beats the core's ("attack {person}" is combat's knocking out)."""
    lex = Lexicon()
    own = {_shape(p) for patterns in world.verbs.values() for p in patterns}
    # an extension's line said with the same words as one of the world's gives way to it
    # ("strike {thing}" as the world's own verb hides combat's "strike {person}")
    theirs = [(a, [p for p in ps if _shape(p) not in own]) for a, ps in grammar]
    # the world's and its extensions' lines are the world's own (the parser falls back to
    # the core's when their action would refuse the nouns)
    money = "|".join(dict.fromkeys(world.currency))  # "{currency}": the world's words for it
    for action, patterns in (*world.verbs.items(), *theirs):
        for pattern in patterns:
            lex.add(action, pattern.replace("{currency}", money), world=True)
    for action, patterns in CORE:
        for pattern in patterns:
            lex.add(action, pattern)
    for entity in world.entities.values():
        adjectives = entity.adjectives
        if entity.kind == "place":  # a place is named by its printed name ("the foyer bar")
            adjectives = frozenset(adjectives) | _name_words(entity.name)
        adjectives = frozenset(adjectives) | {w for a in adjectives for w in ALIKE.get(a, ())}
        nouns = entity.nouns
        if entity.kind == "person":  # "the lady" for a woman, "the kid" for a boy
            nouns = frozenset(nouns) | {w for n in nouns for w in PEOPLE_WORDS.get(n, ())}
        name = Name.of(nouns, adjectives, entity.plural)
        lex.names[entity.id] = name
        lex.nouns.update(name.words)
        for topic in entity.topics:
            lex.words.update(normal(w) for w in topic.words)
        for way in entity.exits.values():  # "go down the shaft" (actions/ways.py)
            lex.words.update(normal(w) for name in way.names for w in name.split())
    lex.words |= lex.nouns
    lex.words.update(DIRECTIONS, numbers.WORDS, ARTICLES, PRONOUN_WORDS, PHRASING, _UNITS)
    lex.words.update(SPOKEN_WORDS)  # "it's okay": everyday words said, never unknown
    for phrase in META:
        lex.words.update(phrase.split())
    return lex
