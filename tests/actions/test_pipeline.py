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
    assert not applies(game, Action("drop", noun="headband"))  # worn: a trial tries no fix
    assert not applies(game, Action("drop", noun="tsunade"))  # not held
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


def test_module_rules_are_installed_by_mark_in_written_order() -> None:
    import types

    from kage.actions.pipeline import Rulebooks, rule

    module = types.ModuleType("kage.fake_rules")

    def first(game, action):  # noqa: ANN001, ANN202
        return None

    def second(game, action):  # noqa: ANN001, ANN202
        return "no"

    for func in (first, second):
        func.__module__ = module.__name__
    module.first = rule("check", "push", "pull")(first)
    module.second = rule("check", "push")(second)
    module.borrowed = Rulebooks  # a class from elsewhere carries no mark and is skipped
    books = Rulebooks()
    books.install_module(module)
    assert [e.name for e in books.rules("check", "push")] == ["first", "second"]
    assert [e.name for e in books.rules("check", "pull")] == ["first"]
    assert books.rules("check", "push")[0].source == "kage.fake_rules"
