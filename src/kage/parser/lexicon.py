"""Everything the parser knows for one world: its grammar lines and every word in it.

Built once per world (engine verbs + the world's own phrasings + every name) and shared
by all games of that world.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kage.parser.grammar import ARTICLES, CORE, DIRECTIONS, META, NUMBERS, Line, compile_pattern
from kage.world.clock import _UNITS
from kage.world.model import World

PRONOUNS = frozenset({"it", "him", "her", "them", "all", "everything", "except", "but", "and"})


@dataclass(slots=True)
class Lexicon:
    lines: dict[str, list[Line]] = field(default_factory=dict)  # first word -> lines
    words: set[str] = field(default_factory=set)  # every word any part of the game knows
    verbs: set[str] = field(default_factory=set)  # words that can begin a command
    nouns: set[str] = field(default_factory=set)  # words naming something in the world

    def add(self, action: str, pattern: str) -> None:
        line = compile_pattern(action, pattern)
        first = line.tokens[0]
        if first.words is None:
            raise ValueError(f"pattern '{pattern}' must begin with a word")
        for word in first.words:
            bucket = self.lines.setdefault(word, [])
            bucket.append(line)
            bucket.sort(key=lambda ln: (-ln.literals, -len(ln.tokens)))
            self.verbs.add(word)
        for token in line.tokens:
            if token.words:
                self.words.update(token.words)


def build(world: World) -> Lexicon:
    lex = Lexicon()
    for action, patterns in CORE:
        for pattern in patterns:
            lex.add(action, pattern)
    for action, patterns in world.verbs.items():
        for pattern in patterns:
            lex.add(action, pattern)
    for entity in world.entities.values():
        lex.nouns.update(entity.words)
        for topic in entity.topics:
            lex.words.update(topic.words)
    lex.words |= lex.nouns
    lex.words.update(DIRECTIONS, NUMBERS, ARTICLES, PRONOUNS, _UNITS)
    for phrase in META:
        lex.words.update(phrase.split())
    return lex
