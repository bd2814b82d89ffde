"""Letting time pass: wait, wait N hours, sleep."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.pipeline import Action, Rulebooks, rule
from kage.core.responses import response
from kage.world import query
from kage.world.clock import passes
from kage.world.numbers import Bounds

if TYPE_CHECKING:
    from kage.game import Game

LONGEST_WAIT = 7 * 24 * 60
WAIT = Bounds(  # minutes; a bare "wait" (no number) is five of them
    1,
    LONGEST_WAIT,
    too_small="Time only runs one way, and waiting for no time at all is no wait. "
    "Try WAIT 10 MINUTES.",
    too_large="That is longer than you care to wait in one go. Try a week at most.",
)

TIME_PASSES = response("waiting.short", "Time passes.")
WAITED = response("waiting.long", "You wait. {passed}.", "passed")
NO_BED = response("sleeping.nowhere", "This is no place to sleep.")
SLEPT = response("sleeping.slept", "You sleep, and the hours go by.")


def install(rules: Rulebooks) -> None:
    rules.takes("wait", WAIT)


@rule("check", "wait")
def sensible_wait(game: Game, action: Action) -> str | None:
    """The parser keeps typed numbers within WAIT; this holds for any other actor."""
    if action.number < 0:
        return WAIT.too_small
    if action.number > WAIT.high:
        return WAIT.too_large
    return None


@rule("carry_out", "wait")
def waiting(game: Game, action: Action) -> None:
    if not action.data.get("unit"):
        action.number = action.number or 5  # a bare "wait" or "wait 10" (minutes)
    action.minutes = action.number


@rule("report", "wait")
def report_wait(game: Game, action: Action) -> str:
    if action.minutes <= 5:
        return TIME_PASSES(game, action)
    return WAITED(game, action, passed=passes(action.minutes).capitalize())


@rule("check", "sleep")
def somewhere_to_sleep(game: Game, action: Action) -> str | None:
    """A place with `bed: true` is one; its `no_sleep` prop says why another is not."""
    place = game.world.entities[query.here(game)]
    if not place.props.get("bed"):
        return place.props.get("no_sleep") or NO_BED(game, action)
    return None


@rule("carry_out", "sleep")
def sleeping(game: Game, action: Action) -> None:
    action.minutes = 8 * 60


@rule("report", "sleep")
def report_sleep(game: Game, action: Action) -> str:
    place = game.world.entities[query.here(game)]
    return str(place.props.get("sleep_text") or SLEPT(game, action))
