"""Games in a database: SQLite (the default, no set-up) or PostgreSQL (several server
processes, or machines, sharing the players).

One row per game in ``games``: its world, seed, command log (one JSON string per line,
appended as the game goes), bounded snapshots (the save format's ``(turn, state)``
pairs, kage.persist), preferences and a version that every write bumps. Beside it,
``turns`` keeps the game's recent turn objects (the transcript a reload shows) and
``saves`` the player's named saves, each one a save file of kage.persist's format.

Every change to a game runs in one transaction that first locks the game's row
(``BEGIN IMMEDIATE`` in SQLite, ``SELECT ... FOR UPDATE`` in PostgreSQL) and reads its
version: a process whose copy in memory is older loads the game again before playing,
so no process ever writes over another's turns.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS games (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL,
    world TEXT NOT NULL,
    world_hash TEXT NOT NULL,
    seed BIGINT NOT NULL,
    version BIGINT NOT NULL,
    lines BIGINT NOT NULL,
    turns BIGINT NOT NULL,
    log TEXT NOT NULL,
    snapshots TEXT NOT NULL,
    settings TEXT NOT NULL,
    extra TEXT NOT NULL,
    latest TEXT NOT NULL,
    created DOUBLE PRECISION NOT NULL,
    touched DOUBLE PRECISION NOT NULL
);
CREATE INDEX IF NOT EXISTS games_touched ON games (touched);
CREATE TABLE IF NOT EXISTS turns (
    game TEXT NOT NULL,
    n BIGINT NOT NULL,
    entry TEXT NOT NULL,
    PRIMARY KEY (game, n)
);
CREATE TABLE IF NOT EXISTS saves (
    game TEXT NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    created TEXT NOT NULL,
    summary TEXT NOT NULL,
    turn BIGINT NOT NULL,
    data BLOB_TYPE NOT NULL,
    PRIMARY KEY (game, key)
);
"""

HEAD = "id, world, world_hash, seed, version, lines, turns, settings, extra, latest"


class StoreError(Exception):
    """The database could not be opened or used; the message says which and why."""


@dataclass
class Row:
    """A game's row without its log and snapshots (read only when a game is loaded)."""

    id: str
    world: str
    world_hash: str
    seed: int
    version: int
    lines: int  # command lines played (the `line` of the next turn object)
    turns: int  # turn objects written to the transcript
    settings: dict[str, Any]
    extra: dict[str, Any]  # what the session holds between lines: a question, AGAIN
    latest: dict[str, Any]  # the newest turn object


@dataclass
class Saved:
    name: str
    created: str
    summary: str
    turn: int


def encode_log(commands: Sequence[str]) -> str:
    return "".join(json.dumps(c) + "\n" for c in commands)


def decode_log(text: str) -> list[str]:
    return [json.loads(line) for line in text.splitlines() if line]


class Tx:
    """One transaction on the store: every method runs inside it."""

    def __init__(self, store: Store, cursor: Any) -> None:
        self.store = store
        self.cur = cursor

    def run(self, sql: str, args: Sequence[Any] = ()) -> Any:
        return self.cur.execute(self.store.sql(sql), tuple(args))

    def _row(self, found: Sequence[Any] | None) -> Row | None:
        if found is None:
            return None
        return Row(
            id=found[0],
            world=found[1],
            world_hash=found[2],
            seed=int(found[3]),
            version=int(found[4]),
            lines=int(found[5]),
            turns=int(found[6]),
            settings=json.loads(found[7]),
            extra=json.loads(found[8]),
            latest=json.loads(found[9]),
        )

    def find(self, game: str, token_hash: str, lock: bool = False) -> Row | None:
        """The game with this id and token, or None: an unknown id and a wrong token
        are the same query, so neither answer nor timing tells them apart."""
        sql = f"SELECT {HEAD} FROM games WHERE id = ? AND token_hash = ?"
        if lock and self.store.dialect == "postgresql":
            sql += " FOR UPDATE"
        return self._row(self.run(sql, (game, token_hash)).fetchone())

    def insert(self, row: Row, token_hash: str, log: Sequence[str],
               snapshots: list[tuple[int, str]]) -> None:
        now = time.time()
        self.run(
            "INSERT INTO games (id, token_hash, world, world_hash, seed, version, lines, turns,"
            " log, snapshots, settings, extra, latest, created, touched)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row.id, token_hash, row.world, row.world_hash, row.seed, row.version, row.lines,
             row.turns, encode_log(log), json.dumps(snapshots), json.dumps(row.settings),
             json.dumps(row.extra), json.dumps(row.latest), now, now),
        )

    def log_and_snapshots(self, game: str) -> tuple[list[str], list[tuple[int, str]]]:
        found = self.run("SELECT log, snapshots FROM games WHERE id = ?", (game,)).fetchone()
        if found is None:
            return [], []
        return decode_log(found[0]), [(int(t), s) for t, s in json.loads(found[1])]

    def update(self, row: Row, appended: Sequence[str] | None, log: Sequence[str] | None,
               snapshots: list[tuple[int, str]] | None) -> None:
        """Write the row's head; append to the log or replace it; replace the snapshots
        when given. The caller has bumped ``row.version``."""
        sets = ["seed = ?", "version = ?", "lines = ?", "turns = ?", "settings = ?",
                "extra = ?", "latest = ?", "touched = ?"]
        args: list[Any] = [row.seed, row.version, row.lines, row.turns,
                           json.dumps(row.settings), json.dumps(row.extra),
                           json.dumps(row.latest), time.time()]
        if log is not None:
            sets.append("log = ?")
            args.append(encode_log(log))
        elif appended:
            sets.append("log = log || ?")
            args.append(encode_log(appended))
        if snapshots is not None:
            sets.append("snapshots = ?")
            args.append(json.dumps(snapshots))
        args.append(row.id)
        self.run(f"UPDATE games SET {', '.join(sets)} WHERE id = ?", args)

    def add_turns(self, game: str, first: int, entries: Sequence[dict[str, Any]],
                  keep: int) -> None:
        """Append turn objects numbered from ``first``; drop those older than ``keep``."""
        self.cur.executemany(
            self.store.sql("INSERT INTO turns (game, n, entry) VALUES (?, ?, ?)"),
            [(game, first + i, json.dumps(e)) for i, e in enumerate(entries)],
        )
        last = first + len(entries) - 1
        if last // 50 != (first - 1) // 50:  # now and then, not on every turn
            self.run("DELETE FROM turns WHERE game = ? AND n <= ?", (game, last - keep))

    def transcript(self, game: str, limit: int) -> list[dict[str, Any]]:
        found = self.run(
            "SELECT entry FROM turns WHERE game = ? ORDER BY n DESC LIMIT ?", (game, limit)
        ).fetchall()
        return [json.loads(entry) for (entry,) in reversed(found)]

    def put_save(self, game: str, key: str, saved: Saved, data: bytes) -> None:
        self.run("DELETE FROM saves WHERE game = ? AND key = ?", (game, key))
        self.run(
            "INSERT INTO saves (game, key, name, created, summary, turn, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (game, key, saved.name, saved.created, saved.summary, saved.turn, data),
        )

    def get_save(self, game: str, key: str) -> bytes | None:
        found = self.run(
            "SELECT data FROM saves WHERE game = ? AND key = ?", (game, key)
        ).fetchone()
        return None if found is None else bytes(found[0])

    def list_saves(self, game: str) -> list[Saved]:
        found = self.run(
            "SELECT name, created, summary, turn FROM saves WHERE game = ? ORDER BY created DESC",
            (game,),
        ).fetchall()
        return [Saved(name, created, summary, int(turn)) for name, created, summary, turn in found]

    def count_saves(self, game: str) -> int:
        return int(self.run("SELECT COUNT(*) FROM saves WHERE game = ?", (game,)).fetchone()[0])


class Store:
    """A connection to the games' database, used by one thread (the server's loop)."""

    def __init__(self, url: str, sync: bool = False) -> None:
        """``sync``: every commit waits for the disk (see Settings.sync_every_commit)."""
        self.url = url
        self.sync = sync
        if url.startswith("sqlite:///"):  # sqlite:///relative/path, sqlite:////abs/path
            self.dialect = "sqlite"
            self.conn: Any = _open_sqlite(url[len("sqlite:///") :], sync)
        elif url.startswith(("postgresql://", "postgres://")):
            self.dialect = "postgresql"
            self.conn = _open_postgres(url, sync)
        else:
            raise StoreError(
                f"Unknown database URL {url!r}: use sqlite:///PATH or postgresql://..."
            )
        self._schema()

    def sql(self, text: str) -> str:
        return text.replace("?", "%s") if self.dialect == "postgresql" else text

    @contextmanager
    def transaction(self, write: bool = True, batch: bool = False) -> Iterator[Tx]:
        """A transaction. ``batch`` (PostgreSQL): statements whose results are not read
        go out together, with the commit, in one round trip (psycopg's pipeline mode)."""
        if self.dialect == "sqlite":
            cur = self.conn.cursor()
            # a writer takes the write lock first, so what it reads cannot go stale
            cur.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield Tx(self, cur)
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            else:
                cur.execute("COMMIT")
            finally:
                cur.close()
        else:
            if self.conn.closed or self.conn.broken:  # the server restarted: connect again
                self.conn = _open_postgres(self.url, self.sync)
            if batch:
                with self.conn.pipeline(), self.conn.transaction(), self.conn.cursor() as cur:
                    yield Tx(self, cur)
            else:
                with self.conn.transaction(), self.conn.cursor() as cur:
                    yield Tx(self, cur)

    def _schema(self) -> None:
        schema = SCHEMA.replace(
            "BLOB_TYPE", "BYTEA" if self.dialect == "postgresql" else "BLOB"
        )
        with self.transaction() as tx:
            if self.dialect == "postgresql":  # workers starting together: one at a time
                tx.run("SELECT pg_advisory_xact_lock(4242001)")
            for statement in schema.split(";"):
                if statement.strip():
                    tx.run(statement)

    def sweep(self, idle_seconds: float, unplayed_seconds: float | None = None) -> int:
        """Delete the games untouched for ``idle_seconds``, and those never played for
        ``unplayed_seconds``; returns how many."""
        now = time.time()
        unplayed = idle_seconds if unplayed_seconds is None else unplayed_seconds
        old = "SELECT id FROM games WHERE touched < ? OR (lines = 0 AND touched < ?)"
        args = (now - idle_seconds, now - unplayed)
        with self.transaction() as tx:
            tx.run(f"DELETE FROM turns WHERE game IN ({old})", args)
            tx.run(f"DELETE FROM saves WHERE game IN ({old})", args)
            gone = tx.run("DELETE FROM games WHERE touched < ? OR (lines = 0 AND touched < ?)",
                          args).rowcount
        return int(gone or 0)

    def checkpoint(self) -> None:
        """Copy SQLite's write-ahead log into the database, on a connection of its own
        (safe on any thread; passive: it never blocks the players' writes)."""
        if self.dialect != "sqlite":
            return
        conn = sqlite3.connect(self.url[len("sqlite:///") :], timeout=30.0)
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            conn.close()

    def close(self) -> None:
        self.conn.close()


def _open_sqlite(path: str, sync: bool) -> sqlite3.Connection:
    if not path or path == ":memory:":
        raise StoreError("An in-memory SQLite database cannot be shared: give a file path.")
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                               timeout=30.0)
        conn.execute("PRAGMA journal_mode=WAL")
        # WAL with NORMAL: a commit survives the process being killed (the OS has it);
        # only a power cut can lose the last turns. FULL waits for the disk.
        conn.execute(f"PRAGMA synchronous={'FULL' if sync else 'NORMAL'}")
        conn.execute("PRAGMA busy_timeout=30000")
        # checkpoints wait for the disk: not in a player's turn, but in `checkpoint`,
        # which the server runs on a thread of its own now and then
        conn.execute("PRAGMA wal_autocheckpoint=0")
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"Could not open the SQLite database {path!r}: {exc}") from exc
    return conn


def _open_postgres(url: str, sync: bool) -> Any:
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - the serve extra installs it
        raise StoreError(
            "PostgreSQL needs psycopg: install kage with the serve extra."
        ) from exc
    try:
        conn = psycopg.connect(url, autocommit=True)
        # as SQLite's NORMAL: a commit is in the database server (it survives this
        # process being killed) before it is on the disk, unless ``sync``
        conn.execute(f"SET synchronous_commit = {'on' if sync else 'off'}")
        return conn
    except psycopg.Error as exc:
        raise StoreError(f"Could not connect to PostgreSQL: {exc}") from exc
