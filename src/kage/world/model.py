"""The static definition of a world, compiled from its data files and never changed in play.

Conditions and effects stay as the plain data the writer wrote (dicts); `conditions.py`
and `effects.py` interpret them. Keeping them as data means a compiled world can be
cached as JSON and inspected by tools (check, map, solve).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

Cond = dict[str, Any] | None
Effects = list[dict[str, Any]]


@dataclass(slots=True)
class Answer:
    """What answering a person's question one way does: an action played as the answer
    (`do`: verb and target, "eat kotomi"), or words and effects of its own."""

    do: tuple[str, str | None] | None = None
    text: str = ""
    effects: Effects = field(default_factory=list)


@dataclass(slots=True)
class Ask:
    """An offer, request or question a person puts to the player when a line is said:
    it stays pending (one at a time) until answered yes or no, or until the player
    leaves or `turns` turns pass. `who` asks (None: whoever said the line)."""

    yes: Answer | None = None
    no: Answer | None = None
    turns: int = 5
    who: str | None = None


@dataclass(slots=True)
class Variant:
    """One way to say something, used when its condition holds (None: always)."""

    text: str
    when: Cond = None
    asks: Ask | None = None  # said by a person: what this line asks the player
    once: str = ""  # said only once: the key that remembers it was (in state.fired)


@dataclass(slots=True)
class Exit:
    direction: str
    to: str
    minutes: int = 1
    when: Cond = None
    refusal: str = ""  # what the player reads when `when` does not hold
    text: list[Variant] = field(default_factory=list)  # said while travelling through it
    hidden: bool = False  # not listed among the ways out while `when` does not hold
    door: str | None = None  # the door thing this way passes through
    # what else the player may call the way ("shaft", "rain barrel"), besides the words of
    # the place it leads to and of its door: "go down the shaft", "climb the barrel"
    names: tuple[str, ...] = ()


@dataclass(slots=True)
class Topic:
    id: str
    words: frozenset[str]
    text: list[Variant]
    when: Cond = None
    effects: Effects = field(default_factory=list)
    minutes: int = 5
    report: str = ""  # a system report to append, e.g. "council.tally:banish_naruto"
    title: str = ""  # how it is offered in "You could ask about ..."
    hidden: bool = False  # answered when asked, never offered
    asks: Ask | None = None  # what saying it asks the player (a variant's own wins)


@dataclass(slots=True)
class Interaction:
    """A data-defined response to a verb aimed at something: hug Tsunade, eat ramen."""

    verb: str
    target: str | None  # entity id, or None for the verb on its own
    text: list[Variant]
    when: Cond = None
    refusal: str = ""
    effects: Effects = field(default_factory=list)
    minutes: int = 1
    second: str | None = None  # e.g. the person given to
    asks: Ask | None = None  # what its target asks the player when it is done


@dataclass(slots=True)
class Stop:
    """Where a person keeps to while `when` holds (by the clock: `{between: [dawn, dusk]}`).
    Going to it, `leaves` is what a player at the place they leave reads, `arrives` what a
    player here reads; `quiet`: neither, nor the standard lines (another's text tells it)."""

    at: str
    when: Cond = None
    leaves: str = ""
    arrives: str = ""
    quiet: bool = False


@dataclass(slots=True)
class Entity:
    id: str
    kind: str  # "place", "person" or "thing"
    name: str
    nouns: frozenset[str] = frozenset()
    adjectives: frozenset[str] = frozenset()
    description: list[Variant] = field(default_factory=list)
    proper: bool = False  # a proper name takes no article
    plural: bool = False
    gender: str = "it"  # him / her / them / it: the pronoun that refers to it
    article: str = ""  # its indefinite article when not "a"/"an"/"some" ("a pair of")
    # a person first known by a description ("skinny boy") until the player learns their
    # `name`, when `name_known` holds (core/prose.py prints the one the player knows)
    known_as: str = ""
    name_known: Cond = None
    start: str | None = None  # initial holder
    # places
    exits: dict[str, Exit] = field(default_factory=dict)
    zones: tuple[str, ...] = ()
    known: bool = False  # may be named in "go to" before it is visited
    names: list[Variant] = field(default_factory=list)  # printed name by condition, else `name`
    # other names the world gives a place ("Old Genji's place"): reading one, like reading
    # its name, makes the place known; their words name it in "go to"
    called: tuple[str, ...] = ()
    # people
    topics: list[Topic] = field(default_factory=list)
    greeting: list[Variant] = field(default_factory=list)
    unknown_topic: list[Variant] = field(default_factory=list)  # by condition, as said
    schedule: list[Stop] = field(default_factory=list)  # where they are, by the clock
    # things
    portable: bool = True
    wearable: bool = False
    worn: bool = False
    container: bool = False
    scenery: bool = False  # mentioned in descriptions, not listed
    money: int = 0  # money it starts with, in the world's currency (wallets, people)
    props: dict[str, Any] = field(default_factory=dict)  # e.g. luck: 1
    listing: str = ""  # how it is listed when lying in a place
    # The standard world model: what the everyday actions need. Every field is optional;
    # the changeable ones (open, locked, switched_on, lit, worn) are starting values, and
    # `query.prop` reads their current value from the state.
    supporter: bool = False  # things can be put on it
    transparent: bool = False  # a container whose contents show while it is closed
    openable: bool = False  # a container or door that opens and closes
    open: bool = True
    lockable: bool = False
    locked: bool = False
    key: str | None = None  # the thing that locks and unlocks it
    door: bool = False  # stands in the way of the exits that name it
    enterable: bool = False  # a container or supporter a person can get in or on
    switchable: bool = False
    switched_on: bool = False
    light: bool = False  # switchable and gives light while switched on (a lamp)
    lit: bool = False  # gives light now (a torch); for places see `dark`
    dark: bool = False  # a place without light of its own
    edible: bool = False
    drinkable: bool = False

    @property
    def words(self) -> frozenset[str]:
        return self.nouns | self.adjectives

    def the(self) -> str:
        """Its name with "the" as its data names it; in play, `kage.core.prose.the` prints
        the name the player knows."""
        from kage.core.prose import static_subject

        return static_subject(self).the()

    def a(self) -> str:
        from kage.core.prose import static_subject

        return static_subject(self).a()


@dataclass(slots=True)
class Trigger:
    """Fires when its condition holds after a turn; `once` triggers fire a single time."""

    id: str
    when: Cond
    effects: Effects
    once: bool = True


@dataclass(slots=True)
class WorldEvent:
    """Something that happens in the world at a time, wherever the player is.

    `seen` is what the player reads if present at `place`; `heard` is how it is told
    later (epilogues, rumours).
    """

    id: str
    effects: Effects
    place: str | None = None
    seen: str = ""
    heard: str = ""
    when: Cond = None  # if it does not hold when due, the event does not happen
    # the parts of the day it waits for: due at another time, it happens when the first
    # of them next begins ("at dusk")
    parts: tuple[str, ...] = ()


@dataclass(slots=True)
class Milestone:
    id: str
    points: int
    text: str = ""


@dataclass(slots=True)
class Hint:
    text: str
    done: Cond  # the hint is spent once this holds
    when: Cond = None


@dataclass(slots=True)
class Bond:
    source: str
    target: str
    strength: int
    kind: str = ""
    label: str = ""


@dataclass(slots=True)
class MoodRule:
    """When an event of `event` kind touches `subject`, everyone bonded to the subject
    changes mood by bond strength x scale (clamped); `min_bond` filters who cares."""

    event: str
    subject: str
    scale: float
    min_bond: int = 1


@dataclass(slots=True)
class CouncilMember:
    who: str
    beliefs: dict[str, float]
    chair: bool = False


@dataclass(slots=True)
class Motion:
    id: str
    council: str
    subject: str
    charge: str
    weights: dict[str, float]
    bond_weight: float
    threshold: float
    reasons: dict[str, str]  # belief -> phrase used when telling why someone voted
    edict: dict[str, Any] | None
    when: str = "start"  # when the council sits: "start" or an event id


@dataclass(slots=True)
class Council:
    id: str
    name: str
    members: list[CouncilMember]


@dataclass(slots=True)
class Ending:
    id: str
    when: Cond
    won: bool
    text: list[Variant]  # the first whose condition holds when the story ends
    epilogue: int = 0  # minutes the world runs on after the ending, telling what it heard
    parts: list[Variant] = field(default_factory=list)  # told after `text`, each if it holds


@dataclass(slots=True)
class DayPart:
    """A part of the day (dawn, dusk, night ...): it begins at minute `start` of the day
    (0..1439) and lasts until the next part begins; `phrase` says when ("at dusk")."""

    name: str
    start: int
    phrase: str = ""


def _standard_parts() -> list[DayPart]:
    return [
        DayPart("dawn", 5 * 60, "at dawn"),
        DayPart("morning", 7 * 60, "in the morning"),
        DayPart("noon", 12 * 60, "at noon"),
        DayPart("afternoon", 13 * 60, "in the afternoon"),
        DayPart("dusk", 18 * 60, "at dusk"),
        DayPart("evening", 19 * 60, "in the evening"),
        DayPart("night", 22 * 60, "at night"),
    ]


@dataclass(slots=True)
class Calendar:
    """How the story tells the time: its parts of the day, how a date is written, and
    when one may sleep. `date` is a template (see kage.world.calendar.SLOTS)."""

    parts: list[DayPart] = field(default_factory=_standard_parts)  # by start, earliest first
    date: str = "day {day}"
    months: tuple[str, ...] = ()  # the twelve months' names (else January ...)
    weekdays: tuple[str, ...] = ()  # Monday first (else Monday ...)
    hours: int = 24  # 24: "18:05"; 12: "6:05 pm"
    sleep: tuple[str, ...] = ("evening", "night")  # the parts in which one may go to sleep
    wake: str = "morning"  # sleep lasts until this part begins


@dataclass(slots=True)
class World:
    id: str
    title: str
    intro: str
    player: str
    start_time: datetime
    entities: dict[str, Entity]
    milestones: dict[str, Milestone] = field(default_factory=dict)
    hints: list[Hint] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    events: dict[str, WorldEvent] = field(default_factory=dict)
    bonds: list[Bond] = field(default_factory=list)
    moods: dict[str, int] = field(default_factory=dict)
    mood_words: list[tuple[int, str]] = field(default_factory=list)  # (at least, word)
    hope_lines: list[Variant] = field(default_factory=list)
    status_lines: list[Variant] = field(default_factory=list)  # the status line's extras
    mood_rules: list[MoodRule] = field(default_factory=list)
    councils: dict[str, Council] = field(default_factory=dict)
    motions: dict[str, Motion] = field(default_factory=dict)
    interactions: list[Interaction] = field(default_factory=list)
    verbs: dict[str, list[str]] = field(default_factory=dict)  # action -> extra phrasings
    endings: list[Ending] = field(default_factory=list)
    start_effects: Effects = field(default_factory=list)
    schedule: list[tuple[int, str]] = field(default_factory=list)  # (minute, event id)
    source_hash: str = ""
    version: str = ""  # the writer's own version of the world ("1", "2.1")
    ranks: list[tuple[int, str]] = field(default_factory=list)  # (least score, rank), best first
    data: dict[str, Any] = field(default_factory=dict)  # system-owned sections, plain data
    responses: dict[str, list[Variant]] = field(default_factory=dict)  # name -> replacement
    extensions: tuple[str, ...] = ()  # the extensions it names in world.yaml
    currency: tuple[str, str] = ("coin", "coins")  # what money is called: one, several
    calendar: Calendar = field(default_factory=Calendar)  # parts of the day, dates, sleep
    runtime: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def money(self, amount: int) -> str:
        """An amount in the world's currency: "1,200 coins", "1 crown", "5 crowns"."""
        one, many = self.currency
        return f"{amount:,} {one if amount == 1 else many}"

    @property
    def max_score(self) -> int:
        return sum(m.points for m in self.milestones.values())

    def places(self) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind == "place"]
