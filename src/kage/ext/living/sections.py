"""Sections of the living world (read by kage.ext.living): the map, the news, the factions.

population_groups:                # the kinds of people a settlement counts, in order; the
  - id: townsfolk                 # first is where people go when nothing says otherwise
  - id: sailors
nations:
  - id: coast
    name: "the Coast Provinces"
    great: true                  # one of the great nations
    opinion: {guild: 40}         # what its people think of a target at the start (-100..100)
settlements:
  - id: harbour
    name: "Saltmarsh Harbour"
    nation: coast
    kind: port                   # any word: capital, town, village, port ... (for reports)
    pos: [52, 48]                # on the map, in days of travel-ish units (for plots only)
    people: {townsfolk: 3000, sailors: 400}
    mixing: 6h                   # half its people have heard news this long after it arrives
    history: {mara: 100}         # what the subject has meant to the place, 0..100
    opinion: {mara: -20}         # overrides the nation's starting opinion, for every group
    group_opinion:               # ... or for one group only
      townsfolk: {mara: -40}
      sailors: {mara: 20}
    zones: [harbour]             # world places in these zones are in the settlement
    places: []                   # ... and these places too
roads:                            # not keyed: a road is two settlements and a travel time
  - {between: [harbour, millbrook], days: 1.5, kind: road}
factions:
  - id: guild
    name: "the Harbour Guild"
    seats: [harbour]             # whose people's opinion is the faction's opinion
    voice: {townsfolk: 0.3, sailors: 0.7}   # default: every group alike
    loyalty: 0.2                 # 0..1: lowers every breaking threshold by up to 50 points
    honours: [pact]              # kinds of treaty it never breaks over opinion
    income: 100                  # its own income before treaties (reports)
treaties:
  - id: guild_mill_trade
    kind: trade                  # alliance | pact | trade | patronage ...
    between: [guild, mill]
    breaks_below: -20            # a party whose opinion of the other falls below this drops it
    strains_below: null          # optional: below this it is strained (half its value)
    restores_above: null         # optional: both above this and a broken treaty is restored
    value: {guild: 10, mill: 5}  # income each party draws from it
    told: "..."                  # the news of its breaking, as people tell it
    on_break: []                 # effects when it breaks (and on_strain, on_restore)
news_sources:
  - id: exile
    subject: mara                # what the news is about; people's bonds and history read it
    origin: harbour              # the settlement where it is born
    when: {flag: sentence_read}  # born the first time this holds ...
    born_at: {record: "edict:exile", key: issued}  # ... dated from a record (minutes)
    words: [harbour, guild, mara, exile]   # what "ask X about ..." matches
    reach: null                  # the most days of travel it carries (null: everywhere)
    distorts: 0.3                # how much its telling drifts with distance (0..1)
    versions:                    # how it is told, by days of travel from the origin
      - {beyond: 0, text: "..."}
    impacts:                     # what hearing it does to opinion, scaled by who has heard
      - {target: guild, by: -60, scale: history, groups: [sailors],   # default: all
         where: [...], nations: [...], except: [...], fades: 30d, told: "..."}
    shock: 60                    # grief it brings to people bonded to the subject
lives:
  - id: tomas
    who: tomas                   # a person in the world (optional)
    at: harbour
    group: sailors               # default: the first population group
    bonds: {mara: 90}
    grief: 0
    resilience: 0.25             # below 0.3 grief deepens; above, it fades
    courage: 0.02                # resilience gained per day while pursuing the goal
    goal: train                  # train | none
    skill: {stat: sailing, start: 40, talent: 1.2, limit: 95}
    partner: ines                # another life: training together goes faster
    told: "..."                  # how his days are told, once his goal is under way
whereabouts:
  - id: mara
    who: mara                    # whose sightings become news
    words: [mara, redhead]       # what "ask X about ..." matches
    reach: 1d                    # how far gossip about a stranger carries
    recognised: null             # a condition: when it holds she is known by name ...
    recognised_reach: null       # ... and the news carries this far instead
    hidden: null                 # a condition: when it holds nobody sees her
    ignores: [harbour]           # where her being about is no news (her home)
    versions: [{beyond: 0, text: "..."}]
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from kage.content.schema import Strict
from kage.content.sections import Section

Cond = dict[str, Any] | None
Effects = list[dict[str, Any]]


class GroupModel(Strict):
    """A kind of people a settlement counts (townsfolk, soldiers ...)."""

    id: str
    name: str = ""


class NationModel(Strict):
    id: str
    name: str
    great: bool = False
    opinion: dict[str, float] = {}


class SettlementModel(Strict):
    id: str
    name: str
    nation: str
    kind: str = "town"
    pos: tuple[float, float]
    people: dict[str, int] = {}  # group -> how many; none said: 1000 of the first group
    mixing: str | int = "12h"
    history: dict[str, float] = {}
    opinion: dict[str, float] = {}
    group_opinion: dict[str, dict[str, float]] = {}
    zones: list[str] = []
    places: list[str] = []


class RoadModel(Strict):
    between: tuple[str, str]
    days: float = Field(gt=0)
    kind: str = "road"


class FactionModel(Strict):
    id: str
    name: str
    seats: list[str]
    voice: dict[str, float] = {}  # group -> share of its say; none said: all alike
    loyalty: float = Field(0.0, ge=0, le=1)
    honours: list[str] = []
    income: float = 0


class TreatyModel(Strict):
    id: str
    kind: str
    between: tuple[str, str]
    breaks_below: float = -30
    strains_below: float | None = None
    restores_above: float | None = None
    value: dict[str, float] = {}
    told: str = ""
    on_break: Effects = []
    on_strain: Effects = []
    on_restore: Effects = []


class VersionModel(Strict):
    beyond: float = Field(0, ge=0)  # days of travel from where it was born
    text: str


class ImpactModel(Strict):
    target: str  # a faction, a subject, or "mood"
    by: float
    scale: Literal["none", "history"] = "none"
    groups: list[str] = []  # none said: every group
    where: list[str] = []  # settlements (empty: everywhere)
    nations: list[str] = []
    except_: list[str] = Field([], alias="except")
    fades: str | int | None = None  # half-life; None: remembered
    told: str = ""


class NewsModel(Strict):
    id: str
    subject: str
    origin: str
    when: Cond = None
    born_at: dict[str, str] | None = None  # {record: KEY, key: FIELD}
    words: list[str]
    reach: str | int | None = None
    distorts: float = Field(0.3, ge=0, le=1)
    versions: list[VersionModel]
    impacts: list[ImpactModel] = []
    shock: float = 0


class SkillModel(Strict):
    stat: str
    start: float = 0
    talent: float = Field(1.0, ge=0)  # points a day, far from the limit
    limit: float = Field(100, gt=0)


class LifeModel(Strict):
    id: str
    who: str | None = None
    at: str
    group: str | None = None  # None: the first population group
    bonds: dict[str, float] = {}
    grief: float = Field(0, ge=0, le=100)
    resilience: float = Field(0.5, ge=0, le=1)
    courage: float = Field(0.0, ge=0, le=1)
    goal: Literal["train", "none"] = "none"
    skill: SkillModel | None = None
    partner: str | None = None
    told: str = ""


class WhereaboutsModel(Strict):
    id: str
    who: str
    words: list[str] = []
    reach: str | int = "1d"
    recognised: Cond = None
    recognised_reach: str | int | None = None
    hidden: Cond = None
    ignores: list[str] = []
    versions: list[VersionModel]


def _check_nation(builder: Any, located: Any, path: tuple[Any, ...], e: NationModel) -> None:
    return None


def _groups(builder: Any, located: Any, path: tuple[Any, ...], groups: Any) -> None:
    for group in groups:
        builder.expect(located, (*path, group), "population_groups", group)


def _check_settlement(builder: Any, located: Any, path: tuple[Any, ...], e: Any) -> None:
    builder.expect(located, (*path, "nation"), "nations", e.nation)
    _groups(builder, located, (*path, "people"), e.people)
    _groups(builder, located, (*path, "group_opinion"), e.group_opinion)
    builder.duration(located, (*path, "mixing"), e.mixing)
    for i, zone in enumerate(e.zones):
        builder.expect(located, (*path, "zones", i), "zone", zone)
    for i, place in enumerate(e.places):
        builder.expect(located, (*path, "places", i), "place", place)


def _check_road(builder: Any, located: Any, path: tuple[Any, ...], e: RoadModel) -> None:
    for i, end in enumerate(e.between):
        builder.expect(located, (*path, "between", i), "settlements", end)
    builder.span(located, (*path, "days"), e.days * 1440, e.days)


def _check_faction(builder: Any, located: Any, path: tuple[Any, ...], e: FactionModel) -> None:
    for i, seat in enumerate(e.seats):
        builder.expect(located, (*path, "seats", i), "settlements", seat)
    _groups(builder, located, (*path, "voice"), e.voice)


def _check_treaty(builder: Any, located: Any, path: tuple[Any, ...], e: TreatyModel) -> None:
    for i, party in enumerate(e.between):
        builder.expect(located, (*path, "between", i), "factions", party)
    for key in e.value:
        builder.expect(located, (*path, "value", key), "factions", key)
    for name in ("on_break", "on_strain", "on_restore"):
        builder.check_effects(located, (*path, name), getattr(e, name))


def _check_news(builder: Any, located: Any, path: tuple[Any, ...], e: NewsModel) -> None:
    builder.expect(located, (*path, "origin"), "settlements", e.origin)
    builder.check_condition(located, (*path, "when"), e.when)
    if e.reach is not None:
        builder.duration(located, (*path, "reach"), e.reach)
    for i, impact in enumerate(e.impacts):
        here = (*path, "impacts", i)
        for j, place in enumerate(impact.where):
            builder.expect(located, (*here, "where", j), "settlements", place)
        for j, place in enumerate(impact.except_):
            builder.expect(located, (*here, "except", j), "settlements", place)
        for j, nation in enumerate(impact.nations):
            builder.expect(located, (*here, "nations", j), "nations", nation)
        for j, group in enumerate(impact.groups):
            builder.expect(located, (*here, "groups", j), "population_groups", group)
        if impact.fades is not None:
            builder.duration(located, (*here, "fades"), impact.fades)


def _check_life(builder: Any, located: Any, path: tuple[Any, ...], e: LifeModel) -> None:
    if e.who is not None:
        builder.expect(located, (*path, "who"), "person", e.who)
    builder.expect(located, (*path, "at"), "settlements", e.at)
    if e.group is not None:
        builder.expect(located, (*path, "group"), "population_groups", e.group)
    if e.partner is not None:
        builder.expect(located, (*path, "partner"), "lives", e.partner)


def _check_whereabouts(builder: Any, located: Any, path: tuple[Any, ...], e: Any) -> None:
    builder.expect(located, (*path, "who"), "person", e.who)
    builder.duration(located, (*path, "reach"), e.reach)
    if e.recognised_reach is not None:
        builder.duration(located, (*path, "recognised_reach"), e.recognised_reach)
    builder.check_condition(located, (*path, "recognised"), e.recognised)
    builder.check_condition(located, (*path, "hidden"), e.hidden)
    for i, place in enumerate(e.ignores):
        builder.expect(located, (*path, "ignores", i), "settlements", place)


SECTIONS = (
    Section("population_groups", GroupModel),
    Section("nations", NationModel, _check_nation),
    Section("settlements", SettlementModel, _check_settlement),
    Section("roads", RoadModel, _check_road, keyed=False),
    Section("factions", FactionModel, _check_faction),
    Section("treaties", TreatyModel, _check_treaty),
    Section("news_sources", NewsModel, _check_news),
    Section("lives", LifeModel, _check_life),
    Section("whereabouts", WhereaboutsModel, _check_whereabouts),
)
