"""The `remarks` section: what a companion says when something happens."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from kage.content.schema import Strict, Text
from kage.content.sections import Section

Cond = dict[str, Any] | None
Effects = list[dict[str, Any]]


class RemarkModel(Strict):
    """Something the companion says when an event happens."""

    id: str = Field(description="How files refer to it.")
    speaker: str = Field(description="Who says it (a person).")
    on: str = Field(
        description=(
            "The kind of event it answers, e.g. status.added, hazard, theft.stolen, trade.sold."
        )
    )
    match: dict[str, Any] = Field(
        {}, description="Event data that must match, e.g. {status: rash}."
    )
    when: Cond = Field(None, description="Said only while this holds.")
    text: Text | list[str] = Field(
        description=(
            "What they say: a text, or variants (`text` and `when`), the first that holds "
            "(`{event: {...}}` in a `when` tests the event answered); or a list of lines: "
            "one of them, never the one said last time (for a remark heard often, with "
            "`once: false`)."
        )
    )
    once: bool = Field(True, description="Said only the first time.")


def _check_remark(builder: Any, located: Any, path: tuple[Any, ...], e: RemarkModel) -> None:
    builder.expect(located, (*path, "speaker"), "person", e.speaker)
    builder.check_condition(located, (*path, "when"), e.when)
    if isinstance(e.text, list):
        for i, variant in enumerate(e.text):
            if not isinstance(variant, str):  # a line of a pool has no condition
                builder.check_condition(located, (*path, "text", i, "when"), variant.when)


SECTION = Section("remarks", RemarkModel, _check_remark)
