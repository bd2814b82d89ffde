"""What a person can see: light and darkness, and the things in sight.

Light is worked out, not stored: a place (or a closed box someone is shut in) has light
when it is lit itself or when something that gives light is in it and not shut away (in a
closed opaque container). In darkness a person can refer only to what they carry.

Every place is lit unless a world says otherwise, so the common case costs one lookup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.world import query

if TYPE_CHECKING:
    from kage.game import Game

MAX_DEPTH = 64  # holders followed upward; deeper is a broken state, not a world


def ceiling(game: Game, who: str) -> str:
    """The room `who` sees from: their place, or the closed opaque container they are in
    (a wardrobe), whatever holds it."""
    entities = game.world.entities
    current = game.state.holder.get(who)
    steps = 0
    while current is not None and steps < MAX_DEPTH:
        ent = entities.get(current)
        if ent is None or ent.kind == "place":
            return current
        if ent.container and not query.shows_contents(game, current):
            return current
        current = game.state.holder.get(current)
        steps += 1
    return query.place_of(game, who) or ""


def gives_light(game: Game, entity: str) -> bool:
    return bool(query.prop(game, entity, "lit"))


def has_light(game: Game, room: str) -> bool:
    """Whether light is in `room` (a place or a container): its own, or a light source's
    that is in it and not shut away. Anyone's lamp lights the room they are in."""
    if gives_light(game, room):
        return True
    entities = game.world.entities
    stack = list(query.contents(game, room))
    while stack:
        item = stack.pop()
        if gives_light(game, item):
            return True
        if entities[item].kind == "person" or query.shows_contents(game, item):
            stack.extend(query.contents(game, item))
    return False


def in_darkness(game: Game, who: str | None = None) -> bool:
    """Whether `who` (the player by default) is in the dark."""
    who = who or game.world.player
    return not has_light(game, ceiling(game, who))


def _in_the_dark(game: Game, who: str) -> list[str]:
    """What `who` can refer to in the dark: what they carry, and by touch what they are
    in or on (the wardrobe they shut themselves into)."""
    result: list[str] = []
    entities = game.world.entities
    holder = game.state.holder.get(who)
    while holder is not None and entities[holder].kind == "thing" and len(result) < MAX_DEPTH:
        result.append(holder)
        holder = game.state.holder.get(holder)
    stack = list(reversed(query.contents(game, who)))
    while stack:
        item = stack.pop()
        result.append(item)
        if query.shows_contents(game, item):
            stack.extend(reversed(query.contents(game, item)))
    return result


def visible(game: Game, who: str | None = None) -> list[str]:
    """What `who` (the player by default) can see and refer to: what is in their room
    (place, or the closed box they are in), what they carry, what is in open containers or
    on supporters in both, and the doors of the place's exits. In the dark: what they carry."""
    who = who or game.world.player
    if in_darkness(game, who):
        return _in_the_dark(game, who)
    room = ceiling(game, who)
    entities = game.world.entities
    result: list[str] = []
    stack = [e for e in reversed(query.contents(game, room)) if e != who]
    stack.extend(reversed(query.contents(game, who)))
    while stack:
        item = stack.pop()
        if item == who:
            continue  # the player on a chair is among the chair's contents
        result.append(item)
        ent = entities[item]
        if ent.kind == "person":
            if query.prop(game, item, "merchant"):
                stack.extend(reversed(query.contents(game, item)))  # wares on show
            continue  # what others carry is theirs and out of reach
        if query.shows_contents(game, item):
            stack.extend(reversed(query.contents(game, item)))
    if entities[room].kind == "thing":
        result.append(room)  # the wardrobe you are shut in, seen from inside
    place = entities.get(room)
    if place is not None and place.kind == "place":
        for way in place.exits.values():
            if way.door is not None and way.door not in result:
                result.append(way.door)  # a door is in both the places it joins
    return result
