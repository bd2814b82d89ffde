"""Statuses, hunger, hazards, training and chakra: the body's systems over time."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.helpers import fresh, play, played_until, walkthrough

from kage.ext.body import stats
from kage.ext.body.status import effective
from kage.ext.training import training
from kage.session import Session

FULL = walkthrough("full.txt")
IN_FOREST = FULL[: FULL.index("ask kurama about training")]


@pytest.fixture(scope="module")
def forest(banished, tmp_path_factory) -> Session:
    return played_until(banished, "ask kurama about training", tmp_path_factory.mktemp("saves"))


def test_act_two_begins_in_the_forest_with_kurama(forest) -> None:
    state = forest.game.state
    assert state.holder["naruto"] == "forest_clearing"
    assert state.holder["kurama"] == "naruto"
    assert "library" in play(fresh(forest), "ask kurama about xyzzy")


def test_training_raises_skills_towards_a_limit(forest) -> None:
    session = fresh(forest)
    game = session.game
    before = stats.stat(game, "naruto", "taijutsu")
    play(session, "train for 1 week")
    week = stats.stat(game, "naruto", "taijutsu") - before
    play(session, "train for 12 weeks")
    assert week > 0
    assert stats.stat(game, "naruto", "taijutsu") <= 75
    assert "Twelve weeks" in play(session, "train for 13 weeks")


def test_twelve_weeks_cost_no_more_than_one_day(forest) -> None:
    import time

    game = fresh(forest).game
    programme = game.world.data["training"]["drills"]
    began = time.perf_counter()
    training.improve(game, "naruto", programme, 84)
    assert time.perf_counter() - began < 0.01


def test_hunger_grows_and_eating_ends_it(forest) -> None:
    session = fresh(forest)
    game = session.game
    play(session, "wait 13 hours")
    assert stats.has_status(game, "naruto", "hungry")
    assert effective(game, "naruto", "taijutsu") < stats.stat(game, "naruto", "taijutsu")
    play(session, "wait 3 days")
    assert stats.has_status(game, "naruto", "starving")
    assert "too hungry to train" in play(session, "train")
    assert "crime against noodles" in play(session, "eat ramen")  # the cups in the pack
    assert not stats.has_status(game, "naruto", "starving")
    assert not stats.has_status(game, "naruto", "hungry")
    assert "not that hungry" in play(session, "eat ramen")


def test_forest_hazards_hurt_and_kurama_laughs(forest) -> None:
    session = fresh(forest)
    text = play(session, "s", "s")
    game = session.game
    assert stats.has_status(game, "naruto", "bruised")
    assert stats.has_status(game, "naruto", "rash")
    assert "laughter" in text and "Three leaves" in text
    assert effective(game, "naruto", "stealth") == stats.stat(game, "naruto", "stealth") - 10


STEPS = [
    "wait 2 hours",
    "wait 1 day",
    "s",
    "n",
    "train",
    "sleep",
    "cast invisibility",
    "release",
    "make 3 clones",
    "wait 30 minutes",
    "train genjutsu for 3 weeks",
]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(STEPS), max_size=10))
def test_every_timed_status_ends_and_chakra_stays_in_bounds(forest, steps) -> None:
    session = fresh(forest)
    game = session.game
    for step in steps:
        session.step(step)
        chakra = stats.stat(game, "naruto", "chakra")
        assert 0 <= chakra <= stats.stat(game, "naruto", "chakra_max")
    timed = {k: v for k, v in stats.statuses(game, "naruto").items() if v != stats.FOREVER}
    if timed:
        longest = max(timed.values()) - game.state.minutes
        session.step(f"wait {longest // 60 + 1} hours")
        left = {k for k, v in stats.statuses(game, "naruto").items() if v != stats.FOREVER}
        assert not left & set(timed)
