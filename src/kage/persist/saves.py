"""Save files: one SQLite file per save, written atomically and verified on read.

Why SQLite: it is in the standard library, it is a single self-describing file, and it
lets a save grow (more commands, more snapshots) without inventing a container format.

Why one file per save: a damaged or foreign file can only ever break itself, never the
other saves next to it, and deleting a save is deleting a file.

Why a checksum on top of SQLite: SQLite notices a broken page structure, but not a
flipped byte inside a stored string, a hand-edited row, or a file cut short at a page
boundary. A SHA-256 over the canonical content catches all of those, so a save that
loads is exactly the save that was written.

Format version 2 (``kage.persist.blobs``) is what ``write()`` writes: the command log
as one compressed blob and each snapshot as one, so a 50,000-turn game saves and loads
in milliseconds. Format 1 files are still read (and written on request, for tests and
tools that need one); its layout:

* ``PRAGMA application_id`` is ``APPLICATION_ID`` ("KAGE"), so a kage save can be told
  apart from any other SQLite database; ``PRAGMA user_version`` is the format version.
* ``meta(key, value)``: text values for ``META_KEYS`` plus ``checksum``, and
  ``settings``: the player's preferences as a JSON object (optional: older saves have
  none, and kage versions that do not know it still read the file, as the checksum
  covers every meta entry).
* ``commands(turn, text)``: the command log, turns 1..n.
* ``snapshots(turn, state)``: periodic state snapshots as JSON text, turns 0..n.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, suppress
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from json.encoder import encode_basestring_ascii as _escape
from pathlib import Path
from typing import Any

from kage.persist import blobs
from kage.persist.temp import SIDE_SUFFIXES, create_locked, sweep

FORMAT_VERSION = 2  # what write() writes
READABLE = (1, 2)  # the format versions load() reads
APPLICATION_ID = 0x4B414745  # b"KAGE": marks the SQLite file as a kage save.
SUFFIX = ".kage"
TEMP_SUFFIX = ".kage-tmp"  # deliberately not "*.kage", so list() never sees a half write

META_KEYS = (
    "format_version",
    "name",
    "world_id",
    "world_hash",
    "engine_version",
    "seed",
    "created",
    "turn",
    "summary",
)
TABLES = ("meta", "commands", "snapshots")  # format 1's

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE commands (turn INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE snapshots (turn INTEGER PRIMARY KEY, state TEXT NOT NULL);
"""

# Limits for the file-name stem: short enough for every common file system
# (255 bytes per name) with room for the temporary-file prefix and suffix.
MAX_STEM_CHARS = 64
MAX_NAME_CHARS = 200  # a save name is a label, not a document
HASH_CHARS = 12  # 48 bits: no two names of one player will ever share a file
MAX_STEM_BYTES = 200
# Names Windows refuses whatever the extension ("con.kage" is still the console).
_RESERVED_STEMS = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)


class SaveError(Exception):
    """A save could not be written, read or deleted.

    The message is a complete sentence naming the file, meant to be shown to the player
    as it is; ``path`` is the file concerned when there is one.
    """

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


@dataclass(frozen=True)
class SaveData:
    """Everything needed to restore a game: replay ``commands`` from ``seed``, or jump to
    the latest snapshot and replay the commands after it."""

    name: str
    world_id: str  # e.g. "banished"
    world_hash: str  # hash of the world files, to warn when the world changed
    engine_version: str
    seed: int
    commands: list[str]  # the command log, one entry per world command, in order
    snapshots: list[tuple[int, str]]  # (turn, state as JSON), turn-ascending
    created: str  # ISO timestamp (UTC), set by SaveStore.write()
    turn: int  # == len(commands)
    summary: str  # short text for a list of saves, e.g. "the lighthouse, turn 12"
    # the player's preferences (verbosity, notify): plain JSON values, empty if none
    settings: dict[str, Any] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class SaveInfo:
    """One entry of ``SaveStore.list()``: enough to show a menu without trusting the file.

    ``ok`` is False for a file that cannot be loaded; ``error`` then says why and the
    other optional fields are None.
    """

    name: str
    path: Path
    ok: bool
    error: str | None
    turn: int | None
    summary: str | None
    created: str | None
    world_id: str | None = None


class SaveStore:
    """A directory of ``*.kage`` save files, one SQLite database per save."""

    def __init__(self, directory: Path | str, format_version: int = FORMAT_VERSION) -> None:
        """Remember the directory; it is created by the first ``write()``, not here, so
        merely looking at saves never leaves an empty directory behind.
        ``format_version`` is the format ``write()`` writes (any of ``READABLE``)."""
        if format_version not in READABLE:
            raise ValueError(f"kage writes save formats {READABLE}, not {format_version!r}")
        self.directory = Path(directory)
        self.format_version = format_version

    def path_for(self, name: str) -> Path:
        """Map a player-chosen save name to its file in the store's directory.

        Names that differ only in case or in runs of spaces are the same save; any two
        other names get different files (see ``file_stem``), so a save can never
        silently replace a save of another name. The exact name is stored inside.
        """
        if not isinstance(name, str):
            raise SaveError(f"A save name must be text, not {type(name).__name__}.")
        if not name_key(name):
            raise SaveError("A save name cannot be empty.")
        if len(name) > MAX_NAME_CHARS:
            raise SaveError(
                f"A save name can be at most {MAX_NAME_CHARS} characters long "
                f"(that one has {len(name)})."
            )
        return self.directory / f"{file_stem(name)}{SUFFIX}"

    def write(self, data: SaveData) -> Path:
        """Write ``data`` under its name, replacing any earlier save of that name.

        The file is built under a temporary name in the same directory, fsynced and then
        renamed over the target, so at every moment the real name holds either the old
        complete save or the new complete save. ``data.created`` is ignored and set to
        the current UTC time. Returns the path written.
        """
        path = self.path_for(data.name)
        _check_data(data, path)
        data = replace(data, created=datetime.now(UTC).isoformat(timespec="seconds"))
        version = self.format_version
        meta = _meta_for(data, version)
        if version == 1:
            meta["checksum"] = _checksum(meta, _command_rows(data.commands), data.snapshots)
            fill = _write_database
        else:
            meta["log_encoding"], log = blobs.encode_log(data.commands)
            states = [(turn, blobs.encode_state(state)) for turn, state in data.snapshots]
            meta["checksum"] = blobs.checksum(meta, log, states)

            def fill(temp: Path, meta: dict[str, str], data: SaveData) -> None:
                _write_blobs(temp, meta, log, states)

        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self.sweep()
            fd, temp = create_locked(self.directory, f".{path.stem}.", TEMP_SUFFIX)
        except OSError as exc:
            raise SaveError(
                f'Could not write save file "{path}": {_os_reason(exc)}.', path
            ) from exc

        try:
            fill(temp, meta, data)
            _fsync_file(temp)
            os.replace(temp, path)
        except (sqlite3.Error, OSError) as exc:
            _remove_temp(temp)
            reason = _os_reason(exc) if isinstance(exc, OSError) else str(exc)
            raise SaveError(f'Could not write save file "{path}": {reason}.', path) from exc
        except BaseException:
            # Anything else (a bug, KeyboardInterrupt): still never leave debris behind.
            _remove_temp(temp)
            raise
        finally:
            os.close(fd)  # drops the lock: from here a sweep may take what is left
        _fsync_directory(self.directory)
        return path

    def sweep(self) -> int:
        """Delete temporary files left by writers that died mid-save (killed, crashed,
        power cut); a save in progress in another process is left alone. Returns how
        many were deleted."""
        return sweep(self.directory, TEMP_SUFFIX)

    def read(self, name: str) -> SaveData:
        """Load and verify the save called ``name``.

        Raises SaveError if there is no such save, or the file is not a kage save, is
        damaged (checksum or structure), or uses a save format this engine cannot read.
        """
        path = self.path_for(name)
        if not path.exists() and not path.is_symlink():
            raise SaveError(f'There is no save named {name!r} (no file "{path}").', path)
        return load(path)

    def list(self) -> list[SaveInfo]:
        """Describe every ``*.kage`` file in the directory, sorted by file name.

        Each file is fully verified, so ``ok=True`` means ``read()`` will succeed. A
        broken file is listed with ``ok=False`` and its error instead of raising, so one
        bad file never hides the others. A missing directory simply has no saves.
        """
        try:
            paths = sorted(self.directory.glob(f"*{SUFFIX}"))
        except OSError as exc:
            raise SaveError(
                f'Could not list the saves in "{self.directory}": {_os_reason(exc)}.'
            ) from exc
        infos: list[SaveInfo] = []
        for path in paths:
            try:
                data = load(path)
            except SaveError as exc:
                infos.append(SaveInfo(path.stem, path, False, str(exc), None, None, None))
            else:
                infos.append(
                    SaveInfo(
                        data.name,
                        path,
                        True,
                        None,
                        data.turn,
                        data.summary,
                        data.created,
                        data.world_id,
                    )
                )
        return infos

    def delete(self, name: str) -> None:
        """Delete the save called ``name``; SaveError if there is none or it cannot be
        removed, so the player is told rather than left believing it is gone."""
        path = self.path_for(name)
        try:
            path.unlink()
        except FileNotFoundError as exc:
            raise SaveError(
                f'There is no save named {name!r} to delete (no file "{path}").', path
            ) from exc
        except OSError as exc:
            raise SaveError(
                f'Could not delete save file "{path}": {_os_reason(exc)}.', path
            ) from exc


def name_key(name: str) -> str:
    """What makes two save names the same save: NFC, lower case, one space per run of
    white space, none at the ends."""
    return " ".join(unicodedata.normalize("NFC", name).lower().split())


def file_stem(name: str) -> str:
    """The file-name stem for a save name: readable, safe on every file system, and
    one-to-one with ``name_key``.

    A key that is already a safe stem ("midway", "act_2") is its own file name. Any
    other key (spaces, dots, slashes, cut for length) gets its safe part plus "+" and a
    hash of the key: "+" never survives ``safe_stem``, so a hashed stem never equals a
    plain one, and two keys share a file only if SHA-256 collides.
    """
    key = name_key(name)
    stem = safe_stem(key)
    if stem == key:
        return stem
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_CHARS]
    return f"{stem or 'save'}+{digest}"


def safe_stem(name: str) -> str | None:
    """The file-name stem for a save name, or None if nothing usable is left.

    Pure and idempotent (``safe_stem(safe_stem(x)) == safe_stem(x)``), so a stem read
    back from a file name maps to the same file.
    """
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).lower())
    kept = "".join(ch if _is_name_char(ch) else "_" for ch in text)
    # Start at the first letter, digit or symbol: no leading dots, dashes (which look
    # like command-line options) or stray combining marks.
    start = next((i for i, ch in enumerate(kept) if _is_base_char(ch)), None)
    if start is None:
        return None
    stem = re.sub(r"_+", "_", kept[start:])[:MAX_STEM_CHARS]
    while len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        stem = stem[:-1]
    stem = unicodedata.normalize("NFC", stem).rstrip("_-")
    if stem in _RESERVED_STEMS:
        stem += "_"
    return stem


def load(path: Path) -> SaveData:
    """Read and verify the save file at ``path`` (any name); see ``SaveStore.read``."""
    try:
        if not path.is_file():
            if not path.exists():
                raise SaveError(f'There is no save file "{path}".', path)
            raise SaveError(f'Save file "{path}" is damaged: it is not a regular file.', path)
        if path.stat().st_size == 0:
            raise SaveError(f'Save file "{path}" is damaged: the file is empty.', path)
        uri = path.resolve().as_uri() + "?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            return _load_from(conn, path)
    except sqlite3.Error as exc:
        raise _sqlite_error(path, exc) from exc
    except OSError as exc:
        raise SaveError(f'Save file "{path}" could not be read: {_os_reason(exc)}.', path) from exc


def _load_from(conn: sqlite3.Connection, path: Path) -> SaveData:
    """Check a save's header, tables and checksum, then build the SaveData."""

    def damaged(reason: str) -> SaveError:
        return SaveError(f'Save file "{path}" is damaged: {reason}.', path)

    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        raise SaveError(
            f'Save file "{path}" is damaged or is not a kage save: it is an SQLite '
            "database, but not one written by kage.",
            path,
        )
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > max(READABLE):
        raise SaveError(
            f'Save file "{path}" uses save format version {version}, but this version '
            f"of kage can only read format versions up to {max(READABLE)}; it was "
            "probably written by a newer kage.",
            path,
        )
    if version not in READABLE:
        raise damaged(f"its header gives an unknown save format version ({version})")

    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing_tables = [t for t in (TABLES if version == 1 else blobs.TABLES) if t not in tables]
    if missing_tables:
        raise damaged(f"it has no {', '.join(missing_tables)} table")

    meta: dict[str, str] = {}
    for key, value in conn.execute("SELECT key, value FROM meta"):
        if type(key) is not str or type(value) is not str:
            raise damaged("its meta table holds a value that is not text")
        meta[key] = value
    needed = (*META_KEYS, "checksum") if version == 1 else (*META_KEYS, "log_encoding", "checksum")
    missing_keys = [k for k in needed if k not in meta]
    if missing_keys:
        raise damaged(f"its meta table lacks {', '.join(missing_keys)}")
    if meta["format_version"] != str(version):
        raise damaged("its meta table and header disagree about the format version")
    if version == 2:
        commands, snapshots, seed, turn = _read_blobs(conn, meta, damaged)
        return _save_data(meta, commands, snapshots, seed, turn, path, damaged)

    rows = conn.execute("SELECT turn, text FROM commands ORDER BY turn").fetchall()
    snapshots = conn.execute("SELECT turn, state FROM snapshots ORDER BY turn").fetchall()
    for table, what in ((rows, "command"), (snapshots, "snapshot")):
        if any(type(t) is not int or type(v) is not str for t, v in table):
            raise damaged(f"a {what} row has the wrong type")

    if _checksum(meta, rows, snapshots) != meta["checksum"]:
        raise damaged(CHECKSUM_MISMATCH)

    # The checksum proves this is what write() stored; these checks guard the invariants
    # against a file written by something else that computed a valid checksum.
    seed, turn = _numbers(meta, damaged)
    if [t for t, _ in rows] != list(range(1, len(rows) + 1)) or turn != len(rows):
        raise damaged("its command log is not numbered 1..turn")
    commands = [text for _, text in rows]
    return _save_data(meta, commands, snapshots, seed, turn, path, damaged)


CHECKSUM_MISMATCH = "its content does not match its checksum (it was changed or cut short)"


def _numbers(meta: dict[str, str], damaged: Callable[[str], SaveError]) -> tuple[int, int]:
    """The save's seed and turn, read from its meta entries."""
    try:
        return int(meta["seed"]), int(meta["turn"])
    except ValueError:
        raise damaged("its seed or turn is not a number") from None


def _read_blobs(
    conn: sqlite3.Connection, meta: dict[str, str], damaged: Callable[[str], SaveError]
) -> tuple[list[str], list[tuple[int, str]], int, int]:
    """Format 2's log and snapshots, checked against the checksum and decompressed."""
    logs = conn.execute("SELECT data FROM log").fetchall()
    if len(logs) != 1:
        raise damaged(f"its log table has {len(logs)} rows, not 1")
    log = logs[0][0]
    packed = conn.execute("SELECT turn, state FROM snapshots ORDER BY turn").fetchall()
    if type(log) is not bytes:
        raise damaged("its command log has the wrong type")
    if any(type(t) is not int or type(v) is not bytes for t, v in packed):
        raise damaged("a snapshot row has the wrong type")
    if blobs.checksum(meta, log, packed) != meta["checksum"]:
        raise damaged(CHECKSUM_MISMATCH)
    seed, turn = _numbers(meta, damaged)
    if turn < 0:
        raise damaged("its turn is negative")
    try:
        commands = blobs.decode_log(meta["log_encoding"], log, turn)
        snapshots = [(t, blobs.decode_state(blob, t)) for t, blob in packed]
    except blobs.BlobError as exc:
        raise damaged(str(exc)) from None
    return commands, snapshots, seed, turn


def _save_data(
    meta: dict[str, str],
    commands: list[str],
    snapshots: list[tuple[int, str]],
    seed: int,
    turn: int,
    path: Path,
    damaged: Callable[[str], SaveError],
) -> SaveData:
    """The SaveData of a verified file (either format)."""
    if any(not 0 <= t <= turn for t, _ in snapshots):
        raise damaged("it has a snapshot outside the game's turns")

    settings: dict[str, Any] = {}
    if "settings" in meta:
        try:
            settings = json.loads(meta["settings"])
        except ValueError:
            raise damaged("its settings are not JSON") from None
        if not isinstance(settings, dict):
            raise damaged("its settings are not a JSON object")

    name = meta["name"]
    if not name_key(name) or file_stem(name) + SUFFIX != unicodedata.normalize("NFC", path.name):
        # The file was renamed by hand: the file name is what the player now uses for it.
        name = path.stem
    return SaveData(
        name=name,
        world_id=meta["world_id"],
        world_hash=meta["world_hash"],
        engine_version=meta["engine_version"],
        seed=seed,
        commands=commands,
        snapshots=[(t, state) for t, state in snapshots],
        created=meta["created"],
        turn=turn,
        summary=meta["summary"],
        settings=settings,
    )


def _is_symbol(ch: str) -> bool:
    return unicodedata.category(ch) == "So"  # emoji, ©, ♞ ...: safe in every file system


def _is_base_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LN" or _is_symbol(ch)


def _is_name_char(ch: str) -> bool:
    return ch in "-_" or _is_base_char(ch) or unicodedata.category(ch)[0] == "M"


def _check_data(data: SaveData, path: Path) -> None:
    """Reject data that could not be restored, before anything touches the disk."""

    def bad(problem: str) -> SaveError:
        return SaveError(f'Cannot write save {data.name!r} to "{path}": {problem}.', path)

    def check_text(what: str, value: object) -> None:
        if not isinstance(value, str):
            raise bad(f"{what} must be text, not {type(value).__name__}")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise bad(f"{what} contains characters that are not valid Unicode") from None

    for field in ("name", "world_id", "world_hash", "engine_version", "summary"):
        check_text(field, getattr(data, field))
    if not isinstance(data.seed, int) or isinstance(data.seed, bool):
        raise bad(f"the seed must be an integer, not {type(data.seed).__name__}")
    if isinstance(data.commands, str) or not isinstance(data.commands, Sequence):
        raise bad("commands must be a list of text")
    if not _all_text(data.commands):  # one pass in C; the slow one names the culprit
        for i, command in enumerate(data.commands, start=1):
            check_text(f"command {i}", command)
    if (
        not isinstance(data.turn, int)
        or isinstance(data.turn, bool)
        or data.turn != len(data.commands)
    ):
        raise bad(f"turn is {data.turn!r} but there are {len(data.commands)} commands")
    if isinstance(data.snapshots, str) or not isinstance(data.snapshots, Sequence):
        raise bad("snapshots must be a list of (turn, JSON text) pairs")
    if not isinstance(data.settings, dict):
        raise bad("settings must be a dict")
    try:
        json.dumps(data.settings, allow_nan=False)
    except (TypeError, ValueError):
        raise bad("settings must hold only JSON values") from None
    previous = -1
    for entry in data.snapshots:
        if not isinstance(entry, Sequence) or isinstance(entry, str) or len(entry) != 2:
            raise bad("snapshots must be a list of (turn, JSON text) pairs")
        turn, state = entry
        if not isinstance(turn, int) or isinstance(turn, bool) or not 0 <= turn <= data.turn:
            raise bad(f"snapshot turn {turn!r} is not a turn between 0 and {data.turn}")
        if turn <= previous:
            raise bad(f"snapshot turns must be strictly ascending ({previous} then {turn})")
        previous = turn
        check_text(f"the snapshot at turn {turn}", state)
        try:
            json.loads(state)
        except ValueError:
            raise bad(f"the snapshot at turn {turn} is not valid JSON") from None


def _all_text(values: Sequence[object]) -> bool:
    """Whether every value is text that UTF-8 can hold, checked in bulk."""
    try:
        "".join(values).encode("utf-8")  # type: ignore[arg-type]
    except (TypeError, UnicodeEncodeError):
        return False
    return True


def _meta_for(data: SaveData, version: int) -> dict[str, str]:
    meta = {
        "format_version": str(version),
        "name": data.name,
        "world_id": data.world_id,
        "world_hash": data.world_hash,
        "engine_version": data.engine_version,
        "seed": str(data.seed),
        "created": data.created,
        "turn": str(data.turn),
        "summary": data.summary,
    }
    if data.settings:
        meta["settings"] = json.dumps(data.settings, sort_keys=True, separators=(",", ":"))
    return meta


def _command_rows(commands: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Number the command log: the command that made turn N is stored at turn N."""
    return ((turn, text) for turn, text in enumerate(commands, start=1))


def _checksum(
    meta: dict[str, str],
    commands: Iterable[Sequence[object]],
    snapshots: Iterable[Sequence[object]],
) -> str:
    """SHA-256 over the canonical content: every meta entry but the checksum (sorted by
    key), then every (turn, text) command and (turn, state) snapshot in turn order.

    Each row is fed as one line of ASCII JSON, so no two different contents can produce
    the same byte stream, and the result does not depend on how SQLite stores the rows.
    """
    digest = hashlib.sha256(b"kage-save/1\n")

    def feed(section: str, rows: Iterable[Sequence[object]]) -> None:
        digest.update(f"{section}\n".encode("ascii"))
        digest.update("".join(map(_line, rows)).encode("ascii"))

    feed("meta", sorted((k, v) for k, v in meta.items() if k != "checksum"))
    feed("commands", commands)
    feed("snapshots", snapshots)
    return digest.hexdigest()


def _line(row: Sequence[object]) -> str:
    """A row as its line of the checksum's stream: ASCII JSON, as json.dumps writes it
    (the C string escaper for the common (int, text) row, 20 times faster)."""
    if len(row) == 2 and type(row[0]) is int and type(row[1]) is str:
        return f"[{row[0]},{_escape(row[1])}]\n"
    return json.dumps(list(row), ensure_ascii=True, separators=(",", ":")) + "\n"


def _write_database(temp: Path, meta: dict[str, str], data: SaveData) -> None:
    """Fill the (empty) temporary file with a format 1 save, in one transaction."""
    with closing(_begin(temp, 1, _SCHEMA)) as conn:
        conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", sorted(meta.items()))
        conn.executemany(
            "INSERT INTO commands (turn, text) VALUES (?, ?)", _command_rows(data.commands)
        )
        conn.executemany(
            "INSERT INTO snapshots (turn, state) VALUES (?, ?)",
            ((turn, state) for turn, state in data.snapshots),
        )
        conn.execute("COMMIT")


def _write_blobs(
    temp: Path, meta: dict[str, str], log: bytes, states: list[tuple[int, bytes]]
) -> None:
    """Fill the (empty) temporary file with a format 2 save, in one transaction."""
    with closing(_begin(temp, blobs.VERSION, blobs.SCHEMA)) as conn:
        conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", sorted(meta.items()))
        conn.execute("INSERT INTO log (data) VALUES (?)", (log,))
        conn.executemany("INSERT INTO snapshots (turn, state) VALUES (?, ?)", states)
        conn.execute("COMMIT")


def _begin(temp: Path, version: int, schema: str) -> sqlite3.Connection:
    """A connection to the new file in an open transaction, with the header and tables."""
    conn = sqlite3.connect(temp, isolation_level=None)
    try:
        # No rollback journal on disk (the temporary file is thrown away on failure
        # anyway) and no SQLite fsyncs: write() fsyncs once, after closing.
        conn.execute("PRAGMA journal_mode = MEMORY")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("BEGIN")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {version}")
        for statement in schema.split(";"):
            if statement.strip():
                conn.execute(statement)
    except BaseException:
        conn.close()
        raise
    return conn


def _fsync_file(path: Path) -> None:
    """Force the file's bytes to disk, so the rename can never expose an empty file."""
    fd = os.open(path, os.O_RDWR)  # Windows refuses to flush a read-only handle
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable. Best effort: the save is already complete under
    its real name, and some systems (Windows, some network file systems) cannot do it."""
    if os.name != "posix":
        return
    with suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_temp(temp: Path) -> None:
    """Remove a failed write's temporary file (and any SQLite side files)."""
    for suffix in SIDE_SUFFIXES:
        with suppress(OSError):
            Path(f"{temp}{suffix}").unlink(missing_ok=True)


def _os_reason(exc: OSError) -> str:
    """The operating system's reason without errno noise: "permission denied"."""
    return exc.strerror.lower() if exc.strerror else str(exc).rstrip(".")


def _sqlite_error(path: Path, exc: sqlite3.Error) -> SaveError:
    """Translate an SQLite failure into a sentence: busy, unreadable, or damaged."""
    code = getattr(exc, "sqlite_errorname", None) or ""
    detail = str(exc).rstrip(".")
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return SaveError(f'Save file "{path}" is in use by another program ({detail}).', path)
    if code.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_IOERR", "SQLITE_AUTH")):
        return SaveError(f'Save file "{path}" could not be read ({detail}).', path)
    return SaveError(f'Save file "{path}" is damaged: SQLite reports "{detail}".', path)
