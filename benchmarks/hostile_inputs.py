"""Thousands of generated hostile lines through a Session and through `kage play`.

    python benchmarks/hostile_inputs.py [LINES] [--seed N] [--no-cli]

Each line is drawn from one of the kinds below (control characters, scripts and bidi,
markup, numbers, chains, invalid bytes, long lines, hostile save names, and command-shaped
lines of the game's own words), then played:

- in-process: the bytes go through the same bounded reader as every front end
  (``kage.interfaces.lines``) into a strict Session, which re-raises any internal error,
  and each line is timed;
- as real processes: ``kage play --json --script FILE`` (per-line time from when each
  line's last object arrives) and ``kage play --script FILE``, with KAGE_STRICT=0 as
  players run it, so an internal error shows as an apology and play goes on.

It prints a table per way (lines tried, crashes, unanswered lines, time per line) and
one per kind. No line says "quit": the game must go on to the last line.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import summary, table  # noqa: E402

from kage import worlds  # noqa: E402
from kage.interfaces.lines import LineReader, decode  # noqa: E402
from kage.parser.grammar import META  # noqa: E402
from kage.parser.text import split_commands, words  # noqa: E402
from kage.session import Session  # noqa: E402

WORLD = worlds.load("banished")
WORDS = sorted(Session(WORLD, saves=Path(tempfile.gettempdir())).game.lexicon.words)
VERBS = ["look", "take", "drop", "x", "ask tsunade about", "give", "wait", "go", "say",
         "train", "make", "sell", "buy", "put", "talk to", "i", "hint", "score"]  # fmt: skip
CONTROLS = [chr(c) for c in [*range(0, 9), *range(11, 32), 127, *range(0x80, 0xA0)]]
ODD = [
    "😀", "🦊", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇯🇵", "火影", "ラーメン", "שלום", "مرحبا", "\u202e", "\u202d",
    "\u2066", "\u2069", "\u200f", "\u200b", "\u200d", "\ufeff", "\u2028", "\u0301", "\u0336",
    "ﬁ", "ｌｏｏｋ", "𝐥𝐨𝐨𝐤", "ẞ", "İ", "ⓦ", "⓵", "١٢", "𝟚", "Ⅷ", "½", "\ufffd", "\U0010ffff",
]  # fmt: skip
MARKUP = [
    "[/]", "[bold]", "[/bold]", "[link=x]", "[red on blue]", "[@click=quit]", ":smile:",
    "%s", "%n", "{0}", "{0.__class__}", "${HOME}", "$(id)", "`id`", "<b>", "&amp;", "\\",
    '"', "'", '"unterminated', "[[", "]]",
]  # fmt: skip
NUMBERS = [
    "0", "-1", "-5", "1e309", "nan", "inf", "-inf", "99999999999999999999999", "1_000",
    "1,000", "3.5", "0.0000001", "0x7f", "10**100", "9" * 500, "⓵", "١٢", "𝟚", "two", "zero",
]  # fmt: skip
NUMBER_LINES = [
    "wait {} hours", "wait {} minutes", "wait {} days", "train for {} weeks",
    "train genjutsu for {} weeks", "make {} shadow clones", "ask for {} ryo", "sell {} scrolls",
    "take {} kunai", "z {}",
]  # fmt: skip
QUIT = {word for word, meta in META.items() if meta == "quit"}


def _controls(rng: random.Random) -> str:
    parts = [rng.choice(CONTROLS) * rng.randint(1, 5) for _ in range(rng.randint(1, 6))]
    parts.insert(rng.randint(0, len(parts)), rng.choice(VERBS))
    return "".join(parts)


def _scripts(rng: random.Random) -> str:
    return " ".join(rng.choice(ODD + VERBS + WORDS[:50]) for _ in range(rng.randint(1, 12)))


def _markup(rng: random.Random) -> str:
    return rng.choice(["say ", "", "examine ", "save "]) + "".join(
        rng.choice(MARKUP + WORDS[:30]) for _ in range(rng.randint(1, 8))
    )


def _numbers(rng: random.Random) -> str:
    return rng.choice(NUMBER_LINES).format(rng.choice(NUMBERS))


def _chain(rng: random.Random) -> str:
    glue = rng.choice([" then ", ". ", "; ", " and ", ", ", "! "])
    return glue.join(
        rng.choice(VERBS + ["undo", "again", "g", "z"]) for _ in range(rng.randint(2, 500))
    )


def _grammar(rng: random.Random) -> str:
    return " ".join([rng.choice(VERBS), *rng.choices(WORDS, k=rng.randint(0, 5))])


def _meta(rng: random.Random) -> str:
    name = rng.choice(
        ["../../etc/passwd", "/dev/null", "x" * rng.randint(1, 400), ".", "..", "con", "a/b\\c",
         "\u202eevil", "😀 fox", '"', '"quoted"', "", "save", "nul\x00byte", "mine.fight"]
    )  # fmt: skip
    return rng.choice(["save ", "restore ", "load ", "undo", "again", "saves", "restart"]) + (
        name if rng.random() < 0.7 else ""
    )


def _long(rng: random.Random) -> str:
    return rng.choice(["x", "😀", "\x00", "look then ", "[/]", "é", " "]) * rng.randint(
        1000, 300_000
    )


KINDS: dict[str, Callable[[random.Random], str]] = {
    "controls": _controls,
    "scripts": _scripts,
    "markup": _markup,
    "numbers": _numbers,
    "chains": _chain,
    "grammar": _grammar,
    "meta": _meta,
    "long": _long,
}
WEIGHTS = {"long": 0.02, "chains": 0.08}  # the others share the rest equally


def _bytes(rng: random.Random) -> bytes:
    """Invalid UTF-8 around a command."""
    junk = bytes(rng.choice([0x80, 0xBF, 0xC0, 0xC3, 0xE0, 0xED, 0xF4, 0xF8, 0xFE, 0xFF])
                 for _ in range(rng.randint(1, 8)))  # fmt: skip
    return rng.choice([b"", b"look ", b"take ", b"save "]) + junk + rng.choice([b"", b" desk"])


def _quits(line: str) -> bool:
    for command in split_commands(line):
        ws = words(command)
        if ws and (ws[0] in QUIT or " ".join(ws[:2]) in QUIT):
            return True
    return False


def generate(count: int, seed: int = 0) -> list[tuple[str, bytes]]:
    """`count` (kind, line) pairs; the line is bytes without a newline."""
    rng = random.Random(seed)
    names = [*KINDS, "bytes"]
    rest = (1 - sum(WEIGHTS.values())) / (len(names) - len(WEIGHTS))
    weights = [WEIGHTS.get(n, rest) for n in names]
    lines: list[tuple[str, bytes]] = []
    while len(lines) < count:
        kind = rng.choices(names, weights)[0]
        data = _bytes(rng) if kind == "bytes" else KINDS[kind](rng).encode("utf-8", "replace")
        data = data.replace(b"\n", b" ")
        if not _quits(decode(data).text):
            lines.append((kind, data))
    return lines


def in_process(lines: list[tuple[str, bytes]], saves: Path) -> dict[str, object]:
    """Every line through the bounded reader into a strict Session, timed."""
    session = Session(WORLD, saves=saves, strict=True)
    session.opening()
    reader = LineReader(io.BufferedReader(io.BytesIO(b"\n".join(d for _, d in lines))))
    times: list[float] = []
    slowest: list[tuple[float, str, str]] = []  # (ms, kind, the line's start)
    per_kind: dict[str, list[float]] = defaultdict(list)
    crashes: Counter[str] = Counter()
    examples: list[str] = []
    for kind, _ in lines:
        began = time.perf_counter()
        line = reader.read()
        assert line is not None
        try:
            session.step(line.text, cut=line.cut)
        except Exception as exc:
            crashes[kind] += 1
            if len(examples) < 5:
                examples.append(f"{line.text[:80]!r}: {type(exc).__name__}: {exc}")
                traceback.print_exc(limit=3, file=sys.stderr)
        elapsed = (time.perf_counter() - began) * 1000
        times.append(elapsed)
        per_kind[kind].append(elapsed)
        slowest = sorted([*slowest, (elapsed, kind, line.text[:60])], reverse=True)[:5]
    return {
        "times": times,
        "per_kind": per_kind,
        "crashes": crashes,
        "examples": examples,
        "slowest": slowest,
        "log": len(session.log),
    }


def cli_json(lines: list[tuple[str, bytes]], folder: Path) -> dict[str, object]:
    """`kage play --json --script FILE`, timing each line by its objects' arrival."""
    script = folder / "hostile.txt"
    script.write_bytes(b"\n".join(d for _, d in lines) + b"\n")
    env = {**os.environ, "KAGE_STRICT": "0", "PYTHONIOENCODING": "utf-8"}
    began = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kage", "play", "--json", "--script", str(script),
         "--saves", str(folder / "saves")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    last: dict[int, float] = {}
    apologies = 0
    for raw in proc.stdout:
        now = time.perf_counter()
        record = json.loads(raw)
        last[record["line"]] = now
        apologies += "internal error" in record["output"]
    errors = proc.stderr.read().decode("utf-8", "replace")
    status = proc.wait()
    total = time.perf_counter() - began
    ordered = [last[n] for n in sorted(last)]
    gaps = [(b - a) * 1000 for a, b in zip(ordered, ordered[1:], strict=False)]
    return {
        "times": gaps,
        "crashes": apologies + ("Traceback" in errors) + (status != 0),
        "unanswered": len(lines) - (len(last) - 1),
        "total": total,
    }


def cli_script(lines: list[tuple[str, bytes]], folder: Path) -> dict[str, object]:
    """`kage play --script FILE`: every line echoed and answered, no crash."""
    script = folder / "hostile.txt"
    env = {**os.environ, "KAGE_STRICT": "0", "PYTHONIOENCODING": "utf-8"}
    began = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "kage", "play", "--script", str(script),
         "--saves", str(folder / "saves")],
        capture_output=True, env=env,
    )  # fmt: skip
    total = time.perf_counter() - began
    text = result.stdout.decode("utf-8", "replace")
    echoes = sum(1 for line in text.splitlines() if line.startswith(">"))
    crashes = (
        text.count("internal error") + (b"Traceback" in result.stderr) + (result.returncode != 0)
    )
    return {"times": [], "crashes": crashes, "unanswered": len(lines) - echoes, "total": total}


def _row(way: str, count: int, result: dict[str, object], total: float) -> list[str]:
    times: list[float] = result["times"]  # type: ignore[assignment]
    crashes = result["crashes"]
    crash_count = sum(crashes.values()) if isinstance(crashes, Counter) else crashes
    stats = summary(times) if times else {}
    return [
        way,
        f"{count:,}",
        str(crash_count),
        str(result.get("unanswered", 0)),
        f"{stats['median']:.2f}" if stats else "-",
        f"{stats['p99']:.2f}" if stats else "-",
        f"{stats['max']:.1f}" if stats else "-",
        f"{total:.1f}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lines", nargs="?", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-cli", action="store_true", help="only the in-process run")
    args = parser.parse_args()
    lines = generate(args.lines, args.seed)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        began = time.perf_counter()
        inner = in_process(lines, folder / "session-saves")
        rows = [_row("Session (in-process)", len(lines), inner, time.perf_counter() - began)]
        if not args.no_cli:
            result = cli_json(lines, folder)
            rows.append(_row("kage play --json --script", len(lines), result, result["total"]))  # type: ignore[arg-type]
            result = cli_script(lines, folder)
            rows.append(_row("kage play --script", len(lines), result, result["total"]))  # type: ignore[arg-type]
    headers = ["way", "lines", "crashes", "unanswered", "median ms", "p99 ms", "max ms", "total s"]
    print(table(f"Hostile lines (seed {args.seed})", headers, rows))
    print()
    per_kind: dict[str, list[float]] = inner["per_kind"]  # type: ignore[assignment]
    crashes: Counter[str] = inner["crashes"]  # type: ignore[assignment]
    kind_rows = [
        [kind, f"{len(t):,}", str(crashes[kind]), f"{summary(t)['median']:.2f}",
         f"{summary(t)['max']:.1f}"]
        for kind, t in sorted(per_kind.items())
    ]  # fmt: skip
    print(
        table("By kind, in-process", ["kind", "lines", "crashes", "median ms", "max ms"], kind_rows)
    )
    print()
    print(f"Slowest lines in-process (the game's log had {inner['log']:,} commands at the end):")
    for ms, kind, text in inner["slowest"]:  # type: ignore[attr-defined]
        print(f"  {ms:9.1f} ms  {kind:9} {text!r}")
    for example in inner["examples"]:  # type: ignore[attr-defined]
        print("crash:", example)


if __name__ == "__main__":
    main()
