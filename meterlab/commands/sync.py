"""Forward this bench's finished sessions to the lab database (PostgreSQL), each exactly once."""

from __future__ import annotations

import sys

import click

from meterlab.commands.sessions import db_option

#: Exit code when the lab database cannot be reached: the sysexits.h "try again later"
#: (EX_TEMPFAIL), so a scheduler can tell it from a refusal.
EXIT_RESUME = 75


@click.command("sync")
@click.option("--to", "to", envvar="METERLAB_LAB_DB", default=None, metavar="URL",
              help="The lab database, postgresql://user@host:port/dbname (password from "
                   "PGPASSWORD or ~/.pgpass, never here). Also METERLAB_LAB_DB; default: "
                   "lab_db in the station file's [station].")
@db_option
def command(to: str | None, db: str | None) -> None:
    """Copy every finished session of the bench's database (--db) that the lab database
    (--to) does not hold yet, one transaction per session.

    Safe to run again, to kill, and to run from many benches at once: each session
    arrives once, intact. A session whose hash chain does not verify is refused and
    listed, never sent.

    Exit 0 when every finished session is in the lab database, 1 when any was refused,
    75 when the lab database cannot be reached (nothing is lost; run it again later),
    2 for other errors.
    """
    from meterlab.lab_sync import LabUnreachable, forward
    from meterlab.store_engine import is_url, shown_url

    if not to:
        from meterlab.station import load_station

        to = load_station().lab_db or None
    if not to or not is_url(to):
        raise click.UsageError("--to takes a lab database URL: postgresql://user@host:port/"
                               "dbname")
    try:
        report = forward(db, to)
    except LabUnreachable as exc:
        click.echo(f"Lab database {shown_url(to)} not reachable ({exc}); every session stays "
                   f"on this bench and forwarding will resume at the next `meterlab sync`.",
                   err=True)
        sys.exit(EXIT_RESUME)
    parts = [f"{len(report.sent)} session(s) forwarded to {report.lab}"]
    if report.already:
        parts.append(f"{len(report.already)} already there")
    if report.running:
        parts.append(f"{report.running} still being recorded (forwarded once finished)")
    click.echo("; ".join(parts) + ".")
    for sid, why in report.refused:
        click.echo(f"REFUSED {sid}: {why}. It stays on this bench, unsent; check it with "
                   f"`meterlab verify {sid[:8]}`.", err=True)
    if report.refused:
        sys.exit(1)
