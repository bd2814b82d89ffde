"""Captives: cut chains (free), tie up, untie, whisper the plan, give the signal.

What these read and write is described in `kage.ext.captivity.restraints`. Whether a wary
prisoner lets you untie him is trust, and `kage.ext.captivity.escort` adds that check.
What the player reads are named responses (`freeing.*`, `tying_up.*`, `untying.*`,
`whispering.*`, `signalling.*`), so a world words them its own way: the defaults name no
place, and Banished's mine says "link by link" and "the rock".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.checks import not_person
from kage.actions.pipeline import Action, rule
from kage.core import prose
from kage.core.responses import response
from kage.ext.body import stats
from kage.ext.captivity import restraints
from kage.ext.combat import combat
from kage.world import query

if TYPE_CHECKING:
    from kage.game import Game


ABOUT = restraints.person_placeholders(
    "noun"
)  # what `restraints.person_slots(game, "noun", ...)` adds
WATCHED = response(
    "captives.watched",
    "Not while you are being watched. {The watcher} would see. Deal with them, or don't be seen.",
    *restraints.person_placeholders("watcher"),
)
WHOSE_CHAINS = response("freeing.whose", "Whose chains do you want to cut?")
NO_CHAINS_HERE = response("freeing.no_chains_here", "There are no chains here to cut.")
NO_CHAINS_ON = response("freeing.no_chains_on", "There are no chains on {the noun} to cut.")
NO_EDGE = response("freeing.no_edge", "You need something with an edge to cut chain.")
CUT_IN_SECRET = response(
    "freeing.cut_in_secret",
    "As quietly as you can, you cut through the chains of {the noun} with {blade}. The cut "
    "ends are held in place, so that nobody looking would see a change.",
    "blade",
)
CUT = response(
    "freeing.cut",
    "You set {blade} to the chains of {the noun} and cut. The links part and fall away.",
    "blade",
)
ALREADY_TIED = response("tying_up.already", "{The noun} {is} already tied up.", *ABOUT)
WONT_HOLD_STILL = response(
    "tying_up.wont_hold_still",
    "{The noun} {is} not going to hold still for that. Knock {him} out first, or make {him} "
    "give up.",
    *ABOUT,
)
NOTHING_TO_TIE_WITH = response(
    "tying_up.nothing_to_tie_with", "You have nothing to tie {him} up with.", *ABOUT
)
TIED_WITH_CHAIN = response(
    "tying_up.with_chain",
    "You wrap a length of the cut chain round {the noun}'s wrists and ankles and knot it tight.",
)
# the rope is not used up, so the text says what is true of it: a length is cut from it
TIED = response(
    "tying_up.done", "You cut a length from {rope} and truss up {the noun} hand and foot.", "rope"
)
CHAINED_NOT_TIED = response(
    "untying.chained", "Rope is not the problem; chains are. You would have to cut them."
)
NOT_TIED = response("untying.not_tied", "{The noun} {is} not tied up.", *ABOUT)
UNTIED = response("untying.done", "You pick the knots loose and free {the noun}.")
NOBODY_TO_TELL = response("whispering.nobody", "There is nobody here to let in on a plan.")
TELLING_THE_ENEMY = response(
    "whispering.enemy", "You would be telling the plan to exactly the wrong people."
)
CANNOT_HEAR = response("whispering.cannot_hear", "{The noun} cannot hear you.")
ALREADY_WAITING = response(
    "whispering.already_waiting", "{The noun} {is} already waiting for your signal.", *ABOUT
)
WHISPER_WATCHED = response(
    "whispering.watched", "You can't whisper a plan with watchers so close. They would see you."
)
WHISPERED = response(
    "whispering.done",
    "\"Don't look round,\" you breathe. \"I've come to get you out. Don't move, don't say "
    'anything, and when I give the signal, come." For a moment nothing happens. Then, very '
    "slightly, a head nods, and another.",
)
NOBODY_WAITING = response("signalling.nobody_waiting", "Nobody is waiting for your signal.")
NOBODY_FREE = response(
    "signalling.nobody_free", "You give the signal, but nobody is free to answer it."
)
SIGNALLED_HERE = response(
    "signalling.here",
    "You give the signal, and {risen} {closes} in behind you.",
    "risen",
)
SIGNALLED_AWAY = response(
    "signalling.away",
    "You give the signal, and {risen} {is} on {risen|his} feet and running.",
    "risen",
)
# the hostiles where the captives rose see them run, and go after them (restraints.chase)
CHASED_AWAY = response(
    "signalling.chased",
    "{The chasers} {shouts}, {grabs} for {chasers|his} weapons and {goes} after them.",
    "chasers",
)
CHASED_HERE = response(
    "signalling.chased_here",
    "{The chasers} {comes} pounding after them, weapons out, and {stops} short at the "
    "sight of you.",
    "chasers",
)
SOME_HELD = response(
    "signalling.some_held", "Some of them cannot follow: they are still held fast."
)


def _the(game: Game, who: str) -> str:
    return prose.the(game, who)


def _present(game: Game, action: Action, doing: str) -> str | None:
    return not_person(
        game,
        action.noun,
        doing,
        yourself="You can't do that to yourself.",
        dead="{The who} {is} beyond anything you can do now.",
    )


def _spotted(game: Game) -> str | None:
    seen = restraints.spotted(game)
    if not seen:
        return None
    return WATCHED(game, **restraints.person_slots(game, "watcher", seen[0]))


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
            return WHOSE_CHAINS(game, action)
        return NO_CHAINS_HERE(game, action)
    return _present(game, action, "free")


@rule("check", "free", order=55)
def chains_to_cut(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    if query.prop(game, action.noun, "chained"):
        return None
    return NO_CHAINS_ON(game, action)


@rule("check", "free", order=56)
def something_sharp(game: Game, action: Action) -> str | None:
    if restraints.carried_with(game, "blade") is None:
        return NO_EDGE(game, action)
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
    # a blade may name the edge it lends ("a knife" from a knife belt)
    edge = query.prop(game, action.data["blade"], "blade")
    blade = edge if isinstance(edge, str) else _the(game, action.data["blade"])
    said = CUT_IN_SECRET if stats.has_status(game, who, "waiting") else CUT
    return said(game, action, blade=blade)


# -- tie up ------------------------------------------------------------------------
@rule("check", "tie_up")
def someone_to_tie(game: Game, action: Action) -> str | None:
    return _present(game, action, "tie up")


@rule("check", "tie_up", order=55)
def holding_still(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    who = action.noun
    slots = restraints.person_slots(game, "noun", who)
    if stats.has_status(game, who, "bound") or query.prop(game, who, "tied"):
        return ALREADY_TIED(game, action, **slots)
    if not (
        stats.has_status(game, who, "unconscious") or stats.has_status(game, who, "surrendered")
    ):
        return WONT_HOLD_STILL(game, action, **slots)
    if restraints.binding(game) is None:
        return NOTHING_TO_TIE_WITH(game, action, **slots)
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
    if using == restraints.CHAINS:
        return TIED_WITH_CHAIN(game, action)
    return TIED(game, action, rope=_the(game, using))


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
        return CHAINED_NOT_TIED(game, action)
    return NOT_TIED(game, action, **restraints.person_slots(game, "noun", action.noun))


@rule("carry_out", "untie")
def untying(game: Game, action: Action) -> None:
    assert action.noun is not None
    restraints.untie(game, action.noun)
    action.minutes = 2


@rule("report", "untie")
def report_untie(game: Game, action: Action) -> str:
    assert action.noun is not None
    return UNTIED(game, action)


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
        return NOBODY_TO_TELL(game, action)
    return _present(game, action, "whisper to")


@rule("check", "whisper", order=55)
def on_your_side(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    if combat.hostile(game, action.noun):
        return TELLING_THE_ENEMY(game, action)
    if combat.out(game, action.noun) and not stats.has_status(game, action.noun, "bound"):
        return CANNOT_HEAR(game, action)
    if stats.has_status(game, action.noun, "waiting"):
        return ALREADY_WAITING(game, action, **restraints.person_slots(game, "noun", action.noun))
    return None


@rule("check", "whisper", order=57)
def unseen_whisper(game: Game, action: Action) -> str | None:
    if restraints.spotted(game):
        return WHISPER_WATCHED(game, action)
    return None


@rule("carry_out", "whisper")
def whispering(game: Game, action: Action) -> None:
    assert action.noun is not None
    for who in action.data.get("all", [action.noun]):
        restraints.tell_plan(game, who)
    action.minutes = 2


@rule("report", "whisper")
def report_whisper(game: Game, action: Action) -> str:
    return WHISPERED(game, action)


# -- signal ----------------------------------------------------------------------------
@rule("check", "signal")
def someone_waiting(game: Game, action: Action) -> str | None:
    if not restraints.waiting(game):
        return NOBODY_WAITING(game, action)
    return None


@rule("carry_out", "signal")
def signalling(game: Game, action: Action) -> None:
    origins = {who: query.place_of(game, who) or "" for who in restraints.waiting(game)}
    action.data["risen"], action.data["held"] = restraints.give_signal(game)
    rose = {who: origins[who] for who in action.data["risen"] if origins.get(who)}
    action.data["chased"] = restraints.chase(game, rose)
    action.minutes = 1


@rule("report", "signal")
def report_signal(game: Game, action: Action) -> str:
    risen = action.data["risen"]
    if not risen:
        return NOBODY_FREE(game, action)
    here = query.here(game)
    near = all(query.place_of(game, r) == here for r in risen)
    text = (SIGNALLED_HERE if near else SIGNALLED_AWAY)(
        game, action, risen=prose.group(game, risen)
    )
    if action.data["held"]:
        text += " " + SOME_HELD(game, action)
    for to, chasers in action.data.get("chased", {}).items():
        them = prose.group(game, chasers)
        said = CHASED_HERE if to == here else CHASED_AWAY
        text += "\n\n" + said(game, action, chasers=them)
    return text
