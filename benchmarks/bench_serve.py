"""Load test of `kage serve`: many players at once through the HTTP API, on loopback.

Starts a real server (SQLite, or PostgreSQL in a throwaway cluster, with N workers),
then PLAYERS asyncio players each make a game and play the Banished walkthrough's lines
one request at a time, pausing a random think time between commands (a uniform draw
around --think seconds) as people do. Bounded: at most --commands per player and
--seconds in all. Reports p50/p90/p99/max latency per command request, errors (any
answer but 200/201, or no answer), and lost games: a game whose GET afterwards does
not show the last turn its player was answered, or whose transcript lacks a turn.

    python benchmarks/bench_serve.py --database sqlite --workers 1
    python benchmarks/bench_serve.py --database postgresql --workers 2
"""

from __future__ import annotations

import argparse
import asyncio
import random
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


class Tally:
    def __init__(self) -> None:
        self.latencies: list[float] = []  # ms, command requests, as the client saw them
        self.served: list[float] = []  # ms, the same in the server (Server-Timing)
        self.creates: list[float] = []
        self.errors: list[str] = []
        self.last: dict[str, tuple[dict[str, str], dict[str, Any], int]] = {}


async def player(client: httpx.AsyncClient, tally: Tally, number: int, commands: int,
                 think: float, until: float) -> None:
    rng = random.Random(number)
    await asyncio.sleep(rng.uniform(0, think * 2))  # players arrive over a while
    began = time.perf_counter()
    try:
        made = await client.post("/api/games", json={"seed": number % 5})
    except httpx.HTTPError as exc:
        tally.errors.append(f"create: {type(exc).__name__}")
        return
    tally.creates.append((time.perf_counter() - began) * 1000)
    if made.status_code != 201:
        tally.errors.append(f"create: {made.status_code}")
        return
    game = made.json()
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
            answer = await client.post(f"/api/games/{game['game']}/commands",
                                       json={"command": line}, headers=auth)
        except httpx.HTTPError as exc:
            tally.errors.append(f"command: {type(exc).__name__}")
            continue
        tally.latencies.append((time.perf_counter() - began) * 1000)
        if answer.status_code != 200:
            tally.errors.append(f"command: {answer.status_code} {answer.text[:100]}")
            continue
        timing = answer.headers.get("server-timing", "")
        if "dur=" in timing:
            tally.served.append(float(timing.split("dur=")[1]))
        turns = answer.json()
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
    limits = httpx.Limits(max_connections=players + 10, max_keepalive_connections=players + 10)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        until = time.monotonic() + seconds
        await asyncio.gather(*(
            player(client, tally, n, commands, think, until) for n in range(players)
        ))
        tally.errors += ["lost"] * await lost_games(client, tally)
    return tally


def run(kind: str, workers: int, players: int, commands: int, think: float,
        seconds: float) -> list[str]:
    folder = Path(tempfile.mkdtemp(prefix="kage-bench-serve-"))
    pg = folder / "pg"
    if kind == "sqlite":
        database = f"sqlite:///{folder / 'games.sqlite3'}"
    else:
        database = cluster.fresh_database(cluster.start(pg, durable=True))
    server = Server(database, folder, {
        "commands_burst": 100_000, "creates_per_minute": 100_000, "creates_burst": 100_000,
        "creates_per_minute_total": 100_000,
    })
    try:
        server.start(workers)
        began = time.monotonic()
        tally = asyncio.run(load(server.url, players, commands, think, seconds))
        took = time.monotonic() - began
    finally:
        server.stop()
        if kind != "sqlite":
            cluster.stop(pg)
    lat = summary(tally.latencies)
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
    parser.add_argument("--commands", type=int, default=40, help="per player, at most")
    parser.add_argument("--think", type=float, default=1.0, help="seconds between commands")
    parser.add_argument("--seconds", type=float, default=120, help="the whole run, at most")
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
