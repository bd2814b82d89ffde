"""Appraisal, selling, haggling and buying at Genji's shop; money and things conserved."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.helpers import fresh, play, played_until, walkthrough

from kage.session import Session
from kage.systems import economy

FULL = walkthrough("full.txt")
AT_SHOP = FULL[: FULL.index("sell loot scroll")]


@pytest.fixture(scope="module")
def at_shop(banished, tmp_path_factory) -> Session:
    return played_until(banished, "sell loot scroll", tmp_path_factory.mktemp("saves"))


def test_worn_things_are_worth_less(at_shop) -> None:
    game = fresh(at_shop).game
    good = economy.worth(game, "tanto") / 2000
    worn = economy.worth(game, "worn_katana") / 2500
    assert worn < good * 0.6


def test_the_loot_fetches_three_thousand_and_takes_an_hour(at_shop) -> None:
    session = fresh(at_shop)
    start = session.game.state.minutes
    text = play(session, "sell loot scroll")
    assert "3,000 ryo" in text and "worn out" in text
    assert session.game.state.minutes - start == 60
    before = session.game.state.money["wallet"]
    play(session, "accept")
    state = session.game.state
    assert state.money["wallet"] == before + 3000
    assert state.holder["worn_katana"] == "genji"
    assert state.flags["sold.weapons_shop"]


def test_declining_keeps_everything(at_shop) -> None:
    session = fresh(at_shop)
    play(session, "sell loot scroll", "decline")
    state = session.game.state
    assert state.holder["worn_katana"] == "loot_scroll"
    assert "offer:weapons_shop" not in state.records
    assert "SELL something first" in play(session, "accept")


def test_haggling_within_reason_and_greed(at_shop) -> None:
    session = fresh(at_shop)
    play(session, "sell loot scroll")
    assert "Fine. 3,250" in play(session, "ask for 3250 ryo")
    session = fresh(at_shop)
    play(session, "sell loot scroll")
    assert "insult" in play(session, "ask for 9000 ryo")
    text = play(session, "ask for 9000 ryo", "ask for 9000 ryo")
    assert "Forget it" in text
    assert "offer:weapons_shop" not in session.game.state.records


def test_selling_one_thing_and_keeping_the_rest(at_shop) -> None:
    session = fresh(at_shop)
    play(session, "unseal loot scroll", "sell tanto", "accept")
    state = session.game.state
    assert state.holder["tanto"] == "genji"
    assert state.holder["worn_katana"] == "naruto"


def test_buying_back_costs_more_than_he_paid(at_shop) -> None:
    session = fresh(at_shop)
    play(session, "sell loot scroll", "accept")
    paid = session.game.state.money["wallet"]
    text = play(session, "buy tanto")
    assert "You pay 2,200 ryo" in text
    assert session.game.state.holder["tanto"] == "naruto"
    assert session.game.state.money["wallet"] == paid - 2200
    assert "don't have that much" in play(session, "buy worn katana", "buy dented chest plate")


def test_the_dragon_sword_is_not_his_kind_of_sale_unless_offered(at_shop) -> None:
    session = fresh(at_shop)
    text = play(session, "ask genji about the dragon")
    assert "Never seen the mark" in text


TRADES = [
    "sell loot scroll",
    "accept",
    "decline",
    "haggle",
    "ask for 3300 ryo",
    "ask for 99999 ryo",
    "unseal loot scroll",
    "sell tanto",
    "sell all",
    "buy tanto",
    "buy worn katana",
    "seal tanto in loot scroll",
    "drop tanto",
    "take tanto",
    "w",
    "e",
    "wares",
    "undo",
]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(TRADES), max_size=14))
def test_trades_and_thefts_conserve_money_and_things(at_shop, commands) -> None:
    session = fresh(at_shop)
    game = session.game
    total = sum(game.state.money.values())
    things = {e.id for e in game.world.entities.values() if e.kind != "place"}
    for command in commands:
        session.step(command)
        assert sum(game.state.money.values()) == total
        assert all(v >= 0 for v in game.state.money.values())
        assert set(game.state.holder) == things
