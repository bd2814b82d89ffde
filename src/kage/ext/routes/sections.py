"""The `routes` section: ways people walk."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from kage.content.schema import Strict
from kage.content.sections import Section

Cond = dict[str, Any] | None
Effects = list[dict[str, Any]]


class RouteModel(Strict):
    """A way someone walks: through places, minutes per step, then something happens."""

    id: str = Field(description="How files and the `route` effect refer to it.")
    who: str = Field(description="The person who walks it.")
    path: list[str] = Field(description="The places walked through, in order.")
    minutes: int = Field(10, ge=1, description="Minutes per step.")
    arrive: Effects = Field([], description="Effects when the last place is reached.")


def _check_route(builder: Any, located: Any, path: tuple[Any, ...], e: RouteModel) -> None:
    builder.expect(located, (*path, "who"), "person", e.who)
    for i, place in enumerate(e.path):
        builder.expect(located, (*path, "path", i), "place", place)
    builder.span(located, (*path, "minutes"), e.minutes, e.minutes)
    builder.check_effects(located, (*path, "arrive"), e.arrive)


SECTION = Section("routes", RouteModel, _check_route)
