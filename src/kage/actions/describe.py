"""Shared prose helpers: naming lists of things, describing a place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.core import prose
from kage.core.naming import printed_name
from kage.core.prose import listing
from kage.core.responses import response
from kage.core.settings import describes_place
from kage.world import query, scope

if TYPE_CHECKING:
    from kage.game import Game

DARK_NAME = response("looking.dark_name", "Darkness")
DARK = response("looking.dark", "It is pitch dark, and you can't see a thing.")
YOU_CAN_SEE = response("looking.you_can_see", "You can see {things} here.", "things")
ON_TOP = response("looking.on_top", "On {holder} {is} {things}.", "holder", "is", "things")
IN_TOP = response("looking.in_top", "In {holder} {is} {things}.", "holder", "is", "things")
PEOPLE_HERE = response("looking.people_here", "{People} {is} here.", "people")
EXITS = response("looking.exits", "Exits: {ways}.", "ways")


def name(game: Game, entity: str) -> str:
    return prose.the(game, entity)


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def ways_out(game: Game, place_id: str) -> list[str]:
    """'north or up (the captain's cabin)': directions to the same place are grouped;
    a place not yet known is not named."""
    world = game.world
    by_place: dict[tuple[str, str | None], list[str]] = {}
    for direction, way in query.ways_seen(game, place_id).items():
        by_place.setdefault((way.to, way.door), []).append(direction)
    ways = []
    for (to, door), directions in by_place.items():
        words = " or ".join(directions)
        notes = []
        if to in game.state.visited or world.entities[to].known:
            notes.append(printed_name(game, to))
        if door is not None:
            notes.append(f"through {prose.the(game, door)}")
        ways.append(f"{words} ({', '.join(notes)})" if notes else words)
    return ways


def _with_states(game: Game, who: str, name: str) -> str:
    """'a bald guard (out cold, tied up)': the statuses a world marks `shown`, in force now."""
    defined = game.world.data.get("statuses", {})
    now = game.state.minutes
    found = query.prop(game, who, "status") or {}
    shown = [
        defined[s]["name"]
        for s, ends in dict(found).items()
        if defined.get(s, {}).get("shown") and (ends < 0 or ends > now)
    ]
    return f"{name} ({', '.join(shown)})" if shown else name


def is_are(names: list[str]) -> str:
    return "is" if len(names) == 1 and not names[0].startswith("some ") else "are"


def visible_inside(game: Game, holder: str) -> list[str]:
    """What can be seen in or on `holder` and is worth listing (not scenery, not the player)."""
    if not query.shows_contents(game, holder):
        return []
    entities = game.world.entities
    return [
        i
        for i in query.contents(game, holder)
        if i != game.world.player and not entities[i].scenery and entities[i].kind == "thing"
    ]


def noted(game: Game, thing: str) -> str:
    """'an oak box (closed)', 'a table (on which is a lamp)', 'a torch (providing light)'."""
    ent = game.world.entities[thing]
    notes = []
    if scope.gives_light(game, thing):
        notes.append("providing light")
    if (ent.container or ent.door) and ent.openable and not query.is_open(game, thing):
        notes.append("closed")
    inside = visible_inside(game, thing)
    if inside:
        names = [prose.a(game, i) for i in inside]
        which = "on which" if ent.supporter else "in which"
        notes.append(f"{which} {is_are(names)} {listing(names)}")
    named = prose.a(game, ent.id)
    return f"{named} ({'; '.join(notes)})" if notes else named


def heading(game: Game, place_id: str) -> str:
    """The place's name, with where the player sits in it: 'The parlour (on the sofa)'."""
    world = game.world
    name = capital(printed_name(game, place_id))
    holder = game.state.holder.get(world.player)
    if holder is None or holder == place_id or query.here(game) != place_id:
        return name
    ent = world.entities[holder]
    if ent.kind != "thing":
        return name
    return f"{name} ({'on' if ent.supporter else 'in'} {prose.the(game, ent.id)})"


def inside_box(game: Game, box: str) -> str:
    """Shut in a closed container (with a light): only its inside can be seen."""
    things = [noted(game, i) for i in visible_inside_all(game, box)]
    parts = [capital(prose.the(game, box))]
    if things:
        parts.append(YOU_CAN_SEE(game, things=listing(things)))
    return "\n".join(parts)


def visible_inside_all(game: Game, holder: str) -> list[str]:
    """What is in `holder` and worth listing, seen from inside it."""
    entities = game.world.entities
    return [
        i
        for i in query.contents(game, holder)
        if i != game.world.player and not entities[i].scenery
    ]


def place(game: Game, place_id: str | None = None, arriving: bool = False) -> str:
    """The description of a place: name, prose, who and what is here, the ways out.
    On `arriving`, the player's verbosity may leave the prose out."""
    world = game.world
    here = query.here(game)
    place_id = place_id or here
    if place_id == here and scope.in_darkness(game):
        return f"{DARK_NAME(game)}\n{DARK(game)}"
    if place_id == here:
        box = scope.ceiling(game, world.player)
        if box != here:
            return inside_box(game, box)
    ent = world.entities[place_id]
    shown = describes_place(game, place_id, arriving)
    parts = [heading(game, place_id), game.say_variant(ent.description) if shown else ""]
    people, things, tops = [], [], []
    for item in query.contents(game, place_id):
        other = world.entities[item]
        if item == world.player or other.door or query.is_carried_by(game, world.player, item):
            continue  # nor the wardrobe the player stands in
        if other.scenery:
            tops.append(item)  # a desk is not listed, but what lies on it is
            continue
        if other.kind == "person":
            people.append(other)
        elif other.listing:
            parts.append(game.render(other.listing))
        else:
            things.append(noted(game, item))
    if people:
        names = [_with_states(game, p.id, prose.a(game, p.id)) for p in people]
        many = len(people) > 1 or prose.subject(game, people[0].id).plural
        parts.append(PEOPLE_HERE(game, people=prose.Subject(listing(names), many, True)))
    if things:
        parts.append(YOU_CAN_SEE(game, things=listing(things)))
    for holder in tops:
        inside = [prose.a(game, i) for i in visible_inside(game, holder)]
        if inside:
            said = ON_TOP if world.entities[holder].supporter else IN_TOP
            the = prose.the(game, holder)
            parts.append(said(game, holder=the, things=listing(inside), **{"is": is_are(inside)}))
    ways = ways_out(game, place_id)
    if ways:
        parts.append(EXITS(game, ways=listing(ways)))
    return "\n".join(p for p in parts if p)
