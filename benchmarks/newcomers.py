"""How often a newcomer's command ends in a parser or scope failure.

Replays every log in tests/data/newcomers (commands typed blind, from the README alone)
and prints, per world, the commands, those that got no real answer, the rate, and the
failures by class (the name of the reply the game fell back on). Issue 10's target is at
most 3%.

    python benchmarks/newcomers.py [--examples N]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from common import table

from kage import worlds
from kage.tools.corpus import Played, Tally, replay, world_of

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "newcomers"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=3, help="failures shown per class")
    args = parser.parse_args()
    tallies: dict[str, Tally] = defaultdict(Tally)
    examples: dict[str, list[tuple[str, Played]]] = defaultdict(list)
    for log in sorted(CORPUS.glob("*.txt")):
        world = world_of(log)
        played = replay(worlds.load(world), log.read_text(encoding="utf-8").splitlines())
        tallies[world].add(played)
        for one in played:
            if one.failure:
                examples[one.failure].append((log.name, one))
    rows = []
    total = Tally()
    for world, tally in sorted(tallies.items()):
        rows.append([world, str(tally.commands), str(tally.failed), f"{tally.rate:.1%}"])
        total.commands += tally.commands
        total.failures.update(tally.failures)
    rows.append(["all", str(total.commands), str(total.failed), f"{total.rate:.1%}"])
    print(
        table(
            "Newcomer commands that got no real answer",
            ["world", "commands", "failed", "rate"],
            rows,
        )
    )
    print()
    by_class = [[name, str(count)] for name, count in total.failures.most_common()]
    print(table("Failures by class", ["reply", "commands"], by_class))
    for name, _ in total.failures.most_common():
        print(f"\n{name}:")
        for log, one in examples[name][: args.examples]:
            print(f"  {log}:{one.line}  > {one.command}  ->  {one.reply.splitlines()[0][:90]}")


if __name__ == "__main__":
    main()
