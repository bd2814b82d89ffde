"""The `training` section: kinds of training and what they raise."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from kage.content.schema import Strict
from kage.content.sections import Section

Cond = dict[str, Any] | None
Effects = list[dict[str, Any]]


class TrainingModel(Strict):
    """A kind of training: 'train', 'train archery', 'train for 3 weeks'."""

    id: str = Field(description="How files refer to it.")
    words: list[str] = Field(
        [], description="What the player may call it; the first is the default."
    )
    where: Cond = Field(None, description="Where it can be done (a condition).")
    gains: dict[str, float] = Field(description="Stat -> points per day at the start.")
    limits: dict[str, float] = Field({}, description="Stat -> the most training can reach.")
    text: str = Field("", description="Said after a stretch of training.")


def _check_training(builder: Any, located: Any, path: tuple[Any, ...], e: TrainingModel) -> None:
    builder.check_condition(located, (*path, "where"), e.where)


SECTION = Section("training", TrainingModel, _check_training)
