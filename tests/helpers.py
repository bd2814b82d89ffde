"""Helpers for tests: playing lines into a session, reading walkthroughs."""

from __future__ import annotations

from pathlib import Path

from kage.content.compile import load_world
from kage.session import Session
from kage.world.model import World

WALKTHROUGHS = Path(__file__).parent / "walkthroughs"


def play(session: Session, *lines: str) -> str:
    """Feed lines to a session; the text of every reply, joined."""
    out = []
    for line in lines:
        out.extend(step.text for step in session.step(line))
    return "\n".join(out)


def walkthrough(name: str) -> list[str]:
    return [line for line in (WALKTHROUGHS / name).read_text().splitlines() if line.strip()]


def played_until(world, line: str, saves: Path) -> Session:  # type: ignore[no-untyped-def]
    """A session that has played the full walkthrough up to (not including) `line`."""
    lines = walkthrough("full.txt")
    session = Session(world, saves=saves)
    session.opening()
    play(session, *lines[: lines.index(line)])
    return session


def fresh(base: Session) -> Session:
    """A new session standing exactly where `base` stands (cheaper than replaying)."""
    session = Session(base.world, saves=base.store.directory)
    session.opening()
    session.game.set_state(base.game.state.copy())
    return session


def world_from(factory, name: str, text: str) -> World:  # type: ignore[no-untyped-def]
    """A small test world from one YAML text, in a fresh temporary folder."""
    folder = factory.mktemp(name)
    (folder / f"{name}.yaml").write_text(text)
    return load_world(folder)


def opened(world: World, saves: Path, seed: int = 0) -> Session:
    """A session on `world` that has shown its opening."""
    session = Session(world, seed=seed, saves=saves)
    session.opening()
    return session


def resigned(path: Path, *statements: str) -> Path:
    """The save file at ``path`` with SQL run on it and its checksum computed anew, as a
    program that knows the format (1 or 2) would write it."""
    import sqlite3
    from contextlib import closing

    from kage.persist import blobs, saves

    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        for statement in statements:
            conn.execute(statement)
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        snaps = conn.execute("SELECT turn, state FROM snapshots ORDER BY turn").fetchall()
        if conn.execute("PRAGMA user_version").fetchone()[0] == 1:
            rows = conn.execute("SELECT turn, text FROM commands ORDER BY turn").fetchall()
            checksum = saves._checksum(meta, rows, snaps)
        else:
            (log,) = conn.execute("SELECT data FROM log").fetchone()
            checksum = blobs.checksum(meta, log, snaps)
        conn.execute("UPDATE meta SET value = ? WHERE key = 'checksum'", (checksum,))
    return path
