"""The page's panels over HTTP, with the game's token like the rest of the API:

- ``GET /api/games/{ID}/panels``: the status bar's fields, the inventory, the map (SVG),
  the links to the plots, and the words Tab may complete (kage.serve.panels);
- ``GET /api/games/{ID}/plots/{NAME}.{png|svg}``: a plot of the game's living world on the
  player's current day (opinion, news), drawn off the event loop.

A wrong or missing token is answered as everywhere in the API (401 for none, 404 for a
wrong one or an unknown game), and reveals nothing.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from kage.serve import panels
from kage.serve.api import NOT_FOUND, ApiError
from kage.serve.games import Gone
from kage.serve.tokens import bearer, digest

router = APIRouter(prefix="/api")
MAX_ID = 64


def _token(authorization: str | None) -> str:
    token = bearer(authorization)
    if token is None:
        raise ApiError(
            401,
            "no_token",
            "Send the game's token: Authorization: Bearer TOKEN.",
            {"WWW-Authenticate": "Bearer"},
        )
    return token


@dataclass(slots=True)
class Read:
    """The replies a game's player has read, as far as this process has looked."""

    turns: int  # the row's turn count when last read
    texts: list[str]


READ_KEPT = 2_000  # games whose read replies this process keeps
_read: OrderedDict[str, Read] = OrderedDict()


def _session(request: Request, game: str, token: str, texts: bool = False) -> tuple[Any, list[str]]:
    """The game's session as its row has it, and (with `texts`) the replies its player
    has read, from the transcript: only the turns added since this process last looked
    are read from the database. A read transaction: what it finds was committed whole,
    and a copy in memory is used only while it is the row's own version (as in play)."""
    games = request.app.state.games
    kept = request.app.state.settings.transcript_kept
    if len(game) > MAX_ID:
        raise NOT_FOUND
    try:
        with games.store.transaction(write=False) as tx:
            row = tx.find(game, digest(token))
            if row is None:
                raise NOT_FOUND
            live = games.live.get(game)
            if live is None or live.row.version != row.version:
                live = games._load(tx, row)
                games._keep(live)
            read: list[str] = []
            if texts:
                read = _texts(tx, game, row.turns, kept)
    except Gone as exc:
        raise ApiError(410, "world_gone", str(exc)) from exc
    return live.session, read


def _texts(tx: Any, game: str, turns: int, kept: int) -> list[str]:
    known = _read.get(game)
    if known is None or not 0 <= turns - known.turns <= kept:
        entries = tx.transcript(game, kept)
        known = Read(turns, [])
    else:
        entries = tx.transcript(game, turns - known.turns) if turns > known.turns else []
    known.texts = (known.texts + [e.get("output", "") for e in entries if isinstance(e, dict)])[
        -kept:
    ]
    known.turns = turns
    _read[game] = known
    _read.move_to_end(game)
    while len(_read) > READ_KEPT:
        _read.popitem(last=False)
    return known.texts


@router.get("/games/{game}/panels", summary="The page's panels: status, inventory, map, plots")
async def get_panels(
    request: Request, game: str, authorization: str | None = Header(None)
) -> JSONResponse:
    session, texts = _session(request, game, _token(authorization), texts=True)
    return JSONResponse(panels.panels(session.game, f"/api/games/{game}", texts))


@router.get(
    "/games/{game}/plots/{name}.{fmt}",
    summary="A plot of the game's living world on the player's day (PNG or SVG)",
    response_class=Response,
)
async def get_plot(
    request: Request, game: str, name: str, fmt: str, authorization: str | None = Header(None)
) -> Response:
    session, _ = _session(request, game, _token(authorization))
    if name not in panels.PLOTS or fmt not in panels.FORMATS:
        raise ApiError(404, "no_plot", "There is no such plot.")
    wanted = panels.plot_request(session.game, name)
    if wanted is None:
        raise ApiError(404, "no_plot", "That plot has nothing to show yet.")
    files = await run_in_threadpool(panels.draw_plots, wanted)
    body = files.get(f"{panels.PLOTS[name][0]}.{fmt}")
    if body is None:
        raise ApiError(404, "no_plot", "That plot has nothing to show yet.")
    return Response(
        body,
        media_type=panels.FORMATS[fmt],
        headers={"Cache-Control": "private, max-age=3600"},
    )
