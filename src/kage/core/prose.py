"""The text layer: articles, agreement and capitals, so a sentence never contradicts grammar.

Every name the engine prints goes through a `Subject`: what it is called now (a place's
name variant, a person's description until the player learns their name), whether it is
plural, proper, and which pronoun refers to it. Texts name subjects with placeholders and
the layer makes the rest agree (the model is Inform 7's adaptive text and TADS 3's message
parameters):

    {The noun} {is} closed.          -> "The box is closed." / "The timber bars are closed."
    {The noun} {nods}; {he} {waits}.   -> "Kotomi nods; she waits." / "The miners nod; they wait."
    {second|is}                      -> a verb agreeing with a named subject, not the last
    {turns|turn}                     -> "1 turn", "3 turns" (a number and a noun)

A verb is written as it is said of one ("is", "has", "nods", "hurries"); with no subject
before the bar it agrees with the subject most recently named in the text (the noun when
none was). Pronouns ({he} {him} {his} {himself}, capitalised for {He}) likewise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import inflection

from kage.world.conditions import holds

if TYPE_CHECKING:
    from kage.game import Game
    from kage.world.model import Entity

# -- a / an ----------------------------------------------------------------------------
# words spelt with a vowel that start with a consonant sound ("a unicorn", "a one-eyed
# cat", "a European"), and with a consonant that start with a vowel sound ("an hour")
_A_BEFORE = re.compile(
    r"(?:u[bcfklrst][aeiouy]|uni(?![mnd])|eu|ewe|once|one(?![a-z])|ouija|ufo|u(?![a-z]))"
)
_AN_BEFORE = re.compile(r"(?:hour|honest|honou?r|heir|[fhlmnrsx](?![a-z])|8|11(?!\d)|18(?!\d))")


def indefinite(phrase: str) -> str:
    """The indefinite article for a phrase: "an" before a vowel sound, else "a"."""
    word = phrase.strip().lstrip("\"'(").lower()
    if not word:
        return "a"
    if _AN_BEFORE.match(word):
        return "an"
    if _A_BEFORE.match(word):
        return "a"
    return "an" if word[0] in "aeiou" else "a"


# -- verbs -----------------------------------------------------------------------------
_IRREGULAR = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "goes": "go",
    "isn't": "aren't",
    "wasn't": "weren't",
    "hasn't": "haven't",
    "doesn't": "don't",
    "'s": "'re",
}
_SIBILANT = ("sses", "shes", "ches", "xes", "zzes", "oes")


def plural_verb(verb: str) -> str:
    """The verb as said of several, from the form said of one: nods -> nod, is -> are,
    hurries -> hurry, watches -> watch. A phrase changes its first word ("looks up")."""
    first, space, rest = verb.partition(" ")
    low = first.lower()
    if low in _IRREGULAR:
        made = _IRREGULAR[low]
    elif low.endswith("ies") and len(low) > 4:
        made = low[:-3] + "y"
    elif low.endswith(_SIBILANT):
        made = low[:-2]
    elif low.endswith("s") and not low.endswith("ss"):
        made = low[:-1]
    else:
        made = low
    if first[:1].isupper():
        made = made[:1].upper() + made[1:]
    return made + space + rest


def is_verb(word: str) -> bool:
    """Whether a bare placeholder word reads as a verb said of one ("is", "nods")."""
    low = word.lower()
    return low in _IRREGULAR or (
        low.isalpha() and low.endswith("s") and not low.endswith("ss") and len(low) > 2
    )


def agree(verb: str, plural: bool) -> str:
    return plural_verb(verb) if plural else verb


# -- nouns and numbers -----------------------------------------------------------------
def plural_noun(noun: str) -> str:
    """The plural of a noun or of a phrase's last word ("turn" -> "turns", "man" -> "men")."""
    head, space, last = noun.rpartition(" ")
    return head + space + inflection.pluralize(last)


def count(number: int, noun: str, plural: str = "") -> str:
    """'1 turn', '3 turns', '2 men': a number and its noun in agreement."""
    return f"{number:,} {noun if number == 1 else plural or plural_noun(noun)}"


# -- capitals --------------------------------------------------------------------------
_LEAD = re.compile(r"[\s\"*_“]*")


def capital(text: str) -> str:
    """The text with its first letter capitalised (past opening double quotes). A text
    opening with a bracket or a single quote is left as it is: "(first opening the door)"
    is Inform's aside, not a sentence, and "'cup' is not a direction" quotes the player."""
    lead = _LEAD.match(text)
    at = lead.end() if lead else 0
    return text[:at] + text[at : at + 1].upper() + text[at + 1 :]


_SENTENCE_END = re.compile(r"(?:[.!?][\"')\]”’]*\s+[\"“]?|\n\s*[\"“]?)$")
_OPENING = re.compile(r"\s*")


def starts_sentence(before: str) -> bool:
    """Whether text following `before` begins a sentence: nothing before it, or the end
    of a sentence (. ! ?) or a line, and perhaps an opening quote. A text that opens with
    a quote or a bracket may be a fragment ('"it" is not set'): Game.say capitalises a
    paragraph that is a sentence."""
    return bool(_OPENING.fullmatch(before) or _SENTENCE_END.search(before))


# -- subjects --------------------------------------------------------------------------
_PRONOUNS = {
    # gender: subject, object, possessive, reflexive
    "him": ("he", "him", "his", "himself"),
    "her": ("she", "her", "her", "herself"),
    "them": ("they", "them", "their", "themselves"),
    "it": ("it", "it", "its", "itself"),
}
# any spelling of a pronoun names its case: {he} {she} {they} {it} are all "subject"
PRONOUN_CASE = {
    "he": 0, "she": 0, "they": 0, "it": 0,
    "him": 1, "her": 1, "them": 1,
    "his": 2, "their": 2, "its": 2, "hers": 2,
    "himself": 3, "herself": 3, "themselves": 3, "itself": 3,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Subject:
    """Something a sentence can be about: a name and how words agree with it."""

    name: str
    plural: bool = False
    proper: bool = False
    gender: str = "it"  # him / her / them / it
    article: str = ""  # its indefinite article when not "a"/"an" ("some", "a pair of")

    def the(self) -> str:
        """'the great chamber' for a place named so: its name's own article is not doubled."""
        if self.proper or self.name.lower().startswith("the "):
            return self.name
        return f"the {self.name}"

    def a(self) -> str:
        if self.proper or self.name.lower().startswith("the "):
            return self.name
        if self.article:
            return f"{self.article} {self.name}".strip()
        if self.plural:
            return f"some {self.name}"
        return f"{indefinite(self.name)} {self.name}"

    def pronoun(self, case: int) -> str:
        gender = "them" if self.plural else self.gender
        return _PRONOUNS.get(gender, _PRONOUNS["it"])[case]


def static_subject(ent: Entity) -> Subject:
    """An entity as its data names it, whatever the player knows (tools, tests)."""
    return Subject(ent.name, ent.plural, ent.proper, _gender(ent), ent.article)


def _gender(ent: Entity) -> str:
    if ent.kind != "person" and ent.gender == "it":
        return "them" if ent.plural else "it"
    return ent.gender


def subject(game: Game, entity: str) -> Subject:
    """The entity as the player knows it now: a place by its name variant, a person by
    what they are known as until the player learns their name."""
    ent = game.world.entities[entity]
    if ent.names:  # a place's name varies with the story
        for variant in ent.names:
            if holds(game, variant.when):
                return Subject(game.render(variant.text), ent.plural, ent.proper, _gender(ent))
    if ent.known_as and not name_known(game, ent):
        return Subject(ent.known_as, ent.plural, False, _gender(ent))
    return static_subject(ent)


def name_known(game: Game, ent: Entity) -> bool:
    """Whether the player has learned the name of someone first known by a description."""
    return not ent.known_as or (ent.name_known is not None and holds(game, ent.name_known))


def name(game: Game, entity: str) -> str:
    return subject(game, entity).name


def the(game: Game, entity: str) -> str:
    return subject(game, entity).the()


def a(game: Game, entity: str) -> str:
    return subject(game, entity).a()


def group(game: Game, entities: list[str], article: str = "the") -> Subject:
    """Entities as one subject, named with their articles ("the" or "a"): "the scarred
    guard and the bald guard" (plural), "a skinny boy" (as he is)."""
    subjects = [subject(game, e) for e in entities]
    names = [s.the() if article == "the" else s.a() for s in subjects]
    if len(subjects) == 1:  # named with its article, and agreeing as itself
        one = subjects[0]
        return Subject(names[0], one.plural, True, one.gender)
    return Subject(listing(names), True, True, "them")


def listing(names: list[str]) -> str:
    """'a, b and c'; 'nothing' for none."""
    if not names:
        return "nothing"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


# -- adaptive placeholders --------------------------------------------------------------
# {key}, {the key}, {The key}, {a key}, {A key}, {word}, {key|word}, {key|word|plural}
SLOT = re.compile(
    r"(?<!\{)\{([A-Za-z][A-Za-z0-9_' ]*)(?:\|([A-Za-z][A-Za-z' -]*))?(?:\|([^{}|]*))?\}(?!\})"
)
_ARTICLED = re.compile(r"^(the|The|a|A) (\w+)$")


def _as_number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d[\d,]*", value):
        return int(value.replace(",", ""))
    return None


def adapt(
    text: str,
    slots: Mapping[str, Any],
    to_subject: Callable[[Any], Subject | None],
    first: str | None = None,
) -> str:
    """Fill a text's placeholders from `slots`, making verbs and pronouns agree.

    A slot's value is a plain value (printed as it is) or something `to_subject` turns
    into a Subject (an entity id wrapped by the caller, a Subject itself). `first` is the
    slot verbs agree with before any subject is named. A value that opens a sentence is
    capitalised. A placeholder nobody fills is left as written.
    """
    subjects: dict[str, Subject | None] = {}

    def subject_of(key: str) -> Subject | None:
        if key not in subjects:
            subjects[key] = to_subject(slots[key]) if key in slots else None
        return subjects[key]

    current = _Focus(subject_of(first) if first else None)
    out: list[str] = []
    last = 0
    for m in SLOT.finditer(text):
        out.append(text[last : m.start()])
        last = m.end()
        word = _fill(m, slots, subject_of, current)
        if word is None:
            out.append(m.group(0))
            continue
        if word and starts_sentence("".join(out)):
            word = capital(word)
        out.append(word)
    out.append(text[last:])
    return "".join(out)


@dataclass(slots=True)
class _Focus:
    """The subject verbs and pronouns agree with now, and whether it was last named by a
    pronoun: a person who is "them" takes "shakes" after a name but "they shake"."""

    subject: Subject | None
    by_pronoun: bool = False

    def name(self, found: Subject) -> None:
        self.subject, self.by_pronoun = found, False

    def word(self, found: Subject, word: str, plural: str | None) -> str:
        low = word.lower()
        if low in PRONOUN_CASE:
            if PRONOUN_CASE[low] == 0:
                self.subject, self.by_pronoun = found, True
            said = found.pronoun(PRONOUN_CASE[low])
            return capital(said) if word[0].isupper() else said
        by_pronoun = self.by_pronoun and found is self.subject
        many = found.plural or (found.gender == "them" and by_pronoun)
        if plural is not None:
            return plural if many else word
        return agree(word, many)


def _fill(
    m: re.Match[str],
    slots: Mapping[str, Any],
    subject_of: Callable[[str], Subject | None],
    current: _Focus,
) -> str | None:
    key, word, plural = m.group(1), m.group(2), m.group(3)
    if word is not None:  # {key|word}: agreement with a named slot
        if key not in slots:
            return None
        number = _as_number(slots[key])
        if number is not None:
            return count(number, word, plural or "")
        found = subject_of(key)
        if found is None:
            return None
        return current.word(found, word, plural)
    articled = _ARTICLED.match(key)
    if key not in slots and key[:1].isupper() and key[:1].lower() + key[1:] in slots:
        said = _fill_key(key[:1].lower() + key[1:], slots, subject_of, current)
        return capital(said)
    if key in slots:
        return _fill_key(key, slots, subject_of, current)
    if articled and articled.group(2) in slots:
        found = subject_of(articled.group(2))
        if found is None:
            return None
        current.name(found)
        article = articled.group(1)
        said = found.the() if article.lower() == "the" else found.a()
        return capital(said) if article[0].isupper() else said
    if key.lower() in PRONOUN_CASE or is_verb(key):  # no subject yet: as said of one thing
        return current.word(current.subject or Subject(""), key, None)
    return None


def _fill_key(
    key: str,
    slots: Mapping[str, Any],
    subject_of: Callable[[str], Subject | None],
    current: _Focus,
) -> str:
    found = subject_of(key)
    if found is None:
        return str(slots[key])
    current.name(found)
    return found.name


def placeholders(text: str) -> list[str]:
    """The placeholders a text uses, by their slot (for `kage check`): "{The noun}" and
    "{noun|is}" both give "noun"; a bare verb or pronoun gives nothing to look up."""
    found = []
    for m in SLOT.finditer(text):
        key, word = m.group(1), m.group(2)
        if word is None and (key.lower() in PRONOUN_CASE or is_verb(key)):
            continue
        found.append(key)
    return found
