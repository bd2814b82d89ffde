"""Handling things: take, drop, put in / on, give, wear, remove."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions import checks, interactions
from kage.actions.describe import capital
from kage.actions.pipeline import Action, Rulebooks
from kage.world import ops, query

if TYPE_CHECKING:
    from kage.game import Game


def _prefix(game: Game, action: Action, text: str) -> str:
    if action.several and action.noun:
        return f"{game.world.entities[action.noun].name}: {text}"
    return text


def install(rules: Rulebooks) -> None:
    @rules.rule("check", "take")
    def can_take(game: Game, action: Action) -> str | None:
        noun = action.noun
        assert noun is not None
        ent = game.world.entities[noun]
        player = game.world.player
        if noun == player:
            return "You are always self-possessed."
        if ent.kind == "person":
            return f"{capital(ent.the())} would not appreciate being carried about."
        if ent.kind == "place":
            return "That is not something you can pick up."
        if query.holder(game, noun) == player:
            return _prefix(game, action, "You already have that.")
        if not ent.portable or ent.scenery:
            refusal = ent.props.get("fixed", "")
            return _prefix(
                game, action, refusal or f"{describe_the(game, noun)} stays where it is."
            )
        owner = query.holder(game, noun)
        if owner and game.world.entities[owner].kind == "person":
            return f"That belongs to {game.world.entities[owner].name}."
        return None

    @rules.rule("carry_out", "take")
    def taking(game: Game, action: Action) -> None:
        assert action.noun is not None
        ops.move(game, action.noun, game.world.player)

    @rules.rule("report", "take")
    def report_take(game: Game, action: Action) -> str:
        return _prefix(game, action, "Taken.")

    @rules.rule("check", "drop", "put_in", "put_on", "wear", "remove", "give")
    def must_hold(game: Game, action: Action) -> str | None:
        return checks.not_held(game, action.noun)

    @rules.rule("check", "drop", "put_in", "put_on", "give")
    def not_while_worn(game: Game, action: Action) -> str | None:
        if action.noun and query.prop(game, action.noun, "worn") and action.name != "give":
            return f"You would have to take off {checks.the(game, action.noun)} first."
        return None

    @rules.rule("carry_out", "drop")
    def dropping(game: Game, action: Action) -> None:
        assert action.noun is not None
        ops.move(game, action.noun, query.here(game))

    @rules.rule("report", "drop")
    def report_drop(game: Game, action: Action) -> str:
        return _prefix(game, action, "Dropped.")

    @rules.rule("check", "put_in", "put_on")
    def fitting(game: Game, action: Action) -> str | None:
        noun, second = action.noun, action.second
        if second is None:
            return "Where do you want to put it?"
        if noun == second:
            return "You can't put something inside itself."
        target = game.world.entities[second]
        if action.name == "put_in" and not target.container:
            return f"You can't put things in {target.the()}."
        if action.name == "put_on" and not target.props.get("supporter"):
            return f"{target.the().capitalize()} is no place to set things."
        if query.holder(game, noun or "") == second:
            return _prefix(game, action, "It is already there.")
        if noun and query.is_carried_by(game, second, noun):
            return "That would be a neat trick, but no."
        return None

    @rules.rule("carry_out", "put_in", "put_on")
    def putting(game: Game, action: Action) -> None:
        assert action.noun is not None and action.second is not None
        ops.move(game, action.noun, action.second)
        interactions.run_matching(game, action)

    @rules.rule("report", "put_in", "put_on")
    def report_put(game: Game, action: Action) -> str:
        assert action.noun is not None and action.second is not None
        said = action.data.get("said")
        if said:
            return str(said)
        word = "in" if action.name == "put_in" else "on"
        text = f"You put {checks.the(game, action.noun)} {word} {checks.the(game, action.second)}."
        return _prefix(game, action, text)

    @rules.rule("check", "give")
    def giving_to_someone(game: Game, action: Action) -> str | None:
        if action.second is None:
            return "Who do you want to give it to?"
        refused = checks.not_person(game, action.second, "give things to")
        if refused:
            return refused
        found, refusal = interactions.find(game, action)
        if found is None:
            name = game.world.entities[action.second].the()
            return refusal or f"{name[:1].upper()}{name[1:]} doesn't want it."
        return None

    @rules.rule("carry_out", "give")
    def giving(game: Game, action: Action) -> None:
        interactions.run_matching(game, action)

    @rules.rule("report", "give")
    def report_give(game: Game, action: Action) -> str:
        return str(action.data.get("said", ""))

    @rules.rule("check", "wear")
    def wearable(game: Game, action: Action) -> str | None:
        assert action.noun is not None
        if not game.world.entities[action.noun].wearable:
            return f"You can't wear {checks.the(game, action.noun)}."
        if query.prop(game, action.noun, "worn"):
            return "You are already wearing it."
        return None

    @rules.rule("carry_out", "wear")
    def wearing(game: Game, action: Action) -> None:
        assert action.noun is not None
        ops.set_prop(game, action.noun, "worn", True)
        interactions.run_matching(game, action)

    @rules.rule("report", "wear")
    def report_wear(game: Game, action: Action) -> str:
        assert action.noun is not None
        return str(action.data.get("said") or f"You put on {checks.the(game, action.noun)}.")

    @rules.rule("check", "remove")
    def removable(game: Game, action: Action) -> str | None:
        assert action.noun is not None
        if not query.prop(game, action.noun, "worn"):
            return "You aren't wearing that."
        return None

    @rules.rule("carry_out", "remove")
    def removing(game: Game, action: Action) -> None:
        assert action.noun is not None
        ops.set_prop(game, action.noun, "worn", False)
        interactions.run_matching(game, action)

    @rules.rule("report", "remove")
    def report_remove(game: Game, action: Action) -> str:
        assert action.noun is not None
        return str(action.data.get("said") or f"You take off {checks.the(game, action.noun)}.")


def describe_the(game: Game, entity: str) -> str:
    return checks.the(game, entity)[:1].upper() + checks.the(game, entity)[1:]
