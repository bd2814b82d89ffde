"""The player's out-of-world commands, typed into a real session: score and full score
(with ranks and notification), verbose/brief/superbrief, notify, transcript, pronouns,
version, verify, exits, and restart and quit asking first. None of them takes game time;
the preferences survive undo, restart, save and restore."""

from __future__ import annotations

import copy
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from tests.helpers import opened, play, world_from

from kage import worlds
from kage.content.compile import load_world
from kage.content.errors import ContentError
from kage.parser.grammar import CORE, META
from kage.parser.nouns import unknown_word
from kage.persist.transcripts import default_transcript_dir
from kage.session import Session
from kage.world.model import World

LANES = """
world:
  id: lanes
  title: "Lanes"
  intro: "Rain on the cobbles."
  player: pip
  version: 2
  ranks: {a novice: 0, a regular: 5, the master of the lanes: 10}
places:
  - id: yard
    name: "the yard"
    description: "A wet yard behind the inn."
    exits:
      east: lane
      down: {to: cellar, hidden: true, when: {flag: trapdoor}}
  - id: lane
    name: "the lane"
    description: "A narrow lane between high walls."
    exits: {west: yard}
  - id: cellar
    name: "the cellar"
    description: "Damp, and smelling of apples."
    exits: {up: yard}
  - id: nook
    name: "the nook"
    description: "A nook with no way out at all."
people:
  - {id: pip, name: "Pip", gender: him, at: yard}
  - {id: moll, name: "Moll", gender: her, at: lane}
things:
  - {id: rope, name: "rope", at: yard}
  - {id: apples, name: "apples", plural: true, at: cellar}
verbs:
  tug: ["tug {thing}"]
  vanish: ["vanish"]
interactions:
  - verb: tug
    target: rope
    text: "A trapdoor swings open under the rope."
    effects: [{set: {trapdoor: true}}, {milestone: found_door}]
  - verb: vanish
    text: "You slip into the nook."
    effects: [{move: {pip: nook}}]
triggers:
  - {id: below, when: {at: cellar}, effects: [{milestone: went_down}]}
milestones:
  - {id: found_door, points: 5, text: "found the trapdoor"}
  - {id: went_down, points: 6, text: "went down to the cellar"}
endings:
  - {id: done, won: true, text: "The end.", when: {flag: finished}}
"""


@pytest.fixture(scope="module")
def lanes(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "lanes", LANES)


@pytest.fixture
def session(lanes: World, tmp_path: Path) -> Session:
    made = Session(lanes, saves=tmp_path / "saves", transcripts=tmp_path / "transcripts")
    made.opening()
    return made


def reply(session: Session, line: str) -> str:
    """The reply to one command typed alone."""
    (step,) = session.step(line)
    return step.text


# -- score and full score -------------------------------------------------------------


def test_score_gives_the_score_the_turns_and_the_rank(session: Session) -> None:
    assert reply(session, "score") == (
        "You have scored 0 out of a possible 11, in 0 turns. That makes you a novice."
    )
    play(session, "tug rope")
    assert reply(session, "score") == (
        "You have scored 5 out of a possible 11, in 1 turn. That makes you a regular."
    )
    play(session, "down")
    assert reply(session, "points").endswith("That makes you the master of the lanes.")


def test_a_world_without_ranks_gives_none(new_session) -> None:
    session = new_session()
    session.world.ranks, saved = [], session.world.ranks
    try:
        assert reply(session, "score") == ("You have scored 0 out of a possible 265, in 0 turns.")
    finally:
        session.world.ranks = saved


def test_banished_names_a_rank() -> None:
    world = worlds.load("banished")
    assert world.ranks[0] == (265, "the one who brought the miners home")
    assert world.ranks[-1][0] == 0  # every score has a rank
    assert world.version == "1"


def test_full_score_lists_what_earned_the_points_in_order(session: Session) -> None:
    assert reply(session, "full score") == "You have not scored any points yet."
    play(session, "tug rope", "down")
    assert reply(session, "full").splitlines() == [
        "Your score is made up of:",
        "   5  found the trapdoor",
        "   6  went down to the cellar",
        "  11  in all, out of a possible 11",
    ]
    assert reply(session, "fullscore") == reply(session, "full score")


def test_score_takes_no_time_and_is_no_step_to_undo(session: Session) -> None:
    play(session, "tug rope")
    minutes, turn = session.game.state.minutes, session.game.state.turn
    for line in ("score", "full score", "exits", "pronouns", "version"):
        play(session, line)
    assert (session.game.state.minutes, session.game.state.turn) == (minutes, turn)
    assert session.log == ["tug rope"]
    assert reply(session, "undo").startswith("[Undone: tug rope]")


def test_a_word_not_understood_is_no_step_to_undo(session: Session) -> None:
    play(session, "e", "xyzzy")
    assert session.log == ["e"]
    assert reply(session, "undo").startswith("[Undone: e]")
    assert session.game.state.holder["pip"] == "yard"


def test_score_answers_after_the_story_has_ended(session: Session) -> None:
    session.game.state.done = True
    assert reply(session, "score").startswith("You have scored 0")
    assert reply(session, "exits").startswith("From here you can go")


# -- score notification ---------------------------------------------------------------


def test_a_rise_in_the_score_is_announced(session: Session) -> None:
    assert reply(session, "tug rope").endswith("[Your score has just gone up by 5 points.]")


def test_notify_off_keeps_quiet_and_notify_on_speaks_again(session: Session) -> None:
    assert reply(session, "notify off") == "Score notification is off."
    text = reply(session, "tug rope")
    assert "score" not in text and session.game.score == 5
    assert reply(session, "notify") == reply(session, "notify on")
    assert reply(session, "down").endswith("[Your score has just gone up by 6 points.]")


def test_notify_is_not_a_turn(session: Session) -> None:
    play(session, "notify off", "notify on")
    assert session.log == [] and session.game.state.turn == 0


# -- verbosity ------------------------------------------------------------------------


def test_verbose_is_the_default_and_describes_every_arrival(session: Session) -> None:
    assert session.settings.verbosity == "verbose"
    play(session, "e")
    assert "A wet yard behind the inn." in reply(session, "w")


def test_brief_describes_a_place_in_full_only_the_first_time(session: Session) -> None:
    assert reply(session, "brief").startswith("Lanes is now in brief mode")
    first = reply(session, "e")
    assert "A narrow lane between high walls." in first
    again = reply(session, "w")
    assert again.startswith("The yard") and "A wet yard" not in again
    assert "You can see a rope here." in again and "Exits: east" in again
    assert "A narrow lane" not in reply(session, "e")
    assert "A narrow lane between high walls." in reply(session, "look")


def test_normal_is_brief_as_in_inform(session: Session) -> None:
    play(session, "normal")
    assert session.settings.verbosity == "brief"


def test_superbrief_never_describes_on_arrival_but_look_does(session: Session) -> None:
    assert reply(session, "superbrief").startswith("Lanes is now in superbrief mode")
    arrived = reply(session, "e")
    assert arrived.startswith("The lane") and "narrow lane" not in arrived
    assert "Moll is here." in arrived
    assert "A narrow lane between high walls." in reply(session, "look")
    assert reply(session, "short") == reply(session, "superbrief")
    play(session, "long")
    assert "A wet yard" in reply(session, "w")


def test_verbosity_takes_no_turn_and_survives_undo_and_restart(session: Session) -> None:
    play(session, "e", "brief")
    assert session.log == ["e"]
    play(session, "undo")
    assert session.settings.verbosity == "brief"
    play(session, "restart", "y")
    assert session.game.settings is session.settings
    assert session.settings.verbosity == "brief"
    play(session, "e")
    assert "A narrow lane" not in reply(session, "w").replace("The yard", "")
    assert "A wet yard" not in reply(session, "e") + reply(session, "w")


def test_preferences_survive_save_and_restore_in_a_new_session(
    lanes: World, tmp_path: Path
) -> None:
    first = opened(lanes, tmp_path / "saves")
    play(first, "e", "superbrief", "notify off", "save prefs")
    assert first.store.read("prefs").settings == {"verbosity": "superbrief", "notify": False}
    later = opened(lanes, tmp_path / "saves")
    assert later.settings.verbosity == "verbose"
    assert reply(later, "restore prefs").startswith("[Restored 'prefs'.]")
    assert later.settings.verbosity == "superbrief" and later.settings.notify is False
    assert later.game.settings is later.settings
    assert "A wet yard" not in reply(later, "w")
    assert "score" not in reply(later, "tug rope")


def test_a_save_without_preferences_keeps_the_players(lanes: World, tmp_path: Path) -> None:
    from dataclasses import replace

    first = opened(lanes, tmp_path / "saves")
    play(first, "e", "brief", "save old")
    path = first.store.path_for("old")
    data = replace(first.store.read("old"), settings={})  # as a save from before settings
    first.store.write(data)
    assert path.exists() and first.store.read("old").settings == {}
    later = opened(lanes, tmp_path / "saves")
    play(later, "superbrief", "restore old")
    assert later.settings.verbosity == "superbrief"


def test_a_save_with_damaged_preferences_is_refused_not_crashed_on(
    lanes: World, tmp_path: Path
) -> None:
    from tests.helpers import resigned

    session = opened(lanes, tmp_path / "saves")
    play(session, "brief", "save x")
    path = session.store.path_for("x")
    resigned(path, "UPDATE meta SET value = '[1, 2]' WHERE key = 'settings'")
    assert reply(session, "restore x") == (
        f'Not restored: Save file "{path}" is damaged: its settings are not a JSON object.'
    )


# -- transcript -----------------------------------------------------------------------


def test_a_transcript_records_commands_and_replies_and_says_where(session: Session) -> None:
    started = reply(session, "transcript")
    (path,) = session.transcripts_dir.iterdir()
    assert started == (
        f"A transcript of the game is now being written to {path}. TRANSCRIPT OFF stops it."
    )
    assert path.name.startswith("lanes-") and path.suffix == ".txt"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    east = reply(session, "e")
    assert f"> e\n{east}\n\n" in path.read_text()  # on disk already: a crash loses nothing
    assert reply(session, "script on") == (f"A transcript is already being written, to {path}.")
    assert reply(session, "transcript off") == f"The transcript is finished: {path}."
    reply(session, "w")  # after the end: not recorded
    text = path.read_text()
    assert text.startswith("Lanes: a transcript of play (world lanes, seed 0, kage ")
    assert f"> e\n{east}\n\n" in text
    assert text.endswith(f"> transcript off\nThe transcript is finished: {path}.\n\n")
    assert "> w\n" not in text


@pytest.mark.parametrize("stop", ["transcript off", "script off", "noscript", "unscript"])
def test_ways_to_stop_a_transcript(session: Session, stop: str) -> None:
    assert reply(session, stop) == "No transcript is being written."
    play(session, "script")
    assert reply(session, stop).startswith("The transcript is finished: ")
    assert session.transcript is None


def test_two_transcripts_in_one_second_are_two_files(session: Session) -> None:
    play(session, "transcript", "transcript off", "transcript on", "transcript off")
    assert len(list(session.transcripts_dir.iterdir())) == 2


def test_a_transcript_folder_that_cannot_be_made_is_said_plainly(
    lanes: World, tmp_path: Path
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    session = Session(lanes, saves=tmp_path, transcripts=blocked / "transcripts")
    text = reply(session, "transcript")
    assert text.startswith(f'[No transcript: Could not start a transcript in "{blocked}')
    assert session.transcript is None
    assert reply(session, "look").startswith("The yard")


def test_a_transcript_that_cannot_be_written_stops_and_says_so(session: Session) -> None:
    play(session, "transcript")
    assert session.transcript is not None
    session.transcript._handle.close()  # the disk went away under it
    text = reply(session, "e")
    assert text.startswith("The lane")
    assert "could not be written" in text and "so it has been stopped" in text
    assert session.transcript is None
    assert reply(session, "w").startswith("The yard")


def test_quitting_closes_the_transcript(session: Session) -> None:
    play(session, "transcript")
    handle = session.transcript._handle
    play(session, "quit", "y")
    assert handle.closed and session.transcript is None
    (path,) = session.transcripts_dir.iterdir()
    assert path.read_text().endswith("> y\nGoodbye.\n\n")


def test_default_transcript_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KAGE_TRANSCRIPTS", str(tmp_path / "mine"))
    assert default_transcript_dir() == tmp_path / "mine"
    monkeypatch.delenv("KAGE_TRANSCRIPTS")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_transcript_dir() == tmp_path / "data" / "kage" / "transcripts"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")  # ignored, as the spec says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    expected = tmp_path / "home" / ".local" / "share" / "kage" / "transcripts"
    assert default_transcript_dir() == expected


# -- pronouns -------------------------------------------------------------------------


def test_pronouns_say_what_each_means(session: Session) -> None:
    assert reply(session, "pronouns") == (
        'At the moment, "it" is not set, "him" is not set, "her" is not set and "them" is not set.'
    )
    play(session, "x rope", "e", "x moll", "w", "tug rope", "down", "x apples")
    assert reply(session, "nouns") == (
        'At the moment, "it" means the rope, "him" is not set, "her" means Moll and '
        '"them" means the apples.'
    )


# -- version and verify ---------------------------------------------------------------


def test_version_names_the_world_its_version_and_hash_and_the_engine(session: Session) -> None:
    from kage import __version__

    lines = reply(session, "version").splitlines()
    assert lines[0] == "Lanes, version 2"
    assert lines[1] == f"World 'lanes', source hash {session.world.source_hash}."
    assert lines[2].startswith(f"Kage {__version__}, on Python ")


def test_verify_finds_the_bundled_world_intact(new_session) -> None:
    session = new_session()
    assert reply(session, "verify") == (
        "The story's files are intact: they are the files this game was started from "
        f"(source hash {session.world.source_hash})."
    )


def test_verify_notices_a_changed_file(tmp_path: Path) -> None:
    folder = tmp_path / "copy"
    shutil.copytree(worlds.CAMPAIGNS / "banished", folder)
    world = worlds.load(str(folder), cache=False)
    session = Session(world, saves=tmp_path / "saves")
    then = world.source_hash
    assert reply(session, "verify").startswith("The story's files are intact")
    with (folder / "places.yaml").open("a") as handle:
        handle.write("\n# a writer's note\n")
    now = worlds.source_hash(folder)
    assert now != then
    assert reply(session, "verify") == (
        f"The story's files have changed since this game was started (source hash {now}, "
        f"not {then}). Start kage again to play them as they are now."
    )
    shutil.rmtree(folder)
    assert reply(session, "verify").startswith("The story's files could not be read: ")


def test_verify_has_nothing_to_check_a_world_not_read_from_a_folder(session: Session) -> None:
    assert reply(session, "verify") == (
        "This story was not read from a folder of files, so there is nothing to check it against."
    )


def test_source_hash_is_the_loaders(tmp_path: Path) -> None:
    folder = worlds.CAMPAIGNS / "banished"
    assert worlds.source_hash(folder) == load_world(folder).source_hash


# -- exits ----------------------------------------------------------------------------


def test_exits_lists_the_ways_out_but_not_a_hidden_one_until_found(session: Session) -> None:
    assert reply(session, "exits") == "From here you can go east."  # the lane is not known
    assert "Exits: east." in reply(session, "look")
    play(session, "tug rope", "e", "w")
    assert reply(session, "exits") == "From here you can go east (the lane) and down."
    assert "Exits: east (the lane) and down." in reply(session, "look")


def test_exits_in_a_place_with_none(session: Session) -> None:
    play(session, "vanish")
    assert reply(session, "exits") == "You can see no way out of here."
    assert "Exits" not in reply(session, "look")


def test_a_hidden_way_can_still_be_taken_when_open(session: Session) -> None:
    assert reply(session, "down") == "You can't go that way."
    play(session, "tug rope")
    assert reply(session, "down").startswith("The cellar")


def test_a_hidden_exit_with_no_condition_is_a_world_error(tmp_path: Path) -> None:
    broken = LANES.replace(
        "down: {to: cellar, hidden: true, when: {flag: trapdoor}}",
        "down: {to: cellar, hidden: true}",
    )
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "lanes.yaml").write_text(broken)
    with pytest.raises(ContentError) as error:
        load_world(folder)
    (problem,) = error.value.problems
    assert problem.file == "lanes.yaml" and problem.line == 15
    assert "hidden but has no 'when'" in problem.message


# -- restart and quit ask first -------------------------------------------------------


def test_restart_asks_and_acts_only_on_yes(session: Session) -> None:
    play(session, "e")
    assert reply(session, "restart") == (
        "Are you sure you want to start again from the beginning? (y/n)"
    )
    assert session.game.state.holder["pip"] == "lane"
    assert reply(session, "n") == "Then the story goes on from where it is."
    assert session.game.state.holder["pip"] == "lane" and session.log == ["e"]
    play(session, "restart")
    assert reply(session, "yes").startswith("[Restarted.]\n\nLANES")
    assert session.game.state.holder["pip"] == "yard" and session.log == []


def test_quit_asks_and_no_goes_on(session: Session) -> None:
    (asked,) = session.step("quit")
    assert asked.text == "Are you sure you want to quit? (y/n)" and not asked.quit
    (kept,) = session.step("no")
    assert kept.text == "Then the story goes on." and not kept.quit
    (again,) = session.step("y")  # no question now: a plain "y"
    assert not again.quit


def test_anything_but_an_answer_lets_the_question_lapse(session: Session) -> None:
    play(session, "quit")
    (step,) = session.step("e")
    assert not step.quit and step.text.startswith("The lane")
    assert session.asking is None
    play(session, "restart")
    assert reply(session, "score").startswith("You have scored")
    assert session.game.state.holder["pip"] == "lane"
    assert not session.step("yes")[0].quit


def test_the_answer_may_follow_on_the_same_line(session: Session) -> None:
    steps = session.step("quit. y. look")
    assert [s.command for s in steps] == ["quit", "y"] and steps[-1].quit


def test_scripts_confirm_with_the_next_line(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "KAGE_SAVES": str(tmp_path / "saves"),
        "KAGE_TRANSCRIPTS": str(tmp_path / "t"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "kage", "play", "--json", "--script", "-"],
        input="quit\nn\nrestart\nlook\nquit\ny\nlook\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    commands = [r["command"] for r in records[1:]]
    assert commands == ["quit", "n", "restart", "look", "quit", "y"]  # the last look unread
    assert records[-1]["output"] == "Goodbye."


# -- every word is known --------------------------------------------------------------


META_ACTIONS = ("score", "full_score", "exits", "pronouns", "version")
BUNDLED = worlds.bundled()


@pytest.fixture(scope="module", params=BUNDLED)
def bundled(request: pytest.FixtureRequest) -> World:
    return worlds.load(request.param)


@pytest.mark.parametrize("phrase", sorted(META))
def test_every_session_word_is_known_in_every_world(
    bundled: World, tmp_path: Path, phrase: str
) -> None:
    session = opened(bundled, tmp_path)
    assert unknown_word(session.game, phrase.split()) is None


@pytest.mark.parametrize(
    "phrase",
    sorted({p for action, patterns in CORE if action in META_ACTIONS for p in patterns}),
)
def test_every_meta_action_phrase_is_understood_in_every_world(
    bundled: World, tmp_path: Path, phrase: str
) -> None:
    session = opened(bundled, tmp_path)
    (step,) = session.step(phrase)
    assert step.understood, step.text
    assert session.log == []  # no time, no turn, nothing to undo


def test_a_world_may_reword_the_meta_replies(lanes: World, tmp_path: Path) -> None:
    from kage.world.model import Variant

    world = copy.deepcopy(lanes)
    world.responses = {
        "quitting.confirm": [Variant("Leave the lanes for good? (y/n)")],
        "preferring.brief": [Variant("{title} will be brief.")],
        "scoring.rank": [Variant("You are {rank} now.")],
    }
    session = opened(world, tmp_path)
    assert reply(session, "quit") == "Leave the lanes for good? (y/n)"
    assert reply(session, "brief") == "Lanes will be brief."
    assert reply(session, "score").endswith("You are a novice now.")
