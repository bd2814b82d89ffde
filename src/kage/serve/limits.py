"""Limits that keep one client from starving the others: token buckets for commands per
game and new games per address (and per process), and a cap on the size of a request
body, checked while it arrives. Each process keeps its own buckets: with N workers a
client may get up to N times a bucket's rate, which is still bounded."""

from __future__ import annotations

import json
import time
from collections import OrderedDict
from typing import Any

MAX_KEYS = 100_000  # buckets remembered; the least recently used go first


class Buckets:
    """A token bucket per key: ``rate`` tokens a minute, at most ``burst`` saved up."""

    def __init__(self, per_minute: float, burst: float) -> None:
        self.rate = per_minute / 60.0
        self.burst = max(1.0, burst)
        self.state: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, key: str, now: float | None = None) -> float:
        """0.0 if allowed (a token is spent), else the seconds to wait for one."""
        now = time.monotonic() if now is None else now
        tokens, then = self.state.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - then) * self.rate)
        if tokens >= 1.0:
            self.state[key] = (tokens - 1.0, now)
            self.state.move_to_end(key)
            while len(self.state) > MAX_KEYS:
                self.state.popitem(last=False)
            return 0.0
        self.state[key] = (tokens, now)
        return (1.0 - tokens) / self.rate if self.rate > 0 else 60.0


def error_body(status: int, code: str, message: str) -> bytes:
    return json.dumps({"error": {"status": status, "code": code, "message": message}}).encode()


class BodyLimit:
    """ASGI middleware: a request body over ``limit`` bytes gets 413 and a JSON error,
    whether it says its length up front or streams it."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared < 0 or declared > self.limit:
                    await self._refuse(send, declared)
                    return
        seen = 0
        started = False

        async def counted_receive() -> dict[str, Any]:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise TooLarge(f"The request body is larger than {self.limit} bytes.")
            return message

        async def watched_send(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except TooLarge:
            if not started:
                await self._refuse(send, seen)

    async def _refuse(self, send: Any, size: int) -> None:
        if size < 0:
            status, code = 400, "bad_length"
            message = "The Content-Length header is not a length."
        else:
            status, code = 413, "too_large"
            message = f"The request body is larger than {self.limit} bytes."
        body = error_body(status, code, message)
        await send({
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                        (b"connection", b"close")],
        })
        await send({"type": "http.response.body", "body": body})


class TooLarge(Exception):
    """A body grew past the limit while it arrived (the app answers 413)."""
