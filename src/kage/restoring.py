"""Rebuilding a saved game aside, so a restore that fails leaves the game in play as
it was.

A save holds the seed, the command log and snapshots. The newest snapshot is used when
it fits this engine: the world's files are the same (its hash) and the snapshot's state
has this engine's state version and shape. Otherwise the log is replayed from the seed,
which is the whole truth of the game. A save written by a newer kage whose snapshot does
not fit is refused: replaying its commands under older rules could silently give a
different game.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from typing import Any

from kage import __version__
from kage.core.prose import count
from kage.game import Game
from kage.persist import SaveData
from kage.persist.snapshots import SNAPSHOT_EVERY, keep_bounded
from kage.world.model import World
from kage.world.state import STATE_VERSION, State


class RestoreError(Exception):
    """A save could not be restored; the message is a sentence for the player."""


@dataclass
class Rebuilt:
    """A game rebuilt from a save, ready to be swapped in."""

    game: Game
    log: list[str]
    snapshots: list[tuple[int, str]]
    look: str  # where the game stands, described
    replayed: int  # how many commands were replayed
    from_start: bool  # replayed from the seed: no snapshot of the save fitted

    @property
    def note(self) -> str:
        """What the player may want to know about how the game was rebuilt."""
        if not self.from_start or not self.replayed:
            return ""
        replayed = count(self.replayed, "command")
        return f" Its snapshot did not fit this kage or world: replayed {replayed}."


def rebuild(world: World, data: SaveData, strict: bool = False) -> Rebuilt:
    """The game saved in ``data``, built aside. RestoreError if it cannot be; with
    ``strict``, an internal error while replaying is raised as it is (tests see it)."""
    if data.world_id != world.id:
        raise RestoreError(
            f"{data.name!r} is a save of the world {data.world_id!r}, not of this world "
            f"({world.id!r})."
        )
    start = snapshot_state(world, data)
    if start is not None:
        try:
            return _replay(world, data, start)
        except Exception:  # the snapshot did not fit after all: replay the log instead
            pass
    if _version(data.engine_version) > _version(__version__):
        raise RestoreError(
            f"{data.name!r} was written by kage {data.engine_version}, which is newer than "
            f"this kage ({__version__}), and its saved state cannot be read here; "
            "a newer kage can restore it."
        )
    try:
        return _replay(world, data, None)
    except _ReplayFailed as failed:
        if strict:
            raise failed.error from None
        raise RestoreError(
            f"{data.name!r} could not be replayed: its command {failed.turn} "
            f"({failed.command!r}) failed with {type(failed.error).__name__}: "
            f"{failed.error}. The game in play goes on unchanged."
        ) from failed.error


def snapshot_state(world: World, data: SaveData) -> tuple[int, State] | None:
    """The save's newest snapshot as (turn, State), or None if it does not fit."""
    if data.world_hash != world.source_hash or not data.snapshots:
        return None
    turn, text = data.snapshots[-1]
    try:
        raw = json.loads(text)
    except ValueError:
        return None
    if not isinstance(raw, dict) or raw.get("version") != STATE_VERSION:
        return None
    if not _has_state_shape(raw):
        return None
    try:
        return turn, State.from_json(raw)
    except (TypeError, ValueError, KeyError, AttributeError):
        return None


def _has_state_shape(raw: dict[str, Any]) -> bool:
    """Exactly this engine's state fields, each of the type its default has."""
    defaults = State()
    names = {f.name for f in fields(State)}
    if set(raw) != names | {"version"}:
        return False
    for name in names:
        expected, value = type(getattr(defaults, name)), raw[name]
        if type(value) is not expected:
            return False
    return True


@dataclass
class _ReplayFailed(Exception):
    turn: int
    command: str
    error: Exception


def _replay(world: World, data: SaveData, start: tuple[int, State] | None) -> Rebuilt:
    from kage.actions.describe import place

    game = Game(world, data.seed)
    log: list[str] = []
    snapshots = [(0, game.state.dumps())]
    if start is not None:
        turn, state = start
        game.set_state(state)
        log = list(data.commands[:turn])
        snapshots = [s for s in data.snapshots if s[0] <= turn]
        keep_bounded(snapshots)
    replayed = 0
    for command in data.commands[len(log) :]:
        try:
            game.command(command)
        except Exception as exc:
            raise _ReplayFailed(len(log) + 1, command, exc) from exc
        log.append(command)
        replayed += 1
        if len(log) % SNAPSHOT_EVERY == 0:
            snapshots.append((len(log), game.state.dumps()))
            keep_bounded(snapshots)
    game.take_output()
    return Rebuilt(game, log, snapshots, place(game), replayed, start is None)


def _version(text: str) -> tuple[int, ...]:
    """'0.10.2' -> (0, 10, 2); anything unreadable counts as the oldest version."""
    match = re.match(r"\s*(\d+(?:\.\d+)*)", text)
    return tuple(int(part) for part in match.group(1).split(".")) if match else ()
