"""Non-lethal combat and morale.

Knocking someone out is the player's taijutsu, luck and a seeded draw against their
strength; a target who does not see it coming (slacking, or the player invisible) goes
down for sure. Killing is possible and remembered. Each fallen ally costs the others
morale; when the player's side in a place (shadow clones plus freed people who fight
back) is at least twice the hostiles still standing, they surrender.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.actions.pipeline import Action, Rulebooks
from kage.systems import fortune, stats
from kage.systems.registry import every_turn
from kage.systems.status import effective, give
from kage.systems.stealth import hostiles, noticed
from kage.world import ops, query
from kage.world.conditions import condition
from kage.world.effects import effect

if TYPE_CHECKING:
    from kage.game import Game

KNOCKOUT = 6 * 60
DOWN = ("unconscious", "dead", "bound", "surrendered")


def standing(game: Game, place: str) -> list[str]:
    """Hostiles at `place` still able and willing to fight."""
    return [h for h in hostiles(game, place) if not stats.has_status(game, h, "surrendered")]


def allies(game: Game, place: str) -> int:
    from kage.systems.jutsu import allies_at

    total = allies_at(game, place)
    for entity in query.contents(game, place):
        if (
            query.prop(game, entity, "fights_back")
            and not query.prop(game, entity, "chained")
            and not stats.has_status(game, entity, "waiting")
        ):
            total += int(query.prop(game, entity, "count", 1) or 1)
    return total


def check_morale(game: Game, place: str) -> bool:
    """Surrounded hostiles lose their nerve. True if they surrendered now."""
    foes = standing(game, place)
    if not foes or allies(game, place) < 2 * len(foes):
        return False
    for foe in foes:
        stats.add_status(game, foe, "surrendered")
        stats.set_stat(game, foe, "morale", 0)
    ops.set_flag(game, "surrounded", True)
    game.emit("combat.surrendered", place=place, who=foes)
    if query.here(game) == place:
        names = "They" if len(foes) > 1 else game.world.entities[foes[0]].the().capitalize()
        game.say(
            f"{names} look from the clones to the freed men and back, and begin to "
            "shake. Weapons clatter to the floor. Hands go up."
        )
    return True


def knock_out(game: Game, target: str, surprise: bool) -> bool:
    player = game.world.player
    if stats.has_status(game, target, "surrendered") or surprise:
        hit = True
    else:
        skill = effective(game, player, "taijutsu", 30) + 5 * fortune.luck(game)
        morale = stats.stat(game, target, "morale", 50)
        guard = stats.stat(game, target, "strength", 20) + (morale - 50) / 5
        hit = skill + game.random() * 40 > guard + 20
    if hit:
        stats.add_status(game, target, "unconscious", KNOCKOUT)
        game.emit("combat.knocked_out", who=target, surprise=surprise)
        _shaken(game, target)
    else:
        give(game, player, "injured")
        for foe in standing(game, query.here(game)):
            ops.set_prop(game, foe, "slacking", False)
            ops.set_prop(game, foe, "alert", True)
        game.emit("combat.missed", who=target)
    return hit


def _shaken(game: Game, fallen: str) -> None:
    for foe in standing(game, query.here(game)):
        if foe != fallen:
            stats.add_stat(game, foe, "morale", -15, 0, 100)
            ops.set_prop(game, foe, "slacking", False)
            ops.set_prop(game, foe, "alert", True)


@condition("hostiles_down")
def _hostiles_down(game: Game, arg: str) -> bool:
    return not standing(game, arg)


@effect("alert")
def _alert(game: Game, arg: str) -> None:
    """{alert: great_chamber}: the hostiles there come for the player where he stands."""
    here = query.here(game)
    for foe in standing(game, arg):
        ops.set_prop(game, foe, "slacking", False)
        ops.set_prop(game, foe, "alert", True)
        ops.move(game, foe, here)
    game.emit("combat.alerted", place=arg, to=here)


@effect("gather")
def _gather(game: Game, arg: dict[str, Any]) -> None:
    ops.move(game, arg["who"], arg["to"])


@every_turn("morale")
def _morale(game: Game, action: Action, first_event: int) -> None:
    check_morale(game, query.here(game))


def install(rules: Rulebooks) -> None:
    @rules.rule("check", "knock_out", "kill")
    def someone_to_fight(game: Game, action: Action) -> str | None:
        target = action.noun
        if target is None:
            return "Who do you want to fight?"
        ent = game.world.entities[target]
        if ent.kind != "person" or target == game.world.player:
            return "That is not someone you can fight."
        if query.place_of(game, target) != query.here(game):
            return f"{ent.the().capitalize()} is not here."
        if stats.has_status(game, target, "dead"):
            return "There is no fight left in the dead."
        if stats.has_status(game, target, "unconscious") and action.name == "knock_out":
            return f"{ent.the().capitalize()} is already out cold."
        if not query.prop(game, target, "hostile") and action.name == "knock_out":
            return f"{ent.the().capitalize()} has done nothing to you."
        return None

    @rules.rule("carry_out", "knock_out", "kill", order=1)
    def sizing_up(game: Game, action: Action) -> None:
        assert action.noun is not None
        action.data["surprise"] = not noticed(game, action.noun, game.world.player) or (
            stats.has_status(game, action.noun, "unconscious")
        )

    @rules.rule("carry_out", "knock_out")
    def striking(game: Game, action: Action) -> None:
        assert action.noun is not None
        action.minutes = 2
        action.data["hit"] = knock_out(game, action.noun, action.data["surprise"])

    @rules.rule("report", "knock_out")
    def report_strike(game: Game, action: Action) -> str:
        assert action.noun is not None
        name = game.world.entities[action.noun].the()
        if not action.data["hit"]:
            return (
                f"You go for {name}, but he twists aside and something hard catches you "
                "in the ribs. That hurt."
            )
        if action.data["surprise"]:
            return f"{name.capitalize()} never sees you coming. One blow, and he folds up."
        return f"You duck in under {name}'s guard and drop him with an elbow to the jaw."

    @rules.rule("carry_out", "kill")
    def killing(game: Game, action: Action) -> None:
        assert action.noun is not None
        action.minutes = 2
        stats.add_status(game, action.noun, "dead")
        ops.set_flag(game, f"killed.{action.noun}", True)
        ops.set_flag(game, "killed_someone", True)
        game.emit("combat.killed", who=action.noun)
        _shaken(game, action.noun)
        ops.change_mood(game, game.world.player, -25, "killed")

    @rules.rule("report", "kill")
    def report_kill(game: Game, action: Action) -> str:
        assert action.noun is not None
        name = game.world.entities[action.noun].the()
        return (
            f"You do it quickly, with a kunai, the way you were taught and never "
            f"wanted to use. {name.capitalize()} crumples and does not move again."
        )
