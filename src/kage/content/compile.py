"""Load a world folder: read every YAML file, validate it, check every reference between
files, and build the World. All problems are collected and reported together."""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kage.content import calendars, files, standard
from kage.content import props as prop_checks
from kage.content import schema as s
from kage.content import verbs as verb_checks
from kage.content.describe import show, subject
from kage.content.errors import ContentError, Problem, suggest
from kage.content.refs import DEFAULT_START, ENTITY_KINDS, References, bad_direction, few
from kage.content.sections import Section, core_sections, sections_of
from kage.content.validate import KIND_OF_SECTION, SECTIONS, check_file
from kage.content.yaml_lines import Budget, Located, read
from kage.core.engine import assemble
from kage.core.extension import catalog
from kage.parser.grammar import CORE, DIRECTIONS
from kage.world.model import (
    Answer,
    Ask,
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
    Stop,
    Topic,
    Trigger,
    Variant,
    World,
    WorldEvent,
)

__all__ = ["BUG", "SECTIONS", "Builder", "load_world", "prose"]


def once_key(text: str) -> str:
    """The key that remembers a `once` variant was said: the same text, the same key."""
    return "said:" + hashlib.sha1(text.encode()).hexdigest()[:12]


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


def _plain(value: Any) -> Any:
    """A validated entry (or a mapping section's value) as the plain data it was written as."""
    if isinstance(value, BaseModel):
        return value.model_dump(by_alias=True)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def prose_effects(items: list[Any]) -> list[Any]:
    return [
        {**item, "say": prose(item["say"])}
        if isinstance(item, dict) and isinstance(item.get("say"), str)
        else item
        for item in items
    ]


BUG = "Kage could not check this file because of a bug in Kage"


# the slots any text of a world may name, besides entity ids (kage.core.responses)
TEXT_SLOTS = frozenset({"noun", "second", "number", "text", "direction", "player", "here"})


class Builder(References):
    """Reads a world folder and builds its World; section modules call its checks."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.files: list[tuple[Located, s.FileModel]] = []
        self.extras: list[tuple[Located, dict[str, list[tuple[int, Any]]]]] = []
        self.broken_world = False
        self.current = ""  # the file being read or built, for reporting Kage's own bugs
        self.extensions: tuple[str, ...] = ()  # named by the world section
        self.sections: dict[str, Section] = {}  # the core's and its extensions'
        self.doors: list[tuple[Located, tuple[Any, ...], str, str]] = []  # exits' doors
        self.asked: list[tuple[Located, tuple[Any, ...], Ask]] = []  # checked with the world

    # -- reading ------------------------------------------------------------------
    def read(self) -> str:
        """Read and check every file, within the world's limits; return their hash."""
        paths = files.world_files(self.folder)
        where = files.shown(self.folder)
        size = files.total_size(paths)
        if size > files.MAX_WORLD_BYTES:  # refused before a byte is read
            raise files.too_big_world(where, size)
        digest = hashlib.sha256()
        room = files.MAX_WORLD_BYTES
        budget = Budget()
        # every file is read before any is checked: which sections, conditions and
        # effects exist depends on the extensions the world section names
        read_files: list[Located | list[Problem]] = []
        for path in paths:
            name = files.shown(path.name)
            self.current = name
            try:
                raw = files.read_file(path, name, room)
                room -= len(raw)
                digest.update(os.fsencode(path.name) + b"\0" + raw)
                read_files.append(read(raw, name, budget))
            except ContentError as exc:
                read_files.append(exc.problems)
                self.complete = False
                if budget.spent:
                    break  # every file after this one would be refused the same way
        self.choose_extensions([f for f in read_files if isinstance(f, Located)])
        for item in read_files:
            if isinstance(item, Located):
                self.current = item.file
                self.validate(item)
            else:
                self.problems.extend(item)
        return digest.hexdigest()[:16]

    def choose_extensions(self, located_files: list[Located]) -> None:
        """Find the extensions the world section names (reporting unknown ones) and use
        them: their sections, conditions and effects become known."""
        names: list[str] = []
        for located in located_files:
            info = located.data.get("world") if isinstance(located.data, dict) else None
            wanted = info.get("extensions") if isinstance(info, dict) else None
            if not isinstance(wanted, list):
                continue  # a wrong shape is the schema's to report
            for i, name in enumerate(wanted):
                if not isinstance(name, str):
                    continue
                if name in catalog():
                    names.append(name)
                    continue
                hint = suggest(name, catalog()) or f" There are: {', '.join(sorted(catalog()))}."
                self.problem(located, ("world", "extensions", i), f"no extension '{name}'.{hint}")
            break  # a second world section is reported as such
        self.extensions = tuple(dict.fromkeys(names))
        engine = assemble(self.extensions)
        self.sections = {**core_sections(), **sections_of(engine.extensions)}
        self.use(engine)
        self.own_props(located_files)

    def own_props(self, located_files: list[Located]) -> None:
        """Add the properties the world section declares as its own to those known."""
        for located in located_files:
            info = located.data.get("world") if isinstance(located.data, dict) else None
            if not isinstance(info, dict):
                continue
            found = prop_checks.own(info.get("props"))
            for key in found:
                if key in self.props:
                    self.problem(
                        located,
                        ("world", "props", key),
                        f"the property '{key}' is already known to this world (from the "
                        "engine or an extension it uses): take it out of the world's 'props'.",
                    )
                else:
                    self.props[key] = found[key]
            self.ids["stat"] = prop_checks.stats(self.props)
            return  # a second world section is reported as such

    def validate(self, located: Located) -> None:
        checked = check_file(located, self.problems, self.sections)
        self.complete = self.complete and checked.complete
        self.broken_world = self.broken_world or checked.broken_world
        for kind, idents in checked.ghosts.items():
            self.ghosts.setdefault(kind, set()).update(idents)
            if kind in ENTITY_KINDS:
                self.ghosts.setdefault("entity", set()).update(idents)
        if checked.model is not None:
            self.files.append((located, checked.model))
            self.extras.append((located, checked.extras))

    # -- building -----------------------------------------------------------------
    def build(self, source_hash: str) -> World:
        info = self.register_all()
        if info is None:
            if self.complete and not self.broken_world:
                self.problems.append(
                    Problem(
                        files.shown(self.folder.name or self.folder),
                        0,
                        "no file has a 'world' section. Add one (say, in world.yaml) with "
                        "the world's id, title, intro and player.",
                    )
                )
            placeholder = s.WorldInfo(id="unknown", title="", intro="", player="")
            world = self.make_world(Located("", None, {}), placeholder, source_hash)
        else:
            world = self.make_world(*info, source_hash)
        for located, model in self.files:
            self.current = located.file
            self.fill(world, located, model)
        for located, extra in self.extras:
            self.current = located.file
            for name, entries in extra.items():
                section = self.sections[name]
                store = world.data.setdefault(name, {} if section.keyed else [])
                for i, entry in entries:
                    path = (name, i)
                    if section.check is not None:
                        section.check(self, located, path, entry)
                    if section.build is not None:
                        plain = section.build(self, world, located, path, entry)
                    else:
                        plain = _reflow(_plain(entry))
                    if plain is None:
                        continue  # the section filled the world's own fields
                    if section.keyed:
                        store[i if section.mapping else entry.id] = plain
                    else:
                        store.append(plain)
        self.check_containment(world)
        standard.check_world(self, world)
        verb_checks.check(self, world)
        if info is not None:
            self.check_world(world, *info)
        if self.problems:
            raise ContentError(self.problems)
        return world

    def register_all(self) -> tuple[Located, s.WorldInfo] | None:
        """Note every id, reporting duplicates; return the world section, if there is one."""
        info: tuple[Located, s.WorldInfo] | None = None
        for located, model in self.files:
            if model.world is not None:
                if info is not None:
                    first = info[0]
                    self.problem(
                        located,
                        ("world",),
                        "a second 'world' section: the first is at "
                        f"{first.file}:{first.line(('world',))}. Keep one and delete the other.",
                    )
                else:
                    info = (located, model.world)
            for section, kind in KIND_OF_SECTION.items():
                for i, item in enumerate(getattr(model, section)):
                    self.register(kind, item.id, located, (section, i, "id"))
            for place in model.places:
                self.ids.setdefault("zone", set()).update(place.zones)
        for located, extra in self.extras:
            for name, entries in extra.items():
                if self.sections[name].mapping:
                    for key, _ in entries:
                        self.register(name, key, located, (name, key))
                elif self.sections[name].keyed:
                    for i, entry in entries:
                        self.register(name, entry.id, located, (name, i, "id"))
        return info

    def make_world(self, located: Located, info: s.WorldInfo, source_hash: str) -> World:
        try:
            start = datetime.fromisoformat(info.start_time)
        except ValueError:
            self.problem(
                located,
                ("world", "start_time"),
                f"the 'start_time' of the world is {show(info.start_time)}, which is not a date "
                'and time. Write it like "0060-10-10T09:00" (year-month-day, then T and the '
                "hour).",
            )
            start = DEFAULT_START
        self.start = start
        words = sorted(((v, k) for k, v in info.mood_words.items()), reverse=True)
        ranks = sorted(((v, k) for k, v in info.ranks.items()), reverse=True)
        return World(
            id=info.id,
            title=info.title,
            intro=prose(info.intro),
            player=info.player,
            start_time=start,
            entities={},
            mood_words=words,
            source_hash=source_hash,
            extensions=self.extensions,
            currency=(info.currency, info.currency_plural or f"{info.currency}s"),
            version=str(info.version),
            ranks=ranks,
            calendar=calendars.build(self, located, info.calendar),
        )

    def schedule(
        self, located: Located, path: tuple[Any, ...], stops: list[s.StopModel]
    ) -> list[Stop]:
        made = []
        for i, stop in enumerate(stops):
            if i and stops[i - 1].when is None:
                self.problem(
                    located,
                    (*path, i),
                    f"this stop comes after one without 'when', which always holds, so it is "
                    f"never used. Give stop {i} a 'when', or put the stop without one last.",
                )
            self.expect(located, (*path, i, "at"), "place", stop.at)
            self.check_condition(located, (*path, i, "when"), stop.when)
            made.append(
                Stop(stop.at, stop.when, prose(stop.leaves), prose(stop.arrives), stop.quiet)
            )
        return made

    def day_parts(
        self, located: Located, path: tuple[Any, ...], names: str | list[str]
    ) -> tuple[str, ...]:
        if isinstance(names, str):
            self.expect(located, path, "day_part", names)
            return (names,)
        for i, name in enumerate(names):
            self.expect(located, (*path, i), "day_part", name)
        return tuple(names)

    def text(
        self, value: s.Text, located: Located | None = None, path: tuple[Any, ...] = ()
    ) -> list[Variant]:
        if located is not None and path[:1] != ("responses",):  # checked with their slots
            texts = (
                [(path, value)]
                if isinstance(value, str)
                else [((*path, i, "text"), v.text) for i, v in enumerate(value)]
            )
            for at, said in texts:
                self.check_slots(located, at, said)
        if isinstance(value, str):
            return [Variant(prose(value))] if value else []
        return [
            Variant(
                prose(v.text),
                v.when,
                self.ask(located, (*path, i, "asks"), v.asks),
                once_key(prose(v.text)) if v.once else "",
            )
            for i, v in enumerate(value)
        ]

    def check_slots(self, located: Located, path: tuple[Any, ...], text: str) -> None:
        """A placeholder in a world's text names the action's noun or second, a standard
        slot, or a person, thing or place by its id ({The kai}); anything else is a typo."""
        from kage.core.prose import placeholders

        known = self.ids.get("entity", set())
        for slot in placeholders(text):
            bare = slot.split(" ", 1)[-1] if slot[:2].lower() in ("th", "a ") else slot
            if bare in TEXT_SLOTS or bare in known or bare[:1].lower() + bare[1:] in TEXT_SLOTS:
                continue
            close = difflib.get_close_matches(bare, [*TEXT_SLOTS, *known], n=1, cutoff=0.7)
            hint = f" Did you mean {{{close[0]}}}?" if close else ""
            self.problem(
                located,
                path,
                f"{subject(located.data, path)} uses the placeholder {{{slot}}}, which "
                f"names nothing: a placeholder names the noun, the second, a standard slot "
                f"or a person, thing or place by its id.{hint}",
            )

    def variants(self, located: Located, path: tuple[Any, ...], value: s.Text) -> list[Variant]:
        if isinstance(value, list):
            for i, v in enumerate(value):
                self.check_condition(located, (*path, i, "when"), v.when)
        return self.text(value, located, path)

    def ask(
        self, located: Located | None, path: tuple[Any, ...], model: s.AskModel | None
    ) -> Ask | None:
        """A person's question; who asks and its answers' actions are checked once the
        whole world is known (check_asks)."""
        if model is None or located is None:
            return None
        answers = []
        for side in ("yes", "no"):
            written = getattr(model, side)
            if written is None:
                answers.append(None)
                continue
            if isinstance(written, str):
                written = s.AnswerModel(do=written)
            self.check_effects(located, (*path, side, "effects"), written.effects)
            verb, _, target = written.do.strip().partition(" ")
            answers.append(
                Answer(
                    (verb, target.strip() or None) if verb else None,
                    prose(written.text),
                    prose_effects(written.effects),
                )
            )
        made = Ask(answers[0], answers[1], model.turns, model.who)
        self.asked.append((located, path, made))
        return made

    def check_asks(self, world: World, verbs: set[str]) -> None:
        for located, path, ask in self.asked:
            if ask.who is not None and ask.who not in world.entities:
                self.problem(located, (*path, "who"), f"'{ask.who}' is nobody in this world.")
            for side, answer in (("yes", ask.yes), ("no", ask.no)):
                if answer is None or answer.do is None:
                    continue
                verb, target = answer.do
                if verb not in verbs:
                    self.problem(
                        located,
                        (*path, side),
                        f"'{verb}' is not a verb of this world. Write 'VERB TARGET', "
                        f"like 'eat kotomi', with a verb the world knows.",
                    )
                if target is not None and target not in world.entities:
                    self.problem(
                        located, (*path, side), f"'{target}' is nobody and nothing in this world."
                    )

    def entity(
        self, located: Located, path: tuple[Any, ...], item: s.Named, kind: str, **extra: Any
    ) -> Entity:
        name = self.plain_name(located, (*path, "name"), item.name)
        nouns = {w.lower() for w in item.nouns} | {name.lower().split()[-1]}
        adjectives = {w.lower() for w in item.adjectives}
        if kind == "person":
            nouns |= {w.lower() for w in name.split()}
        prop_checks.check(
            self, located, (*path, "props"), item.props, kind, subject(located.data, path)
        )
        return Entity(
            id=item.id,
            kind=kind,
            name=name,
            nouns=frozenset(nouns),
            adjectives=frozenset(adjectives),
            description=self.variants(located, (*path, "description"), item.description),
            proper=item.proper,
            plural=item.plural,
            article=item.article,
            props=dict(item.props),
            **extra,
        )

    def check_known_as(
        self, located: Located, path: tuple[Any, ...], person: s.PersonModel
    ) -> None:
        """A description to go by and the condition that ends it come together."""
        self.check_condition(located, (*path, "name_known"), person.name_known)
        if person.known_as and person.name_known is None:
            self.problem(
                located,
                (*path, "known_as"),
                f"{subject(located.data, path)} is known as '{person.known_as}' but nothing "
                "ever tells the player the name: add `name_known:` with the condition under "
                "which it is learned (a flag an effect sets, say).",
            )
        if person.name_known is not None and not person.known_as:
            self.problem(
                located,
                (*path, "name_known"),
                f"{subject(located.data, path)} has `name_known` but no `known_as`: add what "
                "the player calls them before they learn the name, or delete `name_known`.",
            )

    def plain_name(
        self, located: Located, path: tuple[Any, ...], name: str | list[s.NameVariant]
    ) -> str:
        """The name a place has when no variant's `when` holds: its last variant's."""
        if isinstance(name, str):
            return name
        for i, variant in enumerate(name):
            self.check_condition(located, (*path, i, "when"), variant.when)
        if not name or name[-1].when is not None:
            self.problem(
                located,
                path,
                f"{subject(located.data, path)} has no variant without a 'when': end the "
                "list with the name it has otherwise (- text: ...), which is also what the "
                "player calls it.",
            )
            return name[-1].text if name else "?"
        return name[-1].text

    def fill(self, world: World, located: Located, model: s.FileModel) -> None:
        ents = world.entities
        for i, place in enumerate(model.places):
            if place.id in ents:
                continue  # a duplicate id, reported when ids were noted
            exits = {}
            for direction, way in place.exits.items():
                way = s.ExitModel(to=way) if isinstance(way, str) else way
                path = ("places", i, "exits", direction)
                if direction not in DIRECTIONS.values():
                    self.problem(located, path, bad_direction(place.id, direction))
                self.check_condition(located, (*path, "when"), way.when)
                self.span(located, (*path, "minutes"), way.minutes, way.minutes)
                if way.hidden and way.when is None:
                    self.problem(
                        located,
                        (*path, "hidden"),
                        f"the way {direction} from '{place.id}' is hidden but has no 'when', "
                        "so nothing could ever show it. Add the condition under which it is "
                        "found (a 'when'), or remove 'hidden'.",
                    )
                exits[direction] = Exit(
                    direction,
                    way.to,
                    way.minutes,
                    way.when,
                    way.refusal,
                    self.variants(located, (*path, "text"), way.text),
                    way.hidden,
                    way.door,
                    tuple(way.names),
                )
                if way.door is not None:
                    self.doors.append((located, (*path, "door"), place.id, way.door))
            ents[place.id] = self.entity(
                located,
                ("places", i),
                place,
                "place",
                exits=exits,
                zones=tuple(place.zones),
                known=place.known,
                called=tuple(place.called),
                names=[] if isinstance(place.name, str) else self.text(place.name),
                dark=place.dark,
            )
            _call_by(ents[place.id], place.called)
        for i, person in enumerate(model.people):
            if person.id in ents:
                continue  # a duplicate id, reported when ids were noted
            topics = []
            for t, topic in enumerate(person.topics):
                path = ("people", i, "topics", t)
                self.check_condition(located, (*path, "when"), topic.when)
                self.check_effects(located, (*path, "effects"), topic.effects)
                self.span(located, (*path, "minutes"), topic.minutes, topic.minutes)
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
                        self.ask(located, (*path, "asks"), topic.asks),
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
                greeting=self.text(person.greeting, located, ("people", i, "greeting")),
                unknown_topic=self.text(
                    person.unknown_topic, located, ("people", i, "unknown_topic")
                ),
                names=[] if isinstance(person.name, str) else self.text(person.name),
                schedule=self.schedule(located, ("people", i, "schedule"), person.schedule),
                money=person.money,
                portable=False,
                known_as=person.known_as,
                name_known=person.name_known,
            )
            self.check_known_as(located, ("people", i), person)
            if person.known_as:  # "skinny boy": the player may call them what they see
                *described, noun = person.known_as.lower().split()
                ents[person.id].nouns |= {noun}
                ents[person.id].adjectives |= set(described)
            if person.mood:
                world.moods[person.id] = person.mood
        for i, thing in enumerate(model.things):
            if thing.id in ents:
                continue  # a duplicate id, reported when ids were noted
            ents[thing.id] = self.entity(
                located,
                ("things", i),
                thing,
                "thing",
                start=thing.at,
                wearable=thing.wearable,
                worn=thing.worn,
                container=thing.container,
                scenery=thing.scenery,
                money=thing.money,
                listing=thing.listing,
                **standard.thing_fields(self, located, ("things", i), thing),
            )
        for i, inter in enumerate(model.interactions):
            path = ("interactions", i)
            self.check_condition(located, (*path, "when"), inter.when)
            self.check_effects(located, (*path, "effects"), inter.effects)
            self.span(located, (*path, "minutes"), inter.minutes, inter.minutes)
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
                    asks=self.ask(located, (*path, "asks"), inter.asks),
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
                self.day_parts(located, (*path, "time_of_day"), event.time_of_day),
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
            if not end.text and not end.parts:
                self.problem(
                    located,
                    ("endings", i),
                    f"ending '{end.id}' says nothing: give it a `text` or `parts`.",
                )
            world.endings.append(
                Ending(
                    end.id,
                    end.when,
                    end.won,
                    self.variants(located, ("endings", i, "text"), end.text),
                    self.duration(located, ("endings", i, "epilogue"), end.epilogue),
                    self.variants(located, ("endings", i, "parts"), end.parts),
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
        world.status_lines.extend(self.variants(located, ("status",), model.status))
        self.check_refs(located, model)

    def check_containment(self, world: World) -> None:
        """Report each ring of things inside each other (a box in itself, a in b in a) once,
        at the 'at' of the ring's first thing: such things are in no place at all."""
        done: set[str] = set()
        order = {ident: n for n, ident in enumerate(world.entities)}
        for ident in world.entities:
            trail: list[str] = []
            current: str | None = ident
            while current is not None and current not in done and current not in trail:
                trail.append(current)
                inside = world.entities.get(current)
                current = inside.start if inside is not None and inside.kind == "thing" else None
            done.update(trail)
            if current is None or current not in trail:
                continue
            ring = trail[trail.index(current) :]
            first = min(ring, key=order.__getitem__)
            ring = ring[ring.index(first) :] + ring[: ring.index(first)]
            located, path = self.where[first]
            if len(ring) == 1:
                said = f"thing '{first}' is inside itself (its 'at' is '{first}')"
            else:
                pairs = zip(ring, ring[1:] + ring[:1], strict=True)
                chain = ", ".join(f"'{a}' is in '{b}'" for a, b in pairs)
                said = f"thing '{first}' is inside itself: {chain}"
            self.problem(
                located,
                (*path[:-1], "at"),
                f"{said}. Nothing can hold itself, so it would be in no place at all; put "
                "one of them in a place or with a person.",
            )

    def check_world(self, world: World, located: Located, info: s.WorldInfo) -> None:
        player = world.entities.get(info.player)
        people = self.ids.get("person", set())
        path = ("world", "player")
        if player is None and (info.player in self.ghosts.get("person", ()) or not self.complete):
            pass  # its own problem is reported where it is defined
        elif player is None:
            hint = suggest(info.player, people) or (
                f" People: {few(people)}." if people else " Add them to a 'people' section."
            )
            self.problem(
                located, path, f"the player is '{info.player}', who is not in 'people'.{hint}"
            )
        elif player.kind != "person":
            hint = suggest(info.player, people) or (f" People: {few(people)}." if people else "")
            self.problem(
                located,
                path,
                f"the player is '{info.player}', which is a {player.kind}, not a person. "
                f"Name someone from the 'people' section.{hint}",
            )
        elif player.start is None:
            where_ = self.where[info.player]
            self.problem(
                located,
                path,
                f"the player '{info.player}' has no 'at': add 'at: PLACE' to them at "
                f"{where_[0].file}:{where_[0].line(where_[1])} so the story knows where to start.",
            )
        if not world.endings and self.complete and not self.ghosts.get("ending"):
            self.problem(
                located,
                ("world",),
                "the world has no endings. Add an 'endings' section so the story can be won "
                "or lost.",
            )
        data_verbs = {i.verb for i in world.interactions}
        has_grammar = {action for action, _ in CORE} | set(world.verbs)
        has_grammar |= {action for action, _ in assemble(self.extensions).grammar}
        for verb in sorted(data_verbs - has_grammar):
            targeted = any(i.verb == verb and i.target for i in world.interactions)
            world.verbs[verb] = [verb] + ([f"{verb} {{thing}}"] if targeted else [])
        self.check_asks(world, has_grammar | data_verbs)


def load_world(folder: Path | str) -> World:
    """Read, validate and compile a world folder. Raises ContentError with every problem."""
    builder = Builder(Path(folder))
    try:
        return builder.build(builder.read())
    except ContentError:
        raise
    except Exception as exc:  # a bug in Kage: still an answer, never a traceback
        where = builder.current or files.shown(folder)
        raise ContentError(
            [
                *builder.problems,
                Problem(
                    where,
                    0,
                    f"{BUG}: {type(exc).__name__}: {exc}. Please report it, with this file.",
                ),
            ]
        ) from exc


def _call_by(place: Entity, called: list[str]) -> None:
    """The words of a place's other names name it too: the last word of each is a noun
    ("Old Genji's place" -> place), the others adjectives (old, genji's)."""
    for phrase in called:
        said = [w.lower() for w in phrase.split()]
        if said:
            place.nouns = place.nouns | {said[-1]}
            place.adjectives = place.adjectives | set(said[:-1])
