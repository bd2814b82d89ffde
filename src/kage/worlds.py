"""Finding a world by name or path, and loading it."""

from __future__ import annotations

from pathlib import Path

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


def load(name: str | None) -> World:
    from kage.content.compile import load_world

    return load_world(locate(name))
