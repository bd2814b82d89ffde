"""The `training` section: kinds of training and what they raise."""

from __future__ import annotations

from typing import Any

from kage.content.schema import Strict
from kage.content.sections import Section

Cond = dict[str, Any] | None
Effects = list[dict[str, Any]]


class TrainingModel(Strict):
    """A kind of training: 'train', 'train archery', 'train for 3 weeks'."""

    id: str
    words: list[str] = []  # what the player may call it; the first entry is the default
    where: Cond = None  # where it can be done (a condition)
    gains: dict[str, float]  # stat -> points per day at the start
    limits: dict[str, float] = {}  # stat -> the most training can reach
    text: str = ""  # said after a stretch of training


def _check_training(builder: Any, located: Any, path: tuple[Any, ...], e: TrainingModel) -> None:
    builder.check_condition(located, (*path, "where"), e.where)


SECTION = Section("training", TrainingModel, _check_training)
