"""The saves folder: one sub-folder of saves per world, so a world's save can never
replace another world's save of the same name, and a listing can say whose each is.

Saves written before worlds had folders lie loose in the saves folder itself; they are
still listed (under the world their file names) and restored when the world's own
folder has no save of that name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kage.persist.saves import SaveError, SaveInfo, SaveStore, file_stem


@dataclass(frozen=True)
class Listed:
    """One save in a listing of the whole saves folder."""

    world_id: str | None  # None if the file cannot be read
    info: SaveInfo


def world_store(root: Path, world_id: str) -> SaveStore:
    """The store of one world's saves under the saves folder ``root``."""
    return SaveStore(root / file_stem(world_id))


def loose_store(root: Path) -> SaveStore:
    """The saves lying in ``root`` itself: written before saves had world folders."""
    return SaveStore(root)


def list_all(root: Path) -> list[Listed]:
    """Every save under ``root``, each with its world, sorted by world then name.

    A folder that cannot be read is skipped only if it is not a world folder at all;
    errors in reading a save are reported in its entry, as ``SaveStore.list`` does.
    """
    found: list[Listed] = []
    try:
        folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.is_symlink())
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise SaveError(f'Could not list the saves in "{root}": {exc.strerror or exc}.') from exc
    for store in [loose_store(root), *(SaveStore(folder) for folder in folders)]:
        for info in store.list():
            found.append(Listed(_world_of(info), info))
    return sorted(found, key=lambda e: (e.world_id or "", e.info.name.lower()))


def worlds_having(root: Path, name: str, besides: str) -> list[str]:
    """The other worlds (not ``besides``) that have a save called ``name``."""
    worlds = set()
    for entry in list_all(root):
        if entry.world_id not in (None, besides) and entry.info.ok:
            try:
                same = SaveStore(entry.info.path.parent).path_for(name) == entry.info.path
            except SaveError:
                return []
            if same:
                worlds.add(entry.world_id)
    return sorted(w for w in worlds if w)


def _world_of(info: SaveInfo) -> str | None:
    return info.world_id if info.ok else None
