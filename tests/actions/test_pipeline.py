"""The action pipeline: refusals carry the rule that refused, checks change nothing,
and systems hook in by adding rules."""

from __future__ import annotations

from kage.actions.pipeline import Action, Rulebooks, applies, perform, refusal
from kage.game import Game


def test_refusal_names_the_rule_and_changes_nothing(banished) -> None:
    game = Game(banished)
    before = game.state.digest()
    outcome = perform(game, Action("take", noun="tsunade"))
    assert not outcome.done
    assert outcome.reason == "can_take"
    assert "carried" in outcome.text[0]
    assert game.state.digest() == before


def test_applies_runs_checks_only(banished) -> None:
    game = Game(banished)
    before = game.state.digest()
    assert applies(game, Action("go", direction="down"))
    assert not applies(game, Action("go", direction="north"))
    assert applies(game, Action("remove", noun="headband"))
    assert not applies(game, Action("drop", noun="headband"))  # worn
    assert game.state.digest() == before


def test_rules_run_in_order_and_any_action_rules_apply_to_all() -> None:
    rules = Rulebooks()
    calls: list[str] = []
    rules.add("check", "take", lambda g, a: calls.append("late") or None, order=80)
    rules.add("check", "take", lambda g, a: calls.append("early") or None, order=10)
    rules.add("check", "*", lambda g, a: calls.append("any") or None, order=50)
    assert [e.order for e in rules.rules("check", "take")] == [10, 50, 80]
    for entry in rules.rules("check", "take"):
        entry.func(None, Action("take"))  # type: ignore[arg-type]
    assert calls == ["early", "any", "late"]


def test_a_system_rule_can_refuse(banished) -> None:
    game = Game(banished)
    game.rules = Rulebooks()
    game.rules.add("check", "wait", lambda g, a: "Not now.")
    assert refusal(game, Action("wait")) == ("<lambda>", "Not now.")
