"""The Tide Bell, the second bundled world: a data-only small-town mystery.

Its walkthrough wins with full score whatever the seed; the other ways through are played
too (the moot condemns Wren and she is walked out; Ned's nap instead of an errand; the bell
bought cheap before the news of the theft reaches Brackwater; the thief caught before the
moot sits), and so are the two ways to lose (Wren left to the stocks at six; no bell rung
by the top of the tide at ten). Random play from checkpoints along the walkthrough answers
everything, raises nothing and keeps the books.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.helpers import fresh, play, walkthrough
from tests.invariants import check_state, check_turn

from kage import runtime, worlds
from kage.session import Session
from kage.world import ops, query
from kage.world.conditions import holds
from kage.world.model import World
from kage.world.state import State

WORLD_ID = "tidebell"
WALK = walkthrough(f"{WORLD_ID}.txt")
SEEDS = (0, 1, 2, 3)
NEWS_IN_BRACKWATER = {"news_known": {"news": "bell_stolen", "at": "brackwater"}}


@pytest.fixture(scope="module")
def tidebell() -> World:
    return worlds.load(WORLD_ID)


def start(world: World, saves: Path, seed: int = 0) -> Session:
    session = Session(world, seed=seed, saves=saves)
    session.opening()
    return session


def upto(line: str, nth: int = 1) -> list[str]:
    """The walkthrough before its `nth` line that reads `line`."""
    found = [i for i, text in enumerate(WALK) if text == line]
    return WALK[: found[nth - 1]]


def minute(session: Session) -> int:
    return session.game.state.minutes


def earned(world: World, session: Session) -> int:
    return sum(world.milestones[m].points for m in session.game.state.milestones)


def money(session: Session) -> int:
    return sum(session.game.state.money.values())


# -- the walkthrough --------------------------------------------------------------------
@pytest.mark.parametrize("seed", SEEDS)
def test_the_walkthrough_wins_with_full_score_whatever_the_seed(
    tidebell: World, tmp_path: Path, seed: int
) -> None:
    """Chance decides the marsh mud and the day the news arrives; the walkthrough must not
    depend on either."""
    session = start(tidebell, tmp_path, seed)
    check_state(session.game)
    for line in WALK:
        before, first = session.game.state.copy(), len(session.game.log)
        steps = session.step(line)
        assert all(s.text.strip() for s in steps), line
        check_turn(session.game, before, session.game.log[first:], len(steps))
    state = session.game.state
    assert state.done and state.won, state.ending
    assert state.ending == "lamps_on_the_water"
    assert earned(tidebell, session) == tidebell.max_score == 110
    assert len(tidebell.milestones) == len(state.milestones)
    assert state.minutes < 15 * 60  # rung before the top of the tide at ten


def test_the_walkthrough_through_the_json_interface_is_understood_line_by_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kage", "play", WORLD_ID, "--json", "--script", "-"],
        input="\n".join(WALK) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["command"] for r in records[1:]] == WALK
    assert all(r["understood"] for r in records), [
        r["command"] for r in records if not r["understood"]
    ]
    last = records[-1]
    assert last["done"] and last["won"] and last["score"] == last["max_score"] == 110
    assert records[0]["time"] == "1852-03-21T07:00"
    assert "twelve of twelve" in last["output"]


# -- the moot ----------------------------------------------------------------------------
SWAY_HOB = ["sw", "ask wren about last night", "ne", "w", "ask hob about wren", "e"]
SWAY_MARTA = ["take rope end", "w", "up", "show rope to marta", "down", "e", "n"]


@pytest.mark.parametrize(
    ("shown", "ayes", "spared"),
    [
        ([], 4, False),
        (SWAY_HOB, 3, False),
        (["s", *SWAY_MARTA], 3, False),
        (["s", *SWAY_MARTA, *SWAY_HOB], 2, True),
    ],
    ids=["nobody", "hob", "marta", "both"],
)
def test_the_moot_votes_by_what_its_members_were_shown(
    tidebell: World, tmp_path: Path, shown: list[str], ayes: int, spared: bool
) -> None:
    session = start(tidebell, tmp_path)
    play(session, "n", *shown, "wait 6 hours")
    state = session.game.state
    vote = state.records["vote:expel_wren"]
    assert vote["ayes"] == ayes and vote["passed"] is not spared
    # the story's own reading of the vote agrees with the council's count
    assert bool(state.flags.get("wren_spared")) is spared
    assert ("moot_spared" in state.milestones) is spared
    assert ("edict:wren_out" in state.records) is not spared


def test_the_vote_is_told_in_the_hall_and_by_the_reeve(tidebell: World, tmp_path: Path) -> None:
    session = start(tidebell, tmp_path)
    seen = play(session, "n", "e", "wait 5 hours")
    assert "Before hands" in seen and "The motion carried" not in seen  # the floor first
    seen = play(session, "wait 10 minutes")
    assert "The motion carried, 4 to 1" in seen and "Agnes Holloway was outvoted" in seen
    told = play(session, "ask agnes about the terms")
    assert "Leave Saltmere and its lands by 18:00" in told  # six o'clock, as she says
    assert "the stocks on the green" in told


@pytest.mark.parametrize(("spoken", "spared"), [(True, True), (False, False)])
def test_walking_into_the_moot_after_noon_gives_the_floor_before_hands(
    tidebell: World, tmp_path: Path, spoken: bool, spared: bool
) -> None:
    """A minute late into the hall, with Marta shown the rope and Wren's night heard: the
    moot has waited, and Hob, spoken to at the table, votes with whoever spoke to him
    last. Not spoken to, he votes with Silas, and the motion carries."""
    session = start(tidebell, tmp_path)
    play(session, "n", "s", *SWAY_MARTA, "sw", "ask wren about last night", "ne")
    play(session, "wait until 11:59")
    arrived = play(session, "e")
    assert "Before hands" in arrived and "The motion carried" not in arrived
    assert "vote:expel_wren" not in session.game.state.records
    if spoken:
        play(session, "ask hob about wren")
    play(session, "wait 10 minutes")
    state = session.game.state
    assert state.records["vote:expel_wren"]["passed"] is not spared
    assert bool(state.flags.get("wren_spared")) is spared
    assert state.records["vote:expel_wren"]["minute"] <= 5 * 60 + 30  # before it rises


def test_wren_left_to_the_moot_is_put_in_the_stocks_at_six(tidebell: World, tmp_path: Path) -> None:
    session = start(tidebell, tmp_path)
    play(session, "wait 10 hours")
    assert not session.game.state.done
    out = play(session, "wait 2 hours")
    state = session.game.state
    assert state.done and not state.won and state.ending == "wren_in_the_stocks"
    assert minute(session) == 11 * 60  # six o'clock, the moot's deadline
    assert "stocks" in out


def test_a_reply_written_for_anyone_speaks_of_whoever_is_shown(
    tidebell: World, tmp_path: Path
) -> None:
    """The rope end shown to Ned or to Hob: he says so, not "they"."""
    session = start(tidebell, tmp_path)
    play(session, "take rope end", "w", "n")
    out = play(session, "show rope end to ned")
    assert "Ned Pascoe says" in out and "they say" not in out


def test_the_spyglass_and_the_boats_answer_for_themselves(tidebell: World, tmp_path: Path) -> None:
    """On the wall the glass shows the point and the empty sea; at the quay "the boats"
    are the fleet that is out, not Old Jory who once piloted one."""
    session = start(tidebell, tmp_path)
    assert "not a sail on it" in play(session, "look through spyglass")
    play(session, "w")
    said = play(session, "look at the boats")
    assert "went out at dawn" in said and "Jory" not in said


def test_the_inn_loft_it_names_says_why_it_cannot_be_reached(
    tidebell: World, tmp_path: Path
) -> None:
    session = start(tidebell, tmp_path)
    play(session, "n", "w")
    assert "Hob's loft" in play(session, "up")
    climbed = play(session, "climb ladder")  # Hob's ladder, not the way its text tells of
    assert "Loft's let" in climbed and "nowhere" not in climbed


def test_the_stocks_ending_finds_wren_where_she_is(tidebell: World, tmp_path: Path) -> None:
    """Walked too slowly, at your side on the green at six: the ending says so, not that
    she was still by her fire in the dunes; a Wren not at your side and not in the dunes
    is not put back there either."""
    lines = WALK[:19] + WALK[20:32]
    session = start(tidebell, tmp_path)
    play(session, *lines, "w", "sw", "help wren", "ne")
    out = play(session, "wait until 18:00")
    assert session.game.state.ending == "wren_in_the_stocks"
    assert "at your side" in out and "by her fire" not in out
    assert "They put her in the stocks" in out
    (tmp_path / "b").mkdir()
    other = start(tidebell, tmp_path / "b")
    play(other, "wait 10 hours")
    assert "by her fire" in play(other, "wait 2 hours")
    (tmp_path / "c").mkdir()
    third = start(tidebell, tmp_path / "c")
    play(third, "wait 10 hours")
    ops.move(third.game, "wren", "village_green")
    out = play(third, "wait 2 hours")
    assert "where she was left" in out and "by her fire" not in out


def test_wren_walked_out_of_saltmere_is_safe_and_the_story_still_wins(
    tidebell: World, tmp_path: Path
) -> None:
    """Marta never sees the rope, so the moot condemns Wren; walked past the edge of the
    village she is out of its reach, and the bell can still be brought home."""
    lines = WALK[:19] + WALK[20:32]
    assert WALK[19] == "show rope to marta" and WALK[32:36] == ["w", "s", "w", "n"]
    escort = ["w", "sw", "help wren", "ne", "n", "s", "s", "w", "n"]
    session = start(tidebell, tmp_path)
    play(session, *lines)
    assert session.game.state.records["vote:expel_wren"]["passed"]
    out = play(session, *escort[:5])
    assert "far enough" in out
    state = session.game.state
    assert state.flags.get("wren_gone") and query.place_of(session.game, "wren") == "market_square"
    assert state.records["edict:wren_out"]["left"] is True
    play(session, *escort[5:], *WALK[36:])
    state = session.game.state
    assert state.done and state.won and state.ending == "lamps_without_wren"
    assert "moot_spared" not in state.milestones and "marta_convinced" not in state.milestones
    assert earned(tidebell, session) == tidebell.max_score - 25


# -- the back room -------------------------------------------------------------------------
def test_ned_asleep_is_another_way_into_the_back_room(tidebell: World, tmp_path: Path) -> None:
    session = start(tidebell, tmp_path)
    play(session, "w", "n")  # the chandlery, with Ned minding the back room door
    play(session, "wait 7 hours")  # two o'clock: Silas is at the inn, Ned has his dinner
    assert session.game.state.flags.get("ned_dozing")
    assert holds(session.game, {"unseen_by": ["ned", "silas"]})
    out = play(session, "w", "x coat", "take chit")
    assert query.here(session.game) == "back_room"
    assert "found_chit" in session.game.state.milestones and "Taken." in out


def test_ned_falls_for_an_errand_once(tidebell: World, tmp_path: Path) -> None:
    session = start(tidebell, tmp_path)
    play(session, "w", "n")
    first = play(session, "send ned on an errand")
    assert "goes at a run" in first and query.place_of(session.game, "ned") == "inn"
    play(session, "wait 40 minutes")
    assert query.place_of(session.game, "ned") == "chandlery"
    again = play(session, "send ned away")
    assert "no line" in again and query.place_of(session.game, "ned") == "chandlery"


# -- trade, item condition and the news -------------------------------------------------------
def test_polish_raises_what_the_locket_fetches(tidebell: World, tmp_path: Path) -> None:
    session = start(tidebell, tmp_path)
    play(session, "n", "sw", "ask wren about the locket", "ne", "n", "ne", "n", "w")
    play(session, "remove locket")
    dull = play(session, "sell locket")
    play(session, "decline")
    play(session, "polish locket")
    bright = play(session, "sell locket")
    first = int(re.search(r"(\d+) shillings", dull).group(1))
    second = int(re.search(r"(\d+) shillings", bright).group(1))
    assert "hard use" in dull and "Good, clean work" in bright
    assert second > 2 * first
    assert query.prop(session.game, "locket", "condition") == 90


def _bell_price(session: Session) -> int:
    listing = play(session, "wares")
    return int(re.search(r"tide bell \(\w+\): (\d+)", listing).group(1))


@pytest.mark.parametrize("seed", SEEDS)
def test_the_news_of_the_theft_puts_the_bells_price_up_in_brackwater(
    tidebell: World, tmp_path: Path, seed: int
) -> None:
    """News of the theft is born in Saltmere and takes some hours up the road; until it
    arrives Penhale sells the bell as scrap, after that as the bell everyone wants."""
    session = start(tidebell, tmp_path, seed)
    play(session, "n", "n", "ne", "n", "e")
    assert not holds(session.game, NEWS_IN_BRACKWATER)
    early = _bell_price(session)
    arrived = None
    for _ in range(60):
        play(session, "wait 5 minutes")
        if holds(session.game, NEWS_IN_BRACKWATER):
            arrived = minute(session)
            break
    assert arrived is not None and 2 * 60 < arrived < 4 * 60  # the road is 0.1 days
    late = _bell_price(session)
    assert (early, late) == (230, 390)


def test_an_early_start_buys_the_bell_without_polish_or_a_chit(
    tidebell: World, tmp_path: Path
) -> None:
    """A different way to pay: straight up the marsh path at first light, the tarnished
    locket and a haggle are enough, before the news makes the bell dear."""
    session = start(tidebell, tmp_path, seed=3)  # the seed whose news arrives soonest
    total = money(session)
    play(session, "n", "n", "ne", "n", "w", "remove locket", "sell locket", "ask for 150")
    out = play(session, "accept", "e", "e", "buy bell")
    assert "You pay 230 shillings for the tide bell" in out
    assert query.holder(session.game, "tide_bell") == "tamsin"
    assert money(session) == total  # the coins moved; none were made or lost
    assert "found_chit" not in session.game.state.milestones


def test_gossip_about_crake_comes_down_the_road_to_saltmere(
    tidebell: World, tmp_path: Path
) -> None:
    """Silas was seen in Brackwater at dawn; what Brackwater says reaches Saltmere later."""
    session = start(tidebell, tmp_path)
    early = play(session, "n", "listen")
    assert "Crake" not in early and "tide bell" in early
    later = play(session, "wait 3 hours", "listen")
    assert "Silas Crake was up in Brackwater" in later


def test_the_marsh_path_floods_after_seven(tidebell: World, tmp_path: Path) -> None:
    session = start(tidebell, tmp_path)
    play(session, "s", *SWAY_MARTA, *SWAY_HOB, "n", "wait 11 hours")  # Wren spared: no six o'clock
    assert query.here(session.game) == "coast_road" and minute(session) >= 12 * 60
    refused = play(session, "ne")
    assert "long road" in refused and query.here(session.game) == "coast_road"
    play(session, "n")
    assert query.here(session.game) == "market_square"


# -- the thief, and the end of the day ---------------------------------------------------------
def test_catching_silas_before_noon_strikes_the_motion(tidebell: World, tmp_path: Path) -> None:
    session = start(tidebell, tmp_path)
    play(session, "w", "take coil", "wait 3 hours", "n")
    assert query.place_of(session.game, "silas") == "chandlery"
    ops.move(session.game, "chit", "tamsin")  # however she came by it
    out = play(session, "show chit to silas", "tie up silas")
    state = session.game.state
    assert "thief_caught" in state.milestones and query.place_of(session.game, "silas") == "lockup"
    assert "no moot about the tinker" in out
    assert state.flags.get("wren_spared") and "moot_spared" in state.milestones
    play(session, "wait 3 hours")
    assert "vote:expel_wren" not in session.game.state.records
    assert query.place_of(session.game, "silas") == "lockup"


def test_silas_laughs_off_an_accusation_without_proof(tidebell: World, tmp_path: Path) -> None:
    session = start(tidebell, tmp_path)
    play(session, "w", "take coil", "wait 3 hours", "n")
    out = play(session, "accuse silas", "tie up silas")
    assert "Prove it" in out and "not going to hold still" in out
    assert "thief_caught" not in session.game.state.milestones


def test_no_bell_rung_by_the_top_of_the_tide_loses_the_fleet(
    tidebell: World, tmp_path: Path
) -> None:
    session = start(tidebell, tmp_path)
    play(session, *upto("hang bell"), "hang bell")
    assert "bell_hung" in session.game.state.milestones
    play(session, "ring bell")  # too early: no fog yet, and nothing happens
    assert not session.game.state.flags.get("boats_coming")
    out = play(session, "wait 6 hours")
    state = session.game.state
    assert state.done and not state.won and state.ending == "the_teeth"
    assert minute(session) == 15 * 60 and "Teeth" in out


def test_ringing_before_catching_the_thief_is_a_lesser_win(tidebell: World, tmp_path: Path) -> None:
    session = start(tidebell, tmp_path)
    play(session, *upto("hang bell"), "hang bell", "wait 3 hours", "wait 30 minutes", "ring bell")
    state = session.game.state
    assert state.won and state.ending == "lamps_and_a_thief"
    assert "thief_caught" not in state.milestones


# -- the world is its own ----------------------------------------------------------------------
SETTING = re.compile(
    r"\b(ryo|chakra|jutsu|shinobi|hokage|konoha|kunai|academy|taijutsu|ninja|naruto|kurama)\b",
    re.IGNORECASE,
)


def test_the_world_files_borrow_nothing_from_the_ninja_setting() -> None:
    folder = worlds.locate(WORLD_ID)
    for path in sorted(folder.glob("*.yaml")):
        found = SETTING.findall(path.read_text())
        assert not found, f"{path.name}: {found}"


# -- random play from checkpoints ----------------------------------------------------------------
LINES = sorted(
    {line for bucket in runtime.lexicon(worlds.load(WORLD_ID)).lines.values() for line in bucket},
    key=lambda ln: ln.pattern,
)
META = {"quit", "restart", "restore", "save", "undo", "again"}
CHECKPOINTS = [
    ("ask wren about last night", 1),
    ("show rope to marta", 1),
    ("wait 50 minutes", 1),
    ("send ned on an errand", 1),
    ("sell locket", 1),
    ("buy bell", 1),
    ("show chit to silas", 1),
    ("ring bell", 1),
]
WORDS = ["it", "her", "him", "them", "all", "3", "2 hours", "north", "pock", "bell", "320"]


@pytest.fixture(scope="module")
def checkpoints(tidebell: World, tmp_path_factory: pytest.TempPathFactory) -> list[Session]:
    session = start(tidebell, tmp_path_factory.mktemp("saves"))
    found, done = [], 0
    for line, nth in CHECKPOINTS:
        cut = len(upto(line, nth))
        play(session, *WALK[done:cut])
        done = cut
        found.append(fresh(session))
    return found


@st.composite
def commands(draw: st.DrawFn, names: list[str]) -> str:
    """A line of the world's grammar, its slots filled with what is about, or odd words."""
    line = draw(st.sampled_from(LINES))
    out = []
    for token in line.tokens:
        if token.words is not None:
            out.append(draw(st.sampled_from(sorted(token.words))))
        else:
            out.append(draw(st.sampled_from(names + WORDS)))
    return " ".join(out)


def _names(session: Session) -> list[str]:
    game = session.game
    seen = query.visible(game) + query.contents(game, game.world.player)
    return sorted({game.world.entities[e].name for e in seen}) or ["nothing"]


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), where=st.integers(0, len(CHECKPOINTS) - 1))
def test_random_play_from_checkpoints_answers_everything_and_keeps_the_books(
    checkpoints: list[Session], data: st.DataObject, where: int
) -> None:
    session = fresh(checkpoints[where])
    total = money(session)
    for _ in range(data.draw(st.integers(4, 14))):
        line = data.draw(commands(_names(session)))
        if line.split()[0] in META:
            continue
        before, first = session.game.state.copy(), len(session.game.log)
        steps = session.step(line)
        assert steps and all(s.text.strip() for s in steps), line
        check_turn(session.game, before, session.game.log[first:], len(steps))
        assert money(session) == total, line
    saved = session.game.state.dumps()
    assert State.from_json(json.loads(saved)).dumps() == saved
