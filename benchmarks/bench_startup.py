"""Start-up time of `kage play`: from launching the process to its first prompt.

Runs the real command with a pipe for standard input and stops the clock when the
prompt ("> ") appears on standard output.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import summary, table  # noqa: E402


def first_prompt() -> float:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "KAGE_SAVES": "/tmp/kage-bench-saves"}
    began = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kage", "play"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    assert proc.stdout is not None
    seen = b""
    while not seen.endswith(b"> "):
        chunk = proc.stdout.read1(4096)
        if not chunk:
            raise RuntimeError("kage exited before its first prompt")
        seen += chunk
    elapsed = time.perf_counter() - began
    proc.stdin.close()  # type: ignore[union-attr]
    proc.wait(timeout=10)
    return elapsed * 1000


def bare_python() -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return (time.perf_counter() - began) * 1000


def main(runs: int = 15) -> None:
    first_prompt()  # warm the file cache
    prompt = summary([first_prompt() for _ in range(runs)])
    python = summary([bare_python() for _ in range(runs)])
    rows = [
        ["kage play -> first prompt", str(runs)]
        + [f"{prompt[k]:.0f}" for k in ("median", "p90", "max")],
        ["python -c pass (floor)", str(runs)]
        + [f"{python[k]:.0f}" for k in ("median", "p90", "max")],
    ]
    print(
        table(
            "Start-up, milliseconds (target: under 500 ms)",
            ["what", "runs", "median", "p90", "max"],
            rows,
        )
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
