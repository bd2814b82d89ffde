"""The solver's report for a writer, drawn with rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kage.tools.solve.analysis import Report

if TYPE_CHECKING:
    from rich.console import Console

STOPPED = {
    "exhausted": "every reachable state was explored",
    "depth": "explored to the depth limit",
    "won": "stopped at the first win",
    "states": "stopped at the state limit",
    "seconds": "stopped at the time limit",
    "memory": "stopped at the memory limit",
}


def _commands(commands: list[str]) -> str:
    return " > ".join(commands) if commands else "(at the start)"


def render(report: Report, console: Console, dead_ends: int = 20) -> None:
    """Print the report: the search, the win, the endings, and what a writer must know."""
    from rich.table import Table

    console.rule(f"[bold]{report.title}[/bold] ({report.world}, seed {report.seed})")
    console.print(
        f"{report.states:,} states ({max(report.expanded, report.expansions):,} expanded, "
        f"depth {report.max_depth}), "
        f"{report.commands_tried:,} commands tried in {report.seconds:.1f} s, "
        f"{report.strategy}-first: {STOPPED.get(report.stopped, report.stopped)}."
    )
    if report.prefix:
        console.print(f"Started after {len(report.prefix)} commands: {_commands(report.prefix)}")
    console.print()
    if report.win is None:
        console.print("[bold red]No win found.[/bold red]")
    else:
        check = "verified by replay" if report.win_verified else "[red]NOT verified by replay[/red]"
        console.print(f"[bold green]A win in {len(report.win)} commands[/bold green] ({check}):")
        for n, line in enumerate(report.win, 1):
            console.print(f"  {n:>3}. {line}")
    if report.win is None and report.best_score > report.start_score:
        console.print(
            f"\nThe best score reached: {report.best_score} of {report.max_score} (from "
            f"{report.start_score}), by: {_commands(report.best_path)}"
        )
    console.print()
    endings = Table(title="Endings", show_lines=False)
    endings.add_column("ending")
    endings.add_column("won")
    endings.add_column("shortest way there")
    for ending, found in report.endings.items():
        endings.add_row(ending, "yes" if found["won"] else "no", _commands(found["path"]))
    for ending in report.endings_unreached:
        endings.add_row(ending, "", "[yellow]not reached[/yellow]")
    console.print(endings)
    proven = "cannot be" if report.exhaustive else "were not"
    unfinished = {q: v for q, v in report.quests.items() if not v["finished"]}
    if unfinished:
        console.print(f"\n[bold]Quests that {proven} finished:[/bold]")
        for quest, v in unfinished.items():
            furthest = v["furthest"] or "never given"
            console.print(f"  {quest} ({v['title']}): furthest stage {furthest}")
    if report.never_held:
        console.print(f"\n[bold]Things that {proven} held:[/bold] {', '.join(report.never_held)}")
        if report.never_seen:
            console.print(f"  never even seen: {', '.join(report.never_seen)}")
    if report.never_visited:
        console.print(
            f"\n[bold]Places that {proven} reached:[/bold] {', '.join(report.never_visited)}"
        )
    leads = "command leads" if len(report.dead_ends) == 1 else "commands lead"
    console.print(
        f"\n[bold]Dead ends[/bold] (no win reachable after them): {len(report.dead_ends)} "
        f"{leads} into {report.dead_states:,} dead states"
        + (f"; {report.unknown_states:,} states unknown" if report.unknown_states else "")
    )
    if report.dead_ends:
        table = Table(show_lines=False)
        table.add_column("fatal command")
        table.add_column("dead states entered", justify="right")
        table.add_column("ending")
        table.add_column("shortest way there")
        for dead in report.dead_ends[:dead_ends]:
            command = dead.command or "[bold red](the start: no win at all)[/bold red]"
            table.add_row(command, str(dead.states), dead.ending, _commands(dead.path))
        console.print(table)
        if len(report.dead_ends) > dead_ends:
            console.print(f"  ... and {len(report.dead_ends) - dead_ends} more (see --json)")
    for note in report.notes:
        console.print(f"\n[dim]{note}[/dim]")
