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
action is really tried.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
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


@dataclass(slots=True)
class Entry:
    order: int
    name: str
    func: Rule
    source: str = ""  # the module that declared the rule, for `kage rules`


@dataclass(frozen=True, slots=True)
class Declared:
    """A rule as its module declares it, before any world's rulebooks take it in."""

    phase: str
    actions: tuple[str, ...]
    order: int


def rule(phase: str, *actions: str, order: int = 50) -> Callable[[Rule], Rule]:
    """Mark a module-level function as a rule for `actions` in `phase`.

    Nothing is registered here: `Rulebooks.install_module` reads the mark when a world's
    rulebooks are assembled, so a module that no world uses costs nothing and every rule
    stays a plain function that can be listed, replaced and tested on its own."""
    if phase not in PHASES:
        raise ValueError(f"no phase '{phase}'")

    def mark(func: Rule) -> Rule:
        marks: list[Declared] = list(getattr(func, "__kage_rules__", ()))
        marks.append(Declared(phase, actions, order))
        func.__kage_rules__ = marks  # type: ignore[attr-defined]
        return func

    return mark


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

    def __init__(self) -> None:
        self._books: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        self._cache: dict[tuple[str, str], tuple[Entry, ...]] = {}
        self._bounds: dict[str, Bounds] = {}

    def takes(self, action: str, bounds: Bounds) -> None:
        """Declare the numbers `action` takes (for a duration, in minutes: the parser
        scales them by the unit the player said). The parser refuses any other with the
        bounds' own words, so no rule of the action ever sees one."""
        self._bounds[action] = bounds

    def bounds(self, action: str) -> Bounds:
        return self._bounds.get(action, ANY_COUNT)

    def add(self, phase: str, action: str, func: Rule, order: int = 50) -> Rule:
        if phase not in PHASES:
            raise ValueError(f"no phase '{phase}'")
        book = self._books[(phase, action)]
        book.append(Entry(order, func.__name__, func, getattr(func, "__module__", "")))
        book.sort(key=lambda e: e.order)
        self._cache.clear()
        return func

    def rule(self, phase: str, *actions: str, order: int = 50) -> Callable[[Rule], Rule]:
        def register(func: Rule) -> Rule:
            for action in actions:
                self.add(phase, action, func, order)
            return func

        return register

    def install_module(self, module: ModuleType) -> None:
        """Take in every rule `module` declares with `rule`."""
        for func, mark in declared(module):
            for action in mark.actions:
                self.add(mark.phase, action, func, mark.order)

    def rules(self, phase: str, action: str) -> tuple[Entry, ...]:
        key = (phase, action)
        found = self._cache.get(key)
        if found is None:
            merged = self._books.get((phase, "*"), []) + self._books.get(key, [])
            found = tuple(sorted(merged, key=lambda e: e.order))
            self._cache[key] = found
        return found

    def written_for(self, phase: str, action: str) -> tuple[Entry, ...]:
        """The rules declared for exactly this action in `phase`, without the "*" ones."""
        return tuple(self._books.get((phase, action), ()))

    def actions(self) -> set[str]:
        return {name for (_, name) in self._books if name != "*"}


@dataclass(slots=True)
class Outcome:
    done: bool  # the action was carried out
    text: list[str]
    reason: str = ""  # the name of the rule that refused, as Inform records it


def refusal(game: Game, action: Action) -> tuple[str, str] | None:
    """(rule name, sentence) of the first refusing rule, or None if the action may go."""
    for phase in REFUSING:
        for entry in game.rules.rules(phase, action.name):
            said = entry.func(game, action)
            if said:
                return entry.name, said
    return None


def applies(game: Game, action: Action) -> bool:
    """Whether `action` would be allowed now; the world is left as it was."""
    return refusal(game, replace(action, data=dict(action.data), trial=True)) is None


def perform(game: Game, action: Action) -> Outcome:
    action.actor = action.actor or game.world.player
    refused = refusal(game, action)
    if refused is not None:
        return Outcome(False, [refused[1]], refused[0])
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
    return Outcome(True, text)
