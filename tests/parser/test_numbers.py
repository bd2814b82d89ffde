"""Numbers the player types: read one way everywhere, within each action's bounds."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from tests.helpers import fresh, play, played_until
from tests.parser.player import Player

from kage.parser.parser import parse
from kage.session import Session
from kage.world import numbers
from kage.world.model import World
from kage.world.numbers import NotANumber, NotWhole, OutOfRange, read


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3", 3),
        ("0042", 42),
        ("\u0663", 3),  # Arabic-Indic three
        ("\uff13", 3),  # fullwidth three
        ("\u00b3", 3),  # superscript three
        ("\u24f5", 1),  # double circled one
        ("\u2778", 3),  # dingbat negative circled three
        ("three", 3),
        ("Twenty-One", 21),
        ("twenty one", 21),
        ("one hundred and five", 105),
        ("a hundred", 100),
        ("a", 1),
        ("an", 1),
        ("a couple of", 2),
        ("couple", 2),
        ("a few", 3),
        ("a dozen", 12),
        ("1 200", 1200),  # "1,200" once the tokenizer has cut the comma
        ("+4", 4),
    ],
)
def test_reads_digits_and_words(text: str, value: int) -> None:
    assert read(text, 1, 10_000) == value


@pytest.mark.parametrize("text", ["-5", "\u22125", "minus five", "0", "zero", "-0"])
def test_zero_and_negatives_are_below_a_count(text: str) -> None:
    with pytest.raises(OutOfRange) as raised:
        read(text, 1, 100)
    assert raised.value.too_small


@pytest.mark.parametrize(
    "text", ["xyzzy", "", "and", "of", "a of", "one two", "1 20", "\u24f5\u24f6", "5-", "--"]
)
def test_what_is_not_a_number(text: str) -> None:
    with pytest.raises(NotANumber):
        read(text, 1, 100)


@pytest.mark.parametrize("text", ["1.5", "\u00bd", "half an"])
def test_fractions_are_not_whole(text: str) -> None:
    with pytest.raises(NotWhole):
        read(text, 1, 100)


@pytest.mark.parametrize("sign", ["", "-"])
def test_a_number_too_long_to_read_is_refused_by_its_length(sign: str) -> None:
    started = time.perf_counter()
    with pytest.raises(OutOfRange) as raised:
        read(sign + "9" * 1_000_000, 1, 10_000)
    assert time.perf_counter() - started < 0.5
    assert raised.value.value is None and raised.value.too_small == (sign == "-")


def test_every_number_word_is_a_word_of_the_game(player: Player) -> None:
    assert player.session.game.lexicon.words >= numbers.WORDS


def _clock(player: Player, command: str) -> tuple[int, str, bool]:
    before = player.state.minutes
    step = player.steps(command)[0]
    return player.state.minutes - before, step.text, step.understood


@pytest.mark.parametrize(
    ("command", "minutes"),
    [
        ("wait \u24f5 hours", 60),  # was "[internal error]": isdigit() but not int()
        ("wait \u0663 hours", 180),
        ("wait \uff13 hours", 180),
        ("wait twenty-one minutes", 21),
        ("wait twenty one minutes", 21),
        ("wait a couple of hours", 120),
        ("wait an hour", 60),
        ("wait for a few minutes", 3),
        ("wait 1 day", 24 * 60),
        ("wait 10", 10),
        ("wait", 5),
    ],
)
def test_waiting_reads_the_number(player: Player, command: str, minutes: int) -> None:
    assert _clock(player, command)[0] == minutes


@pytest.mark.parametrize(
    "command",
    [
        "wait -5 minutes",  # the minus was stripped as punctuation: it waited five
        "wait \u22125 minutes",
        "wait minus five minutes",
        "wait 0 minutes",  # waited a minute
        "wait 0 hours",  # waited an hour: "0 hours" became "1 hour"
        "wait 0",
    ],
)
def test_no_wait_for_no_time_or_less(player: Player, command: str) -> None:
    passed, said, understood = _clock(player, command)
    assert passed == 0 and understood
    assert said.startswith("Time only runs one way")


@pytest.mark.parametrize(
    "command",
    [
        "wait 169 hours",
        "wait 20000",  # was clamped to 10,000 minutes and waited them
        "wait " + "9" * 100 + " hours",
        "wait " + "9" * 1990,
    ],
)
def test_no_wait_longer_than_a_week(player: Player, command: str) -> None:
    passed, said, understood = _clock(player, command)
    assert passed == 0 and understood
    assert said == "That is longer than you care to wait in one go. Try a week at most."


def test_a_fraction_is_refused_plainly(player: Player) -> None:
    passed, said, _ = _clock(player, "wait 1.5 hours")
    assert passed == 0 and said.startswith("Whole numbers only")


def test_a_word_that_is_no_number_is_named(player: Player) -> None:
    assert player("wait xyzzy hours") == "I don't know the word 'xyzzy'."
    assert player("wait 5 5 minutes") == "'5 5' is not a number I know."


def test_a_huge_number_is_answered_fast(player: Player) -> None:
    game = player.session.game
    started = time.perf_counter()
    parsed = parse(game, "make " + "9" * 5000 + " shadow clones")
    assert time.perf_counter() - started < 0.1
    assert parsed.understood and not parsed.actions


# -- training and clones, where the walkthrough does them --------------------------------


@pytest.fixture(scope="module")
def at_training(banished: World, tmp_path_factory: pytest.TempPathFactory) -> Session:
    return played_until(banished, "train for 2 weeks", tmp_path_factory.mktemp("saves"))


@pytest.fixture(scope="module")
def in_the_mine(banished: World, tmp_path_factory: pytest.TempPathFactory) -> Session:
    return played_until(banished, "make 3 shadow clones", tmp_path_factory.mktemp("saves"))


@pytest.mark.parametrize(
    "command", ["train for 0 weeks", "train for -1 weeks", "train genjutsu for zero days"]
)
def test_no_training_for_no_time(at_training: Session, command: str) -> None:
    session = fresh(at_training)
    before = session.game.state.digest()
    step = session.step(command)[0]
    assert step.text == "Training for no time at all teaches nothing. Try TRAIN FOR 3 DAYS."
    assert step.understood and session.game.state.digest() == before


def test_training_takes_number_words(at_training: Session) -> None:
    session = fresh(at_training)
    before = session.game.state.minutes
    play(session, "train for three days")
    assert session.game.state.minutes == before + 3 * 24 * 60


def test_training_past_its_limit_is_refused(at_training: Session) -> None:
    session = fresh(at_training)
    before = session.game.state.digest()
    said = play(session, "train for 13 weeks")
    assert said == "Twelve weeks at a stretch is as long as anyone can train."
    assert session.game.state.digest() == before


@pytest.mark.parametrize("command", ["make 0 shadow clones", "make -2 clones"])
def test_no_jutsu_for_no_clones(in_the_mine: Session, command: str) -> None:
    session = fresh(in_the_mine)
    before = session.game.state.digest()
    said = play(session, command)
    assert said.startswith("A jutsu for no clones at all is no jutsu")
    assert session.game.state.digest() == before


@pytest.mark.parametrize(("command", "clones"), [("make a few clones", 3), ("make two clones", 2)])
def test_clones_by_number_words(in_the_mine: Session, command: str, clones: int) -> None:
    session = fresh(in_the_mine)
    play(session, command)
    player = session.world.player
    assert session.game.state.props[player]["clones"] == clones


def test_haggling_for_nothing_is_refused(tmp_path: Path, banished: World) -> None:
    session = played_until(banished, "sell loot scroll", tmp_path)
    play(session, "sell loot scroll")
    before = session.game.state.digest()
    assert play(session, "ask for 0 ryo") == "Ask for something, at least: one or more."
    assert session.game.state.digest() == before


@pytest.mark.parametrize(
    ("count", "one", "many", "said"),
    [(1, "clone", "", "1 clone"), (0, "clone", "", "0 clones"), (20, "clone", "", "20 clones"),
     (1, "man", "men", "1 man"), (2, "man", "men", "2 men")],
)  # fmt: skip
def test_a_count_agrees_with_its_noun(count: int, one: str, many: str, said: str) -> None:
    assert numbers.plural(count, one, many) == said


@pytest.mark.parametrize("answer", ["2", "\u0662", "two", "second", "2nd", "last"])
def test_which_do_you_mean_answered_by_a_number(at_home: Player, answer: str) -> None:
    at_home("take cups", "take wallet", "go to ichiraku", "drop cups")
    question = at_home("x ramen")
    assert question == "Which do you mean, the cups of instant ramen or the ramen menu?"
    assert at_home(answer) == at_home("x menu")


@pytest.mark.parametrize("answer", ["3", "0", "-1"])
def test_a_number_past_the_choices_is_a_new_command(at_home: Player, answer: str) -> None:
    at_home("take cups", "take wallet", "go to ichiraku", "drop cups")
    assert at_home("x ramen").startswith("Which do you mean")
    at_home(answer)
    assert not at_home.state.question
