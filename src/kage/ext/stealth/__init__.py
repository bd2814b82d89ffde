"""Stealth: being seen or not, and pickpockets at work."""

from typing import Any

from kage.core.extension import TEXTS, Arg, Extension, Ref, one


def _place(arg: Any) -> list[Ref]:
    return [((), "place", arg)] if isinstance(arg, str) else []


EXTENSION = Extension(
    name="stealth",
    summary="who notices the player, and thefts",
    depends=("body",),
    modules=("kage.ext.stealth.stealth", "kage.ext.stealth.theft"),
    sections=("thefts",),
    content="kage.ext.stealth.sections",
    conditions={
        "unseen": Arg("{unseen: true} or {unseen: mine_tunnel}", (bool, str), (), _place),
        "unseen_by": Arg("{unseen_by: [kai, kotomi]}", TEXTS, (), one("person")),
    },
)
