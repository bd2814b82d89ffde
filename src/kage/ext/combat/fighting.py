"""Fighting: knock out (attack, hit, punch ...), kill, and fight (everyone hostile here).

The mechanics and morale live in `kage.systems.combat`; these rules size up the target
first (order 1, while an invisible attacker is still unseen), then break the attacker's
concealment (order 2), then strike. The phrasings are the world's: a campaign maps
"attack {person}", "hit {person}" ... to `knock_out` in its `verbs:` section, so a world
that gives "attack" a meaning of its own keeps it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.pipeline import Action, rule
from kage.core.responses import response
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


NO_ONE = response("fighting.who", "Who do you want to fight?")
NOT_YOURSELF = response(
    "fighting.yourself", "You have enough people trying to hurt you already."
)
NOT_A_PERSON = response("fighting.not_a_person", "{The noun} {is} not going to fight back.")
NOT_HERE = response("fighting.not_here", "{The noun} {is} not here.")
OUT_COLD = response("fighting.out_cold", "{The noun} {is} already out cold.")
TIED = response("fighting.tied", "{The noun} {is} tied up. There is no need.")
NOBODY = response("fighting.nobody", "There is nobody here who wants a fight.")
DEAD = response("fighting.dead", "There is no fight left in the dead.")
HARMLESS = response("fighting.harmless", "{The noun} {has} done nothing to you.")
MISSED = response(
    "fighting.missed",
    "You go for {the noun}, but {he} {twists} aside, and something hard catches you in the "
    "ribs.",
)
FINISHED = response(
    "fighting.finished",
    "One short blow to the back of the neck, and {the noun} {slumps} over, out cold.",
)
# one fight told three ways (a fixed choice per target, no draw from the seeded generator)
SURPRISE = [
    response(
        "fighting.surprise_1", "{The noun} never {sees} you coming. One blow, and {he} {folds} up."
    ),
    response(
        "fighting.surprise_2",
        "You are behind {the noun} before {he} {knows} it. A chop to the neck, and {he} "
        "{sags} into your arms; you lower {him} down quietly.",
    ),
    response(
        "fighting.surprise_3",
        "{The noun} {turns}, too late. Your palm catches {him} under the chin and {he} {goes} "
        "over like a felled tree.",
    ),
]
BLOWS = [
    response(
        "fighting.blow_1",
        "{The noun} {swings} first. You duck under it, get inside {his} guard and drop {him} "
        "with an elbow to the jaw.",
    ),
    response(
        "fighting.blow_2",
        "{The noun} {comes} at you swinging. You let the blow whistle past, sweep {his} legs, "
        "and {he} {does} not get up.",
    ),
    response(
        "fighting.blow_3",
        "{The noun} {grabs} for you. You go under {his} arm and up behind {him}, and one blow "
        "to the temple ends it.",
    ),
]


def _target(game: Game, action: Action) -> str | None:
    """Why `action.noun` cannot be fought at all, or None."""
    target = action.noun
    if target is None:
        return NO_ONE(game, action)
    ent = game.world.entities[target]
    if target == game.world.player:
        return NOT_YOURSELF(game, action)
    if ent.kind != "person":
        return NOT_A_PERSON(game, action)
    if query.place_of(game, target) != query.here(game):
        return NOT_HERE(game, action)
    if stats.has_status(game, target, "dead"):
        return DEAD(game, action)
    if not combat.hostile(game, target):
        return HARMLESS(game, action)
    return None


def _blow_text(game: Game, target: str, hit: bool, surprise: bool, gave_up: bool) -> str:
    about = Action("knock_out", target)
    if not hit:
        return f"{MISSED(game, about)} {combat.injury_text(game)}".strip()
    if gave_up:
        return FINISHED(game, about)
    which = sum(map(ord, target)) % 3
    return (SURPRISE if surprise else BLOWS)[which](game, about)


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


@rule("carry_out", "knock_out", "kill", "fight", order=2)
def striking_reveals(game: Game, action: Action) -> None:
    combat.reveal(game, game.world.player, "attack")


@rule("carry_out", "knock_out")
def striking(game: Game, action: Action) -> None:
    assert action.noun is not None
    action.minutes = BLOW_MINUTES
    action.data["hit"] = combat.strike(game, action.noun, action.data["surprise"])


@rule("report", "knock_out")
def report_strike(game: Game, action: Action) -> str:
    assert action.noun is not None
    data = action.data
    return _blow_text(game, action.noun, data["hit"], data["surprise"], data["gave_up"])


@rule("carry_out", "kill")
def killing(game: Game, action: Action) -> None:
    assert action.noun is not None
    action.minutes = BLOW_MINUTES
    action.data["hit"] = combat.kill(game, action.noun, action.data["surprise"])


@rule("report", "kill")
def report_kill(game: Game, action: Action) -> str:
    assert action.noun is not None
    if not action.data["hit"]:
        return _blow_text(game, action.noun, False, False, False)
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
    blows: list[tuple[str, bool, bool]] = []
    action.minutes = 0
    foes = combat.standing(game, query.here(game))
    for foe in foes:
        if foe not in combat.standing(game, query.here(game)):
            continue  # gave up or went down in the meantime
        if foe == action.data["first"]:
            surprise = action.data["surprise"]
        else:
            surprise = combat.surprised(game, foe)
        hit = combat.strike(game, foe, surprise)
        blows.append((foe, hit, surprise))
        action.minutes += BLOW_MINUTES
        if not hit:
            break
        if combat.breaking(game, query.here(game))[0]:
            break  # the rest are about to give up (the every-turn check says so)
    action.data["blows"] = blows


@rule("report", "fight")
def report_fight(game: Game, action: Action) -> str:
    return "\n\n".join(
        _blow_text(game, foe, hit, surprise, False) for foe, hit, surprise in action.data["blows"]
    )
