"""Searching: look in or search something (what it holds), look under it, look out of it.

Each first asks the world's interactions (verb `search`, `look_under` or `look_out` aimed at
the thing), so a writer can hide a key under a mat or put a view behind a window without
code; with none, the standard answer is given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import describe, interactions
from kage.actions.pipeline import Action, rule
from kage.core import prose
from kage.core.responses import response
from kage.world import query

if TYPE_CHECKING:
    from kage.game import Game

CLOSED = response("searching.closed", "You can't see inside, since {the noun} {is} closed.")
EMPTY = response("searching.empty", "{The noun} {is} empty.")
IN = response("searching.in", "In {the noun} {is} {things}.", "is", "things")
NOTHING_ON = response("searching.nothing_on", "There is nothing on {the noun}.")
ON = response("searching.on", "On {the noun} {is} {things}.", "is", "things")
NOTHING = response("searching.nothing", "You find nothing of interest.")
UNDER = response("looking_under.nothing", "You find nothing of interest.")
OUT_NOTHING = response("looking_out.nothing", "You see nothing unusual through {the noun}.")
THROUGH_DOOR = response("looking_out.door", "Through {the noun} you can see {place}.", "place")
DOOR_CLOSED = response("looking_out.closed", "{The noun} {is} closed.")


@rule("before", "search", order=10)
def sealed_things_are_read_from_outside(game: Game, action: Action) -> None:
    """What an opaque container (a storage scroll) holds is written on it: examine it."""
    noun = action.noun
    if noun and game.world.entities[noun].container and query.prop(game, noun, "opaque"):
        action.name = "examine"


@rule("carry_out", "search", "look_under", "look_out")
def what_the_world_hid_there(game: Game, action: Action) -> None:
    interactions.run_matching(game, action)


@rule("report", "search")
def list_what_is_inside(game: Game, action: Action) -> str:
    said = action.data.get("said")
    if said:
        return str(said)
    assert action.noun is not None
    ent = game.world.entities[action.noun]
    if ent.container:
        if not query.shows_contents(game, action.noun):
            return CLOSED(game, action)
        inside = [prose.a(game, i) for i in describe.visible_inside(game, action.noun)]
        if not inside:
            return _nothing(game, action, EMPTY(game, action))
        return IN(game, action, things=describe.listing(inside), **{"is": describe.is_are(inside)})
    if ent.supporter:
        on = [prose.a(game, i) for i in describe.visible_inside(game, action.noun)]
        if not on:
            return _nothing(game, action, NOTHING_ON(game, action))
        return ON(game, action, things=describe.listing(on), **{"is": describe.is_are(on)})
    return NOTHING(game, action)


def _nothing(game: Game, action: Action, empty: str) -> str:
    """'The box is empty' only when it is: what is part of it (scenery, the paperwork
    on a desk) is not worth listing, but it is there."""
    assert action.noun is not None
    return NOTHING(game, action) if query.contents(game, action.noun) else empty


@rule("report", "look_under")
def nothing_underneath(game: Game, action: Action) -> str:
    return str(action.data.get("said") or UNDER(game, action))


@rule("report", "look_out")
def the_view(game: Game, action: Action) -> str:
    said = action.data.get("said")
    if said:
        return str(said)
    assert action.noun is not None
    if game.world.entities[action.noun].door:
        if not query.is_open(game, action.noun):
            return DOOR_CLOSED(game, action)
        here = game.world.entities[query.here(game)]
        for way in here.exits.values():
            if way.door == action.noun:
                place = game.world.entities[way.to].name
                return THROUGH_DOOR(game, action, place=place)
    return OUT_NOTHING(game, action)
