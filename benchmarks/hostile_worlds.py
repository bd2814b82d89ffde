"""The hostile world corpus (tests/content/hostile/): build every world, load it, and time
the answer.

    python benchmarks/hostile_worlds.py [--cli] [--timeout 20]

Prints a table: each world, the answer (refused with the expected message, or loaded when
it is valid), the first problem reported and the time it took in-process. With --cli, each
world is also checked by a real `kage check` process (exit code and time, start-up
included), under a 1 GB memory limit; worlds that `kage check` cannot yet take safely (see
`no_cli` in the corpus) are still run, to show what happens.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(ROOT))

from common import table  # noqa: E402
from tests.content.hostile.corpus import ENTRIES, Entry, no_cli  # noqa: E402

from kage.content.compile import BUG, load_world  # noqa: E402
from kage.content.errors import ContentError  # noqa: E402
from kage.world.model import World  # noqa: E402


def in_process(entry: Entry, folder: Path, timeout: float) -> tuple[str, str, float]:
    box: list[object] = []

    def run() -> None:
        try:
            box.append(load_world(folder))
        except BaseException as exc:  # reported in the table
            box.append(exc)

    start = time.perf_counter()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    took = time.perf_counter() - start
    if not box:
        return "HANG", f"no answer in {timeout:.0f} s", took
    result = box[0]
    if isinstance(result, World):
        return ("loaded" if entry.valid else "WRONGLY LOADED"), "", took
    if isinstance(result, ContentError):
        first = str(result.problems[0]) if result.problems else ""
        clean = (
            not entry.valid
            and any(entry.says in p.message for p in result.problems)
            and not any(BUG in p.message for p in result.problems)
        )
        return ("refused" if clean else "REFUSED WRONGLY"), first, took
    return "CRASH", f"{type(result).__name__}: {result}", took


def limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def kage_check(folder: Path, timeout: float) -> tuple[str, float]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env["KAGE_CACHE"] = str(folder.parent / "cache")
    start = time.perf_counter()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "kage", "check", str(folder)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=env,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            preexec_fn=limit_memory if sys.platform != "win32" else None,  # noqa: PLW1509
        )
    except subprocess.TimeoutExpired:
        return f"HANG (> {timeout:.0f} s)", time.perf_counter() - start
    took = time.perf_counter() - start
    said = result.stdout + result.stderr
    if "Traceback" in said:
        last = said.strip().splitlines()[-1]
        return f"exit {result.returncode}, TRACEBACK ({last[:40]})", took
    return f"exit {result.returncode}", took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", action="store_true", help="also run a real `kage check`")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per world")
    args = parser.parse_args()
    rows: list[list[str]] = []
    times: list[float] = []
    clean = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, entry in enumerate(ENTRIES):
            place = Path(tmp) / f"{n:02}"
            place.mkdir()
            folder = entry.build(place)
            answer, first, took = in_process(entry, folder, args.timeout)
            times.append(took)
            clean += answer in ("refused", "loaded")
            first = first.replace(str(folder), "WORLD").replace(str(place), "PLACE")
            row = [
                entry.name,
                answer,
                first[:70] + ("..." if len(first) > 70 else ""),
                f"{took:.2f}",
            ]
            if args.cli:
                code, cli_took = kage_check(folder, args.timeout)
                note = " (known: worlds._key)" if entry.name in no_cli else ""
                row += [code + note, f"{cli_took:.2f}"]
            rows.append(row)
    headers = ["world", "answer", "first problem", "s"]
    if args.cli:
        headers += ["kage check", "s"]
    print(table("Hostile worlds, loaded in-process", headers, rows))
    print()
    print(
        table(
            "Summary",
            ["worlds tried", "answered cleanly", "slowest (s)", "total (s)"],
            [[str(len(ENTRIES)), str(clean), f"{max(times):.2f}", f"{sum(times):.2f}"]],
        )
    )


if __name__ == "__main__":
    main()
