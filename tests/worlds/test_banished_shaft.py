"""Banished, Act 4: the shaft down to the prisoner opens by every route the game allows.

The shaft is guarded by the chamber's three guards. Whatever the player did to them (a
fight, clones and a surrender, rope, a knock-out each, the all-stealth signal from the
archway), once none of them is able and willing to stop him, DOWN must work and the
chapter must be winnable. Two blind players were locked out (tests/data/softlocks): the
condition then also counted the tunnel guard, whom a stealthy player walks past.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import fresh, play, played_until, walkthrough

from kage.ext.body import stats
from kage.ext.combat import combat
from kage.session import Session
from kage.world import query
from kage.world.model import World

LOGS = Path(__file__).resolve().parents[1] / "data" / "softlocks"
REFUSED = "The guards stand between you and the shaft."
GUARDS = ("chamber_guard_1", "chamber_guard_2", "chamber_guard_3")
# what the walkthrough does once the way down is open
BELOW = ["reassure prisoner", "untie prisoner", "help prisoner", "u", "s", "s", "s", "s", "s"]

# the yard, by the walkthrough's own steps; then the tunnel guard, dealt with or walked past
YARD = ["go to mine entrance", "knock out lounging gangster", "knock out dozing gangster"]
YARD += ["cut chains of yard miners", "n"]
TUNNEL = {
    "tunnel guard down": ["knock out tunnel guard", "n"],
    "tunnel guard passed": ["cast invisibility", "n"],
}
FREE_CHAMBER = ["cast invisibility", "n", "whisper to miners", "cut chains of chamber miners"]
# each route starts in the archway and ends with the chamber's guards out of the fight
ROUTES = {
    "fight": (["n"], "fight", ["cut chains of chamber miners"]),
    "knock out each": (["n"], "knock out {guard}", ["cut chains of chamber miners"]),
    "clones, surrender, tie up": (
        [*FREE_CHAMBER, "make 6 shadow clones"],
        "tie up {guard}",
        ["signal"],
    ),
    "signal, clones, fight, tie up": (
        [*FREE_CHAMBER, "signal", "make 4 shadow clones", "fight"],
        "tie up {guard}",
        [],
    ),
    "decoy, clones, fight": (
        [*FREE_CHAMBER, "s", "release jutsu", "say I'm lost", "make 3 shadow clones"],
        "fight",
        [],
    ),
    "stealth and signal": (
        [*FREE_CHAMBER, "s", "call out", "make 4 shadow clones", "signal"],
        "",
        [],
    ),
    "stealth, signal, knock out": (
        [*FREE_CHAMBER, "s", "call out", "make 4 shadow clones", "signal"],
        "knock out {guard}",
        [],
    ),
}


@pytest.fixture(scope="module")
def promised(banished: World, tmp_path_factory: pytest.TempPathFactory) -> Session:
    """The walkthrough up to the walk to the mine: Act 4 about to begin."""
    return played_until(banished, "go to mine entrance", tmp_path_factory.mktemp("saves"))


def _subdue(session: Session, move: str) -> str:
    """Repeat `move` as a player would, a few tries since blows can miss: with {guard},
    on each guard not yet out cold or tied up, else while any guard can still fight."""
    game = session.game
    text = []
    for _ in range(8):
        if "{guard}" in move:
            left = [g for g in GUARDS if not combat.out(game, g)]
        else:
            left = [g for g in GUARDS if combat.able(game, g)]
        if not left or not move:
            break
        if "{guard}" not in move:
            text.append(play(session, move))
            continue
        guard = left[0]
        if query.place_of(game, guard) != query.here(game):
            text.append(play(session, "n" if query.here(game) != "great_chamber" else "s"))
        name = game.world.entities[guard].name
        text.append(play(session, move.format(guard=name)))
    return "\n".join(text)


def _down_and_home(session: Session) -> str:
    """From wherever the route left the player in the mine, into the chamber, down the
    shaft and home. Returns the text of the descent."""
    text = ""
    if query.here(session.game) != "lower_cells":  # else the log's own lines took him down
        if query.here(session.game) == "chamber_mouth":
            play(session, "n")
        assert query.here(session.game) == "great_chamber"
        text = play(session, "d")
    if stats.has_status(session.game, session.game.world.player, "invisible"):
        play(session, "release jutsu")  # a voice out of empty air reassures nobody
    play(session, *BELOW)
    return text


@pytest.mark.parametrize("tunnel", list(TUNNEL))
@pytest.mark.parametrize("route", list(ROUTES))
def test_every_route_past_the_chamber_guards_opens_the_shaft(
    promised: Session, route: str, tunnel: str
) -> None:
    session = fresh(promised)
    before, move, after = ROUTES[route]
    log = play(session, *YARD, *TUNNEL[tunnel], *before)
    log += _subdue(session, move)
    log += play(session, *after)
    assert not [g for g in GUARDS if combat.able(session.game, g)], log
    descent = _down_and_home(session)
    assert REFUSED not in descent, log + descent
    assert session.game.state.won, log + descent


def test_the_shaft_stays_shut_while_a_chamber_guard_can_stop_you(promised: Session) -> None:
    """Two guards tied up and the third still on his feet: the way is blocked."""
    session = fresh(promised)
    play(session, *YARD, *TUNNEL["tunnel guard passed"], "n")
    play(session, "knock out scarred guard")
    game = session.game
    standing = [g for g in GUARDS if combat.able(game, g)]
    assert standing  # one blow cannot drop three alert men
    assert REFUSED in play(session, "d")
    assert query.here(game) == "great_chamber"


def test_slipping_past_the_decoyed_guards_is_not_a_fight(promised: Session) -> None:
    """Guards drawn into the archway and left standing there are still the chamber's:
    walking past them, invisible, neither opens the shaft nor counts as a fight won
    (the old place-based test said the chamber was empty, so "went loud")."""
    session = fresh(promised)
    play(session, *YARD, *TUNNEL["tunnel guard down"], *FREE_CHAMBER, "s", "say I'm lost")
    assert all(query.place_of(session.game, g) == "chamber_mouth" for g in GUARDS)
    text = play(session, "n")
    assert query.here(session.game) == "great_chamber"
    assert "whip" not in text and not session.game.state.flags.get("went_loud")
    assert REFUSED in play(session, "d")


# The lines (1-based) where each blind player typed DOWN with the chamber's guards already
# out of the fight and was refused. Replaying a log without them rebuilds what that player
# did next, as they did it.
LOCKED_OUT = {"banishedB2.txt": (113, 134, 137, 144, 147, 150), "banishedB4.txt": (72, 77, 82, 86)}


def _replayed(banished: World, tmp_path: Path, name: str, until: int) -> Session:
    """A blind player's log replayed (seed 0) up to, not including, line `until`, leaving
    out the refused DOWNs."""
    lines = (LOGS / name).read_text(encoding="utf-8").splitlines()
    session = Session(banished, seed=0, saves=tmp_path)
    session.opening()
    for number, line in enumerate(lines[: until - 1], 1):
        if number not in LOCKED_OUT[name]:
            session.step(line)
    return session


@pytest.mark.parametrize(
    ("name", "until"),
    [
        # B2: three guards surrendered to clones in the chamber and tied up; the tunnel
        # guard walked past, invisible
        ("banishedB2.txt", 113),
        # (B2 at 134 and 150, after walking out of the mine and back, are no longer
        # reached: at its SIGNAL (105) the guards now go after the miners, the shaft is
        # clear, and that player is home and has won at 124; see the test below)
        # B4: all stealth, SIGNAL from the archway: the guards surrendered there
        ("banishedB4.txt", 72),
        # B4: one guard tied up in the archway
        ("banishedB4.txt", 77),
        # B4: and another knocked out there
        ("banishedB4.txt", 86),
    ],
)
def test_the_blind_players_softlocks_are_open(
    banished: World, tmp_path: Path, name: str, until: int
) -> None:
    session = _replayed(banished, tmp_path, name, until)
    assert not session.game.state.done
    descent = _down_and_home(session)
    assert REFUSED not in descent, descent
    assert session.game.state.won, descent


def test_the_blind_player_was_rightly_stopped_before_the_clones(
    banished: World, tmp_path: Path
) -> None:
    """B2 line 104: three guards awake and armed in the chamber; DOWN is refused."""
    session = _replayed(banished, tmp_path, "banishedB2.txt", 104)
    assert REFUSED in play(session, "d")


def test_the_replayed_lines_are_the_refused_downs() -> None:
    """The lines left out and stopped before are DOWNs; what follows the descent is the
    walkthrough's own ending."""
    for name, numbers in LOCKED_OUT.items():
        lines = (LOGS / name).read_text(encoding="utf-8").splitlines()
        assert [lines[n - 1] for n in numbers] == ["d"] * len(numbers), name
    assert walkthrough("full.txt")[-len(BELOW) - 1 :] == ["d", *BELOW]


def test_the_blind_player_whose_signal_drew_the_guards_off_goes_down_and_home(
    banished: World, tmp_path: Path
) -> None:
    """B2 signalled from inside the chamber, unseen: the guards ran after the miners, so
    the shaft was open at once, and the walk home with the young man won the story. The
    yard's men, told to wait and never signalled, are not brought down the mountain."""
    session = _replayed(banished, tmp_path, "banishedB2.txt", 124)
    assert session.game.state.holder["chamber_guard_1"] == "chamber_mouth"
    assert not session.game.state.done
    ending = play(session, "s")
    state = session.game.state
    assert state.done and state.won and state.ending == "dawn"
    assert "waiting for a signal you never gave" in ending
    assert "four\nfrom the yard" not in ending and "four from the yard" not in ending
