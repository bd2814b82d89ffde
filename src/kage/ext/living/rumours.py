"""Rumours: what the player hears in a settlement is what that settlement knows now.

`listen` overhears the news that has reached the place, told in the version that arrived
there, with more voices the more people have heard it. `ask PERSON about the harbour` falls
back on the news when the person has no topic of their own for it: they answer if the
news has reached their town and they are among those who have heard it by now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.core import prose
from kage.core.responses import response
from kage.ext.living import news, play
from kage.ext.living.sim import Sim
from kage.parser.text import words

if TYPE_CHECKING:
    from kage.game import Game

GOSSIP = response(
    "rumours.told", '{The teller} {glances} about before answering. "{said}"', "teller", "said"
)

FEW, MANY = 0.3, 0.8
MOST = 3  # items told when listening
MOST_ASKED = 2  # items a person tells when asked


def rank(who: str) -> float:
    """How early in their town this person hears things (stable, 0..1)."""
    return (news.seed_of("rank", who) % 10_000) / 10_000


def told(game: Game | None, text: Any) -> str:
    """A telling as said now: a text, or the first of its variants whose `when` holds
    (none without a game to ask)."""
    if isinstance(text, str):
        return text
    if game is None:
        return ""
    from kage.world.conditions import holds

    for variant in text:
        if holds(game, variant.get("when")):
            return str(variant["text"])
    return ""


def known_here(
    sim: Sim, settlement: int, now: float, game: Game | None = None
) -> list[tuple[str, str, float]]:
    """(item id, telling, share who have heard) of news known at a settlement, newest
    arrival first; for whereabouts, only the freshest sighting of each person."""
    half = sim.static.geo.half[settlement : settlement + 1]
    arrived = [i for i in sim.dyn.items.values() if float(i.arrival[settlement]) <= now]
    freshest: dict[str, float] = {}
    for item in arrived:
        source = sim.static.sources[item.source]
        if source.kind == "whereabouts":
            freshest[source.subject] = max(item.born, freshest.get(source.subject, -1.0))
    found = []
    for item in arrived:
        source = sim.static.sources[item.source]
        if source.kind == "whereabouts" and item.born < freshest[source.subject]:
            continue
        share = float(news.fraction(item.arrival[settlement : settlement + 1], now, half)[0])
        text = told(game, news.telling(source, item, settlement))
        found.append((float(item.arrival[settlement]), item.id, text, share))
    found.sort(key=lambda f: -f[0])
    return [(item_id, text, share) for _, item_id, text, share in found]


def about(
    sim: Sim,
    settlement: int,
    now: float,
    asked: set[str],
    who: str,
    untold: frozenset[str],
    game: Game | None = None,
) -> list[str]:
    """What `who`, in `settlement`, can tell about the asked words (never gossip about
    the subjects in `untold`)."""
    lines = []
    for item_id, text, share in known_here(sim, settlement, now, game):
        source = sim.static.sources[sim.dyn.items[item_id].source]
        if source.subject in untold:
            continue
        if text and asked & source.words and rank(who) <= share:
            lines.append(text)
    return lines


def known_by_face(sim: Sim, settlement: int) -> frozenset[str]:
    """Who is known by sight here (their whereabouts `ignores` it): nobody tells them
    rumours about themselves."""
    name = sim.static.geo.ids[settlement]
    entries = sim.static.extra.get("whereabouts", {}).values()
    return frozenset(e["who"] for e in entries if name in e.get("ignores", ()))


def frame(share: float) -> str:
    if share < FEW:
        return "A voice low enough that few have heard it yet:"
    if share < MANY:
        return "It comes up at more than one table:"
    return "Everyone seems to be saying it by now:"


def listen(game: Game) -> str | None:
    """What the player overhears here, or None if nothing has reached this place."""
    settlement = play.settlement_here(game)
    sim = play.current(game)
    if sim is None or settlement < 0:
        return None
    heard = known_here(sim, settlement, game.state.minutes / play.DAY, game)[:MOST]
    lines = [f'{frame(share)} "{text}"' for _, text, share in heard if text]
    return "\n\n".join(lines) or None


def answer(game: Game, person: str, text: str) -> str | None:
    """What `person` says about `text` from the news their town knows, or None."""
    if person == game.world.player:
        return None
    holder = game.state.holder.get(person, "")
    if game.world.entities.get(holder) and game.world.entities[holder].kind == "person":
        return None  # someone carried along (a fox in a boy) hears no gossip
    settlement = play.settlement_here(game, person)
    if settlement < 0:
        return None
    sim = play.current(game)
    if sim is None:
        return None
    asked = set(words(text))
    player = game.world.player
    untold = known_by_face(sim, settlement) & {player}
    now = game.state.minutes / play.DAY
    lines = about(sim, settlement, now, asked, person, untold, game)[:MOST_ASKED]
    if not lines:
        return None
    return GOSSIP(game, teller=prose.subject(game, person), said=" ".join(lines))


def place_name(game: Game) -> str:
    sim = play.static(game.world)
    settlement = play.settlement_here(game)
    if sim is None or settlement < 0:
        return ""
    return sim.geo.names[settlement]
