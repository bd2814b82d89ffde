"""The admissible_commands info (kage.agents.admissible): what it lists can be played,
and asking for it changes nothing in the game."""

from __future__ import annotations

import random

import pytest

from kage import worlds
from kage.env import KageEnv, walkthrough

pytest.importorskip("kage.agents.admissible")

WALK = walkthrough(worlds.load("banished"))


def test_asking_for_admissible_commands_leaves_the_game_as_it_was() -> None:
    """The same seed and commands play the same with the list computed every step or
    never, and the state's hash agrees at every step."""
    plain = KageEnv("banished")
    asking = KageEnv("banished", admissible_commands=True)
    plain.reset(seed=2)
    asking.reset(seed=2)
    for command in WALK[:40]:
        mine, theirs = plain.step(command), asking.step(command)
        assert mine[:4] == theirs[:4], command
        assert plain.state_hash() == asking.state_hash()


def test_every_listed_command_is_understood_and_not_refused_here() -> None:
    env = KageEnv("banished", admissible_commands=True, actions=True)
    rng = random.Random(0)
    _, info = env.reset(seed=0, options={"commands": WALK[:8]})
    listed = info["admissible_commands"]
    assert listed and all(isinstance(c, str) for c in listed)
    state = env.get_state()
    for command in rng.sample(listed, min(25, len(listed))):
        env.set_state(state)
        *_, played = env.step(command)
        done = [a for a in played["actions"] if a["depth"] == 0]
        assert done and done[0]["done"], command


def test_a_random_agent_over_the_list_keeps_states_exact() -> None:
    env = KageEnv("banished", admissible_commands=True, score=True)
    rng = random.Random(1)
    _, info = env.reset(seed=1)
    trail = []
    for _ in range(15):
        state = env.get_state()
        command = rng.choice(info["admissible_commands"] or ["look"])
        result = env.step(command)
        info = result[-1]
        trail.append((state, command, result))
    for state, command, result in trail:
        env.set_state(state)
        assert env.step(command) == result
