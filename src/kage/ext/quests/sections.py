"""The `quests` section: quests and their stages."""

from __future__ import annotations

from typing import Any

from kage.content.schema import Strict
from kage.content.sections import Section

Cond = dict[str, Any] | None
Effects = list[dict[str, Any]]


class StageModel(Strict):
    id: str
    text: str


class QuestModel(Strict):
    id: str
    title: str
    stages: list[StageModel]


SECTION = Section("quests", QuestModel)
