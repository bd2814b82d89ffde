"""Conditions asked again and again and seldom true (the story's triggers, its endings,
news waiting to be born): one found false is passed over until something that could make
it true has happened, so a turn asks only the few that something woke.

What wakes a condition is what the part of it that made it false reads
(`conditions.explained`): the kinds of event after which it may decide differently, plus
the clock (TIME) for a part that reads it. What has happened is read from the event log:
each watch remembers where in the log it last looked, and the kinds of the events since
then are what stirred. A watch that the log no longer reaches back to asks everything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.world.conditions import NEVER, TIME, Explained, Wake, explained, holds
from kage.world.events import PLAYER_MOVED

QUALIFIED_MOVED = "moved:"  # "moved:WHO", as kage.world.events.QUALIFIED stirs it

if TYPE_CHECKING:
    from kage.game import Game

# Ask every condition passed over anyway and fail if one holds (tests turn it on).
VERIFY_SKIPS = False

Quiet = tuple[frozenset[str], float]  # (the kinds of event that wake it, the minute that does)


class Watch:
    """One watch's memory: conditions found false, and where in the log it last looked.
    Kept in `game.kept` (derived, dropped with the state it was made from)."""

    __slots__ = ("quiet", "mark")

    def __init__(self) -> None:
        self.quiet: dict[str, Quiet] = {}
        self.mark = -1  # log position of its last look; -1: never looked


class Look:
    """One pass of a watch over its conditions (`look`), asking each with `holds`."""

    __slots__ = ("game", "watch", "quiet", "log", "stirred", "seen")

    def __init__(self, game: Game, watch: Watch) -> None:
        self.game = game
        self.watch = watch
        self.quiet = watch.quiet
        self.log = log = game.log
        # what has happened since the last look (None: the log has lost some of it); the
        # next look starts here, so what this pass's own effects emit stirs it as well
        stirred = log.kinds_since(watch.mark) if watch.mark >= 0 else None
        self.stirred = _about_the_player(game, stirred)
        watch.mark = self.seen = len(log)

    def holds(self, key: str, cond: dict[str, Any] | None) -> bool:
        """Whether `cond` (known by `key` in this watch) holds now."""
        game = self.game
        entry = self.quiet.get(key)
        if entry is not None:  # the common case, inline: most are passed over
            if len(self.log) != self.seen:
                self._catch_up()
            stirred = self.stirred
            if (
                stirred is not None
                and game.state.minutes < entry[1]
                and stirred.isdisjoint(entry[0])
            ):
                if VERIFY_SKIPS and holds(game, cond):
                    raise AssertionError(f"'{key}' was passed over but holds")
                return False
        truth, wake = why(game, cond)(game)
        if truth or wake is None:
            if entry is not None:
                del self.quiet[key]
        else:
            self.quiet[key] = wake
        return truth

    def unchanged(self, key: str) -> bool:
        """Whether what `key` was last settled with (`settle`) is known to stand: nothing it
        reads has happened since. For work other than a condition that a watch can spare."""
        self._catch_up()
        entry = self.quiet.get(key)
        return entry is not None and self._still(entry)

    def settle(self, key: str, reads: frozenset[str] | None) -> None:
        """`key`'s answer stands until one of `reads` happens (None: nobody can say)."""
        if reads is None:
            self.forget(key)
        elif TIME in reads:
            self.quiet[key] = (reads - {TIME}, self.game.state.minutes + 1)
        else:
            self.quiet[key] = (reads, NEVER)

    def keep(self, key: str, wake: Wake) -> None:
        """`key`'s answer stands until `wake` (None: nobody can say)."""
        if wake is None:
            self.forget(key)
        else:
            self.quiet[key] = wake

    def forget(self, key: str) -> None:
        self.quiet.pop(key, None)

    def _catch_up(self) -> None:
        """What this pass's earlier answers (their effects) emitted stirs it too."""
        end = len(self.log)
        if end != self.seen and self.stirred is not None:
            self.stirred |= self.log.kinds_since(self.seen) or set()
            _about_the_player(self.game, self.stirred)
        self.seen = end

    def _still(self, entry: Quiet) -> bool:
        stirred = self.stirred
        return (
            stirred is not None
            and self.game.state.minutes < entry[1]
            and stirred.isdisjoint(entry[0])
        )


def _about_the_player(game: Game, stirred: set[str] | None) -> set[str] | None:
    """Add PLAYER_MOVED to what stirred if the player moved, or something he is in: his
    place may be another now. (Whatever held him when it moved and holds him no longer,
    he left by a move of his own, which counts too.)"""
    if stirred is None or "moved" not in stirred or PLAYER_MOVED in stirred:
        return stirred
    holder = game.state.holder
    who: str | None = game.world.player
    for _ in range(64):  # a holder chain is short; never loop on a broken one
        if who is None:
            break
        if QUALIFIED_MOVED + who in stirred:
            stirred.add(PLAYER_MOVED)
            break
        who = holder.get(who)
    return stirred


def look(game: Game, name: str) -> Look:
    """Begin a pass of the watch `name` (made on first use)."""
    watch = game.kept.get(name)
    if watch is None:
        watch = game.kept[name] = Watch()
    return Look(game, watch)


def why(game: Game, cond: dict[str, Any] | None) -> Explained:
    """`conditions.explained` for `cond`, built once per condition and engine."""
    cache = game.engine.explained_conditions
    found = cache.get(id(cond))
    if found is None or found[0] is not cond:
        found = (cond, explained(game.engine.conditions, cond))
        cache[id(cond)] = found
    return found[1]
