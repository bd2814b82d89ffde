"""Wounds: hurts that add up, on the player and on his foes, heal with time, and can beat
him.

A person's `wounds` prop counts the blows that landed and have not healed. Each is a step
down the world's ladder (`combat: {wounds: [...]}`, lightest first): the step's status is
on the person until the wound heals, after that status's `duration` (else `HEAL`); then
the person is one step better, and the next heal is scheduled. A hurt person fights worse:
the statuses' modifiers count against the player's skill (a step with no modifier for the
skill costs `PENALTY` a wound), and each wound lowers a foe's guard by `FOE_PENALTY`.

A foe hurt past the last step goes down. The player hurt past the last step is beaten, if
the world has a `defeat` (else the last step is as bad as it gets): the beating is told
after the blow that did it (the every-turn rule `beaten`), then the world's effects run;
the foes who beat him turn their backs on him (no longer alert, slacking), so a defeat
that leaves him where he is does not become a beating every turn.
Events: `combat.wounded` (who, wounds, status), `combat.healed`, `combat.defeated`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.actions.diagnosing import answered
from kage.actions.pipeline import Action, rule
from kage.core.responses import response
from kage.ext.body import stats
from kage.ext.body.status import definition
from kage.ext.combat.settings import defeat, ladder
from kage.systems.registry import every_turn, handler
from kage.world import effects, ops, query
from kage.world.clock import describe_span, parse_duration
from kage.world.conditions import condition

if TYPE_CHECKING:
    from kage.game import Game

HEAL = 4 * 60  # how long a wound takes to heal if its step's status gives no duration
PENALTY = 10  # skill a wound costs when its step's status has no modifier for the skill
FOE_PENALTY = 8  # guard a wound costs a foe
BEATEN = "combat.beaten"  # state flag: the player was beaten this turn, not yet told

MENDING = response(
    "combat.diagnose_mending", "The worst of it should mend in about {span}.", "span"
)
LAST_LEGS = response(
    "combat.diagnose_last_legs",
    "One more blow like the last and you will not get up again.",
)


def wounds(game: Game, who: str) -> int:
    value = query.prop(game, who, "wounds", 0)
    return int(value) if isinstance(value, int | float) else 0


def step(game: Game, who: str) -> str | None:
    """The status of how hurt `who` is now (None: not hurt)."""
    count = wounds(game, who)
    steps = ladder(game.world.data)
    return steps[min(count, len(steps)) - 1] if count else None


def penalty(game: Game, skill: str) -> float:
    """What the player's wounds cost his `skill` beyond their statuses' own modifiers."""
    status = step(game, game.world.player)
    if status is None or skill in definition(game, status).get("modifiers", {}):
        return 0.0
    return float(PENALTY * wounds(game, game.world.player))


def heal_time(game: Game, status: str) -> int:
    span = definition(game, status).get("duration")
    return parse_duration(span) if span is not None else HEAL


def set_wounds(game: Game, who: str, count: int) -> None:
    """Put `who` at `count` wounds: the step's status on, the others off, the next heal
    scheduled."""
    steps = ladder(game.world.data)
    count = max(0, min(count, len(steps)))
    now = steps[count - 1] if count else None
    for status in steps:
        if status != now and stats.has_status(game, who, status):
            stats.remove_status(game, who, status)
    if now is not None and not stats.has_status(game, who, now):
        stats.add_status(game, who, now)
    if wounds(game, who) != count:
        ops.set_prop(game, who, "wounds", count)
    if now is None:
        ops.set_prop(game, who, "heals_at", None)
        return
    due = game.state.minutes + heal_time(game, now)
    ops.set_prop(game, who, "heals_at", due)
    ops.schedule(game, f"wounds:{who}", due)


def wound(game: Game, who: str) -> str:
    """A blow lands on `who`. Returns "down" (a foe hurt past the last step), "beaten"
    (the player, when the world lets him be), else "hurt"."""
    count = wounds(game, who) + 1
    steps = ladder(game.world.data)
    player = who == game.world.player
    if count > len(steps) and not player:
        set_wounds(game, who, len(steps))
        return "down"
    if count > len(steps) and defeat(game.world.data) is not None:
        set_wounds(game, who, len(steps))
        ops.set_flag(game, BEATEN, True)
        return "beaten"
    set_wounds(game, who, count)
    game.emit("combat.wounded", who=who, wounds=min(count, len(steps)), status=step(game, who))
    return "hurt"


def wound_text(game: Game) -> str:
    """What the player reads on being hurt: the `begins` line of the step he is at now
    (nothing for the blow that beat him: the defeat's text tells that)."""
    if game.state.flags.get(BEATEN):
        return ""
    status = step(game, game.world.player)
    return game.render(str(definition(game, status).get("begins", ""))) if status else ""


@handler("wounds")
def _heals(game: Game, who: str) -> None:
    """A wound heals, if this is still the heal that is due (a new wound puts it off)."""
    due = query.prop(game, who, "heals_at")
    if not isinstance(due, int | float) or due > game.state.minutes or not wounds(game, who):
        return
    was = step(game, who)
    set_wounds(game, who, wounds(game, who) - 1)
    game.emit("combat.healed", who=who, wounds=wounds(game, who))
    if who == game.world.player and was is not None and step(game, who) != was:
        ends = definition(game, was).get("ends")
        if ends and not game.state.done:
            game.say(game.render(str(ends)))


@every_turn("beaten", after="watchful")
def beaten(game: Game, action: Action, first_event: int) -> None:
    """The player was beaten this turn: told after the blow, then the world's defeat."""
    if not game.state.flags.get(BEATEN) or game.state.done:
        return
    ops.set_flag(game, BEATEN, None)
    found = defeat(game.world.data) or {}
    here = query.here(game)
    foes = [
        e
        for e in query.contents(game, here)
        if game.world.entities[e].kind == "person" and query.prop(game, e, "hostile")
    ]
    for foe in foes:  # they have done what they came to do, and turn their backs
        if query.prop(game, foe, "sighted"):
            ops.set_prop(game, foe, "sighted", False)
        if query.prop(game, foe, "alert"):
            ops.set_prop(game, foe, "alert", False)
        if not query.prop(game, foe, "slacking"):
            ops.set_prop(game, foe, "slacking", True)
    defeats = int(game.state.flags.get("defeats", 0) or 0) + 1
    ops.set_flag(game, "defeats", defeats)
    ops.set_flag(game, "defeated", True)
    game.emit("combat.defeated", who=game.world.player, place=here, foes=foes)
    if found.get("text"):
        game.say(game.render(str(found["text"])))
    effects.apply(game, found.get("effects", []))


@rule("report", "diagnose", order=25)
def how_hurt(game: Game, action: Action) -> str:
    """How long the player's wounds will take, and whether one more would beat him."""
    player = game.world.player
    if not wounds(game, player):
        return ""
    answered(action)
    due = query.prop(game, player, "heals_at")
    lines = []
    if wounds(game, player) >= len(ladder(game.world.data)) and defeat(game.world.data):
        lines.append(LAST_LEGS(game, action))
    if isinstance(due, int | float) and due > game.state.minutes:
        left = int(due) - game.state.minutes
        span = describe_span(left if left < 90 else round(left / 60) * 60)
        lines.append(MENDING(game, action, span=span))
    return " ".join(lines)


@condition("wounds")
def _wounded(game: Game, arg: dict[str, Any]) -> bool:
    """How many unhealed wounds someone (`who`, default the player) has, at least `min`
    and at most `max`: {wounds: {min: 2}}."""
    count = wounds(game, arg.get("who", game.world.player))
    return count >= arg.get("min", 0) and count <= arg.get("max", 10**9)
