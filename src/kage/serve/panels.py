"""What the browser page shows beside the transcript: the status bar's fields, the
inventory, a map of the places the player has seen (SVG drawn here, small and plain), the
words Tab may complete, and the living world's plots for the player's current day.

Everything is read from the game's state and never changes it. The map shows only what
the player knows: the places they have stood in, the ways out they were shown there, and
where a way leads only if they have been there or heard of the place. A way to a place
they know nothing of is a short stub pointing its way.
"""

from __future__ import annotations

import functools
import hashlib
import json
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from kage.systems.status import status
from kage.world import query, scope

if TYPE_CHECKING:
    from kage.game import Game

# where one step in a direction lands on the map's grid (x right, y down); the ways that
# are not compass points come last, and only place a room the compass ways did not
STEPS: dict[str, tuple[int, int]] = {
    "north": (0, -1),
    "south": (0, 1),
    "east": (1, 0),
    "west": (-1, 0),
    "northeast": (1, -1),
    "northwest": (-1, -1),
    "southeast": (1, 1),
    "southwest": (-1, 1),
    "up": (1, -1),
    "down": (-1, 1),
    "in": (1, 1),
    "out": (-1, -1),
}
CELL_W, CELL_H = 150, 70  # one grid cell, in SVG units
BOX_W, BOX_H = 128, 40  # a place's box inside its cell
LINE_CHARS = 18  # a name longer than this is broken over two lines
STUB = 0.3  # a way into the unknown: this much of a cell long
GAP = 1  # empty columns between parts of the map that no known way joins


@dataclass(slots=True)
class Spot:
    """A place on the map: its grid cell, its name, and whether the player has stood
    there (False: only heard of, drawn dashed)."""

    place: str
    x: int
    y: int
    name: str
    seen: bool


@dataclass(slots=True)
class Way:
    """A line on the map: between two spots, or a stub from one towards `direction`."""

    start: str
    end: str | None
    direction: str


@dataclass(slots=True)
class Map:
    spots: dict[str, Spot]
    ways: list[Way]
    here: str


def seen_places(game: Game) -> list[str]:
    """The places the player has stood in, in the order they first saw them."""
    visited = game.state.visited
    places = [p for p, minute in visited.items() if minute >= 0 and p in game.world.entities]
    return sorted(places, key=lambda p: visited[p])


def layout(game: Game) -> Map:
    """Grid cells for the places the player has seen (and the places they have heard of
    that a seen way leads to), walking the ways out from each part's first place."""
    from kage.actions.describe import heading
    from kage.core.prose import capital

    visited = game.state.visited
    seen = seen_places(game)
    cells: dict[str, tuple[int, int]] = {}
    taken: set[tuple[int, int]] = set()
    ways: list[Way] = []
    drawn: set[frozenset[str]] = set()
    left = 0  # where the next unconnected part starts
    for first in seen:
        if first in cells:
            continue
        part = _walk(game, first, seen, cells, taken, (left, 0), ways, drawn)
        right = max(cells[p][0] for p in part)
        low = min(cells[p][0] for p in part)
        if low < left:  # the part spread left of its start: move it right
            shift = left - low
            for p in part:
                taken.discard(cells[p])
            for p in part:
                cells[p] = (cells[p][0] + shift, cells[p][1])
                taken.add(cells[p])
            right += shift
        left = right + 1 + GAP
    spots = {
        p: Spot(
            p,
            x,
            y,
            heading(game, p) if visited.get(p, -1) >= 0 else capital(_name(game, p)),
            visited.get(p, -1) >= 0,
        )
        for p, (x, y) in cells.items()
    }
    if spots:  # top-left at (0, 0)
        top = min(s.y for s in spots.values())
        for s in spots.values():
            s.y -= top
    return Map(spots, ways, query.here(game))


def _name(game: Game, place: str) -> str:
    from kage.core.naming import printed_name

    return printed_name(game, place)


def _walk(
    game: Game,
    first: str,
    seen: list[str],
    cells: dict[str, tuple[int, int]],
    taken: set[tuple[int, int]],
    start: tuple[int, int],
    ways: list[Way],
    drawn: set[frozenset[str]],
) -> list[str]:
    """Place `first` at `start` and every place its part of the map reaches, breadth
    first; returns the part's places."""
    known = game.state.visited
    seen_set = set(seen)
    cells[first] = _free(start, None, taken)
    taken.add(cells[first])
    part = [first]
    queue = [first]
    while queue:
        place = queue.pop(0)
        if place not in seen_set:
            continue  # heard of: its ways out were never shown
        exits = query.ways_seen(game, place)
        order = sorted(
            exits, key=lambda d: (d not in _COMPASS, list(STEPS).index(d) if d in STEPS else 99)
        )
        for direction in order:
            to = exits[direction].to
            if to not in known or to not in game.world.entities:
                ways.append(Way(place, None, direction))  # a way into the unknown
                continue
            pair = frozenset((place, to))
            if to not in cells:
                step = _step(game, place, direction, to)
                x, y = cells[place]
                cells[to] = _free((x + step[0], y + step[1]), (x, y), taken)
                taken.add(cells[to])
                part.append(to)
                queue.append(to)
            if pair not in drawn and to != place:
                drawn.add(pair)
                ways.append(Way(place, to, direction))
    return part


_COMPASS = frozenset(list(STEPS)[:8])


def _step(game: Game, place: str, direction: str, to: str) -> tuple[int, int]:
    """Where `to` lies from `place` on the grid: the compass way taken; for up, down, in
    or out, the opposite of a compass way from `to` back to `place` if it has one (the
    office up the stairs from the street north of it lies north)."""
    if direction in _COMPASS:
        return STEPS[direction]
    back = [d for d, way in game.world.entities[to].exits.items() if way.to == place]
    for d in back:
        if d in _COMPASS:
            dx, dy = STEPS[d]
            return (-dx, -dy)
    return STEPS.get(direction, (1, 0))


def _free(
    want: tuple[int, int], origin: tuple[int, int] | None, taken: set[tuple[int, int]]
) -> tuple[int, int]:
    """`want` if no place has it, else the free cell nearest to it, in rings around it,
    whose line from `origin` (the place it is reached from) crosses no other place's box;
    failing that, the nearest free cell."""
    if want not in taken:
        return want
    fallback = None
    for ring in range(1, 50):
        cells = [
            (want[0] + dx, want[1] + dy)
            for dy in range(-ring, ring + 1)
            for dx in range(-ring, ring + 1)
            if max(abs(dx), abs(dy)) == ring
        ]
        cells.sort(key=lambda c: (c[0] - want[0]) ** 2 + (c[1] - want[1]) ** 2)
        for cell in cells:
            if cell in taken:
                continue
            if origin is None or not _crosses(origin, cell, taken):
                return cell
            fallback = fallback or cell
        if fallback is not None and ring >= CLEAR_RINGS:
            return fallback
    raise ValueError("no free cell")  # pragma: no cover: fifty rings always hold one


CLEAR_RINGS = 3  # rings searched for a cell whose line crosses no box, before any free one


def _crosses(a: tuple[int, int], b: tuple[int, int], taken: set[tuple[int, int]]) -> bool:
    """Whether the line between the centres of cells `a` and `b` passes over the box of
    another taken cell (sampled along the line, in drawing units)."""
    (ax, ay), (bx, by) = a, b
    half_w, half_h = BOX_W / 2 + 4, BOX_H / 2 + 4
    for k in range(1, 20):
        t = k / 20
        x, y = (ax + (bx - ax) * t) * CELL_W, (ay + (by - ay) * t) * CELL_H
        for cx, cy in taken:
            if (cx, cy) in (a, b):
                continue
            if abs(x - cx * CELL_W) < half_w and abs(y - cy * CELL_H) < half_h:
                return True
    return False


def map_svg(game: Game) -> str:
    """The map as a standalone SVG document."""
    return draw(layout(game))


def draw(found: Map) -> str:
    if not found.spots:
        return (
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" '
            'aria-label="Map: no places yet"><title>No places yet</title></svg>'
        )
    width = (max(s.x for s in found.spots.values()) + 1) * CELL_W
    height = (max(s.y for s in found.spots.values()) + 1) * CELL_H
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" class="kage-map" '
        'aria-labelledby="map-title">',
        f'<title id="map-title">Map of {len(found.spots)} places seen</title>',
        "<style>.way{stroke:#777;stroke-width:2;fill:none}.bent{stroke-dasharray:4 3}"
        ".stub{stroke:#aaa;stroke-width:2;stroke-dasharray:2 3}"
        ".place{fill:#fff;stroke:#333;stroke-width:1.5}.heard{stroke-dasharray:5 3;fill:#f4f4f4}"
        ".here .place{fill:#ffe9a8;stroke:#b36b00;stroke-width:3}"
        "text{font:12px sans-serif;fill:#111;text-anchor:middle}</style>",
    ]
    for way in found.ways:
        a = found.spots[way.start]
        x1, y1 = _centre(a)
        if way.end is None:
            dx, dy = STEPS.get(way.direction, (1, 0))
            x2, y2 = x1 + dx * CELL_W * STUB * 1.6, y1 + dy * CELL_H * STUB * 1.6
            out.append(
                f'<line class="stub" data-from="{a.place}" data-way="{escape(way.direction)}" '
                f'x1="{x1:g}" y1="{y1:g}" x2="{x2:g}" y2="{y2:g}"/>'
            )
            continue
        b = found.spots[way.end]
        x2, y2 = _centre(b)
        kind = "way" if way.direction in _COMPASS else "way bent"
        out.append(
            f'<line class="{kind}" data-from="{a.place}" data-to="{b.place}" '
            f'x1="{x1:g}" y1="{y1:g}" x2="{x2:g}" y2="{y2:g}"/>'
        )
    for spot in found.spots.values():
        x, y = _centre(spot)
        classes = "spot here" if spot.place == found.here else "spot"
        current = ' aria-current="location"' if spot.place == found.here else ""
        box = "place" if spot.seen else "place heard"
        out.append(f'<g class="{classes}" data-place="{spot.place}"{current}>')
        out.append(
            f'<rect class="{box}" x="{x - BOX_W / 2:g}" y="{y - BOX_H / 2:g}" '
            f'width="{BOX_W}" height="{BOX_H}" rx="6"/>'
        )
        lines = _wrap(spot.name)
        first = y + 4 - 7 * (len(lines) - 1)
        for k, text in enumerate(lines):
            out.append(f'<text x="{x:g}" y="{first + 14 * k:g}">{escape(text)}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def _centre(spot: Spot) -> tuple[float, float]:
    return spot.x * CELL_W + CELL_W / 2, spot.y * CELL_H + CELL_H / 2


def _wrap(name: str) -> list[str]:
    """One line, or two broken at a space near the middle; a long last word is cut."""
    if len(name) <= LINE_CHARS:
        return [name]
    words = name.split(" ")
    best = min(
        range(1, len(words)),
        key=lambda k: abs(len(" ".join(words[:k])) - len(" ".join(words[k:]))),
        default=0,
    )
    lines = [" ".join(words[:best]), " ".join(words[best:])] if best else [name]
    return [t if len(t) <= LINE_CHARS + 4 else t[: LINE_CHARS + 3] + "…" for t in lines]


def status_fields(game: Game) -> dict[str, Any]:
    """The status bar: the status line's parts (kage.systems.status), and whether the
    story is over."""
    fields = status(game)
    fields.update(turn=game.state.turn, done=game.state.done, won=game.state.won)
    return fields


def inventory(game: Game) -> dict[str, Any]:
    """What the player carries, as the INVENTORY command lists it: each thing with what
    shows inside it; nothing in the dark, where even what you hold cannot be seen."""
    from kage.core import prose

    player = game.world.player
    if scope.in_darkness(game):
        return {"dark": True, "items": [], "loose": ""}
    items = []
    for item in query.contents(game, player):
        ent = game.world.entities[item]
        if ent.kind != "thing":
            continue  # a companion is not luggage
        inside = (
            [{"id": i, "name": prose.a(game, i)} for i in query.contents(game, item)]
            if query.shows_contents(game, item)
            else []
        )
        money = game.state.money.get(item, 0)
        items.append(
            {
                "id": item,
                "name": prose.a(game, item),
                "worn": bool(query.prop(game, item, "worn")),
                "light": scope.gives_light(game, item),
                "money": game.world.money(money) if money else "",
                "inside": inside,
            }
        )
    loose = game.state.money.get(player, 0)
    return {"dark": False, "items": items, "loose": game.world.money(loose) if loose else ""}


def completions(game: Game, texts: Iterable[str]) -> dict[str, list[str]]:
    """What Tab may complete, as at the terminal (kage.interfaces.completion): `verbs`
    where a command starts; after them `words`, the words of `texts` (what the player has
    read) that the game understands, and the directions."""
    from kage.parser.grammar import DIRECTIONS

    lexicon = game.lexicon
    read: set[str] = set()
    for text in texts:
        read.update(_words(text))
    pool = (read & lexicon.words) | set(DIRECTIONS)
    return {
        "verbs": sorted(w for w in lexicon.verbs if w.isalpha()),
        "words": sorted(w for w in pool if w.isalpha()),
    }


@functools.lru_cache(maxsize=8192)
def _words(text: str) -> frozenset[str]:
    """The words of one reply, kept: the page asks after every command, and a game's
    transcript is mostly the replies it asked about last time."""
    from kage.parser.text import words

    return frozenset(words(text))


# the living world's plots: name -> (file stem written by kage.tools.world_plots, title)
PLOTS = {
    "opinion": ("opinion_over_time", "Opinion by nation, from the start to today"),
    "news": ("news_front", "How far the news has travelled today"),
}
FORMATS = {"png": "image/png", "svg": "image/svg+xml"}


def living(game: Game) -> Any:
    """The game's living world as its state holds it (a simulation of its own, so that
    the game may move on while it is drawn), or None when the world has none. Read only:
    days still owed are the next command's to live, with whatever the story makes of them."""
    from kage.ext.living import play
    from kage.ext.living.sim import Sim, from_record

    found = play.static(game.world)
    if found is None:
        return None
    rec = play.record(game)
    return Sim(found, from_record(rec) if rec else None, seed=game.state.rng)


def drawable(sim: Any) -> list[str]:
    """The plots there is something to draw for: opinion when the world has factions,
    the news front once a piece of news is out (as `kage world` draws them)."""
    names = []
    if len(sim.static.factions.ids):
        names.append("opinion")
    if any(sim.static.sources[i.source].kind == "news" for i in sim.dyn.items.values()):
        names.append("news")
    return names


def plot_links(game: Game, base: str) -> list[dict[str, str]]:
    """Links to the plots of this game's living world on the player's current day, under
    `base` (the game's URL); none when the world has no living world."""
    sim = living(game)
    if sim is None:
        return []
    day = f"{today(game):g}"
    return [
        {
            "name": name,
            "title": PLOTS[name][1],
            "day": day,
            "png": f"{base}/plots/{name}.png?day={day}",
            "svg": f"{base}/plots/{name}.svg?day={day}",
        }
        for name in drawable(sim)
    ]


def today(game: Game) -> float:
    """The living world's day the player stands in (whole days since the story began)."""
    from kage.ext.living.keys import DAY

    return float(game.state.minutes // DAY)


_plot_cache: dict[str, dict[str, bytes]] = {}
CACHE_SIZE = 32  # plot sets kept in memory
_drawing = threading.Lock()  # pyplot keeps global state: one drawing at a time


@dataclass(slots=True)
class PlotRequest:
    """What drawing a game's plots needs, taken from the game at once (cheap), so that
    the drawing itself (a second or two) can run elsewhere while the game moves on."""

    sim: Any
    at: float
    key: str


def plot_request(game: Game, name: str) -> PlotRequest | None:
    """The plots of this game's living world as it stands, if plot `name` has anything
    to show. The key is the world, the day and the living world's record: the same day
    of the same world is drawn once."""
    from kage.ext.living import play

    sim = living(game)
    if name not in PLOTS or sim is None or name not in drawable(sim):
        return None
    at = today(game)
    record = play.record(game) or {}
    key = hashlib.sha256(
        json.dumps([game.world.title, at, record], sort_keys=True, default=str).encode()
    ).hexdigest()
    return PlotRequest(sim, at, key)


def draw_plots(wanted: PlotRequest) -> dict[str, bytes]:
    """Every plot of `wanted` as file name -> bytes ("news_front.png"), drawn or kept."""
    from kage.tools import world_report

    with _drawing:
        files = _plot_cache.get(wanted.key)
        if files is not None:
            return files
        with tempfile.TemporaryDirectory(prefix="kage-plots-") as folder:
            sim = wanted.sim
            paths = world_report.plots(sim, world_report.focus(sim), wanted.at, Path(folder))
            files = {p.name: p.read_bytes() for p in paths}
        if len(_plot_cache) >= CACHE_SIZE:
            _plot_cache.pop(next(iter(_plot_cache)))
        _plot_cache[wanted.key] = files
        return files


def plot(game: Game, name: str, fmt: str) -> bytes | None:
    """One plot of this game's living world as it stands (PNG or SVG bytes), or None when
    there is no such plot or nothing to show in it yet."""
    if fmt not in FORMATS:
        return None
    wanted = plot_request(game, name)
    if wanted is None:
        return None
    return draw_plots(wanted).get(f"{PLOTS[name][0]}.{fmt}")


def panels(game: Game, base: str, texts: Iterable[str] = ()) -> dict[str, Any]:
    """Everything the page's panels show, in one object."""
    return {
        "status": status_fields(game),
        "inventory": inventory(game),
        "map": map_svg(game),
        "plots": plot_links(game, base),
        "complete": completions(game, texts),
    }
