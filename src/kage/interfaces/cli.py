"""The `kage` command: play a world, or check one."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from kage import __version__

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


@main.command()
@click.argument("world", required=False)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for the world's chance.")
@click.option(
    "--script",
    type=click.File("r", encoding="utf-8", errors="replace"),
    help="Read commands from FILE (or - for standard input), one per line.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per command.")
@click.option(
    "--saves",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for save files (default: ~/.local/share/kage/saves).",
)
def play(
    world: str | None = None,
    seed: int = 0,
    script: TextIO | None = None,
    as_json: bool = False,
    saves: Path | None = None,
) -> None:
    """Play WORLD (a folder, or a bundled campaign; default: banished)."""
    from kage.session import Session

    session = Session(_load(world), seed=seed, saves=saves)
    if as_json:
        import json

        from kage.interfaces import jsonplay

        click.echo(json.dumps(jsonplay.opening(session), ensure_ascii=False))
        lines = script if script is not None else sys.stdin
        jsonplay.run(session, lines, sys.stdout)
        return
    from kage.interfaces import terminal

    if script is not None:
        from rich.console import Console

        console = Console(highlight=False)
        terminal.show(console, session.opening())
        for line in script:
            console.print(f"> {line.rstrip()}", style="bold cyan")
            for step in session.step(line):
                terminal.show(console, step.text)
                if step.quit:
                    return
        return
    terminal.play(session)


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


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


@main.command()
@click.argument("world", required=False)
@click.option(
    "--at",
    "at_day",
    type=click.FloatRange(min=0, max=3650),
    default=7.0,
    show_default=True,
    help="The day to report on, counted from the story's start.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("world-report"),
    show_default=True,
    help="Folder the plots (PNG and SVG) are written to.",
)
def world(
    world: str | None = None, at_day: float = 7.0, out_dir: Path = Path("world-report")
) -> None:
    """Report on WORLD's living world at a day: news, opinion, factions, lives, with plots.

    WORLD is a campaign (default: banished) or synthetic:SETTLEMENTS:PEOPLE[:SEED].
    """
    from kage.content.errors import ContentError
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
