"""Check that recorded sessions were not altered since they were written (exit 1 if any were)."""

from __future__ import annotations

import sys

import click

from meterlab.commands.sessions import db_option, open_existing


@click.command("verify")
@db_option
@click.argument("session", required=False)
def command(db: str | None, session: str | None) -> None:
    """Recompute the SHA-256 chain of SESSION (an id, id prefix or "latest"), or of every
    session, and report each one whose stored records no longer match.

    Exit 0 when every session is intact, 1 when any was altered.
    """
    from rich.console import Console
    from rich.markup import escape

    with open_existing(db) as store:
        results = store.verify(session)
        path = store.path
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 132)
    bad = [r for r in results if not r.ok]
    for r in results:
        if r.ok:
            fin = f"final hash {r.final_hash}" if r.final_hash else "still being written"
            console.print(f"[green]✔ intact[/]  {escape(r.session_id[:8])}  {escape(r.status)}, "
                          f"{r.records} "
                          f"records, {fin}")
        else:
            console.print(f"[bold red]✘ ALTERED[/] {escape(r.session_id)}  ({escape(r.status)})")
            for p in r.problems:
                console.print(f"           – {escape(p)}")
    if not results:
        console.print(f"No sessions in {escape(str(path))}.")
    if bad:
        console.print(f"[bold red]{len(bad)} of {len(results)} session(s) were altered after "
                      f"recording.[/] Do not use them as evidence; keep this database as it is "
                      f"and compare it with a backup copy.")
        raise SystemExit(1)
    if results:
        console.print(f"All {len(results)} session(s) intact.")
