"""The shape of world files, as pydantic models. Unknown fields are errors, so a typo in
a key is caught with the file and line instead of being silently ignored."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Cond = dict[str, Any] | None
Effects = list[dict[str, Any]]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class AnswerModel(Strict):
    do: str = ""  # "verb target": the action the answer is ("eat kotomi")
    text: str = ""
    effects: Effects = []


class AskModel(Strict):
    """An offer, request or question put to the player: what yes and no do."""

    yes: str | AnswerModel | None = None  # a string is short for {do: ...}
    no: str | AnswerModel | None = None
    turns: int = Field(5, ge=1, le=100)
    who: str | None = None  # the person asking; by default whoever says the line


class VariantModel(Strict):
    text: str
    when: Cond = None
    asks: AskModel | None = None


Text = str | list[VariantModel]


class ExitModel(Strict):
    to: str
    minutes: int = Field(1, ge=0)
    when: Cond = None
    refusal: str = ""
    text: str = ""
    hidden: bool = False
    door: str | None = None


class Named(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(pattern=r"\S")  # not blank: its last word is a noun for the parser
    nouns: list[str] = []
    adjectives: list[str] = []
    description: Text = ""
    proper: bool = False
    plural: bool = False
    props: dict[str, Any] = {}


class NameVariant(VariantModel):
    text: str = Field(pattern=r"\S")


class PlaceModel(Named):
    # a place's name may vary: the first variant whose `when` holds is printed; the last,
    # with no `when`, is its name otherwise (and gives the words the player calls it by)
    name: Annotated[str, Field(pattern=r"\S")] | list[NameVariant]  # type: ignore[assignment]
    exits: dict[str, ExitModel | str] = {}
    zones: list[str] = []
    known: bool = False
    dark: bool = False


class TopicModel(Strict):
    id: str
    words: list[str]
    text: Text
    when: Cond = None
    effects: Effects = []
    minutes: int = Field(5, ge=0)
    report: str = ""
    title: str = ""
    hidden: bool = False
    asks: AskModel | None = None


class PersonModel(Named):
    proper: bool = True
    gender: Literal["him", "her", "them"] = "them"
    at: str | None = None
    topics: list[TopicModel] = []
    greeting: Text = ""
    unknown_topic: str = ""
    money: int = Field(0, ge=0)
    mood: int = Field(0, ge=-100, le=100)


class ThingModel(Named):
    at: str
    portable: bool | None = None  # None: yes, unless it is a door
    wearable: bool = False
    worn: bool = False
    container: bool = False
    scenery: bool = False
    money: int = Field(0, ge=0)
    listing: str = ""
    # the standard world model (see world.model.Entity); None: the kind's default
    supporter: bool = False
    transparent: bool = False
    openable: bool | None = None
    open: bool | None = None
    lockable: bool | None = None
    locked: bool = False
    key: str | None = None
    door: bool = False
    enterable: bool = False
    switchable: bool = False
    switched_on: bool = False
    light: bool = False
    lit: bool = False
    edible: bool = False
    drinkable: bool = False


class InteractionModel(Strict):
    verb: str
    target: str | None = None
    second: str | None = None
    text: Text = ""
    when: Cond = None
    refusal: str = ""
    effects: Effects = []
    minutes: int = Field(1, ge=0)
    asks: AskModel | None = None


class BondModel(Strict):
    source: str = Field(alias="from")
    to: str
    strength: int = Field(ge=-100, le=100)
    kind: str = ""
    label: str = ""


class MemberModel(Strict):
    who: str
    beliefs: dict[str, float] = {}
    chair: bool = False


class CouncilModel(Strict):
    id: str
    name: str
    members: list[MemberModel]


class EdictModel(Strict):
    id: str | None = None
    deadline: str
    zones: list[str]
    penalty: str
    returning: str | None = None
    duration: str = "until further notice"
    area: str = ""  # the zones in prose: "the village and its lands"
    punishment: str = ""  # the penalty in prose: "death"
    on_leave: Effects = []


class MotionModel(Strict):
    id: str
    council: str
    subject: str
    charge: str
    weights: dict[str, float]
    bond_weight: float = 0.0
    threshold: float = 0.0
    reasons: dict[str, str] = {}
    edict: EdictModel | None = None


class EventModel(Strict):
    id: str
    at: str | None = None  # a time from the start ("6h", "3d") to schedule it then
    effects: Effects = []
    place: str | None = None
    seen: str = ""
    heard: str = ""
    when: Cond = None


class TriggerModel(Strict):
    id: str
    when: Cond
    effects: Effects = []
    once: bool = True


class EndingModel(Strict):
    id: str
    when: Cond = None  # None: reached only through an effect ({end: id})
    won: bool
    text: str
    epilogue: str | int = 0


class MilestoneModel(Strict):
    id: str
    points: int = Field(ge=0)
    text: str = ""


class HintModel(Strict):
    text: str
    done: dict[str, Any]
    when: Cond = None


class WorldInfo(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str
    intro: str
    player: str
    start_time: str = "0001-01-01T08:00"
    mood_words: dict[str, int] = {}
    extensions: list[str] = []  # the extensions it uses (kage.ext), with what they need
    currency: str = Field("coin", pattern=r"\S")  # what money is called: "crown", "shell"
    currency_plural: str = ""  # when it is not the name with an s: "sheep"
    version: str | int | float = ""  # the writer's version, shown by VERSION
    ranks: dict[str, int] = {}  # rank: the least score that earns it, shown by SCORE


class FileModel(Strict):
    world: WorldInfo | None = None
    start: Effects = []
    places: list[PlaceModel] = []
    people: list[PersonModel] = []
    things: list[ThingModel] = []
    interactions: list[InteractionModel] = []
    verbs: dict[str, list[str]] = {}
    bonds: list[BondModel] = []
    councils: list[CouncilModel] = []
    motions: list[MotionModel] = []
    events: list[EventModel] = []
    triggers: list[TriggerModel] = []
    endings: list[EndingModel] = []
    milestones: list[MilestoneModel] = []
    hints: list[HintModel] = []
    hope: list[VariantModel] = []
