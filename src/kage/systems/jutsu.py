"""Chakra and jutsu: the invisibility genjutsu and shadow clones (the `jutsu` section).

Chakra is a person's props `chakra`, `chakra_max` and `chakra_regen` (per hour). It comes
back and drains (an invisibility's upkeep) in one closed-form step for any stretch of
time, so a three-week skip costs the same as a minute; it never goes below zero or above
the maximum. Invisibility is the status "invisible"; it ends when released, when the
chakra runs out, or when its caster attacks (`reveal`). Clones stand where they were made
(props `clones`, `clones_at`) until they time out or are released.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.actions.pipeline import Action, Rulebooks
from kage.parser.text import words
from kage.systems import stats
from kage.systems.registry import handler, ticker
from kage.world import ops, query
from kage.world.clock import parse_duration
from kage.world.conditions import condition, holds
from kage.world.effects import effect

if TYPE_CHECKING:
    from kage.game import Game

ATTACKS = ("knock_out", "kill", "fight", "attack")


def techniques(game: Game) -> dict[str, dict[str, Any]]:
    return game.world.data.get("jutsu", {})


def find(game: Game, text: str) -> dict[str, Any] | None:
    asked = " ".join(words(text))
    best = None
    for spec in techniques(game).values():
        for phrase in spec["words"]:
            if phrase in asked and (best is None or len(phrase) > best[0]):
                best = (len(phrase), spec)
    return best[1] if best else None


def learned(game: Game, spec: dict[str, Any]) -> bool:
    return holds(game, spec.get("requires"))


def reveal(game: Game, who: str, reason: str = "") -> bool:
    """End an invisibility (an attack, a release, an empty tank). True if it ended."""
    if not stats.remove_status(game, who, "invisible"):
        return False
    ops.set_prop(game, who, "upkeep", 0)
    game.emit("jutsu.ended", who=who, technique="invisibility", reason=reason)
    if who == game.world.player:
        spec = next((s for s in techniques(game).values() if s["kind"] == "invisibility"), {})
        ending = {
            "attack": "The genjutsu tears like wet paper the moment you strike.",
            "chakra": "Your chakra gutters out, and the genjutsu with it. You are visible again.",
        }.get(reason, spec.get("ended") or "You let the genjutsu go and step back into sight.")
        game.say(ending)
    return True


def allies_at(game: Game, place: str) -> int:
    """Shadow clones standing at `place`."""
    total = 0
    for person in game.world.entities.values():
        if person.kind == "person" and query.prop(game, person.id, "clones_at") == place:
            total += int(query.prop(game, person.id, "clones", 0) or 0)
    return total


@ticker("chakra")
def _chakra(game: Game, start: int, now: int) -> None:
    hours = (now - start) / 60
    player = game.world.player
    regen = stats.stat(game, player, "chakra_regen")
    upkeep = stats.stat(game, player, "upkeep")
    if not regen and not upkeep:
        return
    top = stats.stat(game, player, "chakra_max")
    before = stats.stat(game, player, "chakra")
    after = stats.set_stat(game, player, "chakra", before + (regen - upkeep) * hours, 0, top)
    if upkeep and after <= 0:
        reveal(game, player, "chakra")


@handler("clones")
def _clones_fade(game: Game, who: str) -> None:
    until = query.prop(game, who, "clones_until")
    if until is not None and until <= game.state.minutes and query.prop(game, who, "clones"):
        _dismiss(game, who)
        if who == game.world.player:
            game.say(
                "Somewhere behind you, your shadow clones burst one after another in "
                "little puffs of smoke."
            )


def _dismiss(game: Game, who: str) -> None:
    ops.set_prop(game, who, "clones", 0)
    ops.set_prop(game, who, "clones_at", None)
    game.emit("jutsu.ended", who=who, technique="clones")


@condition("knows_jutsu")
def _knows(game: Game, arg: str) -> bool:
    spec = techniques(game).get(arg)
    return spec is not None and learned(game, spec)


@condition("chakra")
def _has_chakra(game: Game, arg: dict[str, Any]) -> bool:
    value = stats.stat(game, arg.get("who", game.world.player), "chakra")
    return value >= arg.get("min", float("-inf")) and value <= arg.get("max", float("inf"))


@effect("learn_jutsu")
def _learn(game: Game, arg: str) -> None:
    """{learn_jutsu: invisibility}: sets the flag the jutsu `requires` ({flag: x})."""
    spec = techniques(game)[arg]
    flag = (spec.get("requires") or {}).get("flag") or f"learned.{arg}"
    ops.set_flag(game, flag if isinstance(flag, str) else f"learned.{arg}", True)
    game.emit("jutsu.learned", jutsu=arg)


def install(rules: Rulebooks) -> None:
    @rules.rule("check", "cast", "make_clones")
    def castable(game: Game, action: Action) -> str | None:
        if action.name == "make_clones":
            kinds = [s for s in techniques(game).values() if s["kind"] == "clones"]
            spec = kinds[0] if kinds else None
        else:
            spec = find(game, action.text)
        if spec is None:
            return "You don't know a jutsu by that name."
        if not learned(game, spec):
            return f"You don't know the {spec['name']}. Not yet."
        player = game.world.player
        chakra = stats.stat(game, player, "chakra")
        count = 1
        if spec["kind"] == "clones":
            wanted = action.number or spec["max"]
            count = int(min(wanted, spec["max"], chakra // max(1, spec["cost"])))
            if count < 1:
                return (
                    f"You need {spec['cost']} chakra for even one clone, and you have "
                    f"{int(chakra)}."
                )
        elif stats.has_status(game, player, "invisible"):
            return "You are already invisible."
        elif chakra < spec["cost"]:
            return f"That takes {spec['cost']} chakra; you have {int(chakra)}."
        action.data.update(jutsu=spec["id"], count=count)
        return None

    @rules.rule("carry_out", "cast", "make_clones")
    def casting(game: Game, action: Action) -> None:
        spec = techniques(game)[action.data["jutsu"]]
        player = game.world.player
        count = action.data["count"]
        stats.add_stat(game, player, "chakra", -spec["cost"] * count)
        if spec["kind"] == "invisibility":
            stats.add_status(game, player, "invisible")
            ops.set_prop(game, player, "upkeep", spec["upkeep"])
        else:
            ops.set_prop(game, player, "clones", count)
            ops.set_prop(game, player, "clones_at", query.here(game))
            if spec.get("lasts"):
                until = game.state.minutes + parse_duration(spec["lasts"])
                ops.set_prop(game, player, "clones_until", until)
                ops.schedule(game, f"clones:{player}", until)
        game.emit("jutsu.cast", who=player, jutsu=spec["id"], technique=spec["kind"], count=count)

    @rules.rule("report", "cast", "make_clones")
    def report_cast(game: Game, action: Action) -> str:
        spec = techniques(game)[action.data["jutsu"]]
        if spec.get("cast"):
            return game.render(spec["cast"])
        if spec["kind"] == "invisibility":
            return (
                "You fold your hands into the seals and bend the light. Your hands "
                "fade, then your arms, then the rest of you."
            )
        count = action.data["count"]
        return (
            f'"Shadow Clone Jutsu!" Smoke bursts, and {count} more of you stand there '
            "grinning, shoulder to shoulder."
        )

    @rules.rule("check", "release")
    def something_to_release(game: Game, action: Action) -> str | None:
        player = game.world.player
        if not stats.has_status(game, player, "invisible") and not query.prop(
            game, player, "clones"
        ):
            return "You have no jutsu running."
        return None

    @rules.rule("carry_out", "release")
    def releasing(game: Game, action: Action) -> None:
        player = game.world.player
        wants_clones = "clone" in action.text
        if stats.has_status(game, player, "invisible") and not wants_clones:
            reveal(game, player, "release")
        elif query.prop(game, player, "clones"):
            _dismiss(game, player)
            game.say("Your clones vanish in a ripple of smoke.")

    @rules.rule("carry_out", *ATTACKS, order=5)
    def attacking_breaks_the_illusion(game: Game, action: Action) -> None:
        reveal(game, game.world.player, "attack")
