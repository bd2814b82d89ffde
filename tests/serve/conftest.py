"""Real servers for the API tests: `kage serve` in a subprocess on a free loopback port,
on SQLite (a file in a temporary folder) and on PostgreSQL (the cluster .ci/run starts,
named by KAGE_TEST_POSTGRES, or one started here when initdb is installed).

No test client stands in for the server: requests go through uvicorn, the app and the
database, as a player's would.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

httpx = pytest.importorskip("httpx", reason="the server's tests need the test extra (httpx)")

from tests.serve import cluster  # noqa: E402
from tests.serve.servers import Server  # noqa: E402

DATABASES = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[str]:
    """The URL of a PostgreSQL cluster to make test databases on."""
    given = os.environ.get("KAGE_TEST_POSTGRES")
    if given:
        yield given
        return
    if cluster.bindir() is None:
        pytest.skip(
            "POSTGRESQL IS NOT INSTALLED: the PostgreSQL API tests did not run "
            "(.ci/run installs it; or set KAGE_TEST_POSTGRES=postgresql://...)"
        )
    folder = Path(tempfile.mkdtemp(prefix="kage-pg-"))
    try:
        yield cluster.start(folder)
    finally:
        cluster.stop(folder)


@pytest.fixture
def new_database(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[str], str]:
    """A fresh, empty database of the kind named: 'sqlite' or 'postgresql'."""

    def make(kind: str) -> str:
        if kind == "sqlite":
            return f"sqlite:///{tmp_path / f'games-{time.monotonic_ns()}.sqlite3'}"
        admin = request.getfixturevalue("postgres_admin")
        return cluster.fresh_database(admin)

    return make


@pytest.fixture
def start_server(
    new_database: Callable[[str], str], tmp_path: Path
) -> Iterator[Callable[..., Server]]:
    """start_server(kind, database=None, workers=1, **settings): a running server."""
    started: list[Server] = []

    def start(kind: str, database: str | None = None, workers: int = 1,
              **settings: Any) -> Server:
        server = Server(database or new_database(kind), tmp_path, settings)
        started.append(server)
        return server.start(workers)

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="module", params=DATABASES)
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[Server]:
    """A server shared by a module's tests, once per kind of database."""
    folder = tmp_path_factory.mktemp(f"serve-{request.param}")
    if request.param == "sqlite":
        database = f"sqlite:///{folder / 'games.sqlite3'}"
    else:
        database = cluster.fresh_database(request.getfixturevalue("postgres_admin"))
    running = Server(database, folder, {}).start()
    yield running
    running.stop()


@pytest.fixture
def api(server: Server) -> Iterator[httpx.Client]:
    with server.client() as client:
        yield client


def new_game(client: httpx.Client, **body: Any) -> tuple[str, dict[str, str], dict[str, Any]]:
    """A new game: (id, the Authorization header, the whole answer)."""
    answer = client.post("/api/games", json=body)
    assert answer.status_code == 201, answer.text
    made = answer.json()
    return made["game"], {"Authorization": f"Bearer {made['token']}"}, made


def play(client: httpx.Client, game: str, auth: dict[str, str], line: str) -> list[dict[str, Any]]:
    answer = client.post(f"/api/games/{game}/commands", json={"command": line}, headers=auth)
    assert answer.status_code == 200, answer.text
    return answer.json()
