"""What a player does to a person rather than to a thing: thank, argue with (shout at),
promise, say goodbye to. (Hugging is kissing's, in people.py, unless a world makes it a
verb of its own.)

Each has a default answer for a person and one for a group (named responses), and the
world's data gives any of them its own meaning for one person with an interaction (verb
"thank", target "teuchi"), or refuses it with that interaction's refusal. Saying goodbye
to someone who has a topic about goodbyes is asking them about it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import checks, interactions
from kage.actions.pipeline import Action, rule
from kage.core.responses import Response, response

if TYPE_CHECKING:
    from kage.game import Game

ACTIONS = ("thank", "argue", "promise", "goodbye")

# (one person, a group): the verbs in each are the person's, so a group's agree
DEFAULTS: dict[str, tuple[Response, Response]] = {
    "thank": (
        response("thanking.person", "{The noun} {waves} your thanks away, but {looks} pleased."),
        response("thanking.group", "{The noun} wave your thanks away, but look pleased."),
    ),
    "argue": (
        response(
            "arguing.person",
            "You say your piece, loudly. {The noun} hears you out and does not give an inch.",
        ),
        response(
            "arguing.group",
            "You say your piece, loudly. {The noun} hear you out and do not give an inch.",
        ),
    ),
    "promise": (
        response("promising.person", "You give {the noun} your word, and you mean it."),
        response("promising.group", "You give {the noun} your word, and you mean it."),
    ),
    "goodbye": (
        response("farewell.person", "You say goodbye to {the noun}, who nods in return."),
        response("farewell.group", "You say goodbye to {the noun}, who nod in return."),
    ),
}
GOODBYE_TO_NOBODY = response("farewell.nobody", "You say goodbye to nobody in particular.")
PROMISE_TO_NOBODY = response(
    "promising.nobody", "You make a promise to yourself. Nobody else hears it."
)
NOBODY = response("social.nobody", "There is nobody here to {verb}.", "verb")
DOING = {"thank": "thank", "argue": "argue with", "promise": "promise",
         "goodbye": "say goodbye to"}  # fmt: skip


@rule("before", *ACTIONS, order=5)
def world_meaning_first(game: Game, action: Action) -> str | None:
    return interactions.world_meaning(game, action)


@rule("before", *ACTIONS, order=10)
def choose_person(game: Game, action: Action) -> None:
    """ "thank", "say goodbye": to the one person here (or the one who asked)."""
    if action.noun is None and not interactions.meant(action):
        from kage.actions import speech

        action.noun = speech.listener(game)
        if action.noun is not None:
            found, refusal = interactions.find(game, action)
            if found is not None:
                action.data[interactions.MEANT] = found


@rule("before", "goodbye", order=20)
def goodbye_as_a_topic(game: Game, action: Action) -> None:
    """Someone with a topic about goodbyes hears it as that topic."""
    if interactions.meant(action) or action.noun is None:
        return
    from kage.actions import talking

    if game.world.entities[action.noun].kind != "person":
        return
    if talking.pick_topic(game, action.noun, "goodbye", "tell") is not None:
        action.name, action.text = "tell", "goodbye"


@rule("check", *ACTIONS, order=40)
def someone_to_do_it_to(game: Game, action: Action) -> str | None:
    if interactions.meant(action):
        return None
    if action.noun is None:
        if action.name == "goodbye":
            return GOODBYE_TO_NOBODY(game, action)
        if action.name == "promise":
            return PROMISE_TO_NOBODY(game, action)
        return NOBODY(game, action, verb=DOING[action.name])
    return checks.not_person(game, action.noun, DOING[action.name])


@rule("carry_out", *ACTIONS)
def socialising(game: Game, action: Action) -> None:
    action.minutes = max(action.minutes, 1)
    interactions.run_matching(game, action)


@rule("report", *ACTIONS)
def report_socialising(game: Game, action: Action) -> str:
    said = interactions.said(action)
    if said:
        return said
    assert action.noun is not None
    one, group = DEFAULTS[action.name]
    ent = game.world.entities[action.noun]
    return (group if ent.plural else one)(game, action)
