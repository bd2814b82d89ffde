"""Load test of `kage serve`: many players at once through the HTTP API, on loopback.

Starts a real server (SQLite, or PostgreSQL in a throwaway cluster, with N workers),
then PLAYERS asyncio players each make a game and play the Banished walkthrough's lines
one request at a time, pausing a random think time between commands (a uniform draw
around --think seconds) as people do. Bounded: at most --commands per player and
--seconds in all. Reports p50/p90/p99/max latency per command request, errors (any
answer but 200/201, or no answer), and lost games: a game whose GET afterwards does
not show the last turn its player was answered, or whose transcript lacks a turn.

    python benchmarks/bench_serve.py      # SQLite with 1 worker, then PostgreSQL with 2
    python benchmarks/bench_serve.py --database sqlite --think 2

Latency is measured by the client, which shares the machine with the server; the
server's own time for each line (play and database, its Server-Timing header) is
reported beside it. The PostgreSQL cluster keeps fsync on.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))

import httpx  # noqa: E402
from common import summary, table  # noqa: E402
from tests.serve import cluster  # noqa: E402
from tests.serve.servers import Server  # noqa: E402

from kage import worlds  # noqa: E402

LINES = [
    line.strip()
    for line in (worlds.locate("banished") / "walkthrough.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
]


IDLE = 25.0  # seconds a connection is reused after (kage serve keeps it 30)


class Connection:
    """One player's keep-alive HTTP/1.1 connection: a few lines of asyncio, so that the
    client, which shares the machine's two cores with the server, costs little CPU
    (httpx costs several times more per request, and its delays count as latency)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.used = 0.0

    async def post(self, path: str, body: dict[str, Any], token: str | None = None
                   ) -> tuple[int, dict[str, str], Any]:
        if self.writer is not None and time.monotonic() - self.used > IDLE:
            self.close()  # the server may have closed it: a browser would not reuse it
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        data = json.dumps(body).encode()
        auth = f"Authorization: Bearer {token}\r\n" if token else ""
        self.writer.write(
            f"POST {path} HTTP/1.1\r\nHost: {self.host}\r\nContent-Type: application/json"
            f"\r\n{auth}Content-Length: {len(data)}\r\n\r\n".encode() + data
        )
        assert self.reader is not None
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        headers = {}
        for line in head[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        payload = await self.reader.readexactly(int(headers.get("content-length", "0")))
        self.used = time.monotonic()
        return status, headers, json.loads(payload)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = self.reader = None


class Tally:
    def __init__(self) -> None:
        self.latencies: list[float] = []  # ms, command requests, as the client saw them
        self.served: list[float] = []  # ms, the same in the server (Server-Timing)
        self.creates: list[float] = []
        self.when: list[tuple[float, float, int, int]] = []  # (at, ms, player, command)
        self.errors: list[str] = []
        self.last: dict[str, tuple[dict[str, str], dict[str, Any], int]] = {}


async def player(url: str, tally: Tally, number: int, commands: int, think: float,
                 until: float) -> None:
    rng = random.Random(number)
    await asyncio.sleep(rng.uniform(0, think * 2))  # players arrive over a while
    host, _, port = url.removeprefix("http://").partition(":")
    conn = Connection(host, int(port))
    try:
        await play_game(conn, tally, number, commands, think, until, rng)
    finally:
        conn.close()


async def play_game(conn: Connection, tally: Tally, number: int, commands: int, think: float,
                    until: float, rng: random.Random) -> None:
    began = time.perf_counter()
    try:
        status, _, game = await conn.post("/api/games", {"seed": number % 5})
    except (OSError, ValueError, asyncio.IncompleteReadError) as exc:
        tally.errors.append(f"create: {type(exc).__name__}")
        return
    tally.creates.append((time.perf_counter() - began) * 1000)
    if status != 201:
        tally.errors.append(f"create: {status}")
        return
    auth = {"Authorization": f"Bearer {game['token']}"}
    sent = 1
    last = game["turn"]
    for i in range(commands):
        if time.monotonic() > until:
            break
        await asyncio.sleep(rng.uniform(think * 0.5, think * 1.5))
        line = LINES[i % len(LINES)]
        began = time.perf_counter()
        try:
            status, headers, turns = await conn.post(
                f"/api/games/{game['game']}/commands", {"command": line}, game["token"]
            )
        except (OSError, ValueError, asyncio.IncompleteReadError) as exc:
            tally.errors.append(f"command: {type(exc).__name__}")
            return
        tally.latencies.append((time.perf_counter() - began) * 1000)
        tally.when.append((time.perf_counter(), tally.latencies[-1], number, i))
        if status != 200:
            tally.errors.append(f"command: {status} {str(turns)[:100]}")
            continue
        timing = headers.get("server-timing", "")
        if "dur=" in timing:
            tally.served.append(float(timing.split("dur=")[1]))
        sent += len(turns)
        last = turns[-1]
    tally.last[game["game"]] = (auth, last, sent)


async def lost_games(client: httpx.AsyncClient, tally: Tally) -> int:
    lost = 0
    for game, (auth, last, sent) in tally.last.items():
        shown = await client.get(f"/api/games/{game}?limit=1", headers=auth)
        if shown.status_code != 200:
            lost += 1
            continue
        body = shown.json()
        if body["turn"] != last or body["transcript_total"] != sent:
            lost += 1
    return lost


async def load(url: str, players: int, commands: int, think: float, seconds: float) -> Tally:
    tally = Tally()
    until = time.monotonic() + seconds
    await asyncio.gather(*(player(url, tally, n, commands, think, until) for n in range(players)))
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        tally.errors += ["lost"] * await lost_games(client, tally)
    return tally


def run(kind: str, workers: int, players: int, commands: int, think: float,
        seconds: float) -> list[str]:
    folder = Path(tempfile.mkdtemp(prefix="kage-bench-serve-"))
    pg = None
    if kind == "sqlite":
        database = f"sqlite:///{folder / 'games.sqlite3'}"
    else:
        pg = Path(tempfile.mkdtemp(prefix="kage-bench-pg-"))  # in /tmp: its owner reaches it
        database = cluster.fresh_database(cluster.start(pg, durable=True))
    server = Server(database, folder, {
        "commands_burst": 100_000, "creates_per_minute": 100_000, "creates_burst": 100_000,
        "creates_per_minute_total": 100_000,
    })
    try:
        server.start(workers)
        began = time.monotonic()
        cpu = time.process_time()
        tally = asyncio.run(load(server.url, players, commands, think, seconds))
        took = time.monotonic() - began
        print(f"client CPU: {(time.process_time() - cpu) / max(1, len(tally.latencies)) * 1000:.2f}"
              " ms per command", file=sys.stderr)
    finally:
        server.stop()
        if pg is not None:
            cluster.stop(pg)
        shutil.rmtree(folder, ignore_errors=True)
    lat = summary(tally.latencies)
    if "--slowest" in sys.argv:
        start = min(w[0] for w in tally.when)
        for at, ms, who, i in sorted(tally.when, key=lambda w: -w[1])[:15]:
            print(f"slow: {ms:.0f} ms at {at - start:.1f} s, player {who}, command {i}",
                  file=sys.stderr)
    served = summary(tally.served)
    lost = tally.errors.count("lost")
    errors = len(tally.errors) - lost
    for error in sorted(set(tally.errors) - {"lost"})[:5]:
        print("error:", error, file=sys.stderr)
    return [
        kind, str(workers), str(players), f"{len(tally.latencies):,}",
        f"{len(tally.latencies) / took:.0f}/s",
        f"{lat['median']:.1f}", f"{lat['p90']:.1f}", f"{lat['p99']:.1f}", f"{lat['max']:.0f}",
        f"{served['median']:.1f} / {served['p99']:.1f}",
        f"{summary(tally.creates)['p99']:.0f}", str(errors), str(lost),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], action="append")
    parser.add_argument("--workers", type=int, action="append")
    parser.add_argument("--players", type=int, default=200)
    parser.add_argument("--commands", type=int, default=25, help="per player, at most")
    parser.add_argument("--think", type=float, default=5.0, help="seconds between commands")
    parser.add_argument("--seconds", type=float, default=150, help="the whole run, at most")
    parser.add_argument("--slowest", action="store_true", help="list the slowest commands")
    args = parser.parse_args()
    kinds = args.database or ["sqlite", "postgresql"]
    workers = args.workers or [1 if k == "sqlite" else 2 for k in kinds]
    rows = [run(k, w, args.players, args.commands, args.think, args.seconds)
            for k, w in zip(kinds, workers, strict=True)]
    print(table(
        f"kage serve under load: {args.players} players, think time {args.think} s, "
        f"at most {args.commands} commands each (ms per command request)",
        ["database", "workers", "players", "commands", "rate", "p50", "p90", "p99", "max",
         "in the server p50 / p99", "new game p99", "errors", "lost games"],
        rows,
    ))


if __name__ == "__main__":
    main()
