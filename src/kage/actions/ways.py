"""Ways named as people name them: "go through the gate", "climb onto the roof", "leave
the shop", "go back", "keep going south", "look north", "knock on the door".

A way out of a place answers to the words of the place it leads to, of the door it
passes through, and of its own `names` in the world's data ("shaft", "rain barrel"). The
way out of a place, when the player just wants out, is the one marked `out`, else the only
one, else the one that leaves the place's zones, else the one back where the player came
from; the way back is the one to the place the player last left (the state's `trail`, kept
by Game.player_moved whenever the player moves, however he moved).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kage.actions.pipeline import Action, rule
from kage.core import prose
from kage.core.naming import printed_name
from kage.core.responses import response
from kage.parser.grammar import ARTICLES, DIRECTIONS, normal
from kage.world import query, scope
from kage.world.conditions import holds

if TYPE_CHECKING:
    from kage.game import Game
    from kage.world.model import Exit

TRAIL_KEPT = 12  # moves remembered for "go back"
# words that say how a way is taken rather than which way it is
PARTICLES = (
    frozenset(
        [
            "through",
            "thru",
            "into",
            "in",
            "inside",
            "onto",
            "on",
            "up",
            "down",
            "across",
            "over",
            "along",
            "toward",
            "towards",
            "to",
            "past",
            "under",
            "out",
            "via",
            "by",
            "round",
            "around",
            "back",
            "of",
            "deeper",
            "further",
            "farther",
            "way",
            "path",
            "from",
            "off",
        ]
    )
    | ARTICLES
)

NOWHERE_BACK = response(
    "going_back.nowhere", "You haven't come from anywhere you could go back to."
)
NO_WAY_BACK = response("going_back.no_way", "There is no way back to {place} from here.", "place")
NO_HEADING = response("going_on.no_heading", "Which way? You haven't been heading anywhere yet.")
NOTHING_THAT_WAY = response("looking_toward.nothing", "You see nothing special that way.")
LOOK_THAT_WAY = response(
    "looking_toward.place", "{toward}, you can see {place}.", "toward", "place"
)
PEOPLE_THAT_WAY = response("looking_toward.people", "{People} {is} there.", "people")
SHUT_THAT_WAY = response(
    "looking_toward.shut", "{toward}, the way is closed by {door}.", "toward", "door"
)
DARK_THAT_WAY = response(
    "looking_toward.dark", "{toward}, it is too dark to make anything out.", "toward"
)
KNOCK_ANSWERED = response("knocking.someone", "You knock. Somebody moves about on the other side.")
NOTHING_TO_KNOCK = response("knocking.no_door", "There is no door here to knock on.")
KNOCK_UNANSWERED = response("knocking.nobody", "You knock. Nobody answers.")
KNOCK_THING = response("knocking.thing", "You rap on {thing}. Nothing happens.", "thing")


def _words(game: Game, entity: str) -> frozenset[str]:
    name = game.lexicon.names.get(entity)
    return name.words if name is not None else frozenset()


def way_words(game: Game, way: Exit) -> frozenset[str]:
    """Every word the way answers to: its own names, its door's, its destination's."""
    found = set(_words(game, way.to)) | {
        normal(w) for w in game.world.entities[way.to].name.split()
    }
    found.update(normal(w) for phrase in way.names for w in phrase.split())
    if way.door is not None:
        found |= _words(game, way.door)
    return frozenset(found) - PARTICLES


def _said(phrase: list[str]) -> tuple[list[str], list[str]]:
    """The content words of a phrase, and the directions said in it ("down the shaft")."""
    hints = [DIRECTIONS[w] for w in phrase if w in DIRECTIONS and w not in ("in", "inside", "out")]
    content = [w for w in phrase if w not in PARTICLES and w not in DIRECTIONS]
    return content, hints


def _leaning(phrase: list[str]) -> str:
    """ "into the mine" leans in, "out of the shop" out: a tie-breaker, not a direction."""
    if any(w in ("in", "into", "inside") for w in phrase):
        return "in"
    return "out" if any(w in ("out", "outside") for w in phrase) else ""


def _own_words(way: Exit) -> frozenset[str]:
    return frozenset(normal(w) for name in way.names for w in name.split())


def _choose(game: Game, fitting: list[str], hints: list[str], lean: str) -> str | list[str]:
    """Of the ways the words fit: one a direction said picks; else those the words name
    by the way's own names (the shaft) over those named by where they lead; else the one
    the words lean toward ("into")."""
    ways = query.ways_seen(game, query.here(game))
    for narrower in (
        lambda d: d in hints,
        lambda d: bool(ways[d].names),
        lambda d: d == lean,
    ):
        picked = [d for d in fitting if narrower(d)]
        if picked and len({ways[d].to for d in picked}) < len({ways[d].to for d in fitting}):
            fitting = picked
    if len({ways[d].to for d in fitting}) == 1:
        return fitting[0]
    return fitting


def heading(game: Game) -> str | None:
    """The direction the player last walked, if a way goes on that way from here."""
    last = game.state.trail[-1][1] if game.state.trail else ""
    return last if last and last in query.ways_seen(game, query.here(game)) else None


def named(game: Game, phrase: list[str], hint: str = "") -> str | list[str] | None:
    """The direction of the way out of here the words name; a list when several ways
    fit them equally; None when none does. A direction said with the words wins ("walk
    south out of the village", "go down the shaft", when the words are only ones this
    place's own text uses); words that name the place the player is in go on the way he
    was heading ("go past the stones", "go deeper into the tunnel")."""
    here = query.here(game)
    ways = query.ways_seen(game, here)
    content, hints = _said(phrase)
    if hint:
        hints.insert(0, hint)
    said = [d for d in hints if d in ways]
    if said:
        return said[0]
    if not content:
        return None
    fitting = [
        d
        for d, way in ways.items()
        if all(w in way_words(game, way) for w in content) and _strongly(game, way, content)
    ]
    if fitting:
        return _choose(game, fitting, hints, _leaning(phrase))
    if all(w in _here_words(game) for w in content):
        return heading(game)
    if far_place(game, phrase) is not None:
        return None  # a place known by the words is meant, not a clause that names them
    return told(game, content)


_SENTENCE = re.compile(r"[.!?;,:]\s+|\s+(?:and|but|while)\s+")
_COMPASS = frozenset(d for d in DIRECTIONS.values() if d not in ("in", "out"))


def told(game: Game, content: list[str]) -> str | None:
    """The direction this place's own text gives for the words, when one clause of it
    uses them all and names one direction ("The entrance from the street is to the
    north": "go out into the street"). It may be a way the world refuses; going there
    is answered as going that way is."""
    if not content:
        return None
    text = game.pick(game.world.entities[query.here(game)].description)
    for sentence in _SENTENCE.split(text):
        used = [normal(w.strip(".,;:!?()")) for w in sentence.split()]
        plain = set(used) | {w[:-1] for w in used if w.endswith("s")}
        directions = {DIRECTIONS[w] for w in used if w in DIRECTIONS} & _COMPASS
        if len(directions) == 1 and all(w in plain for w in content):
            return directions.pop()
    return None


def _strongly(game: Game, way: Exit, content: list[str]) -> bool:
    """Whether some word names the way itself (a noun of where it leads, its door's, its
    own names), not only describes where it leads: "the mine" is not the mine road."""
    name = game.lexicon.names.get(way.to)
    strong = set(name.nouns if name is not None else ()) | _own_words(way)
    if way.door is not None:
        strong |= _words(game, way.door)
    return any(w in strong for w in content)


def _here_words(game: Game) -> set[str]:
    here = query.here(game)
    place = game.world.entities[here]
    own = set(_words(game, here)) | {w for z in place.zones for w in z.split("_")}
    return own | {normal(w) for w in place.name.split()}


def place_after_to(game: Game, phrase: list[str]) -> str | None:
    """The place the player knows that the words after the last "to" name ("walk up the
    lane to my apartment"), for going there by the known way."""
    cut = [i for i, w in enumerate(phrase) if w in ("to", "toward", "towards")]
    if not cut:
        return None
    far = far_place(game, phrase[cut[-1] + 1 :])
    return far[0] if far else None


def far_place(game: Game, phrase: list[str]) -> tuple[str, str] | None:
    """(place, first step) for the nearest place the player knows, not next door, that the
    words name by a noun ("the village", "the mine"); None if none can be walked to."""
    from kage.actions.movement import route  # movement uses this module

    content, _ = _said(phrase)
    if not content:
        return None
    here = query.here(game)
    best: tuple[int, str, str] | None = None
    for place in game.world.entities.values():
        if place.kind != "place" or place.id == here:
            continue
        if not (place.known or place.id in game.state.visited):
            continue
        words = _words(game, place.id)
        name = game.lexicon.names.get(place.id)
        nouns = name.nouns if name is not None else frozenset()
        if not all(w in words for w in content) or not any(w in nouns for w in content):
            continue
        path = route(game, here, place.id)
        if path and (best is None or len(path) < best[0]):
            best = (len(path), place.id, path[0])
    return (best[1], best[2]) if best else None


def toward(game: Game, phrase: list[str]) -> str | list[str] | None:
    """A way named by its words, else the first step toward the nearest place the player
    knows that the words name ("look back toward the village" from the border)."""
    found = named(game, phrase)
    if found is not None:
        return found
    far = far_place(game, phrase)
    return far[1] if far else None


def described_here(game: Game, phrase: list[str]) -> bool:
    """Whether every content word of the phrase is one this place's text uses."""
    content, _ = _said(phrase)
    return bool(content) and all(w in _described(game, query.here(game)) for w in content)


def _described(game: Game, place: str) -> frozenset[str]:
    """Every word the place's text now uses, and the singular of each plural ("doorways
    south and west": "the west doorway")."""
    text = " ".join(normal(w) for w in game.pick(game.world.entities[place].description).split())
    used = {w.strip(".,;:!?") for w in text.split()}
    used |= {w[:-1] for w in used if w.endswith("s") and len(w) > 3}
    return frozenset(used) | _words(game, place)


def names_here(game: Game, phrase: list[str]) -> bool:
    """Whether the words name the place the player is in."""
    content, _ = _said(phrase)
    return bool(content) and all(w in _here_words(game) for w in content)


def out_of_here(game: Game, phrase: list[str]) -> str | list[str] | None:
    """The way out when the words name the place the player is in ("leave the shop",
    "leave the village" at its gate); None when they name something else."""
    if not names_here(game, phrase):
        return None
    return way_out(game, leaving=True) or None


def way_out(game: Game, leaving: bool = False) -> str | list[str]:
    """The way out of here: `out`, the only way, the one that leaves this place's zones,
    or the way back; else every way, for the player to choose. `leaving` (the player
    named the place: "leave the village") follows the nearest way out of its zones first."""
    here = query.here(game)
    ways = query.ways_seen(game, here)
    if "out" in ways:
        return "out"
    marked = game.world.entities[here].props.get("out")
    if isinstance(marked, str) and marked:
        return marked  # the world says which way is out (a rule may answer going there)
    outside = [d for d, way in ways.items() if {"out", "outside"} & _own_words(way)]
    if outside:
        return outside[0]
    places = {way.to for way in ways.values()}
    if len(places) == 1:
        return next(iter(ways))
    zones = set(game.world.entities[here].zones)
    leaving_zones = [
        d for d, way in ways.items() if zones and not zones & set(game.world.entities[way.to].zones)
    ]
    if len({ways[d].to for d in leaving_zones}) == 1:
        return leaving_zones[0]
    if leaving and zones:
        first = _first_step_out(game, here, zones)
        if first is not None:
            return first
    back = way_back(game)
    if back is not None:
        return back
    return list(ways)


def _first_step_out(game: Game, here: str, zones: set[str]) -> str | None:
    """The first step of the shortest walk to a place outside `zones` (breadth first)."""
    entities = game.world.entities
    seen = {here}
    frontier: list[tuple[str, str]] = [(here, "")]
    while frontier:
        following: list[tuple[str, str]] = []
        for place, first in frontier:
            for direction, way in query.ways_seen(game, place).items():
                if way.to in seen or way.to not in entities:
                    continue
                seen.add(way.to)
                step = first or direction
                if not zones & set(entities[way.to].zones):
                    return step
                following.append((way.to, step))
        frontier = following
    return None


def way_back(game: Game) -> str | None:
    """The way to the place the player last came from, if one leads there from here."""
    trail = game.state.trail
    if not trail:
        return None
    came_from = trail[-1][0]
    ways = query.ways_seen(game, query.here(game))
    for direction, way in ways.items():
        if way.to == came_from and direction not in ("in", "out"):
            return direction
    for direction, way in ways.items():
        if way.to == came_from:
            return direction
    return None


def leave_trail(game: Game, origin: str, cause: Action | None) -> None:
    """Remember where the player came from and which way, for "go back" and "keep going"
    (called whenever the player has moved, however: see Game.player_moved)."""
    if not origin:
        return
    direction = cause.direction if cause is not None and cause.name == "go" else ""
    game.state.trail = [*game.state.trail[-(TRAIL_KEPT - 1) :], [origin, direction]]


# -- going back, going on -------------------------------------------------------------
@rule("check", "go_back")
def somewhere_to_go_back_to(game: Game, action: Action) -> str | None:
    if not game.state.trail:
        return NOWHERE_BACK(game, action)
    direction = way_back(game)
    if direction is None:
        came_from = game.state.trail[-1][0]
        return NO_WAY_BACK(game, action, place=printed_name(game, came_from))
    action.direction = direction
    return None


@rule("check", "go_on")
def a_heading(game: Game, action: Action) -> str | None:
    if action.direction:
        return None
    last = game.state.trail[-1][1] if game.state.trail else ""
    if not last:
        return NO_HEADING(game, action)
    action.direction = last
    return None


SAID_WAYS = {"go_in": "in", "go_down": "down", "go_up": "up"}  # "enter", "descend", "ascend"


@rule("check", *SAID_WAYS)
def the_way_said(game: Game, action: Action) -> str | None:
    action.direction = SAID_WAYS[action.name]
    return None


@rule("carry_out", "go_back", "go_on", *SAID_WAYS)
def going_that_way(game: Game, action: Action) -> None:
    action.minutes = 0
    game.act(Action("go", direction=action.direction))


@rule("before", "go", order=5)
def out_is_the_way_out(game: Game, action: Action) -> None:
    """'out' where no way is marked out is the way out all the same (see `way_out`), and
    'in' where none is marked in goes on the way the player was heading."""
    from kage.actions import entering

    if action.direction not in ("out", "in") or entering.seat(game) is not None:
        return
    ways = query.ways_seen(game, query.here(game))
    if action.direction in ways:
        return
    if action.direction == "out":
        found = way_out(game)
        if isinstance(found, str):
            action.direction = found
        return
    onward = heading(game)  # "go in", "go further in" where no way is marked in: deeper
    if onward is not None:
        action.direction = onward


# -- looking along a way --------------------------------------------------------------
@rule("carry_out", "look_toward")
def looking_that_way(game: Game, action: Action) -> None:
    action.minutes = 0


@rule("report", "look_toward")
def what_lies_that_way(game: Game, action: Action) -> str:
    here = query.here(game)
    way = query.ways_seen(game, here).get(action.direction)
    toward = {"up": "Above you", "down": "Below you", "in": "Inside", "out": "Outside"}
    said = toward.get(action.direction, f"To the {action.direction}")
    if way is None or not holds(game, way.when) and way.hidden:
        return NOTHING_THAT_WAY(game, action)
    door = way.door
    if (
        door is not None
        and not query.is_open(game, door)
        and not game.world.entities[door].transparent
    ):
        return SHUT_THAT_WAY(game, action, toward=said, door=prose.the(game, door))
    if not scope.has_light(game, way.to):
        return DARK_THAT_WAY(game, action, toward=said)
    text = LOOK_THAT_WAY(game, action, toward=said, place=printed_name(game, way.to))
    people = [
        game.world.entities[p]
        for p in query.contents(game, way.to)
        if game.world.entities[p].kind == "person" and p != game.world.player
    ]
    if people and holds(game, way.when):
        seen = prose.group(game, [p.id for p in people], article="a")
        text += " " + PEOPLE_THAT_WAY(game, action, people=seen)
    return text


# -- knocking -------------------------------------------------------------------------
@rule("check", "knock")
def something_to_knock_on(game: Game, action: Action) -> str | None:
    """A way is knocked on only where it has a door or is called by the words said (a
    lane of shacks whose words include "door" is not a door to knock on from afar)."""
    if not action.direction:
        return None
    way = query.ways_seen(game, query.here(game)).get(action.direction)
    if way is None:  # a way only the place's text tells of has no door to knock on
        return NOTHING_TO_KNOCK(game, action)
    said, _ = _said(list(action.data.get("named") or []))
    own = {normal(w) for name in way.names for w in name.split()}
    if way.door is not None:
        own |= _words(game, way.door)
    if said and all(w in own for w in said):
        return None
    return NOTHING_TO_KNOCK(game, action)


@rule("carry_out", "knock")
def knocking(game: Game, action: Action) -> None:
    action.minutes = 1


@rule("report", "knock")
def who_answers(game: Game, action: Action) -> str:
    to = None
    if action.direction:
        to = query.ways_seen(game, query.here(game))[action.direction].to
    elif action.noun is not None:
        for way in query.ways_seen(game, query.here(game)).values():
            if way.door == action.noun:
                to = way.to
    if to is None:
        thing = prose.the(game, action.noun) if action.noun else "it"
        return KNOCK_THING(game, action, thing=thing)
    inside = [
        p
        for p in query.contents(game, to)
        if game.world.entities[p].kind == "person" and p != game.world.player
    ]
    return KNOCK_ANSWERED(game, action) if inside else KNOCK_UNANSWERED(game, action)
