"""`kage rules WORLD [ACTION]`: the rulebooks in running order, with names and origins."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.content.test_cli import kage, no_traceback
from tests.content.worlds import minimal

from kage.content.compile import load_world
from kage.tools.rules_index import UnknownAction, index
from kage.world.model import World


def _rows(text: str, heading: str) -> list[str]:
    """The rule names listed under a heading line (up to the next blank line)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(heading))
    rows = []
    for line in lines[start + 1 :]:
        if not line.strip() or not line.strip()[0].isdigit():
            break
        rows.append(line.split(".", 1)[1].split()[0])
    return rows


def test_an_action_lists_each_phase_in_running_order(banished: World) -> None:
    text = index(banished, "take")
    assert text.splitlines()[0] == "take"
    assert "words: take {things}; get {things}" in text
    checks = _rows(text, "check")
    assert checks.index("sealed_away") < checks.index("can_take")  # as the pipeline runs them
    assert re.search(r"sealed_away +ninja: kage\.ext\.ninja\.scrolls\n", text)
    assert re.search(r"statuses_may_forbid +body: kage\.ext\.body\.status  \(any action\)", text)


def test_the_turn_sequence_and_moving_come_first(banished: World) -> None:
    text = index(banished)
    assert text.startswith("Rules of Banished (extensions: body, items, ninja")
    assert text.index("The turn sequence") < text.index("Moving") < text.index("\naccept\n")
    assert _rows(text, "The turn sequence")[0] == "advance_time"
    assert _rows(text, "Moving")[:2] == ["bringing_them_along", "at_their_pace"]


def test_a_world_without_extensions_lists_only_the_core(tmp_path: Path) -> None:
    text = index(load_world(minimal(tmp_path)))
    assert "(extensions: none)" in text
    assert "kage.ext." not in text
    assert "\ntake\n" in text and "\nhaggle\n" not in text


def test_an_unknown_action_is_named_with_a_suggestion(banished: World) -> None:
    with pytest.raises(UnknownAction, match="No action 'tkae' in Banished. Did you mean 'take'"):
        index(banished, "tkae")


def test_the_command(tmp_path: Path) -> None:
    result = kage("rules", "banished", "knock out", cache=tmp_path / "cache")
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("knock_out\n")
    assert "combat: kage.ext.combat.fighting" in result.stdout
    result = kage("rules", "banished", "xyzzy", cache=tmp_path / "cache")
    no_traceback(result)
    assert result.returncode == 2 and "No action 'xyzzy'" in result.stderr


def test_a_data_rule_is_listed_with_its_file(tmp_path: Path) -> None:
    rules = (
        'rules:\n  - name: no looting\n    phase: instead\n    action: take\n    say: "Leave it."\n'
    )
    text = index(load_world(minimal(tmp_path, rules_yaml=rules)), "take")
    instead = text.split("  instead\n")[1].splitlines()[0]
    assert "no looting" in instead and "world: rules.yaml:2" in instead
