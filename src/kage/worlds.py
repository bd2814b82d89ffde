"""Finding a world by name or path, and loading it."""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from kage import __version__
from kage.content.errors import ContentError, Problem
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
    code = [package / "world" / "model.py", *sorted((package / "content").rglob("*.py"))]
    for path in code:
        digest.update(path.read_bytes())
    for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:24]


def load(name: str | None, cache: bool = True) -> World:
    """Load a world. A compiled world is cached by the hash of its files, because reading
    YAML with line numbers and validating it costs far more than the game's start-up budget;
    any change to the files (or to Kage's version) makes a new entry."""
    folder = locate(name)
    if not cache:
        return from_files(folder)
    try:
        cached = cache_dir() / f"{_key(folder)}.pickle"
    except OSError:
        return from_files(folder)
    try:
        with cached.open("rb") as handle:
            world = pickle.load(handle)
        if isinstance(world, World):
            return world
    except Exception:  # a missing, stale or damaged cache entry is rebuilt, never fatal
        pass
    world = from_files(folder)
    _store(cached, world)
    return world


def from_files(folder: Path) -> World:
    """Compile a world from its YAML. Imported late: pydantic and ruamel are slow to load."""
    from kage.content.compile import load_world

    return load_world(folder)


def _store(path: Path, world: World) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
            pickle.dump(world, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        pass  # a read-only home only costs speed
