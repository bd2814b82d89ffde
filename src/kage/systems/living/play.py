"""The living world inside a game: its state in `records["living"]`, the clock's ticker,
news born from the story, sightings of the player, and what faction changes do to the
story (their `on_break` / `on_strain` / `on_restore` effects).

The record is plain lists of numbers, replaced whole when it changes (records are never
edited in place, so copying a state stays cheap). When less than a whole day has passed
the ticker returns after one comparison.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.systems import stats
from kage.systems.living import DAY, KEY
from kage.systems.living import factions as fx
from kage.systems.living.build import has_living, static_from_data
from kage.systems.living.sim import Change, Sim, Static, from_record, to_record
from kage.world import effects, ops, query
from kage.world.conditions import holds

if TYPE_CHECKING:
    from kage.game import Game
    from kage.world.model import World

ON = {fx.BROKEN: "on_break", fx.STRAINED: "on_strain", fx.ACTIVE: "on_restore"}


def static(world: World) -> Static | None:
    found = world.runtime.get(KEY)
    if found is None:
        found = static_from_data(world.data) if has_living(world.data) else False
        world.runtime[KEY] = found
    return found or None


def record(game: Game) -> dict[str, Any] | None:
    return game.state.records.get(KEY)


def load(game: Game) -> Sim | None:
    """The simulation as the state has it (None if the world has no living world)."""
    found = static(game.world)
    if found is None:
        return None
    rec = record(game)
    return Sim(found, from_record(rec) if rec else None, seed=game.state.rng)


def save(game: Game, sim: Sim) -> None:
    rec = record(game) or {}
    extra = {"born": dict(rec.get("born", {})), "seen": dict(rec.get("seen", {}))}
    ops.record(game, KEY, to_record(sim.dyn, extra))


def advance(game: Game, minute: int) -> None:
    """Live every whole day up to `minute`, then let the story react to what changed."""
    rec = record(game)
    if rec is not None and minute // DAY <= rec["day"]:
        return
    sim = load(game)
    if sim is None:
        return
    changes = sim.step_to(minute // DAY)
    save(game, sim)
    mirror(game, sim)
    react(game, sim, changes)


def react(game: Game, sim: Sim, changes: list[Change]) -> None:
    treaties = sim.static.treaties
    for change in changes:
        tid = treaties.ids[change.treaty]
        game.emit("living.treaty", id=tid, status=fx.STATUS[change.status], day=change.day)
        todo = treaties.effects[change.treaty].get(ON[change.status], [])
        if todo and not game.state.done:
            effects.apply(game, todo)


def mirror(game: Game, sim: Sim) -> None:
    """Named people's skills and grief, as props other systems and the story can read."""
    people = sim.static.people
    if not people.who:
        return
    lives = sim.dyn.lives
    for row, who in enumerate(people.who):
        if who is None or who not in game.world.entities:
            continue
        stat = (people.stats or [None] * people.size)[row]
        if stat:
            stats.set_stat(game, who, stat, round(float(lives.skill[row]), 1))
        stats.set_stat(game, who, "grief", round(float(lives.grief[row])))


def births(game: Game) -> None:
    """News born from the story: a source whose `when` first holds, and sightings of
    anyone whose whereabouts the world tracks."""
    found = static(game.world)
    if found is None:
        return
    rec = record(game) or {}
    born = rec.get("born", {})
    due = [
        entry
        for sid, entry in game.world.data.get("news_sources", {}).items()
        if sid not in born and entry.get("when") and holds(game, entry["when"])
    ]
    sighting = _sighting(game, found, rec.get("seen", {}))
    if not due and sighting is None:
        return
    sim = load(game)
    assert sim is not None
    born = dict(born)
    for entry in due:
        when = _born_at(game, entry)
        sim.birth(entry["id"], when / DAY)
        born[entry["id"]] = when
        game.emit("living.news", id=entry["id"], at=entry["origin"])
    seen = dict(rec.get("seen", {}))
    if sighting is not None:
        wid, settlement, named = sighting
        seen[wid] = found.geo.ids[settlement] if settlement >= 0 else ""
        if settlement >= 0:
            source = f"seen:{wid}:named" if named else f"seen:{wid}"
            item = f"seen:{wid}@{seen[wid]}"
            sim.birth(source, game.state.minutes / DAY, settlement, item)
            game.emit("living.seen", who=wid, at=found.geo.ids[settlement])
    ops.record(game, KEY, to_record(sim.dyn, {"born": born, "seen": seen}))


def birth(game: Game, source_id: str, at: str | None = None) -> None:
    """News from `source_id` is born now, at its origin or at settlement `at`."""
    sim = load(game)
    if sim is None:
        return
    origin = sim.static.geo.index[at] if at else None
    sim.birth(source_id, game.state.minutes / DAY, origin)
    rec = record(game) or {}
    born = {**rec.get("born", {}), source_id: game.state.minutes}
    ops.record(game, KEY, to_record(sim.dyn, {"born": born, "seen": dict(rec.get("seen", {}))}))
    game.emit("living.news", id=source_id, at=at or "")


def _born_at(game: Game, entry: dict[str, Any]) -> int:
    ref = entry.get("born_at")
    if ref:
        value = game.state.records.get(ref["record"], {}).get(ref["key"])
        if isinstance(value, int | float):
            return int(value)
    return game.state.minutes


def _sighting(game: Game, found: Static, seen: dict[str, str]) -> tuple[str, int, bool] | None:
    """(whereabouts id, settlement, known by name) if someone tracked has just been seen
    somewhere new (or has just left for nowhere: settlement -1)."""
    for wid, entry in found.extra["whereabouts"].items():
        who = entry["who"]
        place = query.place_of(game, who) or ""
        ent = game.world.entities.get(place)
        settlement = found.geo.settlement_of(place, ent.zones if ent else ())
        name = found.geo.ids[settlement] if settlement >= 0 else ""
        if seen.get(wid) == name and wid in seen:
            continue
        if name in entry.get("ignores", ()):
            settlement, name = -1, ""
            if seen.get(wid) == name and wid in seen:
                continue
        if settlement >= 0 and entry.get("hidden") and holds(game, entry["hidden"]):
            continue
        named = bool(entry.get("recognised")) and holds(game, entry["recognised"])
        named = named and f"seen:{wid}:named" in found.sources
        return wid, settlement, named
    return None


def settlement_here(game: Game, who: str | None = None) -> int:
    found = static(game.world)
    if found is None:
        return -1
    place = query.place_of(game, who or game.world.player) or ""
    ent = game.world.entities.get(place)
    return found.geo.settlement_of(place, ent.zones if ent else ())


def run_until(game: Game, minute: int) -> Sim | None:
    """Bring the living world to `minute` without moving the story's clock (reports)."""
    births(game)
    advance(game, minute)
    return load(game)
