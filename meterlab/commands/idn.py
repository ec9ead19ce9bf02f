"""Identify the instrument at RESOURCE: maker, model, serial, firmware and matching profile.

Exit 2 (after printing what the instrument said) when no profile describes it:
meterlab could not drive it, and a script checking an address should learn that
from the exit code, not by reading text.
"""

from __future__ import annotations

import click

from meterlab.commands._common import MAX_TIMEOUT, visa_option


@click.command("idn")
@click.argument("resource")
@click.option("--timeout", type=click.FloatRange(min=0.05, max=MAX_TIMEOUT), default=None,
              metavar="S",
              help="Seconds to wait for the answer (default: 5, or the instrument profile's).")
@visa_option
def command(resource: str, timeout: float | None, backend: str | None) -> None:
    """Ask the instrument at RESOURCE who it is (*IDN?) and which profile drives it."""
    from meterlab import paths
    from meterlab.bench.instruments import identify
    from meterlab.errors import NoProfile

    found = identify(resource, backend=backend,
                     timeout_ms=None if timeout is None else int(timeout * 1000))
    idn, profile = found.idn, found.profile
    rows = [("Maker", idn.maker), ("Model", idn.model), ("Serial", idn.serial or "—"),
            ("Firmware", idn.firmware or "—")]
    if profile is not None:
        kind = {"dmm": "multimeter", "scope": "oscilloscope"}.get(profile.kind, profile.kind)
        rows.append(("Profile", f"{profile.name} ({kind}, {_shown_path(profile.path)})"))
    else:
        rows.append(("Profile", "no profile matches — add one in "
                                f"{paths.user_dir('instruments')}"))
    rows.append(("Resource", resource.strip()))
    for key, value in rows:
        click.echo(f"{key + ':':<10} {value}")
    if profile is None:
        raise NoProfile(
            f"No profile matches '{idn.maker}, {idn.model}' at {resource.strip()}. To use it, "
            f"add a profile in {paths.user_dir('instruments')} (copy a shipped one from a "
            "similar model and change [identify].models).", resource=resource)


def _shown_path(path: object) -> str:
    """Shipped profiles by their short name; user profiles with their full path."""
    from pathlib import Path

    from meterlab import paths

    p = Path(str(path))
    shipped = paths.shipped_dir("instruments")
    try:
        return f"instruments/{p.relative_to(shipped)}"
    except ValueError:
        return str(p)
