"""The bounded line reader every front end reads through."""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

import pytest

from kage.interfaces import lines
from kage.interfaces.lines import MAX_BYTES, MAX_SKIP, Line, LineReader, ScriptError, open_script
from kage.parser.text import MAX_LINE


class Endless(io.RawIOBase):
    """A stream of one byte forever (like /dev/zero), counting what was read."""

    def __init__(self, byte: bytes = b"\0") -> None:
        self.byte = byte
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        buffer[:] = self.byte * len(buffer)
        self.given += len(buffer)
        return len(buffer)


def read_all(data: bytes) -> list[Line]:
    return list(LineReader(io.BufferedReader(io.BytesIO(data))))


def test_lines_are_utf8_whatever_the_bytes() -> None:
    got = read_all(b"look\r\ncaf\xc3\xa9\n\xff\xfe\xc3(\n\n\xef\xbb\xbfnot first\nlast")
    assert [line.text for line in got] == [
        "look",
        "café",
        "\ufffd\ufffd\ufffd(",
        "",
        "\ufeffnot first",
        "last",
    ]
    assert not any(line.cut for line in got)


def test_a_byte_order_mark_at_the_start_is_dropped() -> None:
    assert read_all(b"\xef\xbb\xbflook\n")[0].text == "look"


def test_a_long_line_is_cut_and_the_next_one_read() -> None:
    got = read_all(b"x" * 1_000_000 + b"\nlook\n" + "é".encode() * 500_000 + b"\nwait")
    assert [(len(line.text), line.cut) for line in got] == [
        (MAX_LINE, True),
        (4, False),
        (MAX_LINE, True),
        (4, False),
    ]
    assert got[2].text == "é" * MAX_LINE  # cut between characters, not inside one


def test_a_line_just_within_the_limit_is_whole() -> None:
    text = "😀" * MAX_LINE
    (line,) = read_all(text.encode() + b"\n")
    assert line == Line(text)
    (line,) = read_all(("😀" * (MAX_LINE + 1)).encode())
    assert line.cut and line.text == text


def test_an_endless_line_is_not_read_forever() -> None:
    """The limit applies before the rest of the line is read: an endless line costs a
    bounded read and never more than a bounded buffer, then the input ends."""
    source = Endless()
    reader = LineReader(io.BufferedReader(source))
    first = reader.read()
    assert first is not None and first.cut and len(first.text) == MAX_LINE
    assert reader.read() is None
    assert reader.endless
    assert source.given <= MAX_BYTES + MAX_SKIP + 2 * lines.CHUNK + io.DEFAULT_BUFFER_SIZE
    assert len(reader._buffer) == 0


def test_a_pipe_gives_each_line_as_soon_as_it_is_written() -> None:
    """An agent writes one command and waits for its answer: the reader must not wait
    for a full chunk."""
    read_end, write_end = os.pipe()
    reader = LineReader(os.fdopen(read_end, "rb"))
    os.write(write_end, b"look\n")
    got: list[Line | None] = []
    thread = threading.Thread(target=lambda: got.append(reader.read()), daemon=True)
    thread.start()
    thread.join(10)
    os.close(write_end)
    assert got == [Line("look")]


def test_scripts_are_files_or_pipes(tmp_path: Path) -> None:
    script = tmp_path / "script.txt"
    script.write_bytes(b"look\n")
    with open_script(str(script)) as handle:
        assert handle.read() == b"look\n"
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(b"wait\n"), daemon=True)
    writer.start()
    with open_script(str(fifo)) as handle:
        assert handle.read() == b"wait\n"
    for name, what in ((str(tmp_path), "a folder"), ("/dev/zero", "a device")):
        with pytest.raises(ScriptError, match=what):
            open_script(name)
    with open_script(os.devnull) as handle:
        assert handle.read() == b""
    with pytest.raises(ScriptError, match="cannot read"):
        open_script(str(tmp_path / "missing"))
