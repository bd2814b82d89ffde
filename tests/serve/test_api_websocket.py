"""The WebSocket carries the same turn objects as the HTTP API, takes the token in the
URL or as its first frame, and answers bad frames without closing."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from tests.serve.conftest import Server, new_game, play
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect


def socket_url(server: Server, game: str, token: str | None = None) -> str:
    url = server.url.replace("http://", "ws://") + f"/api/games/{game}/ws"
    return url + (f"?token={token}" if token else "")


def receive(ws: Any) -> dict[str, Any]:
    return json.loads(ws.recv(timeout=30))


def test_the_socket_plays_like_the_api(server: Server, api: httpx.Client) -> None:
    game, auth, made = new_game(api, seed=1)
    twin, twin_auth, _ = new_game(api, seed=1)
    token = made["token"]
    with connect(socket_url(server, game, token)) as ws:
        hello = receive(ws)
        assert hello["type"] == "game" and hello["turn"] == made["turn"]
        ws.send(json.dumps({"command": "look. x desk"}))
        turns = receive(ws)
        assert turns["type"] == "turns"
    assert turns["turns"] == play(api, twin, twin_auth, "look. x desk")
    # a reconnect resumes: the game and its transcript are there
    with connect(socket_url(server, game)) as ws:
        ws.send(json.dumps({"token": token}))
        hello = receive(ws)
        assert hello["turn"] == turns["turns"][-1]
        assert hello["transcript"][-2:] == turns["turns"]


@pytest.mark.parametrize(
    ("frame", "code"),
    [("not json", "bad_json"), ("[1, 2]", "bad_frame"), ('{"say": "hi"}', "no_command"),
     (b"\x00\x01", "not_text"), (json.dumps({"command": "x" * 15_000}), "too_large")],
)
def test_bad_frames_get_an_error_and_the_socket_stays_open(
    server: Server, api: httpx.Client, frame: Any, code: str
) -> None:
    game, auth, made = new_game(api)
    with connect(socket_url(server, game, made["token"])) as ws:
        receive(ws)
        ws.send(frame)
        error = receive(ws)
        assert error["type"] == "error" and error["error"]["code"] == code
        ws.send(json.dumps({"command": "look"}))
        assert receive(ws)["turns"][0]["command"] == "look"


def test_a_frame_over_the_socket_limit_closes_it(server: Server, api: httpx.Client) -> None:
    game, auth, made = new_game(api)
    with connect(socket_url(server, game, made["token"])) as ws:
        receive(ws)
        ws.send("x" * 100_000)
        with pytest.raises(ConnectionClosed) as closed:
            receive(ws)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009
    assert play(api, game, auth, "look")[0]["command"] == "look"  # the server goes on


def test_a_wrong_token_gets_nothing(server: Server, api: httpx.Client) -> None:
    game, auth, made = new_game(api)
    other, _, theirs = new_game(api)
    for url in (socket_url(server, game, theirs["token"]), socket_url(server, "nope", "x")):
        with connect(url) as ws:
            error = receive(ws)
            assert error == {"type": "error", "error": {
                "status": 404, "code": "not_found",
                "message": "There is no game with that id and token."}}
            with pytest.raises(ConnectionClosed) as closed:
                receive(ws)
            assert closed.value.rcvd is not None and closed.value.rcvd.code == 4404
    with connect(socket_url(server, game)) as ws:
        ws.send(json.dumps({"hello": 1}))
        assert receive(ws)["error"]["code"] == "no_token"
