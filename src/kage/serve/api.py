"""The HTTP JSON API: make a game, play command lines, read a game back.

Every error is ``{"error": {"status", "code", "message"}}`` with its HTTP status. A
missing token is 401; a wrong token and an unknown game are the same 404, so a caller
learns nothing about games that are not theirs.
"""

from __future__ import annotations

import json
import time
from typing import Any, TypeVar

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kage.serve.games import MAX_SEED, Gone
from kage.serve.limits import Buckets
from kage.serve.tokens import bearer
from kage.serve.worlds import UnknownWorld

router = APIRouter(prefix="/api")
Body = TypeVar("Body", bound=BaseModel)


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def error_response(status: int, code: str, message: str,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        {"error": {"status": status, "code": code, "message": message}},
        status_code=status,
        headers=headers,
    )


NOT_FOUND = ApiError(404, "not_found", "There is no game with that id and token.")


# -- the shapes, for the OpenAPI document ---------------------------------------------
class NewGame(BaseModel):
    """Both optional: the server's default world, and seed 0."""

    model_config = ConfigDict(extra="forbid")
    world: str | None = Field(None, max_length=200, examples=["banished"])
    seed: int = Field(0, ge=0, le=MAX_SEED, examples=[3])


class Command(BaseModel):
    """A command line as a player types it; several commands may be on one line
    ("take scroll. go south")."""

    model_config = ConfigDict(extra="forbid")
    command: str = Field(examples=["look"])


class Turn(BaseModel):
    """What one command did: the fields of `kage play --json`."""

    model_config = ConfigDict(extra="allow")
    turn: int
    line: int
    command: str
    understood: bool
    failure: str
    output: str
    location: str
    time: str
    when: str
    score: int
    max_score: int
    done: bool
    won: bool
    status: dict[str, Any]


class Created(BaseModel):
    game: str
    token: str = Field(description="Send as `Authorization: Bearer TOKEN`; shown only once.")
    world: str
    seed: int
    turn: Turn


class Shown(BaseModel):
    game: str
    world: str
    seed: int
    turn: Turn
    transcript: list[Turn]
    transcript_total: int


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str


class Error(BaseModel):
    error: ErrorBody


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": Error} for code in (400, 401, 404, 413, 422, 429)
}


def _schema(model: type[BaseModel], required: bool) -> dict[str, Any]:
    """The request body's place in the OpenAPI document (the body is read by `_body`)."""
    return {"requestBody": {"required": required, "content": {
        "application/json": {"schema": model.model_json_schema()}}}}


async def _body(request: Request, model: type[Body]) -> Body:
    """The body as ``model``: JSON whatever the content type says; 400 if it is not
    JSON, 422 if it does not fit. An empty body is an empty object."""
    raw = await request.body()
    try:
        data = json.loads(raw) if raw.strip() else {}
    except ValueError as exc:
        raise ApiError(400, "bad_json", "The request body is not valid JSON.") from exc
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        said = "; ".join(
            f"{'.'.join(str(x) for x in p['loc']) or 'body'}: {p['msg']}"
            for p in exc.errors()[:5]
        )
        raise ApiError(422, "invalid", f"The request does not fit: {said}.") from exc


def _games(request: Request) -> Any:
    return request.app.state.games


def _wait(seconds: float, what: str) -> ApiError:
    wait = max(1, int(seconds + 0.999))
    return ApiError(429, "too_many", f"Too many {what}; try again in {wait} s.",
                    {"Retry-After": str(wait)})


def _token(request: Request, authorization: str | None) -> str:
    token = bearer(authorization)
    if token is None:
        raise ApiError(401, "no_token", "Send the game's token: Authorization: Bearer TOKEN.",
                       {"WWW-Authenticate": "Bearer"})
    return token


def _refused(request: Request) -> ApiError:
    """NOT_FOUND, or 429 once an address has guessed wrong too often."""
    limits = request.app.state.limits
    address = request.client.host if request.client else "?"
    wait = limits["guesses"].take(address)
    return _wait(wait, "wrong tokens") if wait else NOT_FOUND


# -- routes ---------------------------------------------------------------------------
@router.get("/worlds", summary="The worlds this server offers")
async def list_worlds(request: Request) -> dict[str, Any]:
    served = _games(request).served
    return {"worlds": served.names(), "default": served.default}


@router.post("/games", status_code=201, response_model=Created, responses=ERRORS,
             summary="Start a game", openapi_extra=_schema(NewGame, False))
async def create_game(request: Request) -> JSONResponse:
    body = await _body(request, NewGame)
    limits: dict[str, Buckets] = request.app.state.limits
    address = request.client.host if request.client else "?"
    wait = limits["creates"].take(address) or limits["creates_total"].take("*")
    if wait:
        raise _wait(wait, "new games")
    try:
        game, token, world, first = _games(request).create(body.world, body.seed)
    except UnknownWorld as exc:
        raise ApiError(422, "unknown_world", str(exc)) from exc
    return JSONResponse(
        {"game": game, "token": token, "world": world, "seed": body.seed, "turn": first},
        status_code=201,
        headers={"Location": f"/api/games/{game}"},
    )


@router.post("/games/{game}/commands", response_model=list[Turn], responses=ERRORS,
             summary="Play a command line", openapi_extra=_schema(Command, True))
async def play(request: Request, game: str,
               authorization: str | None = Header(None)) -> JSONResponse:
    token = _token(request, authorization)
    body = await _body(request, Command)
    began = time.perf_counter()
    turns = run_line(request.app, request.client, game, token, body.command)
    took = (time.perf_counter() - began) * 1000
    # how long the line took in the server (play and database), for clients that measure
    return JSONResponse(turns, headers={"Server-Timing": f"play;dur={took:.2f}"})


def run_line(app: Any, client: Any, game: str, token: str, line: str) -> list[dict[str, Any]]:
    """Play a line for the HTTP route and the WebSocket alike; ApiError if refused."""
    settings = app.state.settings
    if len(line) > settings.max_command_chars * 4:
        raise ApiError(413, "too_large",
                       f"A command line is at most {settings.max_command_chars} characters.")
    games = app.state.games
    limits: dict[str, Buckets] = app.state.limits
    if len(game) > 64:
        raise NOT_FOUND
    wait = limits["commands"].take(game)
    if wait:
        raise _wait(wait, "commands for this game")
    try:
        records = games.play(game, token, line)
    except Gone as exc:
        raise ApiError(410, "gone", str(exc)) from exc
    if records is None:
        address = client.host if client else "?"
        if limits["guesses"].take(address):
            raise _wait(60, "wrong tokens")
        raise NOT_FOUND
    return records


@router.get("/games/{game}", response_model=Shown, responses=ERRORS,
            summary="The game's latest turn and transcript")
async def show(request: Request, game: str, authorization: str | None = Header(None),
               limit: int | None = Query(None, ge=1, le=100_000)) -> JSONResponse:
    token = _token(request, authorization)
    settings = request.app.state.settings
    limit = min(limit or settings.transcript_sent, settings.transcript_kept)
    shown = None if len(game) > 64 else _games(request).show(game, token, limit)
    if shown is None:
        raise _refused(request)
    return JSONResponse(shown)


@router.get("/health", summary="Whether the server and its database answer")
async def health(request: Request) -> dict[str, Any]:
    store = _games(request).store
    with store.transaction(write=False) as tx:
        tx.run("SELECT 1").fetchone()
    return {"ok": True, "database": store.dialect}
