"""The small things players type to see what happens: sit, jump, sing, shout (their
phrasings are in the parser's core grammar).

Each takes a minute and changes nothing; a world can give any of them a meaning with an
interaction (verb and, for a place, `when: {at: ...}`), which then answers instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import interactions
from kage.actions.pipeline import Action, Rulebooks

if TYPE_CHECKING:
    from kage.game import Game

REPLIES = {
    "sit": "You sit for a while. It does not make anything better, but it does not make "
    "anything worse.",
    "stand": "You are already standing, more or less.",
    "jump": "You jump on the spot. Nothing comes of it.",
    "sing": "You hum a few bars of the academy song, badly. Nobody joins in.",
    "dance": "You shuffle your feet. Nobody is watching, which is for the best.",
    "pray": "You are not sure who would be listening. You say the words anyway.",
    "sigh": "You let out a long breath.",
    "laugh": "You laugh. It comes out sounding stranger than you meant.",
    "shout": "You shout at nobody in particular. It helps a little.",
}


def install(rules: Rulebooks) -> None:
    verbs = tuple(REPLIES)

    @rules.rule("carry_out", *verbs)
    def idling(game: Game, action: Action) -> None:
        interactions.run_matching(game, action)

    @rules.rule("report", *verbs)
    def report_idle(game: Game, action: Action) -> str:
        return str(action.data.get("said") or REPLIES[action.name])
