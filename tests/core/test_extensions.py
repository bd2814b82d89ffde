"""Extensions: manifests, a world's choice of them, and an engine assembled per world."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.content.worlds import find, minimal, only, problems
from tests.helpers import play

from kage import runtime
from kage.content.compile import load_world
from kage.core.engine import assemble
from kage.core.extension import ExtensionError, catalog, resolve
from kage.game import Game
from kage.session import Session


@pytest.mark.parametrize("name", sorted(catalog()))
def test_each_extension_assembles_on_its_own(name: str) -> None:
    """Its manifest declares exactly what its modules mark, and its dependencies suffice."""
    engine = assemble((name,))
    assert engine.names[-1] == name
    extension = catalog()[name]
    for kind in extension.conditions:
        assert engine.owner[("condition", kind)] == name
    for kind in extension.effects:
        assert engine.owner[("effect", kind)] == name


def test_dependencies_come_first_and_once() -> None:
    names = [e.name for e in resolve(("captivity", "combat"))]
    assert names.index("body") < names.index("combat") < names.index("captivity")
    assert len(names) == len(set(names))


def test_an_unknown_extension_is_an_error() -> None:
    with pytest.raises(ExtensionError, match="no extension 'tarde'"):
        resolve(("tarde",))


def test_a_world_names_an_unknown_extension(tmp_path: Path) -> None:
    minimal(tmp_path, uses="tarde")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 6)
    assert "no extension 'tarde'" in problem.message and "Did you mean 'trade'?" in problem.message


def test_a_section_of_an_unused_extension_names_the_extension(tmp_path: Path) -> None:
    minimal(tmp_path, shops_yaml="shops:\n  - {id: stall, keeper: hero, place: room}\n")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("shops.yaml", 1)
    assert "belongs to the extension 'trade'" in problem.message
    assert "extensions: [trade]" in problem.message


def test_an_effect_of_an_unused_extension_names_the_extension(tmp_path: Path) -> None:
    minimal(tmp_path, start_yaml="start:\n  - alert: room\n")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("start.yaml", 2)
    assert "unknown effect 'alert'" in problem.message
    assert "extension 'combat'" in problem.message


def test_a_condition_of_an_extension_in_use_is_checked(tmp_path: Path) -> None:
    minimal(tmp_path, uses="trade", start_yaml="start:\n  - when: {sold: stal}\n    say: hi\n")
    problem = find(problems(tmp_path), "stal")
    assert (problem.file, problem.line) == ("start.yaml", 2)


def test_worlds_in_one_process_run_different_mechanics(tmp_path: Path) -> None:
    plain = load_world(minimal(tmp_path / "plain"))
    shop = load_world(minimal(tmp_path / "shop", uses="trade"))
    assert "sold" not in runtime.engine(plain).conditions
    assert "sold" in runtime.engine(shop).conditions
    assert "trade.wares" in Game(shop).engine.providers
    assert "trade.wares" not in Game(plain).engine.providers
    assert runtime.engine(shop) is Game(shop).engine  # assembled once per world


def test_an_unused_extension_is_never_imported(tmp_path: Path) -> None:
    folder = minimal(tmp_path / "plain")
    code = (
        "import sys\n"
        "from kage.content.compile import load_world\n"
        "from kage.session import Session\n"
        f"session = Session(load_world({str(folder)!r}), saves={str(tmp_path / 's')!r})\n"
        "session.opening()\n"
        "session.step('look')\n"
        "from kage.core.extension import catalog\n"
        "used = {m for e in catalog().values() for m in e.modules}\n"
        "print(sorted(used & set(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_an_extension_brings_the_words_for_its_actions(tmp_path: Path) -> None:
    """A world that uses trade needs no `verbs:` to let the player haggle."""
    shop = Session(load_world(minimal(tmp_path / "shop", uses="trade")), saves=tmp_path / "s")
    plain = Session(load_world(minimal(tmp_path / "plain")), saves=tmp_path / "p")
    for session in (shop, plain):
        session.opening()
    assert "haggle" in shop.game.lexicon.verbs and "wares" in shop.game.lexicon.verbs
    assert "Nobody has offered you anything" in play(shop, "haggle")
    assert "haggle" not in plain.game.lexicon.words
    assert "haggle" in play(plain, "haggle")  # the unknown word is named
