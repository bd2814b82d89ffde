"""One game played command by command, as an agent plays it: the engine's Game, the few
session commands that make sense without a person at a prompt, and exact snapshots.

Nothing here imports Gymnasium, so a solver or a script can use it alone.

Snapshots are exact and cheap because of one rule: between steps the game's `State` is
never written. Each world command first swaps in a copy of it (which is also what the
command is taken back to if it runs out of time), so a snapshot may simply hold the state
object the game had; restoring hands that object back, and the next command copies it.
A snapshot holds everything else a game carries into its next turn as well: the seed,
the parser's OOPS memory, the player's preferences, the command AGAIN repeats, and any
output said but not yet read (pronouns and a pending "Which do you mean?" are in the
state itself).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from kage import session_replies as said
from kage.actions.pipeline import Action, Outcome
from kage.core.settings import Settings
from kage.game import Game
from kage.parser.replies import PARDON
from kage.parser.text import MAX_LINE, clean, split_commands, words
from kage.session import meta_command, strict_default
from kage.world.clock import OutOfTime
from kage.world.events import Event
from kage.world.model import World
from kage.world.rng import seed_state
from kage.world.state import State

# what may end one command and begin another (kage.parser.text.split_commands)
_ONE = re.compile(r"[.;!?,]|\b(?:then|and)\b", re.IGNORECASE)
# session commands an agent may use; the others (save, restore, undo, restart, quit,
# transcript, verify, saves) belong to a person at a prompt: reset() and set_state() do
# their work here, and they are answered with `agents.session_only`
PREFERENCES = {
    "verbose": said.VERBOSE,
    "brief": said.BRIEF,
    "superbrief": said.SUPERBRIEF,
}


REFUSED = Outcome(False, [])  # stands for an action until its outcome is known


class AgentGame(Game):
    """A Game that notes each action it performs, for the `actions` info."""

    def __init__(self, world: World, seed: int = 0, state: State | None = None) -> None:
        self.performed: list[tuple[int, Action, Outcome]] = []
        super().__init__(world, seed, state)

    def act(self, action: Action) -> Outcome:
        depth = len(self.acting)  # 0: what the command asked; deeper: its steps
        at = len(self.performed)
        self.performed.append((depth, action, REFUSED))
        outcome = super().act(action)
        self.performed[at] = (depth, action, outcome)
        return outcome


class Snapshot(NamedTuple):
    """Everything a game carries into its next turn. `state` is shared, never written.
    (A named tuple: made in a fraction of a microsecond, compared and pickled as one.)"""

    state: State
    seed: int
    oops: tuple[str, str] | None
    verbosity: str
    notify: bool
    last: str | None
    pending: tuple[str, ...]  # paragraphs said but not yet read
    notices: tuple[str, ...]  # asides said but not yet read
    steps: int  # the episode's step count (for truncation)
    observation: str  # what the agent was last shown (the environment's, for reset)

    def digest(self) -> str:
        """A hash of what the game carries into its next turn: equal hashes play on
        identically. The episode's step count and the last observation are left out
        (they are the environment's, not the game's), so search agents meet a state
        again by any path."""
        extra = [self.oops, self.verbosity, self.notify, self.last]
        extra += [list(self.pending), list(self.notices)]
        blob = self.state.dumps() + json.dumps(extra, separators=(",", ":"))
        return hashlib.blake2b(blob.encode(), digest_size=16).hexdigest()


@dataclass(slots=True)
class Turn:
    """What one step did."""

    text: str
    first_event: int  # where this step's events begin in game.log
    understood: bool = True


class Player:
    """A game of one world, driven by lines of commands; see the module's docstring."""

    def __init__(self, world: World, seed: int = 0, strict: bool | None = None) -> None:
        self.world = world
        self.strict = strict_default() if strict is None else strict
        self.game = AgentGame(world, seed)
        self.last: str | None = None
        self.steps = 0
        self.shown = ""  # the last observation, kept by the environment
        # the state just after the opening, and the opening; when the opening draws no
        # random number, every seed shares them but for the generator's state
        self._base = (seed, self.game.state, self.game.opening())
        self._seedless = self.game.state.rng == seed_state(seed)
        self._opening = self.game.opening()
        self._warm_up()

    def _warm_up(self) -> None:
        """Play a first command and take it back: the engine imports the parser and
        what the first turn needs only when they are first used (tens of milliseconds),
        which would otherwise fall on an agent's first step."""
        start = self.snapshot()
        self.step("look")
        self.restore(start)
        self.game.log.clear()
        self.game.performed.clear()

    # -- starting -------------------------------------------------------------------
    def reset(self, seed: int) -> str:
        """Start again from the opening with `seed`; the opening's text."""
        base_seed, base, opening = self._base
        if seed == base_seed:
            state = base  # never written: the first command copies it
        elif self._seedless:
            state = base.copy()
            state.rng = seed_state(seed)
        else:
            fresh = AgentGame(self.world, seed)
            state, opening = fresh.state, fresh.opening()
        self._start(state, seed, Settings())
        self._opening = opening
        return opening

    def start_from(self, game: Game, settings: Settings | None = None) -> None:
        """Take over where another game stands (a restored save)."""
        self._start(game.state, game.seed, settings or Settings())
        self._opening = ""

    def _start(self, state: State, seed: int, settings: Settings) -> None:
        game = self.game
        game.set_state(state)
        game.seed = seed
        game.settings = settings
        game.oops = None
        game.log.clear()
        game.performed.clear()
        game._out.clear()
        game._notices.clear()
        self.last = None
        self.steps = 0

    def opening(self) -> str:
        return self._opening

    # -- playing --------------------------------------------------------------------
    def step(self, line: str) -> Turn:
        """One line (several commands, if it says so) -> the reply. Never raises on any
        input (unless strict: then an internal error is raised, as in the tests)."""
        game = self.game
        game.performed.clear()
        self.steps += 1
        turn = Turn("", len(game.log))
        line = clean(line)[:MAX_LINE]
        if _ONE.search(line):
            commands = split_commands(line, game.lexicon.lines)
        else:  # nothing that could end a command: split_commands would keep it whole
            commands = [line] if line else []
        if not commands:
            self._own()
            turn.text, turn.understood = PARDON(game), False
            return turn
        texts = []
        for command in commands:
            text, understood = self._one(command)
            texts.append(text)
            turn.understood = turn.understood and understood
            if game.state.done:
                break
        turn.text = "\n".join(t for t in texts if t)
        return turn

    def _one(self, command: str) -> tuple[str, bool]:
        game = self.game
        meta = meta_command(words(command))
        if meta is None:
            return self._play(command)
        self._own()  # a reply is text only, but whatever renders it may note something
        if meta == "again":
            if self.last is None:
                return said.AGAIN_NOTHING(game), True
            return self._play(self.last)
        title = self.world.title or "The story"
        if meta in PREFERENCES:
            game.settings = Settings(meta, game.settings.notify)  # snapshots keep the old
            return PREFERENCES[meta](game, title=title), True
        if meta in ("notify_on", "notify_off"):
            on = meta == "notify_on"
            game.settings = Settings(game.settings.verbosity, on)
            return (said.NOTIFY_ON if on else said.NOTIFY_OFF)(game), True
        return said.SESSION_ONLY(game), True

    def _play(self, command: str) -> tuple[str, bool]:
        """A world command, on a copy of the state (see the module's docstring)."""
        game = self.game
        before = game.state
        game.state = before.copy()
        try:
            reply = game.command(command)
        except OutOfTime as exc:  # refused, as if by a rule: taken back
            self._take_back(before)
            return str(exc), True
        except Exception as exc:
            self._take_back(before)
            if self.strict:
                raise
            return (
                f"[Kage ran into an internal error and took that command back: "
                f"{type(exc).__name__}: {exc}. Please report it.]",
                False,
            )
        self.last = reply.played or command
        return reply.text, reply.understood

    def _own(self) -> None:
        """Write from now on to a copy of the state (see the module's docstring)."""
        self.game.state = self.game.state.copy()

    def _take_back(self, before: State) -> None:
        """Back to the state before the command; what it said is dropped unread (not
        taken as output, which would note the places it names in `before`)."""
        game = self.game
        game.set_state(before)
        game._out.clear()
        game._notices.clear()

    # -- what an agent may read -----------------------------------------------------
    @property
    def score(self) -> int:
        return self.game.score

    def events(self, first: int) -> list[Event]:
        return self.game.log[first:]

    # -- snapshots ------------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        game = self.game
        settings = game.settings
        return Snapshot(
            game.state,
            game.seed,
            game.oops,
            settings.verbosity,
            settings.notify,
            self.last,
            tuple(game._out) if game._out else (),
            tuple(game._notices) if game._notices else (),
            self.steps,
            self.shown,
        )

    def restore(self, snap: Snapshot) -> None:
        game = self.game
        if game.state is not snap.state:
            game.set_state(snap.state)  # drops what was derived from the old state
        game.seed = snap.seed
        game.oops = snap.oops
        settings = game.settings
        if settings.verbosity != snap.verbosity or settings.notify != snap.notify:
            game.settings = Settings(snap.verbosity, snap.notify)
        if game._out or snap.pending:
            game._out[:] = snap.pending
        if game._notices or snap.notices:
            game._notices[:] = snap.notices
        self.last = snap.last
        self.steps = snap.steps
        self.shown = snap.observation

    def digest(self) -> str:
        return self.snapshot().digest()


def to_json(snap: Snapshot) -> dict[str, Any]:
    """A snapshot as plain JSON data (for storing outside the process)."""
    return {
        "state": snap.state.to_json(),
        "seed": snap.seed,
        "oops": list(snap.oops) if snap.oops else None,
        "verbosity": snap.verbosity,
        "notify": snap.notify,
        "last": snap.last,
        "pending": list(snap.pending),
        "notices": list(snap.notices),
        "steps": snap.steps,
        "observation": snap.observation,
    }


def from_json(data: dict[str, Any]) -> Snapshot:
    oops = data.get("oops")
    return Snapshot(
        state=State.from_json(data["state"]),
        seed=int(data["seed"]),
        oops=(str(oops[0]), str(oops[1])) if oops else None,
        verbosity=str(data["verbosity"]),
        notify=bool(data["notify"]),
        last=data.get("last"),
        pending=tuple(data.get("pending", ())),
        notices=tuple(data.get("notices", ())),
        steps=int(data.get("steps", 0)),
        observation=str(data.get("observation", "")),
    )
