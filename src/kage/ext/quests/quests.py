"""Quests: a promise and its stages (the `quests` section), and the `quests` journal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.actions.pipeline import Action, rule
from kage.world import ops
from kage.world.conditions import condition
from kage.world.effects import effect

if TYPE_CHECKING:
    from kage.game import Game


def stage(game: Game, quest: str) -> str | None:
    record = game.state.records.get(f"quest:{quest}")
    return record["stage"] if record else None


@effect("quest")
def _advance(game: Game, arg: dict[str, Any]) -> None:
    """{quest: {id: free_the_miners, stage: promised}}: the quest moves to that stage (the
    first stage gives the quest, and the player is told)."""
    old = game.state.records.get(f"quest:{arg['id']}", {"history": []})
    if old.get("stage") == arg["stage"]:
        return
    history = [*old["history"], [arg["stage"], game.state.minutes]]
    ops.record(game, f"quest:{arg['id']}", {"stage": arg["stage"], "history": history})
    game.emit("quest", id=arg["id"], stage=arg["stage"])
    spec = game.world.data["quests"][arg["id"]]
    last = spec["stages"][-1]["id"] if spec.get("stages") else None
    if len(history) == 1 and arg["stage"] != last and not game.state.done:
        # a quest given and finished in one breath (or after the story ended) is no news
        game.notice(f"[New quest: {spec['title']}.]")


@condition("quest", reads=("quest",))
def _at_stage(game: Game, arg: dict[str, Any]) -> bool:
    """The quest has been given ({quest: {id: q}}), or is at the stage named ({quest: {id:
    q, stage: done}})."""
    current = stage(game, arg["id"])
    wanted = arg.get("stage")
    if wanted is None:
        return current is not None
    return current in wanted if isinstance(wanted, list) else current == wanted


@rule("carry_out", "quests")
def no_time(game: Game, action: Action) -> None:
    action.minutes = 0


@rule("report", "quests")
def journal(game: Game, action: Action) -> str:
    lines = []
    for quest_id, spec in game.world.data.get("quests", {}).items():
        current = stage(game, quest_id)
        if current is None:
            continue
        text = next((s["text"] for s in spec["stages"] if s["id"] == current), current)
        lines.append(f"{spec['title']}: {game.render(text)}")
    return "\n".join(lines) if lines else "You have made no promises yet."
