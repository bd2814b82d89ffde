"""Captives: cut chains (free), tie up, untie, whisper the plan, give the signal.

What these read and write is described in `kage.systems.restraints`. Whether a wary
prisoner lets you untie him is trust, and `kage.systems.escort` adds that check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.checks import not_person
from kage.actions.pipeline import Action, rule
from kage.ext.body import stats
from kage.ext.captivity import restraints
from kage.ext.combat import combat
from kage.world import query

if TYPE_CHECKING:
    from kage.game import Game


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _the(game: Game, who: str) -> str:
    return game.world.entities[who].the()


def _is(game: Game, who: str) -> str:
    return "are" if combat.pronouns(game, who)[0] == "they" else "is"


def _present(game: Game, action: Action, doing: str) -> str | None:
    return not_person(
        game,
        action.noun,
        doing,
        yourself="You can't do that to yourself.",
        dead="{name} {verb} beyond anything you can do now.",
    )


def _spotted(game: Game) -> str | None:
    seen = restraints.spotted(game)
    if not seen:
        return None
    who = _cap(_the(game, seen[0]))
    return f"Not with the guards watching you. {who} would see. Deal with them, or don't be seen."


# -- free: cut chains ---------------------------------------------------------------
@rule("before", "free", order=10)
def whose_chains(game: Game, action: Action) -> None:
    """With nobody named ("cut chains"): the one chained person here."""
    if action.noun is None:
        chained = [
            c for c in restraints.captives(game, query.here(game)) if query.prop(game, c, "chained")
        ]
        if len(chained) == 1:
            action.noun = chained[0]


@rule("before", "free", order=11)
def cut_the_ropes(game: Game, action: Action) -> None:
    """Freeing someone tied up (not chained) is untying him, with untie's checks (a
    wary prisoner's trust among them); the action is renamed, nothing changes yet."""
    who = action.noun
    if who is None or query.prop(game, who, "chained"):
        return
    if query.prop(game, who, "tied") or stats.has_status(game, who, "bound"):
        action.name = "untie"


@rule("check", "free")
def someone_to_free(game: Game, action: Action) -> str | None:
    if action.noun is None:
        here = query.here(game)
        if any(query.prop(game, c, "chained") for c in restraints.captives(game, here)):
            return "Whose chains do you want to cut?"
        return "There are no chains here to cut."
    return _present(game, action, "free")


@rule("check", "free", order=55)
def chains_to_cut(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    if query.prop(game, action.noun, "chained"):
        return None
    return f"There are no chains on {_the(game, action.noun)} to cut."


@rule("check", "free", order=56)
def something_sharp(game: Game, action: Action) -> str | None:
    if restraints.carried_with(game, "blade") is None:
        return "You need something with an edge to cut chain."
    return None


@rule("check", "free", order=57)
def unseen_cutting(game: Game, action: Action) -> str | None:
    return _spotted(game)


@rule("carry_out", "free")
def cutting(game: Game, action: Action) -> None:
    assert action.noun is not None
    action.data["blade"] = restraints.carried_with(game, "blade")
    restraints.cut_free(game, action.noun)
    action.minutes = 5


@rule("report", "free")
def report_cut(game: Game, action: Action) -> str:
    assert action.noun is not None
    who = action.noun
    # a blade may name the edge it lends ("a kunai" from a kunai pouch)
    edge = query.prop(game, action.data["blade"], "blade")
    blade = edge if isinstance(edge, str) else _the(game, action.data["blade"])
    name = _the(game, who)
    if stats.has_status(game, who, "waiting"):
        return (
            f"Link by link, as quietly as you can, you cut through the chains of {name} "
            f"with {blade}. The cut ends are held in place, and the work goes on as "
            "if nothing had changed."
        )
    return f"You set {blade} to the chains of {name} and cut. The links part and fall away."


# -- tie up ------------------------------------------------------------------------
@rule("check", "tie_up")
def someone_to_tie(game: Game, action: Action) -> str | None:
    return _present(game, action, "tie up")


@rule("check", "tie_up", order=55)
def holding_still(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    who = action.noun
    name = _cap(_the(game, who))
    he, him, _ = combat.pronouns(game, who)
    if stats.has_status(game, who, "bound") or query.prop(game, who, "tied"):
        return f"{name} {_is(game, who)} already tied up."
    if not (
        stats.has_status(game, who, "unconscious") or stats.has_status(game, who, "surrendered")
    ):
        return (
            f"{name} {_is(game, who)} not going to hold still for that. Knock {him} out "
            "first, or make them give up."
        )
    if restraints.binding(game) is None:
        return f"You have nothing to tie {him} up with."
    return None


@rule("carry_out", "tie_up")
def tying(game: Game, action: Action) -> None:
    assert action.noun is not None
    using = restraints.binding(game) or restraints.CHAINS
    action.data["using"] = using
    restraints.tie(game, action.noun, using)
    action.minutes = 3


@rule("report", "tie_up")
def report_tie(game: Game, action: Action) -> str:
    assert action.noun is not None
    using = action.data["using"]
    name = _the(game, action.noun)
    if using == restraints.CHAINS:
        return (
            f"You wrap a length of the cut chain round {name}'s wrists and ankles and "
            "knot it tight."
        )
    return f"You truss up {name} hand and foot with {_the(game, using)}."


# -- untie --------------------------------------------------------------------------
@rule("check", "untie")
def someone_to_untie(game: Game, action: Action) -> str | None:
    return _present(game, action, "untie")


@rule("check", "untie", order=55)
def tied_up(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    if query.prop(game, action.noun, "tied") or stats.has_status(game, action.noun, "bound"):
        return None
    if query.prop(game, action.noun, "chained"):
        return "Rope is not the problem; chains are. You would have to cut them."
    return f"{_cap(_the(game, action.noun))} {_is(game, action.noun)} not tied up."


@rule("carry_out", "untie")
def untying(game: Game, action: Action) -> None:
    assert action.noun is not None
    restraints.untie(game, action.noun)
    action.minutes = 2


@rule("report", "untie")
def report_untie(game: Game, action: Action) -> str:
    assert action.noun is not None
    return f"You pick the knots loose and free {_the(game, action.noun)}."


# -- whisper the plan -----------------------------------------------------------------
@rule("before", "whisper", order=10)
def whisper_to_whom(game: Game, action: Action) -> None:
    if action.noun is None:
        found = restraints.captives(game, query.here(game))
        if found:
            action.noun = found[0]
            action.data["all"] = found


@rule("check", "whisper")
def someone_to_tell(game: Game, action: Action) -> str | None:
    if action.noun is None:
        return "There is nobody here to let in on a plan."
    return _present(game, action, "whisper to")


@rule("check", "whisper", order=55)
def on_your_side(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    name = _cap(_the(game, action.noun))
    if combat.hostile(game, action.noun):
        return "You would be telling the plan to exactly the wrong people."
    if combat.out(game, action.noun) and not stats.has_status(game, action.noun, "bound"):
        return f"{name} cannot hear you."
    if stats.has_status(game, action.noun, "waiting"):
        return f"{name} {_is(game, action.noun)} already waiting for your signal."
    return None


@rule("check", "whisper", order=57)
def unseen_whisper(game: Game, action: Action) -> str | None:
    if restraints.spotted(game):
        return "You can't whisper a plan under the guards' noses. They would see you."
    return None


@rule("carry_out", "whisper")
def whispering(game: Game, action: Action) -> None:
    assert action.noun is not None
    for who in action.data.get("all", [action.noun]):
        restraints.tell_plan(game, who)
    action.minutes = 2


@rule("report", "whisper")
def report_whisper(game: Game, action: Action) -> str:
    return (
        "\"Don't look round,\" you breathe. \"I've come to get you out. Don't move, don't "
        'say anything, and when I give the signal, come." For a moment nothing happens. '
        "Then, very slightly, a head nods, and another."
    )


# -- signal ----------------------------------------------------------------------------
@rule("check", "signal")
def someone_waiting(game: Game, action: Action) -> str | None:
    if not restraints.waiting(game):
        return "Nobody is waiting for your signal."
    return None


@rule("carry_out", "signal")
def signalling(game: Game, action: Action) -> None:
    action.data["risen"], action.data["held"] = restraints.give_signal(game)
    action.minutes = 1


@rule("report", "signal")
def report_signal(game: Game, action: Action) -> str:
    risen = action.data["risen"]
    if not risen:
        return "You give the signal, but nobody is free to answer it."
    here = query.here(game)
    names = " and ".join(_the(game, r) for r in risen)
    come = (
        "close in behind you"
        if all(query.place_of(game, r) == here for r in risen)
        else "are on their feet and running"
    )
    text = (
        f"You give the signal. Tools drop; chains that are no longer chains slither to "
        f"the rock, and {names} {come}."
    )
    if action.data["held"]:
        text += " Some of them cannot follow: they are still held fast."
    return text
