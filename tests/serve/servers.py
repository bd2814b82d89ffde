"""`kage serve` in a subprocess on a free loopback port, for the tests and the load
benchmark: started, killed with SIGKILL, started again on the same database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from tests.serve import cluster


class Server:
    """One `kage serve` process; ``start`` again after ``kill`` serves the same database."""

    def __init__(self, database: str, folder: Path, settings: dict[str, Any]) -> None:
        self.database = database
        self.folder = folder
        # scripts play faster than people: the flood test sets its own limits
        self.settings = {"commands_burst": 100_000, "wrong_tokens_per_minute": 100_000,
                         **settings}
        self.proc: subprocess.Popen[bytes] | None = None
        self.url = ""

    def start(self, workers: int = 1) -> Server:
        port = cluster.free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("KAGE_SERVE_")}
        env["KAGE_SAVES"] = str(self.folder / "saves")  # a save must never land here
        env["KAGE_TRANSCRIPTS"] = str(self.folder / "transcripts")
        env.update({f"KAGE_SERVE_{k.upper()}": str(v) for k, v in self.settings.items()})
        self.log = open(self.folder / f"server-{port}.log", "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kage", "serve", "--port", str(port),
             "--database", self.database, "--workers", str(workers)],
            env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(self.url + "/api/health", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"kage serve did not start: {Path(self.log.name).read_text()[-2000:]}"
                )
            time.sleep(0.1)

    def kill(self) -> None:
        """SIGKILL, the server and its workers: nothing gets to clean up."""
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30)
