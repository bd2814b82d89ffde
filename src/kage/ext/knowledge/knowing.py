"""Answering from what people know: a question no topic of theirs answers, or one that
would only get a speech told already said again, is answered from a fact they know.

Topics are what a person was written to say; facts (the `facts` section) are what is
true and who knows it: a person by name, whoever belongs to a place or a zone (started
there), or everyone.
Asked about a fact's words, someone who knows it tells it (in their own words when the
fact is written about the one asked, else in the response `knowing.fact`). A fact never
speaks over a topic told for the first time, nor over a state that answers everything
(someone out cold, or begging), nor over a topic that asks the player something.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.actions import speech, talking
from kage.actions.pipeline import Action, rule
from kage.core.responses import response
from kage.ext.knowledge import EVERYONE
from kage.parser.text import words
from kage.world import query
from kage.world.conditions import holds

if TYPE_CHECKING:
    from kage.game import Game

Fact = dict[str, Any]

TOLD_FACT = response("knowing.fact", "{The noun} {tells} you what {he} {knows}: {fact}", "fact")
RETOLD = "knowing.retold"  # action.data: the topic picked was told to the player before


def facts(game: Game) -> dict[str, Fact]:
    return game.world.data.get("facts", {})


def home(game: Game, who: str) -> str | None:
    """Where someone belongs, for what is known there: the place they started in (a
    stranger passing through is not from here), else where they are."""
    start = game.world.entities[who].start
    found = game.world.entities.get(start) if start else None
    if found is not None and found.kind == "place":
        return found.id
    return query.place_of(game, who)


def knows(game: Game, who: str, fact: Fact) -> bool:
    """Whether `who` knows the fact: named, or known where they belong (their place, or a
    zone it is in), or everyone knows it."""
    place = home(game, who)
    for knower in fact["known_by"]:
        if knower in (EVERYONE, who, place):
            return True
        if place and query.in_zone(game, place, knower):
            return True
    return False


def asked_words(text: str) -> set[str]:
    return {w for w in words(text) if w not in talking.FILLER and w not in talking.QUESTION_WORDS}


def fact_for(game: Game, who: str, text: str) -> Fact | None:
    """The fact `who` knows that the question is most about (most of its words, then
    their stems), if any holds now."""
    asked = asked_words(text)
    if not asked:
        return None
    stems = {talking.stem(w.removesuffix("'s")) for w in asked}
    best: tuple[tuple[int, int], Fact] | None = None
    for fact in facts(game).values():
        own = set(fact["words"])
        exact = len(asked & own)
        overlap = max(exact, len(stems & {talking.stem(w) for w in own}))
        if not overlap or fact.get("about") == who or not knows(game, who, fact):
            continue
        if not holds(game, fact.get("when")):
            continue
        score = (overlap, exact)
        if best is None or score > best[0]:
            best = (score, fact)
    return best[1] if best else None


def _text(game: Game, fact: Fact) -> str:
    text = fact["text"]
    if isinstance(text, str):
        return text
    return next((v["text"] for v in text if holds(game, v.get("when"))), "")


def _state_speaks(game: Game, who: str) -> bool:
    answers = game.engine.providers.get("answers")
    return bool(answers and answers(game, who))


@rule("before", "ask", "say", order=15)
def noting_a_retelling(game: Game, action: Action) -> None:
    """Whether the topic the question calls up has been told already (known before the
    telling records it)."""
    who = action.noun
    if who is None or game.world.entities[who].kind != "person" or not action.text:
        return
    topic = talking.pick_topic(game, who, action.text, action.name)
    told = (game.state.records.get(talking.TOLD) or {}).get(who, [])
    if topic is not None and topic.id in told and not topic.asks:
        action.data[RETOLD] = True


@rule("after", "ask", "say")
def answering_from_what_they_know(game: Game, action: Action) -> str | None:
    who = action.noun
    if who is None or game.world.entities[who].kind != "person" or not action.text:
        return None
    if action.name == "say" and not speech.is_question(words(action.text)):
        return None
    if "topic" in action.data and not action.data.get(RETOLD):
        return None  # a topic of their own, told now
    if _state_speaks(game, who):
        return None
    fact = fact_for(game, who, action.text)
    text = _text(game, fact) if fact else ""
    if not text:
        return None
    if "{the noun}" in text.lower():
        said = game.render(text, action)
    else:
        said = TOLD_FACT(game, action, fact=game.render(text, action))
    talking.heard_from(game, who, said)
    return said
