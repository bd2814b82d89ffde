"""Fighting: knock out (attack, hit, punch ...), kill, and fight (everyone hostile here).

The mechanics and morale live in `kage.systems.combat`; these rules size up the target
first (order 1, while an invisible attacker is still unseen), then break the attacker's
concealment (order 2), then strike. The phrasings are the world's: a campaign maps
"attack {person}", "hit {person}" ... to `knock_out` in its `verbs:` section, so a world
that gives "attack" a meaning of its own keeps it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.describe import listing
from kage.actions.pipeline import Action, rule
from kage.core import prose
from kage.core.responses import pool, response
from kage.ext.body import stats
from kage.ext.combat import combat
from kage.world import query

if TYPE_CHECKING:
    from kage.game import Game

BLOW_MINUTES = 2
KILLED = response(
    "killing.done",
    "You do it quickly, and it is worse than you had imagined. {The noun} {crumples} and "
    "{does} not move again.",
)

KILLED_SURRENDERED = response(
    "killing.surrendered",
    "{The noun} had given up; the empty hands are still raised when you strike. You kill "
    "someone who was begging you not to, and it is done before you can take it back.",
)
KILLED_HELPLESS = response(
    "killing.helpless",
    "There is no fighting back and no getting away for {the noun}. It is quick. It is not a "
    "fight, and whatever you tell yourself later, you know it.",
)


NO_TARGET = response("fighting.who", "Who do you want to fight?")
SELF = response("fighting.self", "You have enough people trying to hurt you already.")
NOT_A_PERSON = response("fighting.not_a_person", "{The noun} {is} not going to fight back.")
NOT_HERE = response("fighting.not_here", "{The noun} {is} not here.")
DEAD = response("fighting.dead", "There is no fight left in the dead.")
HARMLESS = response("fighting.harmless", "{The noun} {has} done nothing to you.")
OUT_COLD = response("fighting.out_cold", "{The noun} {is} already out cold.")
TIED = response("fighting.tied", "{The noun} {is} tied up. There is no need.")
NOBODY = response("fighting.nobody", "There is nobody here who wants a fight.")


def _target(game: Game, action: Action) -> str | None:
    """Why `action.noun` cannot be fought at all, or None."""
    target = action.noun
    if target is None:
        return NO_TARGET(game, action)
    ent = game.world.entities[target]
    if target == game.world.player:
        return SELF(game, action)
    if ent.kind != "person":
        return NOT_A_PERSON(game, action)
    if query.place_of(game, target) != query.here(game):
        return NOT_HERE(game, action)
    if stats.has_status(game, target, "dead"):
        return DEAD(game, action)
    if not combat.hostile(game, target):
        return HARMLESS(game, action)
    return None


FOE = combat.FOE  # the slots a blow's text may use (combat.foe_slots fills them)
SURPRISE = pool(
    "combat.surprise",
    "{The foe} never sees you coming. One blow, and {he} folds up.",
    "You are behind {the foe} before {he} knows it. A chop to the neck, and {he} sags into "
    "your arms; you lower {him} down quietly.",
    "{The foe} turns, too late. Your palm catches {him} under the chin and {he} goes over "
    "like a felled tree.",
    slots=FOE,
)
LANDED = pool(
    "combat.landed",
    "{The foe} swings first. You duck under it, get inside {his} guard and drop {him} with "
    "an elbow to the jaw.",
    "{The foe} comes at you swinging. You let the blow whistle past, sweep {his} legs, and "
    "{he} does not get up.",
    "{The foe} grabs for you. You go under {his} arm and up behind {him}, and one blow to "
    "the temple ends it.",
    "You feint high and go low. {The foe} fall{s} for it, and your knee finds {his} "
    "stomach; {he} fold{s} up on the ground.",
    slots=FOE,
)
WORN = pool(
    "combat.worn",
    "{The foe} is slower now, and you see it. One more blow, and {he} goes down and stays there.",
    "The last blow told. {The foe} sways, swings at nothing, and drops.",
    "{The foe} has taken too much. {He} lunges, stumbles past you, and goes down in a heap.",
    slots=FOE,
)
GRAZED = pool(
    "combat.grazed",
    "Your fist catches {the foe} on the cheek. {He} stagger{s}, spits, and comes back at "
    "you, hurt but on {his} feet.",
    "You land a kick in {his} ribs. {The foe} grunt{s} and give{s} ground, but {he} stay{s} up.",
    "You trade blows, and yours is the one that counts: {the foe} reel{s} back, bleeding "
    "from the nose, still standing.",
    "Your elbow clips {the foe} on the jaw. {He} shake{s} {his} head clear and raise{s} "
    "{his} guard again, warier now.",
    slots=FOE,
)
MISSED = pool(
    "combat.missed",
    "You go for {the foe}, but {he} twist{s} aside, and something hard catches you in the ribs.",
    "You swing and find nothing there. {The foe} come{s} in under your arm, and a fist "
    "drives the breath out of you.",
    "{The foe} read{s} you like a signpost: {he} step{s} inside your blow and crack{s} "
    "you across the head.",
    "You get too close. {The foe} shove{s} you off balance and kick{s} your legs out, and "
    "the ground comes up hard.",
    slots=FOE,
)
HELPLESS = response(
    "combat.helpless",
    "One short blow to the back of the neck, and {the foe} slumps over, out cold.",
    *FOE,
)


def _blow_text(game: Game, target: str, outcome: str, surprise: bool, gave_up: bool) -> str:
    """The report of one blow by the player, in words the world can replace."""
    slots = combat.foe_slots(game, target)
    if outcome == "missed":
        return f"{MISSED(game, **slots)} {combat.injury_text(game)}".strip()
    if outcome == "grazed":
        return GRAZED(game, **slots)
    if gave_up:
        return HELPLESS(game, **slots)
    if outcome == "worn":
        return WORN(game, **slots)
    return (SURPRISE if surprise else LANDED)(game, **slots)


# -- knock out, kill --------------------------------------------------------------
@rule("check", "knock_out", "kill")
def someone_to_fight(game: Game, action: Action) -> str | None:
    return _target(game, action)


@rule("check", "knock_out", order=55)
def still_a_threat(game: Game, action: Action) -> str | None:
    assert action.noun is not None
    if stats.has_status(game, action.noun, "unconscious"):
        return OUT_COLD(game, action)
    if stats.has_status(game, action.noun, "bound"):
        return TIED(game, action)
    return None


@rule("carry_out", "knock_out", "kill", order=1)
def sizing_up(game: Game, action: Action) -> None:
    """Surprise is judged before the blow lands (and before it reveals the player)."""
    assert action.noun is not None
    target = action.noun
    action.data["surprise"] = combat.surprised(game, target)
    action.data["gave_up"] = stats.has_status(game, target, "surrendered")
    action.data["helpless"] = combat.out(game, target) or stats.has_status(game, target, "bound")


@rule("carry_out", "knock_out", "kill", "fight", order=2)
def striking_reveals(game: Game, action: Action) -> None:
    combat.reveal(game, game.world.player, "attack")


@rule("carry_out", "knock_out")
def striking(game: Game, action: Action) -> None:
    assert action.noun is not None
    action.minutes = BLOW_MINUTES
    outcome = combat.blow(game, action.noun, action.data["surprise"])
    action.data["outcome"] = outcome
    action.data["hit"] = outcome in ("down", "worn")


@rule("report", "knock_out")
def report_strike(game: Game, action: Action) -> str:
    assert action.noun is not None
    data = action.data
    return _blow_text(game, action.noun, data["outcome"], data["surprise"], data["gave_up"])


@rule("carry_out", "kill")
def killing(game: Game, action: Action) -> None:
    assert action.noun is not None
    action.minutes = BLOW_MINUTES
    mark = len(game.log)
    action.data["hit"] = combat.kill(game, action.noun, action.data["surprise"])
    grazed = any(e.kind == "combat.grazed" for e in game.log[mark:])
    action.data["outcome"] = "killed" if action.data["hit"] else "grazed" if grazed else "missed"


@rule("report", "kill")
def report_kill(game: Game, action: Action) -> str:
    assert action.noun is not None
    if not action.data["hit"]:
        return _blow_text(game, action.noun, action.data["outcome"], False, False)
    if action.data["helpless"]:  # how it was done is told as what it was
        return KILLED_HELPLESS(game, action)
    if action.data["gave_up"]:
        return KILLED_SURRENDERED(game, action)
    return KILLED(game, action)


# -- fight: everyone hostile here, one after another --------------------------------
@rule("check", "fight")
def someone_here_to_fight(game: Game, action: Action) -> str | None:
    if not combat.standing(game, query.here(game)):
        return NOBODY(game, action)
    return None


@rule("carry_out", "fight", order=1)
def sizing_up_the_first(game: Game, action: Action) -> None:
    first = combat.standing(game, query.here(game))[0]
    action.data["first"] = first
    action.data["surprise"] = combat.surprised(game, first)


@rule("carry_out", "fight")
def fighting(game: Game, action: Action) -> None:
    """Take them on in turn until all are down or one lands a blow on you."""
    blows: list[tuple[str, str, bool]] = []
    action.minutes = 0
    foes = combat.standing(game, query.here(game))
    for foe in foes:
        if foe not in combat.standing(game, query.here(game)):
            continue  # gave up or went down in the meantime
        if foe == action.data["first"]:
            surprise = action.data["surprise"]
        else:
            surprise = combat.surprised(game, foe)
        outcome = combat.blow(game, foe, surprise)
        blows.append((foe, outcome, surprise))
        action.minutes += BLOW_MINUTES
        if outcome not in ("down", "worn"):
            break
        if combat.breaking(game, query.here(game))[0]:
            break  # the rest are about to give up (the every-turn check says so)
    action.data["blows"] = blows


@rule("report", "fight")
def report_fight(game: Game, action: Action) -> str:
    return "\n\n".join(
        _blow_text(game, foe, outcome, surprise, False)
        for foe, outcome, surprise in action.data["blows"]
    )


NOT_SAFE = response(
    "sleeping.not_safe",
    "Not with {foes} here. You would not wake up.",
    "foes",
)


@rule("check", "sleep", after="somewhere_to_sleep")
def no_sleep_among_foes(game: Game, action: Action) -> str | None:
    """Nobody sleeps where hostiles still stand."""
    foes = combat.standing(game, query.here(game))
    if not foes:
        return None
    return NOT_SAFE(game, action, foes=listing([prose.subject(game, f).the() for f in foes]))
