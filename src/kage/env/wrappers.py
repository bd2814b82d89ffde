"""Wrappers for libraries without text support.

- `TokenizedObservation(env, max_tokens=512)`: the observation becomes a fixed-length
  int64 array of token ids from a vocabulary of the world's own words (`vocabulary`),
  lower-cased words and numbers, and each punctuation mark alone. Id 0 is padding (after
  the last token), 1 a token not in the vocabulary; a reply of more than `max_tokens`
  tokens keeps its first `max_tokens`. The same world gives the same vocabulary in every
  process. `wrapper.tokens(text)` and `wrapper.words(ids)` convert both ways.
- `AdmissibleDiscreteAction(env, max_actions=1024)`: the action is an index into the
  admissible commands of the moment (kage.agents.admissible, sorted); `info["action_mask"]`
  (and `action_masks()`, as masking libraries ask for it) marks the valid indexes, and
  `info["admissible_commands"]` lists them. An index past the end of the list plays
  index % len(list), so every action is a command the game accepts; commands past
  `max_actions` are not offered.

Use both for a fully numeric environment:
``AdmissibleDiscreteAction(TokenizedObservation(gymnasium.make("kage/Cloak-v0")))``.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, SupportsFloat

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from kage.world.model import World

PAD, UNKNOWN = 0, 1
_TOKEN = re.compile(r"[a-z0-9]+|[^\sa-z0-9]")


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def vocabulary(world: World) -> list[str]:
    """Every token of the world's text (its data and the engine's responses), sorted;
    index i is token id i + 2."""
    found = world.runtime.get("env.vocabulary")
    if found is None:
        seen: set[str] = set()
        for text in _texts(world):
            seen.update(tokenize(text))
        found = world.runtime["env.vocabulary"] = sorted(seen)
    return list(found)


def _texts(world: World) -> list[str]:
    from kage import runtime, session_replies
    from kage.core.responses import Response
    from kage.parser import replies, scenery

    texts: list[str] = []
    fields = [f.name for f in dataclasses.fields(world) if f.name != "runtime"]
    stack: list[Any] = [getattr(world, name) for name in fields]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list | tuple | set | frozenset):
            stack.extend(value)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            stack.extend(getattr(value, f.name) for f in dataclasses.fields(value))
    modules = (*runtime.engine(world).modules, replies, scenery, session_replies)
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, Response):
                texts.append(value.default)
    return texts


class TokenizedObservation(gym.ObservationWrapper[np.ndarray, Any, str]):
    """Text observations as token ids (see the module's docstring)."""

    def __init__(self, env: gym.Env[str, Any], max_tokens: int = 512) -> None:
        super().__init__(env)
        words = vocabulary(env.unwrapped.world)  # type: ignore[attr-defined]
        self.vocab = ["<pad>", "<unk>", *words]
        self.ids = {word: i for i, word in enumerate(self.vocab)}
        self.max_tokens = max_tokens
        self.observation_space = spaces.Box(
            0, len(self.vocab) - 1, shape=(max_tokens,), dtype=np.int64
        )

    def tokens(self, text: str) -> np.ndarray:
        ids = self.ids
        found = [ids.get(t, UNKNOWN) for t in tokenize(text)[: self.max_tokens]]
        out = np.zeros(self.max_tokens, dtype=np.int64)
        out[: len(found)] = found
        return out

    def words(self, ids: np.ndarray) -> list[str]:
        return [self.vocab[i] for i in ids if i != PAD]

    def observation(self, observation: str) -> np.ndarray:
        return self.tokens(observation)


class AdmissibleDiscreteAction(gym.Wrapper[Any, np.int64, Any, str]):
    """A discrete action over the admissible commands (see the module's docstring)."""

    def __init__(self, env: gym.Env[Any, str], max_actions: int = 1024) -> None:
        super().__init__(env)
        self.max_actions = max_actions
        self.action_space = spaces.Discrete(max_actions)
        self.commands: list[str] = []

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[Any, dict[str, Any]]:
        observation, info = self.env.reset(seed=seed, options=options)
        return observation, self._offer(info)

    def step(self, action: Any) -> tuple[Any, SupportsFloat, bool, bool, dict[str, Any]]:
        observation, reward, terminated, truncated, info = self.env.step(self.command(action))
        return observation, reward, terminated, truncated, self._offer(info)

    def command(self, action: Any) -> str:
        """The command an action index stands for now."""
        if not self.commands:
            return "look"  # nothing is admissible (the story has ended): a harmless look
        return self.commands[int(action) % len(self.commands)]

    def action_masks(self) -> np.ndarray:
        mask = np.zeros(self.max_actions, dtype=np.int8)
        mask[: len(self.commands)] = 1
        return mask

    def _offer(self, info: dict[str, Any]) -> dict[str, Any]:
        found = info.get("admissible_commands")
        if found is None:
            found = self.env.unwrapped._admissible()  # type: ignore[attr-defined]
        self.commands = list(found)[: self.max_actions]
        return {**info, "admissible_commands": self.commands, "action_mask": self.action_masks()}
