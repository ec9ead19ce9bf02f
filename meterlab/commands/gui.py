"""Open the meterlab window, optionally on given instruments or the simulated bench.

`meterlab` alone does the same with the last instruments used; this command
names them: `meterlab gui --dmm TCPIP::127.0.0.1::5025::SOCKET`.
"""

from __future__ import annotations

import sys

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
    from meterlab.sim.process import start_for_window

    bench = start_for_window(demo and not dmm)  # comes up while Qt loads
    try:
        from meterlab.gui.preflight import check_display

        check_display()
        from meterlab.cli import window_takes_sigterm
        from meterlab.gui.app import run  # Qt loads only when the window is wanted
    except BaseException:
        if bench is not None:
            bench.stop()
        raise
    window_takes_sigterm()

    ctx.exit(run([sys.argv[0]], demo=demo, dmm=dmm, scope=scope, db_path=db, bench=bench))
