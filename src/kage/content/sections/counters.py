"""`counters`: numbers a story keeps (how often the message was disturbed), with their
start values: ``counters: {disturbed: 0}``.

Effects change them (``{increment: disturbed}``, ``{add: {disturbed: -2}}``, ``{set:
{disturbed: 0}}``) and conditions compare them (``{counter: {disturbed: {min: 2}}}``, or
``{counter: {disturbed: 3}}`` for exactly 3; ``{counter: disturbed}`` holds when it is not
0). Every counter an effect or condition names must be declared here, so a typo is caught
by `kage check` instead of counting in a new counter that nothing reads.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field, StrictInt

from kage.content.schema import Strict
from kage.content.sections import Section

NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class CountersModel(Strict):
    counters: dict[str, StrictInt] = Field(
        description="Each counter's name and the whole number it starts at."
    )


def check(builder: Any, located: Any, path: tuple[Any, ...], start: int) -> None:
    name = path[-1]
    if not NAME.match(name):
        fixed = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
        like = f" (like '{fixed}')" if NAME.match(fixed) else ""
        builder.problem(
            located,
            path,
            f"the counter name '{name}' will not do: names use lowercase letters, digits and "
            f"underscores, starting with a letter{like}.",
        )


SECTION = Section("counters", CountersModel, check, mapping=True)
