"""Reading YAML while remembering on which line every value was written.

ruamel.yaml's round-trip loader keeps the position of each key and item; this module
turns its output into plain Python data plus a table from path to line, so that schema
errors (which name a path) can be reported as file:line. Anything that stops a file from
being read (bad bytes, bad YAML) becomes a ContentError naming the line and the fix.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, CommentedSet, TaggedScalar
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.reader import ReaderError

from kage.content.errors import ContentError, Problem

Path_ = tuple[Any, ...]
MAX_DEPTH = 60  # deeper than any world needs; stops runaway nesting early


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

    def __init__(self, name: str) -> None:
        self.name = name
        self.lines: dict[Path_, int] = {(): 1}
        self.seen: set[int] = set()  # containers already read: a later use is an alias

    def plain(self, node: Any, path: Path_, alias: bool = False) -> Any:
        if not isinstance(node, CommentedMap | CommentedSeq | CommentedSet):
            return _scalar(node)
        if len(path) > MAX_DEPTH:  # also stops an alias that contains itself
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
        line = self.lines.get(path, 1)
        if not alias:
            try:
                spot = node.lc.key(key) if isinstance(node, CommentedMap) else node.lc.item(key)
                line = spot[0] + 1
            except (KeyError, TypeError, AttributeError, IndexError):
                pass
        here = (*path, _scalar(key))
        self.lines[here] = line
        return self.plain(value, here, alias)

    def error(self, path: Path_, message: str) -> ContentError:
        return ContentError([Problem(self.name, self.lines.get(path, 1), message)])


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


def _decode(raw: bytes, name: str) -> str:
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
    if "found another document" in problem:
        return Problem(
            name, line, "a second YAML document ('---') starts here; use one document per file."
        )
    what = problem or context or "this is not valid YAML"
    hint = " Check the indentation and that every ':' is followed by a space."
    if context:
        what = f"{what} ({context})"
    return Problem(name, line, f"YAML cannot read this line: {what}.{hint}")


def parse(text: str, name: str) -> Located:
    """Read one file's text. ContentError (with its file and line) if it is not YAML."""
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        node = yaml.load(text)
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
    reader = _Reader(name)
    return Located(name, reader.plain(node, ()), reader.lines)


def read(raw: bytes, name: str) -> Located:
    """Read one file's bytes. ContentError (with its file and line) if they are not YAML."""
    return parse(_decode(raw, name), name)


def load(path: Path, name: str) -> Located:
    """Read one world file. ContentError (with its file and line) if it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError([Problem(name, 0, f"cannot be read: {exc.strerror or exc}")]) from None
    return read(raw, name)
