"""Transcripts: a plain-text record of play (the player's commands and the game's
replies) that the player starts with TRANSCRIPT and stops with TRANSCRIPT OFF.

Each transcript is a new file in the transcripts folder, named after the world and the
moment it was started, never replacing another; it is readable by its owner only (what
a player types is nobody else's business). Every reply is flushed as it is written, so a
game that ends without warning loses nothing of it.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from kage.persist.saves import file_stem

MAX_TRIES = 100  # files started in one second before giving up (never reached in play)


class TranscriptError(Exception):
    """A transcript could not be started or written; the message is a sentence for the
    player that names the file or folder."""


def default_transcript_dir() -> Path:
    """$KAGE_TRANSCRIPTS, else kage's folder in the user's data directory
    ($XDG_DATA_HOME, else ~/.local/share), next to the saves."""
    if os.environ.get("KAGE_TRANSCRIPTS"):
        return Path(os.environ["KAGE_TRANSCRIPTS"])
    base = os.environ.get("XDG_DATA_HOME", "")
    if not os.path.isabs(base):  # the XDG spec: a relative path is to be ignored
        base = str(Path.home() / ".local" / "share")
    return Path(base) / "kage" / "transcripts"


class Transcript:
    """An open transcript file."""

    def __init__(self, path: Path, handle: TextIO) -> None:
        self.path = path
        self._handle = handle

    @classmethod
    def start(cls, folder: Path, world_id: str, heading: str) -> Transcript:
        """A new transcript file in `folder` (created if need be), begun with `heading`."""
        now = datetime.now(UTC)
        stem = f"{file_stem(world_id)}-{now:%Y%m%d-%H%M%S}"
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise TranscriptError(
                f'Could not start a transcript in "{folder}": {_reason(exc)}.'
            ) from exc
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        for n in range(1, MAX_TRIES + 1):
            path = folder / (f"{stem}.txt" if n == 1 else f"{stem}-{n}.txt")
            try:
                fd = os.open(path, flags, 0o600)
            except FileExistsError:
                continue
            except OSError as exc:
                raise TranscriptError(
                    f'Could not start a transcript in "{folder}": {_reason(exc)}.'
                ) from exc
            handle = open(fd, "w", encoding="utf-8", errors="replace", newline="\n")  # noqa: SIM115
            transcript = cls(path, handle)
            transcript.write(f"{heading}\nStarted {now:%Y-%m-%d %H:%M} UTC.\n\n")
            return transcript
        raise TranscriptError(f'Could not start a transcript in "{folder}": too many files.')

    def record(self, command: str, reply: str) -> None:
        """One command and its reply, as the player saw them."""
        self.write(f"> {command}\n{reply}\n\n")

    def write(self, text: str) -> None:
        try:
            self._handle.write(text)
            self._handle.flush()
        except (OSError, ValueError) as exc:  # ValueError: the file was closed under us
            self.close()
            raise TranscriptError(
                f'The transcript "{self.path}" could not be written ({_reason(exc)}), '
                "so it has been stopped."
            ) from exc

    def close(self) -> None:
        # closing flushes, and everything was flushed as written: an error here has
        # already been reported by `write`
        with contextlib.suppress(OSError):
            self._handle.close()


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc).rstrip(".") or type(exc).__name__
