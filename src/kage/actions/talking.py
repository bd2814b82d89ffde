"""Conversation: talk to, ask about, tell about, say.

Topics are data on each person: words that call them up, the prose, a condition and
effects. A system may add a report to a topic (the council's tally, an edict's terms).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import checks, describe
from kage.actions.describe import capital
from kage.actions.pipeline import Action, Rulebooks
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


def install(rules: Rulebooks) -> None:
    @rules.rule("before", "talk", "ask", "tell", "say", order=10)
    def choose_listener(game: Game, action: Action) -> None:
        if action.noun is None:
            action.noun = checks.only_person_here(game)

    @rules.rule("check", "talk", "ask", "tell")
    def someone_to_talk_to(game: Game, action: Action) -> str | None:
        return checks.not_person(game, action.noun, "talk to")

    @rules.rule("carry_out", "talk")
    def greeting(game: Game, action: Action) -> None:
        action.minutes = 5

    @rules.rule("report", "talk")
    def report_greeting(game: Game, action: Action) -> str:
        assert action.noun is not None
        ent = game.world.entities[action.noun]
        said = game.pick(ent.greeting) or f"{capital(ent.the())} nods to you."
        titles = topic_titles(game, action.noun)
        if titles:
            said += f"\n\n(You could ask {ent.name} about {describe.listing(titles)}.)"
        return said

    @rules.rule("check", "ask", "tell")
    def something_to_ask(game: Game, action: Action) -> str | None:
        if not action.text:
            return "What do you want to ask about?"
        return None

    @rules.rule("carry_out", "ask", "tell", "say")
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

    @rules.rule("report", "ask", "tell")
    def report_answer(game: Game, action: Action) -> str:
        assert action.noun is not None
        if "said" in action.data:
            return str(action.data["said"])
        ent = game.world.entities[action.noun]
        has = "have" if ent.plural else "has"
        nothing = f"{capital(ent.the())} {has} nothing to say about that."
        return game.render(ent.unknown_topic) or nothing

    @rules.rule("check", "say")
    def something_to_say(game: Game, action: Action) -> str | None:
        if not action.text:
            return "What do you want to say?"
        if action.noun is not None:
            return checks.not_person(game, action.noun, "talk to")
        return None

    @rules.rule("report", "say")
    def report_say(game: Game, action: Action) -> str:
        if "said" in action.data:
            return str(action.data["said"])
        if action.noun is None:
            return f'You say "{action.text}" to nobody in particular.'
        return f"{game.world.entities[action.noun].name} listens, but makes nothing of it."
