"""Shared prose helpers: naming lists of things, describing a place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.core.naming import printed_name
from kage.core.settings import describes_place
from kage.world import query

if TYPE_CHECKING:
    from kage.game import Game


def listing(names: list[str]) -> str:
    if not names:
        return "nothing"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def name(game: Game, entity: str) -> str:
    return game.world.entities[entity].the()


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def ways_out(game: Game, place_id: str) -> list[str]:
    """'north or up (the Hokage's office)': directions to the same place are grouped;
    a place not yet known is not named."""
    world = game.world
    by_place: dict[str, list[str]] = {}
    for direction, way in query.ways_seen(game, place_id).items():
        by_place.setdefault(way.to, []).append(direction)
    ways = []
    for to, directions in by_place.items():
        words = " or ".join(directions)
        if to in game.state.visited or world.entities[to].known:
            ways.append(f"{words} ({printed_name(game, to)})")
        else:
            ways.append(words)
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


def place(game: Game, place_id: str | None = None, arriving: bool = False) -> str:
    """The description of a place: name, prose, who and what is here, the ways out.
    On `arriving`, the player's verbosity may leave the prose out."""
    world = game.world
    place_id = place_id or query.here(game)
    ent = world.entities[place_id]
    shown = describes_place(game, place_id, arriving)
    parts = [capital(printed_name(game, place_id)), game.pick(ent.description) if shown else ""]
    people, things = [], []
    for item in query.contents(game, place_id):
        other = world.entities[item]
        if item == world.player or other.scenery:
            continue
        if other.kind == "person":
            people.append(other)
        elif other.listing:
            parts.append(game.render(other.listing))
        else:
            things.append(other.a())
    if people:
        names = [_with_states(game, p.id, p.name if p.proper else p.a()) for p in people]
        verb = "is" if len(people) == 1 else "are"
        parts.append(f"{capital(listing(names))} {verb} here.")
    if things:
        parts.append(f"You can see {listing(things)} here.")
    ways = ways_out(game, place_id)
    if ways:
        parts.append("Exits: " + listing(ways) + ".")
    return "\n".join(p for p in parts if p)
