"""Bargaining for what a shop sells: the appraisal numbers turned round. The market
world of test_economy: the smith sells a fine axe at 1,200 ryo (value 1000, condition
90, markup 1.3, step 50), takes as little as his haggle_room (0.1) allows, rounded up to
his step (1,080 -> 1,100), and stands two rounds (patience 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import fresh, play, world_from
from tests.systems.test_economy import WORLD

from kage import worlds
from kage.session import Session
from kage.world.model import World


@pytest.fixture(scope="module")
def market(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "market", WORLD)


@pytest.fixture(scope="module")
def base(market: World, tmp_path_factory: pytest.TempPathFactory) -> Session:
    session = Session(market, seed=0, saves=tmp_path_factory.mktemp("saves"))
    session.opening()
    play(session, "sell loot scroll", "accept")  # 3,100 ryo in the purse
    return session


@pytest.fixture
def session(base: Session) -> Session:
    return fresh(base)


def money(session: Session, holder: str) -> int:
    return session.game.state.money.get(holder, 0)


def asked(session: Session) -> dict | None:
    return session.game.state.records.get("offer:forge") or None


def total(session: Session) -> int:
    return sum(session.game.state.money.values())


@pytest.mark.parametrize(
    "line",
    [
        "buy axe for 1100",
        "buy the axe for 1100 ryo",
        "offer 1100 ryo for the axe",
        "offer smith 1100 ryo for the axe",
        "offer the smith 1100 for the fine axe",
        "bid 1100 for the axe",
    ],
)
def test_a_bid_within_his_room_buys_at_the_bid(session: Session, line: str) -> None:
    before = total(session)
    text = play(session, line)
    assert "You pay 1,100 ryo for the fine axe" in text
    assert session.game.state.holder["axe"] == "hero"
    assert money(session, "purse") == 3100 - 1100 and money(session, "smith") == 2000 + 1100
    assert total(session) == before and asked(session) is None


def test_a_bid_a_little_low_gets_his_least_and_yes_buys_at_it(session: Session) -> None:
    text = play(session, "offer smith 1000 ryo for the axe")
    assert "1,100 ryo, and not a ryo less" in text and "ACCEPT his price" in text
    assert session.game.state.holder["axe"] == "smith"
    assert asked(session)["amount"] == 1100
    assert "You pay 1,100 ryo for the fine axe" in play(session, "yes")
    assert session.game.state.holder["axe"] == "hero" and money(session, "purse") == 2000


def test_a_plain_haggle_brings_him_down_within_his_room(session: Session) -> None:
    text = play(session, "haggle over the axe")
    amount = asked(session)["amount"]
    assert 1100 <= amount < 1200 and amount % 50 == 0
    assert f"{amount:,} ryo, then" in text
    play(session, "buy axe")
    assert money(session, "purse") == 3100 - amount


def test_an_insulting_bid_costs_two_rounds_and_the_next_ends_the_bargain(
    session: Session,
) -> None:
    assert "insult" in play(session, "buy axe for 300")
    assert asked(session)["amount"] == 1200 and asked(session)["patience"] == 0
    text = play(session, "buy axe for 1000")
    assert "Enough" in text and "1,200 ryo" in text
    assert asked(session) is None and session.game.state.holder["axe"] == "smith"
    assert "You pay 1,200 ryo" in play(session, "buy axe")  # the list price still stands


def test_declining_his_price_leaves_the_ware_and_the_money(session: Session) -> None:
    play(session, "haggle over the axe")
    text = play(session, "decline")
    assert "leaves it where it is" in text and "stay yours" not in text
    assert asked(session) is None and session.game.state.holder["axe"] == "smith"
    assert money(session, "purse") == 3100


def test_no_bid_beyond_the_purse(session: Session) -> None:
    text = play(session, "buy axe for 5000")
    assert "only have 3,100 ryo" in text and asked(session) is None


def test_selling_while_he_asks_a_price_puts_your_goods_on_the_counter(
    market: World, tmp_path: Path
) -> None:
    session = Session(market, seed=0, saves=tmp_path)
    session.opening()
    play(session, "haggle over the axe", "unseal loot scroll")
    text = play(session, "sell helmet")
    assert "2,000 ryo" in text
    assert asked(session)["goods"] == ["helmet"] and not asked(session).get("buying")


def test_a_plain_haggle_with_several_wares_asks_which(session: Session) -> None:
    assert "SELL something first" in play(session, "haggle")
    assert asked(session) is None


# -- Tidebell: Penhale's bell (one ware: a plain "haggle" means it) ----------------------
@pytest.fixture(scope="module")
def at_the_foundry(tmp_path_factory: pytest.TempPathFactory) -> Session:
    world = worlds.load("tidebell")
    lines = (Path(__file__).parents[1] / "walkthroughs" / "tidebell.txt").read_text()
    walk = [line for line in lines.splitlines() if line.strip()]
    session = Session(world, seed=0, saves=tmp_path_factory.mktemp("saves"))
    session.opening()
    play(session, *walk[: walk.index("buy bell")])
    return session


def test_penhale_bargains_over_the_bell(at_the_foundry: Session) -> None:
    session = fresh(at_the_foundry)
    text = play(session, "haggle")
    assert "Nobody has made you an offer" not in text and "SELL" not in text
    assert session.game.state.records["offer:foundry"]["goods"] == ["tide_bell"]
    assert "tide bell" in play(session, "accept")
    assert session.game.state.holder["tide_bell"] == session.game.world.player


def test_a_money_offer_for_the_bell_is_a_bid(at_the_foundry: Session) -> None:
    session = fresh(at_the_foundry)
    text = play(session, "offer penhale 90 shillings for the bell")
    assert "scenery" not in text and "390 shillings" in text
    assert session.game.state.holder["tide_bell"] == "penhale"
    text = play(session, "offer penhale 380 shillings for the bell")
    assert "You pay 380 shillings for the tide bell" not in text  # he walked out of it
    assert "You pay 390 shillings" in play(session, "buy bell")
