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

from kage.content.schema import Strict, Text
from kage.content.sections import Section

Cond = dict[str, Any] | None
Effects = list[dict[str, Any]]


class GroupModel(Strict):
    """A kind of people a settlement counts (townsfolk, soldiers ...)."""

    id: str = Field(description="How files refer to it.")
    name: str = Field("", description="What it is called in reports.")


class NationModel(Strict):
    id: str = Field(description="How files refer to it.")
    name: str = Field(description="What the player reads.")
    great: bool = Field(False, description="One of the great nations (for reports).")
    opinion: dict[str, float] = Field(
        {}, description="What its people think of each target at the start (-100..100)."
    )


class SettlementModel(Strict):
    id: str = Field(description="How files refer to it.")
    name: str = Field(description="What the player reads.")
    nation: str = Field(description="The nation it belongs to.")
    kind: str = Field(
        "town", description="Any word: capital, town, village, port ... (for reports)."
    )
    pos: tuple[float, float] = Field(
        description="Where it lies on the map, in days of travel (for plots only)."
    )
    people: dict[str, int] = Field(
        {},
        description=(
            "How many of each population group live there; none said: 1000 of the first group."
        ),
    )
    mixing: str | int = Field(
        "12h", description="Half its people have heard news this long after it arrives."
    )
    history: dict[str, float] = Field(
        {}, description="What each subject has meant to the place, 0..100."
    )
    opinion: dict[str, float] = Field(
        {},
        description=(
            "What its people think of each target at the start; overrides the nation's, for every"
            " group."
        ),
    )
    group_opinion: dict[str, dict[str, float]] = Field(
        {}, description="The same for one population group only."
    )
    zones: list[str] = Field([], description="World places in these zones are in the settlement.")
    places: list[str] = Field([], description="... and these places too.")


class RoadModel(Strict):
    between: tuple[str, str] = Field(description="The two settlements it joins.")
    days: float = Field(gt=0, description="How long the journey takes.")
    kind: str = Field("road", description="Any word: road, sea, pass ... (for reports).")


class FactionModel(Strict):
    id: str = Field(description="How files refer to it.")
    name: str = Field(description="What the player reads.")
    seats: list[str] = Field(
        description="Settlements whose people's opinion is the faction's opinion."
    )
    voice: dict[str, float] = Field(
        {}, description="Each population group's share of its say; none said: all alike."
    )
    loyalty: float = Field(
        0.0,
        ge=0,
        le=1,
        description="0..1: lowers every breaking threshold of its treaties by up to 50 points.",
    )
    honours: list[str] = Field([], description="Kinds of treaty it never breaks over opinion.")
    income: float = Field(0, description="Its own income before treaties (reports).")


class TreatyModel(Strict):
    id: str = Field(description="How files refer to it.")
    kind: str = Field(description="Any word: alliance, pact, trade, patronage ...")
    between: tuple[str, str] = Field(description="The two factions bound by it.")
    breaks_below: float = Field(
        -30, description="A party whose opinion of the other falls below this drops it."
    )
    strains_below: float | None = Field(
        None, description="Below this it is strained (and worth half its value)."
    )
    restores_above: float | None = Field(
        None, description="When both parties' opinions are above this, a broken treaty is restored."
    )
    value: dict[str, float] = Field({}, description="The income each party draws from it.")
    told: str = Field("", description="The news of its breaking, as people tell it.")
    on_break: Effects = Field([], description="Effects when it breaks.")
    on_strain: Effects = Field([], description="Effects when it becomes strained.")
    on_restore: Effects = Field([], description="Effects when it is restored.")


class VersionModel(Strict):
    beyond: float = Field(
        0, ge=0, description="Told this way from this many days of travel from where it was born."
    )
    text: Text = Field(
        description=(
            "How it is told there: a text, or variants (`text` and `when`) told by what is "
            "true when it is told, so a rumour never claims more than happened."
        )
    )


class ImpactModel(Strict):
    target: str = Field(description='Whose standing it changes: a faction, a subject, or "mood".')
    by: float = Field(description="How much opinion moves, at full strength.")
    scale: Literal["none", "history"] = Field(
        "none", description="`history`: scaled by what the subject has meant to each place."
    )
    groups: list[str] = Field([], description="Population groups it moves; none said: every group.")
    where: list[str] = Field([], description="Settlements it moves (empty: everywhere).")
    nations: list[str] = Field([], description="Only in settlements of these nations.")
    except_: list[str] = Field([], alias="except", description="Settlements it leaves alone.")
    fades: str | int | None = Field(None, description="Its half-life (none: remembered for ever).")
    told: str = Field("", description="How people say they took it.")


class NewsModel(Strict):
    id: str = Field(description="How files and the `news` effect refer to it.")
    subject: str = Field(description="Whom the news is about; people's bonds and history read it.")
    origin: str = Field(description="The settlement where it is born.")
    when: Cond = Field(None, description="It is born the first time this holds.")
    born_at: dict[str, str] | None = Field(
        None, description="... dated from a record instead: {record: KEY, key: FIELD} (minutes)."
    )
    words: list[str] = Field(description='What "ask X about ..." matches.')
    reach: str | int | None = Field(
        None, description="The most days of travel it carries (none: everywhere)."
    )
    distorts: float = Field(
        0.3, ge=0, le=1, description="How much its telling drifts with distance (0..1)."
    )
    versions: list[VersionModel] = Field(
        description="How it is told, by days of travel from the origin."
    )
    impacts: list[ImpactModel] = Field(
        [], description="What hearing it does to opinion, scaled by how many have heard."
    )
    shock: float = Field(0, description="Grief it brings to people bonded to the subject.")


class SkillModel(Strict):
    stat: str = Field(description="The stat trained.")
    start: float = Field(0, description="Its value at the start.")
    talent: float = Field(1.0, ge=0, description="Points a day, far from the limit.")
    limit: float = Field(100, gt=0, description="The most it can reach.")


class LifeModel(Strict):
    id: str = Field(description="How files refer to it.")
    who: str | None = Field(None, description="A person in the world, if it is one (optional).")
    at: str = Field(description="The settlement where they live.")
    group: str | None = Field(None, description="Their population group (none: the first).")
    bonds: dict[str, float] = Field(
        {}, description="How much they think of each subject, -100..100."
    )
    grief: float = Field(0, ge=0, le=100, description="Their grief at the start, 0..100.")
    resilience: float = Field(
        0.5, ge=0, le=1, description="0..1: below 0.3 grief deepens; above, it fades."
    )
    courage: float = Field(
        0.0, ge=0, le=1, description="Resilience gained per day while pursuing the goal."
    )
    goal: Literal["train", "none"] = Field(
        "none", description="What they do with their days: train, or none."
    )
    skill: SkillModel | None = Field(None, description="What their training raises.")
    partner: str | None = Field(None, description="Another life: training together goes faster.")
    told: str = Field("", description="How their days are told, once the goal is under way.")


class WhereaboutsModel(Strict):
    id: str = Field(description="How files refer to it.")
    who: str = Field(description="The person whose sightings become news.")
    words: list[str] = Field([], description='What "ask X about ..." matches.')
    reach: str | int = Field("1d", description="How far gossip about a stranger carries.")
    recognised: Cond = Field(None, description="When this holds the person is known by name ...")
    recognised_reach: str | int | None = Field(
        None, description="... and the news carries this far instead."
    )
    hidden: Cond = Field(None, description="When this holds nobody sees them.")
    ignores: list[str] = Field(
        [], description="Settlements where their being about is no news (their home)."
    )
    versions: list[VersionModel] = Field(
        description="How it is told, by days of travel from where they were seen."
    )


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
    for i, version in enumerate(e.versions):
        if isinstance(version.text, list):
            for j, variant in enumerate(version.text):
                builder.check_condition(
                    located, (*path, "versions", i, "text", j, "when"), variant.when
                )
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
