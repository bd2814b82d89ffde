"""get_state / set_state / state_hash: restoring, then stepping, gives exactly what never
leaving would have given: the same observations, rewards, endings, infos and hashes."""

from __future__ import annotations

import pickle
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kage import worlds
from kage.env import KageEnv, walkthrough

WALK = walkthrough(worlds.load("banished"))
# words that reach every part of what a game carries between turns: pronouns (it, him,
# her), a pending "Which do you mean?" and its answer, OOPS after an unknown word, AGAIN,
# the preferences, refusals, time passing, the living world's days, meta commands
VOCAB = [
    "look",
    "x it",
    "take it",
    "drop it",
    "x him",
    "x her",
    "talk to her",
    "hug him",
    "i",
    "wait",
    "z",
    "wait 3 hours",
    "wait 2 days",
    "again",
    "g",
    "x tsunadr",
    "x qqqq",
    "oops tsunade",
    "o wallet",
    "brief",
    "superbrief",
    "verbose",
    "notify off",
    "notify on",
    "score",
    "undo",
    "save",
    "quit",
    "n",
    "s",
    "e",
    "w",
    "ne",
    "down",
    "up",
    "go back",
    "take ramen",
    "cups",
    "menu",
    "drop cups",
    "take all",
    "drop all",
    "x ramen",
    "xyzzy",
    "take wallet. go south",
    "",
    "take",
    "go to gate",
    "sort loot",
]
LINES = st.sampled_from(VOCAB + WALK)


def played(env: KageEnv, commands: list[str]) -> list[tuple[Any, ...]]:
    """Every step's whole result, and the state's hash after it."""
    return [(*env.step(c), env.state_hash()) for c in commands]


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    seed=st.integers(0, 5),
    prefix=st.integers(0, len(WALK)),
    before=st.lists(LINES, max_size=6),
    detour=st.lists(LINES, max_size=4),
    after=st.lists(LINES, min_size=1, max_size=8),
)
def test_restoring_then_stepping_is_never_having_left(
    env: KageEnv,
    other: KageEnv,
    seed: int,
    prefix: int,
    before: list[str],
    detour: list[str],
    after: list[str],
) -> None:
    env.reset(seed=seed)
    played(env, WALK[:prefix] + before)
    state, digest = env.get_state(), env.state_hash()
    straight = played(env, after)  # never leaving
    # back in the same environment, after a detour
    played(env, detour)
    env.set_state(state)
    assert env.state_hash() == digest
    assert played(env, after) == straight
    # in another environment that was somewhere else entirely
    other.reset(seed=seed + 1)
    played(other, detour[::-1])
    other.set_state(state)
    assert other.state_hash() == digest
    assert played(other, after) == straight


# Each part of what a game carries into its next turn, on its own: a snapshot taken
# before `detour` changes it, restored, must play `after` as if the detour never was.
PARTS = {
    "parser's OOPS memory": (["x qqqq"], ["look"], ["oops tsunade"]),
    "the command AGAIN repeats": (["x tsunade"], ["look"], ["again"]),
    "pronouns": (["x necklace"], ["x headband"], ["x it"]),
    "verbosity": (["brief"], ["verbose"], ["down", "up"]),
    "score notification": (["notify off"], ["notify on"], ["ask tsunade why"]),
    "a pending question": (
        ["down", "ne", "take cups", "go to ichiraku", "drop cups", "take ramen"],
        ["look"],
        ["cups"],
    ),
    "the random generator": (["down", "ne", "go to gate", "s"], ["wait 2 hours"], ["wait 2 hours"]),
}


@pytest.mark.parametrize("part", sorted(PARTS))
def test_each_part_of_a_game_is_in_its_state(env: KageEnv, part: str) -> None:
    before, detour, after = PARTS[part]
    env.reset(seed=3)
    played(env, before)
    state = env.get_state()
    straight = played(env, after)
    env.set_state(state)
    played(env, detour)
    detoured = played(env, after)
    assert detoured != straight, "the detour must change what this part decides"
    env.set_state(state)
    assert played(env, after) == straight


def test_output_said_between_steps_is_in_the_state(env: KageEnv) -> None:
    """What was said and not yet read (a rule that speaks after the reply was taken)
    comes with the next reply: a snapshot carries it."""
    env.reset(seed=0)
    env.unwrapped.player.game.say("A bell rings somewhere below.")
    env.unwrapped.player.game.notice("A notice.")
    state = env.get_state()
    first = env.step("look")[0]
    assert "A bell rings somewhere below." in first and "A notice." in first
    env.set_state(state)
    assert env.step("look")[0] == first


def test_the_step_count_is_restored_for_truncation() -> None:
    env = KageEnv(worlds.load("banished"), max_episode_steps=3)
    env.reset(seed=0)
    env.step("look")
    state = env.get_state()
    assert env.step("look")[3] is False
    assert env.step("look")[3] is True  # the third step
    env.set_state(state)
    assert env.step("look")[3] is False


def test_a_state_survives_pickling_to_another_process_shape(env: KageEnv, other: KageEnv) -> None:
    env.reset(seed=2)
    played(env, WALK[:12])
    state = env.get_state()
    copied = pickle.loads(pickle.dumps(state))
    straight = played(env, WALK[12:20])
    other.set_state(copied)
    assert played(other, WALK[12:20]) == straight


def test_the_hash_tells_states_apart_and_leaves_out_the_step_count(env: KageEnv) -> None:
    env.reset(seed=0)
    env.step("score")  # takes no time and changes nothing but what AGAIN repeats
    once = env.state_hash()
    env.step("score")
    assert env.state_hash() == once
    env.step("wait")
    assert env.state_hash() != once


def test_reset_from_a_state_starts_there(env: KageEnv, other: KageEnv) -> None:
    env.reset(seed=4)
    played(env, WALK[:5])
    shown = env.step(WALK[5])[0]
    state = env.get_state()
    observation, _ = other.reset(options={"state": state})
    assert observation == shown
    assert played(other, WALK[6:10]) == played(env, WALK[6:10])


def test_a_command_past_the_end_of_time_is_taken_back_leaving_snapshots_whole(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The calendar's last evening: waiting past 9999 is refused and taken back. The
    state a snapshot holds is the one taken back to, and it is left as it was."""
    from tests.helpers import world_from
    from tests.world.test_clock import LAST_EVENING

    from kage.world.clock import OutOfTime

    env = KageEnv(world_from(tmp_path_factory, "last_evening", LAST_EVENING), moves=True)
    env.reset(seed=0)
    state, digest = env.get_state(), env.state_hash()
    observation, reward, terminated, _, info = env.step("wait 1 day")
    assert observation == str(OutOfTime()) and reward == 0 and not terminated
    assert env.state_hash() == digest and info["moves"] == 0
    assert state.state.dumps() == env.get_state().state.dumps()
    env.set_state(state)
    assert "bell" in env.step("wait 3 hours. wait 59 minutes")[0]


def test_a_state_written_as_json_plays_on_the_same(env: KageEnv, other: KageEnv) -> None:
    import json

    from kage.env.player import from_json, to_json

    env.reset(seed=5)
    played(env, WALK[:20] + ["x qqqq", "brief"])
    state = env.get_state()
    again = from_json(json.loads(json.dumps(to_json(state))))
    assert again == state
    straight = played(env, ["oops tsunade", "again", *WALK[20:26]])
    other.set_state(again)
    assert played(other, ["oops tsunade", "again", *WALK[20:26]]) == straight
