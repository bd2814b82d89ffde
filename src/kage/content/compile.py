"""Load a world folder: read every YAML file, validate it, check every reference between
files, and build the World. All problems are collected and reported together."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

import kage.runtime  # noqa: F401  (registers every system's conditions and effects)
from kage.content import schema as s
from kage.content import sections as system_sections
from kage.content.errors import ContentError, Problem, suggest
from kage.content.sections import all_sections
from kage.content.yaml_lines import Located, load
from kage.parser.grammar import CORE, DIRECTIONS, SLOTS
from kage.world import conditions, effects
from kage.world.clock import parse_duration
from kage.world.model import (
    Bond,
    Council,
    CouncilMember,
    Ending,
    Entity,
    Exit,
    Hint,
    Interaction,
    Milestone,
    Motion,
    Topic,
    Trigger,
    Variant,
    World,
    WorldEvent,
)

CORE_SECTIONS = tuple(s.FileModel.model_fields)
SYSTEM_SECTIONS = all_sections()
SECTIONS = CORE_SECTIONS + tuple(SYSTEM_SECTIONS)

# What the arguments of conditions and effects refer to: kind -> how to find references.
# Each returns (sub-path, what it must be, value) triples.
Ref = tuple[tuple[Any, ...], str, Any]


def _keys(kind: str) -> Any:
    return lambda arg: [((k,), kind, k) for k in arg] if isinstance(arg, dict) else []


def _one(kind: str) -> Any:
    return lambda arg: [((), kind, x) for x in ([arg] if isinstance(arg, str) else arg or [])]


def _fields(**kinds: str) -> Any:
    return lambda arg: [
        ((k,), v, arg[k]) for k, v in kinds.items() if isinstance(arg, dict) and k in arg
    ]


COND_REFS: dict[str, Any] = {
    "at": _one("place"),
    "visited": _one("place"),
    "has": _one("entity"),
    "wearing": _one("entity"),
    "present": _one("entity"),
    "milestone": _one("milestone"),
    "fired": _one("happening"),
    "in_zone": _one("zone"),
    "mood": _fields(who="person"),
    "bond": _fields(**{"from": "person", "to": "person"}),
    "holder": lambda arg: (
        [((k,), "entity", k) for k in arg] + [((k,), "entity", v) for k, v in arg.items()]
    ),
    "money": _fields(who="entity"),
}
EFFECT_REFS: dict[str, Any] = {
    "move": lambda arg: (
        [((k,), "entity", k) for k in arg] + [((k,), "entity", v) for k, v in arg.items()]
    ),
    "prop": _keys("entity"),
    "reveal": _one("place"),
    "milestone": _one("milestone"),
    "happen": _one("event"),
    "cancel": _one("event"),
    "end": _one("ending"),
    "council_vote": _one("motion"),
    "schedule": _fields(event="event"),
    "mood": _fields(who="person"),
    "bond": _fields(**{"from": "person", "to": "person"}),
    "react": _fields(subject="person"),
    "pay": _fields(to="entity"),
    "transfer": _fields(**{"from": "entity", "to": "entity"}),
}


def prose(text: str) -> str:
    """Join the lines of each paragraph, so prose wrapped in a data file flows to any
    width; blank lines part paragraphs, and indented lines (lists) keep their breaks."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.split("\n")
        if any(line.startswith((" ", "\t")) for line in lines[1:]):
            paragraphs.append(block.rstrip())
        else:
            paragraphs.append(" ".join(line.strip() for line in lines))
    return "\n\n".join(paragraphs)


def _reflow(value: Any) -> Any:
    """Prose in system sections flows like any other: multi-line strings are reflowed."""
    if isinstance(value, str):
        return prose(value) if "\n" in value else value
    if isinstance(value, list):
        return [_reflow(v) for v in value]
    if isinstance(value, dict):
        return {k: _reflow(v) for k, v in value.items()}
    return value


def prose_effects(items: list[Any]) -> list[Any]:
    return [
        {**item, "say": prose(item["say"])}
        if isinstance(item, dict) and isinstance(item.get("say"), str)
        else item
        for item in items
    ]


def _refs(core: dict[str, Any], extra: dict[str, Any], key: str, arg: Any) -> list[Ref]:
    finder = core.get(key) or extra.get(key)
    try:
        return list(finder(arg)) if finder else []
    except (TypeError, AttributeError, KeyError):
        return []  # a malformed argument; the schema check reports its shape


class Builder:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.problems: list[Problem] = []
        self.files: list[tuple[Located, s.FileModel]] = []
        self.where: dict[str, tuple[Located, tuple[Any, ...]]] = {}  # id -> definition
        self.ids: dict[str, set[str]] = {}
        self.extras: list[tuple[Located, dict[str, list[Any]]]] = []

    def problem(self, located: Located, path: tuple[Any, ...], message: str) -> None:
        self.problems.append(Problem(located.file, located.line(path), message))

    # -- reading ------------------------------------------------------------------
    def read(self) -> str:
        if not self.folder.is_dir():
            raise ContentError([Problem(str(self.folder), 0, "is not a folder of world files")])
        paths = sorted(self.folder.glob("*.yaml")) + sorted(self.folder.glob("*.yml"))
        if not paths:
            raise ContentError([Problem(str(self.folder), 0, "holds no .yaml world files")])
        digest = hashlib.sha256()
        for path in paths:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
            try:
                located = load(path, path.name)
            except ContentError as exc:
                self.problems.extend(exc.problems)
                continue
            self.validate(located)
        return digest.hexdigest()[:16]

    def validate(self, located: Located) -> None:
        data = located.data
        if data is None:
            return
        if not isinstance(data, dict):
            self.problem(
                located, (), f"a world file must be a mapping of sections ({', '.join(SECTIONS)})"
            )
            return
        for key in data:
            if key not in SECTIONS:
                self.problem(located, (key,), f"unknown section '{key}'." + suggest(key, SECTIONS))
        try:
            model = s.FileModel.model_validate(
                {k: v for k, v in data.items() if k in CORE_SECTIONS}
            )
        except ValidationError as exc:
            for error in exc.errors():
                self.problem(located, tuple(error["loc"]), _explain(error))
            return
        extra: dict[str, list[Any]] = {}
        for name, section in SYSTEM_SECTIONS.items():
            entries = data.get(name)
            if entries is None:
                continue
            if not isinstance(entries, list):
                self.problem(located, (name,), f"'{name}' must be a list of entries")
                continue
            for i, entry in enumerate(entries):
                try:
                    extra.setdefault(name, []).append(section.model.model_validate(entry))
                except ValidationError as exc:
                    for error in exc.errors():
                        loc = (name, i, *error["loc"])
                        self.problem(located, loc, _explain({**error, "loc": loc}))
        self.files.append((located, model))
        self.extras.append((located, extra))

    # -- references ---------------------------------------------------------------
    def register(self, kind: str, ident: str, located: Located, path: tuple[Any, ...]) -> None:
        if ident in self.where and kind in ("place", "person", "thing", "entity"):
            other, other_path = self.where[ident]
            self.problem(
                located,
                path,
                f"duplicate id '{ident}': already defined at "
                f"{other.file}:{other.line(other_path)}. Ids must be unique.",
            )
            return
        key = f"{kind}:{ident}"
        if key in self.where:
            other, other_path = self.where[key]
            self.problem(
                located,
                path,
                f"duplicate {kind} id '{ident}': already defined at "
                f"{other.file}:{other.line(other_path)}.",
            )
            return
        self.where[key] = (located, path)
        if kind in ("place", "person", "thing"):
            self.where[ident] = (located, path)
            self.ids.setdefault("entity", set()).add(ident)
        self.ids.setdefault(kind, set()).add(ident)

    def expect(self, located: Located, path: tuple[Any, ...], kind: str, value: Any) -> None:
        kinds = {"happening": ("event", "trigger")}.get(kind, (kind,))
        pool: set[str] = set()
        for k in kinds:
            pool |= self.ids.get(k, set())
        if not isinstance(value, str) or value not in pool:
            what = {"entity": "place, person or thing", "happening": "event or trigger"}
            self.problem(
                located,
                path,
                f"'{value}' is not a known {what.get(kind, kind)}."
                + (suggest(value, pool) or f" Known: {_few(pool)}."),
            )

    def check_condition(self, located: Located, path: tuple[Any, ...], cond: Any) -> None:
        if cond is None:
            return
        if not isinstance(cond, dict):
            self.problem(located, path, "a condition must be a mapping such as {flag: name}")
            return
        for key, arg in cond.items():
            if key not in conditions.KINDS:
                self.problem(
                    located,
                    (*path, key),
                    f"unknown condition '{key}'."
                    + (suggest(key, conditions.KINDS) or f" Known: {_few(conditions.KINDS)}."),
                )
                continue
            if key in ("all", "any"):
                for i, sub in enumerate(arg if isinstance(arg, list) else []):
                    self.check_condition(located, (*path, key, i), sub)
            elif key == "not":
                self.check_condition(located, (*path, key), arg)
            for sub, kind, value in _refs(COND_REFS, system_sections.COND_REFS, key, arg):
                self.expect(located, (*path, key, *sub), kind, value)

    def check_effects(self, located: Located, path: tuple[Any, ...], items: list[Any]) -> None:
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                self.problem(
                    located, (*path, i), "an effect must be a mapping such as {set: {flag: true}}"
                )
                continue
            for key, arg in item.items():
                if key == "when":
                    self.check_condition(located, (*path, i, key), arg)
                    continue
                if key not in effects.KINDS:
                    self.problem(
                        located,
                        (*path, i, key),
                        f"unknown effect '{key}'."
                        + (suggest(key, effects.KINDS) or f" Known: {_few(effects.KINDS)}."),
                    )
                    continue
                for sub, kind, value in _refs(EFFECT_REFS, system_sections.EFFECT_REFS, key, arg):
                    self.expect(located, (*path, i, key, *sub), kind, value)

    # -- building -----------------------------------------------------------------
    def build(self, source_hash: str) -> World:
        info: tuple[Located, s.WorldInfo] | None = None
        for located, model in self.files:
            if model.world is not None:
                if info is not None:
                    self.problem(
                        located,
                        ("world",),
                        f"a second 'world' section; the first is in {info[0].file}",
                    )
                info = (located, model.world)
            for section, kind in (
                ("places", "place"),
                ("people", "person"),
                ("things", "thing"),
                ("milestones", "milestone"),
                ("events", "event"),
                ("triggers", "trigger"),
                ("endings", "ending"),
                ("councils", "council"),
                ("motions", "motion"),
            ):
                for i, item in enumerate(getattr(model, section)):
                    self.register(kind, item.id, located, (section, i, "id"))
            for located_extra, extra in self.extras:
                if located_extra is not located:
                    continue
                for name, entries in extra.items():
                    if SYSTEM_SECTIONS[name].keyed:
                        for i, entry in enumerate(entries):
                            self.register(name, entry.id, located, (name, i, "id"))
            for i, place in enumerate(model.places):
                for zone in place.zones:
                    self.ids.setdefault("zone", set()).add(zone)
                del i
        if info is None:
            raise ContentError(
                self.problems
                + [
                    Problem(
                        str(self.folder),
                        0,
                        "no file has a 'world' section (id, title, intro, player)",
                    )
                ]
            )
        world = self.make_world(*info, source_hash)
        for located, model in self.files:
            self.fill(world, located, model)
        for located, extra in self.extras:
            for name, entries in extra.items():
                section = SYSTEM_SECTIONS[name]
                store = world.data.setdefault(name, {} if section.keyed else [])
                for i, entry in enumerate(entries):
                    if section.check is not None:
                        section.check(self, located, (name, i), entry)
                    plain = _reflow(entry.model_dump(by_alias=True))
                    if section.keyed:
                        if entry.id in store:
                            self.problem(
                                located, (name, i, "id"), f"duplicate {name} id '{entry.id}'"
                            )
                        store[entry.id] = plain
                    else:
                        store.append(plain)
        self.check_world(world, *info)
        if self.problems:
            raise ContentError(self.problems)
        return world

    def make_world(self, located: Located, info: s.WorldInfo, source_hash: str) -> World:
        try:
            start = datetime.fromisoformat(info.start_time)
        except ValueError:
            self.problem(
                located,
                ("world", "start_time"),
                f"'{info.start_time}' is not a time like 0060-10-10T09:00",
            )
            start = datetime(1, 1, 1, 8, 0)
        words = sorted(((v, k) for k, v in info.mood_words.items()), reverse=True)
        return World(
            id=info.id,
            title=info.title,
            intro=prose(info.intro),
            player=info.player,
            start_time=start,
            entities={},
            mood_words=words,
            source_hash=source_hash,
        )

    def text(self, value: s.Text) -> list[Variant]:
        if isinstance(value, str):
            return [Variant(prose(value))] if value else []
        return [Variant(prose(v.text), v.when) for v in value]

    def variants(self, located: Located, path: tuple[Any, ...], value: s.Text) -> list[Variant]:
        if isinstance(value, list):
            for i, v in enumerate(value):
                self.check_condition(located, (*path, i, "when"), v.when)
        return self.text(value)

    def entity(
        self, located: Located, path: tuple[Any, ...], item: s.Named, kind: str, **extra: Any
    ) -> Entity:
        nouns = {w.lower() for w in item.nouns} | {item.name.lower().split()[-1]}
        adjectives = {w.lower() for w in item.adjectives}
        if kind == "person":
            nouns |= {w.lower() for w in item.name.split()}
        return Entity(
            id=item.id,
            kind=kind,
            name=item.name,
            nouns=frozenset(nouns),
            adjectives=frozenset(adjectives),
            description=self.variants(located, (*path, "description"), item.description),
            proper=item.proper,
            plural=item.plural,
            props=dict(item.props),
            **extra,
        )

    def fill(self, world: World, located: Located, model: s.FileModel) -> None:
        ents = world.entities
        for i, place in enumerate(model.places):
            exits = {}
            for direction, way in place.exits.items():
                way = s.ExitModel(to=way) if isinstance(way, str) else way
                path = ("places", i, "exits", direction)
                if direction not in DIRECTIONS.values():
                    self.problem(
                        located,
                        path,
                        f"'{direction}' is not a direction."
                        + suggest(direction, set(DIRECTIONS.values())),
                    )
                self.check_condition(located, (*path, "when"), way.when)
                exits[direction] = Exit(
                    direction, way.to, way.minutes, way.when, way.refusal, way.text
                )
            ents[place.id] = self.entity(
                located,
                ("places", i),
                place,
                "place",
                exits=exits,
                zones=tuple(place.zones),
                known=place.known,
            )
        for i, person in enumerate(model.people):
            topics = []
            for t, topic in enumerate(person.topics):
                path = ("people", i, "topics", t)
                self.check_condition(located, (*path, "when"), topic.when)
                self.check_effects(located, (*path, "effects"), topic.effects)
                topics.append(
                    Topic(
                        topic.id,
                        frozenset(w.lower() for w in topic.words),
                        self.variants(located, (*path, "text"), topic.text),
                        topic.when,
                        prose_effects(topic.effects),
                        topic.minutes,
                        topic.report,
                        topic.title,
                        topic.hidden,
                    )
                )
            ents[person.id] = self.entity(
                located,
                ("people", i),
                person,
                "person",
                gender=person.gender,
                start=person.at,
                topics=topics,
                greeting=self.text(person.greeting),
                unknown_topic=prose(person.unknown_topic),
                money=person.money,
                portable=False,
            )
            if person.mood:
                world.moods[person.id] = person.mood
        for i, thing in enumerate(model.things):
            ents[thing.id] = self.entity(
                located,
                ("things", i),
                thing,
                "thing",
                start=thing.at,
                portable=thing.portable,
                wearable=thing.wearable,
                worn=thing.worn,
                container=thing.container,
                scenery=thing.scenery,
                money=thing.money,
                listing=thing.listing,
            )
        for i, inter in enumerate(model.interactions):
            path = ("interactions", i)
            self.check_condition(located, (*path, "when"), inter.when)
            self.check_effects(located, (*path, "effects"), inter.effects)
            world.interactions.append(
                Interaction(
                    inter.verb,
                    inter.target,
                    self.variants(located, (*path, "text"), inter.text),
                    inter.when,
                    prose(inter.refusal),
                    prose_effects(inter.effects),
                    inter.minutes,
                    second=inter.second,
                )
            )
        for action, patterns in model.verbs.items():
            world.verbs.setdefault(action, []).extend(patterns)
        for bond in model.bonds:
            world.bonds.append(Bond(bond.source, bond.to, bond.strength, bond.kind, bond.label))
        for council in model.councils:
            world.councils[council.id] = Council(
                council.id,
                council.name,
                [CouncilMember(m.who, dict(m.beliefs), m.chair) for m in council.members],
            )
        for i, motion in enumerate(model.motions):
            edict = motion.edict.model_dump(exclude_none=True) if motion.edict else None
            if motion.edict:
                self.check_effects(
                    located, ("motions", i, "edict", "on_leave"), motion.edict.on_leave
                )
            world.motions[motion.id] = Motion(
                motion.id,
                motion.council,
                motion.subject,
                motion.charge,
                motion.weights,
                motion.bond_weight,
                motion.threshold,
                motion.reasons,
                edict,
            )
        for i, event in enumerate(model.events):
            path = ("events", i)
            self.check_condition(located, (*path, "when"), event.when)
            self.check_effects(located, (*path, "effects"), event.effects)
            world.events[event.id] = WorldEvent(
                event.id,
                prose_effects(event.effects),
                event.place,
                prose(event.seen),
                prose(event.heard),
                event.when,
            )
            if event.at is not None:
                world.schedule.append((self.duration(located, (*path, "at"), event.at), event.id))
        for i, trig in enumerate(model.triggers):
            self.check_condition(located, ("triggers", i, "when"), trig.when)
            self.check_effects(located, ("triggers", i, "effects"), trig.effects)
            world.triggers.append(
                Trigger(trig.id, trig.when, prose_effects(trig.effects), trig.once)
            )
        for i, end in enumerate(model.endings):
            self.check_condition(located, ("endings", i, "when"), end.when)
            world.endings.append(
                Ending(
                    end.id,
                    end.when,
                    end.won,
                    prose(end.text),
                    self.duration(located, ("endings", i, "epilogue"), end.epilogue),
                )
            )
        for m in model.milestones:
            world.milestones[m.id] = Milestone(m.id, m.points, m.text)
        for i, hint in enumerate(model.hints):
            self.check_condition(located, ("hints", i, "done"), hint.done)
            self.check_condition(located, ("hints", i, "when"), hint.when)
            world.hints.append(Hint(prose(hint.text), hint.done, hint.when))
        if model.start:
            self.check_effects(located, ("start",), model.start)
            world.start_effects.extend(prose_effects(model.start))
        world.hope_lines.extend(self.variants(located, ("hope",), model.hope))
        self.check_refs(located, model)

    def duration(self, located: Located, path: tuple[Any, ...], value: str | int) -> int:
        try:
            return parse_duration(value)
        except ValueError as exc:
            self.problem(located, path, str(exc))
            return 0

    def check_refs(self, located: Located, model: s.FileModel) -> None:
        for i, place in enumerate(model.places):
            for direction, way in place.exits.items():
                to = way if isinstance(way, str) else way.to
                self.expect(located, ("places", i, "exits", direction), "place", to)
        for i, person in enumerate(model.people):
            if person.at is not None:
                self.expect(located, ("people", i, "at"), "place", person.at)
        for i, thing in enumerate(model.things):
            self.expect(located, ("things", i, "at"), "entity", thing.at)
        for i, inter in enumerate(model.interactions):
            for key in ("target", "second"):
                value = getattr(inter, key)
                if value is not None:
                    self.expect(located, ("interactions", i, key), "entity", value)
        for i, bond in enumerate(model.bonds):
            self.expect(located, ("bonds", i, "from"), "person", bond.source)
            self.expect(located, ("bonds", i, "to"), "person", bond.to)
        for i, council in enumerate(model.councils):
            for m, member in enumerate(council.members):
                self.expect(located, ("councils", i, "members", m, "who"), "person", member.who)
        for i, motion in enumerate(model.motions):
            self.expect(located, ("motions", i, "council"), "council", motion.council)
            self.expect(located, ("motions", i, "subject"), "person", motion.subject)
            if motion.edict:
                for z, zone in enumerate(motion.edict.zones):
                    self.expect(located, ("motions", i, "edict", "zones", z), "zone", zone)
                self.expect(
                    located, ("motions", i, "edict", "penalty"), "ending", motion.edict.penalty
                )
                if motion.edict.returning:
                    self.expect(
                        located,
                        ("motions", i, "edict", "returning"),
                        "ending",
                        motion.edict.returning,
                    )
                self.duration(located, ("motions", i, "edict", "deadline"), motion.edict.deadline)
        for i, event in enumerate(model.events):
            if event.place is not None:
                self.expect(located, ("events", i, "place"), "place", event.place)
        for action, patterns in model.verbs.items():
            for p, pattern in enumerate(patterns):
                words = pattern.split()
                bad = [w for w in words if w.startswith("{") and w.strip("{}") not in SLOTS]
                if not words or words[0].startswith("{"):
                    self.problem(
                        located, ("verbs", action, p), f"pattern '{pattern}' must begin with a word"
                    )
                for w in bad:
                    self.problem(
                        located,
                        ("verbs", action, p),
                        f"unknown slot {w}." + suggest(w.strip("{}"), SLOTS),
                    )

    def check_world(self, world: World, located: Located, info: s.WorldInfo) -> None:
        player = world.entities.get(info.player)
        if player is None or player.kind != "person":
            self.problem(
                located,
                ("world", "player"),
                f"player '{info.player}' is not a "
                "person." + suggest(info.player, self.ids.get("person", set())),
            )
        elif player.start is None:
            self.problem(located, ("world", "player"), "the player has no 'at' place to start")
        if not world.endings:
            self.problem(
                located,
                ("world",),
                "the world has no endings: add an 'endings' "
                "section so the story can be won or lost",
            )
        data_verbs = {i.verb for i in world.interactions}
        has_grammar = {action for action, _ in CORE} | set(world.verbs)
        for verb in sorted(data_verbs - has_grammar):
            targeted = any(i.verb == verb and i.target for i in world.interactions)
            world.verbs[verb] = [verb] + ([f"{verb} {{thing}}"] if targeted else [])


def _few(pool: Any) -> str:
    names = sorted(pool)
    return ", ".join(names[:8]) + (" ..." if len(names) > 8 else "") if names else "none yet"


ALL_FIELDS = {
    name
    for model in vars(s).values()
    if isinstance(model, type) and issubclass(model, s.Strict)
    for name in model.model_fields
} | {"from"}


def _explain(error: dict[str, Any]) -> str:
    loc = ".".join(str(p) for p in error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        field = str(error["loc"][-1])
        where = loc.rsplit(".", 1)[0] if "." in loc else "the file"
        return f"unknown field '{field}' in {where}." + suggest(field, ALL_FIELDS)
    if kind == "missing":
        return f"'{error['loc'][-1]}' is required here ({loc})."
    if kind == "string_type":
        return f"{loc}: this should be text; put it in quotes."
    return f"{loc}: {error['msg']}."


def load_world(folder: Path | str) -> World:
    """Read, validate and compile a world folder. Raises ContentError with every problem."""
    builder = Builder(Path(folder))
    source_hash = builder.read()
    if builder.problems:
        raise ContentError(builder.problems)
    world = builder.build(source_hash)
    return world
