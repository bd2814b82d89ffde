"""Looking at what a description mentions but the world does not model.

"A sake bottle hides behind the in-tray" makes the bottle something the player can see,
even when the writer gave it no entity of its own. Examining it answers with what the
text already says of it: the sentences of the place's description, or of the things in
sight, that name it. What the game has just said here counts too, for looking only:
after "Rice, a little grilled fish, pickled radish", "x fish" is answered by that
sentence. Verbs that mean handling it get the answer a
thing fixed in the scene gives (as Inform answers for scenery: "That's hardly
portable."); anything else still meets "only part of the scenery", and `kage check`
lists such nouns so the writer can give them more.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from kage.core.responses import Response, response
from kage.parser.grammar import ARTICLES
from kage.world import query

if TYPE_CHECKING:
    from kage.game import Game

LOOKING = frozenset({"examine", "read", "look_at"})  # verbs a sentence of text answers

# what every place has, though no description says so: known words, never "I don't
# know the word 'walls'"; looking at one finds nothing special unless a text says more
COMMONPLACE = frozenset(
    {"wall", "walls", "floor", "floors", "ground", "ceiling", "sky", "air", "dust", "dirt"}
)
NOTHING_SPECIAL = response(
    "scenery.nothing_special", "You see nothing special about the {words}.", "words"
)

_FIXED = response("scenery.fixed", "That's fixed in place.")
_SEARCHED = response("scenery.searched", "You find nothing of interest.")
# what handling a thing that is only part of the scene comes to, by action
HANDLING: dict[str, Response] = {
    "take": response("scenery.take", "That's hardly portable."),
    "push": _FIXED,
    "pull": _FIXED,
    "turn": _FIXED,
    "squeeze": _FIXED,
    "search": _SEARCHED,
    "look_under": _SEARCHED,
    "open": response("scenery.open", "That's not something you can open."),
    "close": response("scenery.close", "That's not something you can close."),
    "buy": response("scenery.buy", "That's not for sale."),
    "eat": response("scenery.eat", "That's plainly inedible."),
    "drink": response("scenery.drink", "There's nothing suitable to drink there."),
    "touch": response("scenery.touch", "You feel nothing unexpected."),
    "rub": response("scenery.rub", "You achieve nothing by this."),
    "taste": response("scenery.taste", "You taste nothing unexpected."),
    "sit": response("scenery.sit", "That's not something you can sit on."),
    "stand": response("scenery.stand", "That's not something you can stand on."),
    "enter": response("scenery.enter", "That's not something you can enter."),
    "climb": response("scenery.climb", "Little is to be achieved by that."),
}
HEARD_KEPT = 1  # the last reply: an older one may tell of what is gone (a rash healed)
_HEARD: WeakKeyDictionary[Game, list[tuple[str, int, str]]] = WeakKeyDictionary()
_TURN_BEFORE: WeakKeyDictionary[Game, int] = WeakKeyDictionary()  # as the command began


def command_begins(game: Game) -> None:
    """Note the turn a command begins at, so its reply is heard only if it took one."""
    _TURN_BEFORE[game] = game.state.turn


def hear(game: Game, text: str) -> None:
    """Remember a reply that took a turn, where and at which turn it was given (it is
    not in the state: it is what was said; a state put back to another turn, by undo or
    restore, has not heard it)."""
    if _TURN_BEFORE.get(game) == game.state.turn:
        return  # a reply that took no turn (a command not understood) tells of nothing
    kept = _HEARD.setdefault(game, [])
    kept.append((query.here(game), game.state.turn, text))
    del kept[:-HEARD_KEPT]


def forget(game: Game) -> None:
    """Forget what was said (the state was put back to another moment)."""
    _HEARD.pop(game, None)


def heard(game: Game) -> list[str]:
    """The replies just given in the place the player is in, newest first."""
    now = (query.here(game), game.state.turn)
    return [text for place, at, text in reversed(_HEARD.get(game, [])) if (place, at) == now]


def heard_words(game: Game) -> frozenset[str]:
    """Every word of the replies just given here, with the singular of each plural."""
    found = set(re.findall(r"[a-z]+(?:-[a-z]+)*", " ".join(heard(game)).lower()))
    return frozenset(found | {w[:-1] for w in found if w.endswith("s")})


_SENTENCE = re.compile(r"[^.!?]+[.!?]+[\"')\]]*")
MAX_SENTENCES = 2


def _naming(text: str, pattern: re.Pattern[str], found: list[str]) -> None:
    for sentence in _SENTENCE.findall(" ".join(text.split())):
        sentence = sentence.strip()
        if pattern.search(sentence) and sentence not in found:
            found.append(sentence)


def sentences_naming(game: Game, phrase: list[str]) -> str | None:
    """The sentences now shown for the place and what is in sight that name the phrase's
    last word (singular or plural), at most two, or None."""
    words = [w for w in phrase if w not in ARTICLES]
    if not words:
        return None
    head = words[-1]
    forms = {head, head + "s", head + "es", head.removesuffix("s"), head.removesuffix("es")}
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms if f) + r")\b", re.I)
    entities = game.world.entities
    found: list[str] = []
    texts = [
        game.pick(entities[e].description)
        for e in [query.here(game), *query.visible(game)]
        if e in entities
    ]
    for text in texts:
        _naming(text, pattern, found)
    if not found:  # what the game has just said here, when nothing in sight says it
        for text in heard(game):
            _naming(text, pattern, found)
    if not found:
        return None
    return " ".join(found[:MAX_SENTENCES])
