"""An invisible player is not seen by the people he deals with: the first time he speaks
to someone, trades with them or hands them something while unseen, they start at a voice
out of thin air. Once per person for each time he goes unseen; nothing is stopped, so a
shopkeeper can still haggle with a voice, but the story no longer talks as if he stood
there in plain sight.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.pipeline import Action, rule
from kage.core import prose
from kage.core.responses import response
from kage.ext.body import stats
from kage.ext.stealth.stealth import ASLEEP
from kage.systems.registry import every_turn
from kage.world import ops, query

if TYPE_CHECKING:
    from kage.game import Game

HEARD = "unseen_voice"  # record: the people who have heard the unseen player this time
# actions addressed to someone (the person is the noun, or the second noun)
ADDRESSED = ("talk", "ask", "tell", "say", "give", "show", "kiss", "thank", "promise", "argue")
# actions addressed to whoever keeps the shop here
TRADING = ("sell", "buy", "accept", "decline", "haggle", "wares")

VOICE = response(
    "stealth.unseen_voice",
    "{The person} {starts} at a voice out of thin air and {stares} about, seeing nobody. (You "
    "are still invisible.)",
    "person",
)


def _person(game: Game, who: str | None) -> bool:
    ent = game.world.entities.get(who or "")
    return ent is not None and ent.kind == "person" and who != game.world.player


def _addressed(game: Game, action: Action) -> str | None:
    if action.name in TRADING:
        here = query.here(game)
        return next(
            (
                p
                for p in query.contents(game, here)
                if _person(game, p) and query.prop(game, p, "merchant")
            ),
            None,
        )
    for who in (action.noun, action.second):
        if _person(game, who):
            return who
    return None


@rule("before", *ADDRESSED, *TRADING, order=95)
def heard_but_not_seen(game: Game, action: Action) -> None:
    player = game.world.player
    if not stats.has_status(game, player, "invisible"):
        return
    who = _addressed(game, action)
    if who is None or query.place_of(game, who) != query.here(game):
        return  # carried along (a voice inside the player) or not here to hear
    holder = game.state.holder.get(who, "")
    if holder in game.world.entities and game.world.entities[holder].kind == "person":
        return
    if any(stats.has_status(game, who, s) for s in ASLEEP):
        return
    heard = list((game.state.records.get(HEARD) or {}).get("who", []))
    if who in heard:
        return
    ops.record(game, HEARD, {"who": [*heard, who]})
    game.say(VOICE(game, action, person=prose.subject(game, who)))


@every_turn("unseen_voices_forgotten", after="watchful")
def _seen_again(game: Game, action: Action, first_event: int) -> None:
    """Visible again: the next time he goes unseen, people start at his voice anew."""
    if game.state.records.get(HEARD) and not stats.has_status(game, game.world.player, "invisible"):
        ops.record(game, HEARD, [])
