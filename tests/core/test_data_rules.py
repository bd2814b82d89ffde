"""Rules written in a world's data, run in the same rulebooks as the engine's (tests/core/
cellar.py is the world)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.core.cellar import WORLD
from tests.helpers import opened, play, world_from

from kage.actions.pipeline import Action, applies, perform
from kage.core import counters
from kage.session import Session
from kage.world.model import World
from kage.world.state import State


@pytest.fixture(scope="module")
def cellar(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "cellar", WORLD)


@pytest.fixture
def hugo(cellar: World, tmp_path: Path) -> Session:
    return opened(cellar, tmp_path)


@pytest.fixture
def in_the_dark(hugo: Session) -> Session:
    play(hugo, "down")
    return hugo


def stumbles(session: Session) -> int:
    return counters.value(session.game, "stumbles")


GROPE = "You grope about blindly and bark your shin on something."


# -- refusing, with effects --------------------------------------------------------------
def test_an_instead_rule_refuses_and_runs_its_effects(in_the_dark: Session) -> None:
    assert play(in_the_dark, "take note") == GROPE
    assert in_the_dark.game.state.holder["note"] == "cellar"
    assert stumbles(in_the_dark) == 1


def test_an_instead_rule_with_effects_is_the_action_done(in_the_dark: Session) -> None:
    """Its effects take the action's place: an outcome, not a refusal, named as the
    reason all the same."""
    outcome = perform(in_the_dark.game, Action("examine", noun="note"))
    assert outcome.done and outcome.text == [GROPE]
    assert outcome.reason == "stumbling in the dark"


def test_an_instead_rule_with_words_alone_refuses(hugo: Session) -> None:
    play(hugo, "east")
    outcome = perform(hugo.game, Action("take", noun="cat"))
    assert not outcome.done and outcome.text == ["The cat will not be carried."]
    assert not applies(hugo.game, Action("take", noun="cat"))
    assert applies(hugo.game, Action("sing"))  # effects alone: done in the action's place


def test_any_action_except_going_up(in_the_dark: Session) -> None:
    assert play(in_the_dark, "look") == GROPE
    assert play(in_the_dark, "score") != GROPE  # out of the world: left alone
    assert stumbles(in_the_dark) == 1
    assert play(in_the_dark, "up").startswith("Hall")
    assert stumbles(in_the_dark) == 1


def test_a_wrong_way_counts_twice(in_the_dark: Session) -> None:
    assert play(in_the_dark, "north") == GROPE
    assert stumbles(in_the_dark) == 2
    assert in_the_dark.game.state.holder["hugo"] == "cellar"


def test_the_rule_does_nothing_when_its_condition_fails(hugo: Session) -> None:
    play(hugo, "take lamp", "down")
    assert play(hugo, "take note") == "Taken."
    assert stumbles(hugo) == 0


def test_a_refusal_that_changes_the_world_can_end_the_story(in_the_dark: Session) -> None:
    reply = play(in_the_dark, "look", "north")
    assert f"{GROPE}\n\nBruised all over, you give up.\n\n*** You have lost ***" in reply
    assert in_the_dark.game.state.done and not in_the_dark.game.state.won


def test_asking_whether_an_action_applies_changes_nothing(in_the_dark: Session) -> None:
    game = in_the_dark.game
    before = game.state.digest()
    action = Action("take", noun="note")
    assert applies(game, action)  # stumbling takes its place: done, not refused
    assert not action.trial
    assert game.state.digest() == before and game.take_output() == ""
    assert applies(game, Action("go", direction="up"))


def test_a_chance_in_a_rule_draws_nothing_when_only_asked(hugo: Session) -> None:
    game = hugo.game
    before = game.state.rng
    for _ in range(5):
        applies(game, Action("jump"))
    assert game.state.rng == before
    play(hugo, "jump")
    assert game.state.rng != before


# -- matching nouns; order against the standard rules ----------------------------------------
def test_a_noun_matched_check_comes_before_the_standard_ones(hugo: Session) -> None:
    assert play(hugo, "drop hat") == "(first taking off the felt hat)\nDropped."
    play(hugo, "take hat", "wear hat", "east")
    assert play(hugo, "drop hat") == "Not out here: the felt hat would be ruined."  # worn still


def test_nouns_matched_by_kind_and_by_property(hugo: Session) -> None:
    play(hugo, "east")
    assert play(hugo, "take cat") == "The cat will not be carried."
    assert play(hugo, "take apple") == "The apple is better left to ripen."
    assert play(hugo, "take pebble") == "Taken."


# -- after and report ---------------------------------------------------------------------
def test_an_after_rule_replaces_the_report(hugo: Session) -> None:
    assert play(hugo, "take lamp") == "You lift the brass lamp; the flame steadies."
    assert hugo.game.state.holder["lamp"] == "hugo"


def test_an_after_rule_that_goes_on_keeps_the_report(hugo: Session) -> None:
    play(hugo, "take lamp")
    assert play(hugo, "drop lamp") == "The brass lamp wobbles as it lands.\n\nDropped."


def test_a_report_rule_adds_to_the_report(hugo: Session) -> None:
    assert play(hugo, "look").endswith("Exits: down and east.")
    play(hugo, "east")
    assert play(hugo, "look").endswith("Exits: west (hall).\n\nWind stirs the weeds.")


def test_a_first_report_rule_comes_before_the_standard_report(hugo: Session) -> None:
    assert play(hugo, "inventory").startswith("You pat your pockets.\n\nYou are carrying")


def test_rules_that_stop_with_nothing_to_say(hugo: Session) -> None:
    play(hugo, "remove hat")
    assert play(hugo, "wear hat") == ""  # an after rule with only effects: no report
    assert hugo.game.state.flags["hat_on"] is True
    minutes = hugo.game.state.minutes
    reply = hugo.game.command("sing")  # an instead rule with only effects: done, silently
    assert reply.acted and reply.text == "" and counters.value(hugo.game, "patience") == 3
    assert hugo.game.state.minutes > minutes  # it took its turn, as the action would


# -- counters -----------------------------------------------------------------------------
def test_counters_add_and_compare(hugo: Session) -> None:
    play(hugo, "east")
    assert play(hugo, "wait").endswith("Patience left: 1.")  # words after the effects
    assert play(hugo, "take pebble") == "Taken."
    play(hugo, "drop pebble")
    assert play(hugo, "wait").endswith("Patience left: 0.")
    assert play(hugo, "take pebble") == "You have lost interest in the pebble."
    assert play(hugo, "drop hat") == "Not out here: the felt hat would be ruined."


def test_counters_survive_undo(in_the_dark: Session) -> None:
    play(in_the_dark, "look", "north")
    assert in_the_dark.game.state.done
    play(in_the_dark, "undo")
    assert stumbles(in_the_dark) == 1 and not in_the_dark.game.state.done
    play(in_the_dark, "undo")
    assert stumbles(in_the_dark) == 0


def test_counters_survive_save_and_restore(in_the_dark: Session) -> None:
    play(in_the_dark, "look", "save bruised")
    play(in_the_dark, "up", "wait")
    assert "Restored" in play(in_the_dark, "restore bruised")
    assert stumbles(in_the_dark) == 1
    assert counters.value(in_the_dark.game, "patience") == 2  # the wait was taken back
    assert play(in_the_dark, "wait") == GROPE and stumbles(in_the_dark) == 2


def test_counters_survive_the_json_of_the_state(in_the_dark: Session) -> None:
    play(in_the_dark, "look", "north")
    state = in_the_dark.game.state
    again = State.from_json(json.loads(state.dumps()))
    assert again.digest() == state.digest()
    in_the_dark.game.set_state(again)
    assert stumbles(in_the_dark) == 3


# -- responses and names ------------------------------------------------------------------
def test_a_world_replaces_a_named_response(in_the_dark: Session) -> None:
    from tests.core.cellar import RESPONSES

    placed, moods = RESPONSES
    game = in_the_dark.game
    assert placed(game, Action("take", noun="note")) == "The note is in Darkness."
    assert moods(game) == "Calm."
    play(in_the_dark, "look")
    assert moods(game) == "Rattled."


def test_a_place_name_varies_with_a_condition(hugo: Session) -> None:
    assert play(hugo, "down").startswith("Darkness\n")
    assert play(hugo, "up").endswith("Exits: down (wine cellar) and east.")  # lamp at hand
    play(hugo, "take lamp")
    assert play(hugo, "down").startswith("Wine cellar\n")
    play(hugo, "up", "east", "drop lamp")
    assert play(hugo, "west").endswith("Exits: down (Darkness) and east (yard).")
    assert play(hugo, "go to cellar").startswith("Darkness\n")  # called by its plain name


def test_rules_are_listed_with_their_names_and_lines(hugo: Session) -> None:
    entries = hugo.game.rules.rules("instead", "take")
    named = [e for e in entries if e.name == "stumbling in the dark"]
    assert len(named) == 1
    line = WORLD.splitlines().index("  - name: stumbling in the dark") + 1
    assert named[0].source == f"cellar.yaml:{line}"
    assert entries[0] is named[0]  # data rules come first, in the order written
