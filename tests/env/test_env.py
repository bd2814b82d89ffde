"""The environment's API: registration, spaces, the checker, rewards and endings, infos,
seeds and determinism, and reset's options."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import gymnasium as gym
import pytest
from gymnasium.utils.env_checker import check_env
from hypothesis import given, settings
from hypothesis import strategies as st

import kage.env
from kage import worlds
from kage.env import INFOS, KageEnv, core, walkthrough
from kage.env.player import Player
from kage.env.text import CHARSET, CUT, printable
from kage.game import Game
from kage.parser.text import split_commands
from kage.session import Session
from kage.world import query

BUNDLED = ["kage/Banished-v0", "kage/Cloak-v0", "kage/Tidebell-v0"]


@pytest.mark.parametrize("env_id", BUNDLED)
def test_gymnasiums_checker_passes_on_every_bundled_world(env_id: str) -> None:
    env = gym.make(env_id, infos="all")
    check_env(env.unwrapped)
    observation, info = env.reset(seed=0)
    assert env.observation_space.contains(observation)
    assert set(info) == set(INFOS)


def test_a_world_folder_by_path_and_by_the_helper(tmp_path: Path) -> None:
    folder = tmp_path / "mycloak"
    shutil.copytree(worlds.locate("cloak"), folder)
    (folder / "walkthrough.txt").write_text("# the short way\nn\n\nw\n")
    env = gym.make("kage/World-v0", world=str(folder), walkthrough=True)
    observation, info = env.reset(seed=0)
    assert "Cloak of Darkness" in observation.title() or "CLOAK" in observation
    assert info["walkthrough"] == ["n", "w"]  # comments and blank lines left out
    assert kage.env.make(folder).reset(seed=0)[0] == observation
    check_env(env.unwrapped)


def test_the_module_path_form_imports_kage_env_on_the_way() -> None:
    env = gym.make("kage.env:kage/Cloak-v0")
    assert isinstance(env.unwrapped, KageEnv)


def test_every_info_key_is_documented() -> None:
    doc = core.__doc__ or ""
    infos = doc[doc.index("Infos are opt-in") :]
    assert re.findall(r"^- ([a-z_]+): ", infos, re.M) == list(INFOS)


def test_an_unknown_info_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match="admissible_commands"):
        KageEnv("cloak", scores=True)


def test_cloak_is_won_by_its_walkthrough_with_reward_and_termination() -> None:
    env = gym.make("kage/Cloak-v0", score=True, max_score=True, won=True, lost=True)
    env.reset(seed=0)
    total = 0.0
    for command in walkthrough(worlds.load("cloak")):
        observation, reward, terminated, truncated, info = env.step(command)
        total += float(reward)
    assert terminated and not truncated
    assert info["won"] and not info["lost"]
    assert total == info["score"] == info["max_score"] == 2


def test_banished_is_won_by_its_walkthrough_through_the_env() -> None:
    env = KageEnv("banished", score=True, won=True)
    env.reset(seed=0)
    rewards = []
    for command in walkthrough(worlds.load("banished")):
        _, reward, terminated, _, info = env.step(command)
        rewards.append(reward)
    assert terminated and info["won"]
    assert sum(rewards) == info["score"] == env.world.max_score
    assert any(r > 0 for r in rewards) and all(r >= 0 for r in rewards)


def test_cloak_can_be_lost_and_that_ends_it_too() -> None:
    env = KageEnv("cloak", won=True, lost=True)
    env.reset(seed=0)
    route = ["s", "z", "z", "z", "n", "w", "remove cloak", "hang cloak on hook", "e", "s"]
    for command in route:  # stumbling about in the dark bar tramples the message
        assert env.step(command)[2] is False
    _, reward, terminated, truncated, info = env.step("read message")
    assert terminated and not truncated and reward == 0
    assert info["lost"] and not info["won"]


def test_truncation_at_the_step_limit() -> None:
    env = gym.make("kage/Banished-v0", max_episode_steps=3)
    env.reset(seed=0)
    assert [env.step("look")[3] for _ in range(3)] == [False, False, True]


def test_same_seed_and_actions_give_the_same_observations() -> None:
    commands = walkthrough(worlds.load("banished"))[:30] + ["wait 2 days", "listen", "i"]
    runs = []
    for _ in range(2):
        env = KageEnv("banished", infos=[k for k in INFOS if k != "admissible_commands"])
        runs.append([env.reset(seed=7)] + [env.step(c) for c in commands])
    assert runs[0] == runs[1]


def test_reset_plays_exactly_as_a_fresh_game_of_that_seed() -> None:
    """reset() reuses one game and the opening it made; a new Game of the seed is the
    truth it must match, for the seed it was built with and for others."""
    world = worlds.load("banished")
    commands = walkthrough(world)[:25] + ["wait 3 hours", "wait 2 days"]
    env = KageEnv(world)
    for seed in (0, 5, 123456789):
        opening, _ = env.reset(seed=seed)
        game = Game(world, seed)
        assert opening == printable(game.opening())
        for command in commands:
            assert env.step(command)[0] == printable(game.command(command).text), command


def test_no_seed_draws_one_from_the_last_seed_given() -> None:
    env = KageEnv("banished")
    env.reset(seed=3)
    first = env.player.game.seed
    env.reset()
    drawn = env.player.game.seed
    env.reset(seed=3)
    assert env.player.game.seed == first
    env.reset()
    assert env.player.game.seed == drawn != first


def test_seeds_change_the_random_world() -> None:
    env = KageEnv("banished")
    hashes = set()
    for seed in range(3):
        env.reset(seed=seed)
        hashes.add(env.state_hash())
    assert len(hashes) == 3


def test_observations_are_printable_and_cut_to_the_limit() -> None:
    env = KageEnv("banished", max_observation=100)
    observation, _ = env.reset(seed=0)
    assert len(observation) == 100 and observation.endswith(CUT)
    assert env.observation_space.contains(observation)
    assert printable("“Naïve” — café…\tok\x00") == '"Naive" - cafe... ok '
    assert printable("a\u4e00b") == "a?b"
    assert all(ch in CHARSET for ch in printable("".join(map(chr, range(0, 600)))))
    assert printable("x" * 10, limit=3) == CUT[:3]


def test_session_commands_an_agent_cannot_use_are_answered_and_change_nothing() -> None:
    env = KageEnv("banished")
    env.reset(seed=0)
    before = env.state_hash()
    for command in ("save", "restore", "undo", "quit", "restart", "transcript", "saves"):
        observation = env.step(command)[0]
        assert "reset()" in observation and "set_state()" in observation
    assert env.state_hash() == before


def test_the_preferences_and_again_work_as_at_the_prompt() -> None:
    env = KageEnv("banished")
    env.reset(seed=0)
    assert "brief mode" in env.step("brief")[0]
    env.step("down")
    assert "Hokage's office" in env.step("up")[0]
    looked = env.step("x necklace")[0]
    assert env.step("again")[0] == looked


def test_the_actions_info_lists_what_was_asked_and_its_steps() -> None:
    env = KageEnv("banished", actions=True)
    env.reset(seed=0)
    info = env.step("x necklace. xyzzy")[-1]
    assert [a["action"] for a in info["actions"]] == ["examine"]
    assert info["actions"][0]["noun"] == "necklace" and info["actions"][0]["done"]
    walked = env.step("go to academy")[-1]["actions"]  # down the stairs, then west
    assert walked[0]["action"] == "go_to" and walked[0]["depth"] == 0
    assert any(a["action"] == "go" and a["depth"] == 1 for a in walked)
    refused = env.step("take tsunade")[-1]["actions"]
    assert refused == [] or not refused[0]["done"]


def test_the_facts_info_is_the_turns_events() -> None:
    env = KageEnv("banished", facts=True, location=True, inventory=True, moves=True)
    env.reset(seed=0)
    info = env.step("down")[-1]
    moved = [f for f in info["facts"] if f["kind"] == "moved"]
    assert moved and moved[0]["to"] == info["location"] == "main_street"
    assert info["moves"] == 1
    assert "First Hokage's necklace" in info["inventory"]
    assert env.step("score")[-1]["facts"] == []


def test_options_commands_and_save(tmp_path: Path) -> None:
    world = worlds.load("banished")
    walk = walkthrough(world)
    env = KageEnv(world, moves=True)
    shown, info = env.reset(seed=0, options={"commands": walk[:10]})
    assert info["moves"] > 0
    session = Session(world, seed=0, saves=tmp_path)
    session.opening()
    for line in walk[:10]:
        session.step(line)
    session.step("save here")
    path = next(tmp_path.rglob("*here*"))
    looked, _ = env.reset(options={"save": path})
    assert env.player.game.state == session.game.state
    here = world.entities[query.here(session.game)].name
    assert here.lower() in looked.lower()  # where the save stands, described
    after = [env.step(c)[0] for c in walk[10:15]]
    assert after == [printable(session.step(c)[0].text) for c in walk[10:15]]


def test_render_modes() -> None:
    env = KageEnv("cloak", render_mode="ansi")
    observation, _ = env.reset(seed=0)
    assert env.render() == observation
    with pytest.raises(ValueError):
        KageEnv("cloak", render_mode="rgb_array")


@settings(max_examples=200, deadline=None, database=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.;!?'\"-:0123456789", max_size=40))
def test_lines_split_as_the_session_splits_them(line: str) -> None:
    player = _player()
    commands = []
    original = player._one
    player._one = lambda c: (commands.append(c), ("", True))[1]  # type: ignore[method-assign]
    try:
        player.step(line)
    finally:
        player._one = original  # type: ignore[method-assign]
    assert commands == split_commands(line.strip(), player.game.lexicon.lines)


_PLAYERS: list[Player] = []


def _player() -> Player:
    if not _PLAYERS:
        _PLAYERS.append(Player(worlds.load("banished")))
    return _PLAYERS[0]


def test_the_shared_opening_and_a_fresh_one_start_the_same_game() -> None:
    """reset() reuses the opening when it drew no random number, changing only the
    generator; building the opening anew for the seed must give the very same start."""
    shared, fresh = KageEnv("banished"), KageEnv("banished")
    assert shared.player._seedless
    fresh.player._seedless = False  # always build the opening anew
    for seed in (1, 99):
        assert shared.reset(seed=seed) == fresh.reset(seed=seed)
        assert shared.state_hash() == fresh.state_hash()
        commands = ["down", "wait 2 days", "listen", "go to gate"]
        assert [shared.step(c) for c in commands] == [fresh.step(c) for c in commands]
