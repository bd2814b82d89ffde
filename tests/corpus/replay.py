"""Replaying paraphrases of walkthrough steps, and judging whether each does the same as
its step.

A paraphrase file (tests/data/paraphrases/WORLD.yaml) names a world and a walkthrough and
lists, for some of the walkthrough's lines, the plain step and ways a person might type
it instead. For each paraphrase the walkthrough is played up to (not including) that
line, then the plain step is typed into one copy of the game and the paraphrase into
another, and the two results are compared.

Playing the walkthrough once per paraphrase would be slow, so it is played once, keeping
a copy of the state before every line; a paraphrase restores its line's copy into a
session and types into that. The state is the whole truth of a game (kage.world.state:
saves and undo rely on it), so this is the same as replaying the lines before it.

What "does the same" means. The two resulting states are compared in a canonical form,
the state's JSON without what legitimately differs between two ways of asking for the
same thing:

- ``pronouns``: what "it", "him", "her" and "them" refer to next. "hug him" and "hug
  Iruka" do the same thing to the world but leave the parser remembering different words.
- ``question``: a pending "Which do you mean?"; it is the parser's, not the world's. (A
  paraphrase that ends in a question has not done the step, and its state shows that.)
- ``turn``: the count of commands typed, not anything in the world; and so the turn each
  milestone was reached (``milestones`` is compared by its keys). "take off the cloak and
  hang it up" would be two commands where the walkthrough has one.
- ``trail``: the player's last moves, for "go back" and "keep going"; "leave the office"
  and "down" take the same stairs but remember it as different directions.

Everything else (where everything is, money, props, flags, moods, bonds, milestones,
events fired and scheduled, places visited, records, the clock and the random state) must
match. The random state is kept: an action that rolls a die and one that does not are
different actions.

Some steps leave no trace in the state but the time they take: asking about a topic,
examining, looking, a command refused. Two of them are told apart only by their replies:
"x cloak" for "x hook", or Tsunade asked about the vote instead of the council's reasons,
take the same minutes and leave the same state. So for a step whose state differs from
the state before, or from LOOK typed at the same point, only in the clock, the random
state and the events of time passing (``minutes``, ``rng``, ``seq``, ``schedule``,
``fired``), a paraphrase must give the same reply as well as the same state. (LOOK is the
second reference because it lets the world take its off-screen turn, which a first
command of the day can make large, as in Tide Bell.) For every other step the reply may
differ: "confront Silas with the chit" and "show the chit to Silas" end the same way in
different words, and a parser that adds "(first taking off the cloak)" is still right.

A reply compared is taken without the parser's own notes of a word it corrected ("(I
took 'yoek' to mean 'yoke'.)") or of a noun it supplied ("(the bowl of ramen)"): a note
says how the words were read, not what the step did, and a misspelt paraphrase read
rightly has done the step.

The transcript, the undo history and the session's command log are not compared: they
are records of what was typed.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from kage import worlds
from kage.parser import replies, scenery
from kage.session import Session, Step
from kage.world.state import State

ROOT = Path(__file__).resolve().parent.parent
WALKTHROUGHS = ROOT / "walkthroughs"
PARAPHRASES = ROOT / "data" / "paraphrases"

IGNORED = ("pronouns", "question", "turn", "version", "trail")

# failure classes, most telling first (a reply is put in the first that fits)
CRASH = "internal error"
UNKNOWN_WORD = "unknown word"
NOT_UNDERSTOOD = "not understood"
ASKED = "asked which"
NOTHING = "did nothing"
ELSE = "did something else"
CLASSES = (CRASH, UNKNOWN_WORD, NOT_UNDERSTOOD, ASKED, NOTHING, ELSE)

_UNKNOWN_WORD_TEXTS = ("I don't know the word", "That's not a verb I recognise")


@dataclass(frozen=True, slots=True)
class Paraphrase:
    world: str
    line: int  # 1-based line number in the walkthrough
    step: str  # the walkthrough's command on that line
    text: str  # what a person might type instead


@dataclass(frozen=True, slots=True)
class Result:
    """What typing one line did: the replies, whether every command was understood, and
    the state after it in canonical form."""

    text: str
    understood: bool
    state: str


@dataclass(frozen=True, slots=True)
class Verdict:
    paraphrase: Paraphrase
    same: bool
    reason: str  # "" when the same, else one of CLASSES
    reply: str  # the paraphrase's reply, for the report


def canonical(state: State) -> str:
    """The state as compared: see the module docstring for what is left out and why."""
    data: dict[str, Any] = {k: v for k, v in state.to_json().items() if k not in IGNORED}
    data["milestones"] = sorted(data["milestones"])
    return json.dumps(data, sort_keys=True, separators=(",", ":"))


def load(path: Path) -> tuple[str, str, list[Paraphrase]]:
    """(world id, walkthrough file name, paraphrases) from one paraphrase file. The
    plain step written beside each group must be the walkthrough's line, so a
    walkthrough edited under the file is caught here rather than judged wrongly."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    world, walk = data["world"], data["walkthrough"]
    lines = read_walkthrough(walk)
    found: list[Paraphrase] = []
    for group in data["steps"]:
        line, step = int(group["line"]), str(group["step"])
        if not 1 <= line <= len(lines) or lines[line - 1] != step:
            raise ValueError(f"{path.name}: line {line} of {walk} is not {step!r}")
        for text in group["paraphrases"]:
            found.append(Paraphrase(world, line, step, str(text)))
    return world, walk, found


def read_walkthrough(name: str) -> list[str]:
    """Every line of a walkthrough, blank ones included, so numbers are file lines."""
    return (WALKTHROUGHS / name).read_text(encoding="utf-8").splitlines()


class Replay:
    """One world's walkthrough, played once, with the state before each line kept."""

    def __init__(self, world_id: str, walkthrough: str, seed: int = 0) -> None:
        self.world = worlds.load(world_id)
        self._saves = tempfile.TemporaryDirectory(prefix="kage-paraphrase-")
        # not strict: an internal error is reported as a failure class, not raised
        self.session = Session(self.world, seed=seed, saves=Path(self._saves.name), strict=False)
        self.session.opening()
        self.lines = read_walkthrough(walkthrough)
        self.before: dict[int, State] = {}
        self.after_walkthrough: dict[int, str] = {}  # canonical state after each line
        for number, line in enumerate(self.lines, 1):
            self.before[number] = self.session.game.state.copy()
            if line.strip():
                self.session.step(line)
            self.after_walkthrough[number] = canonical(self.session.game.state)
        self._plain: dict[int, Result] = {}
        self._looked: dict[int, str] = {}

    def close(self) -> None:
        self._saves.cleanup()

    def type(self, line: int, text: str) -> Result:
        """Type `text` at the point just before walkthrough line `line`."""
        self._restore(line)
        steps = self.session.step(text)
        return Result(
            "\n".join(s.text for s in steps),
            all(s.understood for s in steps),
            canonical(self.session.game.state),
        )

    def steps(self, line: int, text: str) -> list[Step]:
        """The session's steps for `text` typed just before walkthrough line `line`."""
        self._restore(line)
        return self.session.step(text)

    def _restore(self, line: int) -> None:
        session, game = self.session, self.session.game
        game.set_state(self.before[line].copy())
        game.take_output()
        game.log.clear()  # events: rules read only the ones of the turn being played
        session.history.clear()
        session.log.clear()
        session.last = None
        session.asking = None
        scenery.forget(game)  # what was last said belongs to the moment left

    def plain(self, line: int) -> Result:
        """The walkthrough's own step typed at its line (kept: it is asked for often)."""
        if line not in self._plain:
            self._plain[line] = self.type(line, self.lines[line - 1])
        return self._plain[line]

    def looked(self, line: int) -> str:
        """The state after LOOK typed at `line`: what only looking does there."""
        if line not in self._looked:
            self._looked[line] = self.type(line, "look").state
        return self._looked[line]

    def judge(self, paraphrase: Paraphrase) -> Verdict:
        line = paraphrase.line
        plain = self.plain(line)
        got = self.type(line, paraphrase.text)
        quiet = (canonical(self.before[line]), self.looked(line))
        told_by_reply = any(only_time_apart(plain.state, q) for q in quiet)
        same_reply = without_notes(got.text) == without_notes(plain.text)
        if got.state == plain.state and (not told_by_reply or same_reply):
            return Verdict(paraphrase, True, "", got.text)
        return Verdict(paraphrase, False, classify(got, quiet), got.text)


def classify(got: Result, quiet: tuple[str, ...]) -> str:
    """Why a paraphrase did not do what its step does, from its reply and its state.
    `quiet` are the states of doing nothing at that point: the one before, and the one
    after LOOK. A command that changed nothing but the clock did nothing."""
    if "[Kage ran into an internal error" in got.text:
        return CRASH
    if any(t in got.text for t in _UNKNOWN_WORD_TEXTS):
        return UNKNOWN_WORD
    if not got.understood:
        return NOT_UNDERSTOOD
    if got.text.startswith("Which do you mean"):
        return ASKED
    if any(only_time_apart(got.state, q) for q in quiet):
        return NOTHING
    return ELSE


def _note_pattern(reply: replies.Response) -> re.Pattern[str]:
    parts = re.split(r"\{\w+\}", reply.default)
    return re.compile("^" + ".+?".join(re.escape(p) for p in parts) + r"\n?", re.M)


_NOTES = (_note_pattern(replies.CORRECTED), _note_pattern(replies.SUPPLIED))


def without_notes(text: str) -> str:
    """A reply without the parser's notes of how it read the words."""
    for pattern in _NOTES:
        text = pattern.sub("", text)
    return text.strip()


TIME = ("minutes", "rng", "seq", "schedule", "fired")  # what time passing changes


def only_time_apart(one: str, other: str) -> bool:
    """Whether two canonical states differ at most in what time passing changes."""
    a, b = json.loads(one), json.loads(other)
    return all(a[k] == b[k] for k in a if k not in TIME)


def judge_all(paths: Iterable[Path] | None = None) -> dict[str, list[Verdict]]:
    """Every paraphrase in the files (all of tests/data/paraphrases by default), judged,
    by world."""
    verdicts: dict[str, list[Verdict]] = {}
    for path in sorted(paths or PARAPHRASES.glob("*.yaml")):
        world, walk, paraphrases = load(path)
        replay = Replay(world, walk)
        try:
            verdicts[world] = [replay.judge(p) for p in paraphrases]
        finally:
            replay.close()
    return verdicts
