"""Finding and reading a world's files: regular files only, and never more bytes than a
world may hold.

A world folder may come from anyone, so nothing in it is trusted to be what its name says.
A file is opened without following a symbolic link and without waiting for a writer (a
named pipe would block a plain open forever), then checked with fstat: anything but a
regular file is refused before a byte is read, and nothing of what a link points to is
read or quoted. Sizes are checked from fstat and again while reading, so a file that grows
(or lies about its size, as /proc files do) is never read past the limit.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from kage.content.errors import ContentError, Problem

MAX_FILE_BYTES = 256 << 10  # 256 KiB for one file; Banished's largest is 26 KB. ruamel's
# pure-Python parser reads 1-7 us a byte, so a file of this size takes at most about 2 s.
MAX_WORLD_BYTES = 4 << 20  # 4 MiB for all the files of a world together; Banished: 145 KB
MAX_FILES = 1000  # world files in one folder; Banished has 13
SUFFIXES = (".yaml", ".yml")
_CHUNK = 1 << 16

# Open for reading, never through a symbolic link, never waiting on a pipe's writer.
_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def shown(name: str | Path) -> str:
    """A file's name as it can be printed in a message: bytes that are not UTF-8 and
    characters that are not printable (a newline in a name) are written as escapes."""
    text = os.fsencode(name).decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def world_files(folder: Path) -> list[Path]:
    """The world files in `folder` (names ending .yaml or .yml, not hidden), sorted by name.
    ContentError if `folder` is not a folder, holds none, or holds more than MAX_FILES."""
    where = shown(folder)
    try:
        with os.scandir(folder) as entries:
            names = sorted(
                entry.name
                for entry in entries
                if entry.name.endswith(SUFFIXES) and not entry.name.startswith((".", "~"))
            )
    except NotADirectoryError:
        raise ContentError([Problem(where, 0, "is not a folder of world files")]) from None
    except FileNotFoundError:
        raise ContentError([Problem(where, 0, "is not a folder of world files")]) from None
    except OSError as exc:
        raise ContentError([Problem(where, 0, f"cannot be read: {_reason(exc)}")]) from None
    if not names:
        raise ContentError(
            [
                Problem(
                    where,
                    0,
                    "holds no world files. A world is a folder of .yaml files; "
                    "start with a world.yaml that has a 'world:' section.",
                )
            ]
        )
    if len(names) > MAX_FILES:
        raise ContentError(
            [
                Problem(
                    where,
                    0,
                    f"holds {len(names):,} world files; a world may have at most "
                    f"{MAX_FILES:,}. Join small files together.",
                )
            ]
        )
    return [folder / name for name in names]


def total_size(paths: list[Path]) -> int:
    """The bytes the regular files among `paths` say they hold (links are not followed)."""
    total = 0
    for path in paths:
        try:
            info = path.lstat()
        except OSError:
            continue  # reported when the file is read
        if stat.S_ISREG(info.st_mode):
            total += info.st_size
    return total


def too_big_world(where: str, size: int) -> ContentError:
    return ContentError(
        [
            Problem(
                where,
                0,
                f"the world's files come to {size:,} bytes together; a world may have at most "
                f"{MAX_WORLD_BYTES:,} bytes of files. No world needs that much: look for a "
                "file that does not belong.",
            )
        ]
    )


def read_file(path: Path, name: str, room: int | None = None) -> bytes:
    """The bytes of one world file: at most MAX_FILE_BYTES, and at most `room` (what the
    world has left). ContentError, naming the file as `name`, if it is not a regular file
    or is too large; nothing past the limit is ever read."""
    limit = MAX_FILE_BYTES if room is None else min(MAX_FILE_BYTES, room)
    try:
        if path.is_symlink():  # lstat: the open below would refuse it too, less clearly
            raise _refused(name, "is a symbolic link")
        fd = os.open(path, _FLAGS)
    except ContentError:
        raise
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK) or path.is_symlink():
            raise _refused(name, "is a symbolic link") from None
        raise ContentError([Problem(name, 0, f"cannot be read: {_reason(exc)}")]) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _refused(name, f"is {_kind(info.st_mode)}")
        if info.st_size > limit:
            raise _too_big(name, info.st_size, limit)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise _too_big(name, size, limit, grew=True)
        return b"".join(chunks)
    except OSError as exc:
        raise ContentError([Problem(name, 0, f"cannot be read: {_reason(exc)}")]) from None
    finally:
        os.close(fd)


def world_bytes(folder: Path) -> list[tuple[str, bytes]]:
    """Each world file's name and bytes, in order of name, read within every limit above
    (for a digest of the world, such as a cache key: hash os.fsencode(name), as a name
    need not be UTF-8). ContentError with the first problem met; the loader
    (kage.content.compile) reports them all."""
    paths = world_files(folder)
    size = total_size(paths)
    if size > MAX_WORLD_BYTES:
        raise too_big_world(shown(folder), size)
    result: list[tuple[str, bytes]] = []
    room = MAX_WORLD_BYTES
    for path in paths:
        raw = read_file(path, shown(path.name), room)
        room -= len(raw)
        result.append((path.name, raw))
    return result


def _refused(name: str, what: str) -> ContentError:
    return ContentError(
        [
            Problem(
                name,
                0,
                f"{what}, not a regular file. Kage reads only regular files inside the "
                "world's folder: put the file itself here, or rename this so it does not "
                "end in .yaml.",
            )
        ]
    )


def _too_big(name: str, size: int, limit: int, grew: bool = False) -> ContentError:
    said = f"holds more than {limit:,} bytes" if grew else f"is {size:,} bytes"
    if limit >= MAX_FILE_BYTES:
        why = f"a world file may be at most {MAX_FILE_BYTES:,} bytes. Split it into several files."
    else:
        why = (
            f"with it the world's files would come to more than {MAX_WORLD_BYTES:,} bytes, "
            "the most a world may have."
        )
    return ContentError([Problem(name, 0, f"{said}; {why}")])


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
