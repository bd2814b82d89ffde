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
   maps back to the very same action is listed.

Free slots are filled with what the world declares, so the list is finite and means
something:

- topic: the topics of the person (or thing) the line names, or, when it names nobody,
  of everyone in scope who has topics, each by its title (or id), if its condition holds
  now (one command per topic: other words for it are the same question); and the
  phrases an extension declares for the action with a ``phrases`` hook
  (kage.systems.registry: training programmes, techniques, sort keys, people to find);
- text: only the phrases an extension declares with a ``phrases`` hook (speech is free:
  the world's own speeches, "say i'm lost", are lines of words and are listed as such);
- number with a unit (durations): DURATIONS (10 to 50 minutes, 1 to 12 hours, 1 to 3
  days, 1 to 4 weeks); a number alone (a count, a price): COUNTS, and the numbers an
  extension declares with a ``numbers`` hook (prices worth asking in a haggle). Numbers
  the action's bounds do not take are refused by the checks or the parser's bounds.
  Other numbers are not listed: "wait 37 minutes" is understood and allowed but is not
  in the list, while "wait 40 minutes" is.

Lines that name a way by its words ("go through the gate", "leave the shop", "head
toward the mine") are filled with the words of the ways out of here (their names, their
doors', the places they lead to); most make the same actions as the direction lines and
are listed as those. "Yes" and "no" are listed while a person's question is pending, as
the actions they stand for. Meta commands (save, undo, quit ...) are the session's, not actions, and
are never listed.

Step 2 follows the player's conventions for implicit actions: an action the checks refuse
only with a `Needs` ("You aren't holding the lamp", fixed by taking it) is performed as
`pipeline.perform` would, on a twin of the game (its reads noted as the trial's): the fix
first, then the checks again, and listed if they let it go ("put lamp in box" while the
lamp lies on the floor). A twin is made once per state and fix, for every action that
needs the same fix.

Everything worked out is kept, each piece (what is in scope and the candidates made from
it; each action's checks; each command's parse; each action's command) with the state
keys it read (kage.agents.tracking) and what they saw. A game keeps the pieces current in
its state: at the next call the state is compared with the last one, and only the pieces
that read a key that changed are worked out again. Every piece worked out also goes into
the world's pool, shared by every game of the world (an agent's next episode, another
environment of a vector, the solver's next state): a piece dropped, or never worked out by
this game, is taken up from the pool when its reads see what they saw (a few results per
piece and place of the player, the reads that change most often compared first). A whole
list is also kept by the player's place and what every piece of it read. So a call in a
state like the last costs a comparison of states, and a state any game of the world has
been in costs a comparison per piece.
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kage.actions.pipeline import Action, Instead, Needs, perform, refusal
from kage.agents import tracking
from kage.agents.tracking import ReadKey
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
from kage.world.state import State

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
    # each part's words in the order the pattern gives them ("rub|shine|polish")
    words: tuple[tuple[str, ...], ...] = ()

    @property
    def action(self) -> str:
        return self.line.action


@dataclass(slots=True)
class Admitted:
    command: str
    action: Action


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
            alternatives = tuple(
                (part,) if part.startswith("{") else tuple(part.lower().split("|"))
                for part in line.pattern.split()
            )
            lines.append(Template(line, order, parts, slots, alternatives))
    lines.sort(key=lambda t: t.order)
    hooks: dict[tuple[str, str], list[Any]] = {}
    for module in game.engine.modules:
        for kind, name, func in marked(module):
            if kind in (PHRASES, NUMBERS):
                hooks.setdefault((kind, name), []).append(func)
    conversing = frozenset(
        t.action for t in lines if {"topic", "text"}.intersection(t.slots) and "person" in t.slots
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


NAMINGS = 3  # ways of naming one entity that fit nothing else, tried in turn


def names(game: Game, scope: list[str]) -> dict[str, list[str]]:
    """Entity -> the words to name it by: the first few that fit nothing else in `scope`; or,
    when every way of naming it fits something else too, the fullest few (the parser's
    preferences may still pick it out, which the rendering checks)."""
    lex = game.lexicon.names
    named: dict[str, list[str]] = {}
    for entity in scope:
        others = [lex[o].words for o in scope if o != entity and o in lex]
        phrases = list(_phrases(game, entity))
        # a few ways, shortest first: where the first reads as something else in some line
        # ("look through door" is looking that way), another noun may not ("... doorway")
        unique = [p for p in phrases if not any(_fits(w, p) for w in others)][:NAMINGS]
        if unique:
            named[entity] = [" ".join(p) for p in unique]
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
    """The commands that say this filling of the template: its first words first, then
    its other words for the same (where another line of the world takes the first: "rub"
    may be the world's polishing), each entity by every name it may need (a few at most)."""
    values = iter(filling)
    options: list[list[str]] = []
    for i, part in enumerate(template.parts):
        if not part.startswith("{"):
            options.append(list(template.words[i]) if template.words else [part])
            continue
        slot, value = next(values)
        if slot in THING_SLOTS:
            options.append(things[value])
        elif slot == "place":
            options.append(places[value])
        else:
            options.append([str(value)])
    for said in itertools.islice(itertools.product(*options), MAX_SAYINGS):
        yield " ".join(said)


MAX_SAYINGS = 24  # ways of saying one filling of one line that are tried


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
    saved = _save(game)
    try:
        return trial if refusal(game, trial) is None else None
    finally:
        _restore(game, saved)


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


# what trying an action or a parse may touch, put back afterwards (read and written
# beneath the stand-ins of kage.agents.tracking, so that putting back is not a reading)
_PUT_BACK = ("pronouns", "question", "records")


def _save(game: Game) -> tuple[Any, ...]:
    state = game.state
    fields = [object.__getattribute__(state, name) for name in _PUT_BACK]
    return (
        object.__getattribute__(state, "rng"),
        [(f, dict(dict.items(f))) for f in fields],
        game.props_revision,
        game.mark(),
        len(game.vague),
    )


def _restore(game: Game, saved: tuple[Any, ...]) -> None:
    state = game.state
    rng, fields, revision, mark, vague = saved
    object.__setattr__(state, "rng", rng)
    for name, (original, content) in zip(_PUT_BACK, fields, strict=True):
        dict.clear(original)
        dict.update(original, content)
        object.__setattr__(state, name, original)
    game.props_revision = revision
    game.said_since(mark)
    del game.vague[vague:]


def _trial(action: Action) -> Action:
    """A copy of `action` to ask the checks about (as `pipeline.applies` makes one)."""
    return Action(
        action.name,
        action.noun,
        action.second,
        action.text,
        action.number,
        action.direction,
        action.actor,
        action.minutes,
        dict(action.data),
        action.several,
        True,
    )


Fixed = dict[tuple[str, ...], tuple[Any, frozenset[ReadKey]]]  # see `_fixed`


def _allowed(game: Game, action: Action, fixed: Fixed) -> bool:
    """Whether the checks let the action go, leaving nothing behind (as the parser asks),
    or let it go once the implicit actions its refusals name are done (see `_fixed`)."""
    action.actor = game.world.player
    refused = _refused(game, action)
    if refused is None or isinstance(refused, Instead):
        return True
    if not isinstance(refused, Needs) or action.several:
        return False
    return _fixed(game, action, refused, fixed)


def _refused(game: Game, action: Action) -> str | None:
    """What the first refusing rule says of a trial of `action` (None: nothing refuses),
    with its words left unfilled and nothing left behind."""
    saved = _save(game)
    game.dry += 1  # whether a rule says something matters, not its words
    try:
        refused = refusal(game, _trial(action))
    finally:
        game.dry -= 1
        _restore(game, saved)
    return None if refused is None else refused[1]


def _fixed(game: Game, action: Action, said: Needs, fixed: Fixed) -> bool:
    """Whether the action passes once the implicit actions its refusals name are
    performed, as `pipeline.perform` performs them for the player ("(first taking off
    the cloak)"). They are performed on a twin of the game, watched, whose reads are this
    trial's; a twin is kept in `fixed` (for this state) by the fixes done on it, for every
    action that needs the same ("put the lamp in the box", "... on the shelf")."""
    done: tuple[str, ...] = ()
    while True:
        fix = copy(said.fix)
        if fix.describe() in done:
            return False
        fix.actor = action.actor
        twin = _twin(game, fixed, done, fix)
        done = (*done, fix.describe())
        if twin is None:
            return False
        refused = _refused(twin, action)
        if refused is None or isinstance(refused, Instead):
            return True
        if not isinstance(refused, Needs):
            return False
        said = refused


def _twin(game: Game, fixed: Fixed, done: tuple[str, ...], fix: Action) -> Game | None:
    """The twin of the game after the fixes `done` and then `fix` (None if one of them
    is not done), made once for this state; what making it read is read again."""
    from kage.game import Game

    made = (*done, fix.describe())
    found = fixed.get(made)
    if found is None:
        source = fixed[done][0] if done else game
        reading = tracking.Reads.pause()  # copied beneath the stand-ins: no reading
        try:
            state = source.state.copy()
        finally:
            tracking.Reads.resume(reading)
        twin = Game(game.world, seed=game.seed, state=state)
        tracking.watching(twin).__enter__()  # for good: the twin is thrown away
        tracking.Reads.start()
        ok = perform(twin, fix, 1).done
        reads = tracking.Reads.stop()
        if done:
            reads |= fixed[done][1]
        found = fixed[made] = (twin if ok else None, reads)
        return found[0]
    current = tracking.Reads.current
    if current is not None:
        current |= found[1]
    return found[0]  # type: ignore[no-any-return]


def _parsed(game: Game, command: str) -> Key | None:
    """The one action the parser makes of `command` now, or None (several, a question,
    a failure). Nothing the parse notes is left behind."""
    from kage.parser.parser import parse

    saved = _save(game)
    state = game.state
    # the commands listed name everything by its words, never by a pronoun, so what the
    # pronouns mean does not decide their parse: the parser's noting of what was named
    # ("it" is now the desk) is done on a plain copy, not read as a dependency
    watched = object.__getattribute__(state, "pronouns")
    object.__setattr__(state, "pronouns", dict(dict.items(watched)))
    try:
        result = parse(game, command)
    finally:
        object.__setattr__(state, "pronouns", watched)
        _restore(game, saved)
    if result.error or len(result.actions) != 1:
        return None
    return key(result.actions[0])


@dataclass(slots=True)
class _Frame:
    """What is in scope and every candidate action made from it."""

    named: dict[str, list[str]]
    named_places: dict[str, list[str]]
    # each distinct action, with the lines and fillings that make it
    candidates: dict[Key, tuple[Action, list[tuple[list[Template], list[tuple[str, Any]]]]]]


def _frame(game: Game) -> _Frame:
    from kage.parser import nouns

    scope = list(dict.fromkeys(nouns.scope(game, "thing")))
    places = list(dict.fromkeys(nouns.scope(game, "place")))
    named = names(game, scope)
    named_places = names(game, places)
    things = [e for e in scope if e in named]
    places = [p for p in places if p in named_places]
    candidates: dict[Key, tuple[Action, list[tuple[list[Template], list[tuple[str, Any]]]]]] = {}
    for k, action in _answers(game):
        candidates[k] = (action, [([ANSWERING], [("answer", action.data["said"])])])
    for group in templates(game).groups:
        for filling in _fillings(game, group[0], things, places, scope):
            action = build(game, group[0], filling)
            if action is None:
                continue
            k = key(action)
            found = candidates.get(k)
            if found is None:
                candidates[k] = (action, [(group, filling)])
            else:
                found[1].append((group, filling))
    return _Frame(named, named_places, candidates)


Memo = tuple[str, Any]  # ("frame", None), ("check", key), ("parse", (key, command)) ...


@dataclass(slots=True)
class _Entry:
    value: Any
    reads: frozenset[ReadKey]
    seen: dict[ReadKey, Any] | None  # what the reads saw, to know it again; None: can't


@dataclass(slots=True)
class _Pool:
    """What every game of one world has worked out, each result with what its reads saw,
    so that any game in a state where they see the same takes it up (an agent's next
    episode, another environment of a vector, the solver's next state)."""

    # each piece's results by where the player was when they were worked out (the read
    # that changes most often: no result of another place is looked at), NOWHERE for
    # those that did not read it
    alternatives: dict[Memo, dict[Any, list[_Entry]]] = field(default_factory=dict)
    # whole lists by the player's place: (what every read saw, the list)
    lists: dict[str, list[tuple[dict[ReadKey, Any], list[Admitted]]]] = field(default_factory=dict)
    changes: dict[ReadKey, int] = field(default_factory=dict)  # how often each key changed
    added: int = 0  # results added since the pool was last emptied (its bound)

    def changed(self, changes: set[ReadKey]) -> None:
        counts = self.changes
        for change in changes:
            counts[change] = counts.get(change, 0) + 1

    def ordered(self, seen: dict[ReadKey, Any]) -> dict[ReadKey, Any]:
        """`seen` with the reads that change most often first."""
        changes = self.changes
        return dict(sorted(seen.items(), key=lambda read: -changes.get(read[0], 0)))

    def find(self, game: Game, memo: Memo) -> _Entry | None:
        """A result of `memo` whose reads see now what they saw (moved to the front)."""
        places = self.alternatives.get(memo)
        if not places:
            return None
        where = _where(game)
        for found in (places.get(tracking.value(game, where)), places.get(NOWHERE)):
            for i, entry in enumerate(found or ()):
                if tracking.unchanged(game, entry.seen):  # type: ignore[arg-type]
                    if i:
                        found.insert(0, found.pop(i))  # type: ignore[union-attr]
                    return entry
        return None

    def add(self, game: Game, memo: Memo, entry: _Entry) -> None:
        seen: dict[ReadKey, Any] = entry.seen  # type: ignore[assignment]
        # the reads that change most often first: another situation's result is told
        # apart at its first read or so
        entry.seen = self.ordered(seen)
        place = seen.get(_where(game), NOWHERE)
        found = self.alternatives.setdefault(memo, {}).setdefault(place, [])
        found.insert(0, entry)
        del found[ALTERNATIVES:]
        self.added += 1
        if self.added > POOL_SIZE:
            # a long search has made too many: start afresh. Results added, not results
            # held, are counted (those pushed out of a full place count too), so the
            # bound on memory is safe and the count costs nothing.
            self.alternatives.clear()
            self.lists.clear()
            self.added = 0


NOWHERE = object()


def _where(game: Game) -> ReadKey:
    return ("holder", game.world.player)


ALTERNATIVES = 32  # results kept for one piece in one place (a check in 32 situations)
POOL_SIZE = 40_000  # results kept for one world (each with what its reads saw: a few KiB)


def _pool(game: Game) -> _Pool:
    found = game.world.runtime.get(POOL_KEY)
    if found is None:
        found = game.world.runtime[POOL_KEY] = _Pool()
    return found  # type: ignore[no-any-return]


POOL_KEY = "admissible.pool"


@dataclass(slots=True)
class _Kept:
    """What one game keeps between calls: the results current in its state, each with
    the state keys it read, so a result is used again while those keys have not changed;
    results worked out before (by this game or another of the world) are taken back up
    from the pool when the keys come back to what they saw (the player returns to a room,
    an agent resets)."""

    pool: _Pool
    before: State | None = None  # the state as it was when the results were checked
    result: list[Admitted] | None = None
    # what the result read, when it was taken from `lists`; None: worked out from `memo`
    read: frozenset[ReadKey] | None = None
    rows: dict[Key, tuple[Admitted, Key | None] | None] = field(default_factory=dict)
    rows_frame: Any = None  # the frame the rows were made from
    dirty: set[Key] = field(default_factory=set)  # rows whose results were dropped
    memo: dict[Memo, _Entry] = field(default_factory=dict)
    readers: dict[ReadKey, set[Memo]] = field(default_factory=dict)

    def note(self, memo: Memo, reads: frozenset[ReadKey]) -> None:
        for read in reads:
            self.readers.setdefault(read, set()).add(memo)

    def forget(self, changes: set[ReadKey]) -> None:
        """Drop what read any key that changed (the pool keeps it, to take back up if
        the keys come back to what it saw)."""
        for change in changes:
            for memo in self.readers.pop(change, ()):
                entry = self.memo.pop(memo, None)
                if entry is not None and memo[0] in ("check", "meaning", "say"):
                    self.dirty.add(memo[1])
        if len(self.readers) > 100_000:
            self.readers.clear()  # readers of results long gone: start afresh
            self.memo.clear()
            self.rows_frame = None

    def get(self, game: Game, memo: Memo, work: Any) -> Any:
        """The kept value of `memo`, or `work()` worked out now and kept."""
        entry = self.memo.get(memo)
        if entry is None:
            entry = self.pool.find(game, memo)
            if entry is not None:
                self.memo[memo] = entry
                self.note(memo, entry.reads)
            else:
                tracking.Reads.start()
                result = work()
                reads = tracking.Reads.stop()
                entry = _Entry(result, reads, tracking.values(game, reads))
                self.memo[memo] = entry
                self.note(memo, entry.reads)
                if entry.seen is not None:
                    self.pool.add(game, memo, entry)
                return result
        current = tracking.Reads.current
        if current is not None:
            current |= entry.reads  # an enclosing record read all this too
        return entry.value


_KEPT: weakref.WeakKeyDictionary[Game, _Kept] = weakref.WeakKeyDictionary()
KEPT_LISTS = 64  # whole lists kept per place (a list's reads: most changing first)


def admissible(game: Game) -> list[Admitted]:
    """The admissible commands with the actions they stand for, sorted by command. The
    actions are shared with later calls: copy one (`copy`) before performing it."""
    kept = _KEPT.get(game)
    if kept is None:
        kept = _KEPT[game] = _Kept(_pool(game))
    return _admissible(game, kept)


def worked_out_afresh(game: Game) -> list[Admitted]:
    """The list worked out from nothing kept (what `admissible` must give: for tests)."""
    return _admissible(game, _Kept(_Pool()))


def _admissible(game: Game, kept: _Kept) -> list[Admitted]:
    if kept.before is not None:
        changes = tracking.changed(kept.before, game)
        kept.forget(changes)
        kept.pool.changed(changes)
        if (
            kept.result is not None
            and ("state", "done") not in changes
            and (
                changes.isdisjoint(kept.read)
                if kept.read is not None
                else ("frame", None) in kept.memo
                and kept.dirty.isdisjoint(kept.rows_frame.candidates)
            )
        ):
            kept.before = game.state.copy()
            return kept.result
    kept.before = game.state.copy()
    if game.state.done:
        kept.result, kept.read = [], frozenset({("state", "done")})
        return []
    here = query.here(game)
    for seen, listed in kept.pool.lists.get(here, ()):
        if tracking.unchanged(game, seen):
            kept.result, kept.read = listed, frozenset(seen)
            return listed
    with tracking.watching(game):
        listed, afresh = _work_out(game, kept)
        # kept whole when what is in scope was worked out anew (gathering and ordering
        # every read of the list costs more than most calls save)
        seen = _seen_by_all(game, kept) if afresh else None
    if seen is not None:
        seen = kept.pool.ordered(seen)
        lists = kept.pool.lists.setdefault(here, [])
        lists.insert(0, (seen, listed))
        del lists[KEPT_LISTS:]
    kept.result, kept.read = listed, None
    return listed


def _seen_by_all(game: Game, kept: _Kept) -> dict[ReadKey, Any] | None:
    """What every read of the kept results saw (to know the whole list again)."""
    # each kept result is current, so what its reads saw is what they see now: the
    # list's reads saw what the results' reads saw, all together
    memo = kept.memo
    seen: dict[ReadKey, Any] = {}
    for k in (None, *kept.rows_frame.candidates):
        for kind in ("check", "meaning", "say") if k is not None else ("frame",):
            entry = memo.get((kind, k))
            if entry is None:
                continue
            if entry.seen is None:
                return None
            seen.update(entry.seen)
    done = ("state", "done")
    seen[done] = tracking.value(game, done)
    return seen


def _work_out(game: Game, kept: _Kept) -> tuple[list[Admitted], bool]:
    """The list, working out again only the rows whose results were dropped; and
    whether the frame (what is in scope) was worked out anew."""
    frame: _Frame = kept.get(game, ("frame", None), lambda: _frame(game))
    afresh = frame is not kept.rows_frame
    kept.rows_frame = frame
    # a row lasts while what it was worked out from lasts, whatever frame it was made in
    dirty, rows = kept.dirty, kept.rows
    todo = [k for k in frame.candidates if k in dirty or k not in rows]
    fixed: Fixed = {}  # games after implicit actions, in this state
    for k in todo:
        dirty.discard(k)
        action, ways = frame.candidates[k]
        allowed = kept.get(game, ("check", k), lambda a=action: _allowed(game, a, fixed))
        if not allowed:
            rows[k] = None
            continue
        m = None
        if action.text:  # two phrases for one choice ("search for kai", "... for the boy")
            m = kept.get(game, ("meaning", k), lambda a=action: meaning(game, a))
        command = kept.get(game, ("say", k), lambda k=k, w=ways: _say(game, kept, k, w, frame))
        rows[k] = None if command is None else (Admitted(command, action), m)
    result: list[Admitted] = []
    meant: set[Key] = set()
    for k in frame.candidates:
        row = rows.get(k)
        if row is None:
            continue
        if row[1] is not None:
            if row[1] in meant:
                continue
            meant.add(row[1])
        result.append(row[0])
    result.sort(key=lambda a: a.command)
    return result, afresh


def _say(
    game: Game,
    kept: _Kept,
    k: Key,
    ways: list[tuple[list[Template], list[tuple[str, Any]]]],
    frame: _Frame,
) -> str | None:
    """The first command, in the order the world declares its lines, that the parser
    maps back to this action (a text maps to one action only, so no two keys share it)."""
    current = tracking.Reads.current
    if current is not None:  # the names it tries are the frame's: what the frame read
        current |= kept.memo[("frame", None)].reads
    tried = [(t, filling) for group, filling in ways for t in group]
    for command in _commands(tried, frame.named, frame.named_places):
        if kept.get(game, ("parse", command), lambda c=command: _parsed(game, c)) == k:
            return command
    return None


def _commands(
    tried: list[tuple[Template, list[tuple[str, Any]]]],
    things: dict[str, list[str]],
    places: dict[str, list[str]],
) -> Iterator[str]:
    for template, filling in sorted(tried, key=lambda way: way[0].order):
        yield from render(template, filling, things, places)


def admissible_commands(game: Game) -> list[str]:
    """Every command the parser understands and the checks allow in this state, sorted
    and without repeats (see the module's docstring for how free slots are filled)."""
    return [a.command for a in admissible(game)]
