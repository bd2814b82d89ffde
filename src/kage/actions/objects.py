"""Handling things: take (also from something), drop, put in / on, give, wear, remove.

Things go into containers (which must be open) and onto supporters, and nowhere else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import checks, interactions
from kage.actions.describe import capital
from kage.actions.pipeline import Action, rule
from kage.core import prose
from kage.core.responses import response
from kage.world import ops, query

if TYPE_CHECKING:
    from kage.game import Game

SELF = response("taking.yourself", "You are always self-possessed.")
PERSON = response("taking.person", "{The noun} would not appreciate being carried about.")
PLACE = response("taking.place", "That is not something you can pick up.")
ALREADY_HAVE = response("taking.already_have", "You already have that.")
FIXED = response("taking.fixed", "{The noun} {stays} where {it} {is}.")
DOOR = response("taking.door", "{The noun} {is} fixed in place.")
BELONGS = response("taking.belongs", "That belongs to {owner}.", "owner")
NOT_THERE = response("taking.not_there", "But {the noun} {isn't} there now.")
ON_IT = response("taking.on_it", "You would have to get off {the noun} first.")
OUT_OF_REACH = response("taking.out_of_reach", "You can't reach into {box}.", "box")
TAKEN = response("taking.taken", "Taken.")
DROPPED = response("dropping.dropped", "Dropped.")
TAKE_OFF_FIRST = response("dropping.worn", "You would have to take off {the noun} first.")
WHERE = response("putting.where", "Where do you want to put it?")
INSIDE_ITSELF = response("putting.itself", "You can't put something inside itself.")
NOT_CONTAINER = response("inserting.not_container", "You can't put things in {the second}.")
CLOSED = response("inserting.closed", "{The second} {is} closed.")
NOT_SUPPORTER = response("putting_on.not_supporter", "{The second} {is} no place to set things.")
ALREADY_THERE = response("putting.already_there", "It is already there.")
NEAT_TRICK = response("putting.neat_trick", "That would be a neat trick, but no.")
PUT_IN = response("inserting.done", "You put {the noun} in {the second}.")
PUT_ON = response("putting_on.done", "You put {the noun} on {the second}.")
GIVE_TO_WHOM = response("giving.to_whom", "Who do you want to give it to?")
UNWANTED = response("giving.unwanted", "{The second} {doesn't} want {noun|it}.")
UNWEARABLE = response("wearing.unwearable", "You can't wear {the noun}.")
ALREADY_WORN = response("wearing.already", "You are already wearing it.")
WORN = response("wearing.done", "You put on {the noun}.")
NOT_WORN = response("taking_off.not_worn", "You aren't wearing that.")
TAKEN_OFF = response("taking_off.done", "You take off {the noun}.")


def _prefix(game: Game, action: Action, text: str) -> str:
    """'cup: Taken.' when one command handles several things."""
    if action.several and action.noun:
        return f"{prose.name(game, action.noun)}: {text}"
    return text


@rule("before", "take", order=5)
def world_meaning_first(game: Game, action: Action) -> str | None:
    """A world's interaction for taking this thing (a honeycomb up a tree: you break
    off a piece) is what taking it means; the core's checks and prose stand aside."""
    return interactions.world_meaning(game, action)


@rule("check", "take")
def can_take(game: Game, action: Action) -> str | None:
    noun = action.noun
    assert noun is not None
    if interactions.meant(action):
        return None
    ent = game.world.entities[noun]
    player = game.world.player
    if noun == player:
        return SELF(game, action)
    if ent.kind == "person":
        return PERSON(game, action)
    if ent.kind == "place":
        return PLACE(game, action)
    if query.holder(game, noun) == player:
        return _prefix(game, action, ALREADY_HAVE(game, action))
    if query.is_carried_by(game, player, noun):
        return _prefix(game, action, ON_IT(game, action))
    if ent.door:
        return _prefix(game, action, DOOR(game, action))
    if not ent.portable or ent.scenery:
        refusal = ent.props.get("fixed", "")
        return _prefix(game, action, refusal or FIXED(game, action))
    owner = query.holder(game, noun)
    if owner and game.world.entities[owner].kind == "person":
        return BELONGS(game, action, owner=prose.the(game, owner))
    return None


@rule("check", "take", order=45)
def taken_from_where_it_is(game: Game, action: Action) -> str | None:
    """'take the marble from the box' when the marble is somewhere else."""
    if action.second is None or action.noun is None:
        return None
    if action.second == game.world.player:
        return None
    if query.holder(game, action.noun) != action.second:
        return _prefix(game, action, NOT_THERE(game, action))
    return None


@rule("check", "take", order=42)
def reachable(game: Game, action: Action) -> str | None:
    """Seen through the glass of a closed case is not in reach."""
    shut = closed_around(game, action.noun or "")
    if shut is not None:
        return _prefix(game, action, OUT_OF_REACH(game, action, box=checks.the(game, shut)))
    return None


def closed_around(game: Game, thing: str) -> str | None:
    """The closed container between `thing` and the player, if any."""
    player = game.world.player
    entities = game.world.entities
    current = game.state.holder.get(thing)
    steps = 0
    while current is not None and current != player and steps < 64:
        ent = entities[current]
        if ent.kind != "thing":
            return None
        if ent.container and not query.is_open(game, current):
            return None if query.is_carried_by(game, player, current) else current
        current = game.state.holder.get(current)
        steps += 1
    return None


@rule("carry_out", "take")
def taking(game: Game, action: Action) -> None:
    assert action.noun is not None
    if interactions.meant(action):
        interactions.run_matching(game, action)
        return
    ops.move(game, action.noun, game.world.player)


@rule("report", "take")
def report_take(game: Game, action: Action) -> str:
    said = interactions.said(action)
    if said is not None:
        return said
    return _prefix(game, action, TAKEN(game, action))


@rule("check", "drop", "put_in", "put_on", "wear", "remove", "give")
def must_hold(game: Game, action: Action) -> str | None:
    if action.name == "remove" and not query.prop(game, action.noun or "", "worn"):
        return None  # "You aren't wearing that" says more than "you aren't holding it"
    return checks.not_held(game, action.noun, implicit=action.name != "remove")


@rule("check", "drop", "put_in", "put_on", "give")
def not_while_worn(game: Game, action: Action) -> str | None:
    if action.name == "give" or not (action.noun and query.prop(game, action.noun, "worn")):
        return None
    return checks.worn(game, action.noun, TAKE_OFF_FIRST(game, action))


@rule("carry_out", "drop")
def dropping(game: Game, action: Action) -> None:
    """Dropped things land where the player is: on the chair they sit on, or the floor."""
    assert action.noun is not None
    below = game.state.holder.get(game.world.player) or query.here(game)
    ops.move(game, action.noun, below)


@rule("report", "drop")
def report_drop(game: Game, action: Action) -> str:
    return _prefix(game, action, DROPPED(game, action))


@rule("check", "put_in", "put_on")
def fitting(game: Game, action: Action) -> str | None:
    noun, second = action.noun, action.second
    if second is None:
        second = action.second = _only_place_to_put(game, action)  # "hang up the cloak"
        if second is None:
            return WHERE(game, action)
        action.data["supplied"] = True
    if noun == second:
        return INSIDE_ITSELF(game, action)
    target = game.world.entities[second]
    if action.name == "put_in" and not target.container:
        return NOT_CONTAINER(game, action)
    if action.name == "put_in" and not query.is_open(game, second):
        return CLOSED(game, action)
    if action.name == "put_on" and not target.supporter:
        return NOT_SUPPORTER(game, action)
    if query.holder(game, noun or "") == second:
        return _prefix(game, action, ALREADY_THERE(game, action))
    if noun and query.is_carried_by(game, second, noun):
        return NEAT_TRICK(game, action)
    return None


def _only_place_to_put(game: Game, action: Action) -> str | None:
    """The one supporter (for put_on) or open container (put_in) in sight that the player
    does not carry, if there is exactly one."""
    entities, player = game.world.entities, game.world.player
    fits = [
        e
        for e in query.visible(game)
        if e != action.noun
        and not query.is_carried_by(game, e, player)
        and (
            entities[e].supporter
            if action.name == "put_on"
            else entities[e].container and query.is_open(game, e)
        )
    ]
    return fits[0] if len(fits) == 1 else None


@rule("carry_out", "put_in", "put_on")
def putting(game: Game, action: Action) -> None:
    assert action.noun is not None and action.second is not None
    ops.move(game, action.noun, action.second)
    interactions.run_matching(game, action)


@rule("report", "put_in", "put_on")
def report_put(game: Game, action: Action) -> str:
    assert action.noun is not None and action.second is not None
    said = action.data.get("said")
    if said:
        return str(said)
    done = PUT_IN if action.name == "put_in" else PUT_ON
    said = _prefix(game, action, done(game, action))
    if action.data.get("supplied"):
        where = prose.subject(game, action.second).the()
        supplied = SUPPLIED_ON if action.name == "put_on" else SUPPLIED_IN
        said = f"{supplied(game, where=where)}\n{said}"
    return said


SUPPLIED = response("giving.supplied", "(to {whom})", "whom")
SUPPLIED_ON = response("putting.supplied_on", "(on {where})", "where")
SUPPLIED_IN = response("putting.supplied_in", "(in {where})", "where")


@rule("check", "give")
def giving_to_someone(game: Game, action: Action) -> str | None:
    if action.second is None:
        only = _only_person_here(game)
        if only is None:
            return GIVE_TO_WHOM(game, action)
        action.second = only  # "hand over my headband" with one person here: to them
        action.data["supplied"] = True
    refused = checks.not_person(game, action.second, "give things to")
    if refused:
        return refused
    found, refusal = interactions.find(game, action)
    if found is None:
        return refusal or UNWANTED(game, action)
    return None


def _only_person_here(game: Game) -> str | None:
    """The one person standing in the player's place besides the player, if one."""
    entities = game.world.entities
    people = [
        e
        for e in query.contents(game, query.here(game))
        if entities[e].kind == "person" and e != game.world.player
    ]
    return people[0] if len(people) == 1 else None


@rule("carry_out", "give")
def giving(game: Game, action: Action) -> None:
    interactions.run_matching(game, action)


@rule("report", "give")
def report_give(game: Game, action: Action) -> str:
    said = str(action.data.get("said", ""))
    if action.data.get("supplied") and action.second is not None and said:
        return f"{SUPPLIED(game, whom=prose.subject(game, action.second).the())}\n{said}"
    return said


@rule("check", "wear")
def wearable(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    if not game.world.entities[action.noun].wearable:
        return UNWEARABLE(game, action)
    if query.prop(game, action.noun, "worn"):
        return ALREADY_WORN(game, action)
    return None


@rule("carry_out", "wear")
def wearing(game: Game, action: Action) -> None:
    assert action.noun is not None
    ops.set_prop(game, action.noun, "worn", True)
    interactions.run_matching(game, action)


@rule("report", "wear")
def report_wear(game: Game, action: Action) -> str:
    return str(action.data.get("said") or WORN(game, action))


@rule("check", "remove")
def removable(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    if not query.prop(game, action.noun, "worn"):
        return NOT_WORN(game, action)
    return None


@rule("carry_out", "remove")
def removing(game: Game, action: Action) -> None:
    assert action.noun is not None
    ops.set_prop(game, action.noun, "worn", False)
    interactions.run_matching(game, action)


@rule("report", "remove")
def report_remove(game: Game, action: Action) -> str:
    return str(action.data.get("said") or TAKEN_OFF(game, action))


def describe_the(game: Game, entity: str) -> str:
    return capital(checks.the(game, entity))
