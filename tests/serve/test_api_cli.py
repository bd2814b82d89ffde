"""`kage serve` refuses what it cannot serve before it starts, with a sentence."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


def serve(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kage", "serve", "--port", "0", *args],
        capture_output=True, text=True, timeout=60,
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--database", "mysql://x"], "Unknown database URL"),
        (["--set", "commands_per_minute"], "use NAME=VALUE"),
        (["--set", "no_such_limit=3"], "use NAME=VALUE"),
        (["--set", "max_body_bytes=lots"], "max_body_bytes=lots"),
        (["nowhere-world"], "no such world"),
    ],
)
def test_what_cannot_be_served_is_refused_up_front(args: list[str], said: str,
                                                   tmp_path: Path) -> None:
    done = serve("--database", f"sqlite:///{tmp_path / 'g.sqlite3'}", *args)
    assert done.returncode == 2
    assert said in done.stderr


def test_the_settings_reach_the_server_from_the_environment() -> None:
    from kage.serve.config import Settings

    settings = Settings.from_env(commands_burst=7)
    env = settings.to_env()
    assert env["KAGE_SERVE_COMMANDS_BURST"] == "7"
    old = dict(os.environ)
    try:
        os.environ.update(env)
        os.environ["KAGE_SERVE_SYNC_EVERY_COMMIT"] = "off"
        again = Settings.from_env()
    finally:
        os.environ.clear()
        os.environ.update(old)
    assert again.commands_burst == 7 and again.sync_every_commit is False


def test_the_world_named_on_the_command_line_is_the_default(start_server: Any) -> None:
    from kage import worlds

    folder = worlds.locate("cloak")  # as a folder path, as a writer would name theirs
    server = start_server("sqlite", world=str(folder))
    with server.client() as client:
        made = client.post("/api/games").json()
        assert made["world"] == "cloak"
        assert client.get("/api/worlds").json()["default"] == "cloak"
        other = client.post("/api/games", json={"world": "banished"}).json()
        assert "Valley of the End" in other["turn"]["output"]
