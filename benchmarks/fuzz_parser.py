"""Coverage-guided fuzzing of the parser and the turn: atheris (libFuzzer) feeds commands
into a real Session standing at checkpoints of the walkthrough, with KAGE_STRICT=1, so
an internal error is a crash rather than an apology.

    python benchmarks/fuzz_parser.py MINUTES [--crashes DIR] [--plant] [--plain]

An input is one byte choosing the checkpoint, then text (UTF-8, errors replaced) whose
lines are commands. The seed corpus is every walkthrough command and every verb the
README shows, at every checkpoint. Besides libFuzzer's own byte mutations, a text-aware
mutator swaps in words of the game, numbers of every shape (digits of other scripts,
signs, fractions, thousands of digits), characters drawn by Unicode category, and
command separators (--plain turns it off). The run keeps going past a crash, keeping one
input per distinct crash (exception type and the innermost engine frame), and at the end
prints a table: executions, commands, distinct crashes, the slowest command.

--plant puts back the bug of the old parser (`int(word)` for any `word.isdigit()`, as
"wait ⓵ hours" crashed) to show the fuzzer finds it, and how soon.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sys
import tempfile
import time
import traceback
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

os.environ["KAGE_STRICT"] = "1"  # before kage is imported: a Session re-raises

import atheris  # noqa: E402

with atheris.instrument_imports(include=["kage"]):
    from kage import runtime, worlds
    from kage.game import Game
    from kage.session import Session
    from kage.world import numbers
    from kage.world.state import State

ROOT = Path(__file__).resolve().parent.parent
WALKTHROUGH = ROOT / "tests" / "walkthroughs" / "full.txt"
# where the fuzzer stands (before these lines): the opening in the Hokage's office, the
# forest with Kurama, the weapons shop, chasing the boy, the chamber before the signal
CHECKPOINTS = [
    "",
    "train for 2 weeks",
    "sell loot scroll",
    "wait 20 minutes",
    "make 3 shadow clones",
]
MAX_COMMANDS = 8  # lines read from one input
MAX_LEN = 600  # bytes per input
SAVES_KEPT = 200  # save files in the scratch folder before it is emptied


@dataclass
class Checkpoint:
    line: str
    state: State
    log: list[str]
    snapshots: list[tuple[int, str]]


@dataclass
class Stats:
    started: float = field(default_factory=time.perf_counter)
    executions: int = 0
    commands: int = 0
    slowest_ms: float = 0.0
    slowest: str = ""
    crashes: dict[str, tuple[float, str]] = field(default_factory=dict)  # sig -> (s, input)


def _commands(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text().splitlines() if ln.strip()]


def readme_verbs() -> list[str]:
    text = (ROOT / "README.md").read_text()
    return sorted({m for m in re.findall(r"`([a-z][^`\n]*)`", text) if not m.startswith("kage")})


class Target:
    def __init__(self, saves: Path, crashes: Path, deadline: float) -> None:
        self.world = worlds.load("banished")
        self.saves = saves
        self.crashes = crashes
        self.deadline = deadline
        self.stats = Stats()
        self.session = Session(self.world, saves=saves)
        self.session.opening()
        self.checkpoints = self._checkpoints()

    def _checkpoints(self) -> list[Checkpoint]:
        lines = _commands(WALKTHROUGH)
        points, played = [], 0
        for stop in CHECKPOINTS:
            upto = lines.index(stop) if stop else 0
            for line in lines[played:upto]:
                self.session.step(line)
            played = upto
            s = self.session
            points.append(Checkpoint(stop, s.game.state.copy(), list(s.log), list(s.snapshots)))
        return points

    def reset(self, point: Checkpoint) -> None:
        """Stand at `point` again: a fresh Game (its event log empty) on a copy of the state."""
        s = self.session
        s.game = Game(self.world, s.seed, state=point.state.copy())
        s.log, s.snapshots, s.history = list(point.log), list(point.snapshots), []
        s.last = point.log[-1] if point.log else None

    def __call__(self, data: bytes) -> None:
        stats = self.stats
        if time.perf_counter() >= self.deadline:
            finish(self)
        stats.executions += 1
        if stats.executions % 1000 == 0 and _count_files(self.saves) > SAVES_KEPT:
            shutil.rmtree(self.saves, ignore_errors=True)
        if not data:
            return
        self.reset(self.checkpoints[data[0] % len(self.checkpoints)])
        text = data[1:].decode("utf-8", errors="replace")
        for line in text.split("\n")[:MAX_COMMANDS]:
            started = time.perf_counter()
            try:
                self.session.step(line)
            except Exception as exc:  # a crash: keep one input per kind, and go on
                self._crashed(exc, data)
                return
            finally:
                ms = (time.perf_counter() - started) * 1000
                stats.commands += 1
                if ms > stats.slowest_ms:
                    stats.slowest_ms, stats.slowest = ms, line

    def _crashed(self, exc: Exception, data: bytes) -> None:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if "kage" in f.filename]
        where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
        signature = f"{type(exc).__name__} at {where}"
        if signature in self.stats.crashes:
            return
        found = time.perf_counter() - self.stats.started
        self.stats.crashes[signature] = (found, repr(data[:200]))
        self.crashes.mkdir(parents=True, exist_ok=True)
        (self.crashes / f"crash-{len(self.stats.crashes)}.bin").write_bytes(data)
        print(f"\n#### crash after {found:.1f} s: {signature}: {exc}\n     input: {data!r}",
              file=sys.stderr, flush=True)  # fmt: skip


def _count_files(folder: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(folder)) if folder.exists() else 0


# -- the text-aware mutator ---------------------------------------------------------------
DIGIT_NAME = r"\b(DIGIT|ZERO|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE)\b.*"


def _digit_families() -> list[list[str]]:
    """For each script, its characters for 0-9 (decimal or not): "٠..٩", "⓵..⓾", ..."""
    families: dict[str, dict[int, str]] = {}
    for cp in range(0x110000):
        ch = chr(cp)
        value = unicodedata.digit(ch, None)
        if value is None:
            continue
        name = unicodedata.name(ch, "")
        script = re.sub(DIGIT_NAME, "", name)
        families.setdefault(script, {})[value] = ch
    return [[fam.get(d, fam[min(fam)]) for d in range(10)] for fam in families.values()]


def _by_category() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for cp in range(0x110000):
        category = unicodedata.category(chr(cp))
        if category not in ("Cs", "Cn"):
            found.setdefault(category, []).append(chr(cp))
    return found


class Mutator:
    SEPARATORS = [". ", " then ", " and ", ", ", "\n", "; ", "! ", "?", ",then "]

    def __init__(self, vocabulary: list[str]) -> None:
        self.vocabulary = vocabulary
        self.digits = _digit_families()
        self.categories = _by_category()
        self.category_names = sorted(self.categories)
        self.number_words = sorted(numbers.WORDS)

    def number(self, rnd: random.Random) -> str:
        kind = rnd.randrange(7)
        if kind == 0:
            return str(rnd.choice([0, 1, 7, 12, 59, 60, 168, 10080, 10**6, 2**31, 2**63]))
        if kind == 1:
            return rnd.choice(["-", "\u2212", "+", "minus "]) + str(rnd.randrange(100))
        if kind == 2:
            return "9" * rnd.choice([20, 400, 4301, 5000])  # past int()'s digit limit too
        if kind == 3:
            return rnd.choice(["1.5", "\u00bd", "half", "0.0", "1e9", "1,200", "1 200", "0x1f"])
        if kind == 4:
            return " ".join(rnd.choice(self.number_words) for _ in range(rnd.randint(1, 4)))
        family = rnd.choice(self.digits)
        return "".join(rnd.choice(family) for _ in range(rnd.randint(1, 3)))

    def character(self, rnd: random.Random) -> str:
        return rnd.choice(self.categories[rnd.choice(self.category_names)])

    def __call__(self, data: bytes, max_size: int, seed: int) -> bytes:
        rnd = random.Random(seed)
        if not data or rnd.random() < 0.4:
            return atheris.Mutate(data or b"\x00", max_size)
        head, text = data[:1], data[1:].decode("utf-8", errors="replace")
        if rnd.random() < 0.1:
            head = bytes([rnd.randrange(256)])
        tokens = re.split(r"(\s+)", text) or [""]
        i = rnd.randrange(len(tokens))
        op = rnd.randrange(6)
        if op == 0:
            tokens[i] = self.number(rnd)
        elif op == 1:
            tokens[i] = rnd.choice(self.vocabulary)
        elif op == 2:  # a digit of the same value from another script
            family = rnd.choice(self.digits)
            tokens[i] = re.sub(r"\d", lambda m: family[unicodedata.digit(m.group(), 0)], tokens[i])
        elif op == 3:
            at = rnd.randint(0, len(tokens[i]))
            tokens[i] = tokens[i][:at] + self.character(rnd) + tokens[i][at:]
        elif op == 4:
            tokens.insert(i, rnd.choice(self.SEPARATORS) + rnd.choice(self.vocabulary) + " ")
        else:
            tokens.insert(i, " " + self.number(rnd) + " ")
        out = head + "".join(tokens).encode("utf-8", errors="replace")
        return out[:max_size]


# -- running -------------------------------------------------------------------------------
def seed_corpus(folder: Path, checkpoints: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    commands = _commands(WALKTHROUGH) + readme_verbs()
    count = 0
    for point in range(checkpoints):
        for command in commands:
            (folder / f"seed-{point}-{count}").write_bytes(bytes([point]) + command.encode())
            count += 1
    return count


RSS_ALLOWED_MB = 4096  # the fuzzing's own growth before libFuzzer calls it a leak


def inherited_peak_mb() -> int:
    """The peak memory this process started with. Linux carries a parent's peak across
    fork and exec, and libFuzzer reads that peak: started from a big test process, a
    fixed limit would report the parent's size as this process's leak."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def plant_old_bug() -> None:
    """The parser before kage.world.numbers: `int(word)` for any `word.isdigit()`."""
    honest = numbers.read

    def read(text: str, low: int, high: int) -> int:
        if text.isdigit():
            return min(int(text), high)
        return honest(text, low, high)

    numbers.read = read


def finish(target: Target) -> None:
    stats = target.stats
    elapsed = time.perf_counter() - stats.started
    rows = [
        ("time fuzzed", f"{elapsed:.0f} s"),
        ("executions (inputs)", f"{stats.executions:,}"),
        ("executions per second", f"{stats.executions / max(elapsed, 1e-9):,.0f}"),
        ("commands", f"{stats.commands:,}"),
        ("distinct crashes", f"{len(stats.crashes)}"),
        ("slowest command", f"{stats.slowest_ms:.1f} ms"),
        ("  which was", repr(stats.slowest[:60])),
    ]
    for signature, (found, data) in stats.crashes.items():
        rows.append((f"crash at {found:.1f} s", signature))
        rows.append(("  input", data[:90]))
    width = max(len(r[0]) for r in rows)
    print(f"\n| {'what':<{width}} | value |\n|{'-' * (width + 2)}|-------|")
    for name, value in rows:
        print(f"| {name:<{width}} | {value} |")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # libFuzzer would otherwise go on; the table is the result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("minutes", type=float, help="how long to fuzz")
    parser.add_argument("--crashes", type=Path, default=None, help="keep crash inputs here")
    parser.add_argument("--plant", action="store_true", help="put back the old int() bug")
    parser.add_argument("--plain", action="store_true", help="libFuzzer's mutations only")
    args, libfuzzer_args = parser.parse_known_args()
    scratch = Path(tempfile.mkdtemp(prefix="kage-fuzz-"))
    crashes = args.crashes or scratch / "crashes"
    if args.plant:
        plant_old_bug()
    target = Target(scratch / "saves", crashes, time.perf_counter() + args.minutes * 60)
    corpus = scratch / "corpus"
    seeds = seed_corpus(corpus, len(target.checkpoints))
    print(f"{seeds} seeds, {len(target.checkpoints)} checkpoints; scratch in {scratch}",
          flush=True)  # fmt: skip
    target.stats = Stats()  # count from here: building the checkpoints is not fuzzing
    target.deadline = time.perf_counter() + args.minutes * 60
    vocabulary = sorted(runtime.lexicon(target.world).words)
    argv = [
        sys.argv[0],
        str(corpus),
        f"-max_len={MAX_LEN}",
        f"-max_total_time={int(args.minutes * 60) + 60}",  # a backstop: finish() ends it
        "-timeout=30",
        f"-rss_limit_mb={inherited_peak_mb() + RSS_ALLOWED_MB}",
        "-print_final_stats=0",
        *libfuzzer_args,
    ]
    mutators = {} if args.plain else {"custom_mutator": Mutator(vocabulary)}
    atheris.Setup(argv, target, **mutators)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
