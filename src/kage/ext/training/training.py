"""Training and skills: `train`, `train archery`, `train for 3 weeks`.

Time passes (a day by default) and skills rise, fast at first and slower near the limit a
kind of training can reach: gain per day x (1 - current / limit). Teaching (a master's
secret stroke) is left to the world's triggers, which read the skills with `{stat: ...}`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from kage.actions.diagnosing import answered
from kage.actions.pipeline import Action, rule
from kage.core.responses import response
from kage.ext.body import stats
from kage.parser.text import words
from kage.systems.registry import every_turn
from kage.systems.registry import phrases
from kage.world import query
from kage.world.conditions import holds
from kage.world.numbers import Bounds

if TYPE_CHECKING:
    from kage.game import Game

DAY = 24 * 60
LONGEST = 12 * 7 * DAY
TRAIN = Bounds(  # minutes: "train for 3 weeks"
    1,
    LONGEST,
    too_small="Training for no time at all teaches nothing. Try TRAIN FOR 3 DAYS.",
    too_large="Twelve weeks at a stretch is as long as anyone can train.",
)


def programmes(game: Game) -> list[dict[str, Any]]:
    return list(game.world.data.get("training", {}).values())


def choose(game: Game, text: str) -> dict[str, Any] | None:
    asked = set(words(text))
    options = [p for p in programmes(game) if holds(game, p.get("where"))]
    if not options:
        return None
    if not asked:
        return options[0]
    for programme in options:
        if asked & {w for phrase in programme["words"] for w in phrase.split()}:
            return programme
    return None


def improve(game: Game, who: str, programme: dict[str, Any], days: float) -> dict[str, float]:
    """Raise each trained stat for `days` of work; returns the gains. Closed form, so
    twelve weeks cost the same as one day."""
    gained = {}
    for key, per_day in programme["gains"].items():
        limit = programme.get("limits", {}).get(key, 100.0)
        current = stats.stat(game, who, key)
        if current >= limit:
            continue
        # d(value)/dt = per_day * (1 - value/limit)  =>  exponential approach to the limit
        after = limit - (limit - current) * math.exp(-per_day * days / limit)
        stats.set_stat(game, who, key, after)
        gained[key] = round(after - current, 1)
    return gained


TAKES = {"train": TRAIN}  # the numbers its actions take


@rule("check", "train")
def somewhere_to_train(game: Game, action: Action) -> str | None:
    if not programmes(game):
        return "There is nothing here to train at."
    if action.data.get("unit") and not TRAIN.low <= action.number <= TRAIN.high:
        return TRAIN.too_small if action.number < TRAIN.low else TRAIN.too_large
    programme = choose(game, action.text)
    if programme is None:
        if any(holds(game, p.get("where")) for p in programmes(game)):
            return "You don't know how to train that. Try just TRAIN."
        return "This is no place for training. You need space and quiet."
    action.data["programme"] = programme["id"]
    return None


@rule("carry_out", "train")
def training(game: Game, action: Action) -> None:
    programme = game.world.data["training"][action.data["programme"]]
    minutes = action.number if action.data.get("unit") else DAY
    action.minutes = minutes
    action.data["gains"] = improve(game, game.world.player, programme, minutes / DAY)
    if game.world.entities[query.here(game)].props.get("forage"):
        # the forest feeds those who live in it: no hunger while the days pass
        stats.set_stat(game, game.world.player, "foraging", 1)
    game.emit("training", programme=programme["id"], days=minutes / DAY, gains=action.data["gains"])


@rule("report", "train")
def report_training(game: Game, action: Action) -> str:
    programme = game.world.data["training"][action.data["programme"]]
    from kage.world.clock import describe_span

    gains = action.data["gains"]
    lines = [game.render(programme.get("text", "")) or "You train hard."]
    if gains:
        parts = [f"{key.replace('_', ' ')} +{value:g}" for key, value in gains.items() if value > 0]
        if parts:
            lines.append(f"({describe_span(action.minutes)} of work: {', '.join(parts)}.)")
    else:
        lines.append("You have learned all this kind of training can teach you.")
    return "\n\n".join(lines)


@every_turn("training", after="morale")
def _fed_by_the_forest(game: Game, action: Action, first_event: int) -> None:
    player = game.world.player
    if query.prop(game, player, "foraging"):
        from kage.ext.body.status import feed

        stats.set_stat(game, player, "foraging", 0)
        feed(game, player)


SKILLS = response("diagnosing.skills", "Your training: {skills}.", "skills")


@rule("report", "diagnose", order=40)
def skills(game: Game, action: Action) -> str:
    """The player's level in each stat the world's training raises."""
    player = game.world.player
    keys = sorted({key for programme in programmes(game) for key in programme.get("gains", {})})
    keys = [k for k in keys if not k.endswith("_max")]  # a capacity: its own line says it
    levels = [(key, stats.stat(game, player, key)) for key in keys]
    shown = [f"{key.replace('_', ' ')} {round(value)}" for key, value in levels if value > 0]
    if not shown:
        return ""
    answered(action)
    return SKILLS(game, action, skills=", ".join(shown))


@phrases("train")
def programme_words(game: Game) -> list[str]:
    """What "train ..." may name: the first words of each programme (for agents)."""
    return [p["words"][0] for p in programmes(game) if p.get("words")]
