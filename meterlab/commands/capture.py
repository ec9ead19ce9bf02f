"""Capture scope channels (analog and digital) to a .csv, .npz or .parquet file."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from meterlab.commands._common import MAX_POINTS, timeout_ms, timeout_option
from meterlab.errors import InstrumentError, MeterlabError, UsageError

if TYPE_CHECKING:
    from meterlab.capture_io import Capture
    from meterlab.drivers.scope import Oscilloscope

_RANGE = re.compile(r"^(CH|D)(\d+)\s*-\s*(?:CH|D)?(\d+)$", re.IGNORECASE)


def parse_channels(text: str) -> tuple[list[str], list[int]]:
    """'CH1,CH2,D0-D7' → (['CH1', 'CH2'], [0, …, 7]); ranges work for CH and D."""
    from meterlab.drivers.scope_dialect import canonical_source

    analog: list[str] = []
    digital: list[int] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        m = _RANGE.match(part)
        names = (
            [f"{m.group(1).upper()}{i}" for i in range(int(m.group(2)), int(m.group(3)) + 1)]
            if m else [part]
        )
        if m and int(m.group(3)) < int(m.group(2)):
            raise UsageError(f"Channel range '{part}' runs backwards; write it low-high.")
        for name in names:
            src = canonical_source(name)
            if src.startswith("CH") and src not in analog:
                analog.append(src)
            elif src.startswith("D") and int(src[1:]) not in digital:
                digital.append(int(src[1:]))
            elif not src.startswith(("CH", "D")):
                raise UsageError(f"'{name}' cannot be captured; use CH1…CH4 and D0…D15.")
    if not analog and not digital:
        raise UsageError("No channels given; use e.g. --channels CH1,CH2,D0-D7.")
    return analog, sorted(digital)


def _si(value: float, unit: str) -> str:
    from quantiphy import Quantity

    return Quantity(value, unit).render(prec=3)


@click.command("capture")
@click.argument("resource")
@click.option("--channels", default="CH1", show_default=True,
              help="Comma-separated sources: CH1…CH4 and D0…D15, ranges like D0-D7.")
@click.option("--memory", is_flag=True,
              help="Read the whole acquisition memory (stops the scope) instead of the screen.")
@click.option("--points", type=click.IntRange(min=1, max=MAX_POINTS), default=None,
              help="Read at most this many points per channel.")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False),
              help="File to write: .csv, .npz or .parquet.")
@click.option("--visa", "backend", default=None, metavar="BACKEND",
              help="VISA backend: @py (built in, default) or @ivi (system VISA).")
@click.option("--float32", "single_precision", is_flag=True,
              help="Keep volts as float32 (halves memory for 24 Mpts records).")
@timeout_option
def command(resource: str, channels: str, memory: bool, points: int | None, out: str,
            backend: str | None, single_precision: bool, timeout: float | None) -> None:
    """Capture scope channels and save them with a time column, in volts and 0/1.

    Deep-memory reads show a progress bar on stderr. A memory read that breaks off
    (a stalled or dropped link) is read again while the scope still holds the record;
    if it cannot be, everything read up to then is written to the file, marked partial.
    """
    import numpy as np

    from meterlab.bench.instruments import open_scope
    from meterlab.capture_io import check_capture_path, save_capture
    from meterlab.drivers.scope import CaptureInterrupted

    analog, digital = parse_channels(channels)
    path = check_capture_path(out)
    mode = "memory" if memory else "screen"
    with open_scope(resource, backend=backend, timeout_ms=timeout_ms(timeout)) as scope, \
            _progress(enabled=memory) as bar:
        resume = False
        if digital and not scope.logic_enabled():
            resume = _switch_logic_on(scope, digital)
        try:
            capture = scope.capture(analog, digital, mode, points, bar.start,
                                    dtype=np.float32 if single_precision else np.float64)
            if resume and not memory:
                scope.run()
        except CaptureInterrupted as exc:
            if not exc.capture:
                raise
            save_capture(path, exc.capture)
            raise MeterlabError(
                f"{exc} What was read ({_summary(exc.capture)}) is saved in {path}."
            ) from None
    rows = max([len(w) for w in capture.waveforms] + [len(capture.digital or ())])
    if path.suffix.lower() == ".csv" and rows > 2_000_000:
        click.echo(f"Writing {rows:,} rows of CSV; this takes a while (.npz or .parquet "
                   "are far quicker for deep captures).", err=True)
    save_capture(path, capture)
    click.echo(f"Saved {_summary(capture)} to {path}.")


def _switch_logic_on(scope: Oscilloscope, lines: list[int]) -> bool:
    """The user asked for digital lines: switch the logic analyser on and take a fresh
    single acquisition that includes them, saying so (it changes the scope's setup).

    Returns whether the scope was running, so a screen capture can set it running again.
    Waiting for the single shot (rather than for a guessed frame time) is what makes
    the capture hold the lines even on a busy machine or a slow scope.
    """
    names = f"D{lines[0]}" if len(lines) == 1 else f"D{lines[0]}–D{lines[-1]}"
    click.echo(f"Switching the scope's logic analyser on for {names}.", err=True)
    was_running = scope.trigger_status() != "STOP"
    scope.set_logic(True, lines)
    scope.single()
    window = scope.timebase().scale * scope.spec.h_divisions
    try:
        scope.wait_for(("STOP",), timeout_s=max(1.0, 3 * window))
    except InstrumentError:
        click.echo("No trigger came; forcing one.", err=True)
        scope.force()
        scope.wait_for(("STOP",), timeout_s=max(5.0, 3 * window))
    return was_running


def _summary(capture: Capture) -> str:
    parts = []
    if capture.waveforms:
        w = capture.waveforms[0]
        if len({len(x) for x in capture.waveforms}) == 1:
            parts.append(f"{', '.join(x.source for x in capture.waveforms)}: {len(w):,} points "
                         f"at {_si(w.sample_rate, 'Sa/s')}")
        else:  # a read that broke off: the last channel is shorter, and must be said so
            parts.append(", ".join(f"{x.source}: {len(x):,} points" for x in capture.waveforms)
                         + f" at {_si(w.sample_rate, 'Sa/s')}")
    if capture.digital is not None:
        d = capture.digital
        names = ", ".join(f"D{c}" for c in d.channels)
        parts.append(f"{names}: {len(d):,} points at {_si(d.sample_rate, 'Sa/s')}")
    return "; ".join(parts) or "nothing"


class _progress:
    """A rich progress bar on stderr, one task per channel; silent when not wanted."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar = None

    def __enter__(self) -> _progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(),
                                MofNCompleteColumn(), TextColumn("points"), TimeRemainingColumn(),
                                console=Console(stderr=True), transient=False)
            self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)

    def start(self, name: str) -> Callable[[int, int], None] | None:
        """A progress(done, total) callback for one channel (None when silent)."""
        if self.bar is None:
            return None
        bar = self.bar
        task = bar.add_task(name, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return update
