"""`KageEnv`: any Kage world as a Gymnasium environment.

    env = gymnasium.make("kage/Banished-v0", score=True, admissible_commands=True)
    observation, info = env.reset(seed=1)
    observation, reward, terminated, truncated, info = env.step("look")

- observation: the game's reply, as text in `kage.env.text.CHARSET` of at most
  `max_observation` characters (default 8,192; a longer one is cut and ends in "[...]");
  after reset, the opening.
- action: a line of commands, as a player types it ("take lamp. go north" is two).
  The action space samples at most `max_command` characters (default 256); any string
  is accepted, and a line longer than 2,000 characters is cut as the game cuts it.
- reward: the change in score the step made (milestones reached; 0 for most steps).
- terminated: the story has ended, won or lost. truncated: `max_episode_steps` steps
  (default 1,000) were taken without an ending. The count is kept inside the environment
  (not by Gymnasium's TimeLimit), so get_state/set_state restore it too. (Given to
  `gymnasium.make`, `max_episode_steps` is Gymnasium's own argument: it adds a TimeLimit
  wrapper, whose count set_state cannot restore. A search agent that restores states
  should build `KageEnv(world, max_episode_steps=N)` itself.)
- reset(seed=None, options=None): the game's seed is `seed`; with no seed, one is drawn
  from the environment's generator (seeded by the last seed given), as Gymnasium does.
  options: {"state": a get_state() value} starts there; {"save": path of a save file}
  starts where that save stands; {"commands": [...]} plays those commands after the
  opening (e.g. a walkthrough's first steps) and returns the last reply.

Infos are opt-in, so the default step costs nothing extra (as TextWorld's EnvInfos).
Pass any of these as True to `gymnasium.make` (or `infos=[...]`, or `infos="all"`):

- admissible_commands: list[str], every command the parser understands that passes its
  checks here (`kage.agents.admissible.admissible_commands`); the costly one.
- score: int, the score now.
- max_score: int, the most the world gives.
- moves: int, the game's turn count (commands that take no time, such as SCORE, do not
  count).
- location: str, the id of the player's place ("foyer" in Cloak of Darkness).
- inventory: list[str], the names of what the player carries, in the order the game
  lists them (things inside carried things included).
- won: bool, whether the story has ended in a win.
- lost: bool, whether it has ended otherwise.
- actions: list[dict], the actions the step performed, in order, each
  {"action", "noun", "second", "direction", "text", "number", "done", "refused_by",
  "depth"}: `done` whether it was carried out, `refused_by` the name of the rule that
  refused it, `depth` 0 for what was asked and 1 or more for the steps it took
  ("go to the gate" walks there by "go" actions). Empty when nothing was understood.
- facts: list[dict], the events of the step as the engine recorded them: each has
  "turn", "minute", "kind" ("moved", "milestone", "flag" ...) and the event's data.
- walkthrough: list[str], the world's walkthrough (`walkthrough.txt` in its folder), one
  command a line; empty when the world has none.

For search agents, `env.unwrapped` has get_state(), set_state(state) and state_hash():
exact (restoring, then stepping, gives what never leaving would have given) and cheap (a
state is shared, not copied: see kage.env.player).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, SupportsFloat

import gymnasium as gym
from gymnasium import spaces

from kage.env.player import Player, Snapshot, Turn
from kage.env.spaces import PrintableText
from kage.env.text import CHARSET, MAX_COMMAND, MAX_OBSERVATION, printable
from kage.world import query
from kage.world.model import World

INFOS = (
    "admissible_commands",
    "score",
    "max_score",
    "moves",
    "location",
    "inventory",
    "won",
    "lost",
    "actions",
    "facts",
    "walkthrough",
)
MAX_EPISODE_STEPS = 1000
_WORLDS: dict[str, World] = {}  # loaded once per process: games share a world, read-only


def load_world(world: str | Path | World) -> World:
    """A bundled world's name, a world folder, or a World already loaded."""
    if isinstance(world, World):
        return world
    key = str(world)
    found = _WORLDS.get(key)
    if found is None:
        from kage import worlds

        found = _WORLDS[key] = worlds.load(key)
    return found


def walkthrough(world: World) -> list[str]:
    """The world's walkthrough: `walkthrough.txt` in its folder, one command a line."""
    found = world.runtime.get("env.walkthrough")
    if found is None:
        folder = world.runtime.get("folder")
        path = Path(folder) / "walkthrough.txt" if folder else None
        found = []
        if path is not None and path.is_file():
            found = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
            found = [ln for ln in found if ln and not ln.startswith("#")]
        world.runtime["env.walkthrough"] = found
    return list(found)


class KageEnv(gym.Env[str, str]):
    """A Kage world as a Gymnasium environment (see the module's docstring)."""

    metadata = {"render_modes": ["ansi", "human"]}

    def __init__(
        self,
        world: str | Path | World = "banished",
        *,
        max_episode_steps: int = MAX_EPISODE_STEPS,
        max_observation: int = MAX_OBSERVATION,
        max_command: int = MAX_COMMAND,
        infos: str | Iterable[str] = (),
        render_mode: str | None = None,
        strict: bool | None = None,
        **wanted: bool,
    ) -> None:
        chosen = set(INFOS) if infos == "all" else set(infos)
        chosen |= {key for key, on in wanted.items() if on}
        unknown = chosen - set(INFOS) | (set(wanted) - set(INFOS))
        if unknown:
            raise ValueError(f"unknown info {sorted(unknown)}; known: {', '.join(INFOS)}")
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode must be one of {self.metadata['render_modes']}")
        self.infos = tuple(key for key in INFOS if key in chosen)
        self.world = load_world(world)
        self.max_episode_steps = max_episode_steps
        self.max_observation = max_observation
        self.render_mode = render_mode
        self.observation_space = PrintableText(max_observation, charset=CHARSET)
        self.action_space = spaces.Text(max_command, min_length=0, charset=CHARSET)
        self.player = Player(self.world, 0, strict=strict)
        self._score = 0
        self._shown = ""

    # -- the Gymnasium API ----------------------------------------------------------
    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[str, dict[str, Any]]:
        super().reset(seed=seed)
        if seed is None:
            seed = int(self.np_random.integers(2**63))
        options = options or {}
        player = self.player
        first = 0
        if "state" in options:
            self.set_state(options["state"])
            return self._shown, self._info(Turn(self._shown, len(player.game.log)))
        save = options.get("save")
        text = player.reset(seed) if save is None else self._from_save(Path(save))
        for command in options.get("commands", ()):
            first = len(player.game.log)
            text = player.step(command).text
        player.steps = 0
        self._score = player.score
        self._shown = printable(text, self.max_observation)
        return self._shown, self._info(Turn(text, first))

    def step(self, action: str) -> tuple[str, SupportsFloat, bool, bool, dict[str, Any]]:
        player = self.player
        turn = player.step(str(action))
        score = player.score
        reward = float(score - self._score)
        self._score = score
        state = player.game.state
        terminated = state.done
        truncated = not terminated and player.steps >= self.max_episode_steps
        self._shown = printable(turn.text, self.max_observation)
        if self.render_mode == "human":
            print(self._shown)
        return self._shown, reward, terminated, truncated, self._info(turn)

    def render(self) -> str | None:
        if self.render_mode == "ansi":
            return self._shown
        return None

    # -- exact state, for search agents ---------------------------------------------
    def get_state(self) -> Snapshot:
        """Where the game stands, to come back to with set_state (in this environment or
        another of the same world). Cheap: nothing is copied (see kage.env.player), and
        picklable, so it may cross to another process."""
        self.player.shown = self._shown
        return self.player.snapshot()

    def set_state(self, state: Snapshot) -> None:
        player = self.player
        same = player.game.state is state.state
        player.restore(state)
        self._shown = state.observation
        if not same:
            self._score = player.score

    def state_hash(self) -> str:
        """A hash of everything that decides what the game does next (not the step count)."""
        return self.player.digest()

    # -- infos ----------------------------------------------------------------------
    def _info(self, turn: Turn) -> dict[str, Any]:
        if not self.infos:
            return {}
        player = self.player
        game = player.game
        state = game.state
        info: dict[str, Any] = {}
        for key in self.infos:
            if key == "admissible_commands":
                info[key] = self._admissible()
            elif key == "score":
                info[key] = game.score
            elif key == "max_score":
                info[key] = self.world.max_score
            elif key == "moves":
                info[key] = state.turn
            elif key == "location":
                info[key] = query.here(game)
            elif key == "inventory":
                entities = self.world.entities
                info[key] = [entities[e].name for e in query.carried(game, self.world.player)]
            elif key == "won":
                info[key] = state.done and state.won
            elif key == "lost":
                info[key] = state.done and not state.won
            elif key == "actions":
                info[key] = [_action(d, a, o) for d, a, o in game.performed]
            elif key == "facts":
                info[key] = [event.to_json() for event in player.events(turn.first_event)]
            elif key == "walkthrough":
                info[key] = walkthrough(self.world)
        return info

    def _admissible(self) -> list[str]:
        from kage.agents.admissible import admissible_commands  # another part of kage

        game = self.player.game
        game.state = game.state.copy()  # a state handed out by get_state stays as it was
        return list(admissible_commands(game))

    def _from_save(self, path: Path) -> str:
        from kage.core.settings import Settings
        from kage.persist.saves import load
        from kage.restoring import rebuild

        data = load(path)
        built = rebuild(self.world, data, strict=self.player.strict)
        settings = Settings.from_json(data.settings) if data.settings else Settings()
        self.player.start_from(built.game, settings)
        return built.look


def _action(depth: int, action: Any, outcome: Any) -> dict[str, Any]:
    return {
        "action": action.name,
        "noun": action.noun,
        "second": action.second,
        "direction": action.direction,
        "text": action.text,
        "number": action.number,
        "done": outcome.done,
        "refused_by": outcome.reason,
        "depth": depth,
    }
