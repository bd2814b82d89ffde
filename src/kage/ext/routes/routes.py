"""People on the move, and following them: routes, `search for`, `follow`.

A route walks someone through places, a step every few minutes, as scheduled events; so
a fleeing thief is somewhere definite at every moment. From a high place (prop
`vantage`, with `overlooks: [places]`) the player can search for them; `follow` takes the
player to where they are, and whether they notice is the stealth system's question.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.movement import route as way_between
from kage.actions.pipeline import Action, rule
from kage.core import prose
from kage.core.naming import printed_name
from kage.core.responses import response
from kage.parser import nouns
from kage.parser.text import words
from kage.systems.registry import handler, phrases
from kage.world import effects, ops, query
from kage.world.effects import effect

if TYPE_CHECKING:
    from kage.game import Game

HURRIES_PAST = response("routes.hurries_past", "{A who} {hurries} past.", "who")
# someone on a route leaves the place the player is in: the player sees them go, so a
# room listing that named them a moment ago is not left standing unexplained
SLIPS_AWAY = response(
    "routes.slips_away", "{The who} {slips} away toward {place}.", "who", "place"
)
WHO = response("searching_for.who", "Who do you want to find?")
NO_SUCH_SIGN = response(
    "searching_for.no_such_sign",
    "You look about for {what}, but nothing here shows any you can make out.",
    "what",
)
NO_SIGN = response(
    "searching_for.no_sign", "You search every street you can see. No sign of {the noun}."
)
WALLS = response(
    "searching_for.walls",
    "You look around for {the noun}, but there are too many walls in the way.",
)
RIGHT_HERE = response("searching_for.right_here", "{The noun} {is} right here.")
SPOTTED = response("searching_for.spotted", "There: {the noun}, down in {place}.", "place")
SPOT_FIRST = response(
    "following.spot_first", "You would have to spot {him} first. Somewhere high would help."
)
NO_WAY = response("following.no_way", "You can't see a way to get there.")
NOTICED = response(
    "following.noticed", "{The noun} {glances} back and {sees} you. So much for stealth."
)
UNSEEN = response(
    "following.unseen", "You keep out of sight and follow {the noun} without being seen."
)


def start(game: Game, route_id: str) -> None:
    spec = game.world.data["routes"][route_id]
    ops.record(game, f"route:{route_id}", {"step": 0, "done": False})
    ops.schedule(game, f"route:{route_id}", game.state.minutes + spec["minutes"])


@effect("route")
def _route(game: Game, arg: str) -> None:
    """{route: kai_flees}: someone sets off along a route."""
    start(game, arg)


@handler("route")
def _step(game: Game, route_id: str) -> None:
    """The next step of someone walking a route: they move to its next place; at the last,
    the route's `arrive` effects run."""
    spec = game.world.data["routes"][route_id]
    record = game.state.records.get(f"route:{route_id}")
    if record is None or record["done"]:
        return
    step = record["step"] + 1
    if step >= len(spec["path"]):
        return
    left = query.place_of(game, spec["who"])
    ops.move(game, spec["who"], spec["path"][step])
    if left == query.here(game) and left != spec["path"][step]:
        to = printed_name(game, spec["path"][step])
        game.say(SLIPS_AWAY(game, who=prose.subject(game, spec["who"]), place=to))
    done = step == len(spec["path"]) - 1
    ops.record(game, f"route:{route_id}", {"step": step, "done": done})
    if query.here(game) == spec["path"][step] and not done:
        game.say(HURRIES_PAST(game, who=prose.subject(game, spec["who"])))
    if done:
        game.emit("route.arrived", route=route_id, who=spec["who"], place=spec["path"][step])
        effects.apply(game, spec.get("arrive", []))
    else:
        ops.schedule(game, f"route:{route_id}", game.state.minutes + spec["minutes"])


RELATIVE = frozenset({"who", "whom", "that", "which"})
NOT_NAMES = frozenset({"the", "a", "for", "after", "home", "back", "away", "there"})


def person_named(game: Game, text: str) -> str | None:
    """Anyone in the world, by name words (the one searched for is not in view). A
    clause that says which one ("the kid who stole my wallet") and where to ("follow
    him home") are not names."""
    said = words(text)
    clause = next((i for i, w in enumerate(said) if i and w in RELATIVE), len(said))
    asked = {w for w in said[:clause] if w not in NOT_NAMES}
    known = {w for w in asked if w in game.lexicon.words}
    asked = known or asked  # a slip of the keys ("teh boy") names nobody: passed over
    if not asked:
        return None
    if len(asked) == 1 and (meant := game.state.pronouns.get(next(iter(asked)))):
        # "follow him": whom the pronoun means, though out of sight
        person = meant.split(",")[0]
        if person in game.world.entities and game.world.entities[person].kind == "person":
            return person
    best: tuple[int, str] | None = None
    for entity in game.world.entities.values():
        if entity.kind != "person" or entity.id == game.world.player:
            continue
        overlap = len(asked & entity.words)
        if overlap == len(asked) and (best is None or overlap > best[0]):
            best = (overlap, entity.id)
    return best[1] if best else None


def _seen_from(game: Game, place: str) -> list[str]:
    ent = game.world.entities[place]
    return [place, *ent.props.get("overlooks", [])]


@rule("check", "search_for", "follow")
def someone_to_find(game: Game, action: Action) -> str | None:
    who = person_named(game, action.text)
    if who is None:
        if action.name == "search_for" and action.text.strip():
            # "look for cart tracks": something, not someone
            return NO_SUCH_SIGN(game, action, what=_what(action.text))
        return WHO(game, action)
    action.noun = who
    return None


def _what(text: str) -> str:
    words = text.split()
    return " ".join(words[1:] if words[:1] in (["the"], ["a"], ["an"], ["some"]) else words)


@rule("carry_out", "search_for")
def searching(game: Game, action: Action) -> None:
    assert action.noun is not None
    here = query.here(game)
    where = query.place_of(game, action.noun) or ""
    action.minutes = 3
    action.data["where"] = where if where in _seen_from(game, here) else None
    if action.data["where"]:
        ops.set_flag(game, f"spotted.{action.noun}", where)
    nouns.remember_pronoun(game, action.noun)  # "follow him": the one searched for


@rule("report", "search_for")
def report_search(game: Game, action: Action) -> str:
    assert action.noun is not None
    where = action.data["where"]
    here = game.world.entities[query.here(game)]
    if where is None:
        return (NO_SIGN if here.props.get("vantage") else WALLS)(game, action)
    if where == query.here(game):
        return RIGHT_HERE(game, action)
    return SPOTTED(game, action, place=printed_name(game, where))


@rule("check", "follow")
def someone_in_sight(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    where = query.place_of(game, action.noun)
    if where == query.here(game):
        return RIGHT_HERE(game, action)
    spotted = game.state.flags.get(f"spotted.{action.noun}")
    in_view = where in _seen_from(game, query.here(game))
    if where is None or (spotted != where and not (spotted and in_view)):
        return SPOT_FIRST(game, action)
    if way_between(game, query.here(game), where) is None and where not in _seen_from(
        game, query.here(game)
    ):
        return NO_WAY(game, action)
    action.data["to"] = where
    return None


@rule("carry_out", "follow")
def following(game: Game, action: Action) -> None:
    assert action.noun is not None
    action.minutes = 10
    ops.move(game, game.world.player, action.data["to"])
    ops.set_flag(game, f"spotted.{action.noun}", action.data["to"])
    noticed = _noticed(game, action.noun)
    action.data["noticed"] = noticed
    if noticed:
        ops.set_flag(game, f"noticed_following.{action.noun}", True)
    game.emit("followed", who=action.noun, noticed=noticed)


@rule("report", "follow")
def report_follow(game: Game, action: Action) -> str:
    from kage.actions import describe

    assert action.noun is not None
    how = (NOTICED if action.data["noticed"] else UNSEEN)(game, action)
    return how + "\n\n" + describe.place(game)


def _noticed(game: Game, who: str) -> bool:
    if not game.engine.uses("stealth"):
        return False
    from kage.ext.stealth.stealth import noticed

    return bool(noticed(game, who, game.world.player))


@phrases("search_for")
@phrases("follow")
def people_to_find(game: Game) -> list[str]:
    """Whom "search for ..." and "follow ..." may name: everyone but the player, each by
    their printed name when its words are theirs, else by one of their words."""
    found = []
    for entity in game.world.entities.values():
        if entity.kind != "person" or entity.id == game.world.player or not entity.words:
            continue
        name = words(entity.name)
        whole = name and entity.words.issuperset(name)
        found.append(" ".join(name) if whole else min(entity.words))
    return found
