"""Reading YAML while remembering on which line every value was written.

ruamel.yaml's round-trip loader keeps the position of each key and item; this module
turns its output into plain Python data plus a table from path to line, so that schema
errors (which name a path) can be reported as file:line. Anything that stops a file from
being read (bad bytes, bad YAML) becomes a ContentError naming the line and the fix.

A world file is data from anyone, so what one may hold is bounded while it is parsed,
before anything is built from it (the limits below). ruamel's pure-Python parser costs
about 0.1-0.2 ms a value, so the number of values written bounds the time a file takes; the
number of values once aliases are expanded bounds everything after parsing (an alias that
repeats an alias that repeats an alias is the "billion laughs"); an alias inside the
collection it names would go on forever and is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, CommentedSet, TaggedScalar
from ruamel.yaml.composer import Composer
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.scanner import RoundTripScanner

from kage.content import files
from kage.content.errors import ContentError, Problem

Path_ = tuple[Any, ...]
MAX_DEPTH = 60  # levels of nesting; deeper than any world needs (Banished: 9)
MAX_FILE_NODES = 10_000  # values written in one file (keys, items, texts); Banished's
# largest file has 1,900 and the whole campaign 10,500. Parsing 10,000 takes about 2 s.
MAX_WORLD_NODES = 100_000  # values written in all the files of a world together
MAX_FILE_VALUES = 50_000  # values in one file once its aliases are expanded
MAX_WORLD_VALUES = 500_000  # the same, for all the files of a world together
MAX_DIGITS = 20  # digits in a number; a 64-bit integer has at most 19
_CORE = "tag:yaml.org,2002:"
_INT_TAG = _CORE + "int"
# The tags a world file may use: YAML's plain kinds of value. Any other (!!python/object,
# !!binary, !custom) would be read as something its writer did not mean, so it is refused.
TAGS = frozenset(
    _CORE + kind
    for kind in ("str", "int", "float", "bool", "null", "seq", "map", "set", "omap", "timestamp")
) | {_CORE + "merge"}


@dataclass
class Budget:
    """What the files of one world may still hold; each file read spends from it."""

    nodes: int = field(default_factory=lambda: MAX_WORLD_NODES)
    values: int = field(default_factory=lambda: MAX_WORLD_VALUES)

    @property
    def spent(self) -> bool:
        return self.nodes < 0 or self.values < 0


class _Refused(Exception):
    """A limit reached while parsing, with the 0-based line it was reached on."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _BoundedScanner(RoundTripScanner):
    """ruamel's scanner, refusing '[' and '{' nested past MAX_DEPTH as it meets them.

    The composer would refuse them too, but only after the scanner had looked ahead for
    a possible key through up to 1,024 of them, in time that grows with the square."""

    def fetch_flow_collection_start(self, TokenClass: Any, to_push: Any) -> None:
        if len(self.flow_context) >= MAX_DEPTH:
            raise _Refused(
                self.reader.line,
                f"this is nested more than {MAX_DEPTH} levels deep; no world needs that.",
            )
        super().fetch_flow_collection_start(TokenClass, to_push)


class _BoundedComposer(Composer):
    """ruamel's composer, counting what it builds and refusing past the limits.

    Each node's size once expanded is noted when it is finished, so an alias costs the
    size of what it names, and an alias to a collection not yet finished is one inside
    itself. The counts are checked as events arrive: nothing past a limit is parsed."""

    def __init__(self, loader: Any = None) -> None:
        super().__init__(loader)
        self.warn_double_anchors = False
        self.budget: Budget = getattr(loader, "kage_budget", None) or Budget()
        self.nodes = 0
        self.values = 0
        self.levels = 0
        self.sizes: dict[int, int] = {}  # id(node) -> values once expanded, when finished
        # (line, column) of a list, and an index -> the line of the alias at that index; the
        # constructor gives a list item the line of the node it is, which for an alias is
        # the line of its anchor
        self.alias_lines: dict[tuple[int, int, int], int] = {}

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        line = event.start_mark.line if event.start_mark is not None else 0
        self.nodes += 1
        self.budget.nodes -= 1
        if self.nodes > MAX_FILE_NODES:
            raise _Refused(
                line,
                f"this file holds more than {MAX_FILE_NODES:,} values (keys, items and texts "
                "count one each), the most one file may hold. Split it into several files.",
            )
        if self.budget.nodes < 0:
            raise _Refused(
                line,
                f"with this file the world holds more than {MAX_WORLD_NODES:,} values (keys, "
                "items and texts count one each), the most a world may hold.",
            )
        if isinstance(event, AliasEvent):
            target = self.anchors.get(event.anchor)
            if target is not None:
                size = self.sizes.get(id(target))
                if size is None:
                    raise _Refused(
                        line,
                        f"the alias '*{event.anchor}' is inside the '&{event.anchor}' it "
                        "repeats, so it would repeat itself forever. An alias can only repeat "
                        "something already written out in full.",
                    )
                self.spend(size, line, event.anchor)
            if isinstance(parent, SequenceNode) and isinstance(index, int):
                mark = parent.start_mark
                self.alias_lines[(mark.line, mark.column, index)] = line
            return super().compose_node(parent, index)
        if self.levels >= MAX_DEPTH:
            raise _Refused(
                line, f"this is nested more than {MAX_DEPTH} levels deep; no world needs that."
            )
        before = self.values
        self.spend(1, line, None)
        self.levels += 1
        node = super().compose_node(parent, index)
        self.levels -= 1
        self.sizes[id(node)] = self.values - before
        if node.tag not in TAGS:
            raise _Refused(
                line,
                f"the tag '{_shown_tag(node.tag)}' means nothing in a world file; world files "
                "hold plain text, numbers, lists and mappings. Remove the tag.",
            )
        if isinstance(node, ScalarNode) and node.tag == _INT_TAG:
            _check_digits(node.value, line)
        return node

    def spend(self, size: int, line: int, alias: str | None) -> None:
        self.values += size
        self.budget.values -= size
        if self.values <= MAX_FILE_VALUES and self.budget.values >= 0:
            return
        limit, whole = (
            (MAX_FILE_VALUES, "this file")
            if self.values > MAX_FILE_VALUES
            else (MAX_WORLD_VALUES, "the world")
        )
        if alias is None:
            said = f"{whole} holds more than {limit:,} values once its aliases are repeated"
        else:
            said = (
                f"the alias '*{alias}' repeats {size:,} values, which brings {whole} to more "
                f"than {limit:,} once aliases are repeated"
            )
        raise _Refused(
            line,
            f"{said}; that is the most allowed. Aliases that repeat aliases multiply: write "
            "the values out, or repeat less.",
        )


def _shown_tag(tag: str | None) -> str:
    shown = "!!" + tag.removeprefix(_CORE) if tag and tag.startswith(_CORE) else str(tag)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _check_digits(text: str, line: int) -> None:
    """Refuse a whole number too long to be meant: Python would take minutes to turn a
    million digits into a number, and refuses to print one of more than 4,300."""
    if sum(c.isdigit() or c in "abcdefABCDEF" for c in text) > MAX_DIGITS:
        raise _Refused(
            line,
            f"this number has more than {MAX_DIGITS} digits; no world needs one that large. "
            "Put it in quotes if it is meant as text.",
        )


class Located:
    """Plain data from one file and the line of every path in it."""

    def __init__(self, file: str, data: Any, lines: dict[Path_, int]) -> None:
        self.file = file
        self.data = data
        self.lines = lines

    def line(self, path: Path_) -> int:
        """The line of the deepest part of `path` that was written down."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


class _Reader:
    """Turns ruamel's nodes into plain data, noting the line of every key and item."""

    def __init__(self, name: str, alias_lines: dict[tuple[int, int, int], int]) -> None:
        self.name = name
        self.alias_lines = alias_lines
        self.lines: dict[Path_, int] = {(): 1}
        self.seen: set[int] = set()  # containers already read: a later use is an alias

    def plain(self, node: Any, path: Path_, alias: bool = False) -> Any:
        if not isinstance(node, CommentedMap | CommentedSeq | CommentedSet):
            return _scalar(node)
        if len(path) > MAX_DEPTH:  # an alias placed deep can repeat something deep
            raise self.error(
                path, f"this is nested more than {MAX_DEPTH} levels deep; no world needs that."
            )
        alias = alias or id(node) in self.seen  # an alias's lines are those of its anchor
        self.seen.add(id(node))
        if isinstance(node, CommentedMap):
            result: Any = {
                _scalar(key): self.item(node, key, value, path, alias)
                for key, value in node.items()
            }
        else:
            alias = alias or isinstance(node, CommentedSet)
            result = [self.item(node, i, value, path, alias) for i, value in enumerate(node)]
        return result

    def item(self, node: Any, key: Any, value: Any, path: Path_, alias: bool) -> Any:
        here = (*path, _scalar(key))
        if not alias:  # what an alias repeats is found at the alias's line (Located.line)
            line = self.lines.get(path, 1)
            try:
                spot = node.lc.key(key) if isinstance(node, CommentedMap) else node.lc.item(key)
                line = spot[0] + 1
                if isinstance(node, CommentedSeq):
                    line = self.alias_lines.get((node.lc.line, node.lc.col, key), spot[0]) + 1
            except (KeyError, TypeError, AttributeError, IndexError):
                pass
            self.lines[here] = line
        return self.plain(value, here, alias)

    def error(self, path: Path_, message: str) -> ContentError:
        located = Located(self.name, None, self.lines)
        return ContentError([Problem(self.name, located.line(path), message)])


def _scalar(value: Any) -> Any:
    """ruamel's scalar types as plain Python: a date is kept as the text it was written as."""
    if isinstance(value, TaggedScalar):
        return str(value.value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple):  # a complex key ("? [a, b]")
        return tuple(_scalar(v) for v in value)
    return str(value)


_WIDE = {  # byte order marks of encodings other than UTF-8
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}


def _decode(raw: bytes, name: str) -> str:
    wide = next((enc for bom, enc in _WIDE.items() if raw.startswith(bom)), None)
    if wide is not None:
        raise ContentError(
            [
                Problem(
                    name,
                    1,
                    f"this file is saved as {wide} text; Kage reads UTF-8. Save it as UTF-8 "
                    "(most editors offer it under 'Save as' or 'Encoding').",
                )
            ]
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(
            [
                Problem(
                    name,
                    line,
                    f"this line has a byte ({raw[exc.start]:#04x}) that is not UTF-8 text. "
                    "Save the file as UTF-8 (most editors offer it under 'Save as' or "
                    "'Encoding').",
                )
            ]
        ) from None


def _yaml_problem(exc: MarkedYAMLError, name: str) -> Problem:
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    if "\\t" in problem or "'\\t'" in problem:
        return Problem(name, line, "this line is indented with a tab; YAML needs spaces.")
    if "duplicate key" in problem:
        key = problem.split('"')[1] if problem.count('"') >= 2 else ""
        return Problem(
            name,
            line,
            f"the key '{key}' appears twice in the same mapping. Remove or rename one of them.",
        )
    if "flow sequence" in context or "flow mapping" in context:
        opening, closing = ("[", "]") if "sequence" in context else ("{", "}")
        start = exc.context_mark.line + 1 if exc.context_mark is not None else line
        return Problem(
            name,
            start,
            f"the '{opening}' on this line is not closed. Add '{closing}' where it should end "
            f"(YAML says: {problem or 'unexpected text'} on line {line}).",
        )
    if "quoted scalar" in context:
        start = exc.context_mark.line + 1 if exc.context_mark is not None else line
        return Problem(
            name,
            start,
            "a quote opened on this line is not closed. Add the closing quote where the text "
            'ends (a quote inside the text is written twice in \'...\', or as \\" in "...").',
        )
    if problem.startswith("found undefined alias"):
        name_ = problem.split("'")[1] if problem.count("'") >= 2 else "?"
        return Problem(
            name,
            line,
            f"the alias '*{name_}' repeats nothing: no '&{name_}' is written before it in this "
            "file. Write the anchor first (an alias can only repeat what comes before it), or "
            "write the value itself.",
        )
    if "found another document" in problem:
        return Problem(
            name, line, "a second YAML document ('---') starts here; use one document per file."
        )
    what = problem or context or "this is not valid YAML"
    hint = " Check the indentation and that every ':' is followed by a space."
    if context:
        what = f"{what} ({context})"
    return Problem(name, line, f"YAML cannot read this line: {what}.{hint}")


def parse(text: str, name: str, budget: Budget | None = None) -> Located:
    """Read one file's text, spending from the world's `budget` (a fresh one if None).
    ContentError (with its file and line) if it is not YAML or holds more than it may."""
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.Composer = _BoundedComposer
    yaml.Scanner = _BoundedScanner
    yaml.kage_budget = budget  # type: ignore[attr-defined]  # read by the composer
    try:
        node = yaml.load(text)
    except _Refused as exc:
        raise ContentError([Problem(name, exc.line + 1, exc.message)]) from None
    except MarkedYAMLError as exc:
        raise ContentError([_yaml_problem(exc, name)]) from None
    except ReaderError as exc:
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else 1
        code = exc.character if isinstance(exc.character, int) else None
        char = f" ({chr(code)!r})" if code is not None else ""
        message = f"this line has a control character{char} that YAML does not allow; delete it."
        raise ContentError([Problem(name, line, message)]) from None
    except RecursionError:
        raise ContentError([Problem(name, 1, "the file is nested too deeply")]) from None
    except Exception as exc:  # ruamel raises assorted errors for odd input
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ContentError([Problem(name, 1, f"YAML cannot read this file: {message}.")]) from None
    reader = _Reader(name, yaml.composer.alias_lines)
    return Located(name, reader.plain(node, ()), reader.lines)


def read(raw: bytes, name: str, budget: Budget | None = None) -> Located:
    """Read one file's bytes. ContentError (with its file and line) if they are not YAML."""
    return parse(_decode(raw, name), name, budget)


def load(path: Path, name: str) -> Located:
    """Read one world file (a regular file of at most files.MAX_FILE_BYTES). ContentError
    (with its file and line) if it cannot be read."""
    return read(files.read_file(path, name), name)
