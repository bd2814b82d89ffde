"""Cleaning a typed line and cutting it into commands and words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cache

from kage.parser.grammar import (
    ARTICLES,
    CORE,
    DIRECTIONS,
    META,
    Line,
    compile_pattern,
    expand,
    fits,
    normal,
)

MAX_LINE = 2000  # longer input is cut; the reply says so
# a full stop before a space or the end, ; ! ?, and "then" end a command
_BREAK = re.compile(r"[;!?]+|\.+(?=\s|$)|,?\s*\bthen\b", re.IGNORECASE)
# so does a full stop inside a word ("take wallet.go out"; not "1.5"), except in a
# command that takes a save name ("save mine.fight", "restore ../backup")
_DOT = re.compile(r"(?<!\d)\.+|\.+(?!\d)")
_NAMED = frozenset({"save", "restore"})  # meta commands whose argument is a save name
# "and" or a comma may end one command when a new one follows it
_JOIN = re.compile(r",?\s*\band\b|,", re.IGNORECASE)
_QUOTED = re.compile(r'"[^"]*"?')
_TOKEN = re.compile(r"[^\s.,;:!?\"()\[\]{}<>]+")
_DECIMAL = re.compile(r"\d[.:]\d")
# "1.5" is one word, and so is a time of day, "18:00"
_DOTTED = re.compile(r"(?:\d[.:](?=\d)|[^\s.,;:!?\"()\[\]{}<>])+")
_TRIM = " ,"

Grammar = Mapping[str, list[Line]]


def clean(line: str) -> str:
    """Drop control characters and normalise Unicode so every input is plain text."""
    if line.isascii() and line.isprintable():
        return line.strip()  # nothing to normalise, no control character (the common case)
    line = unicodedata.normalize("NFKC", line)
    return "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in line).strip()


def split_commands(line: str, grammar: Grammar | None = None) -> list[str]:
    """'take sword. go east', 'take sword then go east' and 'take sword and go east' are
    two commands each; 'take sword and shield' stays one.

    A command starts after "and" only if the words after it have the shape of a command
    in `grammar` (by default the engine's own verbs; pass a world's lexicon lines to
    include the verbs that world adds). Quoted text is never cut.
    """
    if line.strip() == "?":
        return ["?"]
    grammar = grammar if grammar is not None else core_grammar()
    commands = []
    for part in _said_on(line, _cut_kept(line, _BREAK), grammar):
        commands.extend(_split_part(part, grammar))
    return [c for c in (_trim(c) for c in commands) if c]


SPOKEN = frozenset({"say", "shout", "yell", "whisper", "cry", "call", "answer", "reply", "scream"})


def _said_on(line: str, parts: list[tuple[str, str]], grammar: Grammar) -> list[str]:
    """Parts of a line cut at "!", "?" and full stops, with what is said kept whole: after
    a verb of speech, a part that is no command of its own goes on the words said ("say
    wait! wren didn't do it")."""
    kept: list[str] = []
    speaking = False
    for part, mark in parts:
        if kept and speaking and not starts_command(part, grammar):
            kept[-1] = f"{kept[-1]}{mark}{part}"
            continue
        ws = words(part)
        speaking = bool(ws) and ws[0] in SPOKEN
        kept.append(part)
    return kept


def _cut_kept(line: str, pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    """Like _cut, with each part the mark that came before it ("" for the first)."""
    parts, start, mark = [], 0, ""
    for found in _breaks(line, pattern):
        parts.append((line[start : found.start()], mark))
        start, mark = found.end(), found.group()
    parts.append((line[start:], mark))
    return parts


def _split_part(part: str, grammar: Grammar) -> list[str]:
    """Cut one part at dots inside words and at "and"; but a save or restore command
    runs to the end of the part, as its name may hold dots, "and" and commas."""
    commands, start = [], 0
    for found in [*_breaks(part, _DOT), None]:
        end = found.start() if found else len(part)
        if _takes_name(part[start:end]):
            return [*commands, part[start:]]
        commands.extend(_split_on_and(part[start:end], grammar))
        start = found.end() if found else len(part)
    return commands


def _takes_name(command: str) -> bool:
    ws = words(command)
    return bool(ws) and META.get(ws[0]) in _NAMED


def _trim(command: str) -> str:
    command = command.strip(_TRIM)
    while command.lower().startswith("and "):
        command = command[4:].strip(_TRIM)
    while command.lower().endswith(" and"):
        command = command[:-4].strip(_TRIM)
    return "" if command.lower() == "and" else command


def _breaks(line: str, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """The matches of `pattern` that are not inside double quotes."""
    quoted = [m.span() for m in _QUOTED.finditer(line)]
    return [
        m
        for m in pattern.finditer(line)
        if not any(start <= m.start() < end for start, end in quoted)
    ]


def _cut(line: str, pattern: re.Pattern[str]) -> list[str]:
    parts, start = [], 0
    for found in _breaks(line, pattern):
        parts.append(line[start : found.start()])
        start = found.end()
    parts.append(line[start:])
    return parts


def _split_on_and(part: str, grammar: Grammar) -> list[str]:
    breaks = _breaks(part, _JOIN)
    commands, start = [], 0
    for index, found in enumerate(breaks):
        following = breaks[index + 1].start() if index + 1 < len(breaks) else len(part)
        clause, rest = part[found.end() : following], part[found.end() :]
        before = part[start : found.start()]
        if not starts_command(before, grammar) and not _may_end(before, grammar):
            continue  # "tsunade, tell me the terms": a name said to, not a command
        if starts_command(clause, grammar) or starts_command(rest, grammar):
            commands.append(part[start : found.start()])
            start = found.end()
    commands.append(part[start:])
    return commands


def _may_end(text: str, grammar: Grammar) -> bool:
    """Whether words before a comma or "and" may be a command of their own: anything of
    more than one word (a world's own verb may begin it), and a single word that is a
    command. A lone word that is no command is someone spoken to ("kai, stop")."""
    ws = words(text)
    return len(ws) != 1 or ws[0] in grammar or ws[0] in DIRECTIONS or ws[0] in META


def starts_command(text: str, grammar: Grammar) -> bool:
    """Whether the words have the shape of a whole command (nothing is resolved)."""
    ws = words(text)
    if not ws or ws[0] in ARTICLES:  # "take the wallet and a photo": 'a' is not "ask"
        return False
    if len(ws) == 1 and ws[0] in DIRECTIONS:
        return True
    if len(ws[0]) > 1 and (ws[0] in META or " ".join(ws[:2]) in META):
        return True
    return any(fits(line, ws) for line in grammar.get(ws[0], ()))


@cache
def core_grammar() -> dict[str, list[Line]]:
    grammar: dict[str, list[Line]] = {}
    for action, patterns in CORE:
        for pattern in (each for written in patterns for each in expand(written)):
            line = compile_pattern(action, pattern)
            for word in line.tokens[0].words or ():
                grammar.setdefault(word, []).append(line)
    return grammar


def words(command: str) -> list[str]:
    """The command's words as the parser compares them (a new list each call: callers
    may edit it). A turn splits the same text several times, so splits are kept."""
    found = _WORDS.get(command)
    if found is None:
        found = _split(command)
        if len(_WORDS) >= _WORDS_KEPT:
            _WORDS.clear()  # bounded: an agent may type any number of different lines
        _WORDS[command] = found
    return list(found)


_WORDS: dict[str, tuple[str, ...]] = {}
_WORDS_KEPT = 4096


def _split(command: str) -> tuple[str, ...]:
    if command.strip() == "?":
        return ("?",)
    tokens = (_DOTTED if _DECIMAL.search(command) else _TOKEN).findall(command)
    return tuple(w for w in (normal(t) for t in tokens) if w)
