"""Bad input is normal input: whatever is typed, Session.step answers and never raises."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kage import runtime, worlds
from kage.parser.grammar import Line
from kage.session import Session

WORLD = worlds.load("banished")
LEXICON = runtime.lexicon(WORLD)
VOCABULARY = sorted(LEXICON.words)
NOUNS = sorted(LEXICON.nouns)
LINES: list[Line] = sorted(
    {line for bucket in LEXICON.lines.values() for line in bucket}, key=lambda ln: ln.pattern
)
# where each example starts: a few places and holdings the parser should cope with
OPENINGS = [
    [],
    ["down", "ne", "take all"],
    ["down", "ne", "take cups", "go to ichiraku"],
    ["go to the academy", "talk to iruka"],
    ["down", "s"],
]
SEPARATORS = [". ", " then ", " and ", ", ", ", then ", "; ", "! ", "? ", ".", " and then "]

FUZZ = settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

_saves: Path | None = None


@pytest.fixture(scope="module", autouse=True)
def _save_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    global _saves
    _saves = tmp_path_factory.mktemp("fuzz-saves")


def _session(opening: int, seed: int = 0) -> Session:
    session = Session(WORLD, seed=seed, saves=_saves)
    session.opening()
    for line in OPENINGS[opening]:
        session.step(line)
    return session


def _answers(session: Session, line: str) -> None:
    steps = session.step(line)
    assert steps, repr(line)
    for step in steps:
        assert isinstance(step.text, str) and step.text.strip(), (line, step)


# -- strategies -------------------------------------------------------------------------

openings = st.integers(0, len(OPENINGS) - 1)
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
odd_text = st.text(
    st.one_of(
        st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "So", "Sk"]),
        st.sampled_from(list("😀🍜🦊🐸👍🏽‍♂️ナルト忍者火影鳴門кирилицаعربىहिन्दी한국어ﬁ①Ⅻ")),
    ),
    max_size=100,
)
blank = st.text(st.sampled_from(list(" \t\n\r\x0b\x0c\x00\x85\u00a0\u2003\u2028\u3000")))
vocab_words = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=10).map(" ".join)


@st.composite
def phrases(draw: st.DrawFn, slot: str) -> str:
    if slot == "direction":
        return draw(st.sampled_from(["n", "south", "ne", "up", "d", "out", "in", "xyzzy"]))
    if slot == "number":
        return draw(st.sampled_from(["3", "three", "an", "0", "99999999999999999999", "few"]))
    if slot == "unit":
        return draw(st.sampled_from(["hours", "minute", "days", "weeks", "d", "wallet"]))
    kind = draw(st.integers(0, 5))
    if kind == 0:
        return draw(st.sampled_from(["it", "him", "her", "them", "all", "everything"]))
    if kind == 1:
        excluded = draw(st.sampled_from(NOUNS))
        return draw(st.sampled_from(["all except ", "all but the ", "everything but "])) + excluded
    if kind == 2:
        return " and ".join(draw(st.lists(st.sampled_from(NOUNS), min_size=2, max_size=3)))
    words = draw(st.lists(st.sampled_from(NOUNS + VOCABULARY[:50]), min_size=1, max_size=3))
    return "the " + " ".join(words) if kind == 3 else " ".join(words)


@st.composite
def commands(draw: st.DrawFn) -> str:
    """A command with the shape of a real grammar line, its slots filled at random."""
    line = draw(st.sampled_from(LINES))
    out = []
    for token in line.tokens:
        if token.words is not None:
            out.append(draw(st.sampled_from(sorted(token.words))))
        else:
            out.append(draw(phrases(token.slot)))
    return " ".join(out)


several = st.lists(
    st.tuples(st.one_of(commands(), vocab_words), st.sampled_from(SEPARATORS)),
    min_size=2,
    max_size=6,
).map(lambda parts: "".join(cmd + sep for cmd, sep in parts))


# -- properties -------------------------------------------------------------------------


@FUZZ
@given(openings, any_text)
def test_any_text_gets_an_answer(opening: int, line: str) -> None:
    _answers(_session(opening), line)


@FUZZ
@given(openings, odd_text)
def test_control_characters_emoji_and_other_scripts(opening: int, line: str) -> None:
    _answers(_session(opening), line)


@settings(FUZZ, max_examples=40)
@given(openings, st.text(min_size=1, max_size=12), st.sampled_from(["", " ", ". ", " and "]))
def test_ten_thousand_character_lines(opening: int, unit: str, joint: str) -> None:
    line = ((unit + joint) * 10_000)[:10_000]
    session = _session(opening)
    _answers(session, line)
    _answers(session, ("take all and wallet and " * 1000)[:10_000])


@FUZZ
@given(openings, blank)
def test_empty_and_whitespace_lines(opening: int, line: str) -> None:
    session = _session(opening)
    steps = session.step(line)
    assert len(steps) == 1 and steps[0].text == "I beg your pardon?"
    assert not steps[0].understood


@FUZZ
@given(openings, st.lists(vocab_words, min_size=1, max_size=4))
def test_random_vocabulary(opening: int, lines: list[str]) -> None:
    session = _session(opening)
    for line in lines:
        _answers(session, line)


@FUZZ
@given(openings, st.integers(0, 3), st.lists(commands(), min_size=1, max_size=6))
def test_random_grammar_commands(opening: int, seed: int, lines: list[str]) -> None:
    session = _session(opening, seed)
    for line in lines:
        _answers(session, line)


@FUZZ
@given(openings, st.lists(several, min_size=1, max_size=3))
def test_several_commands_on_a_line(opening: int, lines: list[str]) -> None:
    session = _session(opening)
    for line in lines:
        _answers(session, line)
