"""Out-of-world answers that take no time: score, hint, help, time, think."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.actions.pipeline import Action, Rulebooks
from kage.world.clock import time_of_day
from kage.world.conditions import holds

if TYPE_CHECKING:
    from kage.game import Game

FREE = frozenset({"score", "hint", "help", "time", "think"})

HELP = """Type what you want to do, in plain words. Some commands:
  look (l), examine THING (x), inventory (i), take / drop THING, put X in Y, give X to Y
  go north (n, s, e, w, u, d), go to PLACE, leave
  talk to PERSON, ask PERSON about TOPIC, tell PERSON about TOPIC, say WORDS
  wait (z), wait 3 hours, sleep, think, time
  again (g), undo, save, restore, score, hint, help, quit
Several commands on one line: "take scroll. go south" or "take scroll then go south".
"it", "him", "her" and "them" refer to what you mentioned last; "all" and "all except" work."""


_SLOTS = {
    "person": "PERSON",
    "thing": "THING",
    "things": "THINGS",
    "held": "THING",
    "topic": "TOPIC",
    "number": "N",
    "unit": "DAYS",
    "text": "WORDS",
    "place": "PLACE",
}


def _world_verbs(game: Game) -> str:
    """The verbs this world and its extensions add, each as its first phrasing ("hug
    PERSON"); an extension's own first phrasing stands for its action."""
    shown = []
    verbs = {**game.world.verbs, **{action: list(p) for action, p in game.engine.grammar}}
    for patterns in verbs.values():
        if not patterns:
            continue
        words = []
        for word in patterns[0].split():
            if word.startswith("{") and word.endswith("}"):
                words.append(_SLOTS.get(word[1:-1], word[1:-1].upper()))
            else:
                words.append(word.split("|")[0])
        shown.append(" ".join(words))
    if not shown:
        return ""
    return "\nThis story also knows: " + ", ".join(sorted(set(shown))) + "."


def install(rules: Rulebooks) -> None:
    @rules.rule("carry_out", *FREE)
    def no_time(game: Game, action: Action) -> None:
        action.minutes = 0

    @rules.rule("report", "score")
    def report_score(game: Game, action: Action) -> str:
        world = game.world
        lines = [
            f"You have scored {game.score} out of a possible {world.max_score}, "
            f"in {game.state.turn} turns."
        ]
        for milestone_id in game.state.milestones:
            milestone = world.milestones[milestone_id]
            lines.append(f"  {milestone.points:>3}  {milestone.text or milestone.id}")
        return "\n".join(lines)

    @rules.rule("report", "hint")
    def report_hint(game: Game, action: Action) -> str:
        for hint in game.world.hints:
            if holds(game, hint.when) and not holds(game, hint.done):
                return game.render(hint.text)
        return "You are on your own now, and doing fine."

    @rules.rule("report", "help")
    def report_help(game: Game, action: Action) -> str:
        return HELP + _world_verbs(game)

    @rules.rule("report", "time")
    def report_time(game: Game, action: Action) -> str:
        day = game.state.minutes // 1440 + 1
        part = time_of_day(game.world.start_time, game.state.minutes)
        return f"It is {part}, on day {day} of the story ({game.clock})."

    @rules.rule("report", "think")
    def report_thoughts(game: Game, action: Action) -> str:
        return game.pick(game.world.hope_lines) or "Your thoughts wander."
