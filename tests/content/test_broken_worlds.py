"""`kage check` on broken worlds: one small world for each thing the checker proves, each
giving its exact message at its file and line; and the writer's fix makes it load.

Each folder in tests/content/broken holds a copy of one small world (a smithy with a shop)
with one mistake in it, and `expected.txt`: the problems `kage check` reports, in order,
one a line, as it prints them (only .yaml files are world files). FIXES holds what a
writer would change to mend it; the mended worlds are played at random in
tests/content/test_checked_play.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kage.content.compile import load_world
from kage.content.errors import ContentError
from kage.interfaces.cli import main
from kage.world.model import World

BROKEN = Path(__file__).parent / "broken"

# case -> (old, new) replacements in its world.yaml that mend it, as a writer would
FIXES: dict[str, list[tuple[str, str]]] = {
    "prop_unknown": [("merchnt", "merchant")],
    "prop_wrong_type": [("condition: good", "condition: 90")],
    "prop_wrong_kind": [("value: 20, merchant: forge", "value: 20")],
    "prop_of_unused_extension": [("  extensions: [trade]\n", "  extensions: [trade, combat]\n")],
    "prop_is_a_field": [("    props: {switched_on: true}\n", "    switched_on: true\n")],
    "prop_effect_unknown": [("lite: false", "lit: false")],
    "world_prop_type": [("flagg", "flag")],
    "effect_missing_key": [("{who: smith}", "{who: smith, by: 5}")],
    "effect_not_a_number": [("by: lots", "by: 5")],
    "effect_extension_shape": [
        ("{status: warm}", "{status: {add: warm, for: 1h}}"),
        ("things:\n", "statuses:\n  - id: warm\n    name: warm\nthings:\n"),
    ],
    "effect_extension_ref": [("smithyy", "smithy")],
    "condition_of_unused_extension": [
        ("  extensions: [trade]\n", "  extensions: [trade, stealth]\n")
    ],
    "condition_shape": [("often", "0.5")],
    "verb_unknown": [
        ("interactions:\n", 'interactions:\n  - verb: cuddle\n    text: "Wenna allows it."\n')
    ],
    "verb_of_unused_extension": [("  extensions: [trade]\n", "  extensions: [trade, captivity]\n")],
    "verb_without_patterns": [("hug: []", 'hug: ["hug {person}"]')],
    "section_of_unused_extension": [
        ("  player: hero\n", "  player: hero\n  extensions: [trade]\n"),
        ("props: {}", "props: {merchant: forge}"),
    ],
    "pattern_taken_by_the_session": [('"save {person}"', '"embrace {person}"')],
    "pattern_never_wins": [('wave: ["hug {person}"]', 'wave: ["wave to {person} warmly"]')],
    "pattern_cannot_be_typed": [("embrace!", "embrace")],
    "stat_unknown": [("strenght", "strength")],
    "rule_tests_unknown_prop": [("edibel", "edible")],
    "shop_keeper_not_a_merchant": [("props: {}", "props: {merchant: forge}")],
}


def mended(name: str, folder: Path) -> Path:
    """A copy of the broken world `name` in `folder`, with its fix applied."""
    target = folder / name
    shutil.copytree(BROKEN / name, target)
    path = target / "world.yaml"
    text = path.read_text()
    for old, new in FIXES[name]:
        assert text.count(old) == 1, (name, old)
        text = text.replace(old, new)
    path.write_text(text)
    return target


def mended_world(name: str, folder: Path) -> World:
    return load_world(mended(name, folder))


def expected(name: str) -> list[str]:
    return (BROKEN / name / "expected.txt").read_text().splitlines()


def test_every_broken_world_has_a_fix() -> None:
    assert sorted(p.name for p in BROKEN.iterdir() if p.is_dir()) == sorted(FIXES)


@pytest.mark.parametrize("name", sorted(FIXES))
def test_check_reports_the_mistake_at_its_line(name: str) -> None:
    with pytest.raises(ContentError) as caught:
        load_world(BROKEN / name)
    assert [str(p) for p in caught.value.problems] == expected(name)


@pytest.mark.parametrize("name", sorted(FIXES))
def test_the_writers_fix_makes_it_load(name: str, tmp_path: Path) -> None:
    world = mended_world(name, tmp_path)
    assert world.id == "forge"


def test_kage_check_prints_them_and_fails() -> None:
    result = CliRunner().invoke(main, ["check", str(BROKEN / "prop_unknown")])
    assert result.exit_code != 0
    assert result.output.splitlines()[1:] == expected("prop_unknown")
