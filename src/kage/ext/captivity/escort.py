"""Trust and escort: reassuring someone who expects the worst, and helping them walk out.

Trust is a person's prop `trust` (0-100). A `wary` person (expects to be beaten, looks
for deceit) weighs each reassurance against what he can see: a voice from nowhere (the
player invisible), a weapon in the player's hand (a carried thing with `drawn: true`), or
blood on the player (flag `killed_someone`). Any of these and trust rises only a little
and he flinches; none, and he believes you. Two reassurances always get through (the
count is the prop `reassured`). At trust `TRUSTS` or more he lets you untie him and lead
him, and the flag `trusts.<id>` is set for the data.

Someone helped along has the status "following": on every step the player takes (a
carry-out rule on "go" at order 60, after the movement rule has moved the player and set
the minutes) they come too, and a second rule (order 70) stretches the step's minutes by
the slowest follower's `pace` (default 1; 3 for a starving man). "let go of X" ends it,
and so does "leave X" (the core grammar reads that as drop; a rule renames a drop aimed at
a follower to let_go).

Events: `escort.reassured` {who, trust, doubts}, `escort.began`, `escort.ended`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from kage.actions.checks import not_person
from kage.actions.pipeline import ACTIVITY, MOVED, Action, rule
from kage.core.responses import response
from kage.ext.body import stats
from kage.ext.captivity import restraints
from kage.ext.combat import combat
from kage.world import ops, query

if TYPE_CHECKING:
    from kage.game import Game

TRUSTS = 50  # trust at which a wary person lets you near
BELIEVED = 60  # trust a reassurance with nothing suspicious about it earns
DOUBTED = 15  # ... and one he finds a reason to doubt
CALMED = 30  # ... from someone who was never wary
THROUGH = 2  # this many reassurances always get through

ABOUT = restraints.person_placeholders("noun")  # filled by person_slots(game, "noun", ...)
DOUBT_TEXT = {  # what a wary person finds to doubt: {seen} in `reassuring.doubted`
    "invisible": response("reassuring.doubt_invisible", "a voice coming out of empty air"),
    "drawn": response("reassuring.doubt_drawn", "the naked blade in your hand"),
    "blood": response(
        "reassuring.doubt_blood",
        "something in your face, something {he} {has} seen on men who have killed",
        *ABOUT,
    ),
}
CANNOT_HEAR = response("reassuring.cannot_hear", "{The noun} cannot hear you.")
NO_MOOD = response("reassuring.hostile", "{The noun} {is} in no mood to be comforted by you.")
CALMED_DOWN = response(
    "reassuring.calmed",
    "You talk to {the noun} quietly for a while, and {he} {calms} a little.",
    *ABOUT,
)
ALREADY_TRUSTS = response(
    "reassuring.already_trusted",
    '{He} {nods}. "I kn-know," {he} {whispers}. "I believe you."',
    *ABOUT,
)
DOUBTED_TEXT = response(
    "reassuring.doubted",
    '"I\'m not here to hurt you," you say. {He} {flinches}, and searches for the lie in it, and '
    "finds {seen}. Whatever else {he} {finds}, it is not enough. Not yet.",
    *ABOUT,
    "seen",
)
BELIEVED_AT_LAST = response(
    "reassuring.believed_at_last",
    "You say it again, slower, and keep saying it: no tricks, nobody is going to hurt {him}, "
    "you are here to get {him} out. Something in {his} shoulders gives. Warily, as if it "
    "might still be a trick, {he} {believes} you.",
    *ABOUT,
)
BELIEVED_TEXT = response(
    "reassuring.believed",
    '"I\'m not here to hurt you, or to shout at you," you say, and crouch so your eyes are '
    'level with {his}. "I\'m here to get you out." {He} {searches} your face for the trick. '
    "There isn't one, and slowly {he} {sees} that.",
    *ABOUT,
)
DISTRUSTED = response(
    "escorting.distrusted",
    "{He} {shrinks} away from your hands, expecting a blow. {He} {does} not trust you.",
    *ABOUT,
)
WOULD_BITE = response("escorting.hostile", "{The noun} would sooner bite you.")
OUT_COLD = response("escorting.out_cold", "{The noun} {is} out cold.")
CHAINED = response("escorting.chained", "Cut {his} chains first.", *ABOUT)
TIED_UP = response("escorting.tied", "Untie {him} first.", *ABOUT)
WAITING = response(
    "escorting.waiting", "{He} {stays} where {he} {is}. {He} {is} waiting for your signal.", *ABOUT
)
ALREADY_WITH_YOU = response("escorting.already", "{He} {is} already with you.", *ABOUT)
ESCORTED_GROUP = response(
    "escorting.group", '"Come on," you say. "Stay close to me." They get up and come with you.'
)
ESCORTED_WEAK = response(
    "escorting.weak",
    'You get {his} arm over your shoulders and take {his} weight. "Come on," you say. '
    '"Let\'s get you out of here." {He} {manages} a shaky step, then another.',
    *ABOUT,
)
NOT_WITH_YOU = response("letting_go.not_with_you", "{The noun} {is} not with you.")
EASED_DOWN = response("letting_go.eased_down", "You ease {the noun} down to rest.")
LEFT_WAITING = response(
    "letting_go.done", "You tell {the noun} to wait here, and {he} {does}.", *ABOUT
)
ESCORTED = response(
    "escorting.done", '"Stay with me," you tell {him}, and {he} {falls} in at your side.', *ABOUT
)


# -- trust ----------------------------------------------------------------------------
def doubts(game: Game) -> list[str]:
    """What a wary person would take for deceit in the player now."""
    found = []
    if stats.has_status(game, game.world.player, "invisible"):
        found.append("invisible")
    if restraints.carried_with(game, "drawn") is not None:
        found.append("drawn")
    if game.state.flags.get("killed_someone"):
        found.append("blood")
    return found


def trusts(game: Game, who: str) -> bool:
    """Would `who` let the player untie and lead him? (Only the wary need convincing.)"""
    return not query.prop(game, who, "wary") or stats.stat(game, who, "trust") >= TRUSTS


def reassure(game: Game, who: str) -> tuple[bool, list[str]]:
    """One reassurance: (got through, the doubts he found)."""
    times = int(stats.stat(game, who, "reassured")) + 1
    stats.set_stat(game, who, "reassured", times)
    found = doubts(game) if query.prop(game, who, "wary") else []
    gain = (DOUBTED if found else BELIEVED) if query.prop(game, who, "wary") else CALMED
    trust = stats.add_stat(game, who, "trust", gain, 0, 100)
    through = not found or times >= THROUGH
    if through and trust < TRUSTS:
        trust = stats.set_stat(game, who, "trust", TRUSTS, 0, 100)
    if trust >= TRUSTS:
        ops.set_flag(game, f"trusts.{who}", True)
    game.emit("escort.reassured", who=who, trust=trust, doubts=found)
    return through, found


# -- escort ---------------------------------------------------------------------------
def followers(game: Game) -> list[str]:
    """Who follows the player, in definition order. Only someone with a status in the
    state or in their definition can be following, so the rest are passed over cheaply."""
    found = game.world.runtime.get("escort.people")
    if found is None:
        people = [e.id for e in game.world.entities.values() if e.kind == "person"]
        rank = {who: n for n, who in enumerate(people)}
        found = ([who for who in people if "status" in game.world.entities[who].props], rank)
        game.world.runtime["escort.people"] = found
    statused, rank = found
    changed = [who for who in game.state.props if who in rank]
    maybe = sorted({*statused, *changed}, key=rank.__getitem__) if changed else statused
    return [who for who in maybe if stats.has_status(game, who, "following")]


def pace(game: Game, who: str) -> float:
    value = query.prop(game, who, "pace", 1)
    return max(1.0, float(value)) if isinstance(value, int | float) else 1.0


def stop(game: Game, who: str, why: str) -> None:
    if stats.remove_status(game, who, "following"):
        game.emit("escort.ended", who=who, reason=why)


def _present(game: Game, action: Action, doing: str) -> str | None:
    return not_person(
        game,
        action.noun,
        doing,
        yourself="You will have to manage that on your own.",
        dead="It is too late for that.",
    )


# -- reassure ----------------------------------------------------------------------
@rule("check", "reassure")
def someone_to_reassure(game: Game, action: Action) -> str | None:
    refused = _present(game, action, "reassure")
    if refused:
        return refused
    assert action.noun is not None
    if combat.out(game, action.noun) and not stats.has_status(game, action.noun, "bound"):
        return CANNOT_HEAR(game, action)
    if combat.hostile(game, action.noun) and not stats.has_status(game, action.noun, "surrendered"):
        return NO_MOOD(game, action)
    return None


@rule("carry_out", "reassure")
def reassuring(game: Game, action: Action) -> None:
    assert action.noun is not None
    action.data["before"] = stats.stat(game, action.noun, "trust")
    action.data["trusted"] = trusts(game, action.noun)
    action.data["through"], action.data["doubts"] = reassure(game, action.noun)
    action.minutes = 5


@rule("report", "reassure")
def report_reassure(game: Game, action: Action) -> str:
    assert action.noun is not None
    who = action.noun
    slots = restraints.person_slots(game, "noun", who)
    found = action.data["doubts"]
    if not query.prop(game, who, "wary"):
        return CALMED_DOWN(game, action, **slots)
    if action.data["trusted"]:
        return ALREADY_TRUSTS(game, action, **slots)
    if not action.data["through"]:
        seen = DOUBT_TEXT[found[0]](game, action, **slots)
        return DOUBTED_TEXT(game, action, seen=seen, **slots)
    if found:
        return BELIEVED_AT_LAST(game, action, **slots)
    return BELIEVED_TEXT(game, action, **slots)


# -- a wary prisoner must trust you before you lay hands on him ----------------------
@rule("check", "untie", "escort", order=60)
def trusted_enough(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    if trusts(game, action.noun):
        return None
    return DISTRUSTED(game, action, **restraints.person_slots(game, "noun", action.noun))


# -- escort ------------------------------------------------------------------------
@rule("check", "escort", "let_go")
def someone_to_help(game: Game, action: Action) -> str | None:
    return _present(game, action, "help")


@rule("check", "escort", order=55)
def able_to_walk(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    who = action.noun
    slots = restraints.person_slots(game, "noun", who)
    if combat.hostile(game, who):
        return WOULD_BITE(game, action)
    if stats.has_status(game, who, "unconscious"):
        return OUT_COLD(game, action)
    if query.prop(game, who, "chained"):
        return CHAINED(game, action, **slots)
    if query.prop(game, who, "tied") or stats.has_status(game, who, "bound"):
        return TIED_UP(game, action, **slots)
    if stats.has_status(game, who, "waiting"):
        return WAITING(game, action, **slots)
    if stats.has_status(game, who, "following"):
        return ALREADY_WITH_YOU(game, action, **slots)
    return None


@rule("carry_out", "escort")
def escorting(game: Game, action: Action) -> None:
    assert action.noun is not None
    stats.add_status(game, action.noun, "following")
    game.emit("escort.began", who=action.noun)
    action.minutes = 2


@rule("report", "escort")
def report_escort(game: Game, action: Action) -> str:
    assert action.noun is not None
    slots = restraints.person_slots(game, "noun", action.noun)
    if combat.pronouns(game, action.noun)[0] == "they":
        return ESCORTED_GROUP(game, action)
    if pace(game, action.noun) > 1:
        return ESCORTED_WEAK(game, action, **slots)
    return ESCORTED(game, action, **slots)


@rule("before", "drop", order=10)
def leaving_a_follower(game: Game, action: Action) -> None:
    """The core grammar reads "leave X" as drop; said of someone you are helping along,
    it means let go of them (the action is renamed, nothing changes yet)."""
    if action.noun is not None and stats.has_status(game, action.noun, "following"):
        action.name = "let_go"


@rule("check", "let_go", order=55)
def leaning_on_you(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    if not stats.has_status(game, action.noun, "following"):
        return NOT_WITH_YOU(game, action)
    return None


@rule("carry_out", "let_go")
def letting_go(game: Game, action: Action) -> None:
    assert action.noun is not None
    stop(game, action.noun, "let go")


@rule("report", "let_go")
def report_let_go(game: Game, action: Action) -> str:
    assert action.noun is not None
    if pace(game, action.noun) > 1:
        return EASED_DOWN(game, action)
    return LEFT_WAITING(game, action, **restraints.person_slots(game, "noun", action.noun))


# -- going together ------------------------------------------------------------------
@rule(ACTIVITY, MOVED)
def bringing_them_along(game: Game, action: Action) -> None:
    """When the player has moved, by any way: those with him come too; anyone no longer
    with him, or no longer able to walk, is left behind."""
    start = action.data.get("from")
    here = query.here(game)
    moved = []
    for who in followers(game):
        held = restraints.restrained(game, who) or combat.out(game, who)
        if held or query.place_of(game, who) != start:
            stop(game, who, "left behind")
            continue
        ops.move(game, who, here)
        moved.append(who)
    action.data["followers"] = moved


@rule(ACTIVITY, MOVED, after="bringing_them_along")
def at_their_pace(game: Game, action: Action) -> None:
    """The move takes as long as the slowest follower needs (the time of the action that
    moved the player, e.g. the step of a walk)."""
    moved = action.data.get("followers") or []
    cause = action.data.get("cause")
    if moved and cause is not None:
        slowest = max(pace(game, who) for who in moved)
        cause.minutes = math.ceil(cause.minutes * slowest)
