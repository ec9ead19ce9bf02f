"""Add meterlab to the desktop's application menu (Linux), with its icon."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import click

from meterlab.errors import UsageError


def _data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share (the freedesktop.org base directory default)."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def _executable() -> str:
    """The absolute path of this `meterlab` command, so the menu entry works without PATH
    (a `uv tool install` puts it in ~/.local/bin, which a desktop session may not search)."""
    found = shutil.which("meterlab")
    if found:
        return str(Path(found).resolve())
    argv0 = Path(sys.argv[0])
    return str(argv0.resolve()) if argv0.name.startswith("meterlab") else "meterlab"


@click.command("install-desktop")
def command() -> None:
    """Install meterlab.desktop and the application icon for this user.

    Writes applications/meterlab.desktop and icons/hicolor/{scalable,256x256}/apps/ under
    $XDG_DATA_HOME (~/.local/share); the desktop picks them up at the next login or at
    once on most desktops. Remove those three files to undo it.
    """
    from meterlab.paths import shipped_dir

    if not sys.platform.startswith(("linux", "freebsd")):
        raise UsageError("Menu entries are written for Linux desktops only. On Windows and "
                         "macOS start meterlab from a terminal, or pin that terminal command.")
    ui = shipped_dir("ui")
    entry = (ui / "meterlab.desktop").read_text(encoding="utf-8")
    exe = _executable()
    quoted = f'"{exe}"' if " " in exe else exe
    entry = entry.replace("\nExec=meterlab\n", f"\nExec={quoted}\n")
    home = _data_home()
    targets = {
        home / "applications" / "meterlab.desktop": entry.encode("utf-8"),
        home / "icons" / "hicolor" / "scalable" / "apps" / "meterlab.svg":
            (ui / "meterlab.svg").read_bytes(),
        home / "icons" / "hicolor" / "256x256" / "apps" / "meterlab.png":
            (ui / "meterlab.png").read_bytes(),
    }
    for path, data in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        click.echo(f"wrote {path}")
    click.echo(f"meterlab is in the application menu (it runs {exe}).")
