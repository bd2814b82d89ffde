"""The server's settings: where games are kept and every limit, with sane defaults.

Each can be set by an environment variable (``KAGE_SERVE_`` and the name in capitals,
e.g. ``KAGE_SERVE_COMMANDS_PER_MINUTE=120``) or by `kage serve`'s options; the
environment reaches every worker process that uvicorn starts.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

PREFIX = "KAGE_SERVE_"


def default_database() -> str:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return f"sqlite:///{Path(base) / 'kage' / 'serve.sqlite3'}"


def as_bool(raw: str) -> bool:
    if raw.strip().lower() in ("1", "true", "yes", "on"):
        return True
    if raw.strip().lower() in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{raw!r} is not on or off")


@dataclass(frozen=True)
class Settings:
    database: str = ""  # sqlite:///path or postgresql://...; "" is the default file
    world: str = ""  # the default world for a new game; "" is banished
    max_body_bytes: int = 16_384  # a request body or a WebSocket frame
    max_command_chars: int = 2_000  # longer lines are cut by the session, and it says so
    commands_per_minute: int = 600  # per game, with a burst of commands_burst
    commands_burst: int = 100
    creates_per_minute: int = 60  # new games per client address, with a burst
    creates_burst: int = 20
    creates_per_minute_total: int = 1_200  # new games per server process, all clients
    wrong_tokens_per_minute: int = 30  # per client address, as its burst too
    idle_days: float = 30.0  # a game untouched this long is deleted by the sweep
    unplayed_hours: float = 24.0  # ... and a game never played, after this long
    sweep_seconds: float = 3_600.0  # how often the sweep runs
    games_in_memory: int = 1_000  # per process, least recent go: some 0.3 MB each
    transcript_kept: int = 1_000  # turn objects kept per game for GET and a reload
    transcript_sent: int = 200  # turn objects GET answers by default
    # wait for the disk at every commit: off, a turn survives the server being killed
    # (the database has it) but not a power cut in the next second; on, it survives
    # both, and each command waits for the disk (tens of ms on a busy one)
    sync_every_commit: bool = False

    def url(self) -> str:
        return self.database or default_database()

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Defaults, then the environment, then ``overrides`` that are not None."""
        values: dict[str, Any] = {}
        for field in fields(cls):
            raw = os.environ.get(PREFIX + field.name.upper())
            if raw is not None and raw != "":
                kind = type(getattr(cls(), field.name))
                values[field.name] = as_bool(raw) if kind is bool else kind(raw)
        settings = cls(**values)
        chosen = {k: v for k, v in overrides.items() if v is not None}
        return replace(settings, **chosen)

    def to_env(self) -> dict[str, str]:
        """The settings as environment variables, for worker processes."""
        return {PREFIX + f.name.upper(): str(getattr(self, f.name)) for f in fields(self)}
