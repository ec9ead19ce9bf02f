"""Validate a limit plan and print its checks in words."""

from __future__ import annotations

import click


@click.command("check")
@click.argument("plan")
def command(plan: str) -> None:
    """Validate PLAN (a file, or a plan name from limits/) and list its checks.

    Exit 0 when the plan is valid; 2 with file, line and key when it is not.
    """
    from rich.console import Console
    from rich.table import Table

    from meterlab.plan import find_plan, load_plan

    p = load_plan(find_plan(plan))
    console = Console(highlight=False)
    console.print(f"[bold]{p.name}[/bold]  version {p.version or '—'}  ·  DUT: {p.dut or '—'}  ·  "
                  f"decision rule: {p.rule}")
    if p.description:
        console.print(p.description)
    table = Table(show_lines=False)
    for col in ("check", "title", "instrument", "measure", "at", "readings", "limits"):
        table.add_column(col)
    for c in p.checks:
        what = c.measure if c.instrument == "dmm" else f"{c.measure} {c.source}"
        n = f"{c.reduce} of {c.readings}" if c.readings > 1 else "1"
        table.add_row(c.id, c.title, c.instrument, what, c.at or "—", n, c.limit.describe())
    console.print(table)
    console.print(f"{len(p.checks)} checks, plan SHA-256 {p.sha256[:16]}…  ({p.path})")
