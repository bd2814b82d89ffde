"""Read-only questions about a game's world: where things are, who holds what."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kage.game import Game
    from kage.world.model import Exit


def holder(game: Game, entity: str) -> str | None:
    return game.state.holder.get(entity)


def place_of(game: Game, entity: str) -> str | None:
    """The place an entity is in, following holders (a coin in a purse held by the player)."""
    entities = game.world.entities
    seen = 0
    current: str | None = entity
    while current is not None and seen < 64:
        ent = entities.get(current)
        if ent is not None and ent.kind == "place":
            return current
        current = game.state.holder.get(current)
        seen += 1
    return None


def here(game: Game) -> str:
    """The player's place: usually what holds him, else found by `place_of`."""
    holder = game.state.holder.get(game.world.player)
    if holder is not None:
        ent = game.world.entities.get(holder)
        if ent is not None and ent.kind == "place":
            return holder
    return place_of(game, game.world.player) or ""


def contents(game: Game, holder_id: str) -> list[str]:
    """Entities directly held by (or lying in) holder_id, in definition order."""
    index = game.contents_index()
    return index.get(holder_id, [])


def carried(game: Game, who: str) -> list[str]:
    """Everything a person holds, including inside held containers."""
    result: list[str] = []
    stack = list(reversed(contents(game, who)))
    while stack:
        item = stack.pop()
        result.append(item)
        if game.world.entities[item].container:
            stack.extend(reversed(contents(game, item)))
    return result


def at_hand(game: Game, who: str) -> list[str]:
    """What a person carries and could use now: like `carried`, but what is sealed away
    (inside an `opaque` container, such as a storage scroll) is out of reach."""
    result: list[str] = []
    stack = list(reversed(contents(game, who)))
    while stack:
        item = stack.pop()
        result.append(item)
        if shows_contents(game, item):
            stack.extend(reversed(contents(game, item)))
    return result


def is_carried_by(game: Game, entity: str, who: str) -> bool:
    current = game.state.holder.get(entity)
    steps = 0
    while current is not None and steps < 64:
        if current == who:
            return True
        if game.world.entities[current].kind == "place":
            return False
        current = game.state.holder.get(current)
        steps += 1
    return False


def prop(game: Game, entity: str, key: str, default: object = None) -> object:
    """An entity's property: its changed value in the state, else its defined value."""
    changed = game.state.props.get(entity)
    if changed is not None and key in changed:
        return changed[key]
    ent = game.world.entities[entity]
    if key in STATES or key in FIELDS:
        if key == "lit" and ent.kind == "place":
            return not ent.dark
        return getattr(ent, key)
    return ent.props.get(key, default)


# The standard model's changeable fields: the Entity holds how each starts, the state how
# it is now. (A place is lit unless it is dark.)
STATES = frozenset({"worn", "open", "locked", "switched_on", "lit"})
# fields a world may write either way (`edible: true` or `props: {edible: true}`)
FIELDS = frozenset({"supporter", "edible", "drinkable"})


def is_open(game: Game, entity: str) -> bool:
    return bool(prop(game, entity, "open"))


def shows_contents(game: Game, entity: str) -> bool:
    """Whether what is in or on `entity` can be seen from outside it: a supporter, or a
    container that is open or transparent and not sealed away (`opaque`, a storage scroll)."""
    ent = game.world.entities[entity]
    if ent.supporter:
        return True
    if not ent.container or prop(game, entity, "opaque"):
        return False
    return ent.transparent or is_open(game, entity)


def in_zone(game: Game, place: str, zone: str) -> bool:
    ent = game.world.entities.get(place)
    return ent is not None and zone in ent.zones


def bond(game: Game, source: str, target: str) -> int:
    return game.state.bonds.get(f"{source}>{target}", 0)


def mood(game: Game, who: str) -> int:
    return game.state.mood.get(who, 0)


def visible(game: Game, who: str | None = None) -> list[str]:
    """What `who` (the player by default) can see and refer to (see world.scope)."""
    from kage.world import scope

    return scope.visible(game, who)


def ways_seen(game: Game, place_id: str) -> dict[str, Exit]:
    """The ways out of a place that the player is shown: every exit but a `hidden` one
    whose condition does not hold now (a passage behind a tapestry, before it is found).
    Going that way is still decided by the exit's own condition."""
    from kage.world.conditions import holds

    return {
        direction: way
        for direction, way in game.world.entities[place_id].exits.items()
        if not way.hidden or holds(game, way.when)
    }
