"""The engine speaks of no setting: outside the ninja extension and the Banished campaign,
no file under src/kage names Banished's world (its money, its arts, its village).

A word counts at the start of a word, in any case, so "Konoha's", "kunais" and "Hokage"
are found; "jutsu" also counts at the end of one ("taijutsu", "genjutsu"). "ryo" counts
only as a whole word.
"""

from __future__ import annotations

import re
from pathlib import Path

import kage

ROOT = Path(kage.__file__).parent  # src/kage
ALLOWED = ("ext/ninja", "campaigns/banished")  # where the setting belongs
WORDS = re.compile(
    r"\b(?:ryo\b|chakra|\w*jutsu|shinobi|hokage|konoha|kunai|academy|taijutsu)",
    re.IGNORECASE,
)


def leaks(root: Path) -> list[str]:
    """'file:line:word' for every setting word in the text files under `root`, outside
    the places it belongs."""
    found = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        if any(relative == place or relative.startswith(place + "/") for place in ALLOWED):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # not text
        for number, line in enumerate(text.splitlines(), 1):
            for match in WORDS.finditer(line):
                found.append(f"src/kage/{relative}:{number}:{match.group(0)}")
    return found


def test_the_engine_names_no_setting() -> None:
    found = leaks(ROOT)
    assert not found, "setting words outside ext/ninja and campaigns/banished:\n" + "\n".join(found)


def test_the_search_finds_a_planted_word(tmp_path: Path) -> None:
    """The search itself: a planted word is found with its file and line, in any file
    type and case, while the allowed folders and ordinary words pass."""
    (tmp_path / "ext" / "combat").mkdir(parents=True)
    (tmp_path / "ext" / "combat" / "notes.md").write_text("A plain line.\nKonoha's gate.\n")
    (tmp_path / "ext" / "ninja").mkdir(parents=True)
    (tmp_path / "ext" / "ninja" / "arts.py").write_text("CHAKRA = 1\n")
    (tmp_path / "ext" / "ninjas").mkdir(parents=True)  # not the ninja extension
    (tmp_path / "ext" / "ninjas" / "x.yaml").write_text("skill: Taijutsu\n")
    (tmp_path / "world.yaml").write_text("money: 5 ryo\ninn: ryokan\nthe academic year\n")
    assert leaks(tmp_path) == [
        "src/kage/ext/combat/notes.md:2:Konoha",
        "src/kage/ext/ninjas/x.yaml:1:Taijutsu",
        "src/kage/world.yaml:1:ryo",
    ]
