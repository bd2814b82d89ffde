"""Fights and morale: knocking out, killing, alerted guards, surrender."""

from typing import Any

from kage.core.extension import MAPPING, TEXTS, Arg, Extension, Ref, one


def _gathered(arg: Any) -> list[Ref]:
    who = arg.get("who", [])
    refs: list[Ref] = [(("who",), "person", w) for w in ([who] if isinstance(who, str) else who)]
    if arg.get("to") not in (None, "here"):
        refs.append((("to",), "place", arg["to"]))
    return refs


EXTENSION = Extension(
    name="combat",
    summary="fighting, knocking out and killing, alert guards, morale and surrender",
    depends=("body",),
    optional=("ninja", "stealth"),  # clones fight; stealth decides who notices
    modules=("kage.ext.combat.combat", "kage.ext.combat.fighting"),
    sections=("combat",),
    content="kage.ext.combat.sections",
    conditions={
        "hostiles_down": Arg("{hostiles_down: great_chamber}", TEXTS, (), one("place")),
        "killed_someone": Arg("{killed_someone: true}"),
    },
    effects={
        "alert": Arg("{alert: great_chamber}", TEXTS, (), one("place")),
        "gather": Arg("{gather: {who: [a, b], to: place}}", MAPPING, ("who",), _gathered),
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
        ),
        "kill": (
            "kill {person}",
            "murder {person}",
            "stab {person}",
            "slay {person}",
        ),
    },
)
