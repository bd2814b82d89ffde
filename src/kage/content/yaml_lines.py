"""Reading YAML while remembering on which line every value was written.

ruamel.yaml's round-trip loader keeps the position of each key and item; this module
turns its output into plain Python data plus a table from path to line, so that schema
errors (which name a path) can be reported as file:line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from kage.content.errors import ContentError, Problem

Path_ = tuple[Any, ...]


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
        return 1


def _plain(node: Any, path: Path_, lines: dict[Path_, int]) -> Any:
    if isinstance(node, CommentedMap):
        result = {}
        for key, value in node.items():
            try:
                lines[(*path, key)] = node.lc.key(key)[0] + 1
            except (KeyError, TypeError, AttributeError):
                lines[(*path, key)] = lines.get(path, 1)
            result[key] = _plain(value, (*path, key), lines)
        return result
    if isinstance(node, CommentedSeq):
        items = []
        for index, value in enumerate(node):
            try:
                lines[(*path, index)] = node.lc.item(index)[0] + 1
            except (KeyError, TypeError, AttributeError, IndexError):
                lines[(*path, index)] = lines.get(path, 1)
            items.append(_plain(value, (*path, index), lines))
        return items
    if isinstance(node, str):
        return str(node)
    return node


def load(path: Path, name: str) -> Located:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError([Problem(name, 0, f"cannot be read: {exc}")]) from None
    try:
        node = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = (exc.problem or exc.context or "is not valid YAML").strip()
        raise ContentError([Problem(name, line, f"YAML error: {what}")]) from None
    except YAMLError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "not valid YAML"
        raise ContentError([Problem(name, 1, f"YAML error: {first}")]) from None
    lines: dict[Path_, int] = {(): 1}
    return Located(name, _plain(node, (), lines), lines)
