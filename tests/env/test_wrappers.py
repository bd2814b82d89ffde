"""The wrappers for libraries without text support: token ids in, a discrete action
over the admissible commands out."""

from __future__ import annotations

import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

from kage import worlds
from kage.env import KageEnv
from kage.env.wrappers import (
    PAD,
    UNKNOWN,
    AdmissibleDiscreteAction,
    TokenizedObservation,
    vocabulary,
)


def test_tokenized_observations_pass_the_checker_and_read_back() -> None:
    env = TokenizedObservation(KageEnv("cloak"), max_tokens=64)
    check_env(env, skip_render_check=True)
    observation, _ = env.reset(seed=0)
    assert observation.shape == (64,) and observation.dtype == np.int64
    assert env.observation_space.contains(observation)
    assert env.words(env.tokens("Foyer of the Opera House.")) == [
        "foyer",
        "of",
        "the",
        "opera",
        "house",
        ".",
    ]
    assert list(env.tokens("zqxj foyer")[:3]) == [UNKNOWN, env.ids["foyer"], PAD]
    long = env.tokens("foyer " * 100)
    assert (long == env.ids["foyer"]).all()  # cut to max_tokens, no padding left


def test_the_vocabulary_is_the_worlds_and_the_same_each_time_it_is_made() -> None:
    loaded = worlds.load("cloak")
    fresh = worlds.load("cloak", cache=False)
    words = vocabulary(loaded)
    assert words == vocabulary(fresh) == sorted(set(words))
    assert {"cloak", "velvet", "hook", "message", "darkness"} <= set(words)
    env = TokenizedObservation(KageEnv(loaded))
    observation, _ = env.reset(seed=0)
    known = observation[observation != PAD]
    assert (known != UNKNOWN).mean() > 0.95  # the opening is in the world's own words


def test_a_discrete_action_plays_the_admissible_command_at_its_index() -> None:
    pytest.importorskip("kage.agents.admissible")
    env = AdmissibleDiscreteAction(KageEnv("cloak", score=True))
    twin = KageEnv("cloak", admissible_commands=True)
    _, info = env.reset(seed=0)
    _, twin_info = twin.reset(seed=0)
    assert info["admissible_commands"] == twin_info["admissible_commands"]
    mask = info["action_mask"]
    assert mask.sum() == len(info["admissible_commands"]) and mask[0] == 1
    west = info["admissible_commands"].index("west") if "west" in info["admissible_commands"] else 0
    observation, *_ = env.step(west)
    assert observation == twin.step(info["admissible_commands"][west])[0]
    meant = env.command(west + env.max_actions)  # read before the step changes the list
    wrapped = env.step(west + env.max_actions)  # past the end: the same list, wrapped
    assert wrapped[0] == twin.step(meant)[0]


def test_both_wrappers_together_pass_the_checker() -> None:
    pytest.importorskip("kage.agents.admissible")
    env = AdmissibleDiscreteAction(TokenizedObservation(KageEnv("cloak")), max_actions=64)
    check_env(env, skip_render_check=True)
    observation, info = env.reset(seed=1)
    for _ in range(5):
        action = int(np.flatnonzero(env.action_masks())[0])
        observation, *_, info = env.step(action)
    assert env.observation_space.contains(observation)
