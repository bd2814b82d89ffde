"""Paraphrases of the walkthroughs' steps (tests/data/paraphrases): how many do what the
plain step does, per world, and every one that does not, grouped by why.

    python benchmarks/paraphrases.py            # all worlds
    python benchmarks/paraphrases.py banished   # one world (its file's stem)

What "does the same" means, and how the replay works, is in tests/corpus/replay.py.
The target (issue 10) is at least 97% per world.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(ROOT))

from common import table  # noqa: E402
from tests.corpus.replay import CLASSES, PARAPHRASES, Verdict, judge_all  # noqa: E402


def first_line(text: str) -> str:
    line = next((ln for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= 90 else line[:87] + "..."


def report(verdicts: dict[str, list[Verdict]]) -> str:
    rows = []
    total = same_total = 0
    for world, judged in verdicts.items():
        same = sum(v.same for v in judged)
        total, same_total = total + len(judged), same_total + same
        rows.append(_row(world, len(judged), same))
    if len(verdicts) > 1:
        rows.append(_row("all", total, same_total))
    out = [table("Paraphrases that do what their step does", _HEADERS, rows)]
    failed = [v for judged in verdicts.values() for v in judged if not v.same]
    counts = [[reason, str(sum(v.reason == reason for v in failed))] for reason in CLASSES]
    out.append(table("Failures by reason", ["reason", "paraphrases"], counts))
    kinds = Counter(reply_kind(v.reply) for v in failed)
    out.append(
        table(
            "Commonest replies to the failures",
            ["reply (names left out)", "paraphrases"],
            [[kind, str(n)] for kind, n in kinds.most_common(15)],
        )
    )
    for reason in CLASSES:
        group = [v for v in failed if v.reason == reason]
        if group:
            lines = [f"{reason} ({len(group)}):"]
            for v in group:
                p = v.paraphrase
                lines.append(f"  {p.world}:{p.line} {p.step!r} <- {p.text!r}")
                lines.append(f"      {first_line(v.reply)}")
            out.append("\n".join(lines))
    return "\n\n".join(out)


_KINDS = [
    (re.compile(r"(?<!\w)'[^']*'(?!\w)"), "'...'"),
    (
        re.compile(r"^.*\? That is only part of the scenery here\."),
        "X? That is only part of the scenery here.",
    ),
    (re.compile(r"^You can't see (?!any such thing).* here\."), "You can't see X here."),
    (re.compile(r"^You aren't holding .*\."), "You aren't holding X."),
    (re.compile(r"^(\"|Which do you mean|You say ).*"), r"\1..."),
]


def reply_kind(reply: str) -> str:
    """A reply's first line with the names and words that vary left out, so the same
    failure from different commands counts once."""
    line = first_line(reply)
    for pattern, replacement in _KINDS:
        line = pattern.sub(replacement, line)
    return line


_HEADERS = ["world", "paraphrases", "same", "different", "%"]


def _row(world: str, count: int, same: int) -> list[str]:
    return [world, str(count), str(same), str(count - same), f"{100 * same / count:.1f}"]


def main(argv: list[str]) -> None:
    paths = [PARAPHRASES / f"{name}.yaml" for name in argv] or None
    begin = time.perf_counter()
    verdicts = judge_all(paths)
    print(report(verdicts))
    print(f"\n({time.perf_counter() - begin:.1f} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
