"""The living world inside a game: its state in `records["living"]`, the clock's ticker,
news born from the story, sightings of the player, and what faction changes do to the
story (their `on_break` / `on_strain` / `on_restore` effects).

The record is plain lists of numbers, replaced whole when it changes (records are never
edited in place, so copying a state stays cheap). When less than a whole day has passed
the ticker returns after one comparison. The simulation that wrote a game's record is kept
beside the game, and goes on from there while the state still holds that very record, so
a tick does not rebuild it, and what it has worked out (who hears when, the treaties'
outlook) carries over from tick to tick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.ext.living import factions as fx
from kage.ext.living.build import has_living, static_from_data
from kage.ext.living.keys import DAY, KEY, OWED, alive
from kage.ext.living.sim import Change, Sim, Static, from_record, to_record
from kage.world import effects, ops, query, watch
from kage.world.conditions import NEVER, Wake, holds
from kage.world.events import PLAYER_MOVED

if TYPE_CHECKING:
    from kage.game import Game
    from kage.world.model import World

ON = {fx.BROKEN: "on_break", fx.STRAINED: "on_strain", fx.ACTIVE: "on_restore"}

# game.kept[KEPT]: (the record this game saved last, the simulation it was made from)
KEPT = "living.sim"
SIGHTINGS = " sightings"  # its key in the living world's watch (no news source's id)


def static(world: World) -> Static | None:
    found = world.runtime.get(KEY)
    if found is None:
        found = static_from_data(world.data) if has_living(world.data) else False
        world.runtime[KEY] = found
    return found or None


def record(game: Game) -> dict[str, Any] | None:
    return game.state.records.get(KEY)


def catch_up(game: Game) -> None:
    """Live the days the clock has moved past, before anything reads the living world."""
    owed = game.kept.pop(OWED, None)
    if owed is not None and alive(game):
        advance(game, owed)


def load(game: Game) -> Sim | None:
    """The simulation as the state has it (None if the world has no living world)."""
    catch_up(game)
    found = static(game.world)
    if found is None:
        return None
    rec = record(game)
    return Sim(found, from_record(rec) if rec else None, seed=game.state.rng)


def current(game: Game) -> Sim | None:
    """The simulation as the state has it, to read and not to change (kept or loaded)."""
    catch_up(game)
    return _kept(game) or load(game)


def _kept(game: Game) -> Sim | None:
    """The simulation kept from this game's last save, while the state still holds that
    very record (records are replaced, never edited, so it is still the same)."""
    kept = game.kept.get(KEPT)
    if kept is not None and kept[0] is record(game) and kept[1].static is static(game.world):
        return kept[1]
    return None


def save(game: Game, sim: Sim) -> None:
    ops.record(game, KEY, to_record(sim.dyn, _extra(game)))


def _extra(game: Game) -> dict[str, Any]:
    rec = record(game) or {}
    return {"born": dict(rec.get("born", {})), "seen": dict(rec.get("seen", {}))}


def _working(game: Game) -> Sim | None:
    """The simulation to change and then save: the kept one, else a fresh load. It is
    out of keeping until saved, so nothing reads it half-changed."""
    sim = _kept(game)
    game.kept.pop(KEPT, None)
    if sim is None:
        return load(game)
    sim.seed = game.state.rng  # as a fresh load would have it
    return sim


def _store(game: Game, sim: Sim, extra: dict[str, Any]) -> None:
    rec = to_record(sim.dyn, extra)
    ops.record(game, KEY, rec)
    game.kept[KEPT] = (rec, sim)


def advance(game: Game, minute: int) -> None:
    """Live every whole day up to `minute`, then let the story react to what changed."""
    rec = record(game)
    if rec is not None and minute // DAY <= rec["day"]:
        return
    sim = _working(game)
    if sim is None:
        return
    changes = sim.step_to(minute // DAY)
    _store(game, sim, _extra(game))
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
    rows = sim.static.extra.get("mirrored")
    if rows is None:
        people = sim.static.people
        stat_of = people.stats or [None] * people.size
        rows = [
            (row, who, stat_of[row])
            for row, who in enumerate(people.who or [])
            if who is not None and who in game.world.entities
        ]
        sim.static.extra["mirrored"] = rows
    if not rows:
        return
    skill = sim.dyn.lives.skill.tolist()
    grief = sim.dyn.lives.grief.tolist()
    prop = query.prop
    props = game.state.props
    moved = 0
    # set only what moved; one event for the lot (dozens of "prop" events a simulated
    # day would cost more than the day itself)
    for row, who, stat in rows:
        if stat:
            value = round(skill[row], 1)
            if prop(game, who, stat) != value:
                props.setdefault(who, {})[stat] = value
                moved += 1
        value = round(grief[row])
        if prop(game, who, "grief") != value:
            props.setdefault(who, {})["grief"] = value
            moved += 1
    if moved:
        game.emit("living.lives", day=sim.dyn.day, changed=moved)


def births(game: Game) -> None:
    """News born from the story: a source whose `when` first holds, and sightings of
    anyone whose whereabouts the world tracks."""
    found = static(game.world)
    if found is None:
        return
    rec = record(game) or {}
    born = rec.get("born", {})
    looking = watch.look(game, "watch.living")  # sources and sightings found wanting
    due = [
        entry
        for sid, entry in game.world.data.get("news_sources", {}).items()
        if sid not in born and entry.get("when") and looking.holds(sid, entry["when"])
    ]
    sighting = None
    if not looking.unchanged(SIGHTINGS):
        sighting = _sighting(game, found, rec.get("seen", {}))
        if sighting is None:  # nobody new seen: so it stays until someone moves
            looking.keep(SIGHTINGS, _sighting_wake(game, found))
        else:  # one sighting a turn: another may be waiting
            looking.forget(SIGHTINGS)
    elif watch.VERIFY_SKIPS and _sighting(game, found, rec.get("seen", {})) is not None:
        raise AssertionError("a sighting was passed over")
    if not due and sighting is None:
        return
    sim = _working(game)
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
    _store(game, sim, {"born": born, "seen": seen})


def birth(game: Game, source_id: str, at: str | None = None) -> None:
    """News from `source_id` is born now, at its origin or at settlement `at`."""
    sim = _working(game)
    if sim is None:
        return
    origin = sim.static.geo.index[at] if at else None
    sim.birth(source_id, game.state.minutes / DAY, origin)
    extra = _extra(game)
    extra["born"][source_id] = game.state.minutes
    _store(game, sim, extra)
    game.emit("living.news", id=source_id, at=at or "")


def _born_at(game: Game, entry: dict[str, Any]) -> int:
    ref = entry.get("born_at")
    if ref:
        value = game.state.records.get(ref["record"], {}).get(ref["key"])
        if isinstance(value, int | float):
            return int(value)
    return game.state.minutes


def _sighting_wake(game: Game, found: Static) -> Wake:
    """What could make someone tracked seen somewhere new: a move of theirs (the player's:
    his own, or of what he is in), a thing used up, or what would wake their `hidden`
    condition as it stands now (a status that runs out wakes it at its end, not at every
    minute). The record of where each was last seen changes only by `births`."""
    player = game.world.player
    events = {"consumed"}
    until = NEVER
    for entry in found.extra["whereabouts"].values():
        events.add(PLAYER_MOVED if entry["who"] == player else "moved")
        if entry.get("hidden"):
            wake = watch.why(game, entry["hidden"])(game)[1]
            if wake is None:
                return None
            events |= wake[0]
            until = min(until, wake[1])
    return frozenset(events), until


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
