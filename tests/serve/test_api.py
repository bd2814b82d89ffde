"""The HTTP API against a real server, on SQLite and on PostgreSQL: the turn objects are
`kage play --json`'s, save/restore/undo/restart are commands, and no one reads or changes
a game without its token."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.serve.conftest import Server, new_game, play

from kage import worlds
from kage.interfaces.jsonplay import opening, record
from kage.session import Session

FIELDS = {"turn", "command", "understood", "output", "location", "time", "score",
          "max_score", "done", "won"}


def local(lines: list[str], seed: int = 0) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """What `kage play --json` gives for these lines: the opening and every turn."""
    session = Session(worlds.load("banished"), seed=seed, strict=True)
    first = opening(session)
    turns = []
    for number, line in enumerate(lines, start=1):
        turns += [record(session, step, number) for step in session.step(line)]
    return first, turns


def test_a_new_game_answers_201_with_id_token_and_the_opening(api: httpx.Client) -> None:
    answer = api.post("/api/games", json={"world": "banished", "seed": 3})
    assert answer.status_code == 201
    made = answer.json()
    assert answer.headers["location"] == f"/api/games/{made['game']}"
    assert len(made["token"]) >= 40 and made["world"] == "banished" and made["seed"] == 3
    assert made["turn"] == local([], seed=3)[0]
    assert set(made["turn"]) >= FIELDS
    # both fields are optional
    assert api.post("/api/games").status_code == 201
    assert api.post("/api/games", json={}).json()["seed"] == 0


def test_commands_answer_one_turn_object_per_command_like_kage_play_json(
    api: httpx.Client,
) -> None:
    lines = ["look. ask tsunade why", "x desk", "xyzzy", "ask tsunade about the vote"]
    game, auth, _ = new_game(api, seed=2)
    got = [turn for line in lines for turn in play(api, game, auth, line)]
    assert got == local(lines, seed=2)[1]
    assert [t["command"] for t in got[:2]] == ["look", "ask tsunade why"]
    assert got[3]["command"] == "xyzzy" and got[3]["understood"] is False


def test_get_answers_the_latest_turn_and_the_transcript(api: httpx.Client) -> None:
    game, auth, made = new_game(api)
    turns = play(api, game, auth, "look. x desk")
    shown = api.get(f"/api/games/{game}", headers=auth).json()
    assert shown["turn"] == turns[-1]
    assert shown["transcript"] == [made["turn"], *turns]
    assert api.get(f"/api/games/{game}?limit=1", headers=auth).json()["transcript"] == turns[-1:]


def test_save_restore_undo_restart_are_commands(server: Server, api: httpx.Client) -> None:
    game, auth, made = new_game(api)
    play(api, game, auth, "ask tsunade why. save before the vote")
    after = play(api, game, auth, "ask tsunade about the vote")[-1]
    undone = play(api, game, auth, "undo")[-1]
    assert undone["output"].startswith("[Undone: ask tsunade about the vote]")
    assert undone["turn"] < after["turn"]
    play(api, game, auth, "ask tsunade about the terms. x desk")
    restored = play(api, game, auth, "restore before the vote")[-1]
    assert restored["output"].startswith("[Restored 'before the vote'.")
    assert restored["turn"] == local(["ask tsunade why"])[1][-1]["turn"]
    listed = play(api, game, auth, "restore")[-1]["output"]
    assert "'before the vote'" in listed
    assert play(api, game, auth, "restart")[-1]["output"].endswith("(y/n)")
    again = play(api, game, auth, "y")[-1]
    assert again["turn"] == made["turn"]["turn"] and made["turn"]["output"] in again["output"]
    # saves are kept in the database, never as files on the server's disk
    assert not (server.folder / "saves").exists()


def test_another_games_token_or_a_made_up_id_reveals_nothing(api: httpx.Client) -> None:
    mine, my_auth, _ = new_game(api)
    theirs, their_auth, _ = new_game(api)
    play(api, theirs, their_auth, "x desk")
    before = api.get(f"/api/games/{theirs}", headers=their_auth).json()
    refusals = [
        api.post(f"/api/games/{theirs}/commands", json={"command": "look"}, headers=my_auth),
        api.get(f"/api/games/{theirs}", headers=my_auth),
        api.post("/api/games/no-such-game/commands", json={"command": "look"}, headers=my_auth),
        api.get(f"/api/games/{mine}x", headers=my_auth),
        api.get(f"/api/games/{theirs}", headers={"Authorization": "Bearer " + "A" * 43}),
    ]
    assert {r.status_code for r in refusals} == {404}
    assert len({r.text for r in refusals}) == 1  # the same words for every case
    assert theirs not in refusals[0].text and "x desk" not in refusals[0].text
    missing = [
        api.get(f"/api/games/{theirs}"),
        api.post(f"/api/games/{theirs}/commands", json={"command": "look"}),
        api.get(f"/api/games/{theirs}", headers={"Authorization": "Basic abc"}),
    ]
    assert {r.status_code for r in missing} == {401}
    assert api.get(f"/api/games/{theirs}", headers=their_auth).json() == before


def test_tokens_are_stored_hashed(tmp_path: Path, start_server: Any) -> None:
    server = start_server("sqlite")
    with server.client() as client:
        game, auth, made = new_game(client)
    path = server.database.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT * FROM games").fetchall()
    assert made["token"] not in json.dumps(rows)
    assert game in json.dumps(rows)


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b"{not json", 400, "bad_json"),
        (b'"look"', 422, "invalid"),
        (b'{"command": 3}', 422, "invalid"),
        (b'{"command": "look", "extra": 1}', 422, "invalid"),
        (b"{}", 422, "invalid"),
        (b'{"command": "' + b"x" * 20_000 + b'"}', 413, "too_large"),
        (b"\xff\xfe", 400, "bad_json"),
    ],
)
def test_malformed_bodies_get_a_clear_json_error(
    api: httpx.Client, body: bytes, status: int, code: str
) -> None:
    game, auth, _ = new_game(api)
    answer = api.post(f"/api/games/{game}/commands", content=body, headers=auth)
    assert answer.status_code == status, answer.text
    assert answer.json()["error"]["code"] == code
    assert play(api, game, auth, "look")[-1]["command"] == "look"  # still serving


def test_a_streamed_body_over_the_limit_is_refused_while_it_arrives(api: httpx.Client) -> None:
    game, auth, _ = new_game(api)

    def chunks() -> Any:
        yield b'{"command": "'
        for _ in range(100):
            yield b"x" * 1000
        yield b'"}'

    answer = api.post(f"/api/games/{game}/commands", content=chunks(), headers=auth)
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "too_large"


def test_bad_new_games_are_refused(api: httpx.Client) -> None:
    for body, code in [({"seed": -1}, 422), ({"seed": "many"}, 422),
                       ({"world": "../../etc"}, 422), ({"world": "nowhere"}, 422)]:
        answer = api.post("/api/games", json=body)
        assert answer.status_code == code, body
        assert answer.json()["error"]["message"]
    assert "banished" in api.get("/api/worlds").json()["worlds"]


def test_the_api_is_described_as_openapi(api: httpx.Client) -> None:
    spec = api.get("/openapi.json").json()
    assert {"/api/games", "/api/games/{game}/commands", "/api/games/{game}"} <= set(spec["paths"])
    assert api.get("/docs").status_code == 200
    assert api.get("/").status_code == 200  # the page
