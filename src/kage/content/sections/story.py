"""Sections for the story's systems: training, a companion's remarks, quests, thefts and
the routes people walk."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from kage.content.schema import Strict
from kage.content.sections import Section

Cond = dict[str, Any] | None
Effects = list[dict[str, Any]]


class TrainingModel(Strict):
    """A kind of training: 'train', 'train genjutsu', 'train for 3 weeks'."""

    id: str
    words: list[str] = []  # what the player may call it; the first entry is the default
    where: Cond = None  # where it can be done (a condition)
    gains: dict[str, float]  # stat -> points per day at the start
    limits: dict[str, float] = {}  # stat -> the most training can reach
    text: str = ""  # said after a stretch of training


class RemarkModel(Strict):
    """Something the companion says when an event happens."""

    id: str
    speaker: str
    on: str  # event kind, e.g. status.added, hazard, theft.stolen, trade.sold
    match: dict[str, Any] = {}  # event data that must match, e.g. {status: rash}
    when: Cond = None
    text: str
    once: bool = True


class StageModel(Strict):
    id: str
    text: str


class QuestModel(Strict):
    id: str
    title: str
    stages: list[StageModel]


class TheftModel(Strict):
    """A pickpocket's chance: when `when` holds and the player walks into `place`."""

    id: str
    thief: str
    target: str  # the thing taken
    place: str
    when: Cond = None
    skill: float = 60  # the thief's sleight of hand against the player's perception
    distracted: Cond = None  # when this holds the player is lost in thought
    distraction: float = 30  # how much being lost in thought costs the player
    noticer: str | None = None  # a companion who may see it happen
    bump: str  # always seen: the bump and the apology
    foiled: str = ""  # the player catches the hand in the act
    effects: Effects = []  # after a successful theft (e.g. the thief runs: {route: ...})
    foiled_effects: Effects = []


class RouteModel(Strict):
    """A way someone walks: through places, minutes per step, then something happens."""

    id: str
    who: str
    path: list[str]
    minutes: int = Field(10, ge=1)  # per step
    arrive: Effects = []  # when the last place is reached


def _check_training(builder: Any, located: Any, path: tuple[Any, ...], e: TrainingModel) -> None:
    builder.check_condition(located, (*path, "where"), e.where)


def _check_remark(builder: Any, located: Any, path: tuple[Any, ...], e: RemarkModel) -> None:
    builder.expect(located, (*path, "speaker"), "person", e.speaker)
    builder.check_condition(located, (*path, "when"), e.when)


def _check_theft(builder: Any, located: Any, path: tuple[Any, ...], e: TheftModel) -> None:
    builder.expect(located, (*path, "thief"), "person", e.thief)
    builder.expect(located, (*path, "target"), "thing", e.target)
    builder.expect(located, (*path, "place"), "place", e.place)
    if e.noticer:
        builder.expect(located, (*path, "noticer"), "person", e.noticer)
    builder.check_condition(located, (*path, "when"), e.when)
    builder.check_condition(located, (*path, "distracted"), e.distracted)
    builder.check_effects(located, (*path, "effects"), e.effects)
    builder.check_effects(located, (*path, "foiled_effects"), e.foiled_effects)


def _check_route(builder: Any, located: Any, path: tuple[Any, ...], e: RouteModel) -> None:
    builder.expect(located, (*path, "who"), "person", e.who)
    for i, place in enumerate(e.path):
        builder.expect(located, (*path, "path", i), "place", place)
    builder.span(located, (*path, "minutes"), e.minutes, e.minutes)
    builder.check_effects(located, (*path, "arrive"), e.arrive)


TRAINING = Section("training", TrainingModel, _check_training)
REMARKS = Section("remarks", RemarkModel, _check_remark)
QUESTS = Section("quests", QuestModel)
THEFTS = Section("thefts", TheftModel, _check_theft)
ROUTES = Section("routes", RouteModel, _check_route)
SECTIONS = (TRAINING, REMARKS, QUESTS, THEFTS, ROUTES)
