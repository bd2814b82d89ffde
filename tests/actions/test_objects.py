from __future__ import annotations

from tests.helpers import play


def test_worn_things_come_off_before_dropping(new_session) -> None:
    session = new_session()
    assert "(first taking off the Leaf headband)\nDropped." in play(session, "drop headband")
    assert not session.game.state.props["headband"].get("worn")
    assert session.game.state.holder["headband"] == "hokage_office"


def test_put_needs_a_container(new_session) -> None:
    session = new_session()
    play(session, "go to apartment", "take photo", "take backpack")
    assert "can't put things in" in play(session, "put photo in bed")
    assert "You put the team photo in the backpack" in play(session, "put photo in backpack")
    assert "inside itself" in play(session, "put backpack in backpack")
    assert session.game.state.holder["photo"] == "backpack"


def test_people_refuse_gifts_that_mean_nothing_to_them(new_session) -> None:
    session = new_session()
    text = play(session, "give headband to tsunade")
    assert "untie the headband" in text
    assert session.game.state.flags.get("left_ranks") is True
    play(session, "go to apartment", "take photo", "go to ichiraku")
    assert "doesn't want it" in play(session, "give photo to teuchi")
    assert session.game.state.holder["photo"] == "naruto"


def test_go_to_walks_the_whole_way_and_time_passes(new_session) -> None:
    session = new_session()
    start = session.game.state.minutes
    text = play(session, "go to ichiraku")
    assert session.game.state.holder["naruto"] == "ichiraku"
    assert session.game.state.minutes - start == 10  # 5 down the tower, 5 along the street
    assert "Ichiraku Ramen" in text
    assert "already there" in play(session, "go to ichiraku")
    assert "don't know of any such place" in play(session, "go to crossroads")


def test_the_necklace_cannot_be_given_away(new_session) -> None:
    session = new_session()
    play(session, "give necklace to tsunade")
    text = play(session, "give necklace to tsunade")
    assert "keep it" in text
    assert session.game.state.holder["necklace"] == "naruto"
