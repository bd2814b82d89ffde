"""The ASGI app of `kage serve`: the API, the WebSocket, the page, and a sweep that
deletes games left idle too long."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from kage import __version__
from kage.serve import api, panel_routes, websocket
from kage.serve.api import ApiError, error_response
from kage.serve.config import Settings
from kage.serve.games import Games
from kage.serve.limits import BodyLimit, Buckets, TooLarge
from kage.serve.store import Store
from kage.serve.worlds import Served
from kage.warm import warm_up

PAGE = Path(__file__).parent / "page"
CHECKPOINT_SECONDS = 5.0


def create_app(settings: Settings | None = None) -> Any:
    """The app, with its store opened and worlds ready; wrapped in the body limit."""
    settings = settings or Settings.from_env()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # the first command a process plays pays one-off costs (imports, the world's
        # caches): pay them before the first player, not during their first turn
        warm_up(served.get(None)[1])
        _collect_rarely()
        task = asyncio.create_task(_sweeping(app))
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            app.state.games.store.close()

    app = FastAPI(
        title="Kage",
        version=__version__,
        summary="Play Kage's worlds over HTTP: make a game, send command lines, read turns.",
        lifespan=lifespan,
    )
    store = Store(settings.url(), settings.sync_every_commit)
    served = Served(settings.world or None)
    app.state.settings = settings
    app.state.games = Games(store, served, settings)
    app.state.limits = {
        "commands": Buckets(settings.commands_per_minute, settings.commands_burst),
        "creates": Buckets(settings.creates_per_minute, settings.creates_burst),
        "creates_total": Buckets(settings.creates_per_minute_total,
                                 settings.creates_per_minute_total / 6),
        "guesses": Buckets(settings.wrong_tokens_per_minute, settings.wrong_tokens_per_minute),
    }
    app.include_router(api.router)
    app.include_router(websocket.router)
    app.include_router(panel_routes.router)  # the page's panels: status, inventory, map, plots
    _errors(app)
    if PAGE.is_dir():
        app.mount("/", StaticFiles(directory=PAGE, html=True), name="page")
    return BodyLimit(app, settings.max_body_bytes)


def from_env() -> Any:
    """The app as uvicorn's workers build it (``--factory``): settings from the
    environment that `kage serve` set."""
    return create_app(Settings.from_env())


def _collect_rarely() -> None:
    """Keep the garbage collector's pauses out of players' turns. What is loaded by now
    (the worlds, the engine) lives as long as the process: frozen, it is never scanned
    again. Turns make many short-lived containers but few cycles; Python's default
    thresholds scan the games in memory every few hundred turns (a 200 ms pause with
    200 games), these every few thousand, and the oldest generation almost never."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(100_000, 50, 1_000)


async def _sweeping(app: FastAPI) -> None:
    """The idle games' sweep, and SQLite's checkpoints on a thread (every few seconds:
    they wait for the disk, which must not hold up a turn)."""
    settings: Settings = app.state.settings
    games = app.state.games
    swept: float | None = None
    while True:
        if swept is None or time.monotonic() - swept >= settings.sweep_seconds:
            swept = time.monotonic()
            with contextlib.suppress(Exception):  # a busy database: next time
                games.sweep()
        with contextlib.suppress(Exception):
            await asyncio.to_thread(games.store.checkpoint)
        await asyncio.sleep(min(CHECKPOINT_SECONDS, settings.sweep_seconds))


def _errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Any:
        return error_response(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(TooLarge)
    async def too_large(request: Request, exc: TooLarge) -> Any:
        return error_response(413, "too_large", str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Any:
        problems = exc.errors()
        if any(p.get("type") == "json_invalid" for p in problems):
            return error_response(400, "bad_json", "The request body is not valid JSON.")
        said = "; ".join(
            f"{'.'.join(str(x) for x in p.get('loc', ()) if x != 'body') or 'body'}: "
            f"{p.get('msg', 'invalid')}"
            for p in problems[:5]
        )
        return error_response(422, "invalid", f"The request does not fit: {said}.")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Any:
        code = {404: "no_route", 405: "bad_method"}.get(exc.status_code, "http")
        return error_response(exc.status_code, code, str(exc.detail), exc.headers)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Any:
        return error_response(500, "internal", f"The server failed: {type(exc).__name__}.")
