"""The small things players type to see what happens: sit, stand, jump, sing, dance,
pray, sigh, laugh, shout, wave, wake up, keep what you hold (their phrasings are in the
parser's core grammar).

Each takes a minute and changes nothing; a world can give any of them a meaning with an
interaction (verb and, for a place, `when: {at: ...}`), which then answers instead, or
replace the sentence by its response name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import checks, interactions
from kage.actions.pipeline import Action, rule
from kage.core.responses import response

if TYPE_CHECKING:
    from kage.game import Game

REPLIES = {
    "sit": response(
        "sitting.idle",
        "You sit for a while. It does not make anything better, but it does not make "
        "anything worse.",
    ),
    "stand": response("standing.idle", "You are already standing, more or less."),
    "jump": response("jumping.on_the_spot", "You jump on the spot. Nothing comes of it."),
    "sing": response("singing.badly", "You sing a few bars, badly. Nobody joins in."),
    "dance": response(
        "dancing.idle", "You shuffle your feet. Nobody is watching, which is for the best."
    ),
    "pray": response(
        "praying.idle", "You are not sure who would be listening. You say the words anyway."
    ),
    "sigh": response("sighing.idle", "You let out a long breath."),
    "laugh": response("laughing.idle", "You laugh. It comes out sounding stranger than you meant."),
    "shout": response("shouting.idle", "You shout at nobody in particular. It helps a little."),
    "wake_up": response(
        "waking_up.awake", "This is no dream. You are as awake as you are going to get."
    ),
    "wave_hands": response("waving_hands.idle", "You wave. Nobody waves back."),
    "keep": response("keeping.idle", "You keep what you have."),
}
JUMPING_OVER = response("jumping.over", "Jumping over {the noun} would get you nowhere.")
WAVING_AT = response("waving_hands.at", "You wave at {the noun}.")
KEEPING = response("keeping.held", "You hold on to {the noun}. It is yours to keep.")
WITH_NOUN = {"jump": JUMPING_OVER, "wave_hands": WAVING_AT, "keep": KEEPING}


@rule("check", "keep")
def keep_what_you_have(game: Game, action: Action) -> str | None:
    """Keeping is holding on to something of your own ("keep the necklace")."""
    return checks.not_held(game, action.noun, implicit=False) if action.noun else None


@rule("carry_out", *REPLIES)
def idling(game: Game, action: Action) -> None:
    interactions.run_matching(game, action)


@rule("report", *REPLIES)
def report_idle(game: Game, action: Action) -> str:
    said = action.data.get("said")
    if said:
        return str(said)
    if action.noun is not None and action.name in WITH_NOUN:
        return WITH_NOUN[action.name](game, action)
    return REPLIES[action.name](game, action)
