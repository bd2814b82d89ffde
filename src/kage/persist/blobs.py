"""Save format version 2: the command log and the snapshots as compressed blobs.

Format 1 stored one row per command, so a 50,000-turn game cost 50,000 inserts, 50,000
JSON lines for the checksum and 50,000 rows to fetch and check again (some 150 ms each
way). Format 2 stores the same content as few values as it has parts:

* ``meta(key, value)``: as in format 1, plus ``log_encoding``: how the log's text is
  laid out, ``lines`` (the commands joined by newlines: every log whose commands hold
  no newline) or ``json`` (a JSON array of strings: any other log).
* ``log(data)``: exactly one row, the log's text in UTF-8, compressed with zlib.
* ``snapshots(turn, state)``: each snapshot's JSON in UTF-8, compressed with zlib.

The checksum is SHA-256 over the meta entries (as in format 1) and the stored bytes of
every blob, each preceded by its length, so any change to what is stored is caught
without decompressing anything; zlib's own check then guards the decompression.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Sequence

from kage.persist.snapshots import SNAPSHOT_LEVEL

VERSION = 2
TABLES = ("meta", "log", "snapshots")
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE log (data BLOB NOT NULL);
CREATE TABLE snapshots (turn INTEGER PRIMARY KEY, state BLOB NOT NULL);
"""
LOG_LEVEL = 1  # a long log is mostly repeats: level 1 is twice as fast for 1.9x the bytes
ENCODINGS = ("lines", "json")


class BlobError(ValueError):
    """A blob that the checksum vouched for does not decode (a file written by something
    other than kage); the message is the reason, for SaveError's sentence."""


def encode_log(commands: Sequence[str]) -> tuple[str, bytes]:
    """(encoding, compressed bytes) for the command log."""
    text = "\n".join(commands)
    if commands and text.count("\n") == len(commands) - 1:
        encoding = "lines"
    elif not commands:
        encoding, text = "lines", ""
    else:  # a command holds a newline: only a JSON array keeps the log's commands apart
        encoding, text = "json", json.dumps(list(commands), ensure_ascii=False)
    return encoding, zlib.compress(text.encode("utf-8"), LOG_LEVEL)


def decode_log(encoding: str, blob: bytes, turns: int) -> list[str]:
    """The command log back from ``encode_log``'s bytes; BlobError if they do not decode
    to ``turns`` commands."""
    text = _inflate(blob, "its command log")
    if encoding == "lines":
        commands = text.split("\n") if turns else ([] if not text else [text])
    elif encoding == "json":
        try:
            commands = json.loads(text)
        except ValueError:
            raise BlobError("its command log is not the JSON it says it is") from None
        if not isinstance(commands, list) or not all(type(c) is str for c in commands):
            raise BlobError("its command log is not a list of text")
    else:
        raise BlobError(f"its command log has an unknown encoding ({encoding!r})")
    if len(commands) != turns:
        raise BlobError(f"its command log holds {len(commands)} commands, not {turns}")
    return commands


def encode_state(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), SNAPSHOT_LEVEL)


def decode_state(blob: bytes, turn: int) -> str:
    return _inflate(blob, f"its snapshot at turn {turn}")


def _inflate(blob: bytes, what: str) -> str:
    try:
        return zlib.decompress(blob).decode("utf-8")
    except zlib.error:
        raise BlobError(f"{what} cannot be decompressed") from None
    except UnicodeDecodeError:
        raise BlobError(f"{what} is not UTF-8 text") from None


def checksum(meta: dict[str, str], log: bytes, snapshots: Sequence[tuple[int, bytes]]) -> str:
    """SHA-256 over the header line ``kage-save/2``, the meta entries but the checksum
    (sorted, one ASCII JSON array a line, as in format 1), then ``log``, the log's length
    and bytes, then ``snapshots`` and each snapshot's turn, length and bytes."""
    digest = hashlib.sha256(f"kage-save/{VERSION}\nmeta\n".encode("ascii"))
    lines = (
        json.dumps([k, v], ensure_ascii=True, separators=(",", ":")) + "\n"
        for k, v in sorted(meta.items())
        if k != "checksum"
    )
    digest.update("".join(lines).encode("ascii"))
    digest.update(f"log\n{len(log)}\n".encode("ascii"))
    digest.update(log)
    digest.update(b"\nsnapshots\n")
    for turn, blob in snapshots:
        digest.update(f"{turn} {len(blob)}\n".encode("ascii"))
        digest.update(blob)
    return digest.hexdigest()
