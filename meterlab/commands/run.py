"""Run a limit plan against the instruments and print a verdict table."""

from __future__ import annotations

import sys

import click

from meterlab.commands._common import db_option, shown, timeout_option, visa_option


@click.command("run")
@click.argument("plan")
@click.option("--dmm", metavar="RESOURCE", help="VISA resource of the multimeter.")
@click.option("--scope", metavar="RESOURCE", help="VISA resource of the oscilloscope.")
@click.option("--dut", "dut_serial", default="", help="Serial number of the unit under test.")
@click.option("--operator", default="", help="Who measures (recorded with the session).")
@click.option("--rule", type=click.Choice(["simple", "guarded"]), default=None,
              help="Decision rule; default: the plan's.")
@click.option("--only", multiple=True, metavar="CHECK", help="Run only these checks.")
@click.option("--simulated", is_flag=True,
              help="The given resources are a simulated bench: move its probes automatically.")
@click.option("--seed", type=int, default=0, help="Seed of the in-process simulated bench.")
@click.option("--fault", "faults", multiple=True, metavar="NAME",
              help="Fault to switch on in the in-process simulated bench (repeatable).")
@click.option("--no-store", is_flag=True, help="Do not record the run as a session.")
@timeout_option
@db_option
@visa_option
def command(plan: str, dmm: str | None, scope: str | None, dut_serial: str, operator: str,
            rule: str | None, only: tuple[str, ...], simulated: bool, seed: int,
            faults: tuple[str, ...], no_store: bool, timeout: float | None, db: str | None,
            backend: str | None) -> None:
    """Drive the instruments through every check of PLAN and judge each result.

    With no --dmm and no --scope, meterlab starts the simulated bench in-process
    and moves its probes itself. Exit 0 when the unit passed, 1 when it failed, 2 when
    it was not judged (a check could not be measured or was not run) or on an error.
    """
    from rich.console import Console

    from meterlab.bench.plan_run import PlanInstruments, PlanRun, needed_instruments
    from meterlab.bench.session import start_session
    from meterlab.commands._common import instruments, timeout_ms
    from meterlab.errors import UsageError
    from meterlab.plan import find_plan, load_plan

    p = load_plan(find_plan(plan))
    unknown = set(only) - {c.id for c in p.checks}
    if unknown:
        names = ", ".join(sorted(unknown))
        raise UsageError(f"--only names checks the plan does not have: {names}")
    needs = needed_instruments(p, set(only))
    out = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False)
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    with instruments(dmm, scope, backend, need_dmm="dmm" in needs, need_scope="scope" in needs,
                     seed=seed, faults=faults, timeout_ms=timeout_ms(timeout)) as inst:
        if inst.simulated:
            err.print("Simulated bench — meterlab moves the probes itself.")
        opened = PlanInstruments(inst.dmm, inst.scope)
        session = None
        if not no_store:
            session = start_session(db, kind="run", operator=operator, dut_serial=dut_serial,
                                    plan=p, rule=rule, instruments=opened.roles())
            for warning in session.warnings:
                click.echo(f"Warning: {warning}", err=True)
        moving = inst.simulated or simulated

        def prompt(check):  # type: ignore[no-untyped-def]
            if not moving:
                err.print(f"[bold]{shown(check.id)}[/bold]: {shown(check.prompt_text())}")
                if interactive:
                    click.pause("  Press any key when the probes are in place…", err=True)
            return True

        def on_result(r):  # type: ignore[no-untyped-def]
            out.print(_row(r))

        run = PlanRun(p, opened, rule=rule, simulated=moving, session=session, prompt=prompt,
                      on_result=on_result)
        out.print(f"[bold]{shown(p.name)}[/bold] v{shown(p.version)} · "
                  f"DUT {shown(dut_serial or '—')} · rule {run.rule}")
        status = "incomplete"
        try:
            run.run(set(only) or None)
            status = "complete"
        finally:
            outcome = run.finish(status)
    _summary(out, run, outcome)
    if session is not None:
        err.print(f"Session {session.id[:8]} recorded.")
    sys.exit(_exit_code(run, outcome))


def _exit_code(run, outcome) -> int:  # type: ignore[no-untyped-def]
    """The outcome's exit code: 0 passed, 1 failed, 2 not judged (so a script never reads an
    unmeasured check as a measured failure, nor as a pass)."""
    from meterlab.outcome import Outcome
    from meterlab.readings import Verdict

    if outcome is Outcome.NOT_JUDGED:
        unmeasured = [r.check.id for r in run.results
                      if not r.skipped and r.verdict is Verdict.ERROR]
        missing = [c.id for c, v in zip(run.plan.checks, run.check_verdicts(), strict=True)
                   if v is None]
        if unmeasured:
            click.echo(f"meterlab: {len(unmeasured)} check(s) could not be measured "
                       f"({', '.join(unmeasured)}); the unit was not judged. Fix the instrument "
                       "problem shown above and run the plan again.", err=True)
        elif missing:
            click.echo(f"meterlab: {len(missing)} check(s) were not run ({', '.join(missing)}); "
                       "the unit was not judged. Run the whole plan to judge it.", err=True)
    return int(outcome.exit_code)


_STYLE = {"PASS": "green", "MARGINAL": "yellow", "INDETERMINATE": "yellow", "FAIL": "bold red",
          "OVERLOAD": "bold red", "ERROR": "bold magenta"}


def _row(r) -> str:  # type: ignore[no-untyped-def]
    from rich.markup import escape

    from meterlab.units import format_reading

    v = r.verdict
    value = "—" if r.skipped else format_reading(r.value, r.check.unit, r.overload)
    name = "SKIPPED" if r.skipped else v.name
    style = _STYLE.get(name, "dim")
    symbol = "" if r.skipped else v.symbol
    line = (f"{escape(r.check.id):<12} {value:>14}   {escape(r.check.limit.describe()):<28} "
            f"[{style}]{symbol} {name}[/{style}]")
    if r.message:
        line += f"\n{'':12} [dim]{escape(r.message)}[/dim]"
    if r.warning:
        line += f"\n{'':12} [yellow]Note: {escape(r.warning)}[/yellow]"
    return line


def _summary(out, run, outcome) -> None:  # type: ignore[no-untyped-def]
    style = {"PASS": "bold green", "MARGINAL": "bold yellow", "FAIL": "bold red",
             "NOT JUDGED": "bold magenta"}[str(outcome)]
    out.print(f"[{style}]{outcome}[/{style}] — {run.summary()}")
