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
    do: str = Field("", description='The action the answer is, "verb target" ("eat kotomi").')
    text: str = Field("", description="What is said when the player answers so.")
    effects: Effects = Field([], description="What happens when the player answers so.")


class AskModel(Strict):
    """An offer, request or question put to the player: what yes and no do."""

    yes: str | AnswerModel | None = Field(
        None, description="What yes does: an action (`eat kotomi`), or a text with effects."
    )
    no: str | AnswerModel | None = Field(None, description="What no does, likewise.")
    turns: int = Field(5, ge=1, le=100, description="How many turns the question waits.")
    who: str | None = Field(None, description="Who asks (by default whoever says the line).")


class VariantModel(Strict):
    text: str = Field(description="What is said.")
    when: Cond = Field(
        None,
        description="Said only while this condition holds; the first variant that holds is used.",
    )
    asks: AskModel | None = Field(
        None,
        description="A question this puts to the player (yes/no answers), pending until answered.",
    )
    once: bool = Field(
        False,
        description=(
            "Said only the first time (a start, a surprise, a first meeting); after that the "
            "next variant that holds is used."
        ),
    )


Text = str | list[VariantModel]


class ExitModel(Strict):
    to: str = Field(description="The place it leads to.")
    minutes: int = Field(1, ge=0, description="How long the way takes.")
    when: Cond = Field(None, description="The way is open only while this holds.")
    refusal: str = Field(
        "",
        description=(
            "What the player reads when `when` does not hold (else the response `going.cant_go`)."
        ),
    )
    text: Text = Field(
        "",
        description=(
            "What the player reads while travelling this way (or variants with `when`: the "
            "gates by day, the wicket by night)."
        ),
    )
    hidden: bool = Field(
        False, description="Not listed among the ways out while `when` does not hold."
    )
    door: str | None = Field(
        None, description="The door (a thing with `door: true`) this way passes through."
    )
    names: list[str] = Field(
        [],
        description=(
            "Other words for the way, besides those of the place it leads to and of its door: "
            "'shaft' makes GO DOWN THE SHAFT take it, 'rain barrel' CLIMB THE RAIN BARREL."
        ),
    )


class Named(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="How files refer to it.")
    name: str = Field(
        pattern=r"\S",
        description="What the player reads; its last word is a noun the player may call it by.",
    )
    nouns: list[str] = Field([], description="More words the player may call it by.")
    adjectives: list[str] = Field(
        [], description='Words that may come before a noun to tell it apart ("rusty", "worn").'
    )
    description: Text = Field("", description="What EXAMINE (or LOOK, for a place) shows.")
    proper: bool = Field(False, description='A proper name: no "the" or "a" before it.')
    plural: bool = Field(False, description='Its name is plural ("some coins", "are").')
    article: str = Field(
        "",
        description=(
            'Its indefinite article when "a", "an" or "some" would be wrong ("a pair of", '
            '"the"); "a"/"an" is otherwise chosen by sound ("an hour", "a unicorn").'
        ),
    )
    props: dict[str, Any] = Field(
        {},
        description=(
            "Properties of your own, for conditions, effects and the extensions that read them."
        ),
    )


class NameVariant(VariantModel):
    text: str = Field(pattern=r"\S", description="The name, while `when` holds.")


class PlaceModel(Named):
    # a place's name may vary: the first variant whose `when` holds is printed; the last,
    # with no `when`, is its name otherwise (and gives the words the player calls it by)
    name: Annotated[str, Field(pattern=r"\S")] | list[NameVariant] = Field(  # type: ignore[assignment]
        description="What the player reads: a name, or names that vary with conditions."
    )
    exits: dict[str, ExitModel | str] = Field(
        {},
        description=(
            "The ways out, by direction (`north`, `up`, `in` ...): a place's id, or an exit with "
            "more to it."
        ),
    )
    zones: list[str] = Field(
        [],
        description=(
            "Areas it belongs to (a town, a mine), for `in_zone` and the extensions that read "
            "zones."
        ),
    )
    known: bool = Field(
        False, description="The player knows of it from the start and may GO TO it before visiting."
    )
    called: list[str] = Field(
        [],
        description=(
            'Other names it goes by ("Old Genji\'s place"): like its name, reading one in any '
            "text makes the place known, and their words name it in GO TO."
        ),
    )
    dark: bool = Field(
        False,
        description="It has no light of its own: nothing in it can be seen without a light source.",
    )


class TopicModel(Strict):
    id: str = Field(description="How files refer to it.")
    words: list[str] = Field(description="Words that, asked or told about, mean this topic.")
    text: Text = Field(description="The answer.")
    when: Cond = Field(None, description="Answered only while this holds.")
    effects: Effects = Field([], description="What happens when it is answered.")
    minutes: int = Field(5, ge=0, description="How long the conversation takes.")
    report: str = Field(
        "", description="A text slot whose text is added to the answer (`council.tally:motion_id`)."
    )
    title: str = Field(
        "", description='How it is offered in "You could ask about ..." (else its id).'
    )
    hidden: bool = Field(False, description="Answered when asked, never offered.")
    asks: AskModel | None = Field(
        None,
        description="A question this puts to the player (yes/no answers), pending until answered.",
    )


class StopModel(Strict):
    at: str = Field(description="The place they keep to while `when` holds.")
    when: Cond = Field(
        None,
        description=(
            "While this holds (`{between: [dawn, dusk]}`); the first stop that holds is used, "
            "and a stop without `when` holds always."
        ),
    )
    leaves: str = Field(
        "",
        description=(
            "What a player at the place they leave reads as they go to this stop (else "
            'the response `keeping_schedule.leaves`, "Izumo leaves.").'
        ),
    )
    arrives: str = Field(
        "",
        description=(
            "What a player at this stop reads as they arrive (else `keeping_schedule.arrives`)."
        ),
    )
    quiet: bool = Field(
        False,
        description="They come and go without a line of their own (another's text tells it).",
    )


class PersonModel(Named):
    # a name may vary, as a place's does ("the miners in the chamber" while they are in
    # it): the first variant whose `when` holds is printed; the last, with no `when`, is
    # the name otherwise and gives the words the player calls them by
    name: Annotated[str, Field(pattern=r"\S")] | list[NameVariant] = Field(  # type: ignore[assignment]
        description="What the player reads: a name, or names that vary with conditions."
    )
    proper: bool = Field(True, description='A proper name: no "the" or "a" before it.')
    gender: Literal["him", "her", "them"] = Field(
        "them", description="The pronoun that refers to them."
    )
    at: str | None = Field(
        None, description="Where they start: a place, or a thing (a chair, a cart)."
    )
    known_as: str = Field(
        "",
        description=(
            'What the player calls them until they learn their `name` ("skinny boy"): every '
            "text that names them uses it, with an article, while `name_known` does not hold."
        ),
    )
    name_known: Cond = Field(
        None, description="When the player knows their name (with `known_as`)."
    )
    topics: list[TopicModel] = Field([], description="What they can be asked or told about.")
    greeting: Text = Field("", description="What they say on TALK TO.")
    unknown_topic: Text = Field(
        "",
        description=(
            "What they say when asked about anything not in their topics: a text, or texts "
            "by condition (what freed men say of the mine is not what chained men say)."
        ),
    )
    money: int = Field(
        0, ge=0, description="Money they carry at the start, in the world's currency."
    )
    mood: int = Field(0, ge=-100, le=100, description="How they feel at the start, -100..100.")
    schedule: list[StopModel] = Field(
        [],
        description=(
            "Where they are by the clock: stops, each with the condition it holds under; "
            "they go to the first stop that holds whenever the clock moves."
        ),
    )


class ThingModel(Named):
    at: str = Field(
        description="Where it starts: a place, a person who holds it, or a container or supporter."
    )
    portable: bool | None = Field(
        None, description="It can be taken (the default, except for doors)."
    )
    wearable: bool = Field(False, description="It can be worn.")
    worn: bool = Field(False, description="Worn by whoever holds it at the start.")
    container: bool = Field(False, description="Things can be put in it.")
    scenery: bool = Field(
        False,
        description="Part of the place: mentioned in its description, never listed, never taken.",
    )
    money: int = Field(0, ge=0, description="Money it holds at the start (a wallet, a purse).")
    listing: str = Field(
        "", description='How it is listed when it lies in a place (else "You can see ...").'
    )
    # the standard world model (see world.model.Entity); None: the kind's default
    supporter: bool = Field(False, description="Things can be put on it.")
    transparent: bool = Field(
        False, description="A container whose contents show while it is closed."
    )
    openable: bool | None = Field(
        None, description="It opens and closes (the default for doors and lockable things)."
    )
    open: bool | None = Field(
        None, description="Open at the start (the default, except for doors and locked things)."
    )
    lockable: bool | None = Field(
        None, description="It locks and unlocks (the default when it has a key or is locked)."
    )
    locked: bool = Field(False, description="Locked at the start.")
    key: str | None = Field(None, description="The thing that locks and unlocks it.")
    door: bool = Field(False, description="A door: it stands in the way of the exits that name it.")
    enterable: bool = Field(
        False, description="A person can get in it (a container) or on it (a supporter)."
    )
    switchable: bool = Field(False, description="It has a switch.")
    switched_on: bool = Field(False, description="Switched on at the start.")
    light: bool = Field(False, description="Gives light while switched on (a lamp).")
    lit: bool = Field(False, description="Gives light now (a torch, a candle).")
    edible: bool = Field(False, description="It can be eaten.")
    drinkable: bool = Field(False, description="It can be drunk.")


class InteractionModel(Strict):
    verb: str = Field(
        description=(
            "The action it gives a meaning to: a standard one (`push`, `give`) or a verb of "
            "`verbs:`."
        )
    )
    target: str | None = Field(
        None, description="The noun it is about (any noun, or none, when not given)."
    )
    second: str | None = Field(None, description="The second noun (`give X to Y`: Y).")
    text: Text = Field("", description="What the player reads.")
    when: Cond = Field(None, description="It applies only while this holds.")
    refusal: str = Field("", description="What the player reads when `when` does not hold.")
    effects: Effects = Field([], description="What happens.")
    minutes: int = Field(1, ge=0, description="How long it takes.")
    asks: AskModel | None = Field(
        None,
        description="A question this puts to the player (yes/no answers), pending until answered.",
    )


class BondModel(Strict):
    source: str = Field(alias="from", description="Who feels it.")
    to: str = Field(description="Whom it is about.")
    strength: int = Field(ge=-100, le=100, description="How much `from` thinks of `to`, -100..100.")
    kind: str = Field(
        "",
        description=(
            "What sort of bond (`family`, `teacher` ...), for your own conditions and reports."
        ),
    )
    label: str = Field("", description="How it is put in words, for reports.")


class MemberModel(Strict):
    who: str = Field(description="The person who sits on the council.")
    beliefs: dict[str, float] = Field(
        {}, description="How strongly they hold each belief, weighed by a motion's `weights`."
    )
    chair: bool = Field(
        False, description="Chairs the council (the result says when the chair was outvoted)."
    )


class CouncilModel(Strict):
    id: str = Field(description="How files refer to it.")
    name: str = Field(description="What the player reads.")
    members: list[MemberModel] = Field(description="Who votes.")


class EdictModel(Strict):
    id: str | None = Field(None, description="How files refer to the edict (else the motion's id).")
    deadline: str = Field(description="How long the subject has to leave (`3d`).")
    by: str | None = Field(
        None,
        description="When the subject must be gone, counted from the story's start (`11h`: "
        "six o'clock in a story that starts at seven), however late the vote; else `deadline` "
        "after the vote.",
    )
    zones: list[str] = Field(description="The zones the subject must leave.")
    penalty: str = Field(description="The ending if the subject is still inside at the deadline.")
    returning: str | None = Field(
        None, description="The ending if the subject comes back after leaving (else `penalty`)."
    )
    duration: str = Field("until further notice", description="How long it holds, in words.")
    area: str = Field("", description='The zones in words ("the village and its lands").')
    punishment: str = Field("", description='The penalty in words ("death").')
    on_leave: Effects = Field([], description="Effects when the subject first leaves the zones.")


class MotionModel(Strict):
    id: str = Field(description="How files and the `council_vote` effect refer to it.")
    council: str = Field(description="The council that votes.")
    subject: str = Field(description="Whom the motion is about.")
    charge: str = Field(description="What the subject is charged with, in words.")
    weights: dict[str, float] = Field(
        description="How much each belief counts for the motion (negative: against)."
    )
    bond_weight: float = Field(
        0.0, description="How much a member's bond to the subject counts for it."
    )
    threshold: float = Field(0.0, description="The support a member needs to vote for it.")
    reasons: dict[str, str] = Field(
        {}, description="Each belief in words, to tell why someone voted as they did."
    )
    edict: EdictModel | None = Field(None, description="What passing it decrees.")


class EventModel(Strict):
    id: str = Field(
        description="How files and the `schedule`, `happen` and `cancel` effects refer to it."
    )
    at: str | None = Field(
        None,
        description=(
            "When it happens, counted from the start (`6h`, `3d`); else only when scheduled."
        ),
    )
    effects: Effects = Field([], description="What happens.")
    place: str | None = Field(None, description="Where it happens: a player there sees it.")
    seen: str = Field("", description="What a player at `place` reads.")
    heard: str = Field(
        "", description="How it is told later (an epilogue, `pass_time` with `tell`)."
    )
    when: Cond = Field(
        None, description="If this does not hold when it is due, it does not happen."
    )
    time_of_day: str | list[str] = Field(
        [],
        description=(
            "The part of the day it happens in (`dusk`, or a list): due at another time, it "
            "waits until that part next begins."
        ),
    )


class TriggerModel(Strict):
    id: str = Field(description="How files refer to it (the `fired` condition).")
    when: Cond = Field(description="It fires after any turn at whose end this holds.")
    effects: Effects = Field([], description="What happens.")
    once: bool = Field(
        True, description="It fires only the first time (false: every turn it holds)."
    )


class EndingModel(Strict):
    id: str = Field(description="How files and the `end` effect refer to it.")
    when: Cond = Field(
        None,
        description=(
            "The story ends this way after a turn at whose end this holds (none: only by an `end`"
            " effect)."
        ),
    )
    won: bool = Field(description="Whether it counts as winning.")
    text: Text = Field(
        "",
        description=(
            "What the player reads (or variants with `when`, told by the time of day or the "
            "place the story ends in)."
        ),
    )
    parts: Text = Field(
        [],
        description=(
            "Paragraphs told after `text`, each only while its `when` holds, in order: an "
            "ending assembled from what is true (who was freed, whom the player met), so it "
            "never thanks him for what he did not do."
        ),
    )
    epilogue: str | int = Field(
        0,
        description=(
            "How long the world runs on afterwards, telling what the player would hear (`2d`, or "
            "minutes)."
        ),
    )


class MilestoneModel(Strict):
    id: str = Field(description="How files and the `milestone` effect and condition refer to it.")
    points: int = Field(ge=0, description="Points it scores.")
    text: str = Field("", description="How FULL SCORE lists it.")


class HintModel(Strict):
    text: str = Field(description="The hint.")
    done: dict[str, Any] = Field(description="Once this holds the hint is no longer given.")
    when: Cond = Field(None, description="Given only while this holds.")


class DayPartModel(Strict):
    start: str = Field(alias="from", description='When it begins, "18:00".')
    phrase: str = Field("", description='How text says it is then ("at dusk", "in the morning").')


class CalendarModel(Strict):
    """The story's own calendar: how the day is divided and how dates are written."""

    day_parts: dict[str, str | DayPartModel] = Field(
        {},
        description=(
            'The parts of the day and when each begins: {dawn: "05:00", dusk: "18:00", ...}, '
            'or {dusk: {from: "18:00", phrase: "as the light goes"}}. Each lasts until the next '
            "begins (the last past midnight). Unless given: dawn 05:00, morning 07:00, noon "
            "12:00, afternoon 13:00, dusk 18:00, evening 19:00, night 22:00."
        ),
    )
    date: str = Field(
        "day {day}",
        description=(
            "How a date is written, with slots {day}, {day_ordinal} (of the story), {date}, "
            "{date_ordinal} (of the month), {month}, {month_number}, {year}, {year_ordinal}, "
            "{weekday}, {part}."
        ),
    )
    months: list[str] = Field([], description="The names of the twelve months (else January ...).")
    weekdays: list[str] = Field(
        [], description="The names of the seven days of the week, Monday's first."
    )
    hours: Literal[12, 24] = Field(24, description='24: "18:05"; 12: "6:05 pm".')
    sleep: list[str] = Field(
        ["evening", "night"], description="The parts of the day in which one may go to sleep."
    )
    wake: str = Field("morning", description="The part of the day at whose start sleep ends.")


class WorldInfo(Strict):
    id: str = Field(
        pattern=r"^[a-z][a-z0-9_]*$", description="The world's id (saves are kept by it)."
    )
    title: str = Field(description="The story's title.")
    intro: str = Field(description="What the player reads before the first place.")
    player: str = Field(description="The person the player is (an id of `people`).")
    start_time: str = Field("0001-01-01T08:00", description="The date and time the story begins.")
    calendar: CalendarModel | None = Field(
        None, description="The story's own calendar: its parts of the day, dates and sleep."
    )
    mood_words: dict[str, int] = Field(
        {},
        description="Words for moods, each with the least mood it describes, for `{{mood:who}}`.",
    )
    extensions: list[str] = Field(
        [], description="The extensions the world uses (each brings those it needs)."
    )
    currency: str = Field(
        "coin", pattern=r"\S", description='What money is called ("crown", "shell").'
    )
    currency_plural: str = Field(
        "", description='Its plural, when it is not the name with an s ("sheep").'
    )
    version: str | int | float = Field("", description="The writer's version, shown by VERSION.")
    ranks: dict[str, int] = Field(
        {},
        description=(
            "Titles for the score: each with the least score that earns it, shown by SCORE."
        ),
    )
    props: dict[str, Literal["flag", "number", "text", "list", "mapping", "any"]] = Field(
        {},
        description="The world's own properties and their types: {haunted: flag}.",
    )


class FileModel(Strict):
    world: WorldInfo | None = Field(
        None,
        description=(
            "The world's header: its id, title, intro and who the player is. Exactly one file has"
            " it."
        ),
    )
    start: Effects = Field([], description="Effects applied once, before the first turn.")
    places: list[PlaceModel] = Field([], description="The rooms and places of the map.")
    people: list[PersonModel] = Field([], description="Everyone in the world, the player included.")
    things: list[ThingModel] = Field(
        [], description="Everything that can be examined, taken, opened, worn ..."
    )
    interactions: list[InteractionModel] = Field(
        [],
        description=(
            'What a verb does to a particular thing or person ("push the button", "hug Tsunade").'
        ),
    )
    verbs: dict[str, list[str]] = Field(
        {},
        description=(
            'More words for actions, by action: `{put_on: ["hang {things} on {thing}"]}`. A new '
            "action name makes a verb that only `interactions` and `rules` give meaning to."
        ),
    )
    bonds: list[BondModel] = Field([], description="What people think of each other at the start.")
    councils: list[CouncilModel] = Field([], description="Bodies that vote on motions.")
    motions: list[MotionModel] = Field(
        [], description="What a council votes on, and the edict it decrees if passed."
    )
    events: list[EventModel] = Field(
        [], description="Things that happen at a time, wherever the player is."
    )
    triggers: list[TriggerModel] = Field(
        [], description="Effects that fire when a condition comes to hold."
    )
    endings: list[EndingModel] = Field([], description="How the story can end.")
    milestones: list[MilestoneModel] = Field([], description="What scores points.")
    hints: list[HintModel] = Field(
        [],
        description=(
            "What HINT says, in order: the first whose `when` holds and whose `done` does not."
        ),
    )
    hope: list[VariantModel] = Field([], description="What THINK says (any one of them).")
    status: list[VariantModel] = Field(
        [],
        description=(
            "What the status line shows after place, day and time, and score: each entry "
            "whose `when` holds, e.g. '{{money}}' or '{{edict.due:banishment}} to leave'."
        ),
    )
