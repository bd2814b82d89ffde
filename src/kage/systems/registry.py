"""What systems offer the rest of the engine, by name.

Filled when the system modules are imported and never changed during play, so they hold
no game state: providers turn "{{council.tally:banish}}" into prose, and handlers run a
scheduled system event such as "edict:banishment" when its time comes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kage.actions.pipeline import Action
    from kage.game import Game

Provider = Callable[["Game", str], str]
Handler = Callable[["Game", str], None]

Ticker = Callable[["Game", int, int], None]
TurnHook = Callable[["Game", "Action", int], None]

PROVIDERS: dict[str, Provider] = {}
HANDLERS: dict[str, Handler] = {}
TICKERS: dict[str, Ticker] = {}
EVERY_TURN: dict[str, TurnHook] = {}
Settler = Callable[["Game"], None]
SETTLERS: dict[str, Settler] = {}


def provider(name: str) -> Callable[[Provider], Provider]:
    def register(func: Provider) -> Provider:
        PROVIDERS[name] = func
        return func

    return register


def handler(name: str) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        HANDLERS[name] = func
        return func

    return register


def ticker(name: str) -> Callable[[Ticker], Ticker]:
    """A function called as time passes, with (game, from_minute, to_minute): chakra
    coming back, hunger growing. Called in name order, at most once per stretch of time
    between two scheduled events, so a three-week time skip costs a few calls, not 30,000."""

    def register(func: Ticker) -> Ticker:
        TICKERS[name] = func
        return func

    return register


def every_turn(name: str) -> Callable[[TurnHook], TurnHook]:
    """A function run after every action that took time, with (game, action, first event
    of this action in game.log): companions remarking on what just happened, morale."""

    def register(func: TurnHook) -> TurnHook:
        EVERY_TURN[name] = func
        return func

    return register


def settler(name: str) -> Callable[[Settler], Settler]:
    """A function called once when the clock stops after moving on (the end of every
    scheduler.advance): for a system that lets its ticks pile up and does the work in
    one go, e.g. the living world living a week at once instead of a day at a time."""

    def register(func: Settler) -> Settler:
        SETTLERS[name] = func
        return func

    return register
