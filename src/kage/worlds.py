"""Finding a world by name or path, and loading it."""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from pathlib import Path

from kage import __version__, compiled
from kage.content.errors import ContentError, Problem
from kage.content.files import world_bytes
from kage.world.model import World

CAMPAIGNS = Path(__file__).parent / "campaigns"
DEFAULT = "banished"


def bundled() -> list[str]:
    return sorted(p.name for p in CAMPAIGNS.iterdir() if p.is_dir() and not p.name.startswith("_"))


def locate(name: str | None) -> Path:
    """A bundled campaign's name, or a folder path. ContentError if neither."""
    name = name or DEFAULT
    candidate = Path(name)
    if candidate.is_dir():
        return candidate
    if (CAMPAIGNS / name).is_dir():
        return CAMPAIGNS / name
    known = ", ".join(bundled())
    raise ContentError(
        [Problem(name, 0, f"no such world folder or bundled campaign (bundled: {known})")]
    )


def cache_dir() -> Path:
    if os.environ.get("KAGE_CACHE"):
        return Path(os.environ["KAGE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kage" / "worlds"


def _key(folder: Path) -> str:
    """The files of the world and the code that compiles it: a change to either is a
    different world, so a stale compiled copy is never used."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
    code = [
        package / "world" / "model.py",
        package / "compiled.py",
        package / "parser" / "grammar.py",  # compiling reads the core grammar (CORE)
        package / "parser" / "text.py",  # checking patterns reads how typed words are cut
        *sorted((package / "content").rglob("*.py")),
        *sorted((package / "core").rglob("*.py")),
        *sorted((package / "ext").rglob("*.py")),  # manifests name sections and arguments
    ]
    for path in code:
        digest.update(path.read_bytes())
    # read as the loader reads them: regular files only, within its limits, so a pipe or
    # a link to /dev/zero planted in a world cannot hang or exhaust start-up
    for name, raw in world_bytes(folder):
        digest.update(os.fsencode(name) + b"\0" + raw)
    return digest.hexdigest()[:24]


def load(name: str | None, cache: bool = True) -> World:
    """Load a world. A compiled world is cached by the hash of its files, because reading
    YAML with line numbers and validating it costs far more than the game's start-up budget;
    any change to the files (or to Kage's version) makes a new entry. The cache holds
    MessagePack (``kage.compiled``), never pickle: its folder is writable by the user, and
    a file planted there must not be able to run code. A damaged or foreign entry is
    compiled again and overwritten."""
    folder = locate(name)
    world = _load(folder, cache)
    world.runtime["folder"] = folder  # for VERIFY: the files it came from
    return world


def _load(folder: Path, cache: bool) -> World:
    if not cache:
        return from_files(folder)
    try:
        cached = cache_dir() / f"{_key(folder)}.world"
    except (OSError, ContentError):  # the loader says what is wrong, file by file
        return from_files(folder)
    try:
        return compiled.loads(_read(cached))
    except (OSError, compiled.CompiledError):  # missing, stale or damaged: rebuilt
        pass
    world = from_files(folder)
    _store(cached, world)
    return world


def source_hash(folder: Path) -> str:
    """The hash of a world's files as they are now, as the loader computes it when it
    reads them (World.source_hash): equal means the files are the ones loaded.
    ContentError if they cannot be read within the loader's limits."""
    digest = hashlib.sha256()
    for name, raw in world_bytes(folder):
        digest.update(os.fsencode(name) + b"\0" + raw)
    return digest.hexdigest()[:16]


def from_files(folder: Path) -> World:
    """Compile a world from its YAML. Imported late: pydantic and ruamel are slow to load."""
    from kage.content.compile import load_world

    return load_world(folder)


def _read(path: Path) -> bytes:
    """A cache entry's bytes: a regular file of at most compiled.MAX_BYTES, or OSError
    (a FIFO or a device planted there must not hang start-up or fill memory)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > compiled.MAX_BYTES:
            raise OSError(f"{path} is not a compiled world")
        return handle.read(compiled.MAX_BYTES + 1)


def _store(path: Path, world: World) -> None:
    try:
        blob = compiled.dumps(world)
    except (TypeError, ValueError, OverflowError):
        return  # data MessagePack cannot hold: the world is compiled each time instead
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
            temp = handle.name
            handle.write(blob)
        os.replace(temp, path)
    except OSError:  # a read-only or full disk only costs speed; leave no temp file
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
