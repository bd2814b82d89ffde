"""The senses besides sight: touch, taste, smell, listen.

A writer gives a thing (or a place, for smelling and listening with nothing named) its
smell, sound, taste or feel as a text prop (`props: {smell: "Pine resin."}`), or a whole
interaction for the verb when sensing it should change something.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import interactions
from kage.actions.pipeline import Action, rule
from kage.actions.standard import is_person, sense
from kage.core.responses import response

if TYPE_CHECKING:
    from kage.game import Game

TOUCHING_YOURSELF = response("touching.yourself", "You seem to be all there.")
TOUCHING_PERSON = response(
    "touching.person", "{The noun} would rather you kept your hands to yourself."
)
TOUCHING = response("touching.done", "You feel nothing unexpected.")
TASTING_PERSON = response("tasting.person", "{The noun} would be alarmed, and rightly.")
TASTING = response("tasting.done", "It tastes of very little.")
SMELLING_HERE = response("smelling.here", "You smell nothing out of the ordinary.")
SMELLING = response("smelling.done", "You smell nothing out of the ordinary.")
LISTENING_HERE = response("listening.here", "You hear nothing out of the ordinary.")
LISTENING = response("listening.done", "You hear nothing from {the noun}.")

ACTIONS = ("touch", "taste", "smell", "listen_to")
PROP = {"touch": "feel", "taste": "taste", "smell": "smell", "listen_to": "sound"}
DEFAULT = {"touch": TOUCHING, "taste": TASTING, "smell": SMELLING, "listen_to": LISTENING}
HERE = {"smell": SMELLING_HERE, "listen_to": LISTENING_HERE}


@rule("before", *ACTIONS, order=5)
def world_meaning_first(game: Game, action: Action) -> str | None:
    return interactions.world_meaning(game, action)


@rule("check", "touch", "taste", order=45)
def keep_your_hands_to_yourself(game: Game, action: Action) -> str | None:
    if interactions.meant(action) or not is_person(game, action.noun):
        return None
    return (TOUCHING_PERSON if action.name == "touch" else TASTING_PERSON)(game, action)


@rule("carry_out", *ACTIONS)
def sensing(game: Game, action: Action) -> None:
    if interactions.meant(action):
        interactions.run_matching(game, action)


@rule("report", *ACTIONS)
def report_sensing(game: Game, action: Action) -> str:
    said = interactions.said(action)
    if said is not None:
        return said
    if action.name == "touch" and action.noun == game.world.player:
        return TOUCHING_YOURSELF(game, action)
    written = sense(game, action, action.noun, PROP[action.name])
    if written is not None:
        return written
    told = HERE.get(action.name) if action.noun is None else None
    return (told or DEFAULT[action.name])(game, action)
