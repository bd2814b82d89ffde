"""Checking a world's `verbs:` section: each names an action something carries out, and
each pattern can win.

An action is carried out by the engine (the core's or an extension's rules), by the
world's interactions with that verb, or by its data rules. A verb that none of these
answers would parse and then do nothing; one that belongs to an extension the world does
not use says which to add.

A pattern can never win when the player cannot type it (a word with punctuation in it,
'then'), when the session takes the words first (save, restore, quit ...), or when a line
the parser tries before it takes every command it would: an earlier world line of the same
words, or an engine line as wide and ahead of it in precedence (kage.parser.grammar).
"""

from __future__ import annotations

import itertools
from functools import cache
from typing import TYPE_CHECKING, Any

from kage.content.errors import suggest
from kage.core.data_rules import coded_actions
from kage.core.engine import assemble
from kage.core.extension import catalog
from kage.parser.grammar import CORE, META, Line, compile_pattern
from kage.parser.text import words

if TYPE_CHECKING:
    from kage.content.compile import Builder
    from kage.content.yaml_lines import Located
    from kage.world.model import World

ANY_WORDS = frozenset({"topic", "text"})  # slots that take any words and never fail
SESSION_NAMED = frozenset(w for w, m in META.items() if m in ("save", "restore"))  # session.NAMED
NEVER_TYPED = frozenset({"then"})  # the player's line is cut into commands there
Placed = tuple[Line, "Located", tuple[Any, ...]]  # a world line, and where it is written
MAX_SPELLINGS = 256  # alternatives of a pattern spelled out to compare with the session's


@cache
def owners() -> dict[str, str]:
    """Action -> the extension whose modules carry it out (for actions a world lacks)."""
    core = coded_actions(())
    found: dict[str, str] = {}
    for name in catalog():
        for action in sorted(coded_actions((name,)) - core):
            found.setdefault(action, name)
    return found


def rule_actions(world: World) -> set[str]:
    """The actions the world's data rules name."""
    found: set[str] = set()
    for rule in world.data.get("rules") or ():
        if not isinstance(rule, dict):
            continue
        named = rule.get("action")
        found.update([named] if isinstance(named, str) else named or [])
    return found


def check(builder: Builder, world: World) -> None:
    """Report verbs nothing answers and patterns that can never win."""
    known = (
        set(coded_actions(builder.extensions))
        | {action for action, _ in CORE}
        | {i.verb for i in world.interactions}
        | rule_actions(world)
    )
    placed: dict[str, list[Placed]] = {}  # first word -> the world's lines so far
    engine: dict[str, list[Line]] | None = None  # first word -> the engine's lines
    for located, model in builder.files:
        for action, patterns in model.verbs.items():
            path = ("verbs", action)
            if action not in known:
                builder.problem(located, path, _unknown(action, known))
            elif not patterns:
                builder.problem(
                    located,
                    path,
                    f"the verb '{action}' has no patterns: add one, like "
                    f"{action}: ['{action} {{thing}}'], or take it out.",
                )
            for p, pattern in enumerate(patterns):
                words_ = pattern.split()
                if not words_ or words_[0].startswith("{"):
                    continue  # reported with the references
                line = compile_pattern(action, pattern, world=True)
                here = (*path, p)
                why = untypable(line) or session_takes(line)
                if why is None:
                    engine = engine if engine is not None else engine_lines(builder.extensions)
                    why = _shadowed(line, placed, engine)
                if why is not None:
                    builder.problem(located, here, f"the pattern '{pattern}' {why}")
                for word in line.tokens[0].words or ():
                    placed.setdefault(word, []).append((line, located, here))


def _unknown(action: str, known: set[str]) -> str:
    owner = owners().get(action)
    if owner is not None:
        return (
            f"the verb '{action}' is an action of the extension '{owner}', which this world "
            f"does not use: add '{owner}' to the 'extensions' list of the world section, or "
            "take the verb out."
        )
    hint = suggest(action, known)
    return (
        f"the verb '{action}' names an action nothing in this world carries out: no rule "
        f"and no interaction has it, so its patterns would do nothing.{hint} For a new "
        f"verb, add an interaction with 'verb: {action}' (or a rule for it)."
    )


def untypable(line: Line) -> str | None:
    """Why no typed command can match the line's words, or None."""
    for token in line.tokens:
        for word in sorted(token.words or ()):
            if word in NEVER_TYPED:
                return (
                    f"can never be matched: '{word}' ends a command (the player's 'take "
                    "lamp then go north' is two commands). Use another word."
                )
            if words(word) != [word]:
                return (
                    f"can never be matched: the player's words are cut at spaces and "
                    f"punctuation, so '{word}' is never typed as one word. Write it as "
                    f"{' '.join(words(word)) or 'letters'!r}, or leave the punctuation out."
                )
    return None


def session_takes(line: Line) -> str | None:
    """Why the session's own commands (save, quit ...) take the line's words first."""
    first = line.tokens[0].words or frozenset()
    for word in sorted(first & SESSION_NAMED):
        return (
            f"never reaches the world: '{word}' begins the session's own command "
            f"({META[word]}s the game, taking the rest as a name). Use another word."
        )
    if any(t.words is None for t in line.tokens):
        return None
    spellings = itertools.islice(
        itertools.product(*(sorted(t.words or ()) for t in line.tokens)), MAX_SPELLINGS
    )
    for spelling in spellings:
        phrase = " ".join(spelling)
        if phrase in META:
            return (
                f"never reaches the world: '{phrase}' is the session's own command "
                f"({META[phrase].replace('_', ' ')}). Use other words."
            )
    return None


def covers(first: Line, later: Line) -> bool:
    """Whether every command that fits `later` fits `first` too, and `first` takes it
    whenever `later` could (its slots are the same, or take any words)."""
    if len(first.tokens) != len(later.tokens):
        return False
    for a, b in zip(first.tokens, later.tokens, strict=True):
        if a.words is None and a.slot in ANY_WORDS:
            continue
        if a.words is None or b.words is None:
            if a.words is not None or b.words is not None or a.slot != b.slot:
                return False
        elif not b.words <= a.words:
            return False
    return True


def engine_lines(extensions: tuple[str, ...]) -> dict[str, list[Line]]:
    """The lines of these extensions and of the core, by each word they may begin with."""
    found: dict[str, list[Line]] = {}
    for action, patterns in (*assemble(extensions).grammar, *CORE):
        for pattern in patterns:
            line = compile_pattern(action, pattern)
            for word in line.tokens[0].words or ():
                found.setdefault(word, []).append(line)
    return found


def _shadowed(
    line: Line, placed: dict[str, list[Placed]], engine: dict[str, list[Line]]
) -> str | None:
    """Why an earlier line always takes this line's commands, or None. World lines go
    first and, between lines of the same precedence, in the order written; the engine's
    come after them unless their precedence is higher. A line that covers this one
    begins with each of its first words, so one of them finds every candidate."""
    first = min(line.tokens[0].words or {""})
    for other, located, path in placed.get(first, ()):
        if other.tentative:
            continue  # it gives way when its action would refuse
        if other.precedence() <= line.precedence() and covers(other, line):
            where = f"{located.file}:{located.line(path)}"
            same = "the same action" if other.action == line.action else f"'{other.action}'"
            return (
                f"can never win: '{other.pattern}' (for {same}, at {where}) comes first and "
                "takes every command this one would. Take one of them out, or word them "
                "differently."
            )
    for other in engine.get(first, ()):
        if not other.tentative and other.precedence() < line.precedence() and covers(other, line):
            return (
                f"can never win: the engine's '{other.pattern}' (for '{other.action}') is "
                "tried first and takes every command this one would. Word it differently."
            )
    return None
