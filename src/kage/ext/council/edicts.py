"""Edicts: a ruling with a subject, a deadline, a zone, a penalty and a duration.

The banishment is one: leave the village and its surroundings within two days, never
come back until further notice, or die. The deadline is a scheduled event, so it falls
whether the player is walking, talking or asleep; crossing into the zone after leaving
it is checked on every step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.actions.pipeline import ACTIVITY, MOVED, Action, rule
from kage.systems.registry import handler, provider
from kage.world import calendar, effects, ops, query
from kage.world.clock import describe_span, parse_duration, short_span

if TYPE_CHECKING:
    from kage.game import Game


def issue(
    game: Game, motion_id: str, subject: str, charge: str, spec: dict[str, Any], issuer: str
) -> dict[str, Any]:
    edict_id = spec.get("id", motion_id)
    deadline = game.state.minutes + parse_duration(spec.get("deadline", 0))
    if spec.get("by") is not None:  # a time of the story's day, not a span from now
        deadline = max(game.state.minutes, parse_duration(spec["by"]))
    record = {
        "id": edict_id,
        "subject": subject,
        "charge": charge,
        "issuer": issuer,
        "issued": game.state.minutes,
        "deadline": deadline,
        "zones": list(spec["zones"]),
        "penalty": spec["penalty"],
        "returning": spec.get("returning", spec["penalty"]),
        "duration": spec.get("duration", "until further notice"),
        "status": "in force",
        "left": False,
        "on_leave": spec.get("on_leave", []),
        "area": spec.get("area") or " and ".join(z.replace("_", " ") for z in spec["zones"]),
        "punishment": spec.get("punishment") or spec["penalty"].replace("_", " "),
    }
    if spec.get("by") is not None:
        record["by"] = True  # a time of the day: the terms name the hour
    ops.record(game, f"edict:{edict_id}", record)
    game.emit("edict.issued", id=edict_id, subject=subject, deadline=deadline)
    ops.schedule(game, f"edict:{edict_id}", deadline)
    return record


def in_force(game: Game) -> list[dict[str, Any]]:
    return [
        r
        for k, r in game.state.records.items()
        if k.startswith("edict:") and r["status"] == "in force"
    ]


def inside(game: Game, record: dict[str, Any]) -> bool:
    place = query.place_of(game, record["subject"]) or ""
    return any(query.in_zone(game, place, zone) for zone in record["zones"])


def enforce(game: Game, record: dict[str, Any], ending: str) -> None:
    from kage.systems.scenes import finish

    ops.record(game, f"edict:{record['id']}", {**record, "status": "enforced"})
    game.emit("edict.enforced", id=record["id"], subject=record["subject"])
    finish(game, ending)


def review(game: Game) -> None:
    """After the subject moves: note that they left, or punish a return or a late stay."""
    for record in in_force(game):
        if inside(game, record):
            if record["left"]:
                enforce(game, record, record["returning"])
            elif game.state.minutes >= record["deadline"]:
                enforce(game, record, record["penalty"])
            if game.state.done:
                return
        elif not record["left"]:
            ops.record(game, f"edict:{record['id']}", {**record, "left": True})
            game.emit("edict.complied", id=record["id"], subject=record["subject"])
            effects.apply(game, record["on_leave"])


@handler("edict")
def deadline_falls(game: Game, edict_id: str) -> None:
    """An edict's deadline: if its subject is still inside the zones it forbids, the penalty
    falls."""
    record = game.state.records.get(f"edict:{edict_id}")
    if record and record["status"] == "in force" and inside(game, record):
        enforce(game, record, record["penalty"])


@provider("edict.left")
def time_left(game: Game, edict_id: str) -> str:
    """{{edict.left:banishment}}: the time the edict's subject still has, in words ("two
    days")."""
    record = game.state.records.get(f"edict:{edict_id}")
    if record is None:
        return "no time at all"
    return describe_span(max(0, record["deadline"] - game.state.minutes))


@provider("edict.due")
def due(game: Game, edict_id: str) -> str:
    """{{edict.due:banishment}}: the time left before the edict's deadline, short ("1d
    23h"), for a status line."""
    record = game.state.records.get(f"edict:{edict_id}")
    return short_span(record["deadline"] - game.state.minutes) if record else ""


@provider("edict.terms")
def terms(game: Game, edict_id: str) -> str:
    """{{edict.terms:banishment}}: the edict's charge, deadline, term and penalty in a
    sentence or three."""
    record = game.state.records.get(f"edict:{edict_id}")
    if record is None:
        return ""
    if record.get("by"):
        world = game.world
        hour = calendar.clock_text(
            world.calendar, calendar.minute_of_day(world, record["deadline"])
        )
        when = f"by {hour}"
    else:
        when = f"within {describe_span(record['deadline'] - record['issued'])}"
    return (
        f"Charge: {record['charge']}. Leave {record['area']} {when}; do not return "
        f"{record['duration']}. Penalty: {record['punishment']}."
    )


@rule(ACTIVITY, MOVED, after=("at_their_pace", "mishaps_on_the_way", "pickpockets_at_work"))
def edicts_watch_the_road(game: Game, action: Action) -> None:
    if game.state.records:
        review(game)
