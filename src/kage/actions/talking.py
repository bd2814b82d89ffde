"""Conversation: talk to, ask about, tell about, say.

Topics are data on each person: words that call them up, the prose, a condition and
effects. A system may add a report to a topic (the council's tally, an edict's terms).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import checks, describe
from kage.actions.pipeline import Action, rule
from kage.core.responses import response
from kage.parser.text import words
from kage.world import effects
from kage.world.conditions import holds
from kage.world.model import Topic

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
        "it",
        "on",
        "in",
        "do",
        "does",
        "did",
    }
)


NODS = response("talking.nods", "{The noun} nods to you.")
COULD_ASK = response(
    "talking.could_ask", "(You could ask {name} about {topics}.)", "name", "topics"
)
ASK_WHAT = response("asking.what", "What do you want to ask about?")
NOTHING_TO_SAY = response(
    "asking.nothing_to_say", "{The noun} {has} nothing to say about that.", "has"
)
SAY_WHAT = response("saying.what", "What do you want to say?")
SAID_TO_NOBODY = response("saying.to_nobody", 'You say "{text}" to nobody in particular.')
NO_ANSWER = response("saying.no_answer", "{noun} listens, but makes nothing of it.")


def pick_topic(game: Game, person: str, text: str, verb: str) -> Topic | None:
    asked = {w for w in words(text) if w not in FILLER} or set(words(text))
    best: tuple[int, Topic] | None = None
    for topic in game.world.entities[person].topics:
        overlap = len(asked & topic.words)
        if overlap and holds(game, topic.when) and (best is None or overlap > best[0]):
            best = (overlap, topic)
    return best[1] if best else None


def topic_titles(game: Game, person: str) -> list[str]:
    return [
        t.title or t.id.replace("_", " ")
        for t in game.world.entities[person].topics
        if not t.hidden and holds(game, t.when)
    ]


@rule("before", "talk", "ask", "tell", "say", order=10)
def choose_listener(game: Game, action: Action) -> None:
    if action.noun is None:
        action.noun = checks.only_person_here(game)


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
    said = game.pick(ent.greeting) or NODS(game, action)
    titles = topic_titles(game, action.noun)
    if titles:
        could = COULD_ASK(game, action, name=ent.name, topics=describe.listing(titles))
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
    topic = pick_topic(game, action.noun, action.text, action.name)
    if topic is None:
        return
    action.minutes = topic.minutes
    action.data["topic"] = topic.id
    action.data["said"] = game.pick(topic.text)
    if topic.report:
        action.data["said"] += "\n\n" + game.render("{{" + topic.report + "}}")
    effects.apply(game, topic.effects)


@rule("report", "ask", "tell")
def report_answer(game: Game, action: Action) -> str:
    assert action.noun is not None
    if "said" in action.data:
        return str(action.data["said"])
    ent = game.world.entities[action.noun]
    has = "have" if ent.plural else "has"
    return game.render(ent.unknown_topic) or NOTHING_TO_SAY(game, action, has=has)


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
        return SAID_TO_NOBODY(game, action)
    return NO_ANSWER(game, action)
