"""Admissible commands: every command the parser understands and the checks allow, now.

Generated, never listed by hand, from the world's own grammar and scope, the same way
for every world:

1. every grammar line of the world's lexicon (the world's phrasings, its extensions',
   the core's) is a template; its slots are filled from what is in scope now:
   things, people and held things from the parser's scope, places from the places the
   player knows, directions from the compass words, and the free slots as below;
2. each filling is built into the `Action` the parser would build from it (no text is
   parsed), and only the refusing rules run on it (`pipeline.applies`, on a trial copy,
   with the random state and the parser's notes put back): an action no rule refuses is
   admitted;
3. each admitted action is rendered as a command: the action's lines are tried in the
   order the world declares them (world, extensions, core), each noun named by the
   fewest of its words that fit nothing else in scope, and the first text the parser
   maps back to the very same action is listed. A text is parsed once per scope and kept.

Free slots are filled with what the world declares, so the list is finite and means
something:

- topic: the topics of the person (or thing) the line names, or, when it names nobody,
  of everyone in scope who has topics, each by its title (or id), if its condition holds
  now (one command per topic: other words for it are the same question); and the
  phrases an extension declares for the action with a ``topics`` hook (training
  programmes, sort keys);
- text: only the phrases an extension declares with a ``topics`` hook (speech is free:
  the world's own speeches, "say i'm lost", are lines of words and are listed as such);
- number with a unit (durations): DURATIONS (10 to 50 minutes, 1 to 12 hours, 1 to 3
  days, 1 to 4 weeks); a number alone (a count, a price): COUNTS. Numbers the action's
  bounds do not take are left out by the parser's own bounds.

Lines that name a way by its words ("go through the gate", "leave the shop", "head
toward the mine") are not generated: they make the same actions as the direction and
place lines. Meta commands (save, undo, quit ...) are the session's, not actions, and
are never listed.

The result is kept per game and used again while nothing it depends on has moved: the
state's props revision, its contents, the player's place, the clock, the turn, the
pending question, flags, money and records (see `_version`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kage.actions.pipeline import Action, applies, refusal
from kage.core.extension import marked
from kage.parser.grammar import ARTICLES, CORE, DIRECTIONS, Line, expand
from kage.parser.nouns import (
    ALL_WORDS,
    EXCEPT_WORDS,
    IGNORED,
    ORDINALS,
    POSSESSIVES,
    PRONOUN_WORDS,
    QUANTIFIERS,
)
from kage.parser.text import words
from kage.world import query
from kage.world.clock import unit_minutes

if TYPE_CHECKING:
    from kage.game import Game

# slots that name a way by words: the same actions come from direction and place lines
WAY_SLOTS = frozenset({"way", "here", "toward"})
THING_SLOTS = frozenset({"thing", "things", "held", "person"})
# (number, unit word) pairs tried for a duration
DURATIONS: tuple[tuple[int, str], ...] = (
    *((n, "minutes") for n in (10, 20, 30, 40, 50)),
    (1, "hour"),
    *((n, "hours") for n in (2, 3, 6, 12)),
    (1, "day"),
    *((n, "days") for n in (2, 3)),
    (1, "week"),
    *((n, "weeks") for n in (2, 3, 4)),
)
DURATION_MINUTES = frozenset(n * (unit_minutes(unit) or 1) for n, unit in DURATIONS)
COUNTS: tuple[int, ...] = (1, 2, 3, 5, 10)
UNITS: tuple[str, ...] = ("minute", "hour", "day", "week")
COMPASS: tuple[str, ...] = tuple(dict.fromkeys(DIRECTIONS.values()))
# words that are no good as the name of a thing in a command: the parser reads them as
# something else ("all", "it", "other", "the")
NOT_NAMES = (
    ALL_WORDS
    | EXCEPT_WORDS
    | IGNORED
    | QUANTIFIERS
    | ARTICLES
    | frozenset(PRONOUN_WORDS)
    | ORDINALS.keys()
    | POSSESSIVES.keys()
    | frozenset({"and", "me", "myself", "here", "from", "for"})
    | frozenset(DIRECTIONS)
)
PHRASES, NUMBERS = "phrases", "numbers"  # the hooks of kage.systems.registry
RUNTIME_KEY = "admissible"

Key = tuple[str, str | None, str | None, str, int, str]


def key(action: Action) -> Key:
    """What makes two actions the same action (what the player asked for, not how)."""
    return (
        action.name,
        action.noun,
        action.second,
        action.text,
        action.number,
        action.direction,
    )


@dataclass(frozen=True, slots=True)
class Template:
    """One grammar line, ready to fill: its words (the first of each alternative) and
    its slots."""

    line: Line
    order: int
    parts: tuple[str, ...]  # a word, or "{slot}"
    slots: tuple[str, ...]

    @property
    def action(self) -> str:
        return self.line.action


@dataclass(slots=True)
class Admitted:
    command: str
    action: Action


@dataclass(slots=True)
class _Kept:
    """What one game keeps between calls."""

    version: Any = None
    result: list[Admitted] = field(default_factory=list)
    parsed: dict[tuple[Any, str], Key | None] = field(default_factory=dict)
    parsed_scope: Any = None


@dataclass(slots=True)
class _Templates:
    lines: list[Template]
    hooks: dict[tuple[str, str], list[Any]]  # (kind, action) -> the functions marked so
    # actions with a line that names someone and a topic or words: said to a listener
    conversing: frozenset[str]
    # the lines by (action, slots): one set of candidates each, rendered by any of them
    groups: list[list[Template]] = field(default_factory=list)


def templates(game: Game) -> _Templates:
    """The world's grammar lines as templates, in the order the world declares them
    (kept with the world: every game of it shares them)."""
    found = game.world.runtime.get(RUNTIME_KEY)
    if found is not None:
        return found  # type: ignore[no-any-return]
    declared: dict[tuple[str, str], int] = {}
    money = "|".join(dict.fromkeys(game.world.currency))
    sources: list[tuple[str, Iterable[str]]] = [
        *game.world.verbs.items(),
        *game.engine.grammar,
        *CORE,
    ]
    # a line's rank: its pattern's place in the declarations, the fewest words of its
    # optional ones first ("wait here for 3 hours" before "wait around here for ...")
    for index, (action, pattern) in enumerate((a, p) for a, ps in sources for p in ps):
        for each in expand(pattern.replace("{currency}", money)):
            declared.setdefault((action, each), index * 100 + len(each.split()))
    seen: set[int] = set()
    lines: list[Template] = []
    for bucket in game.lexicon.lines.values():
        for line in bucket:
            if id(line) in seen:
                continue
            seen.add(id(line))
            slots = tuple(t.slot for t in line.tokens if t.words is None)
            parts = tuple(
                part if part.startswith("{") else part.split("|")[0].lower()
                for part in line.pattern.split()
            )
            order = declared.get((line.action, line.pattern), 10**9 + len(lines))
            lines.append(Template(line, order, parts, slots))
    lines.sort(key=lambda t: t.order)
    hooks: dict[tuple[str, str], list[Any]] = {}
    for module in game.engine.modules:
        for kind, name, func in marked(module):
            if kind in (PHRASES, NUMBERS):
                hooks.setdefault((kind, name), []).append(func)
    conversing = frozenset(
        t.action
        for t in lines
        if {"topic", "text"}.intersection(t.slots) and "person" in t.slots
    )
    grouped: dict[tuple[str, tuple[str, ...]], list[Template]] = {}
    for template in lines:
        grouped.setdefault((template.action, template.slots), []).append(template)
    found = _Templates(lines, hooks, conversing, list(grouped.values()))
    game.world.runtime[RUNTIME_KEY] = found
    return found


# -- naming what is in scope --------------------------------------------------------------
def _phrases(game: Game, entity: str) -> Iterator[tuple[str, ...]]:
    """Ways to name an entity, shortest first: a noun, an adjective and a noun, all its
    adjectives and a noun."""
    name = game.lexicon.names.get(entity)
    if name is None:
        return
    # the words of its printed name first, the last of them first ("lady tsunade")
    shown = words(game.world.entities[entity].name)
    rank = {w: i + 1 for i, w in enumerate(shown)}

    def order(ws: frozenset[str]) -> list[str]:
        usable = [w for w in ws if w not in NOT_NAMES and " " not in w]
        return sorted(usable, key=lambda w: (-rank.get(w, -1), w))

    nouns, adjectives = order(name.nouns), order(name.adjectives)
    for noun in nouns:
        yield (noun,)
    for noun in nouns:
        for adjective in adjectives:
            yield (adjective, noun)
    if len(adjectives) > 1:
        for noun in nouns:
            yield (*adjectives, noun)


def _fits(words: frozenset[str], phrase: tuple[str, ...]) -> bool:
    return all(w in words for w in phrase)


def names(game: Game, scope: list[str]) -> dict[str, list[str]]:
    """Entity -> the words to name it by: the first that fit nothing else in `scope`; or,
    when every way of naming it fits something else too, the fullest few (the parser's
    preferences may still pick it out, which the rendering checks)."""
    lex = game.lexicon.names
    named: dict[str, list[str]] = {}
    for entity in scope:
        others = [lex[o].words for o in scope if o != entity and o in lex]
        phrases = list(_phrases(game, entity))
        unique = next((p for p in phrases if not any(_fits(w, p) for w in others)), None)
        if unique is not None:
            named[entity] = [" ".join(unique)]
        elif phrases:
            fullest = sorted(phrases, key=len, reverse=True)[:3]
            named[entity] = [" ".join(p) for p in fullest]
    return named


# -- candidates ---------------------------------------------------------------------------
def _topics(game: Game, template: Template, noun: str | None, scope: list[str]) -> list[str]:
    """The phrases a topic or text slot is tried with (see the module's docstring)."""
    from kage.world.conditions import holds

    found: list[str] = []
    for hook in templates(game).hooks.get((PHRASES, template.action), ()):
        found.extend(hook(game))
    entities = game.world.entities
    if noun is not None:
        owners = [noun]  # a person's topics, a book's
    elif template.action in templates(game).conversing:
        owners = [e for e in scope if entities[e].topics]  # the listener goes without saying
    else:
        owners = []
    for owner in owners:
        for topic in entities[owner].topics:
            if holds(game, topic.when):
                found.append(topic.title or topic.id.replace("_", " "))
    return list(dict.fromkeys(p.lower() for p in found if p))


def _ways(game: Game, slot: str) -> list[str]:
    """Words that name a way out of here (its own names, its door's, the place it leads
    to), or for "here" the place itself."""
    here = query.here(game)
    lex = game.lexicon.names

    def noun(entity: str | None) -> list[str]:
        name = lex.get(entity) if entity else None
        usable = sorted(w for w in name.nouns if w not in NOT_NAMES) if name else []
        return usable[:1]

    if slot == "here":
        return noun(here)
    found: list[str] = []
    for way in query.ways_seen(game, here).values():
        found.extend(way.names)
        found.extend(noun(way.door))
        found.extend(noun(way.to))
    return list(dict.fromkeys(found))


def _fillings(
    game: Game, template: Template, things: list[str], places: list[str], scope: list[str]
) -> Iterator[list[tuple[str, Any]]]:
    """Every way to fill the template's slots: (slot, value) in the line's order. The
    free slots are filled last, as what they take depends on whom the line names."""
    slots = template.slots
    free = [i for i, s in enumerate(slots) if s in ("topic", "text")]

    def fill(i: int, sofar: list[tuple[str, Any]]) -> Iterator[list[tuple[str, Any]]]:
        if i == len(slots):
            yield sofar
            return
        slot = slots[i]
        if slot in THING_SLOTS:
            for entity in things:
                yield from fill(i + 1, [*sofar, (slot, entity)])
        elif slot == "place":
            for place in places:
                yield from fill(i + 1, [*sofar, (slot, place)])
        elif slot == "direction":
            for direction in COMPASS:
                yield from fill(i + 1, [*sofar, (slot, direction)])
        elif slot in WAY_SLOTS:
            for phrase in _ways(game, slot):
                yield from fill(i + 1, [*sofar, (slot, phrase)])
        elif slot == "number" and i + 1 < len(slots) and slots[i + 1] == "unit":
            for n, unit in DURATIONS:
                yield from fill(i + 2, [*sofar, ("number", n), ("unit", unit)])
        elif slot == "number":
            hooks = templates(game).hooks.get((NUMBERS, template.action), ())
            counts = dict.fromkeys((*COUNTS, *(n for hook in hooks for n in hook(game))))
            for n in counts:
                yield from fill(i + 1, [*sofar, (slot, n)])
        elif slot == "unit":
            for unit in UNITS:
                yield from fill(i + 1, [*sofar, (slot, unit)])
        else:
            yield from fill(i + 1, [*sofar, (slot, None)])

    for filled in fill(0, []):
        if not free:
            yield filled
            continue
        noun = next((v for s, v in filled if s in THING_SLOTS), None)
        for phrase in _topics(game, template, noun, scope):
            yield [(s, phrase if s in ("topic", "text") else v) for s, v in filled]


def build(game: Game, template: Template, filling: list[tuple[str, Any]]) -> Action | None:
    """The action the parser builds from this line with these slots filled (as
    parser._set_values and parser._actions do), or None if a way named is none."""
    from kage.parser.parser import _set_value

    action = Action(template.action)
    objects: list[str] = []
    people: list[str] = []
    number: int | None = None
    for slot, value in filling:
        if slot == "person":
            people.append(value)
        elif slot == "place":
            action.noun = value
        elif slot in ("thing", "things", "held"):
            objects.append(value)
        elif slot == "direction":
            action.direction = value
        elif slot in WAY_SLOTS:
            if _set_value(game, action, slot, words(value)) is not None:
                return None
        elif slot in ("topic", "text"):
            action.text = value
        elif slot == "unit":
            action.number = unit_minutes(value) or 1
            action.data["unit"] = True
        elif slot == "number":
            number = value
    if number is not None:
        action.number = number * (action.number if action.data.get("unit") else 1)
    if not objects:
        if people:
            action.noun = people[0]
        return action
    action.second = objects[1] if len(objects) > 1 else (people[0] if people else None)
    action.noun = objects[0]
    return action


def _answers(game: Game) -> list[tuple[Key, Action]]:
    """The actions "yes" and "no" stand for while a person's question is pending (as
    kage.actions.pending makes them)."""
    from kage.actions import pending

    asked = pending.current(game)
    if asked is None:
        return []
    found = []
    for side in ("yes", "no"):
        said = asked.get(side)
        do = (said or {}).get("do")
        if do:
            action = Action(do[0], do[1])
        else:
            action = Action(pending.ANSWER, str(asked["who"]))
            action.data = {"side": side, "answer": said or {}}
        action.data["said"] = side
        found.append((key(action), action))
    return found


# the template of an answer to a pending question: the word itself
ANSWERING = Template(Line("answer", (), "{answer}"), -1, ("{answer}",), ("answer",))


def render(
    template: Template,
    filling: list[tuple[str, Any]],
    things: dict[str, list[str]],
    places: dict[str, list[str]],
) -> Iterator[str]:
    """The commands that say this filling of the template (one for each way of naming
    an entity the parser may need to be shown)."""
    texts = [""]
    values = iter(filling)
    for part in template.parts:
        if not part.startswith("{"):
            texts = [f"{t} {part}" for t in texts]
            continue
        slot, value = next(values)
        if slot in THING_SLOTS:
            said = things[value]
        elif slot == "place":
            said = places[value]
        else:
            said = [str(value)]
        texts = [f"{t} {s}" for t in texts for s in said]
    for text in texts:
        yield text.strip()


def meaning(game: Game, action: Action) -> Key:
    """What an action asks for, as two commands that mean the same compare: `key`, with
    the words of a question replaced by the topic they pick ("ask her about the vote" and
    "ask tsunade about vote" are one question)."""
    from kage.actions.talking import pick_topic

    found = key(action)
    if not action.text:
        return found
    settled = _settled(game, action)
    noun = action.noun
    if action.name in templates(game).conversing or (noun and game.world.entities[noun].topics):
        listener = noun or (settled.noun if settled is not None else None)
        if listener is not None and game.world.entities[listener].topics:
            topic = pick_topic(game, listener, action.text, action.name)
            if topic is not None:
                return (*found[:3], "topic:" + topic.id, *found[4:])  # type: ignore[return-value]
        return found  # words that are no topic of the listener's
    if settled is None:
        return found
    chose = sorted(
        (k, v)
        for k, v in settled.data.items()
        if k not in action.data and isinstance(v, (str, int))
    )
    if settled.noun != action.noun or chose:
        said = f"settled:{settled.noun}:{chose}"
        return (*found[:3], said, *found[4:])  # type: ignore[return-value]
    return found


def _settled(game: Game, action: Action) -> Action | None:
    """The action as the refusing rules leave it when none refuses (a name read as the
    person it names, a technique's words as the technique), or None if one refuses."""
    trial = copy(action)
    trial.trial = True
    trial.actor = game.world.player
    state = game.state
    saved = (state.rng, dict(state.pronouns), state.question, game.props_revision)
    mark, vague = game.mark(), len(game.vague)
    try:
        return trial if refusal(game, trial) is None else None
    finally:
        state.rng, state.pronouns, state.question, game.props_revision = saved
        game.said_since(mark)
        del game.vague[vague:]


def copy(action: Action) -> Action:
    """A fresh copy of an action as the parser made it, to try without changing it."""
    return Action(
        action.name,
        action.noun,
        action.second,
        action.text,
        action.number,
        action.direction,
        data=dict(action.data),
        several=action.several,
    )


def _allowed(game: Game, action: Action) -> bool:
    """Whether the checks let the action go, leaving nothing behind (as the parser asks)."""
    action.actor = game.world.player
    state = game.state
    saved = (state.rng, dict(state.pronouns), state.question, game.props_revision)
    mark, vague = game.mark(), len(game.vague)
    try:
        return applies(game, action)
    finally:
        state.rng, state.pronouns, state.question, game.props_revision = saved
        game.said_since(mark)
        del game.vague[vague:]


def _parsed(game: Game, command: str) -> Key | None:
    """The one action the parser makes of `command` now, or None (several, a question,
    a failure). Nothing the parse notes is left behind."""
    from kage.parser.parser import parse

    state = game.state
    saved = (state.rng, dict(state.pronouns), state.question, dict(state.records))
    try:
        result = parse(game, command)
    finally:
        state.rng, state.pronouns, state.question = saved[:3]
        state.records = saved[3]
    if result.error or len(result.actions) != 1:
        return None
    return key(result.actions[0])


def _version(game: Game) -> Any:
    state = game.state
    return (
        game.props_revision,
        state.turn,
        state.minutes,
        query.here(game),
        tuple(state.holder.items()),
        tuple(sorted(state.flags.items(), key=str)),
        tuple(sorted(state.money.items())),
        repr(state.records),
        repr(state.question),
        state.done,
    )


def _commands(
    tried: list[tuple[Template, list[tuple[str, Any]]]],
    things: dict[str, list[str]],
    places: dict[str, list[str]],
) -> Iterator[str]:
    for template, filling in sorted(tried, key=lambda way: way[0].order):
        yield from render(template, filling, things, places)


def admissible(game: Game) -> list[Admitted]:
    """The admissible commands with the actions they stand for, sorted by command."""
    kept: _Kept | None = game.kept.get(RUNTIME_KEY)
    if kept is None:
        kept = _Kept()
        game.kept[RUNTIME_KEY] = kept
    version = _version(game)
    if kept.version == version:
        return kept.result
    if game.state.done:
        kept.version, kept.result = version, []
        return []
    from kage.parser import nouns

    scope = list(dict.fromkeys(nouns.scope(game, "thing")))
    places = list(dict.fromkeys(nouns.scope(game, "place")))
    named = names(game, scope)
    named_places = names(game, places)
    things = [e for e in scope if e in named]
    places = [p for p in places if p in named_places]
    parse_scope = (tuple(scope), tuple(places), repr(game.state.records.get("asked")))
    if kept.parsed_scope != parse_scope:
        kept.parsed, kept.parsed_scope = {}, parse_scope

    admitted: dict[Key, Action] = {}
    ways: dict[Key, list[tuple[list[Template], list[tuple[str, Any]]]]] = {}
    refused: set[Key] = set()
    for group in templates(game).groups:
        for filling in _fillings(game, group[0], things, places, scope):
            action = build(game, group[0], filling)
            if action is None:
                continue
            k = key(action)
            if k in refused:
                continue
            if k not in admitted:
                if not _allowed(game, action):
                    refused.add(k)
                    continue
                admitted[k] = action
            ways.setdefault(k, []).append((group, filling))

    for k, action in _answers(game):
        if k not in admitted and k not in refused and _allowed(game, action):
            admitted[k] = action
        if k in admitted:
            ways.setdefault(k, []).insert(0, ([ANSWERING], [("answer", action.data["said"])]))

    result: dict[str, Admitted] = {}
    meant: set[Key] = set()
    for k, action in admitted.items():
        if action.text:  # two phrases for one choice ("search for kai", "... for the boy")
            m = meaning(game, action)
            if m in meant:
                continue
            meant.add(m)
        tried = [(t, filling) for group, filling in ways[k] for t in group]
        for command in _commands(tried, named, named_places):
            if command in result:
                continue
            cached = kept.parsed.get((k, command), False)
            if cached is False:
                cached = _parsed(game, command)
                kept.parsed[(k, command)] = cached
            if cached == k:
                result[command] = Admitted(command, action)
                break
    listed = sorted(result.values(), key=lambda a: a.command)
    kept.version, kept.result = version, listed
    return listed


def admissible_commands(game: Game) -> list[str]:
    """Every command the parser understands and the checks allow in this state, sorted
    and without repeats (see the module's docstring for how free slots are filled)."""
    return [a.command for a in admissible(game)]
