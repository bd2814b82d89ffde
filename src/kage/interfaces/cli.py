"""The `kage` command: play a world, or check one."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import click

from kage import __version__
from kage.parser.text import MAX_LINE
from kage.tools.world_args import LIMITS, MAX_DAY

if TYPE_CHECKING:
    from kage.world.model import World


def _load(world: str | None) -> World:
    from kage import worlds
    from kage.content.errors import ContentError

    try:
        return worlds.load(world)
    except ContentError as exc:
        click.echo(f"The world could not be loaded:\n{exc}", err=True)
        sys.exit(2)


@click.group(invoke_without_command=True)
@click.version_option(__version__, prog_name="kage")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Kage: a story-world engine. `kage play` starts the bundled campaign, Banished."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(play)


class ScriptSource(click.ParamType):
    """--script: a regular file or a named pipe, or - for standard input; opened for
    bytes (``kage.interfaces.lines`` decodes them). Anything else is a usage error."""

    name = "file"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> BinaryIO:
        if not isinstance(value, str):
            return value  # type: ignore[return-value]  # already opened (a default)
        from kage.interfaces.lines import ScriptError, open_script

        try:
            return open_script(value)
        except ScriptError as exc:
            self.fail(str(exc), param, ctx)


@main.command()
@click.argument("world", required=False)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for the world's chance.")
@click.option(
    "--script",
    type=ScriptSource(),
    help="Read commands from FILE (or - for standard input), one per line, as UTF-8. "
    f"A line longer than {MAX_LINE} characters is cut (and the reply says so). RESTART "
    "and QUIT ask to be sure: the next line answers (y or n).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per command.")
@click.option(
    "--status/--no-status",
    default=None,
    help="Show the status line (place, day and time, score, ...) under the prompt. Default: "
    "on, except on a dumb terminal (TERM=dumb).",
)
@click.option(
    "--saves",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for save files (default: ~/.local/share/kage/saves).",
)
def play(
    world: str | None = None,
    seed: int = 0,
    script: BinaryIO | None = None,
    as_json: bool = False,
    status: bool | None = None,
    saves: Path | None = None,
) -> None:
    """Play WORLD (a folder, or a bundled campaign; default: banished).

    At the prompt, Ctrl-C or Ctrl-D offers to save before quitting. TRANSCRIPT writes a
    record of play to ~/.local/share/kage/transcripts (or $KAGE_TRANSCRIPTS).
    """
    from kage.interfaces.lines import ENDLESS, LineReader, standard_input
    from kage.interfaces.output import tolerant
    from kage.session import Session

    tolerant(sys.stdout)
    session = Session(_load(world), seed=seed, saves=saves)
    if not as_json and script is None:
        from kage.interfaces import terminal

        wanted = terminal.status_wanted() if status is None else status
        sys.exit(terminal.play(session, status=wanted))
    reader = LineReader(script if script is not None else standard_input())
    if as_json:
        from kage.interfaces import jsonplay

        jsonplay.play(session, reader, sys.stdout)
    else:
        from kage.interfaces import terminal

        terminal.play_script(session, reader)
    if reader.endless:
        click.echo(ENDLESS, err=True)
        sys.exit(1)


@main.command()
@click.argument("world", required=False)
@click.argument("action", required=False)
def rules(world: str | None = None, action: str | None = None) -> None:
    """List WORLD's rulebooks in the order they run (default: banished): the turn sequence,
    moving, then each action's phases, every rule with its name and where it comes from.
    With ACTION (e.g. take, or turn, or moved), only that one."""
    from kage.tools.rules_index import UnknownAction, index

    loaded = _load(world)
    try:
        click.echo(index(loaded, action))
    except UnknownAction as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)


class OutFile(click.Path):
    """--out of `kage docs`: a file path, and not an empty one."""

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> object:
        if isinstance(value, str) and not value.strip():
            self.fail("the file name cannot be empty.", param, ctx)
        return super().convert(value, param, ctx)


@main.command()
@click.option(
    "--out",
    type=OutFile(dir_okay=False, path_type=Path),
    help="Write the reference to FILE instead of printing it.",
)
@click.option(
    "--check",
    "compare",
    is_flag=True,
    help="Write nothing; exit 1 if FILE (--out, default docs/reference.md) is not what "
    "would be written.",
)
def docs(out: Path | None = None, compare: bool = False) -> None:
    """The writer's reference: every section, field, condition, effect, action and named
    response of the core and of each extension, generated from the engine."""
    from kage.tools.reference import COMMAND, reference

    text = reference()
    if compare:
        path = out or Path("docs/reference.md")
        try:
            current = path.read_text(encoding="utf-8")
        except (OSError, UnicodeError) as exc:
            click.echo(f"kage docs: cannot read {path}: {exc}", err=True)
            sys.exit(2)
        if current != text:
            again = COMMAND if out is None else f"kage docs --out {path}"
            click.echo(f"{path} is out of date: run `{again}`.", err=True)
            sys.exit(1)
        click.echo(f"{path} is up to date.")
        return
    if out is None:
        click.echo(text, nl=False)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        click.echo(f"kage docs: cannot write {out}: {exc}", err=True)
        sys.exit(2)
    click.echo(f"Wrote {out} ({len(text.splitlines())} lines).")


@main.command()
@click.argument("world", required=False)
def check(world: str | None = None) -> None:
    """Validate WORLD's files and report every problem with its file and line."""
    loaded = _load(world)
    places = sum(1 for e in loaded.entities.values() if e.kind == "place")
    people = sum(1 for e in loaded.entities.values() if e.kind == "person")
    things = sum(1 for e in loaded.entities.values() if e.kind == "thing")
    click.echo(
        f"{loaded.title}: OK ({_count(places, 'place')}, {_count(people, 'person', 'people')}, "
        f"{_count(things, 'thing')}, {_count(len(loaded.milestones), 'milestone')} worth "
        f"{_count(loaded.max_score, 'point')})"
    )
    from kage.tools.stale_text import stale_descriptions

    for line in stale_descriptions(loaded):
        click.echo(line)


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


class Day(click.ParamType):
    """--at: a finite number of days from 0 to MAX_DAY (nan and inf are not days)."""

    name = "day"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        from kage.tools.world_args import check_day

        try:
            return check_day(float(value))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a day: give a number from 0 to {MAX_DAY}.", param, ctx)


class ReportWorld(click.ParamType):
    """WORLD of `kage world`: a campaign, or synthetic:N:M[:SEED] within the limits."""

    name = "world"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> str:
        from kage.tools.world_args import parse_synthetic

        text = str(value)
        if text.startswith("synthetic:"):
            try:
                parse_synthetic(text)
            except ValueError as exc:
                self.fail(str(exc), param, ctx)
        return text


class OutFolder(click.Path):
    """--out: a folder path, and not an empty one."""

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> object:
        if isinstance(value, str) and not value.strip():
            self.fail("the folder for the plots cannot be empty.", param, ctx)
        return super().convert(value, param, ctx)


@main.command(
    help="Report on WORLD's living world at a day: news, opinion, factions, lives, with "
    "plots.\n\nWORLD is a campaign (default: banished) or synthetic:SETTLEMENTS:PEOPLE"
    f"[:SEED], a generated world. {LIMITS}"
)
@click.argument("world", type=ReportWorld(), required=False)
@click.option(
    "--at",
    "at_day",
    type=Day(),
    default=7.0,
    show_default=True,
    help=f"The day to report on, counted from the story's start: 0 to {MAX_DAY}.",
)
@click.option(
    "--out",
    "out_dir",
    type=OutFolder(file_okay=False, path_type=Path),
    default=Path("world-report"),
    show_default=True,
    help="Folder the plots (PNG and SVG) are written to.",
)
def world(
    world: str | None = None, at_day: float = 7.0, out_dir: Path = Path("world-report")
) -> None:
    from kage.content.errors import ContentError
    from kage.tools.world_args import check_budget, parse_synthetic

    if world and world.startswith("synthetic:"):
        try:
            check_budget(parse_synthetic(world), at_day)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="'--at'") from None
    from kage.tools.world_report import report

    try:
        text = report(world, at_day, out_dir)
    except ContentError as exc:
        click.echo(f"The world could not be loaded:\n{exc}", err=True)
        sys.exit(2)
    except (ValueError, OSError) as exc:
        click.echo(f"kage world: {exc}", err=True)
        sys.exit(2)
    click.echo(text)


class Commands(click.ParamType):
    """--from / --durations-from: a text file of commands, one a line."""

    name = "file"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> list[str]:
        if isinstance(value, list):
            return value
        try:
            text = Path(str(value)).read_text(encoding="utf-8")
        except (OSError, UnicodeError) as exc:
            self.fail(f"cannot read {value}: {exc}", param, ctx)
        return [line.strip() for line in text.splitlines() if line.strip()]


def _distributed(solver: Any, workers: int, world: World, *args: Any, **one: Any) -> Any:
    """`kage.tools.solve.solve`'s arguments (world, seed, prefix, candidates, bounds ...),
    passed on to the distributed solver with the number of workers (less those only a
    search in one process reads, `one`: its patience)."""
    seed, prefix, candidates, *rest = args
    return solver(world, workers, seed, prefix, *rest, candidates=candidates)


@main.command()
@click.argument("world", required=False)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for the world's chance.")
@click.option(
    "--strategy",
    type=click.Choice(["breadth", "best"]),
    default="breadth",
    show_default=True,
    help="breadth: shortest paths, and the whole space when it is small; best: score, quest "
    "stages and new facts first, for long worlds.",
)
@click.option("--max-states", type=click.IntRange(1), default=200_000, show_default=True)
@click.option("--seconds", type=click.FloatRange(0.1), default=60.0, show_default=True)
@click.option(
    "--depth",
    type=click.IntRange(1),
    default=60,
    show_default=True,
    help="Most commands in a path.",
)
@click.option(
    "--memory", type=click.IntRange(16), default=1024, show_default=True,
    help="MiB for the states waiting to be explored (estimated).",
)  # fmt: skip
@click.option(
    "--from",
    "prefix",
    type=Commands(),
    default=None,
    help="Play the commands in FILE (one a line) first, and search from there.",
)
@click.option(
    "--durations",
    default=None,
    help='Lengths of time a command may name, e.g. "20 minutes, 2 weeks": others '
    '("wait 7 hours") are not tried. Default: all.',
)
@click.option(
    "--durations-from",
    type=Commands(),
    default=None,
    help="Allow only the lengths of time named in FILE (a walkthrough).",
)
@click.option("--first-win", is_flag=True, help="Stop at the first win.")
@click.option(
    "--patience", type=click.IntRange(1), default=3000, show_default=True,
    help="Best-first: commands the states after one score may play before the others "
    "have their turn.",
)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--progress/--no-progress", default=True, help="A progress bar on a terminal.")
@click.option(
    "--workers", type=click.IntRange(0), default=0, show_default=True,
    help="Expand the frontier on N Ray workers (needs the ray extra); 0: in this process.",
)  # fmt: skip
def solve(
    world: str | None = None,
    seed: int = 0,
    strategy: str = "breadth",
    max_states: int = 200_000,
    seconds: float = 60.0,
    depth: int = 60,
    memory: int = 1024,
    prefix: list[str] | None = None,
    durations: str | None = None,
    durations_from: list[str] | None = None,
    first_win: bool = False,
    patience: int = 3000,
    as_json: bool = False,
    progress: bool = True,
    workers: int = 0,
) -> None:
    """Search WORLD's states (default: banished) for a win, and report what a writer must
    know: the endings reachable, quests that cannot be finished, things that can never be
    held, and dead ends (states from which no win is reachable) with the commands that lead
    there. Exits 0 when a win was found and verified by replaying it, 1 otherwise."""
    import json
    import time

    from rich.console import Console

    from kage.tools.solve import Bounds
    from kage.tools.solve import solve as run
    from kage.tools.solve.candidates import durations_in
    from kage.tools.solve.report import render

    if workers:
        from kage.scale import RayMissing, ray_module

        try:
            ray_module("kage solve --workers")
        except RayMissing as exc:
            raise click.UsageError(str(exc)) from None
        from functools import partial

        from kage.scale.frontier import solve_distributed

        run = partial(_distributed, solve_distributed, workers)
    loaded = _load(world)
    allowed = None
    if durations is not None or durations_from is not None:
        allowed = durations_in([durations or "", *(durations_from or [])])
    bounds = Bounds(max_states=max_states, seconds=seconds, depth=depth, memory_mb=memory)
    err = Console(stderr=True)
    bar = None
    if progress and err.is_terminal:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        bar = Progress(
            TextColumn("[bold]solving[/bold]"),
            BarColumn(),
            TextColumn("{task.fields[states]:,} states, {task.fields[frontier]:,} waiting, depth "
                       "{task.fields[depth]}"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        )  # fmt: skip
    if bar is not None:
        with bar:
            task = bar.add_task("solve", total=1.0, states=0, frontier=0, depth=0)
            began = time.monotonic()

            def tick(states: int, frontier: int, at: int) -> None:
                used = max(states / max_states, (time.monotonic() - began) / seconds)
                bar.update(
                    task, completed=min(used, 1.0), states=states, frontier=frontier, depth=at
                )

            report = run(
                loaded, seed, prefix or [], None, bounds, strategy, allowed, first_win, tick,
                patience=patience,
            )  # fmt: skip
    else:
        report = run(
            loaded, seed, prefix or [], None, bounds, strategy, allowed, first_win,
            patience=patience,
        )  # fmt: skip
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2))
    else:
        render(report, Console())
    sys.exit(0 if report.win and report.win_verified else 1)


@main.command()
@click.argument("world", required=False)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--database",
    help="sqlite:///PATH or postgresql://USER@HOST/DB (default: a SQLite file "
    "~/.local/share/kage/serve.sqlite3).",
)
@click.option(
    "--workers", type=click.IntRange(1, 64), default=1, show_default=True,
    help="Server processes (they share the database; use PostgreSQL for more than one).",
)
@click.option(
    "--set", "sets", multiple=True, metavar="NAME=VALUE",
    help="A limit, e.g. --set commands_per_minute=120 (also KAGE_SERVE_NAME in the "
    "environment; the names are in kage/serve/config.py).",
)
def serve(
    world: str | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    database: str | None = None,
    workers: int = 1,
    sets: tuple[str, ...] = (),
) -> None:
    """Serve games of every bundled world (WORLD, a name or a folder, is the default)
    to browsers at / and to programs through the HTTP API at /api (see /docs)."""
    import os
    from dataclasses import fields

    try:
        import uvicorn

        from kage.serve.config import Settings, as_bool
        from kage.serve.store import Store, StoreError
    except ImportError as exc:
        click.echo(f"kage serve needs the serve extra ({exc.name} is missing).", err=True)
        sys.exit(2)
    known = {f.name: type(getattr(Settings(), f.name)) for f in fields(Settings)}
    overrides: dict[str, object] = {"database": database, "world": world}
    for item in sets:
        name, _, value = item.partition("=")
        if name not in known or not value:
            raise click.BadParameter(f"{item!r}: use NAME=VALUE with NAME one of "
                                     f"{', '.join(sorted(known))}", param_hint="--set")
        try:
            overrides[name] = as_bool(value) if known[name] is bool else known[name](value)
        except ValueError as exc:
            raise click.BadParameter(f"{item!r}: {exc}", param_hint="--set") from exc
    settings = Settings.from_env(**overrides)
    if world:
        _load(world)  # a world that does not load is reported here, not by each worker
    try:
        Store(settings.url()).close()  # opens (and creates) the database once
    except StoreError as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)
    os.environ.update(settings.to_env())
    click.echo(f"Kage serves on http://{host}:{port}/ (games in {settings.url()})", err=True)
    uvicorn.run(
        "kage.serve.app:from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        ws_max_size=settings.max_body_bytes,
        timeout_keep_alive=30,  # a player's next command comes within seconds, not 5
        access_log=False,
        log_level="warning",
    )
