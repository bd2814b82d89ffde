"""What systems offer the rest of the engine, by name: the marks for their hooks.

Nothing is registered here. A decorator marks the function, and a world's engine
(`kage.core.engine`) collects the marks of the modules that world uses, so the hooks of an
extension a world does not name never run in it. Providers turn "{{council.tally:banish}}"
into prose; handlers run a scheduled system event such as "edict:banishment".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kage.actions.pipeline import ACTIVITY, TURN, Names, rule
from kage.core.extension import mark

if TYPE_CHECKING:
    from kage.actions.pipeline import Action
    from kage.game import Game

Provider = Callable[["Game", str], str]
Handler = Callable[["Game", str], None]
Ticker = Callable[["Game", int, int], None]
TurnHook = Callable[["Game", "Action", int], None]
Settler = Callable[["Game"], None]
AlliesAt = Callable[["Game", str], int]
Revealer = Callable[["Game", str, str], object]
Felt = Callable[["Game", list[str]], "str | None"]


def provider(name: str) -> Callable[[Provider], Provider]:
    return mark("provider", name)


def handler(name: str) -> Callable[[Handler], Handler]:
    return mark("handler", name)


def ticker(name: str) -> Callable[[Ticker], Ticker]:
    """A function called as time passes, with (game, from_minute, to_minute): strength
    coming back, hunger growing. Called in name order, at most once per stretch of time
    between two scheduled events, so a three-week time skip costs a few calls, not 30,000."""
    return mark("ticker", name)


def every_turn(name: str, before: Names = (), after: Names = ()) -> Callable[[TurnHook], TurnHook]:
    """A rule of the turn sequence, run after every action that took time, with (game,
    action, first event of this action in game.log): companions remarking on what just
    happened, morale. It comes after time has passed and before the story's triggers, and
    after or before the other every-turn rules it names."""
    return rule(  # type: ignore[return-value]
        ACTIVITY,
        TURN,
        name=name,
        before=("scene_triggers", *((before,) if isinstance(before, str) else before)),
        after=("advance_time", *((after,) if isinstance(after, str) else after)),
    )


def felt(name: str) -> Callable[[Felt], Felt]:
    """What the player has about him that is no thing in the world (a rash, a wound),
    with (game, the words of a noun phrase): how it looks, if the words name it, else
    None. The parser asks these when a noun names nothing in sight ("x rash")."""
    return mark("felt", name)


def allies(name: str) -> Callable[[AlliesAt], AlliesAt]:
    """A count of the player's allies at a place who are not people of the world (clones,
    a summoned pack), with (game, place): combat weighs them when foes lose heart. The
    count must follow from where things are and their props alone (`Game.props_revision`)."""
    return mark("allies", name)


def revealer(name: str) -> Callable[[Revealer], Revealer]:
    """Ends whatever hides someone who gives themselves away (an attack), with (game, who,
    reason). Without any, combat simply ends the status "invisible"."""
    return mark("revealer", name)


def settler(name: str) -> Callable[[Settler], Settler]:
    """A function called once when the clock stops after moving on (the end of every
    scheduler.advance): for a system that lets its ticks pile up and does the work in
    one go, e.g. the living world living a week at once instead of a day at a time."""
    return mark("settler", name)


Phrases = Callable[["Game"], "list[str]"]
Numbers = Callable[["Game"], "list[int]"]


def phrases(action: str) -> Callable[[Phrases], Phrases]:
    """The words worth trying in `action`'s free slot (a topic or text) now, with (game):
    the techniques one may cast, the programmes one may train. Admissible commands
    (kage.agents.admissible) fill the slot with these; the action's checks still decide."""
    return mark("phrases", action)


def numbers(action: str) -> Callable[[Numbers], Numbers]:
    """The numbers worth trying in `action`'s number slot now, with (game): prices worth
    asking in a haggle. Admissible commands try these besides their own short list."""
    return mark("numbers", action)
