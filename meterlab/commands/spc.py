"""Process statistics of a plan across sessions and benches: Cp, Cpk and control charts."""

from __future__ import annotations

import sys

import click

from meterlab.commands.sessions import db_option, open_existing


@click.command("spc")
@db_option
@click.option("--plan", required=True, help="The plan's name, as `meterlab sessions` shows it.")
@click.option("--check", "check", default=None, metavar="ID", help="Only this check.")
@click.option("--since", default=None, help="Only sessions started on/after this UTC date.")
@click.option("--by", "by", type=click.Choice(["station"]), default=None,
              help="One row (and chart) per check and station.")
@click.option("--png", "png", default=None, metavar="FILE",
              help="Write the individuals / moving-range control charts to FILE (PNG).")
@click.option("--pdf", "pdf", default=None, metavar="FILE",
              help="Write the figures and the control charts to FILE (PDF report).")
def command(db: str | None, plan: str, check: str | None, since: str | None, by: str | None,
            png: str | None, pdf: str | None) -> None:
    """Per check of PLAN: count of valid readings, mean, σ, Cp, Cpk, the fraction out of
    tolerance and the points out of control (Western Electric rules 1–4 on the
    individuals chart).

    Works on a lab database (--db postgresql://…) or a bench's file. Exit 0.
    """
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from meterlab.commands._common import shown
    from meterlab.spc import check_stats, load_series
    from meterlab.units import format_si

    with open_existing(db) as store:
        series = load_series(store, plan, check=check, since=since, by_station=by == "station")
        where = store.path
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 132)
    if not series:
        console.print(f"No readings of plan {shown(plan)!r}"
                      + (f" check {shown(check)}" if check else "") + f" in {shown(where)}.")
        return
    stats = [check_stats(s) for s in series]
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    cols = ["check", *(["station"] if by else []), "n", "mean", "σ", "Cp", "Cpk",
            "out of tol.", "overload", "out of control (rule: points)"]
    for c in cols:
        table.add_column(c, justify="left" if c in ("check", "station") or c.startswith(
            "out of control") else "right")

    def num(x: float | None, unit: str = "") -> str:
        if x is None:
            return "—"
        return format_si(x, unit) if unit else f"{x:.3f}"

    for st in stats:
        s = st.series
        ooc = "—"
        if st.chart is not None:
            ooc = ", ".join(f"{r}: {len(p)}" for r, p in sorted(st.chart.signals.items())
                            if p) or "none"
        frac = "—" if st.frac_out is None else f"{100 * st.frac_out:.2f} %"
        table.add_row(shown(s.check_id), *([shown(s.group or "—")] if by else []),
                      str(st.count), num(st.mean, s.limits.unit), num(st.std, s.limits.unit),
                      num(st.cp), num(st.cpk), frac, str(s.n_overload), ooc)
    console.print(table)
    console.print(f"Plan {shown(plan)} in {shown(where)}. σ: sample standard deviation; "
                  f"Cp/Cpk against each check's limits; control limits from MR̄/1.128.")
    if png:
        from meterlab.spc_chart import write_png

        out = write_png(stats, png, plan)
        console.print(f"Control charts written to {shown(out)}.")
    if pdf:
        from meterlab.spc_report import write_pdf

        out = write_pdf(stats, pdf, plan, str(where), by == "station")
        console.print(f"Report written to {shown(out)}.")
