"""Compiled conditions decide exactly what the condition functions decide.

`holds` compiles each condition dict to a closure once; this checks the closures against
a plain recursive reading of the same dict through the engine's condition functions, over
random conditions and random states."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kage.game import Game
from kage.world import ops
from kage.world.conditions import holds
from kage.world.model import World

FLAGS = ("a", "b", "c")
PLACES = ("yard", "shop", "field")
THINGS = ("wallet", "spear", "cloak")


def leaves() -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(
        st.builds(lambda f: {"flag": f}, st.sampled_from(FLAGS)),
        st.builds(
            lambda f, v: {"flag": {f: v}}, st.sampled_from(FLAGS), st.sampled_from([True, 0, 2])
        ),
        st.builds(lambda p: {"at": p}, st.sampled_from(PLACES)),
        st.builds(lambda ps: {"at": ps}, st.lists(st.sampled_from(PLACES), max_size=2)),
        st.builds(lambda f: {"fired": f}, st.sampled_from(FLAGS)),
        st.builds(lambda m: {"milestone": m}, st.sampled_from(FLAGS)),
        st.builds(lambda n: {"time": {"min": n}}, st.integers(0, 30)),
        st.builds(lambda n: {"time": {"below": n}}, st.integers(0, 30)),
        st.builds(lambda t: {"has": t}, st.sampled_from(THINGS)),
        st.builds(lambda p: {"visited": p}, st.sampled_from(PLACES)),
        st.just({}),
    )


conditions = st.recursive(
    leaves(),
    lambda inner: st.one_of(
        st.builds(lambda cs: {"all": cs}, st.lists(inner, max_size=3)),
        st.builds(lambda cs: {"any": cs}, st.lists(inner, max_size=3)),
        st.builds(lambda c: {"not": c}, inner),
        st.builds(lambda a, b: {**a, **b}, inner, inner),  # several keys: all must hold
    ),
    max_leaves=8,
)


def read(game: Game, cond: dict[str, Any] | None) -> bool:
    """The condition read afresh, recursing by hand, with no compiled closure anywhere."""
    if not cond:
        return True
    for key, arg in cond.items():
        if key == "all":
            ok = all(read(game, c) for c in arg)
        elif key == "any":
            ok = any(read(game, c) for c in arg)
        elif key == "not":
            ok = not read(game, arg)
        else:
            ok = game.engine.conditions[key](game, arg)
        if not ok:
            return False
    return True


states = st.fixed_dictionaries(
    {
        "flags": st.fixed_dictionaries(
            {f: st.sampled_from([True, False, 0, 2, None]) for f in FLAGS}
        ),
        "fired": st.lists(st.sampled_from(FLAGS), unique=True),
        "milestones": st.lists(st.sampled_from(FLAGS), unique=True),
        "minutes": st.integers(0, 30),
        "place": st.sampled_from(PLACES),
        "dropped": st.lists(st.sampled_from(THINGS), unique=True),
    }
)


@settings(max_examples=300, deadline=None)
@given(cond=conditions, state=states)
def test_compiled_conditions_agree_with_reading_them(
    yard: World, cond: dict[str, Any], state: dict[str, Any]
) -> None:
    game = Game(yard)
    game.state.flags.clear()
    game.state.flags.update({k: v for k, v in state["flags"].items() if v is not None})
    game.state.fired.clear()
    game.state.fired.update(dict.fromkeys(state["fired"], 0))
    game.state.milestones.clear()
    game.state.milestones.update(dict.fromkeys(state["milestones"], 0))
    game.state.minutes = state["minutes"]
    ops.move(game, game.world.player, state["place"])
    for thing in state["dropped"]:
        if thing in game.world.entities:
            ops.move(game, thing, "field")
    assert holds(game, cond) == read(game, cond)
    assert holds(game, cond) == read(game, cond)  # the second time from the cache
