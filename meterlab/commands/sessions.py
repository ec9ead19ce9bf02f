"""List recorded sessions: who measured which DUT, when, against which plan, with what verdicts."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from meterlab.errors import StoreError

#: Shared by `sessions`, `verify` and `export`: every command touching sessions takes --db.
db_option = click.option(
    "--db", "db", envvar="METERLAB_DB", default=None, metavar="PATH|URL",
    help="Session database: an SQLite file, or a lab database "
         "postgresql://user@host:port/dbname (password from PGPASSWORD or ~/.pgpass). "
         "Default: the user data folder; env METERLAB_DB.")


def open_existing(db: str | Path | None) -> Any:
    """Open the database for browsing; a missing file is said in words, never created."""
    from meterlab.store import SessionStore, default_db_path
    from meterlab.store_engine import is_url

    if is_url(db):
        return SessionStore(str(db))
    path = Path(db).expanduser() if db else default_db_path()
    if not path.exists():
        raise StoreError(f"No session database at {path} yet: `meterlab run` and `meterlab read` "
                         f"create it. Point to another one with --db PATH.")
    return SessionStore(path)


_STYLE = {"FAIL": "bold red", "ERROR": "red", "OVERLOAD": "magenta", "MARGINAL": "yellow",
          "INDETERMINATE": "yellow", "PASS": "green"}


def verdict_cells(counts: dict[str, int]) -> str:
    """Verdict counts behind their glyphs (the legend under the table names them), so the
    column reads without colour and stays narrow."""
    from meterlab.readings import Verdict

    parts = [f"[{_STYLE[name]}]{Verdict[name].symbol}{n}[/]" for name, n in counts.items() if n]
    return " ".join(parts) or "—"


def outcome_cell(outcome: Any) -> str:
    """The unit's outcome as stored with the session ("—" for logs without a plan)."""
    if outcome is None:
        return "—"
    style = {"PASS": "bold green", "MARGINAL": "bold yellow", "FAIL": "bold red",
             "NOT JUDGED": "bold magenta"}[str(outcome)]
    return f"[{style}]{outcome.symbol} {outcome}[/]"


def legend() -> str:
    from meterlab.readings import Verdict

    return "  ".join(f"{v.symbol} {v.name.lower()}" for v in Verdict)


@click.command("sessions")
@click.argument("session", required=False)
@db_option
@click.option("--dut", default=None, help="Only sessions of this DUT serial number.")
@click.option("--operator", default=None, help="Only sessions by this operator (any case).")
@click.option("--since", default=None, help="Only sessions started on/after this UTC date.")
@click.option("--verdict", default=None, metavar="VERDICT",
              help="Only sessions with at least one reading of this verdict (e.g. FAIL).")
@click.option("--outcome", default=None, metavar="OUTCOME",
              help='Only units with this outcome: PASS, MARGINAL, FAIL or "NOT JUDGED".')
@click.option("--station", default=None, help="Only sessions of this bench/station (any case).")
@click.option("--plan", default=None, help="Only sessions of this plan (its name).")
def command(session: str | None, db: str | None, dut: str | None, operator: str | None,
            since: str | None, verdict: str | None, outcome: str | None,
            station: str | None, plan: str | None) -> None:
    """List recorded sessions as a table (id prefix, start, operator, DUT, plan, outcome).

    Give a SESSION (id prefix or "latest") to show one session's checks and outcome.
    Use the id prefix with `meterlab verify` and `meterlab export`.
    """
    from rich import box
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from meterlab.commands._common import shown as _shown

    if session is not None:
        with open_existing(db) as store:
            info = store.session(session)
        _detail(info)
        return
    with open_existing(db) as store:
        rows = store.sessions(dut=dut, operator=operator, since=since, verdict=verdict,
                              outcome=outcome, station=station, plan=plan)
        path = store.path
        from meterlab.lab_sync import reached_lab

        reached = reached_lab(store)
    # Piped into a file or a log, 80 columns would squeeze the table to dots.
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 132)
    if not rows:
        console.print(f"No sessions match in {escape(str(path))}.")
        return
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    cols = ["id", "start (UTC)", "operator", "DUT", "plan", "status", "outcome", "readings",
            "verdicts"]
    if reached is not None:
        cols.append("lab")
    for col in cols:
        table.add_column(col, no_wrap=col in ("id", "start (UTC)", "readings"),
                         justify="right" if col == "readings" else "left", min_width=len(col))
    for s in rows:
        dut_text = " ".join(x for x in (s.dut_type, s.dut_serial) if x) or "—"
        plan = " ".join(x for x in (s.plan_name, s.plan_version and f"v{s.plan_version}") if x)
        status = s.status if s.status == "complete" else f"[yellow]{s.status}[/]"
        if s.cal_expired:
            status += "\n[red]cal expired[/]"
        table.add_row(s.short_id, s.start_utc[:16].replace("T", " "), _shown(s.operator or "—"),
                      _shown(dut_text), _shown(plan or "—"), status, outcome_cell(s.outcome),
                      str(s.n_readings), verdict_cells(s.counts),
                      *([("✔" if s.id in reached else "—")] if reached is not None else []))
    console.print(table)
    console.print(f"{len(rows)} session(s) in {escape(str(path))}.  Outcome: the unit's, "
                  f"stored when the session finished.  Readings: {legend()}"
                  + ("  Lab: ✔ reached the lab database." if reached is not None else ""))


def _detail(info: Any) -> None:
    """One session: who, what, its outcome, and every check with its last result."""
    from rich.console import Console

    from meterlab.commands._common import shown as _shown
    from meterlab.units import format_reading

    console = Console(highlight=False, width=None if sys.stdout.isatty() else 132)
    dut = " ".join(x for x in (info.dut_type, info.dut_serial) if x) or "—"
    plan = " ".join(x for x in (info.plan_name, info.plan_version and f"v{info.plan_version}")
                    if x) or "—"
    console.print(f"Session {info.id} · {info.status} · {info.start_utc} → {info.end_utc or '—'}")
    console.print(f"Operator {_shown(info.operator or '—')} · DUT {_shown(dut)} · plan "
                  f"{_shown(plan)} · rule {info.rule}")
    for i in info.instruments:
        console.print(f"  {i.role}: {_shown(i.maker)} {_shown(i.model)} s/n {_shown(i.serial)}"
                      + (f", calibration due {i.cal_due}" if i.cal_due else ""))
    units = {c.check_id: c.unit for c in info.checks}
    for cid, r in info.last_results():
        if r is None:
            console.print(f"  {_shown(cid):<14} {'—':>14}   not measured")
            continue
        value = format_reading(float("nan") if r.value is None else r.value,
                               units.get(cid, ""), r.overload)
        console.print(f"  {_shown(cid):<14} {value:>14}   {r.verdict.symbol} {r.verdict.name}"
                      + (f"  [dim]{_shown(r.note)}[/dim]" if r.note else ""))
    console.print(f"Outcome: {outcome_cell(info.outcome)}")

