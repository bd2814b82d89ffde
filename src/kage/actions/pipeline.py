"""One turn, one pipeline: before -> instead -> check -> carry out -> after -> report.

Modelled on Inform 7's action rulebooks. A rule is a function of (game, action). In the
refusing phases (before, instead, check) a rule returns a sentence to stop the action
with that sentence as its reason; `None` lets it go on. Carry-out rules change the world
(through `world.ops`) and set `action.minutes`. After rules may return text and stop the
standard report; report rules return the text the player reads.

Check rules must not change the world: `applies` runs them alone to ask whether an
action would be allowed, which is how admissible commands are listed. It marks the action
as a `trial`, so a rule that does change the world when it refuses (a world's data rule:
"in the dark, anything but going north disturbs the message") does so only when the
action is really tried. While it asks, the game is `dry`: a refusal's words are not
filled in (only whether a rule says something matters).

A refusing rule may also do something in the action's place (a world's data rule in the
instead phase with effects: "reading the message" marks it read and ends the story). Its
words come as `Instead`: the action is stopped there, yet counts as having happened, so
`applies` allows it and `perform` reports it done.

Every rule has a name (its function's) and an origin ("core", an extension's name), and is
placed by name, as Inform places rules: ``@rule("carry_out", "go", after="travelling")``.
Integer `order` is the older, coarser way and still sorts rules that name no neighbour.
Activities (the turn sequence, moving) are rulebooks too: phase ACTIVITY, named by the
activity ("turn", "moved").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import TYPE_CHECKING, Any

from kage.world.numbers import Bounds

if TYPE_CHECKING:
    from kage.game import Game

# what an action takes when it declares no bounds: a count, as "0" usually means "none said"
ANY_COUNT = Bounds(1, 1_000_000, "That needs a number above zero.", "That number is too large.")
PHASES = ("before", "instead", "check", "carry_out", "after", "report")
REFUSING = ("before", "instead", "check")
ACTIVITY = "activity"  # the phase of an activity's rulebook: rules(ACTIVITY, "moved")
TURN = "turn"  # the activity after every action that took time: the turn sequence
MOVED = "moved"  # the activity after the player arrives in another place, however moved


@dataclass(slots=True)
class Action:
    name: str
    noun: str | None = None
    second: str | None = None
    text: str = ""  # free words: a topic, something said, a place name
    number: int = 0
    direction: str = ""
    actor: str = ""
    minutes: int = 1
    data: dict[str, Any] = field(default_factory=dict)  # carry-out -> report notes
    several: bool = False  # one of many ("take all"): reports name the thing
    trial: bool = False  # only asked whether it would be allowed: rules must not act or speak

    def describe(self) -> str:
        bits = [self.name]
        for part in (self.noun, self.second, self.direction, self.text):
            if part:
                bits.append(str(part))
        return " ".join(bits)


Rule = Callable[["Game", Action], Any]
Names = str | Iterable[str]


def _names(value: Names) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _phase(phase: str) -> None:
    if phase not in PHASES and phase != ACTIVITY:
        raise ValueError(f"no phase '{phase}'")


@dataclass(slots=True, eq=False)  # the same rule may stand twice: entries are compared by identity
class Entry:
    order: int
    name: str
    func: Rule
    source: str = ""  # the module (or world file) that declared the rule, for `kage rules`
    origin: str = ""  # "core", an extension's name, or "world"
    before: tuple[str, ...] = ()  # names of rules this one must run before
    after: tuple[str, ...] = ()  # ... and after
    seq: int = 0  # when it was added: the last tie-break

    @property
    def qualified(self) -> str:
        return f"{self.origin}.{self.name}" if self.origin else self.name

    def called(self, ref: str) -> bool:
        """Whether `ref` names this rule: "travelling" or "core.travelling"."""
        return ref == self.name or ref == self.qualified


@dataclass(frozen=True, slots=True)
class Declared:
    """A rule as its module declares it, before any world's rulebooks take it in."""

    phase: str
    actions: tuple[str, ...]
    order: int
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    name: str = ""  # the rule's name when it is not the function's


def rule(
    phase: str,
    *actions: str,
    order: int = 50,
    before: Names = (),
    after: Names = (),
    name: str = "",
) -> Callable[[Rule], Rule]:
    """Mark a module-level function as a rule for `actions` in `phase`, placed `before`
    or `after` the rules so named (a name that no rule in the book has is ignored, so an
    extension can place itself relative to another the world may not use).

    Nothing is registered here: `Rulebooks.install_module` reads the mark when a world's
    rulebooks are assembled, so a module that no world uses costs nothing and every rule
    stays a plain function that can be listed, replaced and tested on its own."""
    _phase(phase)

    def mark(func: Rule) -> Rule:
        marks: list[Declared] = list(getattr(func, "__kage_rules__", ()))
        marks.append(Declared(phase, actions, order, _names(before), _names(after), name))
        func.__kage_rules__ = marks  # type: ignore[attr-defined]
        return func

    return mark


def placed(entries: list[Entry]) -> tuple[Entry, ...]:
    """The entries in running order, as Inform lists rules: those that name no neighbour
    by `order` (ties kept in the order given); then each that does, put immediately after
    the last rule it must follow, or else immediately before the first it must precede
    (a rule is put after the rules it names). ValueError if the names ask for a circle."""
    base = sorted(entries, key=lambda e: e.order)
    moving = [e for e in base if e.before or e.after]
    if not moving:
        return tuple(base)
    result = [e for e in base if not (e.before or e.after)]

    def targets(entry: Entry, refs: tuple[str, ...]) -> list[Entry]:
        return [e for e in base if e is not entry and any(e.called(r) for r in refs)]

    for entry in _anchors_first(moving, targets):
        after = [result.index(e) for e in targets(entry, entry.after) if e in result]
        before = [result.index(e) for e in targets(entry, entry.before) if e in result]
        low = max(after) + 1 if after else None
        high = min(before) if before else None
        if low is not None and high is not None and low > high:
            raise ValueError(f"rule '{entry.qualified}' cannot be both where its names say")
        result.insert(low if low is not None else high if high is not None else len(result), entry)
    for i, entry in enumerate(result):
        for other in targets(entry, entry.after):
            if result.index(other) > i:
                raise ValueError(f"rules placed in a circle: {entry.qualified}, {other.qualified}")
        for other in targets(entry, entry.before):
            if result.index(other) < i:
                raise ValueError(f"rules placed in a circle: {entry.qualified}, {other.qualified}")
    return tuple(result)


def _anchors_first(
    moving: list[Entry], targets: Callable[[Entry, tuple[str, ...]], list[Entry]]
) -> list[Entry]:
    """The placed rules, each after the placed rules it names (in the order given where
    names do not decide; a circle is left for the caller's check to find)."""
    done: list[Entry] = []
    visiting: set[int] = set()

    def visit(entry: Entry) -> None:
        if any(e is entry for e in done) or id(entry) in visiting:
            return
        visiting.add(id(entry))
        for other in targets(entry, entry.after + entry.before):
            if other.before or other.after:
                visit(other)
        visiting.discard(id(entry))
        done.append(entry)

    for entry in moving:
        visit(entry)
    return done


def declared(module: ModuleType) -> list[tuple[Rule, Declared]]:
    """The rules a module declares with `rule`, in the order they are written."""
    found = []
    for value in vars(module).values():
        for mark in getattr(value, "__kage_rules__", ()):
            if getattr(value, "__module__", None) == module.__name__:
                found.append((value, mark))
    return found


class Rulebooks:
    """Rules by phase and action name; "*" rules apply to every action."""

    def __init__(self, origins: dict[str, str] | None = None) -> None:
        self._books: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        self._cache: dict[tuple[str, str], tuple[Entry, ...]] = {}
        self._bounds: dict[str, Bounds] = {}
        self._seq = 0
        self.origins = origins or {}  # module name -> "core" or an extension's name

    def takes(self, action: str, bounds: Bounds) -> None:
        """Declare the numbers `action` takes (for a duration, in minutes: the parser
        scales them by the unit the player said). The parser refuses any other with the
        bounds' own words, so no rule of the action ever sees one."""
        self._bounds[action] = bounds

    def bounds(self, action: str) -> Bounds:
        return self._bounds.get(action, ANY_COUNT)

    def add(
        self,
        phase: str,
        action: str,
        func: Rule,
        order: int = 50,
        *,
        before: Names = (),
        after: Names = (),
        name: str = "",
        source: str = "",
        origin: str = "",
    ) -> Rule:
        """Put `func` in the (phase, action) book. Its name is the function's unless
        given; its source and origin come from its module unless given."""
        _phase(phase)
        source = source or getattr(func, "__module__", "")
        self._seq += 1
        entry = Entry(
            order,
            name or func.__name__,
            func,
            source,
            origin or self.origins.get(source, ""),
            _names(before),
            _names(after),
            self._seq,
        )
        self._books[(phase, action)].append(entry)
        self._cache.clear()
        return func

    def rule(
        self, phase: str, *actions: str, order: int = 50, before: Names = (), after: Names = ()
    ) -> Callable[[Rule], Rule]:
        def register(func: Rule) -> Rule:
            for action in actions:
                self.add(phase, action, func, order, before=before, after=after)
            return func

        return register

    def install_module(self, module: ModuleType) -> None:
        """Take in every rule `module` declares with `rule`, and the numbers its actions
        take (its `TAKES`: action -> Bounds)."""
        for action, bounds in getattr(module, "TAKES", {}).items():
            self.takes(action, bounds)
        for func, mark in declared(module):
            for action in mark.actions:
                self.add(
                    mark.phase,
                    action,
                    func,
                    mark.order,
                    before=mark.before,
                    after=mark.after,
                    name=mark.name,
                )

    def rules(self, phase: str, action: str) -> tuple[Entry, ...]:
        key = (phase, action)
        found = self._cache.get(key)
        if found is None:
            merged = self._books.get((phase, "*"), []) + self._books.get(key, [])
            found = placed(merged)
            self._cache[key] = found
        return found

    def any_action(self, phase: str) -> tuple[Entry, ...]:
        """The rules of `phase` written for every action ("*")."""
        return tuple(self._books.get((phase, "*"), ()))

    def books(self) -> list[tuple[str, str]]:
        """Every (phase, action) that has rules of its own, "*" included."""
        return [key for key, book in self._books.items() if book]

    def written_for(self, phase: str, action: str) -> tuple[Entry, ...]:
        """The rules declared for exactly this action in `phase`, without the "*" ones."""
        return tuple(self._books.get((phase, action), ()))

    def actions(self) -> set[str]:
        return {name for (phase, name) in self._books if name != "*" and phase != ACTIVITY}


class Instead(str):
    """The words of a refusing-phase rule that did something in the action's place: the
    rules after it do not run, but the action counts as done (it is no refusal)."""

    __slots__ = ()


class Needs(str):
    """A refusal that one standard action would remove, as Inform's implicit actions do:
    "hang the cloak on the hook" while wearing it takes it off first. A check rule returns
    ``Needs(sentence, fix, first)``; `perform` tries `fix` for the player and, if it is
    done, says `first(game, fix)` ("(first taking off the velvet cloak)", rendered only
    then: asking whether an action applies costs no more) and goes on. The sentence is
    what a trial (admissible lists), another actor, or a fix that fails still reads."""

    fix: Action
    first: Callable[..., str]

    def __new__(cls, text: str, fix: Action, first: Callable[..., str]) -> Needs:
        made = super().__new__(cls, text)
        made.fix = fix
        made.first = first
        return made


IMPLICIT_DEPTH = 3  # fixes of fixes, at most: take it, then take it off ...


@dataclass(slots=True)
class Outcome:
    done: bool  # the action was carried out
    text: list[str]
    reason: str = ""  # the name of the rule that refused, as Inform records it


def refusal(game: Game, action: Action) -> tuple[str, str] | None:
    """(rule name, sentence) of the first rule of the refusing phases that stops the
    action, or None if the action may go. The sentence is an `Instead` when the rule did
    something in the action's place."""
    for phase in REFUSING:
        for entry in game.rules.rules(phase, action.name):
            said = entry.func(game, action)
            if said:
                return entry.name, said
    return None


def run_activity(game: Game, name: str, action: Action) -> None:
    """Run an activity's rules in order, until the story ends."""
    for entry in game.rules.rules(ACTIVITY, name):
        if game.state.done:
            break
        entry.func(game, action)


def applies(game: Game, action: Action) -> bool:
    """Whether `action` would be allowed now (or something done in its place, as an
    `Instead`); the world is left as it was. A `Needs` refusal counts as a refusal here:
    the fix it names is not tried on a trial."""
    game.dry += 1  # whether a rule says something matters, not its words
    try:
        refused = refusal(game, replace(action, data=dict(action.data), trial=True))
    finally:
        game.dry -= 1
    return refused is None or isinstance(refused[1], Instead)


def _implicitly(game: Game, action: Action, depth: int) -> tuple[list[str], Outcome | None]:
    """Run the fixes the action's refusals name (see `Needs`): the notes said first, and
    the outcome to stop with when the action is still refused (None: it may go on)."""
    notes: list[str] = []
    tried: set[str] = set()
    while True:
        refused = refusal(game, action)
        if refused is None:
            return notes, None
        rule_name, said = refused
        if isinstance(said, Instead):  # done in the action's place: no refusal
            words = [str(said)] if said.strip() else []
            return notes, Outcome(True, _after(notes, words), rule_name)
        fix = said.fix if isinstance(said, Needs) else None
        if (
            fix is None
            or action.trial
            or action.several  # "drop all" leaves worn things on, as it says
            or action.actor != game.world.player
            or depth >= IMPLICIT_DEPTH
            or fix.describe() in tried
        ):
            return notes, Outcome(False, _after(notes, [said]), rule_name)
        tried.add(fix.describe())
        fix.actor = action.actor
        first = said.first(game, fix)
        done = perform(game, fix, depth + 1)
        if not done.done:
            return notes, Outcome(False, _after([*notes, first], done.text), done.reason)
        notes.append(first)
        action.data["implicit_minutes"] = action.data.get("implicit_minutes", 0) + fix.minutes


def perform(game: Game, action: Action, depth: int = 0) -> Outcome:
    action.actor = action.actor or game.world.player
    notes, stopped_by = _implicitly(game, action, depth)
    if stopped_by is not None:
        return stopped_by
    rules = game.rules
    for entry in rules.rules("carry_out", action.name):
        entry.func(game, action)
    text: list[str] = []
    stopped = False
    for entry in rules.rules("after", action.name):
        said = entry.func(game, action)
        if said:
            text.append(said)
            stopped = True
            break
    if not stopped:
        for entry in rules.rules("report", action.name):
            said = entry.func(game, action)
            if said:
                text.append(said)
    action.minutes += action.data.pop("implicit_minutes", 0)
    return Outcome(True, _after(notes, text))


def _after(notes: list[str], text: list[str]) -> list[str]:
    """The implicit actions' notes, each on its own line just above what is said next."""
    if not notes:
        return text
    if not text:
        return ["\n".join(notes)]
    return ["\n".join([*notes, text[0]]), *text[1:]]
