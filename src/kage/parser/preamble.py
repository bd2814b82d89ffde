"""Words before a command that say how the player comes at it, not what to do: "excuse
me, where is the shop?", "I want to sell the scroll", "let's go to the school", "can I
buy the bell?", "I give my headband to Tsunade"; a wish for a thing ("I'd like a bowl
of ramen"), which is asking for it; and going on with a deed ("keep following the road",
"start walking north"), which is doing it.

The parser reads the words without these only when the whole line is not understood
(so "I promise" and "say let's go" keep their own readings), and takes that reading only
if it is understood.
"""

from __future__ import annotations

import re
from collections.abc import Collection

_APOSTROPHE = "['\u2019]"
# words that open a sentence and mean nothing for what is done ("well, ...", "ok so ...")
_INTERJECTION = (
    r"(?:excuse me|pardon me|hey there|hey|hello|hi|um+|uh+|er+m?|hmm+|oh|ah|ok(?:ay)?|"
    r"alright|all right|right|so|well|now|alas|sigh)"
)
# what the player means to do, before the doing ("i want to", "let's", "can i")
_INTENT = (
    r"(?:i (?:really |just |then |now )?(?:want|need|wish|mean|intend|plan|decide|try|"
    r"attempt|have|ought|would (?:like|love)|'d (?:like|love)|d (?:like|love)|am going|"
    r"'m going|m going|am about|'m about|will try|'ll try) to|i wanna|i (?:am |'m |m )?gonna|"
    r"i'?d like to|let'?s|let us|let me|lets|(?:can|could|may|shall|should) (?:i|we)|"
    r"try to|time to|i)"
)
# a wish for a thing, which is asking for it ("i'd like the bell", "can i have ramen")
_WISH = (
    r"(?:i (?:would|'d|d) (?:like|love)|i'?d (?:like|love)|i want|i'll (?:have|take)|"
    r"(?:can|could|may) i (?:have|get|buy)|give me)"
)
_LEAD = re.compile(rf"^(?:{_INTERJECTION}\b[\s,]+)+", re.IGNORECASE)
_INTENDED = re.compile(rf"^{_INTENT}\s+(?=\w)", re.IGNORECASE)
_WISHED = re.compile(rf"^{_WISH}\s+(?!to\b)(?=\w)", re.IGNORECASE)


# going on with a deed, or setting about it: "keep following the road", "start digging"
_GOING_ON = re.compile(
    r"^(?:keep(?: on)?|continue|carry on|go on|start|begin|try|set about|get)\s+"
    r"([a-z]+ing)\b",
    re.IGNORECASE,
)


def _stems(doing: str) -> list[str]:
    """The verbs an -ing form may be of: "following" follow, "running" run, "taking" take."""
    stem = doing.lower()[:-3]
    found = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        found.insert(0, stem[:-1])
    return found


# a deed said as what the player will do now ("i'll buy the bell"), or a promise
_ANNOUNCED = re.compile(r"^(?:i'll|i will|i shall|ill)\s+(?=\w)", re.IGNORECASE)


def announced(command: str) -> str | None:
    """The deed after "I'll" ("i'll buy the bell"), for the parser to take when it is
    done to a thing in view now; None if the line does not open so. (Otherwise the words
    are a promise: "i'll come back someday".)"""
    text = _LEAD.sub("", _plain(command))
    found = _ANNOUNCED.match(text)
    return text[found.end() :].strip(" ,") if found is not None else None


def _plain(command: str) -> str:
    return re.sub(_APOSTROPHE, "'", command).strip().rstrip("?!. ")


def readings(command: str, verbs: Collection[str] = ()) -> list[tuple[str, bool]]:
    """The command without what comes before it, as the readings to try in turn, each
    with whether it is meant only if what it asks would be done now: a wish for a thing
    is buying it where it is sold ("i'd like a bowl of ramen"), else asking for it; going
    on with a deed is the deed, by the first of `verbs` its -ing form may be of.
    Empty if nothing comes before the command."""
    text = _plain(command)
    cut = _LEAD.sub("", text)
    going_on = _GOING_ON.match(_INTENDED.sub("", cut, count=1))
    if going_on is not None:
        rest = _INTENDED.sub("", cut, count=1)[going_on.end() :]
        verb = next((v for v in _stems(going_on.group(1)) if v in verbs), None)
        if verb is not None:
            return [(f"{verb}{rest}", False)]
    wished = _WISHED.match(cut)
    if wished is not None:
        thing = cut[wished.end() :].strip(" ,")
        return [(f"buy {thing}", True), (f"ask for {thing}", False)]
    intended = _INTENDED.match(cut)
    if intended is not None and intended.group().strip().lower() == "i" and " " not in cut[2:]:
        return []  # "i help", "i agree": a bare "i" before a single word is said
    cut = _INTENDED.sub("", cut, count=1).strip(" ,")
    return [(cut, False)] if cut and cut != text else []
