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

    path = find_plan(plan)
    if _is_exercise(path):
        _check_exercise(path)
        return
    p = load_plan(path)
    click.echo(f"{p.name} — version {p.version or '—'}, DUT: {p.dut or '—'}, "
               f"decision rule: {p.rule}")
    if p.description:
        click.echo(p.description)
    for i, c in enumerate(p.checks, 1):
        click.echo(f"{i:>3}. {c.describe()}")
    click.echo(f"{len(p.checks)} checks; plan SHA-256 {p.sha256[:16]}… ({p.path})")


def _is_exercise(path: object) -> bool:
    from pathlib import Path

    from meterlab.training.format import is_exercise_text

    try:
        return is_exercise_text(Path(str(path)).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return False  # the plan loader says what is wrong with the file


def _check_exercise(path: object) -> None:
    """An exercise file (limits/exercises/): validate it and list its steps in words."""
    from meterlab.training.format import load_exercise

    ex = load_exercise(str(path))
    skills = ", ".join(str(s) for s in ex.skills)
    click.echo(f"exercise {ex.id} — {ex.title['en']} / {ex.title['nl']}; level {ex.level}, "
               f"competency 9 parts {skills}")
    for i, s in enumerate(ex.steps, 1):
        asks = ", ".join(f"{a.key} ({a.kind})" for a in s.answers) or "setup only"
        click.echo(f"{i:>3}. {s.id}: {s.points} points, {s.expect.instrument}; asks {asks}")
    click.echo(f"{len(ex.steps)} steps, {ex.max_score} points ({ex.path})")
