"""The properties the core reads on entities (`props:` in a world file), with their types.

Extensions declare theirs in their manifests (`Extension.props`); a world declares its own
in its world section (`props: {haunted: flag}`). The loader reports any other name, and
any value of the wrong kind, at its line.
"""

from __future__ import annotations

from kage.core.extension import FLAG, TEXT, Prop

PLACE, PERSON, THING = ("place",), ("person",), ("thing",)
ANYONE = ("place", "person", "thing")

CORE: dict[str, Prop] = {
    "fixed": Prop("what the player reads on trying to take it (it cannot be carried)", TEXT, THING),
    "supporter": Prop("things can be put on it (as the field 'supporter')", FLAG, THING),
    "opaque": Prop("its contents cannot be seen from outside", FLAG, THING),
    "edible": Prop("it can be eaten (as the field 'edible')", FLAG, THING),
    "drinkable": Prop("it can be drunk (as the field 'drinkable')", FLAG, THING),
    "smell": Prop("what smelling it (or, on a place, the air) tells", TEXT, ANYONE),
    "sound": Prop("what listening to it (or, on a place, around) tells", TEXT, ANYONE),
    "taste": Prop("what tasting it tells", TEXT, ANYONE),
    "feel": Prop("what touching it tells", TEXT, ANYONE),
    "bed": Prop("one can sleep here", FLAG, PLACE),
    "no_sleep": Prop("what the player reads on trying to sleep here", TEXT, PLACE),
    "sleep_text": Prop("what the player reads on sleeping here", TEXT, PLACE),
    "out": Prop("the direction of the way out, for LEAVE and OUT (a compass word)", TEXT, PLACE),
    "no_exit": Prop("what the player reads on going a way there is none", TEXT, PLACE),
    "merchant": Prop(
        "the person keeps a shop (its id, or true): what they carry is on show",
        (str, bool),
        PERSON,
    ),
    "consumed": Prop("it was eaten or drunk up, and is gone (kept by play)", FLAG, THING),
    # the standard model's changeable fields, which the `prop` effect may also set
    "worn": Prop("it is worn by whoever has it", FLAG, THING),
    "open": Prop("it is open", FLAG, THING),
    "locked": Prop("it is locked", FLAG, THING),
    "switched_on": Prop("it is switched on", FLAG, THING),
    "lit": Prop("it gives light (a place: it is lit)", FLAG, ("place", "thing")),
}

# the names a world uses in its own `props:` declaration, and the types they stand for
TYPES: dict[str, tuple[type, ...]] = {
    "flag": (bool,),
    "number": (int, float),
    "text": (str,),
    "list": (list,),
    "mapping": (dict,),
    "any": (),
}
