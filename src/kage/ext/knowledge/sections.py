"""`facts`: what is true in the world and who knows it, for the questions no topic answers.

facts:
  - id: husband
    words: [husband, father, dad, name]   # what a question must name to be about it
    known_by: [kotomi, kai, mine_yard]    # people, places (whoever is there) or zones
    when: {flag: wallet_returned}         # known, or told, only while this holds
    text: '"Daiki," {the noun} {says}. ...' # {the noun} is whoever is asked
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from kage.content.schema import Strict, Text
from kage.content.sections import Section
from kage.ext.knowledge import EVERYONE

Cond = dict[str, Any] | None


class FactModel(Strict):
    id: str = Field(description="How files refer to it.")
    words: list[str] = Field(description="Words a question names when it is about this.")
    known_by: list[str] = Field(
        description="Who knows it: people, places (whoever is there), zones, or `everyone`."
    )
    about: str | None = Field(
        None, description="Whom or what it is about: they are not told of themselves by it."
    )
    when: Cond = Field(None, description="Known, or told, only while this holds.")
    text: Text = Field(
        description=(
            "What the one asked says of it. Written about the one asked ({The noun} "
            "{says} ...), it is said as written; a plain sentence is told in their name "
            "(the response `knowing.fact`)."
        )
    )


def _check_fact(builder: Any, located: Any, path: tuple[Any, ...], entry: FactModel) -> None:
    builder.check_condition(located, (*path, "when"), entry.when)
    if entry.about is not None:
        builder.expect(located, (*path, "about"), "entity", entry.about)
    if not isinstance(entry.text, str):
        for i, variant in enumerate(entry.text):
            builder.check_condition(located, (*path, "text", i, "when"), variant.when)
    kinds = ("person", "place", "zone")
    for i, who in enumerate(entry.known_by):
        if who == EVERYONE or any(who in builder.known(kind) for kind in kinds):
            continue
        if not builder.complete:
            continue
        builder.problem(
            located,
            (*path, "known_by", i),
            f"fact '{entry.id}' is known by '{who}', which is no person, place or zone of "
            f"this world. Name one of those, or `{EVERYONE}`.",
        )


SECTION = Section("facts", FactModel, _check_fact)
