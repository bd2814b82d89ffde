"""Fights and morale: knocking out, killing, alerted guards, surrender."""

from typing import Any

from kage.core.extension import (
    FLAG,
    MAPPING,
    NUMBER,
    TEXT,
    TEXTS,
    WHOLE,
    Arg,
    Extension,
    Prop,
    Ref,
    fields,
    one,
)


def _gathered(arg: Any) -> list[Ref]:
    who = arg.get("who", [])
    names = who if isinstance(who, list) else [who]  # a number is reported as no person
    refs: list[Ref] = [(("who",), "person", w) for w in names]
    if arg.get("to") not in (None, "here"):
        refs.append((("to",), "place", arg["to"]))
    return refs


EXTENSION = Extension(
    name="combat",
    summary="fighting, knocking out and killing, alert guards, morale and surrender",
    depends=("body",),
    optional=("ninja", "stealth"),  # clones fight; stealth decides who notices
    modules=(
        "kage.ext.combat.combat",
        "kage.ext.combat.fighting",
        "kage.ext.combat.wounds",
        "kage.ext.combat.sightings",
    ),
    sections=("combat",),
    handlers=("wounds",),
    content="kage.ext.combat.sections",
    conditions={
        "hostiles_down": Arg("{hostiles_down: great_chamber}", TEXTS, (), one("place")),
        "guards_down": Arg("{guards_down: great_chamber}", TEXTS, (), one("place")),
        "killed_someone": Arg("{killed_someone: true}", FLAG),
        "wounds": Arg(
            "{wounds: {min: 2}} or {wounds: {who: kai, max: 0}}", MAPPING, (), fields(who="person")
        ),
    },
    effects={
        "alert": Arg("{alert: great_chamber}", TEXTS, (), one("place")),
        "gather": Arg("{gather: {who: [a, b], to: place}}", MAPPING, ("who",), _gathered),
    },
    props={
        "hostile": Prop("the person fights the player", FLAG, ("person",)),
        "fights_back": Prop("the person fights back when attacked", FLAG, ("person",)),
        "count": Prop("how many people this one stands for (a gang)", WHOLE, ("person",)),
        "slacking": Prop("the person is not paying attention", FLAG, ("person",)),
        "alert": Prop("the person is on guard", FLAG, ("person",)),
        "roused": Prop("the person has been roused by a noise (kept by play)", FLAG, ("person",)),
        "sighted": Prop("the person has seen the player (kept by play)", FLAG, ("person",)),
        "drawn": Prop(
            "a thing: it is a blade drawn in hand (a wary captive fears it); a person: the "
            "turn they were drawn into a fight (kept by play)",
            (bool, int),
            ("person", "thing"),
        ),
        "strength": Prop("how hard the person is to knock out", NUMBER, ("person",)),
        "post": Prop(
            "the place the person guards (else where the world put them at the start): "
            "`guards_down` counts them there wherever they are",
            TEXT,
            ("person",),
            "place",
        ),
        "wounds": Prop(
            "blows that landed on the person and have not healed (kept by play; see the "
            "`combat: {wounds: ...}` setting)",
            WHOLE,
            ("person",),
        ),
        "heals_at": Prop(
            "the minute the person's worst wound heals (kept by play)", NUMBER, ("person",)
        ),
        "pursues": Prop(
            "the foe follows a player who runs from the fight: true, or a chance 0..1",
            (bool, int, float),
            ("person",),
        ),
        "morale": Prop("the person's will to fight, 0-100 (50 by default)", NUMBER, ("person",)),
        "fighting": Prop(
            "the person's skill at fighting (the stat `combat: {skill: ...}` names, this by "
            "default; a world that names another declares it in its own `props:`)",
            NUMBER,
            ("person",),
        ),
    },
    grammar={
        "fight": (
            "fight",
            "fight them all",
            "fight everyone",
            "fight them",
        ),
        "knock_out": (
            "attack {person}",
            "hit {person}",
            "punch {person}",
            "kick {person}",
            "knock out {person}",
            "knock {person} out",
            "strike {person}",
            "fight {person}",
            "ambush {person}",
            "take out {person}",
            "take down {person}",
            "ko {person}",
            "k.o. {person}",
            "knock {person} unconscious|senseless|cold",
            "knock out {person} cold",
            "knock {person} out cold",
            "sneak up on {person} and knock him|her|them out",
            "sneak up behind {person} and knock him|her|them out",
            "creep up on {person} and knock him|her|them out",
            "hit {person} from behind",
            "chop|elbow|knee|slug|thump|deck|floor {person}",
        ),
        "kill": (
            "kill {person}",
            "murder {person}",
            "stab {person}",
            "slay {person}",
        ),
    },
)
