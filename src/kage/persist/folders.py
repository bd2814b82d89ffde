"""The saves folder: one sub-folder of saves per world, so a world's save can never
replace another world's save of the same name, and a listing can say whose each is.

Saves written before worlds had folders lie loose in the saves folder itself; they are
still listed (under the world their file names) and restored when the world's own
folder has no save of that name.
"""

from __future__ import annotations

from pathlib import Path

from kage.persist.saves import SaveError, SaveInfo, SaveStore, file_stem


def world_store(root: Path, world_id: str) -> SaveStore:
    """The store of one world's saves under the saves folder ``root``."""
    return SaveStore(root / file_stem(world_id))


def loose_store(root: Path) -> SaveStore:
    """The saves lying in ``root`` itself: written before saves had world folders."""
    return SaveStore(root)


def list_all(root: Path) -> list[SaveInfo]:
    """Every save under ``root``, sorted by world then name; an unreadable save (whose
    ``world_id`` is None) comes first, with its error, as ``SaveStore.list`` gives it."""
    found: list[SaveInfo] = []
    for store in _stores(root):
        found.extend(store.list())
    return sorted(found, key=lambda info: (info.world_id or "", info.name.lower()))


def worlds_having(root: Path, name: str, besides: str) -> list[str]:
    """The worlds other than ``besides`` that have a readable save called ``name``."""
    worlds = set()
    for store in _stores(root):
        try:
            path = store.path_for(name)
            if path.exists():
                worlds.add(store.read(name).world_id)
        except SaveError:
            continue
    return sorted(worlds - {besides})


def _stores(root: Path) -> list[SaveStore]:
    """The loose store and one store per world folder (symbolic links are not followed)."""
    try:
        folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.is_symlink())
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise SaveError(f'Could not list the saves in "{root}": {exc.strerror or exc}.') from exc
    return [loose_store(root), *(SaveStore(folder) for folder in folders)]
