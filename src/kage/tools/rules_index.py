"""`kage rules WORLD [ACTION]`: a world's rulebooks in the order they run, each rule with
its name and where it comes from, the way Inform's index shows them.

First the activities (the turn sequence after every action that took time, then moving),
then each action's phases. A rule that applies to every action is marked "(any action)"
where it runs among an action's own rules.
"""

from __future__ import annotations

from kage import runtime
from kage.actions.pipeline import ACTIVITY, MOVED, PHASES, TURN, Entry, Rulebooks
from kage.content.errors import suggest
from kage.world.model import World

ACTIVITIES = {
    TURN: "The turn sequence (after every action that takes time)",
    MOVED: "Moving (whenever the player arrives in another place, by any way)",
}


class UnknownAction(ValueError):
    """The action asked for has no rules and no words in this world."""


def index(world: World, action: str | None = None) -> str:
    """The listing for the whole world, or for one action or activity."""
    rules = runtime.rulebooks(world)
    words = _words(world)
    if action is None:
        lines = [_title(world), ""]
        for name in ACTIVITIES:
            lines += _activity(rules, name)
        for name in sorted(rules.actions() | set(words)):
            lines += _action(rules, name, [])
        return "\n".join(lines).rstrip()
    name = action.strip().lower().replace(" ", "_")
    if name in ACTIVITIES:
        return "\n".join(_activity(rules, name)).rstrip()
    known = rules.actions() | set(words)
    if name not in known:
        hint = suggest(name, sorted(known)) or " `kage rules` with no action lists them all."
        raise UnknownAction(f"No action '{action}' in {world.title}.{hint}")
    return "\n".join(_action(rules, name, words.get(name, []))).rstrip()


def _title(world: World) -> str:
    used = ", ".join(runtime.engine(world).names) or "none"
    return f"Rules of {world.title} (extensions: {used})"


def _words(world: World) -> dict[str, list[str]]:
    """What the player may type for each action: the core's, the world's, its extensions'."""
    from kage.parser.grammar import CORE

    found: dict[str, list[str]] = {}
    for action, patterns in (*CORE, *world.verbs.items(), *runtime.engine(world).grammar):
        found.setdefault(action, []).extend(patterns)
    return found


def _activity(rules: Rulebooks, name: str) -> list[str]:
    entries = rules.rules(ACTIVITY, name)
    return [ACTIVITIES[name], *_listed(entries, star=False), ""]


def _action(rules: Rulebooks, name: str, words: list[str]) -> list[str]:
    lines = [name]
    if words:
        lines.append("  words: " + "; ".join(words))
    for phase in PHASES:
        entries = rules.rules(phase, name)
        if entries:
            lines.append(f"  {phase.replace('_', ' ')}")
            lines += ["  " + line for line in _listed(entries, star=True, rules=rules)]
    if len(lines) == 1 + bool(words):
        lines.append("  (no rules: the player's words for it are refused by the parser)")
    lines.append("")
    return lines


def _listed(entries: tuple[Entry, ...], star: bool, rules: Rulebooks | None = None) -> list[str]:
    every = set()
    if star and rules is not None:
        every = {id(e) for phase in PHASES for e in rules.any_action(phase)}
    width = max((len(e.name) for e in entries), default=0)
    lines = []
    for number, entry in enumerate(entries, 1):
        note = "  (any action)" if id(entry) in every else ""
        where = entry.origin or "world"
        lines.append(f"  {number:>2}. {entry.name:<{width}}  {where}: {entry.source}{note}")
    return lines
