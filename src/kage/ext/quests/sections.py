"""The `quests` section: quests and their stages."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from kage.content.schema import Strict
from kage.content.sections import Section

Cond = dict[str, Any] | None
Effects = list[dict[str, Any]]


class StageModel(Strict):
    id: str = Field(description="How files and the `quest` effect and condition refer to it.")
    text: str = Field(description="What the journal says at this stage.")


class QuestModel(Strict):
    id: str = Field(description="How files refer to it.")
    title: str = Field(description="What the journal calls it.")
    stages: list[StageModel] = Field(description="Its stages, in order; the first gives the quest.")


SECTION = Section("quests", QuestModel)
