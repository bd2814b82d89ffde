"""Whatever a writer puts in a world file, the loader answers with a world or a ContentError:
never another exception, never a traceback. KAGE_FUZZ_SCALE=20 hunts twenty times longer."""

from __future__ import annotations

import copy
import functools
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.content.worlds import BANISHED, MINIMAL, minimal

from kage.content import compile as compile_module
from kage.content import yaml_lines
from kage.content.compile import BUG, SECTIONS, load_world
from kage.content.errors import ContentError

SCALE = int(os.environ.get("KAGE_FUZZ_SCALE", "1"))  # more examples for a longer hunt
FAST = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

TOKENS = [
    *(f"{name}:" for name in SECTIONS),
    "\n",
    "\n  ",
    "  ",
    "    ",
    "- ",
    ": ",
    ":",
    "id",
    "name",
    "exits",
    "north",
    "nrth",
    "at",
    "to",
    "minutes",
    "when",
    "effects",
    "say",
    "set",
    "not",
    "all",
    "flag",
    "room",
    "street",
    "hero",
    "{",
    "}",
    "[",
    "]",
    ", ",
    "'",
    '"',
    "&a ",
    "*a",
    "!!str ",
    "!!int ",
    "!!binary ",
    "!!set ",
    "!thing ",
    "? ",
    "|\n",
    ">\n",
    "# note",
    "\t",
    "1",
    "-5",
    "3.5",
    ".inf",
    ".nan",
    "true",
    "null",
    "~",
    "2020-01-01",
    "2020-13-45",
    "12:30:00",
    "0x1F",
    "<<: ",
    "---\n",
    "...\n",
    "%YAML 1.2\n",
    "\x00",
    "\x85",
    "é",
    "\ufeff",
    "\u2028",
]

yamlish = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)

WORDS = ["room", "street", "hero", "outside", "north", "x", "", "3h", "soon", "Hero"]
KEYS = [
    "id",
    "name",
    "at",
    "to",
    "exits",
    "north",
    "when",
    "effects",
    "text",
    "description",
    "minutes",
    "flag",
    "all",
    "not",
    "say",
    "move",
    "from",
    "strength",
    "words",
    "topics",
    "won",
    "player",
    "keeper",
]
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-1000, 1000)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(WORDS)
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner),
    max_leaves=12,
)
documents = st.dictionaries(st.sampled_from(SECTIONS), values, max_size=3)


def answers(folder: Path) -> None:
    """Loading `folder` gives a world or a ContentError whose problems name a file."""
    try:
        load_world(folder)
    except ContentError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.file
            assert problem.line >= 0
            assert problem.message.strip()
            assert BUG not in problem.message, str(problem)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return minimal(tmp_path_factory.mktemp("tiny"))


@given(text=yamlish, name=st.sampled_from(["places.yaml", "extra.yaml"]))
@settings(FAST, max_examples=150 * SCALE)
def test_yamlish_text(tiny: Path, text: str, name: str) -> None:
    (tiny / name).write_text(text, encoding="utf-8")
    try:
        answers(tiny)
    finally:
        _restore(tiny, name)


@given(raw=st.binary(max_size=80))
@settings(FAST, max_examples=40 * SCALE)
def test_any_bytes(tiny: Path, raw: bytes) -> None:
    (tiny / "extra.yaml").write_bytes(raw)
    try:
        answers(tiny)
    finally:
        _restore(tiny, "extra.yaml")


@given(document=documents, name=st.sampled_from(["places.yaml", "world.yaml", "extra.yaml"]))
@settings(FAST, max_examples=150 * SCALE)
def test_random_structures(tiny: Path, document: dict[str, object], name: str) -> None:
    (tiny / name).write_text(json.dumps(document), encoding="utf-8")
    try:
        answers(tiny)
    finally:
        _restore(tiny, name)


def _restore(folder: Path, name: str) -> None:
    if name in MINIMAL:
        (folder / name).write_text(MINIMAL[name], encoding="utf-8")
    else:
        (folder / name).unlink(missing_ok=True)


# -- mutations of the bundled campaign -----------------------------------------------------
@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of Banished. Files that did not change are parsed once (YAML parsing is most
    of the loader's time); the changed file goes through the real parser every time."""
    folder = tmp_path_factory.mktemp("banished") / "banished"
    shutil.copytree(BANISHED, folder)
    cached = functools.lru_cache(maxsize=64)(yaml_lines.read)
    patch = pytest.MonkeyPatch()
    patch.setattr(
        compile_module, "read", lambda raw, name, budget=None: copy.deepcopy(cached(raw, name))
    )
    yield folder
    patch.undo()


FILES = sorted(p.name for p in BANISHED.glob("*.yaml"))


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.sampled_from(FILES))
    lines = (BANISHED / name).read_text(encoding="utf-8").split("\n")
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "indent"]))
        line = lines[i]
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, line)
        elif kind == "swap" and len(line) >= 2:
            j = draw(st.integers(0, len(line) - 2))
            lines[i] = line[:j] + line[j + 1] + line[j] + line[j + 2 :]
        elif kind == "insert":
            j = draw(st.integers(0, len(line)))
            lines[i] = line[:j] + draw(st.sampled_from(TOKENS)) + line[j:]
        elif kind == "indent":
            lines[i] = draw(st.sampled_from(["", " ", "  ", "\t"])) + line.lstrip(" ")
        if not lines:
            lines = [""]
    return name, "\n".join(lines)


@given(mutation=mutations())
@settings(FAST, max_examples=60 * SCALE)
def test_mutated_campaign(campaign: Path, mutation: tuple[str, str]) -> None:
    name, text = mutation
    (campaign / name).write_text(text, encoding="utf-8")
    try:
        answers(campaign)
    finally:
        shutil.copyfile(BANISHED / name, campaign / name)
