"""The hostile world corpus: world folders built to break a loader.

Each entry is the minimal valid world (tests/content/worlds.py) plus one hostile thing: a
file from this folder, or one made by a small function where the file would be big (alias
bombs, huge lines and lists, sparse files of a terabyte) or cannot be stored in git (links,
named pipes, a folder named like a file). Every entry must be refused with a clear message
naming a file, quickly, or load if it is valid. Used by tests/content/test_hostile.py and
benchmarks/hostile_worlds.py.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.content.worlds import MINIMAL, minimal

from kage.content import files, yaml_lines

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Entry:
    name: str
    build: Callable[[Path], Path]  # makes the world inside an empty folder; returns the path
    says: str  # part of the message that must refuse it ("" if it is valid)
    cli: bool = True  # also checked by a real `kage check` (see `no_cli` below)

    @property
    def valid(self) -> bool:
        return not self.says


def _world(place: Path, **extra: bytes | str) -> Path:
    folder = place / "world"
    minimal(folder)
    for name, data in extra.items():
        path = folder / name
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return folder


def stored(file: str, says: str) -> Entry:
    """A hostile file kept in this folder, added to the minimal world as x.yaml."""
    return Entry(
        file.removesuffix(".yaml"),
        lambda p: _world(p, **{"x.yaml": (HERE / file).read_bytes()}),
        says,
    )


def made(name: str, text: Callable[[], bytes | str], says: str) -> Entry:
    """A hostile file made by `text()`, added to the minimal world as x.yaml."""
    return Entry(name, lambda p: _world(p, **{"x.yaml": text()}), says)


# -- files too big to keep ---------------------------------------------------------------
def bomb(levels: int, width: int = 10) -> str:
    """The "billion laughs": width**levels values once aliases are expanded."""
    items = ", ".join(["lol"] * width)
    lines = ["things:", f"  - {{id: t0, name: t, at: room, props: {{l0: &l0 [{items}]}}}}"]
    for i in range(1, levels):
        items = ", ".join([f"*l{i - 1}"] * width)
        lines.append(f"  - {{id: t{i}, name: t, at: room, props: {{l{i}: &l{i} [{items}]}}}}")
    return "\n".join(lines) + "\n"


def merge_bomb(levels: int) -> str:
    """Merge keys ('<<') doubling a mapping at each level."""
    lines = ["things:", "  - {id: m0, name: m, at: room, props: &m0 {a0: 1, b0: 2}}"]
    for i in range(1, levels):
        lines.append(
            f"  - {{id: m{i}, name: m, at: room, props: &m{i} "
            f"{{<<: [*m{i - 1}], a{i}: *m{i - 1}, b{i}: *m{i - 1}}}}}"
        )
    return "\n".join(lines) + "\n"


def huge_line() -> str:
    return 'hope:\n  - {text: "' + "x" * (2 << 20) + '"}\n'


def huge_list() -> str:
    return "hope: [" + ", ".join(["{text: x}"] * ((2 << 20) // 11)) + "]\n"


def long_line_within_limit() -> str:
    return 'hope:\n  - {text: "' + "word " * (files.MAX_FILE_BYTES // 5 - 20) + '"}\n'


def many_values() -> str:
    """Just under the byte limit, and far more values than a file may hold."""
    return "hope: [" + "a," * (files.MAX_FILE_BYTES // 2 - 10) + "a]\n"


def many_keys() -> str:
    return "mood_words:\n" + "".join(f"  w{i}: 1\n" for i in range(yaml_lines.MAX_FILE_NODES))


def deep_flow() -> str:
    return "hope: " + "[" * 250_000 + "\n"


def deep_block() -> str:
    return "hope:\n" + "".join(" " * i + "-\n" for i in range(1, 150))


def binary_junk() -> bytes:
    return random.Random(8).randbytes(64 << 10)


def junk_after_good_lines() -> bytes:
    return MINIMAL["places.yaml"].replace("places:", "hope:", 1).encode() + bytes(range(256)) * 4


# -- things that are not regular files ------------------------------------------------------
def _sparse(place: Path, size: int) -> Path:
    folder = _world(place)
    with (folder / "x.yaml").open("wb") as handle:
        handle.truncate(size)  # zeros that take no disk, refused if ever read
    return folder


def _world_too_big(place: Path) -> Path:
    folder = _world(place)
    for i in range(files.MAX_WORLD_BYTES // files.MAX_FILE_BYTES + 1):
        with (folder / f"part{i:02}.yaml").open("wb") as handle:
            handle.truncate(files.MAX_FILE_BYTES)
    return folder


def _many_files(place: Path) -> Path:
    folder = _world(place)
    for i in range(files.MAX_FILES):
        (folder / f"n{i:04}.yaml").write_text("hope: []\n")
    return folder


def _link(target: str | Callable[[Path], Path]) -> Callable[[Path], Path]:
    def build(place: Path) -> Path:
        folder = _world(place)
        to = target(place) if callable(target) else Path(target)
        (folder / "x.yaml").symlink_to(to)
        return folder

    return build


def _outside(place: Path) -> Path:
    path = place / "elsewhere.yaml"
    path.write_text("hope:\n  - {text: from elsewhere}\n")
    return path


def _fifo(place: Path) -> Path:
    folder = _world(place)
    os.mkfifo(folder / "x.yaml")
    return folder


def _folder_named_yaml(place: Path) -> Path:
    folder = _world(place)
    (folder / "x.yaml").mkdir()
    (folder / "x.yaml" / "world.yaml").write_text(MINIMAL["world.yaml"])
    return folder


def _world_is_a_file(place: Path) -> Path:
    path = place / "world.yaml"
    path.write_text(MINIMAL["world.yaml"])
    return path


def _world_is_a_fifo(place: Path) -> Path:
    os.mkfifo(place / "world")
    return place / "world"


def _odd_name(name: bytes, text: str) -> Callable[[Path], Path]:
    def build(place: Path) -> Path:
        folder = _world(place)
        with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
            handle.write(text.encode())
        return folder

    return build


def _unknown_ids(place: Path) -> Path:
    """400 places, and 400 things each in a place misspelt: a did-you-mean for each would
    compare each with every id (half a minute before they were bounded)."""
    places = "places:\n" + "".join(f"  - {{id: place_{i:05}, name: p}}\n" for i in range(400))
    things = "things:\n" + "".join(
        f"  - {{id: t{i}, name: t, at: plaec_{i:05}}}\n" for i in range(400)
    )
    return _world(place, **{"a.yaml": places, "b.yaml": things})


def _empty_folder(place: Path) -> Path:
    (place / "world").mkdir()
    return place / "world"


NOT_A_FILE = "not a regular file. Kage reads only regular files inside the world's folder"
NESTED = f"nested more than {yaml_lines.MAX_DEPTH} levels deep"
ALIASES = "once aliases are repeated; that is the most allowed"

ENTRIES: list[Entry] = [
    # aliases
    made("alias bomb 10^6", lambda: bomb(6), ALIASES),
    made("alias bomb 10^9", lambda: bomb(9), ALIASES),
    made("alias bomb 2^40", lambda: bomb(40, width=2), ALIASES),
    made("merge-key bomb", lambda: merge_bomb(40), ALIASES),
    stored("alias_recursive.yaml", "the alias '*a' is inside the '&a' it repeats"),
    stored("alias_cycle.yaml", "the alias '*a' is inside the '&a' it repeats"),
    stored("merge_self.yaml", "the alias '*words' is inside the '&words' it repeats"),
    stored("alias_undefined.yaml", "the alias '*nowhere' repeats nothing"),
    # nesting, size, counts
    made("deep nesting, flow", deep_flow, NESTED),
    made("deep nesting, block", deep_block, NESTED),
    made("2 MB line", huge_line, "a world file may be at most"),
    made("2 MB list", huge_list, "a world file may be at most"),
    made("line of 256 KB (valid)", long_line_within_limit, ""),
    made("100,000 values in 256 KB", many_values, "the most one file may hold"),
    made("10,000 keys", many_keys, "the most one file may hold"),
    made("20-digit number", lambda: (HERE / "huge_number.yaml").read_text(), "more than 20 digits"),
    made("100,000-digit number", lambda: "hope: " + "9" * 100_000 + "\n", "more than 20 digits"),
    Entry("sparse file of 1 TB", lambda p: _sparse(p, 1 << 40), "the world's files come to"),
    Entry("file of 256 KiB + 1", lambda p: _sparse(p, files.MAX_FILE_BYTES + 1), "may be at most"),
    Entry("world of 4 MiB + 1", _world_too_big, "the world's files come to"),
    Entry("1,003 files", _many_files, f"a world may have at most {files.MAX_FILES:,}"),
    # bytes and encodings
    made("binary junk", binary_junk, "not UTF-8"),
    made("junk after good lines", junk_after_good_lines, "not UTF-8"),
    stored("invalid_utf8.yaml", "not UTF-8"),
    stored("utf16.yaml", "this file is saved as UTF-16 text"),
    stored("nul_byte.yaml", "control character"),
    stored("control_chars.yaml", "control character"),
    stored("bom.yaml", ""),
    stored("cr_only.yaml", ""),
    stored("tabs.yaml", "indented with a tab"),
    stored("empty.yaml", "the file is empty"),
    stored("only_comments.yaml", "the file is empty"),
    # YAML that parses into the wrong thing
    stored("duplicate_keys.yaml", "the key 'name' appears twice"),
    stored("wrong_types.yaml", "must be a list"),
    stored("not_sections.yaml", "must be made of sections"),
    stored("complex_keys.yaml", "unknown section"),
    stored("two_documents.yaml", "one document per file"),
    stored("unclosed.yaml", "is not closed"),
    stored("python_object.yaml", "the tag '!!python/object/apply:os.system' means nothing"),
    stored("python_name.yaml", "the tag '!!python/name:os.system' means nothing"),
    stored("odd_tags.yaml", "the tag '!custom' means nothing"),
    stored("directives.yaml", "the tag 'tag:kage,2024:line' means nothing"),
    stored("infinities.yaml", "the 'mood' of person 'ghost'"),
    # what the data means
    stored("box_in_itself.yaml", "thing 'box' is inside itself"),
    stored("ring_of_things.yaml", "'bag' is in 'chest', 'chest' is in 'bag'"),
    stored("clock_past_9999.yaml", "past the end of the year 9999"),
    Entry("400 unknown ids", _unknown_ids, "'plaec_00399', which is not a known place"),
    # not regular files
    Entry("symlink to /dev/zero", _link("/dev/zero"), "is a symbolic link, " + NOT_A_FILE),
    Entry("symlink to /etc/passwd", _link("/etc/passwd"), "is a symbolic link, " + NOT_A_FILE),
    Entry("symlink out of the folder", _link(_outside), "is a symbolic link, " + NOT_A_FILE),
    Entry("named pipe", _fifo, "is a named pipe (FIFO), " + NOT_A_FILE),
    Entry("folder named x.yaml", _folder_named_yaml, "is a folder, " + NOT_A_FILE),
    Entry("world folder is a file", _world_is_a_file, "folder"),
    Entry("world folder is a pipe", _world_is_a_fifo, "folder"),
    Entry("world folder is empty", _empty_folder, "holds no world files"),
    # names
    Entry("file name not UTF-8", _odd_name(b"caf\xe9.yaml", "hope: [{text: x}]\n"), ""),
    Entry("newline in a file name", _odd_name(b"a\nb.yaml", "hope: [5]\n"), "not 5"),
]

no_cli = {e.name for e in ENTRIES if not e.cli}
