"""Eating and drinking.

A thing with `props: {edible: true}` can be eaten and is gone afterwards; one with
`props: {drinkable: true}` can be drunk, and is used up if it can be carried (a flask)
but not if it stays put (a spring). A world's interaction for "eat" or "drink" and the
thing answers first, as for every standard action.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import interactions
from kage.actions.pipeline import Action, rule
from kage.actions.standard import fixed, is_person
from kage.core import prose
from kage.core.responses import response
from kage.world import ops, query

if TYPE_CHECKING:
    from kage.game import Game

EAT_WHAT = response("eating.what", "What do you want to eat?")
INEDIBLE = response("eating.inedible", "That isn't something you can eat.")
EATING_PERSON = response("eating.person", "{The noun} would have something to say about that.")
EATING_THEIRS = response("eating.someone_elses", "That belongs to {owner}.", "owner")
EATEN = response("eating.eaten", "You eat {the noun}, every last bit.")
DRINK_WHAT = response("drinking.what", "What do you want to drink?")
UNDRINKABLE = response("drinking.undrinkable", "That isn't something you can drink.")
DRINKING_THEIRS = response("drinking.someone_elses", "That belongs to {owner}.", "owner")
DRUNK = response("drinking.drunk", "You drink {the noun} to the last drop.")
DRUNK_FROM = response("drinking.from", "You drink your fill from {the noun}.")

ACTIONS = ("eat", "drink")
WHAT = {"eat": EAT_WHAT, "drink": DRINK_WHAT}
THEIRS = {"eat": EATING_THEIRS, "drink": DRINKING_THEIRS}


@rule("before", *ACTIONS, order=5)
def world_meaning_first(game: Game, action: Action) -> str | None:
    return interactions.world_meaning(game, action)


@rule("check", *ACTIONS, order=30)
def something_to_consume(game: Game, action: Action) -> str | None:
    if interactions.meant(action) or action.noun is not None:
        return None
    return WHAT[action.name](game, action)


@rule("check", "eat", order=40)
def can_t_eat_people(game: Game, action: Action) -> str | None:
    if interactions.meant(action) or not is_person(game, action.noun):
        return None
    return EATING_PERSON(game, action)


@rule("check", "eat", order=50)
def can_t_eat_what_is_not_edible(game: Game, action: Action) -> str | None:
    if interactions.meant(action) or query.prop(game, action.noun or "", "edible"):
        return None
    return INEDIBLE(game, action)


@rule("check", "drink", order=50)
def can_t_drink_what_is_not_drinkable(game: Game, action: Action) -> str | None:
    noun = action.noun or ""
    if interactions.meant(action):
        return None
    if noun != game.world.player and query.prop(game, noun, "drinkable"):
        return None
    return UNDRINKABLE(game, action)


@rule("check", *ACTIONS, order=60)
def can_t_consume_what_someone_else_holds(game: Game, action: Action) -> str | None:
    if interactions.meant(action) or action.noun is None:
        return None
    holder = query.holder(game, action.noun)
    if not is_person(game, holder):
        return None
    assert holder is not None
    return THEIRS[action.name](game, action, owner=prose.the(game, holder))


@rule("carry_out", *ACTIONS)
def consuming(game: Game, action: Action) -> None:
    if interactions.meant(action):
        interactions.run_matching(game, action)
        return
    assert action.noun is not None
    if action.name == "eat" or not fixed(game, action.noun):
        ops.consume(game, action.noun)
        action.data["used_up"] = True


@rule("report", *ACTIONS)
def report_consuming(game: Game, action: Action) -> str:
    said = interactions.said(action)
    if said is not None:
        return said
    if action.name == "eat":
        return EATEN(game, action)
    return (DRUNK if action.data.get("used_up") else DRUNK_FROM)(game, action)
