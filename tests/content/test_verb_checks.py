"""The grammar checks' pieces: which lines can never be typed, which the session takes
first, and when one line takes every command another would."""

from __future__ import annotations

import pytest

from kage.content import verbs
from kage.parser.grammar import CORE, compile_pattern


def line(pattern: str, action: str = "poke", world: bool = True):  # type: ignore[no-untyped-def]
    return compile_pattern(action, pattern, world)


@pytest.mark.parametrize("pattern", ["hello! {person}", "poke {thing} then", "a.b {thing}"])
def test_words_the_player_cannot_type(pattern: str) -> None:
    assert verbs.untypable(line(pattern)) is not None


@pytest.mark.parametrize(
    "pattern", ["poke {thing}", "it's a deal", "poke|prod {thing} with {held}"]
)
def test_words_the_player_can_type(pattern: str) -> None:
    assert verbs.untypable(line(pattern)) is None


@pytest.mark.parametrize("pattern", ["save {thing}", "load {text}", "quit", "transcript|x on"])
def test_the_session_takes_these_first(pattern: str) -> None:
    assert verbs.session_takes(line(pattern)) is not None


@pytest.mark.parametrize("pattern", ["notify {person}", "quit {thing}", "long sword", "saved"])
def test_the_session_leaves_these_to_the_world(pattern: str) -> None:
    assert verbs.session_takes(line(pattern)) is None


def test_a_line_covers_the_same_words_or_fewer_alternatives() -> None:
    assert verbs.covers(line("hug|cuddle {person}"), line("hug {person}"))
    assert not verbs.covers(line("hug {person}"), line("hug|cuddle {person}"))


def test_a_slot_for_any_words_covers_every_slot_and_word() -> None:
    assert verbs.covers(line("say {text}"), line("say {person}"))
    assert verbs.covers(line("say {text}"), line("say hello"))
    assert not verbs.covers(line("say {person}"), line("say {text}"))


def test_a_narrower_or_longer_line_does_not_cover() -> None:
    assert not verbs.covers(line("hug {person}"), line("hug {thing}"))
    assert not verbs.covers(line("hug {person} tight"), line("hug {person}"))


def test_no_engine_line_takes_every_command_of_a_world_line_of_its_words() -> None:
    """The parser tries the world's lines first on a tie, and a narrower engine line that
    goes first can fail to find its noun: so no engine line shadows a world line written
    with the same words. (If precedence changes, the checker's engine branch will say.)"""
    engine = [line(p, a, world=False) for a, ps in CORE for p in ps]
    for action, patterns in CORE:
        for pattern in patterns:
            mine = line(pattern, "mine")
            assert not any(
                e.precedence() < mine.precedence() and verbs.covers(e, mine) for e in engine
            ), (action, pattern)
