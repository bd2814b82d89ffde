"""Reading the player's lines, bounded, from any source: a script file, a pipe, standard
input, or a line typed at the prompt.

Every front end reads through here, so the same rules hold everywhere:

- a line is bytes up to a newline, decoded as UTF-8 by Kage itself (bad bytes become
  U+FFFD), never by the locale, so a latin-1 terminal or a stray byte cannot crash play;
- at most ``MAX_BYTES`` of a line are kept: the rest is read in chunks and dropped, never
  gathered, and the line comes back ``cut`` (its first ``MAX_LINE`` characters) so the
  player is told;
- a line that has not ended after ``MAX_SKIP`` bytes ends the input: it has no end
  (``cat /dev/zero``), and reading it forever would hang.

Bytes are read with ``read1``: whatever the pipe holds, without waiting for a full chunk,
so an agent that writes one command and waits for the answer gets it.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from kage.parser.text import MAX_LINE

MAX_BYTES = 4 * (MAX_LINE + 1)  # enough for MAX_LINE + 1 characters of any UTF-8
MAX_SKIP = 64 * 1024 * 1024  # the rest of a long line is dropped up to this much
CHUNK = 64 * 1024
_BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of input: at most MAX_LINE characters; `cut` if it was longer."""

    text: str
    cut: bool = False


def bound(text: str) -> Line:
    """A line that arrived as text (typed at the prompt), held to the same limit."""
    text = text.rstrip("\r\n")
    if len(text) > MAX_LINE:
        return Line(text[:MAX_LINE], cut=True)
    return Line(text)


def decode(raw: bytes, cut: bool = False) -> Line:
    """Bytes of one line (without its newline) as a Line; never raises."""
    text = raw.decode("utf-8", errors="replace")
    if text.endswith("\r"):
        text = text[:-1]
    line = bound(text)
    return Line(line.text, cut=cut or line.cut)


class LineReader:
    """Lines from a binary stream, bounded as the module says. Iterate over it; when it
    stops, `endless` says whether that was because a line never ended."""

    def __init__(self, stream: BinaryIO) -> None:
        self._read = getattr(stream, "read1", stream.read)
        self._buffer = bytearray()
        self._eof = False
        self._first = True
        self.endless = False

    def __iter__(self) -> Iterator[Line]:
        while (line := self.read()) is not None:
            yield line

    def read(self) -> Line | None:
        """The next line, or None at the end of the input."""
        line = self._next()
        if line is not None and self._first:
            self._first = False
            if line.text.startswith(_BOM):  # a byte-order mark some editors write
                line = Line(line.text[1:], line.cut)
        return line

    def _next(self) -> Line | None:
        buffer = self._buffer
        searched = 0
        while True:
            newline = buffer.find(b"\n", searched, MAX_BYTES + 1)
            if newline >= 0:
                line = bytes(buffer[:newline])
                del buffer[: newline + 1]
                return decode(line)
            searched = len(buffer)
            if len(buffer) > MAX_BYTES:
                head = bytes(buffer[:MAX_BYTES])
                later = buffer.find(b"\n", MAX_BYTES)
                if later >= 0:
                    del buffer[: later + 1]
                else:
                    del buffer[:]
                    self._skip_rest()
                return decode(head, cut=True)
            if self._eof:
                break
            chunk = self._chunk()
            if chunk:
                buffer += chunk
        if buffer:  # the last line, without a newline
            line = bytes(buffer)
            del buffer[:]
            return decode(line)
        return None

    def _chunk(self) -> bytes:
        if self._eof:
            return b""
        chunk = self._read(CHUNK)
        if not chunk:
            self._eof = True
        return chunk

    def _skip_rest(self) -> None:
        """Drop the rest of an over-long line; what follows its newline is kept."""
        skipped = 0
        while skipped <= MAX_SKIP:
            chunk = self._chunk()
            if not chunk:
                return
            newline = chunk.find(b"\n")
            if newline >= 0:
                self._buffer += chunk[newline + 1 :]
                return
            skipped += len(chunk)
        self.endless = True
        self._eof = True


ENDLESS = (
    f"(The input had a line of more than {MAX_SKIP // (1024 * 1024)} MB without an end; "
    "Kage stopped reading there.)"
)


def standard_input() -> BinaryIO:
    """Standard input as bytes; an empty stream if the process has none (started with
    it closed), which is simply no commands."""
    stdin = sys.stdin
    return stdin.buffer if stdin is not None else io.BytesIO()


class ScriptError(ValueError):
    """A --script argument that is not something to read commands from."""


_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


def open_script(name: str) -> BinaryIO:
    """Standard input for "-", else a regular file or a named pipe, opened for bytes.

    A folder, a device (/dev/zero, a terminal; /dev/null is an empty file) or a socket
    is refused before anything is read from it: commands come from files and pipes.
    """
    if name == "-":
        return standard_input()
    try:
        _check(name, os.stat(name))
        fd = os.open(name, os.O_RDONLY | os.O_NOCTTY)
    except OSError as exc:
        raise ScriptError(f"cannot read {name!r}: {exc.strerror or exc}") from None
    try:
        _check(name, os.fstat(fd))  # it may have changed meanwhile
    except ScriptError:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _check(name: str, info: os.stat_result) -> None:
    kind = stat.S_IFMT(info.st_mode)
    if kind not in (stat.S_IFREG, stat.S_IFIFO) and not _is_null(info):
        what = _KINDS.get(kind, "not a regular file")
        raise ScriptError(f"{name!r} is {what}; give a file of commands, or - for standard input")


def _is_null(info: os.stat_result) -> bool:
    """The null device (an empty script, as in `--script /dev/null`)."""
    try:
        null = os.stat(os.devnull)
    except OSError:
        return False
    return stat.S_ISCHR(info.st_mode) and info.st_rdev == null.st_rdev
