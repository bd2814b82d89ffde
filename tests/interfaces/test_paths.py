"""Other ways through the story: going in loud, turning Kai down, killing a guard.
Each must lead somewhere different, not to a dead end."""

from __future__ import annotations

from tests.helpers import fresh, play, played_until, walkthrough

from kage.ext.body import stats

FULL = walkthrough("full.txt")


def upto(line: str, after: str = "look") -> list[str]:
    """The full walkthrough up to (not including) `line`, searched for after `after`."""
    return FULL[: FULL.index(line, FULL.index(after))]


def test_going_in_loud_still_frees_them_but_costs(new_session) -> None:
    session = new_session()
    play(session, *upto("cast invisibility", after="knock out tunnel guard"))
    text = play(
        session, "n", "knock out scarred guard", "knock out bald guard", "knock out grizzled guard"
    )
    assert "whip" in text
    state = session.game.state
    assert state.flags.get("went_loud") and not state.flags.get("surrounded")
    play(
        session,
        "cut chains of chamber miners",
        "d",
        "reassure prisoner",
        "untie prisoner",
        "help prisoner",
        "u",
        "s",
        "s",
        "s",
        "s",
        "s",
    )
    assert state.done and state.won and state.ending == "dawn_loud"
    assert session.game.score < session.game.world.max_score


def test_turning_kai_down_can_end_in_walking_away(new_session) -> None:
    session = new_session()
    play(session, *upto("promise kai"))
    text = play(session, "turn down kai")
    assert "can't" in text
    assert session.game.state.records["quest:free_the_miners"]["stage"] == "refused"
    play(session, "out", "go to forest edge")
    state = session.game.state
    assert state.done and not state.won and state.ending == "walked_away"


def test_turning_kai_down_is_not_a_dead_end(new_session) -> None:
    session = new_session()
    play(session, *upto("promise kai"))
    play(session, "turn down kai")
    text = play(session, "promise kai")
    assert "Believe it" in text
    assert session.game.state.records["quest:free_the_miners"]["stage"] == "promised"


def test_killing_a_guard_is_remembered(new_session) -> None:
    session = new_session()
    play(session, *upto("knock out tunnel guard"))
    text = play(session, "kill tunnel guard")
    assert "does not move again" in text
    assert "first one" in text  # Kurama
    rest = FULL[FULL.index("knock out tunnel guard") + 1 :]
    play(session, *rest[: rest.index("reassure prisoner")])
    first = play(session, "reassure prisoner")
    assert "not enough" in first  # he sees the blood on you
    assert "does not trust" in play(session, "untie prisoner")
    play(session, "reassure prisoner", "untie prisoner", "help prisoner")
    play(session, "u", "s", "s", "s", "s", "s")
    state = session.game.state
    assert state.done and state.won and state.ending == "dawn_with_blood"
    assert state.flags.get("killed_someone")


def test_a_fed_prisoner_walks_faster_and_trust_is_not_asked_twice(banished, tmp_path) -> None:
    def walk_out(session) -> int:  # type: ignore[no-untyped-def]
        play(session, "untie him", "help him")
        start = session.game.state.minutes
        play(session, "u")
        return session.game.state.minutes - start

    session = played_until(banished, "reassure prisoner", tmp_path / "a")
    assert "won't take anything" in play(session, "feed prisoner")
    play(session, "reassure prisoner")
    assert "I believe you" in play(session, "reassure him")
    fed = fresh(session)
    assert "eats them" in play(fed, "give ramen to prisoner")
    assert "No more" in play(fed, "feed him").replace("N-no", "No")
    assert walk_out(fed) < walk_out(session)


def test_a_player_who_never_sells_still_meets_the_boy_and_his_mother(banished, tmp_path) -> None:
    session = played_until(banished, "ask woman about weapons shop", tmp_path)
    game = session.game
    # sharp-eyed enough to catch the boy whatever the seeded draw: this path is the test
    stats.set_stat(game, "naruto", "perception", 80)
    play(session, "ask woman about weapons shop", "wait 4 hours", "e")
    assert not game.state.flags.get("sold.weapons_shop")
    assert game.state.flags.get("caught_kai_in_act")  # not lost in thought: he is caught
    assert game.state.holder["wallet"] != "kai"
    text = play(session, "s", "s", "in", "ask kotomi about the wallet")
    assert "tried to take your wallet" in text
    assert game.state.flags.get("wallet_returned")
    play(session, "forgive kai", "ask kotomi about the town", "ask kai about his father")
    assert "ACT FOUR" in play(session, "promise kai")
