"""Stateful property tests: random play from checkpoints in every act of every bundled
world, checked after every turn.

A Hypothesis state machine starts a game at a checkpoint (a prefix of the world's
walkthrough, replayed once per process and seed), then plays any mix of commands shaped
by the parser's own grammar and filled with what is in scope, meta commands (save and
restore under odd names in a real saves folder, undo, again, restart) and random text.
After every step: no internal error (KAGE_STRICT is on, so one raises here), every line
answered, and every invariant of `tests/invariants.py`. Undo must give back the digest
the game had before the command; a save restored, here and in a new session, must give
back the digest, log and seed it was saved with; and a twin game that never saved or
restored (rebuilt by replay after each restore) must answer every later command with the
same text and reach the same digest.

Profiles (env KAGE_HYPOTHESIS): ci (the default; a short run in the suite), long (a
script's run: benchmarks/props.py), plant (for benchmarks/plants.py: fixed examples).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)
from tests.helpers import WALKTHROUGHS
from tests.invariants import COUNTS, check_state, check_turn

from kage import runtime, worlds
from kage.parser.grammar import DIRECTIONS, Line
from kage.parser.nouns import ALL_WORDS, EXCEPT_WORDS, PRONOUN_WORDS
from kage.parser.text import clean, split_commands, words
from kage.session import UNDO_DEPTH, Session, Step, after_first_word, meta_command
from kage.world import numbers, query
from kage.world.clock import _UNITS
from kage.world.model import World
from kage.world.state import State

# -- profiles --------------------------------------------------------------------------
_COMMON = {
    "deadline": None,
    "suppress_health_check": list(HealthCheck),
    "phases": [Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
}
PROFILES = {
    "ci": settings(max_examples=30, stateful_step_count=25, database=None, **_COMMON),
    "long": settings(max_examples=1500, stateful_step_count=60, **_COMMON),
    "plant": settings(
        max_examples=120, stateful_step_count=40, database=None, derandomize=True, **_COMMON
    ),
}
PROFILE = os.environ.get("KAGE_HYPOTHESIS") or "ci"
if PROFILE not in PROFILES:
    raise ValueError(f"KAGE_HYPOTHESIS={PROFILE!r}: use one of {', '.join(PROFILES)}")
SEEDS = (0, 1, 2, 3)
CHECKPOINTS = 18  # per walkthrough, spread evenly from the opening to the end


# -- worlds and checkpoints ------------------------------------------------------------
WORLDS = worlds.bundled()  # kage's own listing: a new bundled world is covered at once


def walkthrough_of(world_id: str) -> list[str]:
    """The world's walkthrough (tests/walkthroughs/<world>.txt; Banished's is full.txt);
    none means play starts at the opening only."""
    path = WALKTHROUGHS / ("full.txt" if world_id == "banished" else f"{world_id}.txt")
    if not path.exists():
        return []
    return [line for line in path.read_text().splitlines() if line.strip()]


@cache
def world(world_id: str) -> World:
    return worlds.load(world_id)


@dataclass(frozen=True)
class Checkpoint:
    """A game partway through its walkthrough, as a session would hold it."""

    world: str
    seed: int
    log: tuple[str, ...]
    state: State
    snapshots: tuple[tuple[int, str], ...]
    last: str | None


@cache
def checkpoints(world_id: str, seed: int) -> tuple[Checkpoint, ...]:
    """Replay the walkthrough once and keep the game at evenly spread points of it."""
    lines = walkthrough_of(world_id)
    cuts = {round(i * len(lines) / CHECKPOINTS) for i in range(CHECKPOINTS + 1)}
    folder = Path(tempfile.mkdtemp(prefix="kage-checkpoints-"))
    try:
        session = Session(world(world_id), seed=seed, saves=folder)
        session.opening()
        found = []
        for index in range(len(lines) + 1):
            if index in cuts:
                found.append(
                    Checkpoint(
                        world_id,
                        seed,
                        tuple(session.log),
                        session.game.state.copy(),
                        tuple(session.snapshots),
                        session.last,
                    )
                )
            if index < len(lines):
                session.step(lines[index])
        return tuple(found)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def resume(session: Session, point: Checkpoint) -> None:
    """Put `session` where the checkpoint stands, with no undo history."""
    session.game.set_state(point.state.copy())
    session.log = list(point.log)
    session.snapshots = list(point.snapshots)
    session.history.clear()
    session.last = point.last


def replayed(session: Session, log: list[str]) -> None:
    """Put `session` where `log` leads, by replaying it from the nearest checkpoint (a
    game that never saved or restored), with no undo history and nothing to do again."""
    points = checkpoints(session.world.id, session.seed)
    point = max((p for p in points if tuple(log[: len(p.log)]) == p.log), key=lambda p: len(p.log))
    resume(session, point)
    for command in log[len(point.log) :]:
        session.play(command)
    session.history.clear()
    session.last = None


# -- a session that remembers what undo must give back ----------------------------------
class Watched(Session):
    """A real Session that notes, before each world command that changes the game, the
    digest and log undo must bring back, and checks them on every undo."""

    def _begin(self) -> None:
        super()._begin()
        self.marks: list[tuple[str, list[str]]] = []

    def play(self, command: str):  # type: ignore[no-untyped-def]
        mark = (self.game.state.digest(), list(self.log))
        step = super().play(command)
        if len(self.log) > len(mark[1]):  # logged: a step that undo takes back
            self.marks.append(mark)
            del self.marks[:-UNDO_DEPTH]
        return step

    def _undo(self, command: str, rest: str):  # type: ignore[no-untyped-def]
        # undo passes over the refusals that changed nothing but the turn: so do the marks
        skipped = 0
        while len(self.history) - skipped > 1 and not self.history[-1 - skipped][2]:
            skipped += 1
        del self.marks[len(self.marks) - skipped :]
        expected = self.marks.pop() if self.history else None
        step = super()._undo(command, rest)
        if expected is None:
            assert "nothing to undo" in step.text, step.text
        else:
            digest, log = expected
            assert self.game.state.digest() == digest, f"undo gave another state: {step.text}"
            assert self.log == log, f"undo left the log at {self.log[-3:]}, not {log[-3:]}"
        COUNTS["invariant checks"] += 1
        return step

    def restore(self, data):  # type: ignore[no-untyped-def]
        built = super().restore(data)
        self.marks.clear()
        return built


# -- what to type ----------------------------------------------------------------------
@cache
def grammar(world_id: str) -> tuple[tuple[Line, ...], tuple[Line, ...]]:
    """The lines of the world's grammar: (the world's own verbs, the engine's), so the
    world's mechanics (trade, theft, combat ...) are tried as often as the everyday ones."""
    lines = {ln for bucket in runtime.lexicon(world(world_id)).lines.values() for ln in bucket}
    own = {p for patterns in world(world_id).verbs.values() for p in patterns}
    ordered = sorted(lines, key=lambda ln: (ln.action, ln.pattern))
    return (
        tuple(ln for ln in ordered if ln.pattern in own),
        tuple(ln for ln in ordered if ln.pattern not in own),
    )


NUMBER_WORDS = ["0", "-1", "-5", "1.5", "1e9", "99999999999999999999999"]
try:  # digits of other scripts crash the parser until its one number reader lands (issue 8)
    import kage.world.numbers  # noqa: F401

    NUMBER_WORDS += ["⓵", "٣", "１２"]
except ImportError:
    pass
ODD_WORDS = ["", "xyzzy", "nothing", "self", "me", "myself", "here", "and", "then", "of"]
TEXTS = st.text(max_size=30)
NAMES = st.one_of(
    st.sampled_from(
        ["save", "mine", "a b", "x.y", "../up", "a/b", "it's", "über straße", "名前", ". .", "🐸"]
    ),
    st.text(min_size=1, max_size=24),
)


def scope(session: Session) -> dict[str, list[str]]:
    """Words for each kind of slot, from what is around the player now (and a little of
    what is not: the parser must answer those too)."""
    game = session.game
    entities = game.world.entities
    lex = runtime.lexicon(game.world)
    seen = query.visible(game)
    people = [e for e in seen if entities[e].kind == "person"]
    everyone = [e.id for e in entities.values() if e.kind == "person"]
    places = [p for p in game.state.visited if p in entities]
    topics = sorted({w for p in people or everyone for t in entities[p].topics for w in t.words})

    def names(ids: list[str]) -> list[str]:
        found = []
        for entity in ids:
            name = lex.names[entity]
            found.append(entities[entity].name)
            if name.nouns:
                found.append(" ".join(sorted(name.adjectives)[:1] + sorted(name.nouns)[:1]))
        return found or ["nothing"]

    things = names(seen) + list(PRONOUN_WORDS) + sorted(ALL_WORDS)
    things += [f"all {sorted(EXCEPT_WORDS)[0]} {n}" for n in names(seen)[:3]]
    return {
        "thing": things,
        "things": things,
        "held": names(query.carried(game, game.world.player)) + list(PRONOUN_WORDS),
        "person": names(people) + names(everyone[:3]),
        "place": names(places),
        "direction": sorted(DIRECTIONS),
        "number": sorted(numbers.WORDS) + NUMBER_WORDS + [str(n) for n in range(1, 13)],
        "unit": sorted(_UNITS) + ["fortnights"],
        "topic": topics or ["weather"],
        "text": ["hello", "I'm lost", "[/]", '"quoted"'],
    }


def grammar_command(data: st.DataObject, session: Session) -> str:
    """A line of the world's grammar with its words and slots filled."""
    lines = [part for part in grammar(session.world.id) if part]
    line = data.draw(st.sampled_from(lines).flatmap(st.sampled_from), label="grammar line")
    fill = scope(session)
    out = []
    for token in line.tokens:
        if token.words is not None:
            out.append(data.draw(st.sampled_from(sorted(token.words))))
        elif data.draw(st.integers(0, 19)) == 0:  # now and then, something odd
            out.append(data.draw(st.one_of(st.sampled_from(ODD_WORDS), TEXTS)))
        else:
            out.append(data.draw(st.sampled_from(fill.get(token.slot) or ODD_WORDS)))
    return " ".join(w for w in out if w)


def kind_of(command: str) -> str | None:
    """The session's meta command a split command is, as Session.one decides."""
    return meta_command(words(command))


SAVED = re.compile(r"^Saved as .* \((/.*)\)\.$", re.DOTALL)


@dataclass(frozen=True)
class Saved:
    command: str  # how it was saved ("save ..."), so it can be restored the same way
    digest: str
    log: tuple[str, ...]
    seed: int


# -- the machine -----------------------------------------------------------------------
class Play(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="kage-props-"))
        self.old_saves = os.environ.get("KAGE_SAVES")
        os.environ["KAGE_SAVES"] = str(self.folder / "saves")  # sessions use the real files
        self.saved: dict[str, Saved] = {}  # save file -> what it must give back
        self.in_sync = True  # whether the twin stands where the session stands

    def teardown(self) -> None:
        if self.old_saves is None:
            os.environ.pop("KAGE_SAVES", None)
        else:
            os.environ["KAGE_SAVES"] = self.old_saves
        shutil.rmtree(self.folder, ignore_errors=True)

    @initialize(
        world_id=st.sampled_from(WORLDS), seed=st.sampled_from(SEEDS), where=st.integers(0, 99)
    )
    def start(self, world_id: str, seed: int, where: int) -> None:
        points = checkpoints(world_id, seed)
        point = points[where % len(points)]
        self.session = Watched(world(world_id), seed=seed)
        self.twin = Session(world(world_id), seed=seed, saves=self.folder / "twin")
        resume(self.session, point)
        resume(self.twin, point)
        COUNTS["games"] += 1
        check_state(self.session.game)

    # -- stepping, with every check --------------------------------------------------
    def step(self, line: str, twin: bool = True) -> list[Step]:
        """Type `line`; check the reply, the invariants and the twin."""
        session = self.session
        before, first = session.game.state.copy(), len(session.game.log)
        game = session.game
        steps = session.step(line)
        assert steps and all(s.text.strip() for s in steps), f"{line!r} got no answer"
        COUNTS["commands"] += len(steps)
        kinds = {kind_of(s.command) for s in steps}
        if kinds & {"undo", "restore", "restart"} or session.game is not game:
            check_state(session.game)
        else:
            check_turn(session.game, before, session.game.log[first:], len(steps))
        if not twin or kinds & {"save", "restore", "saves"}:
            self.in_sync = False
        elif self.in_sync:
            answers = self.twin.step(line)
            ours = [s.text for s in steps]
            assert [s.text for s in answers] == ours, f"the twin answered {line!r} otherwise"
            assert self.twin.game.state.digest() == session.game.state.digest(), line
            COUNTS["invariant checks"] += 1
        return steps

    def resync(self) -> None:
        """Rebuild the twin by replaying the session's log (a game that never left), and
        give it the session's undo history and last command, which replay cannot know."""
        session, twin = self.session, self.twin
        replayed(twin, session.log)
        assert twin.game.state.digest() == session.game.state.digest(), (
            "a replay of the log does not reach the restored state"
        )
        twin.history = [(state.copy(), length, did) for state, length, did in session.history]
        twin.last = session.last
        COUNTS["invariant checks"] += 1
        self.in_sync = True

    @invariant()
    def twin_follows(self) -> None:
        if hasattr(self, "session") and not self.in_sync:
            self.resync()

    # -- rules -----------------------------------------------------------------------
    @rule(data=st.data())
    def grammar_shaped(self, data: st.DataObject) -> None:
        self.step(grammar_command(data, self.session))

    @rule(data=st.data())
    def several_at_once(self, data: st.DataObject) -> None:
        glue = data.draw(st.sampled_from([". ", " then ", " and ", ", ", "; "]))
        parts = [grammar_command(data, self.session) for _ in range(data.draw(st.integers(2, 3)))]
        self.step(glue.join(parts))

    @rule(line=st.one_of(TEXTS, st.text(alphabet=st.characters(codec="utf-8"), max_size=80)))
    def random_text(self, line: str) -> None:
        self.step(line)

    @rule(word=st.sampled_from(["undo", "again", "g", "undo", "restart", "restart. y"]))
    def meta(self, word: str) -> None:
        self.step(word)

    @rule(data=st.data())
    def walkthrough_line(self, data: st.DataObject) -> None:
        """A line of the walkthrough, so random play also gets somewhere."""
        lines = walkthrough_of(self.session.world.id) or ["look"]
        self.step(data.draw(st.sampled_from(lines)))

    @rule(name=NAMES, quoted=st.booleans())
    def save_and_restore(self, name: str, quoted: bool) -> None:
        """Save under an odd name; restore it here and in a new session on the real
        files: each gives back the digest, log and seed saved."""
        command = self.save_command(name, quoted)
        if command is None:
            return
        digest, log = self.session.game.state.digest(), tuple(self.session.log)
        reply = self.step(command, twin=False)[0].text
        found = SAVED.match(reply)
        if found is None:
            assert reply.startswith("Not saved"), reply
            return
        record = Saved(command, digest, log, self.session.seed)
        self.saved[found.group(1)] = record
        self.check_restore(record)

    def save_command(self, name: str, quoted: bool) -> str | None:
        """`save "NAME"` or `save NAME`, whichever is one command as typed."""
        lines = runtime.lexicon(self.session.world).lines
        forms = [f'save "{name}"', f"save {name}"]
        for command in forms if quoted else forms[::-1]:
            if len(split_commands(clean(command), lines)) == 1:
                return command
        return None

    @precondition(lambda self: bool(getattr(self, "saved", None)))
    @rule(data=st.data())
    def restore_earlier(self, data: st.DataObject) -> None:
        record = self.saved[data.draw(st.sampled_from(sorted(self.saved)))]
        self.check_restore(record)

    @rule(name=st.text(min_size=1, max_size=12))
    def restore_unknown(self, name: str) -> None:
        """Restoring a name never saved changes nothing."""
        if '"' in name:
            return
        command = f'restore "never saved {name}"'
        digest = self.session.game.state.digest()
        reply = self.session.step(command)[0].text
        assert reply.startswith("Not restored"), reply
        assert self.session.game.state.digest() == digest
        if self.in_sync:  # a failed restore still ends a pending question: so in the twin
            assert self.twin.step(command)[0].text.startswith("Not restored")

    def check_restore(self, record: Saved) -> None:
        rest = record.command[len("save") :]
        (typed,) = split_commands(clean(record.command), self.session.game.lexicon.lines)
        named = after_first_word(typed).strip()  # as the session reads it
        command = "restore" + (rest if named else " save")  # alone, RESTORE lists
        self.step(command, twin=False)
        session = self.session
        assert session.game.state.digest() == record.digest, "restore gave another state"
        assert tuple(session.log) == record.log and session.seed == record.seed
        other = Session(session.world, seed=(record.seed + 1) % len(SEEDS))
        other.opening()
        reply = other.step(command)[0].text
        assert reply.startswith("[Restored"), reply
        assert other.game.state.digest() == record.digest, "restored elsewhere: another state"
        assert tuple(other.log) == record.log and other.seed == record.seed
        COUNTS["invariant checks"] += 2


Play.TestCase.settings = PROFILES[PROFILE]
TestPlay = Play.TestCase


# -- the full walkthrough, every turn checked ----------------------------------------------
@pytest.mark.parametrize("seed", SEEDS)
def test_full_walkthrough_keeps_every_invariant(seed: int, tmp_path: Path) -> None:
    """All four acts, for several seeds: the stolen wallet and its ryo go to the thief
    and back, nothing is made or lost on the way, and every invariant holds every turn."""
    session = Session(world("banished"), seed=seed, saves=tmp_path)
    session.opening()
    check_state(session.game)
    COUNTS["games"] += 1
    thefts = []
    for line in walkthrough_of("banished"):
        before, first = session.game.state.copy(), len(session.game.log)
        steps = session.step(line)
        COUNTS["commands"] += len(steps)
        events = session.game.log[first:]
        check_turn(session.game, before, events, len(steps))
        stolen = [e for e in events if e.kind == "theft.stolen"]
        thefts += [(e, before, session.game.state.copy()) for e in stolen]
    assert session.game.state.won, "the walkthrough no longer wins"
    assert len(thefts) == 1, "the wallet was not stolen: theft went unexercised"
    event, before, after = thefts[0]
    wallet, thief = event.data["target"], event.data["thief"]
    assert after.holder[wallet] == thief
    assert after.money.get(wallet, 0) == before.money.get(wallet, 0) > 0  # its ryo went with it
    assert after.money.get(thief, 0) == before.money.get(thief, 0)  # none from nowhere
