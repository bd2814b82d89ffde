"""Status effects: rash, injury, exhaustion, hunger. Each has a duration and ends on its
own when the clock passes it; hunger grows with the time since the last meal.

Definitions are data (the `statuses` section); the bookkeeping is in `stats.py`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from kage.actions.diagnosing import answered
from kage.actions.pipeline import Action, rule
from kage.core import prose
from kage.core.responses import response
from kage.ext.body import stats
from kage.systems.registry import felt, handler, provider, ticker
from kage.world import query
from kage.world.clock import parse_duration
from kage.world.conditions import TIME, condition
from kage.world.effects import effect

if TYPE_CHECKING:
    from kage.game import Game

HUNGRY_AFTER = 12 * 60
STARVING_AFTER = 3 * 24 * 60


def definition(game: Game, status: str) -> dict[str, Any]:
    return game.world.data.get("statuses", {}).get(status, {})


def _pronouns(game: Game, who: str) -> dict[str, str]:
    ent = game.world.entities[who]
    he, him, his = {
        "him": ("he", "him", "his"),
        "her": ("she", "her", "her"),
        "them": ("they", "them", "their"),
    }.get("them" if ent.plural else ent.gender, ("it", "it", "its"))
    the = prose.the(game, who)  # as the player knows them (a name not yet learned)
    return {
        "the noun": the,
        "The noun": the[:1].upper() + the[1:],
        "he": he,
        "He": he.capitalize(),
        "him": him,
        "his": his,
        "His": his.capitalize(),
    }


@provider("looks")
def looks(game: Game, who: str) -> str:
    """{{looks:guard}}: how someone looks because of a status they have (out cold, tied
    up): the `looks` of the newest such status; "" if none. EXAMINE says it instead of
    their own description."""
    text = _newest(game, who, "looks")
    return _filled(text, _pronouns(game, who)) if text else ""


@provider("answers")
def answers(game: Game, who: str) -> str:
    """{{answers:guard}}: how someone answers a question they have no topic for, because
    of a status they have (a surrendering guard begs): the newest such status's `answers`;
    "" if none."""
    text = _newest(game, who, "answers")
    return game.render(text, Action("ask", who)) if text else ""


def _newest(game: Game, who: str, key: str) -> str:
    if who not in game.world.entities:
        return ""
    defined = game.world.data.get("statuses", {})
    for status in reversed(list(stats.statuses(game, who))):  # the newest state shows
        text = defined.get(status, {}).get(key)
        if text:
            return str(text)
    return ""


def _filled(text: str, slots: dict[str, str]) -> str:
    return re.sub(r"\{([A-Za-z ]+)\}", lambda m: slots.get(m.group(1), m.group(0)), text)


def effective(game: Game, who: str, key: str, default: float = 0) -> float:
    """A stat with every active status's modifier applied (a rash makes you less stealthy)."""
    value = stats.stat(game, who, key, default)
    for status in stats.statuses(game, who):
        value += definition(game, status).get("modifiers", {}).get(key, 0)
    return value


FELT = response("status.felt", "You are {name}.", "name")


@felt("statuses")
def _felt(game: Game, phrase: list[str]) -> str | None:
    """A status the player has, named by its id or a word of its name ("x rash"): its
    `description`, or "You are <its name>."."""
    if not phrase:
        return None
    head = phrase[-1].removesuffix("es") if phrase[-1].endswith("es") else phrase[-1]
    for status in stats.statuses(game, game.world.player):
        spec = definition(game, status)
        named = {status, *str(spec.get("name", "")).lower().split()}
        if phrase[-1] in named or head in named or head.rstrip("s") in named:
            said = spec.get("description")
            return game.render(str(said)) if said else FELT(game, name=spec.get("name", status))
    return None


def give(game: Game, who: str, status: str, minutes: int | None = None) -> None:
    spec = definition(game, status)
    if minutes is None and spec.get("duration") is not None:
        minutes = parse_duration(spec["duration"])
    stats.add_status(game, who, status, minutes)
    if who == game.world.player and spec.get("begins"):
        game.say(game.render(spec["begins"]))


def end(game: Game, who: str, status: str) -> None:
    if stats.remove_status(game, who, status):
        spec = definition(game, status)
        if who == game.world.player and spec.get("ends"):
            game.say(game.render(spec["ends"]))


@handler("status")
def _wears_off(game: Game, arg: str) -> None:
    """A status that was given for a time (`for:` of the status effect) wears off now, if it
    is still due."""
    who, _, status = arg.partition("/")
    until = dict(query.prop(game, who, "status") or {}).get(status)
    if until is not None and until != stats.FOREVER and until <= game.state.minutes:
        end(game, who, status)


@ticker("hunger")
def _hunger(game: Game, start: int, now: int) -> None:
    player = game.world.player
    fed = query.prop(game, player, "fed_at")
    if fed is None or not definition(game, "hungry") or query.prop(game, player, "foraging"):
        return  # worlds without hunger, or living off the land
    since = now - int(fed)
    if since >= STARVING_AFTER and not stats.has_status(game, player, "starving"):
        end(game, player, "hungry")
        give(game, player, "starving")
    elif HUNGRY_AFTER <= since < STARVING_AFTER and not stats.has_status(game, player, "hungry"):
        give(game, player, "hungry")


def feed(game: Game, who: str) -> None:
    stats.set_stat(game, who, "fed_at", game.state.minutes)
    end(game, who, "hungry")
    end(game, who, "starving")


@effect("status")
def _status(game: Game, arg: dict[str, Any]) -> None:
    """{status: {add: rash, for: 2d}} / {status: {who: kai, remove: injured}}: someone (the
    player without `who`) gains a status, for a time or until removed, or loses one."""
    who = arg.get("who", game.world.player)
    if "add" in arg:
        span = arg.get("for")
        give(game, who, arg["add"], parse_duration(span) if span is not None else None)
    if "remove" in arg:
        end(game, who, arg["remove"])


@effect("eat")
def _eat(game: Game, arg: Any) -> None:
    """{eat: true}: the player has eaten; hunger ends."""
    feed(game, arg.get("who", game.world.player) if isinstance(arg, dict) else game.world.player)


def _until_theirs_end(game: Game, arg: dict[str, Any]) -> float:
    """When the clock alone may change a status or a stat (with the statuses' changes) of
    someone: when one of their statuses runs out. (One is given only by a prop.)"""
    return stats.next_end(game, arg.get("who", game.world.player))


@condition("status", reads=("prop", TIME), changes=_until_theirs_end)
def _has(game: Game, arg: dict[str, Any]) -> bool:
    """Someone (`who`, default the player) has the status: {status: {has: rash}}."""
    return stats.has_status(game, arg.get("who", game.world.player), arg["has"])


@condition("stat", reads=("prop", TIME), changes=_until_theirs_end)
def _stat(game: Game, arg: dict[str, Any]) -> bool:
    """A stat of someone (`who`, default the player), with the statuses' changes, is at
    least `min` and at most `max`: {stat: {key: strength, min: 40}}."""
    value = effective(game, arg.get("who", game.world.player), arg["key"])
    return value >= arg.get("min", float("-inf")) and value <= arg.get("max", float("inf"))


@rule("check", "*", order=20)
def statuses_may_forbid(game: Game, action: Action) -> str | None:
    player = game.world.player
    for status in stats.statuses(game, player):
        spec = definition(game, status)
        if action.name in spec.get("blocks", ()):
            return game.render(spec.get("blocked") or f"Not while {spec['name']}.")
    return None


HOW_YOU_ARE = response("diagnosing.statuses", "You are {statuses}.", "statuses")


@rule("report", "diagnose", order=20)
def how_you_are(game: Game, action: Action) -> str:
    """The player's statuses in force now, by their names ("bruised and hungry")."""
    player = game.world.player
    names = [str(definition(game, s).get("name") or s) for s in stats.statuses(game, player)]
    if not names:
        return ""
    answered(action)
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return HOW_YOU_ARE(game, action, statuses=listed)
