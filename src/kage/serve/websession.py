"""A Session whose named saves live in the game's database rows, not in files on the
server's disk, so every server process (and a restarted one) finds them.

A save is written exactly as the terminal writes it (kage.persist's save file, with its
checksum), then kept as bytes in the ``saves`` table; RESTORE turns the bytes back into
a file aside and reads it with the same verifying loader.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from kage.persist import SaveData, SaveError, SaveStore
from kage.persist.saves import load, name_key
from kage.serve.store import Saved, Tx
from kage.session import Session, Step, save_name
from kage.session_replies import RESTORE_NONE, RESTORE_WHICH

MAX_SAVES = 50  # named saves per game


class Shelf:
    """The named saves of one game, inside the transaction that plays the command."""

    def __init__(self, tx: Tx, game: str) -> None:
        self.tx = tx
        self.game = game

    def put(self, data: SaveData) -> None:
        key = name_key(data.name)
        if self.tx.get_save(self.game, key) is None and self.tx.count_saves(self.game) >= MAX_SAVES:
            raise SaveError(
                f"This game already has {MAX_SAVES} saves; save over one of them instead."
            )
        with tempfile.TemporaryDirectory(prefix="kage-save-") as folder:
            path = SaveStore(folder).write(data)
            written = load(path)  # read back: what is kept is what the loader accepts
            blob = path.read_bytes()
        saved = Saved(data.name, written.created, written.summary, written.turn)
        self.tx.put_save(self.game, key, saved, blob)

    def get(self, name: str) -> SaveData:
        blob = self.tx.get_save(self.game, name_key(name))
        if blob is None:
            raise SaveError(f"This game has no save named {name!r}.")
        with tempfile.TemporaryDirectory(prefix="kage-save-") as folder:
            path = Path(folder) / "restore.kage"
            path.write_bytes(blob)
            return load(path)

    def list(self) -> list[Saved]:
        return self.tx.list_saves(self.game)


class WebSession(Session):
    """A Session for a browser or an API client. ``shelf`` is set for each command line
    by kage.serve.games; transcripts are the server's (GET /api/games/ID)."""

    shelf: Shelf | None = None

    def _shelf(self) -> Shelf:
        if self.shelf is None:
            raise SaveError("Saves are not available right now.")
        return self.shelf

    def _save(self, command: str, rest: str) -> Step:
        try:
            name = save_name(rest)
            self.store.path_for(name)  # the same rules for a name as at the terminal
            self._shelf().put(self.save_data(name))
        except SaveError as exc:
            return Step(command, f"Not saved: {exc}")
        return Step(command, f"Saved as {name!r}.")

    def _saves(self, command: str, rest: str) -> Step:
        try:
            found = self._shelf().list()
        except SaveError as exc:
            return Step(command, str(exc))
        if not found:
            return Step(command, "There are no saves yet.")
        lines = [
            f"  {s.name!r}: {s.summary}; saved {s.created.replace('T', ' ')}" for s in found
        ]
        return Step(command, "Saves:\n" + "\n".join(lines))

    def _which_save(self, command: str) -> Step:
        try:
            found = self._shelf().list()
        except SaveError as exc:
            return Step(command, str(exc))
        if not found:
            return Step(command, RESTORE_NONE(self.game))
        lines = [f"  {s.name!r}: {s.summary}" for s in found]
        return Step(command, "\n".join([RESTORE_WHICH(self.game), *lines]))

    def _find(self, name: str) -> SaveData:
        return self._shelf().get(name)

    def _transcript_on(self, command: str, rest: str) -> Step:
        return Step(
            command,
            "The server keeps this game's transcript: reload the page, or ask the API for "
            "the game, to read it.",
        )

    def _transcript_off(self, command: str, rest: str) -> Step:
        return self._transcript_on(command, rest)
