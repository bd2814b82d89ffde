"""The `remarks` section: what a companion says when something happens."""

from __future__ import annotations

from typing import Any

from kage.content.schema import Strict
from kage.content.sections import Section

Cond = dict[str, Any] | None
Effects = list[dict[str, Any]]


class RemarkModel(Strict):
    """Something the companion says when an event happens."""

    id: str
    speaker: str
    on: str  # event kind, e.g. status.added, hazard, theft.stolen, trade.sold
    match: dict[str, Any] = {}  # event data that must match, e.g. {status: rash}
    when: Cond = None
    text: str
    once: bool = True


def _check_remark(builder: Any, located: Any, path: tuple[Any, ...], e: RemarkModel) -> None:
    builder.expect(located, (*path, "speaker"), "person", e.speaker)
    builder.check_condition(located, (*path, "when"), e.when)


SECTION = Section("remarks", RemarkModel, _check_remark)
