"""Export sessions to CSV, XLSX, Parquet, JSON or a PDF report."""

from __future__ import annotations

from pathlib import Path

import click

from meterlab.commands.sessions import db_option, open_existing


@click.command("export")
@db_option
@click.argument("sessions", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "parquet", "json", "pdf"],
                                                   case_sensitive=False),
              default=None, help="File format (default: from the file's extension).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The file to write.")
@click.option("--since", default=None,
              help="Add every session started on/after this UTC date (trends across units).")
@click.option("--dut", default=None, help="Add every session of this DUT serial number.")
@click.option("--lang", type=click.Choice(["en", "nl", "fr"]), default=None,
              help="Language of the PDF report (default: the system language, else English).")
def command(db: str | None, sessions: tuple[str, ...], fmt: str | None, output: Path,
            since: str | None, dut: str | None, lang: str | None) -> None:
    """Export SESSIONS (ids, id prefixes or "latest") into one file.

    Several sessions, or --since/--dut, go into the same file so trends across units
    can be analysed; `--format pdf` writes the certificate-style report.
    """
    from meterlab.errors import UsageError
    from meterlab.export import export_sessions, guess_format, select_sessions

    if not sessions and not since and not dut:
        raise UsageError("Name a session (an id prefix or 'latest'), or use --since/--dut. "
                         "List them with `meterlab sessions`.")
    f = guess_format(output, fmt)
    with open_existing(db) as store:
        ids = select_sessions(store, sessions, since=since, dut=dut)
        path = export_sessions(store, ids, output, f, lang)
        n = sum(store.session(i).n_readings for i in ids)
    click.echo(f"Wrote {len(ids)} session(s), {n:,} readings, to {path} ({f}).")
