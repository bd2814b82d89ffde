"""A throwaway PostgreSQL cluster for the server's tests and benchmark: initdb in a
temporary folder, started on a free loopback port, stopped and removed after.

initdb refuses to run as root: as root the cluster belongs to the ``postgres`` user
(Debian's package makes it). ``python tests/serve/cluster.py start DIR`` prints the URL
and ``... stop DIR`` stops it: .ci/run uses these around the tests.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

USER = "kage"  # the cluster's superuser, trusted on loopback


def bindir() -> Path | None:
    """The folder of initdb and pg_ctl, or None when PostgreSQL is not installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if found:
        return Path(found[0]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_owner(argv: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *argv]
    return argv


def start(folder: Path, durable: bool = False) -> str:
    """Make and start a cluster in ``folder``; its URL. ``durable`` keeps fsync on (the
    benchmark measures with it); tests turn it off for speed."""
    bins = bindir()
    if bins is None:
        raise RuntimeError("PostgreSQL is not installed (no initdb)")
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    made = subprocess.run(
        _as_owner([str(bins / "initdb"), "-D", str(data), "-A", "trust", "-U", USER,
                   "-E", "UTF8", "--no-sync"]),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd="/",
    )
    if made.returncode != 0:
        raise RuntimeError(f"initdb failed in {folder}: {made.stderr.decode()[-500:]}")
    port = free_port()
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=200"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    subprocess.run(
        _as_owner([str(bins / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-t", "60",
                   "-l", str(folder / "log"), "start"]),
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd="/",
    )
    return f"postgresql://{USER}@127.0.0.1:{port}/postgres"


def stop(folder: Path) -> None:
    bins = bindir()
    data = folder / "data"
    if bins is not None and data.exists():
        subprocess.run(
            _as_owner([str(bins / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd="/",
        )
    shutil.rmtree(folder, ignore_errors=True)


def fresh_database(admin_url: str) -> str:
    """A new empty database on the cluster of ``admin_url``; its URL."""
    import psycopg

    name = f"kage_{os.getpid()}_{time.monotonic_ns()}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = admin_url.rpartition("/")
    return f"{base}/{name}"


if __name__ == "__main__":
    command, where = sys.argv[1], Path(sys.argv[2])
    if command == "start":
        print(start(where, durable="--durable" in sys.argv))
    elif command == "stop":
        stop(where)
    else:
        raise SystemExit(f"usage: {sys.argv[0]} start|stop DIR")
