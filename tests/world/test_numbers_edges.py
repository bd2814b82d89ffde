"""The number reader's edges, one contract each: what it says when it refuses, where it
cuts a long echo, which texts are fractions, and how OutOfRange describes the miss."""

from __future__ import annotations

import pytest

from kage.world.numbers import NotANumber, NotWhole, OutOfRange, is_number, plural, read


def test_refusals_quote_what_was_typed() -> None:
    with pytest.raises(NotANumber, match=r"^'lots' is not a number I know$"):
        read("lots", 0, 10)
    with pytest.raises(NotANumber, match=r"^'' is not a number I know$"):
        read("", 0, 10)
    with pytest.raises(NotWhole, match=r"^'1.5' is not a whole number$"):
        read("1.5", 0, 10)
    with pytest.raises(OutOfRange, match=r"^'11' is not between 0 and 10$"):
        read("11", 0, 10)


def test_a_long_echo_is_cut_after_forty_characters() -> None:
    exactly = "x" * 40
    with pytest.raises(NotANumber) as caught:
        read(exactly, 0, 10)
    assert str(caught.value) == f"'{exactly}' is not a number I know"
    with pytest.raises(NotANumber) as caught:
        read("y" * 41, 0, 10)
    assert str(caught.value) == f"'{'y' * 40}...' is not a number I know"


def test_text_of_eighty_characters_is_read_and_longer_is_not() -> None:
    eighty = "twenty" + " " * 71 + "one"
    assert len(eighty) == 80
    assert read(eighty, 0, 100) == 21
    with pytest.raises(NotANumber):
        read("twenty" + " " * 72 + "one", 0, 100)
    assert read("0" * 90 + "7", 0, 10) == 7  # digits alone may be long


@pytest.mark.parametrize("text", ["half", "a half", "half a", "half an", "½", "2.5", "0.1"])
def test_fractions_are_not_whole(text: str) -> None:
    with pytest.raises(NotWhole):
        read(text, 0, 10)


@pytest.mark.parametrize("text", ["1.", ".5", "1.5.2", "a.b", "halfway"])
def test_what_only_looks_like_a_fraction_is_not_a_number(text: str) -> None:
    with pytest.raises(NotANumber) as caught:
        read(text, 0, 10)
    assert not isinstance(caught.value, NotWhole)


def test_out_of_range_says_which_side_and_the_bounds() -> None:
    with pytest.raises(OutOfRange) as low:
        read("2", 3, 10)
    assert (low.value.value, low.value.low, low.value.high, low.value.too_small) == (
        2,
        3,
        10,
        True,
    )
    with pytest.raises(OutOfRange) as high:
        read("11", 3, 10)
    assert (high.value.value, high.value.too_small) == (11, False)
    with pytest.raises(OutOfRange) as long_negative:
        read("-" + "9" * 30, 0, 10)
    assert long_negative.value.value is None and long_negative.value.too_small is True
    with pytest.raises(OutOfRange) as long_positive:
        read("9" * 30, 0, 10)
    assert long_positive.value.value is None and long_positive.value.too_small is False
    assert read("3", 3, 10) == 3  # the bounds themselves are in range


def test_is_number_whatever_its_size_or_sign() -> None:
    assert is_number("0") and is_number("1") and is_number("-1")
    assert is_number("two") and is_number("-" + "9" * 50) and is_number("5")
    assert not is_number("two bananas") and not is_number("1.5")


def test_plural_agrees() -> None:
    assert plural(1, "hour") == "1 hour"
    assert plural(3, "hour") == "3 hours"
    assert plural(0, "clone") == "0 clones"
    assert plural(2, "mouse", "mice") == "2 mice"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("-5", -5),
        ("+5", 5),
        ("+" + "0" * 90 + "5", 5),
        ("123 456", 123456),
        ("12 345", 12345),
        ("one hundred and twenty-one thousand and five", 121005),
        ("couple of", 2),
        ("a hundred", 100),
        ("minus 3", -3),
    ],
)
def test_signs_groups_and_words(text: str, value: int) -> None:
    assert read(text, -1_000_000, 1_000_000) == value


@pytest.mark.parametrize("text", ["1234 567", "1 23", "one one one one one one one one one"])
def test_badly_grouped_digits_and_too_many_words_are_not_numbers(text: str) -> None:
    with pytest.raises(NotANumber):
        read(text, -1_000_000, 1_000_000)
