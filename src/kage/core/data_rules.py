"""Rules a world writes in data (its `rules:` section), run in the same rulebooks as the
engine's own rules.

Each phase keeps Inform 7's meaning:

- ``before``: runs first; says its text and lets the action go on, unless ``stop: true``.
- ``instead``: the action does not happen (unless ``stop: false``): the rule's words and
  effects take its place. With effects that change the world (anything but ``say``) the
  rule is an outcome, not a refusal: what it does counts as the action done (it is
  admissible, takes its turn, and undo takes it back as a step); with words alone it
  refuses.
- ``check``: refuses when it says something (or with ``stop: true``).
- ``after``: runs once the action is done; its words replace the standard report, unless
  ``stop: false``.
- ``report``: adds its words to the report, after the standard one (``first: true``: before).

Data rules go before the engine's rules of their phase (report: after, unless first), in
the order the world's files write them. A rule that refuses still runs its effects (the
action is refused, the world still changes) but only when the action is really tried:
when `applies` only asks whether it would be allowed (`action.trial`), a rule neither acts
nor speaks, and its `when` draws nothing from the world's random numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from typing import TYPE_CHECKING, Any

from kage.actions.information import FREE
from kage.actions.pipeline import REFUSING, Action, Instead, Rulebooks
from kage.core.responses import fill
from kage.world import effects, query
from kage.world.conditions import holds
from kage.world.model import Entity

if TYPE_CHECKING:
    from kage.game import Game
    from kage.world.model import World

ANY = "any"
# kinds of action every world has; a world adds its own in `action_kinds:`. A kind names
# actions a world may not have: only those it has are matched.
STANDARD_KINDS: dict[str, tuple[str, ...]] = {
    "moving": ("go", "go_to", "exit", "enter", "get_off", "climb", "follow"),
    "looking": ("look", "examine", "search", "look_under", "look_in", "read", "consult"),
}
# a refusal (or an after rule) that stops with nothing to say: truthy, so it stops the
# action; blank, so the player reads nothing
SILENT = " "
FIRST, LAST = -1_000_000, 1_000_000  # data rules' orders: around the engine's (0-100)
OUT_OF_WORLD = FREE  # what `any` leaves out (score, help ...), as Inform's "doing something"
ENTITY_FIELDS = frozenset(f.name for f in fields(Entity))  # what a rule may test too


@cache
def coded_actions(extensions: tuple[str, ...] = ()) -> frozenset[str]:
    """The actions the core's modules, and those of these extensions, give rules to."""
    from kage.core.engine import assemble

    books = Rulebooks()
    for module in assemble(extensions).modules:
        install = getattr(module, "install", None)
        if install is not None:
            install(books)
        books.install_module(module)
    return frozenset(books.actions())


def names(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def value_of(game: Game, entity: str, key: str) -> object:
    """A property for a rule's test: changed or declared props, else the entity's field
    (portable, wearable, kind ...), so a writer tests both the same way."""
    found = query.prop(game, entity, key)
    if found is None and key in ENTITY_FIELDS:
        return getattr(game.world.entities[entity], key)
    return found


def is_like(game: Game, entity: str | None, test: Any) -> bool:
    """Whether `entity` passes a rule's noun test: an id, a list of ids, or a mapping
    {kind: person, prop: {edible: true}}."""
    if entity is None or entity not in game.world.entities:
        return False
    if isinstance(test, str):
        return entity == test
    if isinstance(test, list):
        return entity in test
    kind = test.get("kind")
    if kind is not None and game.world.entities[entity].kind != kind:
        return False
    return all(value_of(game, entity, k) == v for k, v in (test.get("prop") or {}).items())


@dataclass(frozen=True, slots=True)
class Pattern:
    """Which actions a rule (or one of its exceptions) is about."""

    actions: frozenset[str] | None  # None: any action in the world
    noun: Any = None
    second: Any = None
    direction: str | None = None

    def matches(self, game: Game, action: Action) -> bool:
        if self.actions is None:
            if action.name in OUT_OF_WORLD:
                return False
        elif action.name not in self.actions:
            return False
        if self.direction is not None and action.direction != self.direction:
            return False
        if self.noun is not None and not is_like(game, action.noun, self.noun):
            return False
        return self.second is None or is_like(game, action.second, self.second)


def pattern(spec: dict[str, Any], kinds: dict[str, tuple[str, ...]]) -> Pattern:
    """A pattern from a rule's (or an exception's) fields; kinds of action are unfolded."""
    wanted = names(spec.get("action"))
    actions: set[str] | None = None
    if wanted and ANY not in wanted:
        actions = set()
        for name in wanted:
            actions.update(kinds.get(name, (name,)))
    return Pattern(
        None if actions is None else frozenset(actions),
        spec.get("noun"),
        spec.get("second"),
        spec.get("direction"),
    )


class DataRule:
    """One rule of a world's `rules:` section, callable as any rule is: (game, action)."""

    def __init__(self, spec: dict[str, Any], kinds: dict[str, tuple[str, ...]]) -> None:
        self.phase: str = spec["phase"]
        self.pattern = pattern(spec, kinds)
        raw = spec.get("except") or []
        self.excepts = tuple(
            pattern({"action": e} if isinstance(e, str) else e, kinds)
            for e in ([raw] if isinstance(raw, str) else raw)
        )
        self.when = spec.get("when")
        self.say: str = spec.get("say") or ""
        self.effects: list[dict[str, Any]] = spec.get("effects") or []
        self.stops = stops(self.phase, spec.get("stop"), bool(self.say))
        # an instead rule that changes the world does something in the action's place
        self.acts = self.phase == "instead" and self.stops and acts(self.effects)
        self.first = bool(spec.get("first"))
        where = spec.get("source", "")
        # what `kage rules` and an Outcome's reason show
        self.__name__ = spec.get("name") or f"{self.phase} rule at {where}"
        self.__module__ = where

    def __repr__(self) -> str:
        return f"<data rule {self.__name__!r}>"

    def __call__(self, game: Game, action: Action) -> str | None:
        if action.actor and action.actor != game.world.player:
            return None
        if not self.pattern.matches(game, action):
            return None
        if any(e.matches(game, action) for e in self.excepts):
            return None
        if action.trial:
            return self._trial(game, action)
        if not holds(game, self.when):
            return None
        mark = game.mark()
        effects.apply(game, self.effects)
        # the rule's words tell the world as its effects leave it, and come before
        # whatever the effects say themselves (an ending, say)
        words = "\n\n".join(w for w in (self._words(game, action), game.said_since(mark)) if w)
        if self.phase == "report":
            return words or None
        if self.acts:
            return Instead(words or SILENT)
        if self.stops:
            return words or SILENT
        game.say(words)
        return None

    def _words(self, game: Game, action: Action) -> str:
        return fill(game, self.say, action) if self.say else ""

    def _trial(self, game: Game, action: Action) -> str | None:
        """Would it refuse? Decided without acting, speaking or drawing a random number."""
        if self.phase not in REFUSING or not self.stops:
            return None
        # kept to put back, read beneath any watcher of reads (kage.agents.tracking):
        # keeping it is no reading of it, a chance the condition draws is
        drawn = object.__getattribute__(game.state, "rng")
        try:
            refuses = holds(game, self.when)
        finally:
            game.state.rng = drawn
        if not refuses:
            return None
        # only whether it stops matters to a trial, not its words
        return Instead(SILENT) if self.acts else SILENT


def acts(effects: list[dict[str, Any]]) -> bool:
    """Whether effects change the world (any kind but words said)."""
    return any(kind not in ("say", "when") for item in effects for kind in item)


def stops(phase: str, stop: bool | None, says: bool) -> bool:
    """Whether a rule stops the action (or, after, the report) when it runs."""
    if stop is not None:
        return stop and phase != "report"
    return {"before": False, "instead": True, "check": says, "after": True}.get(phase, False)


def kinds_of(world: World, present: set[str]) -> dict[str, tuple[str, ...]]:
    """Every kind of action the world may name (the standard ones and its own), each with
    the actions of it that are `present`."""
    found = {**STANDARD_KINDS, **world.data.get("action_kinds", {})}
    return {name: tuple(a for a in actions if a in present) for name, actions in found.items()}


def install(rules: Rulebooks, world: World) -> None:
    """Put the world's data rules into its rulebooks (after every other rule is in)."""
    specs = world.data.get("rules") or []
    if not specs:
        return
    kinds = kinds_of(world, rules.actions() | set(world.verbs))
    for index, spec in enumerate(specs):
        made = DataRule(spec, kinds)
        after_standard = made.phase == "report" and not made.first
        order = (LAST if after_standard else FIRST) + index
        books = [ANY] if made.pattern.actions is None else sorted(made.pattern.actions)
        phase = made.phase
        for book in books:
            rules.add(phase, "*" if book == ANY else book, made, order)
