"""Save the oscilloscope's screen as an image file (PNG or BMP, as the scope sends it)."""

from __future__ import annotations

from pathlib import Path

import click

from meterlab.errors import UsageError


@click.command("screenshot")
@click.argument("resource")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False),
              help="Image file to write, e.g. scope.png.")
@click.option("--visa", "backend", default=None, metavar="BACKEND",
              help="VISA backend: @py (built in, default) or @ivi (system VISA).")
def command(resource: str, out: str, backend: str | None) -> None:
    """Save the scope's screen to an image file.

    The image is written exactly as the scope sends it. If its format differs from
    the file name's extension (a BMP asked to be saved as .png), the extension is
    corrected rather than the file mislabelled, and the name used is printed.
    """
    from meterlab.bench.instruments import open_scope
    from meterlab.drivers.scope import image_format

    path = Path(out)
    if not path.parent.is_dir():
        raise UsageError(f"The folder {path.parent} does not exist; create it or choose another.")
    with open_scope(resource, backend=backend) as scope:
        data = scope.screenshot()
    kind = image_format(data)
    suffix = {"jpeg": ".jpg", "tiff": ".tif"}.get(kind, f".{kind}")
    if path.suffix.lower() not in (suffix, ".jpeg" if kind == "jpeg" else suffix):
        path = path.with_suffix(suffix)
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UsageError(f"Could not write {path}: {exc.strerror or exc}.") from None
    click.echo(f"Saved the screen of {resource} ({kind.upper()}, {len(data):,} bytes) to {path}.")
