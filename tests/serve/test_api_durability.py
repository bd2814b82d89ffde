"""Games outlive their server: kill -9 mid-play loses no answered turn, two servers on
one database serve one player without losing each other's turns, and idle games expire."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.serve.conftest import DATABASES, new_game, play

from kage import worlds
from kage.interfaces.jsonplay import record
from kage.session import Session

WALKTHROUGH = Path(worlds.locate("banished")) / "walkthrough.txt"


def walkthrough() -> list[str]:
    return [
        line.strip() for line in WALKTHROUGH.read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def local(lines: list[str], seed: int = 0) -> list[dict[str, Any]]:
    session = Session(worlds.load("banished"), seed=seed, strict=True)
    session.opening()
    turns = []
    for number, line in enumerate(lines, start=1):
        turns += [record(session, step, number) for step in session.step(line)]
    return turns


@pytest.mark.parametrize("kind", DATABASES)
def test_kill_9_mid_play_loses_nothing(kind: str, start_server: Any) -> None:
    lines = walkthrough()[:70]  # past the first snapshot (every 50 commands)
    server = start_server(kind)
    with server.client() as client:
        game, auth, _ = new_game(client)
        got = [t for line in lines[:60] for t in play(client, game, auth, line)]
        server.kill()
    server.start()  # the same database
    with server.client() as client:
        shown = client.get(f"/api/games/{game}", headers=auth).json()
        assert shown["turn"] == got[-1]
        got += [t for line in lines[60:] for t in play(client, game, auth, line)]
        undone = play(client, game, auth, "undo")[-1]  # undo works in the new process
    expected = local(lines)
    assert [t["output"] for t in got] == [t["output"] for t in expected]
    assert got[-1] == expected[-1]
    assert undone["output"].startswith("[Undone:")


@pytest.mark.parametrize("kind", DATABASES)
def test_two_servers_on_one_database_lose_no_turn(kind: str, start_server: Any,
                                                  new_database: Any) -> None:
    database = new_database(kind)
    first = start_server(kind, database=database)
    second = start_server(kind, database=database)
    lines = walkthrough()[:30]
    with first.client() as a, second.client() as b:
        game, auth, _ = new_game(a)
        got = []
        for number, line in enumerate(lines):
            got += play((a, b)[number % 2 if number < 20 else (number // 3) % 2], game, auth,
                        line)
        assert b.get(f"/api/games/{game}", headers=auth).json()["turn"] == got[-1]
        shown = a.get(f"/api/games/{game}?limit=1000", headers=auth).json()
    assert got == local(lines)
    assert shown["transcript"][1:] == got


def test_workers_of_one_server_share_games(start_server: Any) -> None:
    server = start_server("postgresql", workers=2)
    lines = walkthrough()[:20]
    got = []
    with server.client() as client:  # new connections: the kernel spreads them out
        game, auth, _ = new_game(client)
    for line in lines:
        with server.client() as client:
            got += play(client, game, auth, line)
    assert got == local(lines)


@pytest.mark.parametrize("kind", DATABASES)
def test_idle_games_expire(kind: str, start_server: Any) -> None:
    server = start_server(kind, idle_days=6 / 86_400, unplayed_hours=2 / 3_600,
                          sweep_seconds=0.5)
    with server.client() as client:
        old, old_auth, _ = new_game(client)
        unplayed, unplayed_auth, _ = new_game(client)
        kept, kept_auth, _ = new_game(client)
        play(client, old, old_auth, "look")  # played once, then left
        for _ in range(3):
            time.sleep(1)
            play(client, kept, kept_auth, "look")
        # never played: gone after 2 s; played, then idle: still there before 6 s
        assert client.get(f"/api/games/{unplayed}", headers=unplayed_auth).status_code == 404
        assert client.get(f"/api/games/{old}", headers=old_auth).status_code == 200
        for _ in range(5):
            time.sleep(1)
            play(client, kept, kept_auth, "look")
        assert client.get(f"/api/games/{old}", headers=old_auth).status_code == 404
        assert client.get(f"/api/games/{kept}", headers=kept_auth).status_code == 200


@pytest.mark.parametrize("kind", ["sqlite"])
def test_floods_are_throttled_and_others_keep_playing(kind: str, start_server: Any) -> None:
    server = start_server(kind, commands_per_minute=60, commands_burst=10,
                          creates_per_minute=10, creates_burst=5)
    with server.client() as client:
        flooder, flood_auth, _ = new_game(client)
        calm, calm_auth, _ = new_game(client)
        answers = [
            client.post(f"/api/games/{flooder}/commands", json={"command": "z"},
                        headers=flood_auth)
            for _ in range(30)
        ]
        codes = [a.status_code for a in answers]
        assert codes[:10] == [200] * 10 and codes.count(429) >= 15
        refused = answers[-1]
        assert refused.json()["error"]["code"] == "too_many"
        assert int(refused.headers["retry-after"]) >= 1
        assert play(client, calm, calm_auth, "look")[-1]["command"] == "look"
        made = [client.post("/api/games").status_code for _ in range(20)]
        assert made.count(201) <= 5 and 429 in made
    # thousands of new games a minute from many connections: refused, server still up
    with httpx.Client(base_url=server.url, timeout=30) as client:
        codes = [client.post("/api/games").status_code for _ in range(200)]
        assert set(codes) == {429}
        assert play(client, calm, calm_auth, "x desk")[-1]["command"] == "x desk"


def test_guessing_tokens_is_throttled(start_server: Any) -> None:
    server = start_server("sqlite", wrong_tokens_per_minute=5)
    with server.client() as client:
        game, auth, _ = new_game(client)
        wrong = {"Authorization": "Bearer " + "x" * 43}
        codes = [client.get(f"/api/games/{game}", headers=wrong).status_code for _ in range(5)]
        codes += [client.post(f"/api/games/{game}/commands", json={"command": "look"},
                              headers=wrong).status_code for _ in range(3)]
        assert codes == [404] * 5 + [429] * 3
        assert play(client, game, auth, "look")[-1]["command"] == "look"  # the owner plays on


def test_games_pushed_out_of_memory_come_back_whole(start_server: Any) -> None:
    server = start_server("sqlite", games_in_memory=1)  # every switch reloads a game
    lines = walkthrough()[:12]
    with server.client() as client:
        first, first_auth, _ = new_game(client, seed=1)
        second, second_auth, _ = new_game(client, seed=2)
        got_first, got_second = [], []
        for line in lines:
            got_first += play(client, first, first_auth, line)
            got_second += play(client, second, second_auth, line)
        undone = play(client, first, first_auth, "undo. undo")
    assert got_first == local(lines, seed=1) and got_second == local(lines, seed=2)
    assert all(step["output"].startswith("[Undone:") for step in undone)
