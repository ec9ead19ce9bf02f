"""Validate a limit plan and print its checks in words."""

from __future__ import annotations

import click


@click.command("check")
@click.argument("plan")
def command(plan: str) -> None:
    """Validate PLAN (a file, or a plan name from limits/) and list its checks.

    Exit 0 when the plan is valid; 2 with file, line and key when it is not.
    """
    from meterlab.plan import find_plan, load_plan

    p = load_plan(find_plan(plan))
    click.echo(f"{p.name} — version {p.version or '—'}, DUT: {p.dut or '—'}, "
               f"decision rule: {p.rule}")
    if p.description:
        click.echo(p.description)
    for i, c in enumerate(p.checks, 1):
        click.echo(f"{i:>3}. {c.describe()}")
    click.echo(f"{len(p.checks)} checks; plan SHA-256 {p.sha256[:16]}… ({p.path})")
