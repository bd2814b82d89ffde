"""Coverage-guided fuzzing of the world loader (YAML -> World) with atheris.

    python benchmarks/fuzz_loader.py [--minutes 10] [--out benchmarks/out/fuzz_loader]

Each input is a world folder: its first byte picks the base world (the minimal world of
tests/content/worlds.py, or Banished), its second byte picks the file the rest replaces (or
a new file, x.yaml), and the loader reads the folder as `kage check` would. The corpus is
seeded with every file of both worlds and the small files of the hostile corpus
(tests/content/hostile/), and grows in OUT/corpus across runs. Coverage is taken from
kage and ruamel.yaml.

A crash is any exception that is not a ContentError, or a ContentError that reports a bug
in Kage or a problem without a file: each distinct one (by exception and the innermost
line of Kage or ruamel it came from) is saved to OUT/crashes with its traceback. The run
ends after --minutes and prints a table: executions, distinct crashes, the slowest input.

Base files that did not change are parsed once and reused (parsing is most of the time;
the loader never changes what it reads), as tests/content/test_fuzz.py does; the fuzzed
file always goes through the real parser.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(ROOT))

from common import table  # noqa: E402

EXTRA = "x.yaml"  # the name of a file the fuzzer adds to its base world
BASES = ("minimal", "banished")


# -- the child: runs atheris ----------------------------------------------------------------
class Harness:
    """Builds a world folder from each input, loads it and keeps the score."""

    def __init__(self, work: Path, out: Path, seconds: float) -> None:
        from tests.content.worlds import BANISHED, MINIMAL

        from kage.content import compile as compile_module
        from kage.content import yaml_lines
        from kage.content.compile import BUG, load_world
        from kage.content.errors import ContentError

        self.load_world, self.ContentError, self.BUG = load_world, ContentError, BUG
        cached = functools.lru_cache(maxsize=64)(yaml_lines.read)
        real = yaml_lines.read

        def read(raw: bytes, name: str, budget: Any = None) -> Any:
            if self.unchanged.get(name) == raw:
                return cached(raw, name)  # the loader only reads what it is given
            return real(raw, name, budget)

        compile_module.read = read  # type: ignore[assignment]
        self.texts: dict[str, dict[str, bytes]] = {
            "minimal": {name: text.encode() for name, text in MINIMAL.items()},
            "banished": {p.name: p.read_bytes() for p in sorted(BANISHED.glob("*.yaml"))},
        }
        for texts in self.texts.values():  # parse the base worlds before the clock starts
            for name, raw in texts.items():
                cached(raw, name)
        self.folders: dict[str, Path] = {}
        for base, texts in self.texts.items():
            folder = work / base
            folder.mkdir(parents=True)
            for name, raw in texts.items():
                (folder / name).write_bytes(raw)
            self.folders[base] = folder
        self.unchanged: dict[str, bytes] = {}
        self.out = out
        self.crashes: dict[str, dict[str, Any]] = {}
        self.runs = 0
        self.slowest = (0.0, b"")
        self.start = time.monotonic()
        self.seconds = seconds
        self.saved = time.monotonic()

    def world(self, data: bytes) -> tuple[Path, str, bytes]:
        base = BASES[data[0] % 2]
        names = sorted(self.texts[base])
        pick = data[1] % (len(names) + 1)
        name = names[pick] if pick < len(names) else EXTRA
        return self.folders[base], name, data[2:]

    def __call__(self, data: bytes) -> None:
        if len(data) < 2:
            return
        folder, name, raw = self.world(data)
        base = folder.name
        self.unchanged = {n: t for n, t in self.texts[base].items() if n != name}
        (folder / name).write_bytes(raw)
        began = time.perf_counter()
        try:
            self.load_world(folder)
        except self.ContentError as exc:
            wrong = [p for p in exc.problems if self.BUG in p.message or not p.file]
            if wrong:
                self.crash(data, exc.__cause__ or exc, str(wrong[0]))
        except Exception as exc:  # noqa: BLE001  (the point of fuzzing)
            self.crash(data, exc, f"{type(exc).__name__}: {exc}")
        finally:
            took = time.perf_counter() - began
            if name in self.texts[base]:
                (folder / name).write_bytes(self.texts[base][name])
            else:
                (folder / name).unlink(missing_ok=True)
        self.runs += 1
        if took > self.slowest[0]:
            self.slowest = (took, data)
        now = time.monotonic()
        if now - self.saved > 5:
            self.save()
        if now - self.start > self.seconds:
            self.save()
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)

    def crash(self, data: bytes, exc: BaseException, said: str) -> None:
        frames = traceback.extract_tb(exc.__traceback__)
        ours = [f for f in frames if "/kage/" in f.filename or "/ruamel/" in f.filename]
        spot = ours[-1] if ours else (frames[-1] if frames else None)
        where = f"{Path(spot.filename).name}:{spot.lineno}" if spot else "?"
        key = f"{type(exc).__name__} at {where}"
        if key in self.crashes:
            self.crashes[key]["count"] += 1
            return
        digest = hashlib.sha1(data).hexdigest()[:12]
        crashes = self.out / "crashes"
        crashes.mkdir(parents=True, exist_ok=True)
        (crashes / f"crash-{digest}.bin").write_bytes(data)
        text = "".join(traceback.format_exception(exc))
        (crashes / f"crash-{digest}.txt").write_text(f"{key}\n{said}\n\n{text}")
        self.crashes[key] = {"count": 1, "input": f"crash-{digest}.bin", "said": said[:200]}

    def save(self) -> None:
        took, data = self.slowest
        (self.out / "slowest.bin").write_bytes(data)
        stats = {
            "runs": self.runs,
            "seconds": time.monotonic() - self.start,
            "crashes": self.crashes,
            "slowest": {
                "seconds": took,
                "size": len(data),
                "base": BASES[data[0] % 2] if data else "",
                "file": self.world(data)[1] if len(data) >= 2 else "",
            },
        }
        (self.out / "stats.json").write_text(json.dumps(stats, indent=1))
        self.saved = time.monotonic()


def seeds(folder: Path) -> None:
    """Every file of both base worlds, and the small files of the hostile corpus."""
    from tests.content.worlds import BANISHED, MINIMAL

    folder.mkdir(parents=True, exist_ok=True)
    inputs: list[bytes] = []
    names = sorted(MINIMAL)
    for i, name in enumerate(names):
        inputs.append(bytes([0, i]) + MINIMAL[name].encode())
    for i, path in enumerate(sorted(BANISHED.glob("*.yaml"))):
        inputs.append(bytes([1, i]) + path.read_bytes())
    for path in sorted((ROOT / "tests" / "content" / "hostile").glob("*.yaml")):
        inputs.append(bytes([0, len(names)]) + path.read_bytes())
    for data in inputs:
        (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def child(args: argparse.Namespace, libfuzzer: list[str]) -> None:
    import atheris

    with atheris.instrument_imports(include=args.instrument.split(",")):
        import kage.content.compile  # noqa: F401
        import kage.runtime  # noqa: F401
    work = Path(tempfile.mkdtemp(prefix="kage-fuzz-"))
    harness = Harness(work, Path(args.out), args.minutes * 60)
    atheris.Setup([sys.argv[0], *libfuzzer], harness)
    atheris.Fuzz()


# -- the parent: starts the child, prints the table ------------------------------------------
def parent(args: argparse.Namespace) -> int:
    out = Path(args.out)
    corpus, seed_dir = out / "corpus", out / "seeds"
    corpus.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(seed_dir, ignore_errors=True)
    seeds(seed_dir)
    for old in ("stats.json", "slowest.bin"):
        (out / old).unlink(missing_ok=True)
    libfuzzer = [
        str(corpus),
        str(seed_dir),
        f"-seed={args.seed}",
        f"-max_len={args.max_len}",
        "-timeout=60",  # an input this slow is a crash (a hang) for libFuzzer
        "-rss_limit_mb=3072",
        f"-artifact_prefix={out}/",
    ]
    log = out / "fuzz.log"
    command = [sys.executable, __file__, "--child", "--minutes", str(args.minutes)]
    command += ["--instrument", args.instrument]
    command += ["--out", str(out), "--", *libfuzzer]
    began = time.monotonic()
    with log.open("w") as handle:
        code = subprocess.run(command, stdout=handle, stderr=subprocess.STDOUT).returncode
    wall = time.monotonic() - began
    stats: dict[str, Any] = {}
    with contextlib.suppress(OSError, ValueError):
        stats = json.loads((out / "stats.json").read_text())
    text = log.read_text(errors="replace")
    pulses = re.findall(r"cov: (\d+) ft: (\d+) corp: (\d+)/(\S+)", text)
    cov, features, inputs, size = pulses[-1] if pulses else ("?", "?", "?", "?")
    runs = stats.get("runs", 0)
    crashes: dict[str, Any] = stats.get("crashes", {})
    slow = stats.get("slowest", {})
    if code != 0:  # libFuzzer stopped the child: a hang, out of memory, or a hard crash
        crashes[f"libFuzzer stopped the run (exit {code})"] = {"count": 1, "input": str(log)}
    rows = [
        [
            f"{args.minutes:g} min",
            f"{runs:,}",
            f"{runs / max(stats.get('seconds', wall), 1e-9):,.0f}",
            str(len(crashes)),
            f"{slow.get('seconds', 0):.2f} s ({slow.get('size', 0):,} B, "
            f"{slow.get('base', '')}/{slow.get('file', '')})",
            f"{cov} / {features}",
            f"{inputs} ({size})",
        ]
    ]
    print(
        table(
            "Fuzzing the world loader (atheris)",
            [
                "run",
                "executions",
                "per s",
                "distinct crashes",
                "slowest input",
                "coverage / features",
                "corpus",
            ],
            rows,
        )
    )
    if crashes:
        print()
        print(
            table(
                "Crashes (inputs in OUT/crashes)",
                ["crash", "times", "input", "said"],
                [
                    [key, str(c["count"]), c["input"], c.get("said", "")[:80]]
                    for key, c in crashes.items()
                ],
            )
        )
    print(f"\nslowest input: {out / 'slowest.bin'}; libFuzzer's log: {log}")
    return 1 if crashes else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to fuzz")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "out" / "fuzz_loader"))
    parser.add_argument("--seed", type=int, default=1, help="libFuzzer's seed")
    parser.add_argument("--max-len", type=int, default=8192, help="largest input, in bytes")
    parser.add_argument(
        "--instrument", default="kage", help="packages whose coverage guides the fuzzer"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    if args.child:
        child(args, [a for a in rest if a != "--"])
        return
    sys.exit(parent(args))


if __name__ == "__main__":
    main()
