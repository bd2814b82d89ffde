"""The session's side of play: splitting and cutting lines, meta commands (again, undo,
restart, quit, save, saves, restore) and what each answers, and a bug never costing the
player the game."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import play

from kage.game import Game
from kage.parser.text import MAX_LINE, words
from kage.persist import SaveError
from kage.session import (
    UNDO_DEPTH,
    Session,
    after_first_word,
    default_save_dir,
    meta_command,
    save_name,
    strict_default,
)
from kage.world.model import World

# --- lines -----------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["", "   ", "\t", ". . ."])
def test_an_empty_line_is_not_understood(new_session, line: str) -> None:
    session = new_session()
    (step,) = session.step(line)
    assert step.text == "I beg your pardon?"
    assert not step.understood and not step.quit
    assert step.command == line.strip()
    assert session.log == []


def test_a_too_long_line_is_cut_and_the_reply_says_so(new_session) -> None:
    session = new_session()
    steps = session.step("wait. " + "x" * (MAX_LINE + 50) + ". wait")
    note = f"(That was a very long line; I read only its first {MAX_LINE} characters.)\n"
    assert steps[0].text.startswith(note)
    assert not any(s.text.startswith("(That") for s in steps[1:])
    assert session.log == ["wait"]  # the x... changed nothing; the last wait was cut off
    assert len(steps) == 2 and len(steps[1].command) == MAX_LINE - len("wait. ")
    (short,) = session.step("w" * MAX_LINE)
    assert not short.text.startswith("(That")  # exactly at the limit: nothing cut


def test_each_command_of_a_line_gets_its_step(new_session) -> None:
    session = new_session()
    steps = session.step("wait. look. wait")
    assert [s.command for s in steps] == ["wait", "look", "wait"]
    assert all(s.understood for s in steps)


def test_quit_stops_the_rest_of_the_line(new_session) -> None:
    session = new_session()
    steps = session.step("wait. quit. y. wait")
    assert [s.command for s in steps] == ["wait", "quit", "y"]
    assert steps[-1].quit and steps[-1].text == "Goodbye."
    assert not steps[1].quit
    assert session.log == ["wait"]


@pytest.mark.parametrize("line", ["q", "quit", "exit game", "quit game", "die"])
def test_ways_to_quit(new_session, line: str) -> None:
    session = new_session()
    (asked,) = session.step(line)
    assert asked.text == "Are you sure you want to quit? (y/n)" and not asked.quit
    (step,) = session.step("yes")
    assert step.quit


def test_quit_with_more_words_is_not_the_meta_command(new_session) -> None:
    (step,) = new_session().step("quit the village now")
    assert not step.quit


# --- a bug never costs the game -----------------------------------------------------------


def test_an_internal_error_takes_the_command_back_and_says_so(
    banished: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = Session(banished, saves=tmp_path, strict=False)
    session.opening()
    play(session, "down")
    before, log = session.game.state.digest(), list(session.log)
    real = Game.command

    def broken(game: Game, command: str):  # noqa: ANN202
        if command == "ne":
            game.state.turn += 1
            game.state.holder["naruto"] = "nowhere"
            game.say("half a reply")
            raise RuntimeError("planted")
        return real(game, command)

    monkeypatch.setattr(Game, "command", broken)
    (step,) = session.step("ne")
    assert step.text == (
        "[Kage ran into an internal error and took that command back: "
        "RuntimeError: planted. Please report it.]"
    )
    assert not step.understood
    assert session.game.state.digest() == before and session.log == log
    assert session.game.take_output() == ""  # the half reply is gone
    assert "Undone: down" in play(session, "undo")  # the history is as it was


def test_strict_sessions_raise_internal_errors(
    banished: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = Session(banished, saves=tmp_path, strict=True)
    monkeypatch.setattr(Game, "command", lambda game, command: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        session.step("wait")
    assert session.history == []


@pytest.mark.parametrize(
    ("value", "strict"), [("", False), ("0", False), ("1", True), ("yes", True)]
)
def test_strict_default_follows_kage_strict(
    monkeypatch: pytest.MonkeyPatch, value: str, strict: bool
) -> None:
    monkeypatch.setenv("KAGE_STRICT", value)
    assert strict_default() is strict
    monkeypatch.delenv("KAGE_STRICT")
    assert strict_default() is False


def test_a_session_is_strict_by_default_in_tests(banished: World, tmp_path: Path) -> None:
    assert Session(banished, saves=tmp_path).strict is True
    assert Session(banished, saves=tmp_path, strict=False).strict is False


# --- again, undo, restart ---------------------------------------------------------------


def test_again_before_anything_was_done(new_session) -> None:
    (step,) = new_session().step("g")
    assert step.text == "There is nothing to do again yet."
    assert step.understood


def test_again_reports_as_itself(new_session) -> None:
    session = new_session()
    session.step("wait")
    (step,) = session.step("g")
    assert step.command == "g"
    assert session.log == ["wait", "wait"]


def test_undo_names_the_command_and_the_place(new_session) -> None:
    session = new_session()
    play(session, "down", "ne")
    (step,) = session.step("undo")
    place = session.world.entities["main_street"].name
    assert step.text == f"[Undone: ne] {place[:1].upper()}{place[1:]}."
    assert session.log == ["down"]
    (step,) = session.step("undo")
    assert step.text.startswith("[Undone: down] ")
    (step,) = session.step("undo")
    assert step.text == "There is nothing to undo."


def test_undo_drops_the_snapshots_after_the_turn_it_returns_to(new_session, monkeypatch) -> None:
    from kage import session as session_module

    monkeypatch.setattr(session_module, "SNAPSHOT_EVERY", 2)
    session = new_session()
    play(session, "wait", "wait", "wait", "wait")
    assert [t for t, _ in session.snapshots] == [0, 2, 4]
    play(session, "undo")
    assert [t for t, _ in session.snapshots] == [0, 2]
    play(session, "undo")
    assert [t for t, _ in session.snapshots] == [0, 2]  # turn 2 is where it stands now


def test_undo_history_is_bounded(new_session) -> None:
    session = new_session()
    play(session, *["wait"] * (UNDO_DEPTH + 3))
    assert len(session.history) == UNDO_DEPTH
    assert session.history[0][1] == 3  # the oldest kept is from before the fourth wait


def test_restart_forgets_again_and_undo(new_session) -> None:
    session = new_session()
    play(session, "down", "wait")
    session.step("restart")
    (step,) = session.step("y")
    assert step.text.startswith("[Restarted.]\n\n")
    assert step.text.endswith(session.opening())
    assert session.snapshots == [(0, session.game.state.dumps())]
    assert session.step("undo")[0].text == "There is nothing to undo."
    assert session.step("g")[0].text == "There is nothing to do again yet."


# --- save, saves, restore ---------------------------------------------------------------


def test_save_says_what_and_where(new_session) -> None:
    session = new_session()
    play(session, "down")
    (step,) = session.step("save The Gate")
    path = session.store.path_for("The Gate")
    assert step.text == f"Saved as 'The Gate' in banished ({path})."
    assert path.exists()
    data = session.store.read("The Gate")
    here = session.world.entities["main_street"].name
    assert data.summary == f"{here}, {session.game.when}, turn 1"
    assert "the 13th day of the Tenth Month" in data.summary  # the story's calendar
    assert data.world_id == "banished" and data.world_hash == session.world.source_hash
    assert data.commands == ["down"] and data.turn == 1


def test_save_without_a_name_is_called_save(new_session) -> None:
    session = new_session()
    assert session.step("save")[0].text.startswith("Saved as 'save' in banished")


def test_save_adds_a_snapshot_of_now_only_when_there_is_none(new_session) -> None:
    session = new_session()
    play(session, "save start")
    assert [t for t, _ in session.store.read("start").snapshots] == [0]
    play(session, "wait", "save later")
    snapshots = session.store.read("later").snapshots
    assert [t for t, _ in snapshots] == [0, 1]
    assert snapshots[-1][1] == session.game.state.dumps()
    assert [t for t, _ in session.snapshots] == [0]  # the session's own list is not changed


def test_save_with_a_bad_name_writes_nothing(new_session) -> None:
    session = new_session()
    (step,) = session.step('save "a" b')
    assert step.text.startswith("Not saved: There is more after the quoted name ('b')")
    (step,) = session.step("save " + "x" * 300)
    assert step.text.startswith("Not saved: A save name can be at most")
    assert not session.store.directory.exists()


def test_a_save_that_cannot_be_written_says_so(banished: World, tmp_path: Path) -> None:
    blocked = tmp_path / "saves"
    blocked.mkdir()
    (blocked / "banished").write_text("a file where the world's folder should be")
    session = Session(banished, saves=blocked)
    session.opening()
    (step,) = session.step("save x")
    assert step.text.startswith("Saving failed: Could not write save file")


def test_saves_when_there_are_none(new_session) -> None:
    assert new_session().step("saves")[0].text == "There are no saves yet."


def test_saves_lists_a_damaged_file_with_its_error(new_session) -> None:
    session = new_session()
    play(session, "save good")
    bad = session.store.directory / "bad.kage"
    bad.write_bytes(b"not a save")
    lines = session.step("saves")[0].text.splitlines()
    assert lines[0] == "Saves:"
    assert lines[1] == "banished (this world):"
    assert lines[2].startswith("  'good': ")
    assert lines[3] == "unreadable:"
    assert lines[4].startswith(f'  bad.kage: damaged (Save file "{bad}" is damaged: ')
    assert lines[4].endswith(".)")


def test_saves_in_a_folder_that_cannot_be_listed(banished: World, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "saves"
    not_a_folder.write_text("")
    session = Session(banished, saves=not_a_folder)
    (step,) = session.step("saves")
    assert step.text.startswith(f'Could not list the saves in "{not_a_folder}"')


def test_restore_says_what_it_restored_and_where_the_game_stands(new_session) -> None:
    session = new_session()
    play(session, "down", "save here", "ne")
    (step,) = session.step("restore here")
    assert step.text.startswith("[Restored 'here'.]\n\n")
    assert session.world.entities["main_street"].name.lower() in step.text.lower()
    # a restored game has nothing to undo or repeat
    assert session.step("undo")[0].text == "There is nothing to undo."
    assert session.step("g")[0].text == "There is nothing to do again yet."


def test_restore_of_a_missing_save_says_which_other_worlds_have_one(
    banished: World, tmp_path: Path
) -> None:
    session = Session(banished, saves=tmp_path)
    for world in ("alpha", "beta"):
        other = Session(banished, saves=tmp_path)
        other.world = type(banished)(**{**_fields(banished), "id": world})
        other.store = type(other.store)(tmp_path / world)
        play(other, "save shared")
    (step,) = session.step("restore shared")
    assert step.text == (
        "Not restored: This world (banished) has no save named 'shared'; alpha, beta have one."
    )
    (step,) = session.step("restore nowhere")
    assert step.text == "Not restored: This world (banished) has no save named 'nowhere'."


def _fields(world: World) -> dict:
    return {name: getattr(world, name) for name in world.__slots__}


# --- save names -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "rest"),
    [
        ("save The Gate", "The Gate"),
        ("load,mine", "mine"),
        ("save:  x ", "x"),
        ('save"x"', '"x"'),
        ("save", ""),
        ("restore 2 dots.", "2 dots."),
        ("  save  a  b ", "a  b"),
    ],
)
def test_after_first_word(command: str, rest: str) -> None:
    assert after_first_word(command) == rest


@pytest.mark.parametrize(
    ("argument", "name"),
    [("", "save"), ("x y", "x y"), ('"x y"', "x y"), ('"x y', "x y"), ('" x "  ', " x ")],
)
def test_save_name(argument: str, name: str) -> None:
    assert save_name(argument) == name


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        (
            '"a" b',
            "There is more after the quoted name ('b'); put the whole name inside the quotes.",
        ),
        ('""', "A save name cannot be empty."),
        ('"   "', "A save name cannot be empty."),
    ],
)
def test_save_name_refusals(argument: str, message: str) -> None:
    with pytest.raises(SaveError) as error:
        save_name(argument)
    assert str(error.value) == message


def test_default_save_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KAGE_SAVES", str(tmp_path / "mine"))
    assert default_save_dir() == tmp_path / "mine"
    monkeypatch.delenv("KAGE_SAVES")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_save_dir() == tmp_path / "data" / "kage" / "saves"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_save_dir() == tmp_path / "home" / ".local" / "share" / "kage" / "saves"


# --- every reply says which command it answers ----------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "g",
        "undo",
        "restart",
        "quit",
        "save x",
        'save "a" b',
        "saves",
        "restore x",
        "restore gone",
        "brief",
        "notify off",
        "transcript",
        "noscript",
        "verify",
    ],
)
@pytest.mark.parametrize("played", [True, False])
def test_each_meta_commands_step_names_the_command(new_session, line: str, played: bool) -> None:
    session = new_session()
    if played:  # something to repeat, undo, list and restore
        play(session, "wait", "save x")
    (step,) = session.step(line)
    assert step.command == line
    assert step.understood and not step.quit
    session.close()


@pytest.mark.parametrize(
    ("line", "meta"),
    [
        ("brief", "brief"),
        ("Normal", "brief"),
        ("notify off", "notify_off"),
        ("notify", "notify_on"),
        ("script", "transcript_on"),
        ("unscript", "transcript_off"),
        ("quit game", "quit"),
        ("save the gate", "save"),
        ("load, mine", "restore"),
        ("long sword", None),  # "long" alone is verbose; here it is a world's words
        ("notify the guard", None),
        ("brief tsunade", None),
        ("undo the knot", None),
        ("", None),
    ],
)
def test_a_session_command_is_the_whole_command_but_save_and_restore(
    line: str, meta: str | None
) -> None:
    assert meta_command(words(line)) == meta


def test_a_world_command_that_looks_like_a_session_one_is_played(new_session) -> None:
    session = new_session()
    (step,) = session.step("brief tsunade")
    assert session.settings.verbosity == "verbose"
    assert "brief mode" not in step.text  # the world's answer, not a change of mode


def test_a_command_that_changes_nothing_is_not_logged_but_can_be_repeated(new_session) -> None:
    session = new_session()
    play(session, "down", "score")
    assert session.log == ["down"] and session.last == "score"
    (step,) = session.step("g")
    assert step.text.startswith("You have scored")
    assert session.step("undo")[0].text.startswith("[Undone: down]")


def test_a_question_is_state_so_its_command_is_logged_and_replays(new_session) -> None:
    """A "Which do you mean?" changes the state (the question waits in it), so the
    command is logged, and a replay of the log asks and answers it the same way."""
    session = new_session()
    play(session, "down", "ne", "take cups", "go to ichiraku", "drop cups")
    assert play(session, "take ramen").startswith("Which do you mean")
    assert session.log[-1] == "take ramen"
    play(session, "cups")
    assert session.game.state.holder["cup_ramen"] == "naruto"
    play(session, "drop cups", "take ramen", "score")  # SCORE drops the question
    assert session.log[-2:] == ["take ramen", "score"] and not session.game.state.question
    replayed = new_session()
    play(replayed, *session.log)
    assert replayed.game.state.digest() == session.game.state.digest()


def test_a_save_that_cannot_be_written_names_its_command(banished: World, tmp_path: Path) -> None:
    (tmp_path / "banished").write_text("in the way")
    session = Session(banished, saves=tmp_path)
    (step,) = session.step("save x")
    assert step.command == "save x" and step.text.startswith("Saving failed")


def test_saves_that_cannot_be_listed_names_its_command(banished: World, tmp_path: Path) -> None:
    (tmp_path / "saves").write_text("")
    (step,) = Session(banished, saves=tmp_path / "saves").step("saves")
    assert step.command == "saves" and step.text.startswith("Could not list")


def test_understood_is_a_bool_in_every_step(new_session, monkeypatch) -> None:
    session = new_session()
    assert session.step("")[0].understood is False
    assert session.step("xyzzy")[0].understood is False
    assert session.step("wait")[0].understood is True
    assert session.step("g")[0].understood is True


def test_a_bug_is_reported_under_its_command_as_not_understood(
    banished: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = Session(banished, saves=tmp_path, strict=False)
    monkeypatch.setattr(Game, "command", lambda game, command: 1 / 0)
    (step,) = session.step("wait")
    assert step.command == "wait" and step.understood is False


def test_the_long_line_note_goes_before_the_first_commands_own_reply(new_session) -> None:
    session, alone = new_session(), new_session()
    expected = alone.step("look")[0].text
    steps = session.step("look. wait. " + "x" * MAX_LINE)
    assert steps[0].text.endswith("characters.)\n" + expected)


def test_a_worlds_own_verbs_start_a_new_command_after_and(new_session) -> None:
    session = new_session()
    steps = session.step("wait and hug tsunade")
    assert [s.command for s in steps] == ["wait", "hug tsunade"]


def test_quit_followed_by_two_words_is_not_the_meta_command(new_session) -> None:
    assert new_session().step("quit game. y")[-1].quit
    assert not new_session().step("quit the game. y")[-1].quit


def test_one_with_no_words_is_played_not_crashed_on(new_session) -> None:
    session = new_session()
    step = session.one("")
    assert step.command == "" and not step.quit


def test_a_session_starts_from_seed_zero(banished: World, tmp_path: Path) -> None:
    session = Session(banished, saves=tmp_path)
    assert session.seed == 0
    assert session.game.state.digest() == Game(banished, 0).state.digest()


def test_a_restored_game_saves_with_its_snapshots(new_session) -> None:
    session = new_session()
    play(session, "down", "save one")
    other = new_session()
    play(other, "restore one", "ne", "save two")
    saved = other.store.read("two")
    assert saved.commands == ["down", "ne"]
    assert [t for t, _ in saved.snapshots] == [0, 1, 2]


def test_saves_when_only_an_unreadable_file_is_left(banished: World, tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.kage").write_text("junk")
    lines = Session(banished, saves=tmp_path).step("saves")[0].text.splitlines()
    assert lines[:2] == ["Saves:", "unreadable:"]
    assert lines[2].startswith("  x.kage: damaged (")


def test_a_save_of_this_world_moved_to_another_folder_is_not_offered_as_elsewhere(
    banished: World, tmp_path: Path
) -> None:
    session = Session(banished, saves=tmp_path)
    play(session, "save lost")
    (tmp_path / "other").mkdir()
    session.store.path_for("lost").rename(tmp_path / "other" / "lost.kage")
    (step,) = session.step("restore lost")
    assert step.text == "Not restored: This world (banished) has no save named 'lost'."


def test_after_first_word_keeps_a_name_that_starts_with_x() -> None:
    assert after_first_word("save Xavier's gate") == "Xavier's gate"
    assert after_first_word("restore ,:Xx") == "Xx"


def test_every_ending_prints_the_final_score_and_the_options(tmp_path: Path) -> None:
    from kage import worlds

    session = Session(worlds.load("cloak"), 0, saves=tmp_path)
    session.opening()
    walkthrough = Path(__file__).parent / "walkthroughs" / "cloak.txt"
    texts = [s.text for line in walkthrough.read_text().splitlines() for s in session.step(line)]
    last = texts[-1]
    assert last.index("You have won.") < last.index("*** You have won ***")
    assert "In that game you scored 2 out of a possible 2, in 8 turns." in last
    assert last.endswith("see the FULL SCORE for that game, or QUIT?")
    assert sum("*** You have won ***" in t for t in texts) == 1  # said once, at the end
    (after,) = session.step("look")
    assert after.text.startswith("The story has ended.") and "FULL SCORE" in after.text
    assert session.step("score")[0].text.startswith("You have scored 2 out of a possible 2")


def test_undo_passes_over_refusals_to_the_last_command_that_acted(tmp_path: Path) -> None:
    from kage import worlds

    session = Session(worlds.load("banished"), 0, saves=tmp_path)
    session.opening()
    for line in ("down", "eat the main street", "xyzzy", "take the moon"):
        session.step(line)
    (step,) = session.step("undo")
    assert step.text.startswith("[Undone: down]")
    assert session.game.state.holder["naruto"] == "hokage_office"
    assert session.log == []
