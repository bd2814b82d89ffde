"""The living world: news that travels, factions that react, people who remember.

Modules: geography (settlements and roads), news (birth, spread, versions), opinion
(groups' views, closed form in time), factions (treaties and their rules), lives (people's
goals off-screen), sim (all of it as one vectorised simulation), build (world data ->
arrays), play (the simulation inside a game), rumours (listen / ask), telling (the story's
account of it), synthetic (large generated worlds for benchmarks).

This module wires it into the engine: the `living` ticker, the after-turn hook that
notices news born from the story, the `listen` action and the `ask` fallback, the `news`
effect, the `news_known` and `treaty` conditions, and the `living.*` providers. It imports
the numpy-based modules only when a world that has settlements is played, so start-up and
worlds without a living world never pay for numpy.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from kage.actions.pipeline import rule
from kage.core.responses import response
from kage.ext.living.keys import DAY, KEY, OWED, alive
from kage.systems.registry import every_turn, provider, settler, ticker
from kage.world import query
from kage.world.conditions import condition
from kage.world.effects import effect

if TYPE_CHECKING:
    from kage.actions.pipeline import Action
    from kage.game import Game

LISTEN_MINUTES = 30
ASK_MINUTES = 5
STATUS = ("in force", "strained", "broken")  # as in factions.STATUS


@ticker("living")
def _live(game: Game, start: int, end: int) -> None:
    """Note the days owed; they are lived when the clock stops (or when someone asks
    first), all at once: a week costs one catch-up, not seven."""
    rec = game.state.records.get(KEY)
    if rec is not None and end // DAY <= rec["day"]:
        return  # less than a whole day: nothing to live yet
    if alive(game):
        game.kept[OWED] = max(end, game.kept.get(OWED, 0))


@settler("living")
def _settle(game: Game) -> None:
    catch_up(game)


def catch_up(game: Game) -> None:
    """Live the days the clock has moved past, before anything reads the living world
    (numpy is imported only when there are days to live)."""
    if OWED in game.kept and alive(game):
        from kage.ext.living import play

        play.catch_up(game)
    else:
        game.kept.pop(OWED, None)


@every_turn("living", after="companion")  # a companion speaks of the turn first
def _notice(game: Game, action: Action, first_event: int) -> None:
    catch_up(game)
    if alive(game):
        from kage.ext.living import play

        play.births(game)


@effect("news")
def _news(game: Game, arg: str | dict[str, Any]) -> None:
    """{news: banishment} or {news: {id: banishment, at: harbour}}: news is born now."""
    if not alive(game):
        return
    from kage.ext.living import play

    spec = {"id": arg} if isinstance(arg, str) else arg
    play.birth(game, spec["id"], spec.get("at"))


def _arrival(game: Game, source: str, settlement: int) -> float:
    catch_up(game)
    rec = game.state.records.get(KEY)
    if rec is None or settlement < 0:
        return math.inf
    times = [
        item[4][settlement]
        for item in rec["items"]
        if item[1] == source and item[4][settlement] >= 0
    ]
    return min(times) if times else math.inf


@condition("news_known")
def _news_known(game: Game, arg: dict[str, Any]) -> bool:
    """{news_known: {news: banishment, at: oashisu}}: the news has reached the place (by
    default, the player's); `share: 0.5` asks that half its people have heard it."""
    if not alive(game):
        return False
    from kage.ext.living import news, play

    found = play.static(game.world)
    assert found is not None
    at = arg.get("at")
    settlement = found.geo.index[at] if at else play.settlement_here(game)
    arrival = _arrival(game, arg["news"], settlement)
    now = game.state.minutes / DAY
    if arrival > now:
        return False
    if "share" not in arg:
        return True
    half = float(found.geo.half[settlement])
    return news.share_of(now - arrival, half) >= float(arg["share"])


@condition("treaty")
def _treaty(game: Game, arg: dict[str, Any]) -> bool:
    """{treaty: {id: leaf_wave_trade, status: broken}} (in force | strained | broken)."""
    treaties = list(game.world.data.get("treaties", {}))
    if arg["id"] not in treaties:
        return False
    catch_up(game)
    rec = game.state.records.get(KEY)
    status = rec["status"][treaties.index(arg["id"])] if rec else 0
    return STATUS[status] == arg.get("status", "in force")


@provider("living.rumour")
def _rumour(game: Game, arg: str) -> str:
    """{{living.rumour:banishment}}: the news as it is told where the player is."""
    if not alive(game):
        return ""
    from kage.ext.living import news, play, rumours

    sim = play.current(game)
    settlement = play.settlement_here(game)
    if sim is None or settlement < 0:
        return ""
    for item in sim.dyn.items.values():
        if item.source == arg and item.arrival[settlement] <= game.state.minutes / DAY:
            return rumours.told(game, news.telling(sim.static.sources[arg], item, settlement))
    return ""


@provider("living.reaction")
def _reaction(game: Game, arg: str) -> str:
    """{{living.reaction:banishment}}: how the world took the news so far, told from the
    data's `told` lines of the impacts felt, the treaties changed and the lives under way."""
    if not alive(game):
        return ""
    from kage.ext.living import play
    from kage.ext.living.telling import reaction_lines

    sim = play.current(game)
    if sim is None:
        return ""
    return "\n\n".join(reaction_lines(game.world.data, sim, arg, game.state.minutes / DAY))


PRIVATE = response(
    "listening.private",
    "Nobody here is passing on the talk of the town; this is not that kind of place. {sound}",
    "sound",
)


@rule("check", "listen")
def somewhere_to_listen(game: Game, action: Action) -> str | None:
    here = query.here(game)
    if query.prop(game, here, "private"):  # a home: no crowd to lose yourself in
        sound = query.prop(game, here, "sound")
        return PRIVATE(game, action, sound=sound if isinstance(sound, str) else "").strip()
    if alive(game):
        from kage.ext.living import play

        if play.settlement_here(game) >= 0:
            return None
    return "There is nobody about to overhear. Rumours live where people do."


@rule("carry_out", "listen")
def listening(game: Game, action: Action) -> None:
    from kage.ext.living import play, rumours

    action.minutes = LISTEN_MINUTES
    play.births(game)  # news the story made this very turn is already being told
    action.data["heard"] = rumours.listen(game)
    action.data["town"] = rumours.place_name(game)


@rule("report", "listen")
def report_listening(game: Game, action: Action) -> str:
    town = action.data.get("town") or "the place"
    opening = f"You find somewhere out of the way and let the talk of {town} wash over you."
    heard = action.data.get("heard")
    if not heard:
        return opening + " Prices, weather, somebody's goat. Nothing from further afield."
    return opening + "\n\n" + heard


@rule("carry_out", "ask", order=90)
def news_for_the_asking(game: Game, action: Action) -> None:
    if "said" in action.data or action.noun is None or not action.text or not alive(game):
        return
    if game.world.entities[action.noun].kind != "person":
        return
    from kage.ext.living import play, rumours

    play.births(game)
    said = rumours.answer(game, action.noun, action.text)
    if said:
        action.data["said"] = said
        action.data["rumour"] = True
        action.minutes = ASK_MINUTES
