"""A session: a game plus what surrounds play — the command log, undo, again, saves,
restart. Every front end (terminal, JSON script, web, agents) drives one of these.

The log holds every world command in order; with the seed it is the whole truth of a
game, so saves store it (plus snapshots to restore quickly) and replaying it rebuilds the
exact state. Saves live in a folder per world (``kage.persist.folders``); a restore builds
the saved game aside and swaps it in only when complete (``kage.restoring``).

Save names: ``save NAME`` / ``restore NAME`` take the rest of the command as the name
(dots inside words, "and" and commas included); a name in double quotes is literal.

The player's preferences (verbose, brief, superbrief; notify on/off) are the session's
(``kage.core.settings``): shared with its game, kept across UNDO and RESTART, written into
every save and brought back by RESTORE. A transcript (TRANSCRIPT / TRANSCRIPT OFF) writes
every command and reply to a new file in the transcripts folder.

RESTART and QUIT ask "Are you sure?" and act only on a yes. The answer is simply the next
command, whatever the front end: the next line typed at the terminal, the next line of a
``--script`` or ``--json`` input (a script confirms with a line "y"), or the next command
on the same line ("quit. y"). Y or YES confirms, N or NO declines, and anything else lets
the question lapse and is played as a command of its own. Ctrl-C and the end of input are
the front end's business and quit without asking (kage.interfaces.terminal).

A command that leaves the world's state exactly as it was (a word not understood, SCORE,
EXITS) is neither logged nor a step for UNDO: replaying the log without it gives the same
game, and UNDO takes back the last command that did something, as in Inform.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from kage import __version__
from kage.content.errors import ContentError
from kage.core.settings import Settings
from kage.game import Game
from kage.parser.grammar import META
from kage.parser.text import MAX_LINE, clean, split_commands, words
from kage.persist import SaveData, SaveError
from kage.persist.folders import list_all, loose_store, world_store, worlds_having
from kage.persist.snapshots import SNAPSHOT_EVERY, keep_bounded, pack, unpack
from kage.persist.transcripts import Transcript, TranscriptError, default_transcript_dir
from kage.restoring import Rebuilt, RestoreError, rebuild
from kage.session_replies import (
    AGAIN_NOTHING,
    BRIEF,
    NOTIFY_OFF,
    NOTIFY_ON,
    QUIT_ASK,
    QUIT_DONE,
    QUIT_KEPT,
    RESTART_ASK,
    RESTART_DONE,
    RESTART_KEPT,
    RESTORE_NONE,
    RESTORE_WHICH,
    SUPERBRIEF,
    TRANSCRIPT_ALREADY,
    TRANSCRIPT_FAILED,
    TRANSCRIPT_NONE,
    TRANSCRIPT_OFF,
    TRANSCRIPT_ON,
    UNDO_NOTHING,
    VERBOSE,
    VERIFY_CHANGED,
    VERIFY_INTACT,
    VERIFY_UNKNOWN,
    VERIFY_UNREADABLE,
)
from kage.world import query
from kage.world.clock import OutOfTime
from kage.world.delta import Delta, diff, revert
from kage.world.model import World
from kage.world.state import State

# steps UNDO can take back: each holds only what its command changed (kage.world.delta),
# some 850 bytes in Banished; a web server holds many sessions, a player needs a few
UNDO_DEPTH = 100
# periodic snapshots a session holds (packed): a save adds one of the moment it is made,
# so these only spare replaying when that one cannot be used
SESSION_SNAPSHOTS = 8
NAMED = ("save", "restore")  # meta commands whose argument is a save name
YES = frozenset({"y", "yes"})
NO = frozenset({"n", "no"})


def default_save_dir() -> Path:
    if os.environ.get("KAGE_SAVES"):
        return Path(os.environ["KAGE_SAVES"])
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "kage" / "saves"


@dataclass(slots=True)
class Step:
    """What one command did: the text, whether it was understood, whether to stop."""

    command: str
    text: str
    understood: bool = True
    quit: bool = False
    failure: str = ""  # see game.Reply.failure


def strict_default() -> bool:
    """Whether sessions re-raise internal errors: on in the test suite (KAGE_STRICT=1),
    off for players, who get the command taken back and an apology instead."""
    return os.environ.get("KAGE_STRICT", "") not in ("", "0")


class Session:
    def __init__(
        self,
        world: World,
        seed: int = 0,
        saves: Path | None = None,
        strict: bool | None = None,
        transcripts: Path | None = None,
    ) -> None:
        self.world = world
        self.seed = seed
        self.strict = strict_default() if strict is None else strict
        self.saves_dir = Path(saves or default_save_dir())
        self.store = world_store(self.saves_dir, world.id)  # this world's saves
        self.transcripts_dir = Path(transcripts or default_transcript_dir())
        self.transcript: Transcript | None = None
        self.settings = Settings()
        self.asking: str | None = None  # "quit" or "restart" while "Are you sure?" waits
        self._begin()

    def _begin(self) -> None:
        self.game = Game(self.world, self.seed)
        self.game.settings = self.settings
        self.log: list[str] = []
        self._packed: list[tuple[int, bytes]] = [(0, pack(self.game.state.dumps()))]
        # (what the command changed, log length before, whether it did anything): UNDO
        # takes back the last command that did, and the refusals typed after it. Only
        # the changes are kept (kage.world.delta), each reverted from the state in play,
        # so `_tip` is the state the newest one led to.
        self.history: list[tuple[Delta, int, bool]] = []
        self._tip: State = self.game.state
        self.last: str | None = None

    def opening(self) -> str:
        return self.game.opening()

    @property
    def snapshots(self) -> list[tuple[int, str]]:
        """The periodic snapshots, (turn, state as JSON), turn-ascending. Held packed
        (a fifth of the size): only a save or a test reads them."""
        return [(turn, unpack(packed)) for turn, packed in self._packed]

    @snapshots.setter
    def snapshots(self, snapshots: list[tuple[int, str]]) -> None:
        self._packed = [(turn, pack(text)) for turn, text in snapshots]

    @property
    def snapshot_turns(self) -> list[int]:
        """The turns the periodic snapshots were taken at: cheap, nothing is unpacked."""
        return [turn for turn, _ in self._packed]

    # -- the loop -------------------------------------------------------------------
    def step(self, line: str, cut: bool = False) -> list[Step]:
        """A typed line -> one Step per command in it. Never raises on any input.

        `cut` says the front end has already cut a longer line down to its start
        (``kage.interfaces.lines``); the player is told, as for a line cut here."""
        raw = line
        line = clean(line)
        notes = []
        if cut or len(line) > MAX_LINE:
            line = line[:MAX_LINE]
            notes.append(
                f"(That was a very long line; I read only its first {MAX_LINE} characters.)"
            )
        commands = split_commands(line, self.game.lexicon.lines)
        if not commands:
            text = "\n".join([*notes, "I beg your pardon?"])
            steps = [Step(raw.strip()[:MAX_LINE], text, understood=False)]
        else:
            steps = []
            for command in commands:
                step = self.one(command)
                steps.append(step)
                if step.quit:
                    break
            if notes:
                steps[0].text = "\n".join(notes) + "\n" + steps[0].text
        for step in steps:
            self._transcribe(step)
        if steps[-1].quit:
            self.close()
        return steps

    def one(self, command: str) -> Step:
        ws = words(command)
        if self.asking is not None:
            asked, self.asking = self.asking, None
            if len(ws) == 1 and ws[0] in YES | NO:
                return getattr(self, f"_{asked}_answered")(command, ws[0] in YES)
            # not an answer: the question lapses and this is a command of its own
        meta = meta_command(ws)
        if meta is not None:
            rest = after_first_word(command) if meta in NAMED else ""
            return getattr(self, f"_{meta}")(command, rest)
        return self.play(command)

    def close(self) -> None:
        """Stop writing the transcript, if one is being written."""
        if self.transcript is not None:
            self.transcript.close()
            self.transcript = None

    def _transcribe(self, step: Step) -> None:
        if self.transcript is None:
            return
        try:
            self.transcript.record(step.command, step.text)
        except TranscriptError as exc:
            self.transcript = None
            step.text += f"\n\n[{exc}]"

    def play(self, command: str) -> Step:
        """A world command: logged, undoable, replayable (unless it changed nothing)."""
        before = self.game.state.copy()
        try:
            reply = self.game.command(command)
        except OutOfTime as exc:  # not a bug: the command is refused, as if by a rule
            self.game.set_state(before)
            self.game.take_output()
            self._tip = self.game.state
            return Step(command, str(exc))
        except Exception as exc:  # a bug must never cost the player the game
            self.game.set_state(before)
            self.game.take_output()
            self._tip = self.game.state
            if self.strict:
                raise
            return Step(
                command,
                f"[Kage ran into an internal error and took that command "
                f"back: {type(exc).__name__}: {exc}. Please report it.]",
                understood=False,
            )
        played = reply.played or command  # what to replay: "x sword", not "oops sword"
        self.last = played
        now = self.game.state
        if now == before:  # nothing happened: no turn to log or take back
            return Step(command, reply.text, reply.understood, failure=reply.failure)
        # refused, and nothing changed but the turn count: undo passes over it to the
        # last command that acted (a refusal whose rules changed the world is a step)
        acted = reply.acted or not self._only_counted(before)
        if self._tip is not now:  # the state was swapped from outside: undo starts here
            self.history.clear()
        self.history.append((diff(before, now), len(self.log), acted))
        if len(self.history) > UNDO_DEPTH:
            del self.history[0]
        self._tip = now
        self.log.append(sys.intern(played))  # one "look" for a long game's many
        if len(self.log) % SNAPSHOT_EVERY == 0:
            self._packed.append((len(self.log), pack(now.dumps())))
            keep_bounded(self._packed, SESSION_SNAPSHOTS)
        return Step(command, reply.text, reply.understood, failure=reply.failure)

    # -- meta commands --------------------------------------------------------------
    def _again(self, command: str, rest: str) -> Step:
        if self.last is None:
            return Step(command, AGAIN_NOTHING(self.game))
        step = self.play(self.last)
        step.command = command
        return step

    def _only_counted(self, before: State) -> bool:
        """Whether the state differs from `before` in nothing but its turn count and the
        parser's memory (what "it" means)."""
        now = self.game.state
        probe = before.copy()
        probe.turn, probe.pronouns, probe.question = now.turn, now.pronouns, now.question
        return probe == now

    def _undo(self, command: str, rest: str) -> Step:
        if self._tip is not self.game.state:  # swapped from outside: no steps lead here
            self.history.clear()
        if not self.history:
            return Step(command, UNDO_NOTHING(self.game))
        state = self.game.state.copy()
        while len(self.history) > 1 and not self.history[-1][2]:
            revert(state, self.history.pop()[0])  # a refusal: only the turn it counted
        delta, length, _ = self.history.pop()
        revert(state, delta)
        undone = self.log[length] if length < len(self.log) else ""
        self.game.set_state(state)
        self._tip = state
        del self.log[length:]
        self._packed = [s for s in self._packed if s[0] <= length]
        place = self.world.entities[query.here(self.game)].name
        return Step(command, f"[Undone: {undone}] {place[:1].upper()}{place[1:]}.")

    def _restart(self, command: str, rest: str) -> Step:
        self.asking = "restart"
        return Step(command, RESTART_ASK(self.game))

    def _restart_answered(self, command: str, yes: bool) -> Step:
        if not yes:
            return Step(command, RESTART_KEPT(self.game))
        done = RESTART_DONE(self.game)  # said by the game being left, in its words
        self._begin()
        return Step(command, done + "\n\n" + self.opening())

    def _quit(self, command: str, rest: str) -> Step:
        self.asking = "quit"
        return Step(command, QUIT_ASK(self.game))

    def _quit_answered(self, command: str, yes: bool) -> Step:
        if not yes:
            return Step(command, QUIT_KEPT(self.game))
        return Step(command, QUIT_DONE(self.game), quit=True)

    # -- preferences ----------------------------------------------------------------
    def _prefer(self, command: str, mode: str) -> Step:
        self.settings.verbosity = mode
        said = {"verbose": VERBOSE, "brief": BRIEF, "superbrief": SUPERBRIEF}[mode]
        return Step(command, said(self.game, title=self.world.title or "The story"))

    def _verbose(self, command: str, rest: str) -> Step:
        return self._prefer(command, "verbose")

    def _brief(self, command: str, rest: str) -> Step:
        return self._prefer(command, "brief")

    def _superbrief(self, command: str, rest: str) -> Step:
        return self._prefer(command, "superbrief")

    def _notify_on(self, command: str, rest: str) -> Step:
        self.settings.notify = True
        return Step(command, NOTIFY_ON(self.game))

    def _notify_off(self, command: str, rest: str) -> Step:
        self.settings.notify = False
        return Step(command, NOTIFY_OFF(self.game))

    # -- transcript and verify ------------------------------------------------------
    def _transcript_on(self, command: str, rest: str) -> Step:
        if self.transcript is not None:
            return Step(command, TRANSCRIPT_ALREADY(self.game, path=self.transcript.path))
        heading = (
            f"{self.world.title}: a transcript of play (world {self.world.id}, "
            f"seed {self.seed}, kage {__version__})"
        )
        try:
            self.transcript = Transcript.start(self.transcripts_dir, self.world.id, heading)
        except TranscriptError as exc:
            return Step(command, TRANSCRIPT_FAILED(self.game, reason=exc))
        return Step(command, TRANSCRIPT_ON(self.game, path=self.transcript.path))

    def _transcript_off(self, command: str, rest: str) -> Step:
        transcript = self.transcript
        if transcript is None:
            return Step(command, TRANSCRIPT_NONE(self.game))
        step = Step(command, TRANSCRIPT_OFF(self.game, path=transcript.path))
        self._transcribe(step)  # its last entry: once it is closed, step() records nothing
        self.close()
        return step

    def _verify(self, command: str, rest: str) -> Step:
        from kage.worlds import source_hash

        folder = self.world.runtime.get("folder")
        if folder is None:
            return Step(command, VERIFY_UNKNOWN(self.game))
        try:
            now = source_hash(folder)
        except (ContentError, OSError) as exc:
            return Step(command, VERIFY_UNREADABLE(self.game, reason=exc))
        then = self.world.source_hash
        if now == then:
            return Step(command, VERIFY_INTACT(self.game, hash=now))
        return Step(command, VERIFY_CHANGED(self.game, now=now, then=then))

    def _save(self, command: str, rest: str) -> Step:
        try:
            name = save_name(rest)
            self.store.path_for(name)  # refuses a name no file can hold, before any work
        except SaveError as exc:
            return Step(command, f"Not saved: {exc}")
        try:
            path = self.store.write(self.save_data(name))
        except SaveError as exc:
            return Step(command, f"Saving failed: {exc}")
        return Step(command, f"Saved as {name!r} in {self.world.id} ({path}).")

    def save_data(self, name: str) -> SaveData:
        """The game as a save called ``name``: seed, command log, snapshots (with one of
        this moment) and preferences. Any store can keep it (files, or a server's rows)."""
        here = self.world.entities[query.here(self.game)].name
        clock = self.game.when  # in the story's own calendar
        return SaveData(
            name=name,
            world_id=self.world.id,
            world_hash=self.world.source_hash,
            engine_version=__version__,
            seed=self.seed,
            commands=list(self.log),
            snapshots=[*self.snapshots, (len(self.log), self.game.state.dumps())]
            if self._packed[-1][0] != len(self.log)
            else self.snapshots,
            created="",
            turn=len(self.log),
            summary=f"{here}, {clock}, turn {self.game.state.turn}",
            settings=self.settings.to_json(),
        )

    def _saves(self, command: str, rest: str) -> Step:
        """Every world's saves, this world's first, each with its place, in-game time
        and the real time it was written."""
        try:
            found = list_all(self.saves_dir)
        except SaveError as exc:
            return Step(command, str(exc))
        if not found:
            return Step(command, "There are no saves yet.")
        found.sort(key=lambda info: info.world_id != self.world.id)  # stable: keeps order
        lines: list[str] = []
        world: object = object()
        for info in found:
            if info.world_id != world:
                world = info.world_id
                here = " (this world)" if world == self.world.id else ""
                lines.append(f"{world or 'unreadable'}{here}:")
            if info.ok:
                written = (info.created or "").replace("T", " ").replace("+00:00", " UTC")
                lines.append(f"  {info.name!r}: {info.summary}; saved {written}")
            else:
                lines.append(f"  {info.path.name}: damaged ({info.error})")
        return Step(command, "Saves:\n" + "\n".join(lines))

    def _restore(self, command: str, rest: str) -> Step:
        if not rest.strip():
            return self._which_save(command)
        try:
            name = save_name(rest)
            data = self._find(name)
            built = self.restore(data)
        except (SaveError, RestoreError) as exc:
            return Step(command, f"Not restored: {exc}")
        return Step(command, f"[Restored {name!r}.{built.note}]\n\n{built.look}")

    def _which_save(self, command: str) -> Step:
        """RESTORE with no name: this world's saves, newest first, and how to pick one."""
        try:
            found = [info for info in list_all(self.saves_dir) if info.world_id == self.world.id]
        except SaveError as exc:
            return Step(command, str(exc))
        if not found:
            return Step(command, RESTORE_NONE(self.game))
        found.sort(key=lambda info: (info.created or "", _written(info.path)), reverse=True)
        lines = [
            f"  {info.name!r}: {info.summary}" if info.ok else f"  {info.name!r}: damaged"
            for info in found
        ]
        return Step(command, "\n".join([RESTORE_WHICH(self.game), *lines]))

    def _find(self, name: str) -> SaveData:
        """This world's save called ``name``; else a loose one from before world folders;
        else a SaveError that says which other worlds have one."""
        if self.store.path_for(name).exists():
            return self.store.read(name)
        loose = loose_store(self.saves_dir)
        if loose.path_for(name).exists():
            return loose.read(name)
        others = worlds_having(self.saves_dir, name, self.world.id)
        elsewhere = ""
        if others:
            elsewhere = f"; {', '.join(others)} {'has' if len(others) == 1 else 'have'} one"
        raise SaveError(f"This world ({self.world.id}) has no save named {name!r}{elsewhere}.")

    def restore(self, data: SaveData) -> Rebuilt:
        """Make the game the one saved in ``data`` and say how it was rebuilt. The game
        is built aside and swapped in only when complete, so on any failure
        (RestoreError) the current game is untouched."""
        built = rebuild(self.world, data, strict=self.strict)
        self.seed = data.seed
        self.game = built.game
        if data.settings:  # a save from before settings were saved keeps the current ones
            self.settings = Settings.from_json(data.settings)
        self.game.settings = self.settings
        self.log = built.log
        self.snapshots = built.snapshots
        keep_bounded(self._packed, SESSION_SNAPSHOTS)
        self.history.clear()
        self._tip = self.game.state
        self.last = None
        return built


def _written(path: Path) -> int:
    """When a save file was last written, to the nanosecond (0 if it cannot be read)."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def meta_command(ws: list[str]) -> str | None:
    """The session command the words make, or None: save and restore begin the command
    (the rest is a name); every other is the whole command, so "long sword" or "notify
    the guard" are left to the world."""
    if not ws:
        return None
    if META.get(ws[0]) in NAMED:
        return META[ws[0]]
    return META.get(" ".join(ws))


def after_first_word(command: str) -> str:
    """The text after a command's first word, as typed: 'save The Gate' -> 'The Gate',
    'load,mine' -> 'mine', 'save "x"' -> '"x"'."""
    word = re.match(r"\s*[^\W\d_]*", command)
    rest = command[word.end() :] if word else command
    return rest.strip().lstrip(",:").strip()


def save_name(argument: str) -> str:
    """The save name in a save or restore command's argument.

    A name in double quotes is taken literally (the closing quote may be left off at
    the end); otherwise the name is the whole argument. No argument means "save".
    """
    if not argument:
        return "save"
    if not argument.startswith('"'):
        return argument
    inside, _, after = argument[1:].partition('"')
    if after.strip():
        raise SaveError(
            f"There is more after the quoted name ({after.strip()!r}); put the whole "
            "name inside the quotes."
        )
    if not inside.strip():
        raise SaveError("A save name cannot be empty.")
    return inside
