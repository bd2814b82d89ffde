"""The contents index is kept up to date move by move, not rebuilt: it must always list
what a rebuild from the state would list, in the same order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kage import worlds
from kage.game import Game
from kage.world import ops

WORLD = worlds.load("banished")
THINGS = [e.id for e in WORLD.entities.values() if e.kind == "thing"][:40]
HOLDERS = [e.id for e in WORLD.entities.values() if e.kind in ("place", "person")][:15]


def rebuilt(game: Game) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for entity, holder in game.state.holder.items():
        index.setdefault(holder, []).append(entity)
    return index


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(THINGS), st.sampled_from(HOLDERS), st.booleans()),
        max_size=30,
    )
)
def test_the_index_matches_a_rebuild_after_any_moves(steps: list[tuple[str, str, bool]]) -> None:
    game = Game(WORLD, seed=1)
    game.contents_index()  # built now, then only updated
    for thing, holder, eaten in steps:
        if eaten:
            ops.consume(game, thing)
        else:
            ops.move(game, thing, holder)
        kept = {h: list(c) for h, c in game.contents_index().items() if c}
        assert kept == rebuilt(game)


def test_a_list_being_walked_is_not_changed_by_the_moves_made_while_walking_it() -> None:
    game = Game(WORLD, seed=1)
    place = next(h for h in HOLDERS if len(game.contents_index().get(h, [])) >= 2)
    listed = game.contents_index()[place]
    before = list(listed)
    for entity in listed:
        ops.move(game, entity, HOLDERS[0] if place != HOLDERS[0] else HOLDERS[1])
    assert listed == before
    assert not [e for e in before if game.state.holder[e] == place]
