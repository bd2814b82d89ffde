"""Temporary files that can be told apart from debris: the writer holds a lock on its
temporary file for as long as it works on it, so a file nobody holds was left by a
writer that died (SIGKILL, power cut) and can be swept.

Why a lock rather than an age rule: a save can take any time (a slow disk, a huge log),
so no age proves a writer dead, while the operating system drops a dead process's locks
at once. ``flock`` locks belong to the open file, not the process, so SQLite's own POSIX
locks on the same file (taken through another descriptor) neither see nor release them.

Where there is no ``flock`` (Windows), a file in use cannot be deleted anyway, so the
sweep falls back to files untouched for ``STALE_SECONDS``.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from contextlib import suppress
from pathlib import Path

try:
    import fcntl

    HAVE_FLOCK = True
except ImportError:  # Windows
    HAVE_FLOCK = False

STALE_SECONDS = 3600  # only used without flock
SIDE_SUFFIXES = ("", "-journal", "-wal", "-shm")  # SQLite's files next to a database


def create_locked(directory: Path, prefix: str, suffix: str) -> tuple[int, Path]:
    """A new, empty, uniquely named file in ``directory``, locked by the returned
    descriptor until it is closed.

    A sweep may have removed the file between its creation and the lock (it was not yet
    held); the name is then checked against the descriptor and a new file made.
    """
    while True:
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=directory)
        if not HAVE_FLOCK:
            return fd, Path(name)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            same = os.stat(name).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return fd, Path(name)
        os.close(fd)


def sweep(directory: Path, suffix: str) -> int:
    """Delete the files ending in ``suffix`` (and their SQLite side files) that no
    writer holds; return how many were deleted. Never raises: sweeping is housekeeping."""
    removed = 0
    try:
        candidates = [p for p in directory.iterdir() if p.name.endswith(suffix)]
    except OSError:
        return 0
    for path in candidates:
        if _remove_if_abandoned(path):
            removed += 1
    return removed


def _remove_if_abandoned(path: Path) -> bool:
    """Delete ``path`` (and its side files) if no live writer holds it, while holding
    its lock ourselves; whether it was deleted. Only regular files are ever judged so."""
    if not HAVE_FLOCK:
        try:
            if not path.is_file() or time.time() - path.stat().st_mtime < STALE_SECONDS:
                return False
        except OSError:
            return False
        return _remove(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
    except OSError:
        return False  # gone already, or not a file we may open
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # a writer is at work
        info = os.fstat(fd)
        try:
            # The name may have moved on (renamed into place) since it was listed.
            same = os.stat(path).st_ino == info.st_ino
        except OSError:
            return False
        return same and stat.S_ISREG(info.st_mode) and _remove(path)
    finally:
        os.close(fd)


def _remove(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False
    for side in SIDE_SUFFIXES[1:]:
        with suppress(OSError):
            Path(f"{path}{side}").unlink(missing_ok=True)
    return True
