"""The standard world model in world files: doors, containers and supporters that open,
close and lock, enterable things, switchable devices, light and darkness.

Every field is optional and a thing is none of these unless its file says so. The fields
that depend on each other get their defaults here (a door starts closed and is openable; a
thing with a key is lockable), and what cannot be (a locked open box, a lamp of light that
has no switch, an exit through something that is not a door) is reported at its line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.content import schema as s
from kage.content.describe import subject
from kage.content.yaml_lines import Located

if TYPE_CHECKING:
    from kage.content.compile import Builder
    from kage.world.model import World

# fields that only a container or a door can have
OPENING = ("openable", "open", "lockable", "locked", "key")


def _given(thing: s.ThingModel, name: str) -> bool:
    return name in thing.model_fields_set


def thing_fields(
    builder: Builder, located: Located, path: tuple[Any, ...], thing: s.ThingModel
) -> dict[str, Any]:
    """The Entity fields of the standard model for one thing, with the kind's defaults."""

    def problem(field: str, message: str) -> None:
        builder.problem(located, (*path, field), f"{subject(located.data, path)} {message}")

    door, container = thing.door, thing.container
    supporter = thing.supporter or bool(thing.props.get("supporter"))
    if door and container:
        problem("door", "is both a door and a container. A thing can be one or the other.")
    if supporter and container:
        problem(
            "supporter",
            "is both a container (things go in it) and a supporter (things go on it). Choose one.",
        )
    opens = door or container
    for field in OPENING:
        if _given(thing, field) and not opens:
            problem(
                field,
                f"has '{field}', but only containers and doors open, close and lock. "
                "Add 'container: true' or 'door: true', or take it out.",
            )
            break
    if thing.transparent and not container:
        problem("transparent", "is transparent, but only a container can be seen into.")
    locked = thing.locked
    lockable = thing.lockable if thing.lockable is not None else (thing.key is not None or locked)
    openable = thing.openable if thing.openable is not None else (door or thing.open is False)
    openable = openable or (lockable and thing.openable is None)
    is_open = thing.open if thing.open is not None else not (door or locked)
    if locked and is_open:
        problem("locked", "is locked and open at once. Write 'open: false', or leave out 'locked'.")
    if lockable and not openable:
        problem("lockable", "locks but does not open. Leave out 'openable: false'.")
    if locked and not lockable:
        problem("locked", "is locked but not lockable. Leave out 'lockable: false'.")
    if thing.key is not None:
        builder.expect(located, (*path, "key"), "thing", thing.key)
        if thing.key == thing.id:
            problem("key", "is its own key. A key must be some other thing.")
    if thing.enterable and not (container or supporter):
        problem(
            "enterable",
            "is enterable, but only a container (get in it) or a supporter (get on it) can "
            "be. Add 'container: true' or 'supporter: true'.",
        )
    if thing.switched_on and not thing.switchable:
        problem("switched_on", "is switched on but has no switch. Add 'switchable: true'.")
    if thing.light and not thing.switchable:
        problem(
            "light",
            "has 'light', which means its switch lights it, but it is not switchable. Add "
            "'switchable: true', or for a thing that simply gives light write 'lit: true'.",
        )
    portable = thing.portable if thing.portable is not None else not door
    if door and portable:
        problem("portable", "is a door, and a door can't be carried. Leave out 'portable'.")
    return {
        "portable": portable,
        "supporter": supporter,
        "transparent": thing.transparent,
        "openable": openable,
        "open": is_open,
        "lockable": lockable,
        "locked": locked,
        "key": thing.key,
        "door": door,
        "enterable": thing.enterable,
        "switchable": thing.switchable,
        "switched_on": thing.switched_on,
        "light": thing.light,
        "lit": thing.lit or (thing.light and thing.switched_on),
        # written as a field or as a prop, the entity's field holds it
        "edible": thing.edible or bool(thing.props.get("edible")),
        "drinkable": thing.drinkable or bool(thing.props.get("drinkable")),
    }


def check_world(builder: Builder, world: World) -> None:
    """What needs the whole world: exits go through doors, and a door stands in a place
    one of its exits leaves from."""
    sides: dict[str, set[str]] = {}  # door -> the places with an exit through it
    for located, path, place, door in builder.doors:
        ent = world.entities.get(door)
        if ent is None:
            builder.expect(located, path, "thing", door)
            continue
        sides.setdefault(door, set()).add(place)
        if ent.kind != "thing" or not ent.door:
            builder.problem(
                located,
                path,
                f"{subject(located.data, path)} is '{door}', which is not a door. Give "
                f"'{door}' 'door: true', or name a door.",
            )
    for ident, ent in world.entities.items():
        if ent.kind != "thing" or not ent.door or ident not in builder.where:
            continue
        located, id_path = builder.where[ident]
        path = id_path[:-1]
        joins = sides.get(ident, set())
        if not joins:
            builder.problem(
                located,
                (*path, "door"),
                f"{subject(located.data, path)} is a door, but no exit goes through it. Name "
                f"it in the exits of the places it joins, e.g. east: {{to: hall, door: {ident}}}.",
            )
        elif ent.start not in joins and ent.start in world.entities:
            builder.problem(
                located,
                (*path, "at"),
                f"{subject(located.data, path)} is a door at '{ent.start}', but the exits "
                f"through it leave from {', '.join(sorted(joins))}. Put it at one of those.",
            )
