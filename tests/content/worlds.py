"""Small worlds to break: a minimal valid one written from scratch, or a copy of Banished."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kage.content.compile import load_world
from kage.content.errors import ContentError, Problem
from kage.worlds import CAMPAIGNS

BANISHED = CAMPAIGNS / "banished"

MINIMAL = {
    "world.yaml": """\
world:
  id: tiny
  title: "Tiny"
  intro: "You wake in a small room."
  player: hero
endings:
  - id: outside
    won: true
    text: "You are out."
    when: {at: street}
""",
    "places.yaml": """\
places:
  - id: room
    name: "a small room"
    description: "Bare walls."
    exits:
      north: street
  - id: street
    name: "the street"
    exits:
      south: {to: room, minutes: 2}
""",
    "people.yaml": """\
people:
  - id: hero
    name: "Hero"
    at: room
""",
}

# Words from Python and pydantic that a writer should never have to read.
JARGON = (
    "Input should",
    "Model",
    "model_type",
    "dict_type",
    "pydantic",
    "Traceback",
    "[key]",
    "validation error",
    "NoneType",
    "list[",
    "dict[",
)


def minimal(folder: Path, uses: str = "", **files: str | bytes | None) -> Path:
    """Write the minimal world into `folder`; a keyword (dots as underscores) replaces a
    file's text, or removes the file when None. `uses` names extensions for the world
    section (a line after 'player', so the lines below it move down by one)."""
    folder.mkdir(parents=True, exist_ok=True)
    texts: dict[str, str | bytes | None] = dict(MINIMAL)
    if uses:
        world = str(texts["world.yaml"])
        texts["world.yaml"] = world.replace(
            "player: hero\n", f"player: hero\n  extensions: [{uses}]\n"
        )
    texts.update({name.replace("_yaml", ".yaml"): text for name, text in files.items()})
    for name, text in texts.items():
        if text is None:
            continue
        path = folder / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return folder


def banished(folder: Path) -> Path:
    shutil.copytree(BANISHED, folder, dirs_exist_ok=True)
    return folder


def edit(folder: Path, name: str, old: str, new: str) -> int:
    """Replace the first `old` in a file with `new`; return the line `new` starts on."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return text[:at].count("\n") + 1


def problems(folder: Path) -> list[Problem]:
    """Every problem the loader finds; it must find at least one, in plain words."""
    with pytest.raises(ContentError) as info:
        load_world(folder)
    found = info.value.problems
    assert found
    for problem in found:
        assert problem.message.strip()
        for word in JARGON:
            assert word not in problem.message, f"jargon {word!r} in: {problem}"
    return found


def only(folder: Path) -> Problem:
    """The one problem in a world broken in one place."""
    found = problems(folder)
    assert len(found) == 1, "\n".join(str(p) for p in found)
    return found[0]


def find(found: list[Problem], text: str) -> Problem:
    """The problem whose message says `text`."""
    matches = [p for p in found if text in p.message]
    assert matches, f"no problem says {text!r}:\n" + "\n".join(str(p) for p in found)
    return matches[0]


def timed(seconds: float, call: Callable[[], object], hang: float = 60.0) -> object:
    """`call()`'s result (or the exception it raised), failing if it takes more than
    `seconds` of CPU time (so a busy machine does not fail it), or more than `hang` seconds
    on the clock (a read that blocks forever uses no CPU). It runs in a thread, so that a
    blocked read fails the test instead of hanging the suite."""
    box: list[object] = []
    spent: list[float] = []

    def run() -> None:
        began = time.thread_time()
        try:
            box.append(call())
        except BaseException as exc:  # handed to the test, which decides
            box.append(exc)
        finally:
            spent.append(time.thread_time() - began)

    thread = threading.Thread(target=run, daemon=True)
    start = time.perf_counter()
    thread.start()
    thread.join(hang)
    assert not thread.is_alive(), f"no answer after {hang} s"
    assert box, "the call neither returned nor raised"
    print(f"took {spent[0]:.2f} s of CPU, {time.perf_counter() - start:.2f} s in all")
    assert spent[0] <= seconds, f"took {spent[0]:.2f} s of CPU, more than {seconds} s"
    return box[0]
