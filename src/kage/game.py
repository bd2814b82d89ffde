"""A game: one world definition, one state, the rulebooks, and the turn loop.

The world definition is shared and read-only; everything that changes is in `state`, so a
web server can run hundreds of games side by side and an agent can copy and restore a
state at will. Output is collected per command and handed back, never printed here.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kage.actions import ways
from kage.actions.pipeline import MOVED, Action, Outcome, Rulebooks, perform, run_activity
from kage.core.engine import Engine
from kage.core.prose import capital
from kage.core.settings import Settings
from kage.parser import mentions, scenery
from kage.world import calendar, hearing, query, rng
from kage.world.clock import stamp
from kage.world.events import Event, EventLog
from kage.world.model import Variant, World
from kage.world.state import State

OOPS = ("oops", "o")
if TYPE_CHECKING:
    from kage.parser.parser import Parsed

# the event log holds the events of the last EVENT_TURNS turns, and at most EVENT_MOST
# of those: the rules read only the turn being played's (kage.world.events.EventLog)
EVENT_TURNS = 20
EVENT_MOST = 200
_TEMPLATE = re.compile(r"\{\{([a-z_.]+)(?::([^}]*))?\}\}")


@dataclass(slots=True)
class Reply:
    text: str
    understood: bool = True
    acted: bool = False  # some action was carried out
    # why the command got no real answer: the name of the parser's reply or of a vague
    # response ("parser.unknown_word", "interacting.nothing"); "" when it did
    failure: str = ""
    played: str = ""  # the command played, when not the one typed ("oops sword")


class Game:
    def __init__(self, world: World, seed: int = 0, state: State | None = None) -> None:
        from kage import runtime  # late: runtime imports every action and system

        self.world = world
        self.seed = seed
        self.engine: Engine = runtime.engine(world)
        self.rules: Rulebooks = runtime.rulebooks(world)
        self.lexicon = runtime.lexicon(world)
        self.log = EventLog()  # the recent events, see EVENT_TURNS
        self._out: list[str] = []
        self._notices: list[str] = []
        self._index: dict[str, list[str]] | None = None
        self._rank: dict[str, int] = {}  # entity -> its position in state.holder
        self._next_rank = 0
        # counts the changes to props (every write goes through kage.world.ops, which
        # calls `touched`): a cache of what only props decide keeps the revision it was
        # made at and is still good while it has not moved. (Contents lists are replaced
        # whenever they change, so a cache can keep the list it read instead.)
        self.props_revision = 0
        # counts every change to where things are or to their props, and every new
        # state: never set back (unlike props_revision, which trials rewind), so a cache
        # of what only those decide is good while it and the state's dicts are the same
        self.changes = 0
        # derived objects systems keep between turns (rebuildable from the state, never
        # saved): e.g. the living world's arrays, kept while the state holds their record
        self.kept: dict[str, Any] = {}
        self.acting: list[Action] = []  # the actions being performed, innermost last
        self.vague: list[str] = []  # the vague responses said during this command
        # above 0 while only asked whether an action would be allowed (pipeline.applies):
        # responses that say something whatever their slots are then left unfilled
        self.dry = 0
        # the last command that failed on an unknown word, and that word, for OOPS
        self.oops: tuple[str, str] | None = None
        self.settings = Settings()  # the player's preferences; a session shares its own
        if state is None:
            self.state = runtime.initial_state(world, seed)
            self._opening = runtime.open_story(self)
            hearing.hear(self, self._opening)
        else:
            self.state = state
            self._opening = ""

    # -- output ---------------------------------------------------------------------
    def say(self, text: str) -> None:
        """Add a paragraph to the turn's output. Every paragraph opens with a capital,
        however it was built (kage.core.prose.capital is the one place that does it)."""
        if text:
            self._out.append(capital(text))

    def mark(self) -> int:
        """Where the output stands now, to take back what is said after it."""
        return len(self._out)

    def said_since(self, mark: int) -> str:
        """Take back what was said since `mark`, as one text: a rule whose effects speak
        hands their words on as its own, in the order they were said."""
        said = [t.strip() for t in self._out[mark:] if t and t.strip()]
        del self._out[mark:]
        return "\n\n".join(said)

    def notice(self, text: str) -> None:
        """A bracketed aside shown after the turn's prose, e.g. a score change."""
        self._notices.append(capital(text))

    def take_output(self, notices: bool = True) -> str:
        """The turn's output so far; with `notices` False the asides wait (a command on
        several things tells its score changes once, after the whole list)."""
        parts = self._out + (self._notices if notices else [])
        text = "\n\n".join(t.strip() for t in parts if t and t.strip())
        self._out.clear()
        if notices:
            self._notices.clear()
        hearing.hear(self, text)  # a place the player reads of is a place he can go to
        return text

    def opening(self) -> str:
        return self._opening

    def render(self, text: str, action: Action | None = None, **slots: Any) -> str:
        """Fill a text's placeholders through the text layer (kage.core.prose): names,
        articles, verbs that agree, capitals, and the {{provider:argument}} slots. The
        action's nouns are the current action's unless one is given."""
        if "{" not in text:
            return text
        from kage.core.responses import fill

        if action is None and self.acting:
            action = self.acting[-1]
        return fill(self, text, action, **slots)

    def providers(self, text: str) -> str:
        """Fill {{provider:argument}} slots with what the systems know now."""
        if "{{" not in text:
            return text
        providers = self.engine.providers

        def fill(match: re.Match[str]) -> str:
            provider = providers.get(match.group(1))
            return provider(self, match.group(2) or "") if provider else match.group(0)

        return _TEMPLATE.sub(fill, text)

    def pick(self, variants: list[Variant]) -> str:
        """The first variant whose condition holds, rendered (a `once` variant already
        said is passed over)."""
        from kage.world.conditions import holds

        for variant in variants:
            if variant.once and variant.once in self.state.fired:
                continue
            if holds(self, variant.when):
                return self.render(variant.text)
        return ""

    def say_variant(self, variants: list[Variant]) -> str:
        """As `pick`, for text that is being said now: a `once` variant is remembered."""
        from kage.world.conditions import said_now

        variant = said_now(self, variants)
        return self.render(variant.text) if variant else ""

    # -- events, randomness, indexes ------------------------------------------------
    def emit(self, kind: str, **data: Any) -> None:
        self.log.append(Event(self.state.turn, self.state.minutes, kind, data))

    def random(self) -> float:
        self.state.rng, value = rng.next_state(self.state.rng)
        return value / 2**64

    def contents_index(self) -> dict[str, list[str]]:
        """Holder -> what it holds, each list in the order of `state.holder` (the order
        things are listed and taken in). Built once, then kept up to date by `relocated`."""
        if self._index is None:
            index: dict[str, list[str]] = {}
            for entity, holder in self.state.holder.items():
                index.setdefault(holder, []).append(entity)
            self._index = index
            self._rank = {entity: n for n, entity in enumerate(self.state.holder)}
            self._next_rank = len(self._rank)
        return self._index

    def contents_changed(self) -> None:
        self._index = None
        self.changes += 1

    def relocated(self, entity: str, old: str | None, new: str | None) -> None:
        """`entity` has just left `old` for `new` in `state.holder` (None: it had no holder,
        or has none now). A key keeps its place in a dict when its value changes and goes
        last when it is added anew, so the index follows that order without a rebuild."""
        self.changes += 1
        index = self._index
        if index is None:
            return
        rank = self._rank
        # lists are replaced, never edited: a caller may be walking one while it moves things
        if old is not None:
            index[old] = [e for e in index[old] if e != entity]
        if new is None:
            rank.pop(entity, None)
            return
        if old is None:
            rank[entity] = self._next_rank
            self._next_rank += 1
        here = list(index.get(new, ()))
        bisect.insort(here, entity, key=rank.__getitem__)
        index[new] = here

    def touched(self) -> None:
        """Some entity's props changed (see `props_revision`)."""
        self.props_revision += 1
        self.changes += 1

    def set_state(self, state: State) -> None:
        self.state = state
        self.contents_changed()
        self.kept.clear()  # whatever was kept or owed belonged to the old state

    @property
    def clock(self) -> str:
        return stamp(self.world.start_time, self.state.minutes)

    @property
    def when(self) -> str:
        """The time in the story's own calendar: 'dusk, 18:05, day 3'."""
        return calendar.when(self.world, self.state.minutes)

    @property
    def score(self) -> int:
        return sum(self.world.milestones[m].points for m in self.state.milestones)

    # -- the turn -------------------------------------------------------------------
    def act(self, action: Action) -> Outcome:
        """Run one action through the pipeline, then let the world take its turn."""
        from kage.runtime import after_refusal, after_turn

        first_event = len(self.log)
        self.acting.append(action)
        try:
            outcome = perform(self, action)
            for line in outcome.text:
                self.say(line)
            if outcome.done:
                after_turn(self, action, first_event)
            elif len(self.log) > first_event and not self.state.done:
                after_refusal(self)
        finally:
            self.acting.pop()
        return outcome

    def _oops(self, line: str) -> str | None:
        """'oops sword' (or 'o sword') after "I don't know the word 'swrod'": the failed
        command again with the word put right; None when there is nothing to put right."""
        from kage.parser.text import words

        ws = words(line)
        if not ws or ws[0] not in OOPS or ws[0] in self.lexicon.lines:
            return line
        if self.oops is None or len(ws) < 2:
            return None
        command, word = self.oops
        fixed = " ".join(ws[1:])
        return re.sub(rf"(?i)(?<!\w){re.escape(word)}(?!\w)", lambda _: fixed, command)

    def player_moved(self, origin: str) -> None:
        """The player is in another place than `origin`, by whatever way (going, an
        effect, a scene): the "moved" activity runs, so followers, pickpockets and edicts
        see every arrival. Its action names the cause, the action being performed."""
        cause = self.acting[-1] if self.acting else None
        ways.leave_trail(self, origin, cause)  # for "go back" and "keep going"
        moving = Action(
            MOVED, self.world.player, query.here(self), data={"from": origin, "cause": cause}
        )
        run_activity(self, MOVED, moving)

    def command(self, line: str) -> Reply:
        """One command (already split from its line) -> the reply the player reads."""
        from kage.actions.information import ending
        from kage.parser.parser import parse

        self.vague.clear()
        self.log.trim(self.state.turn, EVENT_TURNS, EVENT_MOST)
        fixed = self._oops(line)
        if fixed is None:
            from kage.parser.replies import NOTHING_TO_CORRECT

            self.say(NOTHING_TO_CORRECT(self))
            return Reply(self.take_output(), True, False)
        line = fixed
        was_done = self.state.done
        before = dict(self.state.pronouns)
        scenery.command_begins(self)  # what its reply says is heard if it takes a turn
        result = parse(self, line)
        self.oops = (line, result.unknown) if result.unknown else None
        reply = self._play(result)
        reply.played = line
        pronouns = self.state.pronouns
        named = {w for w in ("him", "her", "them") if pronouns.get(w) != before.get(w)}
        mentions.note(self, reply.text, named)  # "follow him" after "There: the boy"
        if self.state.done and not was_done:
            reply.text = "\n\n".join(t for t in (reply.text, ending(self)) if t)
        return reply

    def _play(self, result: Parsed) -> Reply:
        """Say what the parse found, or carry out its actions."""
        from kage.actions.information import AFTER_THE_END, FREE

        if self.state.done and not (result.actions and result.actions[0].name in FREE):
            self._out.clear()
            self.say(AFTER_THE_END(self))
            return Reply(self.take_output(), result.understood, False)
        if result.note:
            self.say(result.note)
        if result.error:
            self.say(result.error)
            return Reply(self.take_output(), result.understood, False, result.failure)
        acted = False
        free = all(a.name in FREE for a in result.actions)
        if not free:
            self.state.turn += 1  # one command, one turn, however many things it moves
        several = len(result.actions) > 1
        pieces = []
        for action in result.actions:
            outcome = self.act(action)
            acted = acted or outcome.done
            if several:
                pieces.append(self.take_output(notices=False))
            if self.state.done:
                break
        failure = self.vague[0] if self.vague else ""
        if several:
            # the same answer for each thing in turn is said once ("You have nothing to
            # tie him up with."), and score changes come after the list, not inside it
            said = [p for i, p in enumerate(pieces) if p and (i == 0 or p != pieces[i - 1])]
            text = "\n".join(said)
            asides = self.take_output()
            return Reply("\n\n".join(t for t in (text, asides) if t), True, acted, failure)
        return Reply(self.take_output(), True, acted, failure)
