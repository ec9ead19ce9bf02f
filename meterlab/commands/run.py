"""Run a limit plan against the instruments and print a verdict table."""

from __future__ import annotations

import sys

import click

from meterlab.commands._common import db_option, shown, visa_option


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
@db_option
@visa_option
def command(plan: str, dmm: str | None, scope: str | None, dut_serial: str, operator: str,
            rule: str | None, only: tuple[str, ...], simulated: bool, seed: int,
            faults: tuple[str, ...], no_store: bool, db: str | None,
            backend: str | None) -> None:
    """Drive the instruments through every check of PLAN and judge each result.

    With no --dmm and no --scope, meterlab starts the simulated bench in-process
    and moves its probes itself. Exit 0 when every check passed, 1 when any
    failed, 2 on an error.
    """
    from rich.console import Console

    from meterlab.bench_io import InstrumentBench, SimulatedProbes
    from meterlab.commands._common import instruments, open_store, record_instrument, station_name
    from meterlab.errors import UsageError
    from meterlab.plan import find_plan, load_plan
    from meterlab.runner import PlanRunner

    p = load_plan(find_plan(plan))
    unknown = set(only) - {c.id for c in p.checks}
    if unknown:
        names = ", ".join(sorted(unknown))
        raise UsageError(f"--only names checks the plan does not have: {names}")
    needs = {c.instrument for c in p.checks if not only or c.id in only}
    out = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False)
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    with instruments(dmm, scope, backend, need_dmm="dmm" in needs, need_scope="scope" in needs,
                     seed=seed, faults=faults) as inst:
        if inst.simulated:
            err.print("Simulated bench — meterlab moves the probes itself.")
        mover = SimulatedProbes(inst.dmm, inst.scope) if (inst.simulated or simulated) else None
        writer = None
        store = None
        if not no_store:
            store = open_store(db)
            writer = store.begin(operator=operator, station=station_name(), dut_type=p.dut,
                                 dut_serial=dut_serial, plan_name=p.name,
                                 plan_version=p.version, plan_sha256=p.sha256,
                                 rule=rule or p.rule, kind="run")
            for role, drv in (("dmm", inst.dmm), ("scope", inst.scope)):
                if drv is not None:
                    record_instrument(writer, role, drv.conn)

        def prompt(check):  # type: ignore[no-untyped-def]
            if mover is None:
                err.print(f"[bold]{shown(check.id)}[/bold]: {shown(check.prompt_text())}")
                if interactive:
                    click.pause("  Press any key when the probes are in place…", err=True)
            return True

        def on_result(r):  # type: ignore[no-untyped-def]
            out.print(_row(r))

        runner = PlanRunner(p, InstrumentBench(inst.dmm, inst.scope), rule=rule, prompt=prompt,
                            probe_mover=mover, writer=writer, on_result=on_result)
        out.print(f"[bold]{shown(p.name)}[/bold] v{shown(p.version)} · "
                  f"DUT {shown(dut_serial or '—')} · rule {runner.rule}")
        status = "incomplete"
        try:
            result = runner.run(set(only) or None)
            status = "complete"
        finally:
            if writer is not None:
                writer.finish(status=status)
            if store is not None:
                store.close()
    _summary(out, result)
    if writer is not None:
        err.print(f"Session {writer.id[:8]} recorded.")
    sys.exit(_exit_code(result))


def _exit_code(result) -> int:  # type: ignore[no-untyped-def]
    """0 all passed; 1 the DUT failed a check; 2 nothing failed but some checks could not be
    measured (an instrument error): the unit is not judged, so a script must not read it
    as a measured failure."""
    from meterlab.readings import Verdict

    if _outcome(result) == "NOT JUDGED":
        errors = [r.check.id for r in result.results
                  if not r.skipped and r.verdict is Verdict.ERROR]
        click.echo(f"meterlab: {len(errors)} check(s) could not be measured "
                   f"({', '.join(errors)}); the unit was not judged. Fix the instrument "
                   "problem shown above and run the plan again.", err=True)
        return 2
    return 0 if result.passed else 1


def _outcome(result) -> str:  # type: ignore[no-untyped-def]
    from meterlab.readings import Verdict

    judged = [r for r in result.results if not r.skipped]
    if result.passed:
        return "PASS"
    if any(r.verdict in (Verdict.FAIL, Verdict.OVERLOAD) for r in judged):
        return "FAIL"
    if any(r.verdict is Verdict.ERROR for r in judged):
        return "NOT JUDGED"
    return "FAIL"


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


def _summary(out, result) -> None:  # type: ignore[no-untyped-def]
    counts: dict[str, int] = {}
    for r in result.results:
        name = "SKIPPED" if r.skipped else r.verdict.name
        counts[name] = counts.get(name, 0) + 1
    text = ", ".join(f"{n} {k.lower()}" for k, n in counts.items())
    verdict = _outcome(result)
    style = "bold green" if result.passed else "bold red"
    out.print(f"[{style}]{verdict}[/{style}] — {text}")
