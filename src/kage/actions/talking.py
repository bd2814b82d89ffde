"""Conversation: talk to, ask about, tell about, say.

Topics are data on each person: words that call them up, the prose, a condition and
effects. A system may add a report to a topic (the council's tally, an edict's terms).
A line a person says may ask the player something (`asks`, see pending.py). People
remember what they last said: asked about a word of it with no topic for it, they point
back to the sentence that named it. Said to someone, words that are no topic of theirs
are still heard as what they are: a promise, thanks, an apology, a goodbye, a question.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kage.actions import checks, describe, interactions, pending, speech
from kage.actions.pipeline import Action, rule
from kage.core import prose
from kage.core.responses import Response, response
from kage.parser import synonyms, typos
from kage.parser.text import words
from kage.world import effects, ops, query
from kage.world.conditions import holds, said_now
from kage.world.model import Topic, Variant

if TYPE_CHECKING:
    from kage.game import Game

FILLER = frozenset(
    {
        "about",
        "the",
        "a",
        "an",
        "of",
        "to",
        "for",
        "me",
        "you",
        "is",
        "what",
        "your",
        "my",
        "and",
        "her",
        "him",
        "his",
        "their",
        "them",
        "they",
        "it",
        "on",
        "in",
        "do",
        "does",
        "did",
    }
)


NODS = response("talking.nods", "{The noun} {nods} to you.")
COULD_ASK = response(
    "talking.could_ask", "(You could ask {the noun} about {topics}.)", "name", "topics"
)
ASK_WHAT = response("asking.what", "What do you want to ask about?")
NOTHING_TO_SAY = response("asking.nothing_to_say", "{The noun} {has} nothing to say about that.")
SAY_WHAT = response("saying.what", "What do you want to say?")
SAID_TO_NOBODY = response("saying.to_nobody", 'You say "{text}" to nobody in particular.')
# said aloud with several people about and none of them the one it was meant for
SAID_TO_THE_ROOM = response(
    "saying.to_the_room",
    'You say "{text}" to the room. {The who} {glances} your way; nobody answers.',
    "who",
)
NO_ANSWER = response("saying.no_answer", "{The noun} {listens}, but {makes} nothing of it.")
# a topic told already, asked again for something it does not say (her husband's name,
# of a speech about the town): the sentence of it that bears on the question, not the
# whole speech again word for word
TOLD_BEFORE = response(
    "asking.told_before",
    '{The noun} {has} told you what {he} {knows} of that: "{said}"',
    "said",
)
TOLD = "topics_told"  # state.records key: person -> the topics they have told the player
AS_SAID = response(
    "asking.as_said", '{The noun} {has} nothing to add to what {he} just said: "{said}"', "said"
)
# what a person makes of words said to them that are no topic of theirs, by what the
# words do (the first kind whose words appear wins)
SPEECH_ACTS: list[tuple[frozenset[str], Response]] = [
    (
        frozenset({"goodbye", "bye", "farewell", "sayonara"}),
        response("saying.goodbye", 'You say goodbye. {The noun} {nods}: "Take care."'),
    ),
    (
        frozenset({"promise", "swear", "word", "will", "i'll", "vow"}),
        response(
            "saying.promise",
            "{The noun} {looks} at you for a long moment, and {nods}. {He} will hold you to it.",
        ),
    ),
    (
        frozenset({"thank", "thanks", "grateful"}),
        response("saying.thanks", "{The noun} {waves} your thanks away."),
    ),
    (
        frozenset({"sorry", "apologise", "apologize", "forgive"}),
        response("saying.sorry", "{The noun} {hears} your apology out."),
    ),
    (
        frozenset({"hello", "hi", "hey", "greetings"}),
        response("saying.hello", "{The noun} {nods} back at you."),
    ),
]  # fmt: skip
QUESTION_WORDS = speech.QUESTIONS | speech.AUXILIARIES
SAID = "said"  # state.records key: person -> the words of the last thing they said


def _words_of(topic: Topic) -> frozenset[str]:
    """Every word a topic answers to: its own words, its title's and its id's."""
    titled = words(topic.title) + topic.id.split("_")
    return topic.words | {w for w in titled if w not in FILLER}


def stem(word: str) -> str:
    """A word without its commonest ending, so "voting" finds "vote" and "rules" "rule"."""
    for ending in ("ing", "ed", "es", "s", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def pick_topic(game: Game, person: str, text: str, verb: str) -> Topic | None:
    """The topic the words ask about: the one sharing most of their words (or their
    stems); of those, the most specific (the one with fewest words of its own). Failing
    that, a word one slip from a topic's word is read as it ("banishmnet"), unless the
    person has just said the word itself."""
    asked = {w for w in words(text) if w not in FILLER} or set(words(text))
    found = _best_topic(game, person, asked)
    if found is None:
        known = {w for t in game.world.entities[person].topics for w in _words_of(t)}
        just_said = set(words(str((game.state.records.get(SAID) or {}).get(person, ""))))
        mended = {w if w in just_said else (typos.candidates(w, known, 1) or [w])[0] for w in asked}
        if mended != asked:
            found = _best_topic(game, person, mended)
    return found


def _best_topic(game: Game, person: str, asked: set[str]) -> Topic | None:
    stems = {stem(w) for w in asked}
    alike = [synonyms.of(w) | {w} for w in asked]  # "the conditions" for the terms
    best: tuple[tuple[int, int, int], Topic] | None = None
    for topic in game.world.entities[person].topics:
        own = _words_of(topic)
        exact = len(asked & own)
        overlap = max(exact, len(stems & {stem(w) for w in own}), sum(1 for a in alike if a & own))
        if not overlap or not holds(game, topic.when):
            continue
        score = (overlap, exact, -len(own))  # the word as said beats its stem
        if best is None or score > best[0]:
            best = (score, topic)
    return best[1] if best else None


def chosen(game: Game, variants: list[Variant]) -> Variant | None:
    """The variant that is said now (the first whose condition holds; a `once` variant
    only the first time)."""
    return said_now(game, variants)


def heard_from(game: Game, who: str, text: str) -> None:
    """`who` said `text`: they remember it, and are the one the player talks to."""
    said = dict(game.state.records.get(SAID) or {})
    if said.get(who) != text:
        said[who] = text
        ops.record(game, SAID, said)
    speech.remember(game, who)


def _as_said(game: Game, who: str, text: str) -> str | None:
    """The sentence of `who`'s last words that names something asked about, if any."""
    last = (game.state.records.get(SAID) or {}).get(who)
    if not isinstance(last, str):
        return None
    asked = {w for w in words(text) if w not in FILLER and w not in QUESTION_WORDS}
    if not asked:
        return None
    for sentence in re.split(r"(?<=[.!?])\s+", last.replace("\n", " ")):
        if asked & {w.rstrip("s") for w in words(sentence)} | asked & set(words(sentence)):
            return sentence.strip().strip('"').strip()
    return None


def topic_titles(game: Game, person: str) -> list[str]:
    return [
        t.title or t.id.replace("_", " ")
        for t in game.world.entities[person].topics
        if not t.hidden and holds(game, t.when)
    ]


@rule("before", "talk", "ask", "tell", "say", order=10)
def choose_listener(game: Game, action: Action) -> None:
    """Whom "ask about the town" is put to: the one person here, or of several, the
    one person who has something to say about it."""
    if action.noun is None:
        action.noun = checks.only_person_here(game)
    if action.noun is None and action.text and action.name == "ask":
        here = query.contents(game, query.here(game))
        people = [e for e in here if game.world.entities[e].kind == "person"]
        knowing = [
            p
            for p in people
            if p != game.world.player and pick_topic(game, p, action.text, action.name)
        ]
        if len(knowing) == 1:
            action.noun = knowing[0]


GREETINGS = frozenset({"hello", "hi", "hey", "greetings", "morning", "evening", "good", "there"})
INTENT = frozenset({"will", "shall", "promise", "swear"})
SPEECH = frozenset({"talk", "ask", "tell", "say"})


@rule("before", "say", "tell", order=20)
def words_as_deeds(game: Game, action: Action) -> str | None:
    """Words said to someone that are a deed: an answer to their question ("tell her
    yes"), a greeting ("say hello to Barnaby" is talking to him), a promise ("tell Kai
    i'll bring him home"), or "i" and a verb done to a person ("tell Kai i forgive him")."""
    who = action.noun
    if who is None or game.world.entities[who].kind != "person":
        return None
    name = game.lexicon.names.get(who)
    ws = [w for w in words(action.text) if name is None or w not in name.nouns]
    if not ws:
        return None
    answering = pending.answer(game, ws) if pending.asker(game) == who else None
    deed = _deed(game, ws[1]) if ws[0] in ("i", "we") and len(ws) > 1 else None
    if answering:
        action.name, action.noun, action.data = (
            answering[0].name,
            answering[0].noun,
            answering[0].data,
        )
    elif set(ws) <= GREETINGS:
        action.name, action.text = "talk", ""
        return None
    elif ws[0] in ("i'll", "we'll") or ws[0] in ("i", "we") and ws[1:2] and ws[1] in INTENT:
        action.name = "promise"
    elif deed is not None:
        action.name = deed
    else:
        return None
    # the deed's own before rules have not run: the world's meaning for it is found here
    return interactions.world_meaning(game, action)


def _deed(game: Game, verb: str) -> str | None:
    """The action of "VERB {person}", if the verb is one done to a person."""
    for line in game.lexicon.lines.get(verb, []):
        slots = [t.slot for t in line.tokens[1:]]
        if slots == ["person"] and line.action not in SPEECH:
            return line.action
    return None


@rule("check", "talk", "ask", "tell")
def someone_to_talk_to(game: Game, action: Action) -> str | None:
    return checks.not_person(game, action.noun, "talk to")


@rule("carry_out", "talk")
def greeting(game: Game, action: Action) -> None:
    action.minutes = 5


@rule("report", "talk")
def report_greeting(game: Game, action: Action) -> str:
    assert action.noun is not None
    ent = game.world.entities[action.noun]
    state = _state_says(game, ent.id)  # out cold, or begging: their state answers first
    greeting = None if state else chosen(game, ent.greeting)
    said = state or (game.render(greeting.text) if greeting else NODS(game, action))
    if greeting is not None:
        heard_from(game, action.noun, said)
        pending.record(game, action.noun, greeting.asks)
    else:
        speech.remember(game, action.noun)
    titles = topic_titles(game, action.noun)
    if titles:
        could = COULD_ASK(
            game, action, name=prose.name(game, ent.id), topics=describe.listing(titles)
        )
        said += f"\n\n{could}"
    return said


@rule("check", "ask", "tell")
def something_to_ask(game: Game, action: Action) -> str | None:
    if not action.text:
        return ASK_WHAT(game, action)
    return None


@rule("carry_out", "ask", "tell", "say")
def conversing(game: Game, action: Action) -> None:
    action.minutes = 2
    if action.noun is None or game.world.entities[action.noun].kind != "person":
        return
    speech.remember(game, action.noun)
    topic = pick_topic(game, action.noun, action.text, action.name)
    if topic is None:
        return
    action.minutes = topic.minutes
    action.data["topic"] = topic.id
    variant = chosen(game, topic.text)
    action.data["said"] = game.render(variant.text) if variant else ""
    told = dict(game.state.records.get(TOLD) or {})
    before = list(told.get(action.noun, []))
    if topic.id in before:
        again = _told_again(game, action, topic, action.data["said"])
        if again:
            action.data["said"] = again
            return  # nothing new is said: nothing new is done
    else:
        told[action.noun] = [*before, topic.id]
        ops.record(game, TOLD, told)
    if topic.report:
        action.data["said"] += "\n\n" + game.render("{{" + topic.report + "}}")
    heard_from(game, action.noun, action.data["said"])
    pending.record(game, action.noun, (variant.asks if variant else None) or topic.asks)
    effects.apply(game, topic.effects)


@rule("report", "ask", "tell")
def report_answer(game: Game, action: Action) -> str:
    assert action.noun is not None
    if "said" in action.data:
        return str(action.data["said"])
    ent = game.world.entities[action.noun]
    heard = _speech_act(game, action) if action.name == "tell" else None
    if heard is not None:
        return heard
    earlier = _as_said(game, action.noun, action.text)
    if earlier is not None:
        return AS_SAID(game, action, said=earlier)
    state = _state_says(game, ent.id)  # as their looks replace descriptions
    if state:
        return state
    own = chosen(game, ent.unknown_topic)
    return game.render(own.text) if own else NOTHING_TO_SAY(game, action)


def _state_says(game: Game, who: str) -> str:
    """What someone's state makes them say to anything (a status's `answers`): a guard
    who has surrendered begs, whether greeted or asked; "" if no state speaks for them."""
    answers = game.engine.providers.get("answers")
    return str(answers(game, who)) if answers else ""


def _told_again(game: Game, action: Action, topic: Topic, said: str) -> str:
    """For a topic told already and asked again with words it has no answer for ("what
    is your husband's name?" of a speech that names no one): the one sentence of it that
    bears on the question; "" to say it all again (asked again as before, or nothing in
    it bears on the question)."""
    asked = {w for w in words(action.text) if w not in FILLER and w not in QUESTION_WORDS}
    own = _words_of(topic)
    if not asked or asked <= own or not said:
        return ""
    bearing = asked & own
    for sentence in re.findall(r"[^.!?]+[.!?]+[\"\u201d]?", said.replace("\n", " ")):
        if bearing & set(words(sentence)):
            found = sentence.strip().strip('"\u201c\u201d').strip()
            return TOLD_BEFORE(game, action, said=found)
    return ""


def _speech_act(game: Game, action: Action) -> str | None:
    """What a person makes of words said to them that are no topic of theirs."""
    assert action.noun is not None
    said = set(words(action.text))
    for kind, reply in SPEECH_ACTS:
        if said & kind:
            return reply(game, action)
    return None


@rule("check", "say")
def something_to_say(game: Game, action: Action) -> str | None:
    if not action.text:
        return SAY_WHAT(game, action)
    if action.noun is not None:
        return checks.not_person(game, action.noun, "talk to")
    return None


@rule("report", "say")
def report_say(game: Game, action: Action) -> str:
    if "said" in action.data:
        return str(action.data["said"])
    if action.noun is None:
        player = game.world.player
        people = [
            e
            for e in query.contents(game, query.here(game))
            if game.world.entities[e].kind == "person" and e != player
        ]
        if people:
            who = prose.subject(game, people[0])
            return SAID_TO_THE_ROOM(game, action, who=who)
        return SAID_TO_NOBODY(game, action)
    if game.world.entities[action.noun].kind == "person":
        if speech.is_question(words(action.text)):
            return report_answer(game, action)
        heard = _speech_act(game, action)
        if heard is not None:
            return heard
    return NO_ANSWER(game, action)
