"""Restraints and captives: chains cut, gangsters tied, a plan whispered, a signal given.

Prisoners in chains have prop `chained`; a bound person has the status "bound". People
told the plan wait (status "waiting") until the signal, then go to their `rally` place
(or to the player) and, if they `fights_back`, stand with the player from then on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.pipeline import Action, Rulebooks
from kage.systems import stats
from kage.systems.stealth import hostiles
from kage.world import ops, query

if TYPE_CHECKING:
    from kage.game import Game


def carried_with(game: Game, prop: str) -> str | None:
    return next(
        (i for i in query.carried(game, game.world.player) if query.prop(game, i, prop)), None
    )


def watched(game: Game) -> bool:
    """Would the standing hostiles here see what the player does? (No dice: a plan made
    under the guards' noses only works if they cannot see the player at all.)"""
    player = game.world.player
    if stats.has_status(game, player, "invisible"):
        return False
    return any(
        not query.prop(game, h, "slacking") and not stats.has_status(game, h, "surrendered")
        for h in hostiles(game, query.here(game))
    )


def _here(game: Game, action: Action) -> str | None:
    if action.noun is None:
        return "Who?"
    ent = game.world.entities[action.noun]
    if ent.kind != "person" or query.place_of(game, action.noun) != query.here(game):
        return (
            f"{ent.the().capitalize()} is not here."
            if ent.kind == "person"
            else ("That is not a person.")
        )
    return None


def install(rules: Rulebooks) -> None:
    @rules.rule("check", "free", "tie_up", "untie", "whisper")
    def someone_here(game: Game, action: Action) -> str | None:
        return _here(game, action)

    @rules.rule("check", "free", order=60)
    def chains_and_a_blade(game: Game, action: Action) -> str | None:
        assert action.noun is not None
        if not query.prop(game, action.noun, "chained"):
            return "There are no chains on them to cut."
        if carried_with(game, "blade") is None:
            return "You need something with an edge to cut chain."
        if watched(game):
            return "Not with the guards watching you. Deal with them first, or don't be seen."
        return None

    @rules.rule("carry_out", "free")
    def cutting(game: Game, action: Action) -> None:
        assert action.noun is not None
        ops.set_prop(game, action.noun, "chained", False)
        ops.set_flag(game, f"freed.{action.noun}", True)
        game.emit("restraints.freed", who=action.noun)
        action.minutes = 5

    @rules.rule("report", "free")
    def report_cut(game: Game, action: Action) -> str:
        assert action.noun is not None
        name = game.world.entities[action.noun].the()
        if stats.has_status(game, action.noun, "waiting"):
            return (
                f"You push chakra into a kunai and cut {name}'s chains link by link, as "
                "quietly as you can. They hold the cut ends in place and keep working, "
                "as if nothing had changed."
            )
        return f"You push chakra into a kunai and cut {name}'s chains. They fall away."

    @rules.rule("check", "tie_up", order=60)
    def tie_who(game: Game, action: Action) -> str | None:
        assert action.noun is not None
        if stats.has_status(game, action.noun, "bound"):
            return "Already trussed up."
        if not (
            stats.has_status(game, action.noun, "unconscious")
            or stats.has_status(game, action.noun, "surrendered")
        ):
            return "He is not going to hold still for that. Knock him out first."
        if carried_with(game, "rope") is None:
            return "You have nothing to tie him up with."
        return None

    @rules.rule("carry_out", "tie_up")
    def tying(game: Game, action: Action) -> None:
        assert action.noun is not None
        stats.add_status(game, action.noun, "bound")
        game.emit("restraints.bound", who=action.noun)
        action.minutes = 3

    @rules.rule("report", "tie_up")
    def report_tie(game: Game, action: Action) -> str:
        assert action.noun is not None
        return f"You truss up {game.world.entities[action.noun].the()} hand and foot."

    @rules.rule("check", "untie", order=60)
    def tied(game: Game, action: Action) -> str | None:
        assert action.noun is not None
        if not (
            query.prop(game, action.noun, "tied") or stats.has_status(game, action.noun, "bound")
        ):
            return "They are not tied up."
        if query.prop(game, action.noun, "wary") and stats.stat(game, action.noun, "trust") < 50:
            return "He shrinks away from your hands, expecting a blow. He does not trust you."
        return None

    @rules.rule("carry_out", "untie")
    def untying(game: Game, action: Action) -> None:
        assert action.noun is not None
        ops.set_prop(game, action.noun, "tied", False)
        stats.remove_status(game, action.noun, "bound")
        ops.set_flag(game, f"untied.{action.noun}", True)
        game.emit("restraints.untied", who=action.noun)
        action.minutes = 2

    @rules.rule("report", "untie")
    def report_untie(game: Game, action: Action) -> str:
        assert action.noun is not None
        return f"You work the knots loose and free {game.world.entities[action.noun].the()}."

    @rules.rule("check", "whisper", order=60)
    def unseen_whisper(game: Game, action: Action) -> str | None:
        if watched(game):
            return "You can't whisper a plan under the guards' noses. They would see you."
        return None

    @rules.rule("carry_out", "whisper")
    def whispering(game: Game, action: Action) -> None:
        assert action.noun is not None
        stats.add_status(game, action.noun, "waiting")
        ops.set_flag(game, f"plan.{action.noun}", True)
        action.minutes = 2

    @rules.rule("report", "whisper")
    def report_whisper(game: Game, action: Action) -> str:
        return (
            "\"Don't look round,\" you whisper. \"I'm here to get you out. I'll cut your "
            "chains, but don't move until I give the signal.\" Heads stay down. Somebody "
            "nods, very slightly, and then they all do."
        )

    @rules.rule("check", "signal")
    def someone_waiting(game: Game, action: Action) -> str | None:
        if not _waiting(game):
            return "Nobody is waiting for your signal."
        return None

    @rules.rule("carry_out", "signal")
    def signalling(game: Game, action: Action) -> None:
        moved = []
        for person in _waiting(game):
            stats.remove_status(game, person, "waiting")
            to = query.prop(game, person, "rally") or query.here(game)
            if not query.prop(game, person, "chained"):
                ops.move(game, person, str(to))
                moved.append(person)
        action.data["moved"] = moved
        action.minutes = 1
        game.emit("restraints.signal", who=moved)

    @rules.rule("report", "signal")
    def report_signal(game: Game, action: Action) -> str:
        if not action.data["moved"]:
            return "You give the signal, but nobody is free to answer it."
        return (
            "You give the signal. Behind the guards, picks drop and chains that are no "
            "longer chains slither to the floor, and the freed men close in at their "
            "backs."
        )


def _waiting(game: Game) -> list[str]:
    return [
        e.id
        for e in game.world.entities.values()
        if e.kind == "person" and stats.has_status(game, e.id, "waiting")
    ]
