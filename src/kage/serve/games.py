"""Games in play: sessions kept in memory by each server process, loaded from the store
when missing or older than the row, and every command line written back in the same
transaction that locked the row.

A process that has never seen a game, or whose copy is older than the row's version
(another process played it since), rebuilds it from the row as a restore does: the
newest snapshot that fits, then the commands after it (kage.restoring). So any process
can serve any player, and a process killed at any moment loses no committed turn.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from kage import __version__
from kage.interfaces.jsonplay import opening, record
from kage.persist import SaveData
from kage.restoring import RestoreError
from kage.serve.config import Settings
from kage.serve.store import Row, Store, Tx
from kage.serve.tokens import digest, new_id, new_token
from kage.serve.websession import Shelf, WebSession
from kage.serve.worlds import Served

MAX_SEED = 2**53  # a seed a JavaScript client can hold exactly


@dataclass
class Live:
    """A session in memory and what of it the row holds."""

    session: WebSession
    row: Row
    log: list[str]  # the command log as written to the row
    snapshot_turns: list[int]


class Gone(Exception):
    """The game cannot be played here any more: its world is no longer served, or its
    log no longer replays (a kage whose rules changed); the message says which."""


class Games:
    def __init__(self, store: Store, served: Served, settings: Settings) -> None:
        self.store = store
        self.served = served
        self.settings = settings
        self.live: OrderedDict[str, Live] = OrderedDict()

    # -- new games ------------------------------------------------------------------
    def create(self, world: str | None, seed: int) -> tuple[str, str, str, dict[str, Any]]:
        """A new game: (id, token, world, the opening's turn object). UnknownWorld for
        a world not served."""
        name, loaded = self.served.get(world)
        session = self._session(loaded, seed)
        first = opening(session)
        game, token = new_id(), new_token()
        row = Row(
            id=game, world=name, world_hash=loaded.source_hash, seed=seed, version=1,
            lines=0, turns=1, settings=session.settings.to_json(), extra={}, latest=first,
        )
        with self.store.transaction(batch=True) as tx:
            tx.insert(row, digest(token), [], session.snapshots)
            tx.add_turns(game, 1, [first], self.settings.transcript_kept)
        self._keep(Live(session, row, [], session.snapshot_turns))
        return game, token, name, first

    # -- playing --------------------------------------------------------------------
    def play(self, game: str, token: str, line: str) -> list[dict[str, Any]] | None:
        """Play a command line; its turn objects, or None for no such game and token."""
        try:
            with self.store.transaction(batch=True) as tx:
                row = tx.find(game, digest(token), lock=True)
                if row is None:
                    return None
                live = self.live.get(game)
                if live is None or live.row.version != row.version:
                    live = self._load(tx, row)
                records = self._step(tx, live, row, line)
        except BaseException:
            self.live.pop(game, None)  # the row was not written: the copy may be ahead
            raise
        self._keep(live)
        return records

    def _step(self, tx: Tx, live: Live, row: Row, line: str) -> list[dict[str, Any]]:
        session = live.session
        session.shelf = Shelf(tx, row.id)
        seed = session.seed
        try:
            steps = session.step(line[: self.settings.max_command_chars + 1])
        finally:
            session.shelf = None
        number = row.lines + 1
        records = [record(session, step, number) for step in steps]
        # what changed: an append to the log, or (undo, restore, restart) a new log
        log, old = session.log, live.log
        appended = len(log) >= len(old) and log[: len(old)] == old and session.seed == seed
        turns = session.snapshot_turns
        snapshots = None if appended and turns == live.snapshot_turns else session.snapshots
        row.seed = session.seed
        row.version += 1
        row.lines = number
        row.settings = session.settings.to_json()
        row.extra = {"asking": session.asking, "last": session.last}
        row.latest = records[-1]
        first = row.turns + 1
        row.turns += len(records)
        tx.update(row, log[len(old) :] if appended else None, None if appended else log, snapshots)
        tx.add_turns(row.id, first, records, self.settings.transcript_kept)
        live.row = row
        live.log = list(log)
        live.snapshot_turns = turns
        return records

    def _load(self, tx: Tx, row: Row) -> Live:
        """The game rebuilt from its row: newest fitting snapshot, then the log."""
        try:
            _, world = self.served.get(row.world)
        except Exception as exc:
            raise Gone(str(exc)) from exc
        log, snapshots = tx.log_and_snapshots(row.id)
        session = self._session(world, row.seed)
        # up to the newest snapshot as a restore does; the commands after it are played
        # as the player played them, so UNDO can take them back in this process too
        base = max((t for t, _ in snapshots if t <= len(log)), default=0)
        try:
            session.restore(
                self._data(world, row, log[:base], [s for s in snapshots if s[0] <= base])
            )
            for command in log[base:]:
                session.play(command)
            if session.log != log:  # never seen; if replay differs, trust a plain restore
                session.restore(self._data(world, row, log, snapshots))
        except RestoreError as exc:
            raise Gone(str(exc)) from exc
        session.asking = row.extra.get("asking")
        session.last = row.extra.get("last")
        return Live(session, row, list(log), session.snapshot_turns)

    @staticmethod
    def _data(world: Any, row: Row, log: list[str], snapshots: list[tuple[int, str]]) -> SaveData:
        return SaveData(
            name="game", world_id=world.id, world_hash=row.world_hash,
            engine_version=__version__, seed=row.seed, commands=log, snapshots=snapshots,
            created="", turn=len(log), summary="", settings=row.settings,
        )

    def _session(self, world: Any, seed: int) -> WebSession:
        # never strict: an engine bug takes the command back and says so, and the
        # server goes on serving
        return WebSession(world, seed=seed, strict=False)

    def _keep(self, live: Live) -> None:
        self.live[live.row.id] = live
        self.live.move_to_end(live.row.id)
        while len(self.live) > self.settings.games_in_memory:
            self.live.popitem(last=False)

    # -- reading --------------------------------------------------------------------
    def show(self, game: str, token: str, limit: int) -> dict[str, Any] | None:
        """The game's latest turn object and its transcript (the last ``limit`` turn
        objects), or None for no such game and token."""
        with self.store.transaction(write=False) as tx:
            row = tx.find(game, digest(token))
            if row is None:
                return None
            transcript = tx.transcript(game, limit)
        return {
            "game": game,
            "world": row.world,
            "seed": row.seed,
            "turn": row.latest,
            "transcript": transcript,
            "transcript_total": row.turns,
        }

    def sweep(self) -> int:
        gone = self.store.sweep(self.settings.idle_days * 86_400,
                                self.settings.unplayed_hours * 3_600)
        if gone:
            self.live.clear()  # cheap to reload; simpler than asking which went
        return gone
