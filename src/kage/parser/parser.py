"""One command -> the actions it asks for, or the reply that explains why not.

A reply is marked not understood only when no action could be formed: an unknown verb,
an unknown word, or words no grammar line fits. When a line fits but names nothing here
("take the moon"), the command was understood and the reply says what is missing.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import inflection

from kage.actions import pending, speech, ways
from kage.actions.pipeline import Action, applies
from kage.core import prose
from kage.parser import grammar, nouns, preamble, replies, scenery, typos
from kage.parser.grammar import DIRECTIONS, Binding, Line, match
from kage.parser.nouns import RANGE, SCENERY, SCOPE, SHAPE, UNKNOWN
from kage.parser.text import words
from kage.world import numbers, query
from kage.world.clock import unit_minutes

if TYPE_CHECKING:
    from kage.core.responses import Response
    from kage.game import Game

MAX_WORDS = 40
NOUN_SLOTS = ("thing", "things", "held", "person", "place")
FREE_SLOTS = ("topic", "text")  # any words at all
WORDS_READ = (*FREE_SLOTS, "number")  # slots whose words are not checked against the lexicon
SHAPES = {
    "thing": "something",
    "things": "something",
    "held": "something",
    "person": "someone",
    "place": "somewhere",
    "direction": "north",
    "number": "3",
    "unit": "hours",
    "topic": "something",
    "text": "something",
    "way": "the gate",
    "here": "the house",
    "toward": "the village",
}


@dataclass(slots=True)
class Parsed:
    actions: list[Action] = field(default_factory=list)
    error: str = ""
    understood: bool = True
    rank: int = 0  # for failures: how much the reply tells (nouns.SHAPE < SCOPE < UNKNOWN)
    failure: str = ""  # the failure's class: the name of the response that said it
    unknown: str = ""  # the word not known, when that is why it failed
    note: str = ""  # said before the reply: "(I took 'swrod' to mean 'sword'.)"


def _failed(error: str, rank: int, failure: str = "") -> Parsed:
    understood = rank in (SCOPE, SCENERY, RANGE)
    return Parsed(error=error, understood=understood, rank=rank, failure=failure)


def _fail(game: Game, reply: Response, rank: int, **slots: object) -> Parsed:
    return _failed(reply(game, **slots), rank, reply.name)


def _unknown(game: Game, word: str) -> Parsed:
    failed = _failed(nouns.unknown_reply(game, word), UNKNOWN, replies.UNKNOWN_WORD.name)
    failed.unknown = word
    return failed


_POLITE = re.compile(r"^\s*(?:please|kindly)\b[\s,]*|[\s,]*\b(?:please|thanks)\s*$", re.I)


def parse(game: Game, command: str, chosen: Mapping[str, str] | None = None) -> Parsed:
    """`chosen` maps a noun phrase to the entity an earlier "Which do you mean?" settled.
    (The game notes that a command begins, `scenery.command_begins`, not the parse: a
    parse asked only to see what a text means is no command.)"""
    polite = _POLITE.sub("", command)
    if polite.strip() and chosen is None and not pending.reading(game, words(command)):
        command = polite  # "forgive kai please": the please is manners, not a word
    ws = _plain_forms(game, _compounds_split(game, words(command)))
    state = game.state
    if state.question and chosen is None:
        question, state.question = state.question, {}
        answered = _answer(game, question, ws)
        if answered is not None:
            return answered
    if chosen is None:
        answering = pending.answer(game, ws)  # "yes", "accept her offer", "i promise"
        if answering is not None:
            return Parsed(actions=answering)
    if chosen is None:
        ordered = _ordered(game, ws)  # "tell ned to run an errand"
        if ordered is not None:
            return ordered
    parsed = _parse_words(game, command, ws, chosen or {})
    if parsed.actions and chosen is None and _offer_taken(game, parsed):
        offered = pending.doing(game, ws)  # "eat" when asked to eat with them
        if offered is not None:
            return Parsed(actions=offered)
    if parsed.failure and chosen is None and ws:
        meant = _without_preamble(game, command)  # "i want to sell it", "let's go in"
        if meant is None:
            meant = _announced(game, command)  # "i'll buy the bell"
        if meant is None:
            meant = _going(game, ws)  # "back to the green", "into the shop"
        if meant is None:
            meant = _going_to_do(game, ws)  # "go eat at ichiraku"
        if meant is None:
            meant = _price_alone(game, ws)  # "600?" while haggling
        if meant is None:
            meant = _looking_for(game, ws)  # "where is the boy?" with nobody to ask
        if meant is None:
            meant = _addressed(game, ws)  # "tsunade, tell me the terms"
        if meant is None:
            meant = _ordered(game, ws, addressed=True)  # "ned, run an errand"
        if meant is not None:
            return meant
        spoken = speech.reread(game, ws)  # "why?", "i will come back", "eat" when offered
        if spoken is not None:
            game.state.question = {}
            return Parsed(actions=spoken)
    if parsed.unknown and chosen is None:
        return _corrected(game, command, parsed)
    return parsed


# what the player asks of the game rather than of the world: never the meaning of "i ..."
OUT_OF_WORLD = frozenset({"help", "hint", "score", "full_score", "version", "pronouns", "exits"})


def _without_preamble(game: Game, command: str) -> Parsed | None:
    """The command read without the words before it that say how the player comes at
    it (kage.parser.preamble), when that reading is understood and does something in
    the world (or asks which thing was meant)."""
    for rest, only_if_done in preamble.readings(command, game.lexicon.verbs):
        again = parse(game, rest)
        if game.state.question and again.error and not again.failure and not only_if_done:
            return again
        done = again.actions and not (only_if_done and _refused(game, again))
        if done and not any(a.name in OUT_OF_WORLD for a in again.actions):
            return again
        game.state.question = {}
    return None


def _announced(game: Game, command: str) -> Parsed | None:
    """ "I'll buy the bell": the deed said after "I'll", when it is done to a thing in
    view and would be done now; a line that names no thing ("i'll come back someday",
    "i'll help you") stays a promise."""
    rest = preamble.announced(command)
    if not rest:
        return None
    again = parse(game, rest)
    entities = game.world.entities
    things = all(
        a.noun is not None and a.noun in entities and entities[a.noun].kind == "thing"
        for a in again.actions
    )
    if again.actions and things and not _refused(game, again):
        return again
    game.state.question = {}
    return None


# verbs that put a request to someone ("tell ned to ...", "ask kai to ...")
ORDERING = frozenset({"tell", "ask", "order", "get", "command", "instruct", "request", "persuade"})
# words of an order that say nothing of what is to be done
_ORDER_FILLER = frozenset(
    {"to", "a", "an", "the", "on", "for", "go", "please", "and", "me", "my", "your", "some"}
)
# what people are asked about or told: never the deed an order asks for
_TALKING = frozenset({"ask", "tell", "say", "talk", "answer"})


def _ordered(game: Game, ws: list[str], addressed: bool = False) -> Parsed | None:
    """An order to someone here ("tell ned to run an errand", "ask ned to go on an
    errand", "ned, run an errand"): the line for doing something to that person whose
    own words say most of what the order says ("send {person} on an errand"), if it
    would be done now. None if no line fits the order's words."""
    if len(ws) < 3:
        return None
    if addressed:  # an order opens with what is to be done, not with a question
        person, rest = speech.person_named(game, ws[:1])[0], ws[1:]
        if rest[0] not in game.lexicon.verbs or speech.is_question(rest):
            return None
        if pending.reading(game, rest) is not None:
            return None  # "marta, no thank you": an answer to her, not an order
    elif ws[0] in ORDERING:
        person, rest = speech.person_named(game, ws[1:])
        told = len(ws) - len(rest)  # the verb, the name, then "to"
        if person is None or told < 3 or ws[told - 1] != "to":
            return None
    else:
        return None
    if person is None:
        return None
    said = {w for w in rest if w not in _ORDER_FILLER | _TALKING | ORDERING}
    if not said:
        return None
    best: tuple[int, Parsed] | None = None
    for lines in game.lexicon.lines.values():
        for line in lines:
            slots = [t.slot for t in line.tokens if t.words is None]
            if slots != ["person"] or line.action in _TALKING:
                continue
            literal = {w for t in line.tokens if t.words for w in t.words} - _ORDER_FILLER
            score = len(said & literal)
            if score == 0 or (best is not None and score <= best[0]):
                continue
            built = _build(game, line, [("person", [person])], {})
            if isinstance(built, Parsed) and built.actions and not _refused(game, built):
                best = (score, built)
            game.state.question = {}
    return best[1] if best is not None else None


# words that say which way without a verb of going: "back to the green", "into the shop"
WAY_WORDS = frozenset(grammar.WAY_WORDS.split("|"))
GOING = WAY_WORDS - {"by", "via", "in"}


def _going(game: Game, ws: list[str]) -> Parsed | None:
    """Words of where to go said without "go", when "go" and the words are understood."""
    if ws[0] not in GOING or len(ws) < 2:
        return None
    again = _parse_words(game, " ".join(["go", *ws]), ["go", *ws], {})
    if again.actions and all(a.name.startswith("go") or a.name == "exit" for a in again.actions):
        return again
    game.state.question = {}
    return None


def _price_alone(game: Game, ws: list[str]) -> Parsed | None:
    """A number said alone ("600?", "800 coins") while a price is being haggled over is
    the price asked, as "ask for 600" is."""
    if ws[0] not in numbers.WORDS and not ws[0].isdecimal():
        return None
    asked = ["ask", "for", *ws]
    again = _parse_words(game, " ".join(asked), asked, {})
    haggling = again.actions and all(a.name == "haggle" for a in again.actions)
    if haggling and not _refused(game, again):
        return again
    game.state.question = {}
    return None


_GO = frozenset({"go", "come", "head", "run", "walk", "hurry", "nip", "pop"})
_WHERE_AT = frozenset({"at", "in", "to", "from", "inside"})


def _going_to_do(game: Game, ws: list[str]) -> Parsed | None:
    """ "go eat at ichiraku", "go get ramen at ichiraku": going to the place named after
    the last "at" or "in", when it is elsewhere; else the deed, if it would be done here
    ("go eat some ramen" at the stall)."""
    rest = ws[2:] if ws[1:2] == ["and"] else ws[1:]
    if ws[0] not in _GO or not rest or rest[0] not in game.lexicon.verbs:
        return None
    if rest[0] in GOING or rest[0] in DIRECTIONS or rest[0] in _GO:
        return None
    cuts = [i for i, w in enumerate(rest) if w in _WHERE_AT]
    if cuts:  # a place elsewhere named: going there comes first
        there = ["go", "to", *rest[cuts[-1] + 1 :]]
        went = _parse_words(game, " ".join(there), there, {})
        going = went.actions and all(a.name == "go_to" for a in went.actions)
        if going and not _refused(game, went):  # not where he is already
            return went
        game.state.question = {}
    deed = _parse_words(game, " ".join(rest), rest, {})
    if deed.actions and not _refused(game, deed):
        return deed
    game.state.question = {}
    return None


WHERE = frozenset({"where", "where's", "wheres"})
_BEING = frozenset({"is", "are", "did", "does", "has", "have", "was", "were", "can", "i", "find"})


def _looking_for(game: Game, ws: list[str]) -> Parsed | None:
    """'where is the boy?' with nobody here to ask is looking for him."""
    if ws[0] not in WHERE or speech.listener(game) is not None:
        return None
    rest = ws[1:]
    while rest and rest[0] in _BEING:
        rest = rest[1:]
    for go in ("gone", "go", "went"):
        if rest and rest[-1] == go:
            rest = rest[:-1]  # "where did the boy go"
    if not rest:
        return None
    again = _parse_words(game, " ".join(["look", "for", *rest]), ["look", "for", *rest], {})
    if again.actions:
        return again
    game.state.question = {}
    return None


def _addressed(game: Game, ws: list[str]) -> Parsed | None:
    """A command said to someone by name ("tsunade, tell me the terms"): asking or
    telling with no one named is asking or telling them."""
    person, rest = speech.person_named(game, ws[:1])
    if person is None or not rest and len(ws) < 2:
        return None
    again = _parse_words(game, " ".join(ws[1:]), ws[1:], {})
    if not again.actions or any(a.name not in ("ask", "tell") for a in again.actions):
        game.state.question = {}
        return None
    for action in again.actions:
        action.noun = action.noun or person
    return again


def _compounds_split(game: Game, ws: list[str]) -> list[str]:
    """A hyphenated word the game does not know read as its parts, when it knows them
    ("the dragon-guard sword", "a chain-cutter")."""
    known = game.lexicon.words
    if all("-" not in w or w in known for w in ws):
        return ws
    split: list[str] = []
    for w in ws:
        parts = [p for p in w.split("-") if p]
        if "-" in w and w not in known and parts and known.issuperset(parts):
            split.extend(parts)
        else:
            split.append(w)
    return split


# "the cloak (that) i'm wearing", "the key i have": the player's own, which "my" says
_MINE = re.compile(
    r"(?:\b(?:that|which) )?\b(?:i'm|im|i am|i've got|ive got|i've been) "
    r"(?:wearing|holding|carrying)\b|(?:\b(?:that|which) )?\bi (?:have|carry|hold|wear)\b$"
)


def _plain_forms(game: Game, ws: list[str]) -> list[str]:
    """Words as the lexicon has them: a comparative or superlative the game does not
    know read as its plain adjective ("the smaller scroll", "the biggest"), and a
    closing "that i'm wearing" left out (it says only whose, as "my" does)."""
    if ws and ws[0] not in SPEECH_VERBS:
        cut = _MINE.sub("", " ".join(ws)).split()
        ws = cut if cut else ws
    known = _adjectives(game)
    return [w if w in game.lexicon.words else _plain(w, known) for w in ws]


def _adjectives(game: Game) -> frozenset[str]:
    """Every word that describes something in the world (not one that names it)."""
    kept = game.world.runtime.get("adjectives")
    if kept is None:
        kept = frozenset(w for name in game.lexicon.names.values() for w in name.adjectives)
        game.world.runtime["adjectives"] = kept
    return kept  # type: ignore[no-any-return]


def _plain(word: str, known: frozenset[str]) -> str:
    for ending in ("est", "er"):
        if not word.endswith(ending) or len(word) <= len(ending) + 2:
            continue
        stem = word[: -len(ending)]
        for base in (
            stem,
            stem + "e",
            stem[:-1] if stem[-1:] == stem[-2:-1] else "",
            stem[:-1] + "y" if stem.endswith("i") else "",
        ):
            if base and base in known:
                return base
    return word


def _offer_taken(game: Game, parsed: Parsed) -> bool:
    """Whether the command tries the very thing a person has just offered and would
    not do on its own: then it takes the offer."""
    verb = pending.offered_verb(game)
    if verb is None or any(a.name != verb for a in parsed.actions):
        return False
    return not all(_allowed(game, a) for a in parsed.actions)


def _corrected(game: Game, command: str, failed: Parsed) -> Parsed:
    """A command that failed on a word the game does not know, read again with each
    known word it could be a slip of; the first reading that is answered is taken, and
    the player is told. Otherwise the failure stands, with a "did you mean"."""
    word = failed.unknown
    known = game.lexicon.verbs if _first_word(command) == word else game.lexicon.words
    near = typos.candidates(word, known)
    for meant in near:
        fixed = re.sub(rf"(?i)(?<!\w){re.escape(word)}(?!\w)", meant, command)
        parsed = _parse_words(game, fixed, words(fixed), {})
        if not parsed.failure:
            parsed.note = replies.CORRECTED(game, word=word, meant=meant)
            return parsed
        game.state.question = {}  # a question about a reading not taken is not asked
    if known is not game.lexicon.verbs:
        without = _without_unknown(game, command, word)  # "go to the front gate"
        if without is not None:
            return without
    if known is not game.lexicon.verbs:  # suggest only words for what is in sight
        in_sight = _words_in_sight(game)
        near = [w for w in near if w in in_sight]
    # several near words: more likely a word the game never had (a word and its plural,
    # "necklace" and "necklaces", are one)
    if len({inflection.singularize(w) for w in near}) == 1:
        failed.error += " " + replies.DID_YOU_MEAN(game, word=near[0])
    return failed


def _without_unknown(game: Game, command: str, word: str) -> Parsed | None:
    """The command read without a word the game does not know, when that word only
    describes ("the front gate", "the bearded miner") and the rest is answered; the
    player is told the word was left out."""
    ws = words(command)
    if word not in ws[1:]:
        return None
    at = ws.index(word, 1)
    if at + 1 >= len(ws) or ws[at + 1] not in game.lexicon.nouns:
        return None  # only a word before a noun describes it ("wait xyzzy hours" does not)
    rest = [w for w in ws if w != word]
    parsed = _parse_words(game, " ".join(rest), rest, {})
    if parsed.failure or not parsed.actions:
        game.state.question = {}
        return None
    parsed.note = replies.LEFT_OUT(game, word=word)
    return parsed


def _words_in_sight(game: Game) -> set[str]:
    names = game.lexicon.names
    return {w for e in nouns.scope(game, "thing") if e in names for w in names[e].words}


def _first_word(command: str) -> str:
    ws = words(command)
    return ws[0] if ws else ""


def _answer(game: Game, question: dict[str, Any], ws: list[str]) -> Parsed | None:
    """The reply to an answer of "Which do you mean?", or None if it is a new command."""
    phrase, command = question.get("words"), question.get("command")
    if not isinstance(phrase, list) or not isinstance(command, str):
        return None  # not a question this parser asked: read the line as a command
    fitting = nouns.answer(game, question, ws)
    if not fitting:
        return None
    if len(fitting) > 1:
        game.state.question = {**question, "candidates": fitting}
        return Parsed(error=_question_text(game, fitting))
    chosen = {**question.get("chosen", {}), nouns.key(phrase): fitting[0]}
    return _parse_words(game, command, words(command), chosen)


def _parse_words(game: Game, command: str, ws: list[str], chosen: Mapping[str, str]) -> Parsed:
    if not ws:
        return _fail(game, replies.PARDON, SHAPE)
    if len(ws) > MAX_WORDS:
        return _fail(game, replies.TOO_LONG, SHAPE)
    if ws[0] in USING and len(ws) > 3:
        used = _used_on(game, ws, chosen)  # "use the whiting on the locket"
        if used is not None:
            return used
    lines = game.lexicon.lines.get(ws[0])
    if not lines:
        if len(ws) > 1 and _manner(game, ws[0]):  # "quietly cut their chains"
            if len(ws) > 2 and _takes_manner(game, ws[1], ws[0]):
                # "quietly talk to them" is "talk quietly to them", which may be a
                # line of its own (whispering)
                moved = _parse_words(game, command, [ws[1], ws[0], *ws[2:]], chosen)
                if moved.actions:
                    return moved
            return _parse_words(game, command, ws[1:], chosen)
        return _not_a_verb(game, ws)
    best: Parsed | None = None
    nobody: Parsed | None = None  # a line for someone that took something: a last resort
    held_back: Parsed | None = None  # a tentative line whose action would be refused
    told: Parsed | None = None  # a way only the place's text tells of, refused
    asked: dict[str, Any] | None = None  # which thing a tentative line means
    for line in lines:
        for binds in match(line.tokens, ws, 1, 1):
            if any(
                slot == "text" or slot == "topic" and ws[0] in SPEECH_VERBS for slot, _ in binds
            ):
                heard = _phrase_within(game, ws, _speech_lines(game, ws[0], lines), chosen)
                if heard is not None:  # "say hello, i'm lost": the world's "say i'm lost"
                    return heard
            built = _build(game, line, binds, chosen)
            if isinstance(built, dict):
                built = _settled(game, line, binds, built, chosen)
            if isinstance(built, dict) and line.tentative:
                asked = asked or built  # taken only when it would be done: asked last
                continue
            if isinstance(built, dict):
                return _ask(game, built, command, chosen)
            if built.actions and line.tentative and _refused(game, built):
                held_back = held_back or built  # its refusal, if nothing else is meant
                continue  # "ask for the bell" is buying it only where it is for sale
            if built.actions and _only_told(game, built) and _refused(game, built):
                told = told or built  # "climb ladder": Hob's ladder, if it can be climbed
                continue
            if told is not None and _refused(game, built):
                return told  # refused either way: the place's own reason says why
            if built.actions:
                _note_manner(command, built.actions)
            if built.actions and _no_one(game, line, built):
                nobody = nobody or built  # "release the scroll": unsealing, not freeing
                continue
            if nobody is not None and _refused(game, built):
                return nobody  # refused either way: the line for someone says why
            if built.actions and not any(_allowed(game, a) for a in built.actions):
                instead = _bought(game, ws)
                if instead is not None:
                    return instead  # "get some ramen" where it is sold: buying it
            if built.actions and line.world:
                return _engine_if_world_refuses(game, lines, line, ws, built, chosen)
            if built.actions or built.rank == RANGE:
                return built  # a number out of bounds: the player meant this line
            if best is None or built.rank > best.rank:
                best = built  # the first of the most telling failures
    if nobody is not None:
        return nobody  # no line takes the thing: the action says it wants someone
    if told is not None:
        return told
    if asked is not None and (best is None or best.rank <= SCOPE):
        return _ask(game, asked, command, chosen)  # nothing surer: which did he mean
    shorter = _without_tail(game, ws)
    if shorter is not None:
        again = _parse_words(game, command, shorter, chosen)
        if again.actions or game.state.question:
            return again
        if nouns.unknown_word(game, ws) not in (None, *shorter):
            return again  # the word not known was the one left off: say what else is wrong
    if (
        best is not None
        and best.rank in (SCOPE, SCENERY)
        and (best.rank == SCENERY or game.lexicon.nouns.intersection(ws[1:]))
    ):
        bare = _bare(game, lines, ws)
        if bare is not None:
            return bare
    if best is None and ws[0] in USING:
        used = _used(game, ws[1:])  # "use the reserve scroll"
        if used is not None:
            return used
    if best is None and held_back is not None:
        return held_back  # "use invisibility" before it is learnt: the cast says why not
    if best is None and ws[0] in ABBREVIATIONS and len(ws) > 1:
        whole = [ABBREVIATIONS[ws[0]], *ws[1:]]  # "z for two hours": as "wait" takes it
        again = _parse_words(game, " ".join(whole), whole, chosen)
        if again.actions or game.state.question:
            return again
    return best if best is not None else _no_line_fits(game, ws, lines)


# one letter for a verb, read as the verb in any line of it the letter's own lines lack
ABBREVIATIONS = {"z": "wait", "x": "examine", "l": "look"}


def _ask(game: Game, question: dict[str, Any], command: str, chosen: Mapping[str, str]) -> Parsed:
    """ "Which do you mean ...?", kept so that the answer finishes the command."""
    game.state.question = {**question, "command": command, "chosen": dict(chosen)}
    return Parsed(error=_question_text(game, question["candidates"]))


MANNER_WORDS = frozenset(grammar.MANNER.split("|"))


def _refused(game: Game, built: Parsed) -> bool:
    return bool(built.actions) and not all(_allowed(game, a) for a in built.actions)


# verbs of getting a thing, which where it is sold and cannot be taken is buying it
GETTING = frozenset({"get", "take", "grab", "fetch"})


def _bought(game: Game, ws: list[str]) -> Parsed | None:
    """ "get some ramen" at the stall, "take the bell" in the shop: the words read as
    buying, whatever buying is in this world, when taking is refused and buying is done."""
    if ws[0] not in GETTING or len(ws) < 2:
        return None
    again = _parse_words(game, " ".join(["buy", *ws[1:]]), ["buy", *ws[1:]], {})
    if again.actions and not _refused(game, again):
        return again
    game.state.question = {}
    return None


def _only_told(game: Game, built: Parsed) -> bool:
    """Whether the command goes a way that is no way out of here, only one the place's
    text tells of (kage.actions.ways.told): a thing in view the same words name, that
    the verb can be done to, is meant before it ("climb the ladder" where the ladder to
    a loft one may not go up stands)."""
    seen = query.ways_seen(game, query.here(game))
    return all(
        a.name == "go" and "named" in a.data and a.direction not in seen for a in built.actions
    )


def _no_one(game: Game, line: Line, built: Parsed) -> bool:
    """Whether a line whose only noun is someone was given something that is no one
    ("tell the guard ...", the dragon-guard sword): another line that takes a thing, or
    a later reading, is meant first."""
    slots = [t.slot for t in line.tokens if t.words is None and t.slot in NOUN_SLOTS]
    if slots != ["person"]:
        return False
    entities = game.world.entities
    return all(
        a.noun is not None and a.noun in entities and entities[a.noun].kind != "person"
        for a in built.actions
    )


def _settled(
    game: Game,
    line: Line,
    binds: list[Binding],
    question: dict[str, Any],
    chosen: Mapping[str, str],
) -> Parsed | dict[str, Any]:
    """A tie between things the words fit equally, when the player asked for the one
    left ("tie up the last guard", "the only hook"), settled by the one the action can be
    done to now; otherwise the question stands."""
    said = question.get("words")
    if not isinstance(said, list) or not question.get("left"):
        return question
    doable: list[Parsed] = []
    for candidate in question.get("candidates", ()):
        built = _build(game, line, binds, {**chosen, nouns.key(said): candidate})
        doing = isinstance(built, Parsed) and built.actions
        if doing and all(_allowed(game, a) for a in built.actions):  # type: ignore[union-attr]
            doable.append(built)  # type: ignore[arg-type]
            if len(doable) > 1:
                return question
    return doable[0] if len(doable) == 1 else question


def _note_manner(command: str, actions: list[Action]) -> None:
    """How the player said to do it ("walk carefully south", "carefully go north"): the
    manner word of the command, noted as the actions' `manner` for the rules that care
    (care on the road), whether its line took the word or the word was left out."""
    said = next((w for w in words(command) if w in MANNER_WORDS), None)
    if said is not None:
        for action in actions:
            action.data.setdefault("manner", said)


def _bare(game: Game, lines: list[Line], ws: list[str]) -> Parsed | None:
    """The verb on its own, when what it was aimed at (something named) is not here or
    is only scenery and the verb makes sense without it ("signal the miners", "listen
    to the talk"): the bare line of the same action, if that is answered."""
    aimed = {  # (at someone, the verb alone would mean someone else: "talk to twins")
        line.action  # the words said in one of its lines ("knock out X" is no knocking)
        for line in lines
        if any(t.words is None for t in line.tokens)
        and all(t.slot in ("thing", "things") for t in line.tokens if t.words is None)
        and grammar.fits(line, ws)
    }
    for line in lines:
        if line.action in aimed and len(line.tokens) == 1 and line.tokens[0].words:
            built = _build(game, line, [], {})
            if isinstance(built, Parsed) and built.actions:
                return built
    return None


USING = frozenset({"use", "apply", "utilise", "utilize"})
WALKING = frozenset(grammar.WAY_VERBS)
_ON = frozenset({"on", "onto", "upon", "to", "with", "against", "in", "into"})
_TOOL = frozenset({"with", "using"})
_NOUNS = frozenset({"thing", "held", "person"})


def _used_on(game: Game, ws: list[str], chosen: Mapping[str, str]) -> Parsed | None:
    """ "use A on B": the first line "VERB {B} with {A}" of any verb whose action would
    be done now ("polish {held} with {held}": use the whiting on the locket), so a
    player need not guess the verb the world wants. None if no such line would do."""
    for cut in range(2, len(ws) - 1):
        if ws[cut] not in _ON:
            continue
        tool, target = ws[1:cut], ws[cut + 1 :]
        for line in _tool_lines(game):
            first, second = (t.slot for t in line.tokens if t.words is None)
            built = _build(game, line, [(first, target), (second, tool)], chosen)
            doing = isinstance(built, Parsed) and built.actions
            if doing and all(_allowed(game, a) for a in built.actions):  # type: ignore[union-attr]
                return built  # type: ignore[return-value]
        game.state.question = {}
    return None


def _used(game: Game, phrase: list[str]) -> Parsed | None:
    """ "use X" alone: what the world's own verbs would do with X here, when exactly one
    of them would ("use the reserve scroll" unseals it). None when none would, or
    several different things would (then the player is better asked for a verb)."""
    found: dict[str, tuple[str, Parsed]] = {}
    for lines in game.lexicon.lines.values():
        for line in lines:
            if not line.world or len(line.tokens) != 2 or line.action in found:
                continue
            if line.tokens[1].words is not None or line.tokens[1].slot not in ("thing", "held"):
                continue
            built = _build(game, line, [(line.tokens[1].slot, phrase)], {})
            game.state.question = {}
            if isinstance(built, Parsed) and built.actions and not _refused(game, built):
                verb = min(line.tokens[0].words or {line.action})
                found[line.action] = (verb, built)
    if len(found) > 1:
        found = _what_it_is_for(game, found)
    if len(found) == 1:
        return next(iter(found.values()))[1]
    if not found:
        return None
    thing = next(iter(found.values()))[1].actions[0].noun or ""
    verbs = sorted(f"{verb} it" for verb, _ in found.values())
    listed = ", ".join(verbs[:-1]) + " or " + verbs[-1]
    return Parsed(error=replies.USE_HOW(game, thing=prose.the(game, thing), verbs=listed))


# what a thing of each kind is used for, by the verb everyone knows for it (as Inform's
# "use" extensions read it): a container is opened, food eaten, clothes worn
USED_AS = (
    ("container", "open"),
    ("door", "open"),
    ("edible", "eat"),
    ("drinkable", "drink"),
    ("wearable", "wear"),
)


def _what_it_is_for(
    game: Game, found: dict[str, tuple[str, Parsed]]
) -> dict[str, tuple[str, Parsed]]:
    """Of the actions "use X" could mean, those the everyday verb for X's kind means in
    this world ("open the scroll" unseals it: "use the reserve scroll" unseals it, where
    it could also be sorted); all of them if none is."""
    thing = next(iter(found.values()))[1].actions[0].noun
    entity = game.world.entities.get(thing or "")
    if entity is None:
        return found
    verbs = [verb for kind, verb in USED_AS if getattr(entity, kind)]
    meant = {line.action for verb in verbs for line in game.lexicon.lines.get(verb, ())}
    return {name: kept for name, kept in found.items() if name in meant} or found


def _tool_lines(game: Game) -> list[Line]:
    """Every line shaped "VERB {something} with {something}", the world's first."""
    kept = game.world.runtime.get("tool_lines")
    if kept is None:
        found: dict[str, Line] = {}
        for lines in game.lexicon.lines.values():
            for line in lines:
                shape = [t.slot if t.words is None else "" for t in line.tokens]
                if (
                    len(line.tokens) == 4
                    and shape[1] in _NOUNS
                    and shape[3] in _NOUNS
                    and (line.tokens[2].words or frozenset()) & _TOOL
                ):
                    found.setdefault(line.pattern + line.action, line)
        kept = sorted(found.values(), key=lambda ln: not ln.world)
        game.world.runtime["tool_lines"] = kept
    return kept  # type: ignore[no-any-return]


def _takes_manner(game: Game, verb: str, word: str) -> bool:
    """Whether a line of the verb has the manner word straight after it."""
    lines = game.lexicon.lines.get(verb, ())
    return any(len(ln.tokens) > 1 and word in (ln.tokens[1].words or ()) for ln in lines)


def _manner(game: Game, word: str) -> bool:
    """A word that says how something is done, not what: "quietly", "again"."""
    if word in MANNER:
        return True
    return word.endswith("ly") and len(word) > 4 and word not in game.lexicon.words


# words that say how, not what: left out when no reading of the whole command fits
MANNER = frozenset(grammar.MANNER.split("|")) | {"again", "gently", "firmly", "just", "away"}
# a closing phrase that only says where the thing is ("the coat on the nail")
TAIL_PREPOSITIONS = frozenset(
    {"at", "on", "in", "inside", "for", "from", "near", "beside", "by", "under", "of", "behind"}
    | {"along", "past", "through"}  # "carry on south along the track"
)


SPEECH_VERBS = ("say", "shout", "yell", "call", "tell", "whisper", "cry")


def _speech_lines(game: Game, verb: str, lines: list[Line]) -> list[Line]:
    """The lines a phrase said with `verb` may be found in: a verb of speech's are those
    of every verb of speech ("tell the guards i'm lost" holds "say i'm lost")."""
    if verb not in SPEECH_VERBS:
        return lines
    kept = game.world.runtime.get("parser.speech_lines")
    if kept is None or kept[0] is not game.lexicon:  # the same for every verb of speech
        every = [line for v in SPEECH_VERBS for line in game.lexicon.lines.get(v, ())]
        kept = game.world.runtime["parser.speech_lines"] = (game.lexicon, every)
    return kept[1]  # type: ignore[no-any-return]


def _phrase_within(
    game: Game, ws: list[str], lines: list[Line], chosen: Mapping[str, str]
) -> Parsed | None:
    """Words said freely that hold a phrase the world listens for: the longest of the
    lines made only of words (at least two after the verb) whose words come, in order
    and together, among those said, when what it does would be done here."""
    said = ws[1:]
    best: tuple[int, Line] | None = None
    for line, wanted in _phrases(game, ws[0], lines):
        n = len(wanted)
        for i in range(len(said) - n + 1):
            if all(said[i + k] in t.words for k, t in enumerate(wanted)):  # type: ignore[operator]
                if best is None or n > best[0]:
                    best = (n, line)
                break
    if best is None:
        return None
    first = best[1].tokens[0].words or frozenset()
    if len(best[1].tokens) == len(ws) and ws[0] in first:
        return None  # said exactly (the line matches on its own)
    built = _build(game, best[1], [], chosen)
    if not isinstance(built, Parsed) or not built.actions:
        return None
    # only where it would be heard: elsewhere the words are said as they were typed
    return built if all(_allowed(game, a) for a in built.actions) else None


def _phrases(game: Game, verb: str, lines: list[Line]) -> list[tuple[Line, tuple[Any, ...]]]:
    """The lines made only of words (at least two after the verb), each with those
    words, in order; kept per lexicon for the lines of each verb."""
    kept = game.world.runtime.get("parser.phrases")
    if kept is None or kept[0] is not game.lexicon:
        kept = (game.lexicon, {})
        game.world.runtime["parser.phrases"] = kept
    found = kept[1].get(verb)
    if found is None or found[0] is not lines:
        phrases = [
            (line, line.tokens[1:])
            for line in lines
            if len(line.tokens) > 2 and all(t.words is not None for t in line.tokens[1:])
        ]
        found = kept[1][verb] = (lines, phrases)
    return found[1]  # type: ignore[no-any-return]


def _without_tail(game: Game, ws: list[str]) -> list[str] | None:
    """The command without words that add nothing the verb takes, for another try when
    no reading of the whole fits, one kind at a time (the next try leaves out the next):
    a last "too" or "again"; words of manner anywhere ("quietly cut their chains",
    "wait here for an hour"); a closing "with the rope" naming something in reach, when
    the verb has no slot for a tool ("tie up the gangster with the rope": tying up finds
    the rope itself, and says if there is none); a closing phrase of known words that
    says where the thing is ("read the message in the sawdust")."""
    if len(ws) > 2 and ws[-1] in nouns.TRAILING:
        return ws[:-1]
    lexicon = game.lexicon.words
    plain = [
        w
        for i, w in enumerate(ws)
        if i == 0 or not (_manner(game, w) or (w == "here" and i < len(ws) - 1))
    ]
    if len(plain) < len(ws) and len(plain) > 0:
        return plain
    for cut in range(len(ws) - 2, 1, -1):
        if ws[cut] not in ("with", "using"):
            continue
        tool = nouns.resolve_one(game, "held", ws[cut + 1 :], "")
        return ws[:cut] if tool.ids or tool.question else None
    taken = {  # words the verb's own lines put after a noun ("take all from the box")
        word
        for line in game.lexicon.lines.get(ws[0], ())
        for before, token in itertools.pairwise(line.tokens)
        if before.words is None
        for word in token.words or ()
    }
    for cut in range(len(ws) - 2, 1, -1):
        tail = ws[cut + 1 :]
        if ws[cut] in TAIL_PREPOSITIONS and ws[cut] not in taken and lexicon.issuperset(tail):
            return ws[:cut]
    return None


def _engine_if_world_refuses(
    game: Game,
    lines: list[Line],
    line: Line,
    ws: list[str],
    built: Parsed,
    chosen: Mapping[str, str],
) -> Parsed:
    """A world's line beat an engine line of the same shape. If the world's action would
    refuse these nouns and the engine's would not, the player meant the engine's: "open
    the door" in a world whose "open {thing}" unseals scrolls. A line that names nothing
    ("listen") is the world's whatever its answer."""
    rivals = [
        ln for ln in lines if not ln.world and ln.shape == line.shape and ln.action != line.action
    ]
    if not any(a.noun for a in built.actions):
        return built  # nothing named that the world's action could be refusing
    if not rivals or any(_allowed(game, a) for a in built.actions):
        return built
    for rival in rivals:
        for binds in match(rival.tokens, ws, 1, 1):
            other = _build(game, rival, binds, chosen)
            if (
                isinstance(other, Parsed)
                and other.actions
                and all(_allowed(game, a) for a in other.actions)
            ):
                return other
    return built


def _allowed(game: Game, action: Action) -> bool:
    """Whether the action would pass its checks now, asked of a copy so that nothing the
    rules note (or a chance they draw) is left behind."""
    trial = _copy(action, action.noun or "", action.several)
    trial.noun = action.noun
    trial.actor = game.world.player
    state = game.state
    saved = (state.rng, dict(state.pronouns), state.question)
    try:
        return applies(game, trial)
    finally:
        state.rng, state.pronouns, state.question = saved


def _not_a_verb(game: Game, ws: list[str]) -> Parsed:
    first = ws[0]
    if first in DIRECTIONS:
        if len(ws) == 1:
            return Parsed(actions=[Action("go", direction=DIRECTIONS[first])])
        if ws[1] in WAY_WORDS:  # "north to the village green", as "go north to ..." is
            gone = _parse_words(game, " ".join(["go", *ws]), ["go", *ws], {})
            if gone.actions:
                return gone
            game.state.question = {}
        return _no_line_fits(game, ws, [])
    named = _named_alone(game, ws)
    if named is not None:
        return named
    shown = first if len(first) <= 40 else first[:40] + "..."
    failed = _fail(game, replies.NOT_A_VERB, SHAPE, word=shown)
    if first not in game.lexicon.words:  # one voice for a first word that is not a verb
        failed.rank, failed.understood, failed.unknown = UNKNOWN, False, first
    return failed


def _named_alone(game: Game, ws: list[str]) -> Parsed | None:
    """A line that is only a name, no verb: a skill the player would use now
    ("invisibility": casting it, as "use invisibility" is), else a thing in view, looked
    at ("the lamp", as many modern games read a bare noun). None otherwise."""
    if ws[0] in game.lexicon.verbs:
        return None
    used = _parse_words(game, " ".join(["use", *ws]), ["use", *ws], {})
    skill = used.actions and all(a.noun is None and a.text for a in used.actions)
    if skill and not _refused(game, used):
        return used
    game.state.question = {}
    looked = _parse_words(game, " ".join(["examine", *ws]), ["examine", *ws], {})
    entities = game.world.entities
    if any(entities[a.noun].kind == "person" for a in looked.actions if a.noun in entities):
        return None  # a name alone is said to them: "marta" greets her
    if looked.actions or game.state.question:
        return looked
    game.state.question = {}
    return None


def _no_line_fits(game: Game, ws: list[str], lines: list[Line]) -> Parsed:
    unknown = nouns.unknown_word(game, ws[1:])
    if unknown is not None:
        return _unknown(game, unknown)
    if len(ws) == 1 and ws[0] in DIRECTIONS:
        return Parsed(actions=[Action("go", direction=DIRECTIONS[ws[0]])])
    first = ws[0]
    lines = [ln for ln in lines if not ln.tentative] or lines  # a sure reading shows how
    slotted = [ln for ln in lines if any(t.words is None for t in ln.tokens)]
    if len(ws) == 1 and slotted:
        supplied = _the_only_one(game, slotted)  # "eat" with only the ramen to eat
        return supplied if supplied is not None else _what(game, first, slotted)
    longer = slotted or [ln for ln in lines if len(ln.tokens) > 1]
    example = _example(min(longer or lines, key=lambda ln: len(ln.tokens))) if lines else first
    return _fail(game, replies.NOT_UNDERSTOOD, SHAPE, verb=first, example=example)


def _the_only_one(game: Game, lines: list[Line]) -> Parsed | None:
    """A verb typed alone whose lines take one thing or person, when there is exactly
    one in view it could be done to now: done to that one, with a note of which ("eat"
    with the bowl of ramen before you: "(the bowl of ramen)"). None when there is none
    or several (then the player is asked what)."""
    actions = {
        ln.action
        for ln in lines
        if len(ln.tokens) == 2 and ln.tokens[1].slot in ("thing", "held", "person")
    }
    if not actions or pending.offered_verb(game) is not None:
        return None  # an offer stands: the verb alone may take it ("eat" when asked to)
    fits: list[Action] = []
    for thing in nouns.scope(game, "thing"):
        if thing == game.world.player:
            continue
        for name in actions:
            action = Action(name, thing)
            if _allowed(game, action):
                fits.append(action)
                if len(fits) > 1:
                    return None
    if not fits:
        return None
    nouns.remember(game, [fits[0].noun or ""])
    return Parsed(actions=fits, note=replies.SUPPLIED(game, thing=prose.the(game, fits[0].noun)))


def _what(game: Game, verb: str, lines: list[Line]) -> Parsed:
    """'take' on its own -> "What do you want to take?". Of the lines whose verb is
    followed straight by its object, the widest says what is missing ("climb {thing}", not
    "climb into {thing}" nor "climb {direction}")."""
    plain = [ln for ln in lines if len(ln.tokens) > 1 and ln.tokens[1].words is None]
    plainest = min(plain, key=lambda ln: ln.specificity) if plain else lines[0]
    slot = next(t.slot for t in plainest.tokens if t.words is None)
    asks = {
        "direction": "Where",
        "place": "Where",
        "way": "Where",
        "toward": "Where",
        "person": "Who",
    }.get(slot, "What")
    if len(verb) <= 2:  # an abbreviation: 'x' -> examine
        verb = plainest.action.split("_")[0]
    return _fail(game, replies.WHAT, SHAPE, asks=asks, verb=verb)


def _example(line: Line) -> str:
    parts = []
    for part in line.pattern.split():
        slot = part.strip("{}")
        parts.append(SHAPES.get(slot, slot) if part.startswith("{") else part.split("|")[0])
    return " ".join(parts)


def _question_text(game: Game, candidates: list[str]) -> str:
    names = [prose.the(game, c) for c in candidates]
    listed = ", ".join(names[:-1]) + " or " + names[-1]
    return replies.WHICH(game, listed=listed)


def _set_values(
    game: Game, action: Action, binds: list[Binding], walking: bool = False
) -> Parsed | None:
    """Fill the slots that take words rather than things; a Parsed return is a failure.
    The unit goes first, so the number is read within the action's bounds in minutes."""
    number: list[str] | None = None
    for slot, phrase in sorted(binds, key=lambda bind: bind[0] != "unit"):
        if slot == "number":
            number = phrase
        elif slot not in NOUN_SLOTS:
            failed = _set_value(game, action, slot, phrase, walking)
            if failed is not None:
                return failed
    return None if number is None else _set_number(game, action, number)


def _set_number(game: Game, action: Action, phrase: list[str]) -> Parsed | None:
    bounds = game.rules.bounds(action.name)
    scale = action.number if action.data.get("unit") else 1  # minutes in the unit said
    try:
        value = numbers.read(" ".join(phrase), -(-bounds.low // scale), bounds.high // scale)
    except numbers.OutOfRange as exc:
        return _failed(bounds.refusal(exc), RANGE, "parser.out_of_range")
    except numbers.NotWhole:
        return _fail(game, replies.NOT_WHOLE, RANGE)
    except numbers.NotANumber:
        unknown = nouns.unknown_word(game, phrase)
        if unknown is not None:
            return _unknown(game, unknown)
        shown = " ".join(phrase)
        return _fail(game, replies.NOT_A_NUMBER, SHAPE, word=shown[:40])
    action.number = value * scale
    return None


def _set_value(
    game: Game, action: Action, slot: str, phrase: list[str], walking: bool = False
) -> Parsed | None:
    """`walking`: the verb is one of going ("go into the bar"), so a way named may be
    the way to a place further off; "take the moot" is no walk to the moot hall."""
    word = phrase[0]
    if slot in FREE_SLOTS:
        action.text = " ".join(phrase)
    elif slot == "direction":
        if word not in DIRECTIONS:
            return _fail(game, replies.NOT_A_DIRECTION, SHAPE, word=word)
        action.direction = DIRECTIONS[word]
    elif slot in ("way", "here", "toward"):
        if slot == "here" and action.name != "exit":  # "look around the office"
            return None if ways.names_here(game, phrase) else _fail(game, replies.NO_WAY, SHAPE)
        if slot == "here":
            found = ways.out_of_here(game, phrase)
        elif slot == "toward" and action.name == "go":
            found = ways.named(game, phrase)
            far = ways.far_place(game, phrase) if found is None else None
            if far is not None:  # "go back to the village": the whole way there
                action.name, action.noun = "go_to", far[0]
                return None
        elif slot == "toward":
            found = ways.toward(game, phrase)
        else:
            found = ways.named(game, phrase, action.direction)
        if isinstance(found, list):  # several ways fit the words
            listed = " or ".join(found)
            return _fail(game, replies.WHICH_WAY, SCOPE, listed=listed)
        if found is None and slot != "here":
            place = ways.place_after_to(game, phrase)  # "walk up the lane to my apartment"
            if place is None and slot == "way" and walking:
                far = ways.far_place(game, phrase)  # "go into the bar" from two rooms off
                place = far[0] if far else None
            if place is not None:
                action.name, action.noun = "go_to", place
                return None
        if found is None:
            return _fail(game, replies.NO_WAY, SHAPE)
        action.direction = found
        action.data["named"] = phrase  # the player named the way rather than a direction
    elif slot == "unit":
        minutes = unit_minutes(word)
        if minutes is None:
            return _fail(game, replies.NOT_A_UNIT, SHAPE, word=word)
        action.number = minutes  # one of it, unless a number says how many
        action.data["unit"] = True
    return None


def _build(
    game: Game, line: Line, binds: list[Binding], chosen: Mapping[str, str]
) -> Parsed | dict[str, Any]:
    """Resolve a syntactic match into actions; a dict return is a question to ask."""
    action = Action(line.action)
    for slot, phrase in binds:
        unknown = nouns.unknown_word(game, phrase) if slot not in WORDS_READ else None
        if unknown is not None and slot in ("way", "toward") and ways.described_here(game, phrase):
            unknown = None  # "the cobbled square": words the place's own text uses
        if unknown is not None and slot in ("thing", "things"):
            about_me = _felt(game, line.action, phrase)  # "x rash"
            if about_me is not None:
                return about_me
        if unknown is not None:
            if slot in ("thing", "things"):
                scenery = nouns.described_here(game, phrase, line.action)
            else:
                scenery = None
            if scenery is not None:
                return _scenery(game, line.action, phrase, scenery)
            return _unknown(game, unknown)  # before any "can't see": it tells the player more
    walking = bool((line.tokens[0].words or frozenset()) & WALKING)
    failed = _set_values(game, action, binds, walking)
    if failed is not None:
        return failed
    if _taking_a_door(game, line, action, binds):
        return _fail(game, replies.NO_WAY, SHAPE)  # "take the door" is taking it
    bag = None
    if line.action in PUTTING and not any(slot == "thing" for slot, _ in binds):
        bag = _the_bag(game)  # "pack my things": into the one bag the player has
        if bag is None:
            return _fail(game, replies.WHAT, SHAPE, asks="What", verb="put them in")
    resolved = _resolve_nouns(game, line.action, binds, chosen, bag)
    if not isinstance(resolved, tuple):
        return resolved
    found, several = resolved
    built = _actions(game, action, binds, found, several)
    for each in built.actions if bag is not None else ():
        each.second = bag
    return built


PUTTING = frozenset({"put_in"})  # actions whose lines may leave out where (supplied)


def _the_bag(game: Game) -> str | None:
    """The container the player has about him for packing things into, when there is
    one to choose: the one he wears (a backpack), else the one he holds; None when he
    has none, or several alike."""
    player = game.world.player
    entities = game.world.entities
    bags = [e for e in query.contents(game, player) if entities[e].container]
    for kept in (
        [b for b in bags if query.prop(game, b, "worn")],
        [b for b in bags if not query.prop(game, b, "worn")],
    ):
        if kept:
            return kept[0] if len(kept) == 1 else None
    return None


def _taking_a_door(game: Game, line: Line, action: Action, binds: list[Binding]) -> bool:
    """Whether "take" names a way by its door: a path or a road is taken by walking it,
    a door is taken as a thing (and is fixed in place)."""
    if "take" not in (line.tokens[0].words or ()) or action.name != "go":
        return False
    way = query.ways_seen(game, query.here(game)).get(action.direction)
    if way is None or way.door is None or way.door not in game.lexicon.names:
        return False
    door = game.lexicon.names[way.door].words
    return any(w in door for slot, phrase in binds if slot == "way" for w in phrase)


def _felt(game: Game, verb: str, phrase: list[str]) -> Parsed | None:
    """Something the player has about him that is no thing (a rash): looking at it says
    how it is; doing anything else to it, that it won't help."""
    words = nouns.strip_articles(phrase)
    for felt in game.engine.hooks("felt"):
        said = felt(game, words)
        if said is not None:
            if verb in scenery.LOOKING:
                return Parsed(error=said, rank=SCENERY)
            return Parsed(error=replies.ABOUT_YOU(game), rank=SCENERY)
    return None


def _scenery(game: Game, verb: str, phrase: list[str], refusal: str) -> Parsed:
    """Something a description mentions and the world does not model: looking at it
    is answered by what the text says of it, handling it as a thing fixed in the scene
    is answered; anything else is refused as scenery."""
    if verb in scenery.LOOKING:
        said = scenery.sentences_naming(game, phrase)
        if said is None and phrase and phrase[-1] in scenery.COMMONPLACE:
            said = scenery.NOTHING_SPECIAL(game, words=" ".join(nouns.strip_articles(phrase)))
        if said is not None:
            return Parsed(error=said, rank=SCENERY)
    handled = scenery.HANDLING.get(verb)
    if handled is not None:
        return Parsed(error=handled(game), rank=SCENERY)
    return _failed(refusal, SCENERY, replies.SCENERY.name)


def _resolve_nouns(
    game: Game,
    verb: str,
    binds: list[Binding],
    chosen: Mapping[str, str],
    other: str | None = None,
) -> tuple[dict[int, list[str]], bool] | Parsed | dict[str, Any]:
    """Single things first, so "take all from the pouch" knows the pouch and "put all in
    the bag" can leave the bag out (`other`: the thing already known, if supplied)."""
    found: dict[int, list[str]] = {}
    several = False
    order = sorted(range(len(binds)), key=lambda i: binds[i][0] == "things")
    # a line with one thing or person can be carried out on each of several in turn
    alone = sum(1 for slot, _ in binds if slot in NOUN_SLOTS) == 1
    nouned = [i for i, (slot, _) in enumerate(binds) if slot in NOUN_SLOTS]
    where = nouned[-1] if verb in ("put_in", "put_on") and len(nouned) > 1 else None
    for index in order:
        slot, phrase = binds[index]
        if slot not in NOUN_SLOTS:
            continue
        marked = nouns.DESTINATION.set(index == where)
        try:
            if slot == "things":
                got = nouns.resolve_many(game, phrase, verb, other, chosen)
            else:
                got = nouns.resolve_one(game, slot, phrase, verb, chosen, alone and slot != "place")
        finally:
            nouns.DESTINATION.reset(marked)
        if got.question is not None:
            return got.question
        if not got.ids and got.failure == replies.SCENERY.name:
            return _scenery(game, verb, phrase, got.error)
        if not got.ids:
            return _failed(got.error, got.rank, got.failure)
        found[index] = got.ids
        several = several or got.several
        if slot == "thing":
            other = got.ids[0]
    return found, several


def _actions(
    game: Game, action: Action, binds: list[Binding], found: dict[int, list[str]], several: bool
) -> Parsed:
    objects: list[list[str]] = []
    people: list[str] = []
    for index, (slot, _) in enumerate(binds):
        if index not in found:
            continue
        if slot == "person":
            people.extend(found[index])
        elif slot == "place":
            action.noun = found[index][0]
        else:
            objects.append(found[index])
    nouns.remember(game, people)
    if not objects:
        if len(people) > 1:  # "tie up the gangsters": each in turn
            return Parsed(actions=[_copy(action, who, True) for who in people])
        if people:
            action.noun = people[0]
        return Parsed(actions=[action])
    action.second = objects[1][0] if len(objects) > 1 else (people[0] if people else None)
    if len(objects) > 1:
        nouns.remember(game, objects[1])  # "it" may fall back on the container
    nouns.remember(game, objects[0])
    return Parsed(actions=[_copy(action, noun, several) for noun in objects[0]])


def _copy(action: Action, noun: str, several: bool) -> Action:
    return Action(
        action.name,
        noun,
        action.second,
        action.text,
        action.number,
        action.direction,
        data=dict(action.data),
        several=several,
    )
