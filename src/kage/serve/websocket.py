"""The same game over a WebSocket, for the page: one socket, many command lines.

Connect to ``/api/games/ID/ws`` with ``?token=TOKEN``, or send ``{"token": TOKEN}`` as
the first frame. The server answers ``{"type": "game", ...}`` (what GET /api/games/ID
gives), then each ``{"command": "look"}`` frame with ``{"type": "turns", "turns": [...]}``
(the turn objects of the HTTP API). A bad frame gets ``{"type": "error", "error":
{...}}`` and the socket stays open; a wrong token gets the error and the close code 4404
(4401 for none sent). Frames larger than the body limit close the socket (1009).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, WebSocket, WebSocketDisconnect

from kage.serve.api import ApiError, run_line

router = APIRouter(prefix="/api")


def _error(status: int, code: str, message: str) -> dict[str, Any]:
    return {"type": "error", "error": {"status": status, "code": code, "message": message}}


async def _frame(ws: WebSocket, limit: int) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The next frame as a JSON object, or (None, an error to send)."""
    message = await ws.receive()
    if message["type"] == "websocket.disconnect":
        raise WebSocketDisconnect(message.get("code", 1000))
    text = message.get("text")
    if text is None:
        return None, _error(400, "not_text", "Send text frames holding JSON objects.")
    if len(text) > limit:
        return None, _error(413, "too_large", f"A frame is at most {limit} bytes.")
    try:
        frame = json.loads(text)
    except ValueError:
        return None, _error(400, "bad_json", "That frame is not JSON.")
    if not isinstance(frame, dict):
        return None, _error(400, "bad_frame", 'Send an object: {"command": "look"}.')
    return frame, None


@router.websocket("/games/{game}/ws")
async def play_socket(ws: WebSocket, game: str) -> None:
    app = ws.app
    settings = app.state.settings
    await ws.accept()
    try:
        token = ws.query_params.get("token")
        if not token:
            frame, error = await _frame(ws, settings.max_body_bytes)
            token = frame.get("token") if frame else None
            if not isinstance(token, str) or not token:
                await ws.send_json(error or _error(401, "no_token", 'Send {"token": TOKEN} first.'))
                await ws.close(4401)
                return
        shown = None if len(game) > 64 else app.state.games.show(
            game, token, settings.transcript_sent
        )
        if shown is None:
            await ws.send_json(_error(404, "not_found", "There is no game with that id and token."))
            await ws.close(4404)
            return
        await ws.send_json({"type": "game", **shown})
        while True:
            frame, error = await _frame(ws, settings.max_body_bytes)
            if error is None:
                assert frame is not None
                command = frame.get("command")
                if not isinstance(command, str):
                    error = _error(422, "no_command", 'Send {"command": "look"}.')
            if error is not None:
                await ws.send_json(error)
                continue
            try:
                turns = run_line(app, ws.client, game, token, command)
            except ApiError as exc:
                await ws.send_json(_error(exc.status, exc.code, exc.message))
                if exc.status == 404:
                    await ws.close(4404)
                    return
                continue
            await ws.send_json({"type": "turns", "turns": turns})
    except WebSocketDisconnect:
        return
