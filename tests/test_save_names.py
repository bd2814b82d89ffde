"""Save names as players type them: any text, quoted or not, round-trips through save and
restore under exactly that name, or is refused clearly; never silently another name.

The rule: a name in double quotes is literal; otherwise it runs to the end of the command,
and commands end at a full stop before a space, at ; ! ? and at "then", as every command
does (a dot inside a word, "and" and commas stay in the name).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.helpers import play

from kage.parser.text import clean, split_commands
from kage.persist import saves
from kage.session import Session


def saved_then_restored(session: Session, typed: str, name: str) -> None:
    """Save with `typed`, move on, restore by `name`: back where it was saved."""
    play(session, "down")
    at_save = session.game.state.digest()
    reply = play(session, typed)
    assert f"Saved as {name!r}" in reply, reply
    play(session, "ne", "take all")
    assert session.game.state.digest() != at_save
    assert f"[Restored {name!r}.]" in play(session, f'restore "{name}"')
    assert session.game.state.digest() == at_save


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("save before the fight", "before the fight"),
        ("save mine.fight", "mine.fight"),
        ('save "mine.fight"', "mine.fight"),
        ("save ../backup", "../backup"),
        ("save fish and chips", "fish and chips"),
        ("save north and south", "north and south"),
        ("save act 2, the mine", "act 2, the mine"),
        ('save "stop. then go; now!"', "stop. then go; now!"),
        ('save "unclosed', "unclosed"),
        ("save 忍者 🍥 נינג'ה", "忍者 🍥 נינג'ה"),
        ('save "..."', "..."),  # unquoted, a final full stop ends the command
        ("save", "save"),
        ("SAVE: the gate", "the gate"),
        ('save"quoted"', "quoted"),
        (f"save {'x' * saves.MAX_NAME_CHARS}", "x" * saves.MAX_NAME_CHARS),
    ],
)
def test_any_name_round_trips(new_session, typed: str, name: str) -> None:
    session = new_session()
    saved_then_restored(session, typed, name)
    assert [info.name for info in session.store.list()] == [name]


def test_unquoted_restore_reads_the_whole_name(new_session) -> None:
    session = new_session()
    play(session, "down")
    at_save = session.game.state.digest()
    play(session, "save before the fight", "ne")
    assert "[Restored 'before the fight'.]" in play(session, "restore before the fight")
    assert session.game.state.digest() == at_save
    play(session, "ne")
    assert "Restored" in play(session, "load  Before  The FIGHT")  # case, spaces: same save
    assert session.game.state.digest() == at_save


def test_a_name_never_runs_the_rest_as_a_command(new_session) -> None:
    session = new_session()
    play(session, "save mine.fight", "save north and south", "save ../backup")
    assert session.log == []  # no "fight", no "south", nothing ran
    assert session.game.state.holder["naruto"] == "hokage_office"


def test_dotted_name_does_not_overwrite_the_default_save(new_session) -> None:
    session = new_session()
    play(session, "save")  # the save called "save"
    play(session, "down", "save ../backup")
    assert sorted(info.name for info in session.store.list()) == ["../backup", "save"]
    play(session, "restore save")
    assert session.game.state.holder["naruto"] == "hokage_office"


def test_a_name_ends_where_a_command_ends(new_session) -> None:
    session = new_session()
    play(session, "save gate then down. save road; ne")
    assert session.log == ["down", "ne"]
    assert sorted(info.name for info in session.store.list()) == ["gate", "road"]
    assert split_commands("take wallet.go out") == ["take wallet", "go out"]
    assert split_commands("take wallet.save mine.fight. go out") == [
        "take wallet",
        "save mine.fight",
        "go out",
    ]


@pytest.mark.parametrize(
    ("typed", "refusal"),
    [
        ('save "a" b', "put the whole name inside the quotes"),
        ('save ""', "cannot be empty"),
        ('save "   "', "cannot be empty"),
        (f"save {'x' * (saves.MAX_NAME_CHARS + 1)}", "at most"),
    ],
)
def test_bad_names_are_refused_clearly(new_session, typed: str, refusal: str) -> None:
    session = new_session()
    reply = play(session, typed)
    assert reply.startswith("Not saved:") and refusal in reply
    assert session.store.list() == []
    reply = play(session, typed.replace("save", "restore", 1))
    assert reply.startswith("Not restored:") and refusal in reply


def test_names_that_look_alike_are_different_saves(new_session) -> None:
    session = new_session()
    names = ["my save", "my_save", "my.save", "../my save", "My Save!"]
    for name in names:
        play(session, "wait", f'save "{name}"')
    for turn, name in enumerate(names, start=1):
        play(session, f'restore "{name}"')
        assert len(session.log) == turn, name
    assert sorted(info.name for info in session.store.list()) == sorted(names)


@settings(max_examples=60, deadline=None)
@given(name=st.text(st.characters(exclude_characters='"'), min_size=1, max_size=40))
def test_property_any_quoted_name_round_trips_or_is_refused(banished, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        session = Session(banished, saves=Path(folder))
        session.opening()
        play(session, "down")
        at_save = session.game.state.digest()
        reply = play(session, f'save "{name}"')
        if reply.startswith("Not saved:"):
            assert "cannot be empty" in reply and not clean(name).strip()
            return
        [info] = session.store.list()
        assert reply.startswith(f"Saved as {info.name!r} in banished")
        play(session, "ne")
        assert f"[Restored {info.name!r}.]" in play(session, f'restore "{name}"')
        assert session.game.state.digest() == at_save


def test_restore_with_no_name_lists_this_worlds_saves_and_restores_nothing(new_session) -> None:
    session = new_session()
    assert play(session, "restore") == "There are no saves of this story yet."
    play(session, "save", "down", "save street")
    digest = session.game.state.digest()
    reply = play(session, "restore")
    assert reply.startswith("Which save? Type RESTORE and its name")
    assert reply.index("'street'") < reply.index("'save'")  # newest first
    assert session.game.state.digest() == digest
