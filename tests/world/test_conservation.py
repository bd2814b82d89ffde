"""Conservation: whatever the player does, every thing has exactly one holder and no ryo
is made or lost."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.helpers import play

from kage.session import Session
from kage.world import query

COMMANDS = [
    "take all",
    "drop all",
    "take wallet",
    "drop wallet",
    "put all in backpack",
    "take all from backpack",
    "wear backpack",
    "remove backpack",
    "give wallet to teuchi",
    "give headband to tsunade",
    "put headband on desk",
    "give necklace to tsunade",
    "eat ramen",
    "go to apartment",
    "go to ichiraku",
    "go to office",
    "go to gate",
    "down",
    "ne",
    "s",
    "n",
    "take photo and ramen",
    "put wallet in wallet",
    "undo",
    "take it",
    "drop it",
    "wait 2 hours",
    "take headband",
    "wear headband",
]


def check_invariants(session: Session, money: int) -> None:
    game = session.game
    world = game.world
    things = {e.id for e in world.entities.values() if e.kind != "place"}
    assert set(game.state.holder) == things
    for entity, holder in game.state.holder.items():
        assert holder in world.entities, (entity, holder)
        assert query.place_of(game, entity) is not None, entity  # no cycles, no limbo
    assert sum(game.state.money.values()) == money
    assert all(amount >= 0 for amount in game.state.money.values())


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(COMMANDS), max_size=25))
def test_things_and_money_are_conserved(banished, tmp_path, commands) -> None:
    session = Session(banished, saves=tmp_path)
    session.opening()
    money = sum(session.game.state.money.values())
    assert money == 1200 + 12000  # Naruto's wallet and Genji's till
    for command in commands:
        session.step(command)
        check_invariants(session, money)


def test_paying_moves_money_to_the_cook(new_session) -> None:
    session = new_session()
    for line in ["go to apartment", "take wallet", "go to ichiraku", "eat ramen"]:
        session.step(line)
    money = session.game.state.money
    assert money["wallet"] == 1050 and money["teuchi"] == 150


def test_a_meal_just_eaten_is_not_bought_again(new_session) -> None:
    """'eat ramen' right after the bowl is served is not a second bowl paid for silently."""
    session = new_session()
    for line in ["go to apartment", "take wallet", "go to ichiraku", "eat ramen"]:
        session.step(line)
    again = play(session, "eat ramen")
    money = session.game.state.money
    assert money["wallet"] == 1050 and money["teuchi"] == 150
    assert "count out" not in again
