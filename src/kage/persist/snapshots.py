"""Snapshots of a game's state along its command log, kept few enough to stay small.

A snapshot only saves replay time: restore loads the newest one and replays the
commands after it. So a long game needs the newest snapshot and a few older ones (for
undo, which drops the snapshots after the turn it returns to), not one per
``SNAPSHOT_EVERY`` turns forever: past ``MAX_SNAPSHOTS`` every second one between the
first (turn 0) and the newest is dropped. Older stretches are thinned again and again,
so the spacing grows with age: recent turns stay close to a snapshot.
"""

from __future__ import annotations

import zlib

SNAPSHOT_EVERY = 50  # turns between snapshots while playing
MAX_SNAPSHOTS = 20
# zlib level: Banished's 18 KB state packs to 7.5 KB in 0.2 ms (level 6: 7 KB in 0.5 ms)
SNAPSHOT_LEVEL = 1


def keep_bounded(snapshots: list[tuple[int, str]], limit: int = MAX_SNAPSHOTS) -> None:
    """Thin ``snapshots`` (turn-ascending) in place to at most ``limit`` entries, never
    dropping the first or the newest."""
    if limit < 3:
        raise ValueError(f"keep at least 3 snapshots, not {limit}")
    while len(snapshots) > limit:
        del snapshots[1:-1:2]


def pack(text: str) -> bytes:
    """A snapshot's JSON, compressed to hold in memory (less than half its size)."""
    return zlib.compress(text.encode(), SNAPSHOT_LEVEL)


def unpack(packed: bytes) -> str:
    return zlib.decompress(packed).decode()
