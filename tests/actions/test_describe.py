"""What a place's description says about the people in it, and what a shop shows."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import play, played_until


def test_people_listed_with_shown_states(banished, tmp_path: Path) -> None:
    session = played_until(banished, "knock out lounging gangster", tmp_path)
    before = play(session, "look")
    assert "lounging gangster (out cold)" not in before
    play(session, "knock out lounging gangster")
    after = play(session, "look")
    assert "a lounging gangster (out cold)" in after.lower()
    assert "dozing gangster (out cold)" not in after


def test_shop_sells_its_stock_and_money_moves(banished, tmp_path: Path) -> None:
    session = played_until(banished, "sell loot scroll", tmp_path)
    wares = play(session, "wares")
    assert "travelling cloak" in wares and "whetstone" in wares
    money = session.game.state.money
    total = sum(money.values())
    till = money.get("genji", 0)
    reply = play(session, "buy whetstone")
    assert "You pay 350 ryo" in reply
    assert money.get("genji", 0) == till + 350
    assert sum(session.game.state.money.values()) == total
    assert "whetstone" in play(session, "inventory")
    assert "whetstone" not in play(session, "wares")


def test_help_lists_the_verbs_the_world_adds(banished, tmp_path: Path) -> None:
    session = played_until(banished, "look", tmp_path)
    text = play(session, "help")
    assert "look (l)" in text
    assert "hug PERSON" in text and "make N shadow clones" in text and "sell THINGS" in text
