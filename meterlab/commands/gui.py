"""Open the meterlab window, optionally on given instruments or the simulated bench.

`meterlab` alone does the same with the last instruments used; this command
names them: `meterlab gui --dmm TCPIP::127.0.0.1::5025::SOCKET`.
"""

from __future__ import annotations

import click


@click.command(name="gui")
@click.option("--dmm", "dmm", metavar="RESOURCE", help="VISA resource of the multimeter.")
@click.option("--scope", "scope", metavar="RESOURCE", help="VISA resource of the oscilloscope.")
@click.option("--demo", is_flag=True, help="Use the simulated bench instead of instruments.")
@click.option("--db", "db", default=None, metavar="PATH|URL",
              help="Session database the window records to and browses: a file, or a lab "
                   "database postgresql://user@host:port/dbname (password from ~/.pgpass).")
@click.pass_context
def command(ctx: click.Context, dmm: str | None, scope: str | None, demo: bool,
            db: str | None) -> None:
    """Open the meterlab window."""
    from meterlab.cli import open_window

    ctx.exit(open_window(demo=demo, dmm=dmm, scope=scope, db_path=db))
