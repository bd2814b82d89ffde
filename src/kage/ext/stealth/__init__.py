"""Stealth: being seen or not, and pickpockets at work."""

from typing import Any

from kage.core.extension import NUMBER, TEXTS, Arg, Extension, Prop, Ref, one


def _place(arg: Any) -> list[Ref]:
    return [((), "place", arg)] if isinstance(arg, str) else []


EXTENSION = Extension(
    name="stealth",
    summary="who notices the player, and thefts",
    depends=("body",),
    modules=("kage.ext.stealth.stealth", "kage.ext.stealth.theft", "kage.ext.stealth.unseen"),
    sections=("thefts",),
    content="kage.ext.stealth.sections",
    props={
        "light": Prop("how well lit the place is, 0-1 (1 by default)", NUMBER, ("place",)),
        "perception": Prop("how sharp-eyed the person is", NUMBER, ("person",)),
        "stealth": Prop("how well the person goes unseen", NUMBER, ("person",)),
    },
    conditions={
        "unseen": Arg("{unseen: true} or {unseen: mine_tunnel}", (bool, str), (), _place),
        "unseen_by": Arg("{unseen_by: [kai, kotomi]}", TEXTS, (), one("person")),
    },
)
