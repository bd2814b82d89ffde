"""Speech without a verb: what a player types as if talking to the person in front of
him, read when no grammar line takes it.

- a question ("who voted against me?", "why?", "where is the weapons shop?") is asked of
  the person present, about its words;
- a statement ("i promise", "i will come back", "yes, i promise") is said to them;
- a speech verb with someone and words after ("promise kai i'll help", "tell her i will
  come back") is that verb done to that person, with the words as what is said;
- doing what a person has just offered ("eat", "eat the rice") takes the offer.

Who hears: the person whose question is pending, else the one person here, else the
person last talked to if still here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import checks, pending
from kage.actions.pipeline import Action
from kage.parser import nouns
from kage.world import ops, query

if TYPE_CHECKING:
    from kage.game import Game

QUESTIONS = frozenset(
    {
        "who", "what", "where", "why", "when", "how", "which", "whose", "whom", "what's",
        "where's", "who's", "how's", "why's", "whats", "wheres", "whos",
    }
)  # fmt: skip
# words that open a question only before whom it is about ("is he here?", "do you
# know..."), not as the verb of a command ("have some ramen", "do a handstand")
AUXILIARIES = frozenset(
    {"is", "are", "do", "does", "did", "can", "could", "will", "would", "have", "has",
     "was", "were", "should", "may", "isn't", "aren't", "don't", "won't"}
)  # fmt: skip
SUBJECTS = frozenset({"you", "i", "we", "they", "he", "she", "it", "there", "that", "this"})
STATEMENTS = frozenset(
    {
        "i", "i'll", "i'm", "i've", "i'd", "im", "ill", "we", "we'll", "we're", "yes", "no",
        "please", "okay", "ok", "sure", "thank", "thanks", "sorry", "goodbye", "bye",
        "hello", "hi", "hey", "you", "you're", "it's", "that's", "don't", "let's",
        "maybe", "perhaps", "never", "yeah", "nope", "well", "oh", "but", "because",
        "so", "honestly", "really", "it", "its", "that", "thats", "there", "everything",
        "nothing", "calm", "relax", "easy", "stop", "listen",
    }
)  # fmt: skip
# verbs of speaking followed by a person and what is said to them
SPEAKING = {"tell": "say", "say": "say", "promise": "promise", "swear": "promise",
            "ask": "ask", "thank": "thank", "answer": "say", "reply": "say",
            "whisper": "say", "shout": "say"}  # fmt: skip
# "give X a hug", "give X my word": the noun is the deed
GIFTS = {"hug": "hug", "cuddle": "hug", "squeeze": "hug", "kiss": "kiss", "word": "promise",
         "promise": "promise", "thanks": "thank", "farewell": "goodbye"}  # fmt: skip
LAST = "talked"  # state.records key: {"who": the person last talked to}


def is_question(ws: list[str]) -> bool:
    """Whether the words are put as a question ("why", "is he here", "do you know")."""
    if not ws:
        return False
    return ws[0] in QUESTIONS or ws[0] in AUXILIARIES and len(ws) > 1 and ws[1] in SUBJECTS


def listener(game: Game) -> str | None:
    """Who hears words said to nobody named."""
    who = pending.asker(game) or checks.only_person_here(game)
    if who is not None:
        return who
    last = (game.state.records.get(LAST) or {}).get("who")
    here = isinstance(last, str) and last in game.world.entities
    return last if here and query.place_of(game, str(last)) == query.here(game) else None


def remember(game: Game, who: str) -> None:
    """`who` is the one being talked with: words said to nobody named reach them, and
    "him" or "her" means them."""
    nouns.remember(game, [who])
    if (game.state.records.get(LAST) or {}).get("who") != who:
        ops.record(game, LAST, {"who": who})


def reread(game: Game, ws: list[str]) -> list[Action] | None:
    """The actions meant by words no grammar line took, or None (they stay a failure)."""
    if not ws:
        return None
    offered = pending.doing(game, ws)
    if offered is not None:
        return offered
    addressed = _addressed(game, ws)  # "iruka, i have to leave", "pock, where is it?"
    if addressed is not None:
        return addressed
    first = ws[0]
    spoken = is_question(ws) and (len(ws) > 1 or first in ("why", "how", "who", "what", "where"))
    if spoken or first in STATEMENTS:
        who = listener(game)
        said = _unnamed(game, who, ws)  # "why, granny?": the name is no part of the question
        return [Action("ask" if spoken else "say", who, text=" ".join(said))]
    if first == "give" and len(ws) > 2 and ws[-1] in GIFTS:
        person, _ = _person(game, ws[1:])
        deed = GIFTS[ws[-1]]
        if deed == "hug" and deed not in game.rules.actions():
            deed = "kiss"  # a world without a hug of its own hugs as it kisses
        if person is not None:
            return [Action(deed, person)]
    if first in SPEAKING and len(ws) > 1:
        person, rest = _person(game, ws[1:])
        if person is not None and rest:
            return [Action(SPEAKING[first], person, text=" ".join(rest))]
    return None


def _unnamed(game: Game, who: str | None, ws: list[str]) -> list[str]:
    """The words without those that call the listener by name."""
    name = game.lexicon.names.get(who or "")
    kept = [w for w in ws if name is None or w not in name.nouns]
    return kept or ws


def _addressed(game: Game, ws: list[str]) -> list[Action] | None:
    """Words that open with the name of someone here are said to them: a name alone
    greets them, a question asks them, anything else is said (or answers them)."""
    head = ws[0].split("-")[0]  # "iruka-sensei"
    person, _ = _person(game, [head])
    if person is None or not game.lexicon.names[person].nouns & {head}:
        return None
    rest = ws[1:]
    if not rest:
        return [Action("talk", person)]
    if pending.asker(game) == person:
        answering = pending.answer(game, rest)
        if answering is not None:
            return answering
    verb = "ask" if is_question(rest) else "say"
    return [Action(verb, person, text=" ".join(rest))]


def person_named(game: Game, ws: list[str]) -> tuple[str | None, list[str]]:
    """The person here named by the first words (a name, "him", "her", "them"), and
    the words after."""
    return _person(game, ws)


def _person(game: Game, ws: list[str]) -> tuple[str | None, list[str]]:
    """The person named by the first words (a name, "him", "her", "them"), and the rest."""
    skip = 1 if ws and ws[0] in ("to", "the") else 0
    here = [
        e
        for e in nouns.in_sight(game)
        if game.world.entities[e].kind == "person" and e != game.world.player
    ]
    for size in (2, 1):
        phrase = ws[skip : skip + size]
        if len(phrase) < size:
            continue
        for who in here:
            ent = game.world.entities[who]
            name = game.lexicon.names.get(who)
            if phrase[-1] in (ent.gender, "them" if ent.plural else ent.gender) or (
                name and set(phrase) <= name.words and phrase[-1] in name.nouns
            ):
                rest = ws[skip + size :]
                if rest and rest[0] in ("that", "to"):
                    rest = rest[1:]
                return who, rest
    return None, ws
