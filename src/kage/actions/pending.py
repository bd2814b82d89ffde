"""Questions a person has put to the player and not yet had answered.

When a person says a line the world marks with `asks` (an offer of food, a plea for a
promise, a merchant's price), the question is pending: one at a time, kept in the state
as plain data, lapsing when the player leaves the place, when the asker is gone, or after
a few turns. While it stands, "yes", "sure", "accept her offer", "i promise", "thank you"
answer it one way and "no", "decline", "i can't" the other, and so does doing the offered
thing ("eat", "eat the rice" when the offer was to eat with them).

An answer is either an action played as the answer (`do: eat kotomi`) or words and
effects of its own; the `answer` action carries the latter through the pipeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.actions.pipeline import ACTIVITY, MOVED, Action, rule
from kage.core.responses import response
from kage.world import effects, ops, query
from kage.world.model import Answer, Ask

if TYPE_CHECKING:
    from kage.game import Game

RECORD = "asked"  # state.records key: the pending question ({} when there is none)
ANSWER = "answer"  # the action that carries out an answer written as words

# the words that agree, and those that refuse (any of these makes the answer a no)
YES = frozenset(
    {
        "yes", "y", "yeah", "yep", "yup", "aye", "ok", "okay", "sure", "accept", "agree",
        "alright", "certainly", "gladly", "absolutely", "definitely", "promise", "swear",
        "thank", "thanks", "will", "i'll", "deal", "fine", "nod", "course", "please",
        "happily", "gratefully", "love",
    }
)  # fmt: skip
NO = frozenset(
    {
        "no", "nope", "nah", "decline", "refuse", "reject", "not", "never", "cannot",
        "can't", "won't", "shouldn't", "mustn't", "couldn't", "don't",
    }
)  # fmt: skip
# words that may come before the yes or no ("well, yes", "i promise", "then no")
LEAD = frozenset({"i", "well", "oh", "um", "er", "erm", "then", "and", "of", "yes", "ok"})
OPENERS = (YES | NO) - {"please", "course", "love"}
# "take it", "take the deal": what a pending offer is taken with (not "take the sword")
TAKING = frozenset({"take", "grab"})
TAKEN = frozenset({"it", "that", "this", "the", "offer", "deal", "money", "price", "then"})

ANSWERED_YES = response("answering.yes", "{The noun} {looks} relieved.")
ANSWERED_NO = response("answering.no", "{The noun} {takes} that in without a word.")


def record(game: Game, who: str, ask: Ask | None) -> None:
    """`who` has just said a line that asks the player something: it is pending now,
    in place of any question asked before."""
    if ask is None:
        return
    ops.record(
        game,
        RECORD,
        {
            "who": ask.who or who,
            "turn": game.state.turn,
            "place": query.here(game),
            "turns": ask.turns,
            "yes": _plain(ask.yes),
            "no": _plain(ask.no),
        },
    )


def offer(game: Game, who: str, yes: str, no: str, turns: int = 5) -> None:
    """A system's question (a merchant's price): yes and no are actions, "accept"."""
    asked = Ask(Answer((yes, None)), Answer((no, None)), turns, who)
    record(game, who, asked)


def forget(game: Game) -> None:
    if game.state.records.get(RECORD):
        ops.record(game, RECORD, {})


def current(game: Game) -> dict[str, Any] | None:
    """The pending question, if it still stands: asked in this place, a few turns ago
    at most, by someone still here."""
    asked = game.state.records.get(RECORD)
    if not isinstance(asked, dict) or not asked:
        return None
    who = asked.get("who")
    here = query.here(game)
    if (
        asked.get("place") != here
        or game.state.turn - int(asked.get("turn", 0)) > int(asked.get("turns", 5))
        or not isinstance(who, str)
        or who not in game.world.entities
        or query.place_of(game, who) != here
    ):
        return None
    return asked


def asker(game: Game) -> str | None:
    asked = current(game)
    return str(asked["who"]) if asked else None


def reading(game: Game, ws: list[str]) -> str | None:
    """Whether the words answer a question: "yes", "no" or None (they are something
    else). They must open with an answer ("i promise", "well, no", "accept her offer")
    and name nobody but the asker."""
    asked = current(game)
    if asked is None or not ws:
        return None
    rest = list(ws)
    while len(rest) > 1 and rest[0] in LEAD and rest[0] not in OPENERS:
        rest.pop(0)
    if rest[0] in TAKING and set(rest[1:]) <= TAKEN and len(rest) > 1:
        rest = ["accept"]  # "take it", "i'll take the offer": taking what is offered
    if rest[0] not in OPENERS:
        return None
    if _names_someone_else(game, ws, str(asked["who"])):
        return None
    return "no" if any(w in NO for w in ws) else "yes"


def _names_someone_else(game: Game, ws: list[str], who: str) -> bool:
    names = game.lexicon.names
    theirs = names[who].words if who in names else frozenset()
    for entity, ent in game.world.entities.items():
        if ent.kind != "person" or entity in (who, game.world.player):
            continue
        name = names.get(entity)
        if name and any(w in name.nouns and w not in theirs for w in ws):
            return True
    return False


def answer(game: Game, ws: list[str]) -> list[Action] | None:
    """The actions that answer the pending question with these words, or None."""
    side = reading(game, ws)
    if side is None:
        return None
    return _answering(game, side)


def offered_verb(game: Game) -> str | None:
    """The action the pending question offers, if its yes is one ("eat")."""
    asked = current(game)
    do = ((asked or {}).get("yes") or {}).get("do")
    return str(do[0]) if do else None


def doing(game: Game, ws: list[str]) -> list[Action] | None:
    """A command whose verb is the offered action's ("eat", "eat the rice" when asked
    to eat with them), which the parser could not take or the world would refuse: it
    is the yes to the offer. The caller says it would not do on its own."""
    verb = offered_verb(game)
    if verb is None or not ws:
        return None
    lines = game.lexicon.lines.get(ws[0], [])
    if not any(line.action == verb for line in lines):
        return None
    return _answering(game, "yes")


def _answering(game: Game, side: str) -> list[Action]:
    asked = current(game)
    assert asked is not None
    forget(game)
    said = asked.get(side)
    who = str(asked["who"])
    if said and said.get("do"):
        verb, target = said["do"]
        return [Action(verb, target)]
    return [Action(ANSWER, who, data={"side": side, "answer": said or {}})]


def _plain(answer: Answer | None) -> dict[str, Any] | None:
    if answer is None:
        return None
    return {
        "do": list(answer.do) if answer.do else None,
        "text": answer.text,
        "effects": answer.effects,
    }


@rule("after", "*")
def done_is_answered(game: Game, action: Action) -> None:
    """Doing what a question's answer would do, however it was typed ("eat with kotomi"
    after her offer), answers the question."""
    asked = current(game)
    if asked is None:
        return
    for side in ("yes", "no"):
        do = (asked.get(side) or {}).get("do")
        if do and do[0] == action.name and do[1] in (None, action.noun):
            forget(game)
            return


@rule(ACTIVITY, MOVED, order=900)
def leaving_drops_the_question(game: Game, action: Action) -> None:
    """A question is put in a place: going elsewhere (and back) leaves it unanswered."""
    forget(game)


@rule("carry_out", ANSWER)
def answering(game: Game, action: Action) -> None:
    action.minutes = 1
    effects.apply(game, list(action.data["answer"].get("effects", [])))


@rule("report", ANSWER)
def report_answering(game: Game, action: Action) -> str:
    text = action.data["answer"].get("text")
    if text:
        return game.render(str(text))
    assert action.noun is not None
    if action.data["side"] == "no":
        return ANSWERED_NO(game, action)
    return ANSWERED_YES(game, action)
