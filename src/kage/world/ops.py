"""The only functions that change a game's state. Each one records an event.

Keeping every write here is what makes "events are the truth" hold: a system that wants
to change the world calls one of these, and the change lands in the log with its time.
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING, Any

from kage.world import query

if TYPE_CHECKING:
    from kage.game import Game


def clamp(value: float, low: int = -100, high: int = 100) -> int:
    return int(max(low, min(high, round(value))))


def move(game: Game, entity: str, to: str) -> None:
    old = game.state.holder.get(entity)
    if old == to:
        return
    player = entity == game.world.player
    was = query.here(game) if player else ""
    game.state.holder[entity] = to
    game.relocated(entity, old, to)
    game.emit("moved", entity=entity, source=old, to=to)
    ent = game.world.entities.get(to)
    is_place = ent is not None and ent.kind == "place"
    if player and is_place and game.state.visited.get(to, -1) < 0:
        game.state.visited[to] = game.state.minutes  # -1 meant heard of, not yet seen
    if player and query.here(game) != was:
        game.player_moved(was)  # however it came about: walking, an effect, a scene


def consume(game: Game, entity: str) -> None:
    """Take a thing out of play for good, on purpose (eaten, drunk up): it keeps no holder,
    and its `consumed` prop says why it is gone, so conservation can tell it from a loss.
    What it held is left where it was, and so is any money in it."""
    old = game.state.holder.get(entity)
    if old is None:
        return
    for inside in list(query.contents(game, entity)):
        move(game, inside, old)
    transfer(game, entity, old, game.state.money.get(entity, 0))
    del game.state.holder[entity]
    game.relocated(entity, old, None)
    set_prop(game, entity, "consumed", True)
    game.emit("consumed", entity=entity, source=old)


def set_flag(game: Game, key: str, value: Any) -> None:
    if value is None:
        if key in game.state.flags:
            del game.state.flags[key]
            game.emit("flag", key=key, value=None)
        return
    if game.state.flags.get(key) != value:
        game.state.flags[key] = value
        game.emit("flag", key=key, value=value)


def set_prop(game: Game, entity: str, key: str, value: Any) -> None:
    game.state.props.setdefault(entity, {})[key] = value
    game.touched()
    game.emit("prop", entity=entity, key=key, value=value)


def change_mood(game: Game, who: str, by: float, cause: str = "") -> int:
    old = game.state.mood.get(who, 0)
    new = clamp(old + by)
    if new != old:
        game.state.mood[who] = new
        game.emit("mood", who=who, old=old, new=new, cause=cause)
    return new


def change_bond(game: Game, source: str, target: str, by: float, cause: str = "") -> int:
    key = f"{source}>{target}"
    old = game.state.bonds.get(key, 0)
    new = clamp(old + by)
    if new != old:
        game.state.bonds[key] = new
        game.emit("bond", source=source, target=target, old=old, new=new, cause=cause)
    return new


def transfer(game: Game, source: str, target: str, amount: int) -> bool:
    """Move money between holders. Money is conserved: it fails rather than go negative."""
    if amount <= 0 or game.state.money.get(source, 0) < amount:
        return False
    game.state.money[source] -= amount
    game.state.money[target] = game.state.money.get(target, 0) + amount
    game.emit("money", source=source, target=target, amount=amount)
    return True


def purse_of(game: Game, who: str) -> list[str]:
    """Where a person's money is, in the order it is spent: their hands, then held things."""
    holders = [who] + [i for i in query.carried(game, who) if game.state.money.get(i, 0) > 0]
    return [h for h in holders if game.state.money.get(h, 0) > 0]


def can_pay(game: Game, who: str, amount: int) -> bool:
    return sum(game.state.money.get(p, 0) for p in purse_of(game, who)) >= amount


def pay(game: Game, who: str, to: str, amount: int) -> bool:
    purses = purse_of(game, who)
    if sum(game.state.money.get(p, 0) for p in purses) < amount:
        return False
    left = amount
    for purse in purses:
        part = min(left, game.state.money[purse])
        transfer(game, purse, to, part)
        left -= part
        if not left:
            break
    return True


def reach_milestone(game: Game, milestone: str) -> bool:
    if milestone in game.state.milestones:
        return False
    game.state.milestones[milestone] = game.state.turn
    game.emit("milestone", id=milestone)
    return True


def schedule(game: Game, event: str, minute: int) -> None:
    game.state.seq += 1
    heapq.heappush(game.state.schedule, [minute, game.state.seq, event])
    game.emit("scheduled", event=event, at=minute)


def record(game: Game, key: str, value: dict[str, Any]) -> None:
    """Store a whole record (a vote, an edict). Records are replaced, never edited."""
    game.state.records[key] = value
    game.emit("record", key=key)


def end(game: Game, won: bool, text: str, ending: str) -> None:
    game.state.done = True
    game.state.won = won
    game.state.ending = ending
    game.emit("ended", ending=ending, won=won)
    game.say(text)
