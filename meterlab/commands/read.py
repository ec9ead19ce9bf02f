"""Read a multimeter: one line per reading, judged against a limit, saved as CSV and session.

The readings come through the acquisition engine: a fast buffered stream when no
--interval is given (nothing the meter measures is dropped), one reading per
interval otherwise. Printing, CSV and the session all happen on the main thread,
fed by a queue, so a slow terminal never holds the meter back and Ctrl-C can stop
everything at a clean line boundary: the CSV ends with a complete row, the
session is finished, and the exit code still says whether anything failed.

Why one long module: `meterlab read` streams, prints, writes CSV, records a session and
must stop cleanly on Ctrl-C or SIGTERM keeping every reading; those paths share one
run's state.
"""

from __future__ import annotations

import contextlib
import math
import os
import queue
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

import click
import numpy as np

from meterlab.commands._common import (
    MAX_COUNT,
    MAX_SECONDS,
    MAX_TIMEOUT,
    db_option,
    visa_option,
)
from meterlab.errors import (
    ConnectionLost,
    InstrumentError,
    LimitError,
    MeterlabError,
    StoreError,
    UsageError,
)
from meterlab.readings import ReadingBatch, Verdict

if TYPE_CHECKING:
    from meterlab.acquire import StatusEvent
    from meterlab.drivers.dmm import Multimeter
    from meterlab.store import SessionStore, SessionWriter
    from meterlab.tolerance import Limit

CSV_HEADER = ("timestamp_utc", "value", "unit", "overload", "verdict")
DIGITS = 5
#: Verdicts that make `read --limit` exit 1: the reading is outside, or there is no number.
FAILING = (Verdict.FAIL, Verdict.OVERLOAD, Verdict.ERROR)
_COLOURS = {Verdict.PASS: "green", Verdict.MARGINAL: "yellow", Verdict.INDETERMINATE: "yellow",
            Verdict.FAIL: "red", Verdict.OVERLOAD: "red", Verdict.ERROR: "magenta"}
#: A run expected to take longer than this (seconds) shows a progress bar on a terminal.
LONG_RUN_S = 3.0
#: Seconds a stop request waits for the engine to hand on the meter's last readings.
STOP_GRACE_S = 5.0


@click.command("read")
@click.argument("resource")
@click.option("--function", "function", default="VOLT:DC", show_default=True,
              help="What to measure: VOLT:DC, VOLT:AC, CURR:DC, CURR:AC, RES, FRES, FREQ, "
                   "PER, CAP, TEMP, CONT, DIOD.")
@click.option("--range", "range_text", default="auto", show_default=True,
              metavar="auto|VALUE", help='"auto", or the largest value to expect, e.g. "10 V", '
                                         '"100 mA", "10k".')
@click.option("--nplc", type=float, default=None, metavar="N",
              help="Integration time in power-line cycles (speed vs. noise), e.g. 0.02, 1, 10.")
@click.option("--autozero/--no-autozero", default=None,
              help="Auto-zero on (steadier) or off (twice as fast); default: the meter's own.")
@click.option("--count", type=click.IntRange(min=0, max=MAX_COUNT), default=1, show_default=True,
              help="How many readings (at most 10^12); 0 reads until Ctrl-C.")
@click.option("--interval", type=click.FloatRange(min=0, max=MAX_SECONDS, min_open=True),
              default=None,
              metavar="S", help="One reading every S seconds (default: as fast as the meter "
                                "measures at these settings).")
@click.option("--csv", "csv_path", default=None, metavar="FILE",
              help="Also write the readings to FILE (CSV, one row per reading).")
@click.option("--limit", "limit_text", default=None, metavar="LIMIT",
              help='Judge every reading, e.g. "3.3 V ±3 %", ">= 4.75 V", "4k7 ±5 %". '
                   "Exit code 1 when any reading fails.")
@click.option("--give-up", type=click.FloatRange(min=0, max=MAX_SECONDS), default=30.0,
              show_default=True, metavar="S",
              help="Seconds to keep reconnecting to a meter that dropped out.")
@click.option("--timeout", type=click.FloatRange(min=0.05, max=MAX_TIMEOUT), default=None,
              metavar="S",
              help="Seconds to wait for each answer (default: the instrument profile's).")
@click.option("--operator", default="", help="Who measures (recorded with the session).")
@click.option("--dut", "dut_serial", default="", help="Serial number of the unit under test.")
@click.option("--no-store", is_flag=True, help="Do not record the readings as a session.")
@db_option
@visa_option
def command(resource: str, function: str, range_text: str, nplc: float | None,
            autozero: bool | None, count: int,
            interval: float | None, csv_path: str | None, limit_text: str | None,
            give_up: float, timeout: float | None, operator: str, dut_serial: str,
            no_store: bool, db: str | None, backend: str | None) -> None:
    """Take readings from the multimeter at RESOURCE and print one line per reading.

    Each line holds the UTC time, the value with its unit (3.3012 V, 42.070 mA,
    OVERLOAD) and, with --limit, the verdict. Ctrl-C ends a run cleanly: the CSV
    and the session keep every reading taken. Exit 0 when all is well, 1 when a
    reading failed its limit, 2 on an error.
    """
    setup = _Setup.parse(function, range_text, nplc, limit_text, autozero)
    timeout_ms = None if timeout is None else int(timeout * 1000)
    meter = _open_meter(resource, backend, setup, timeout_ms)
    idn = meter.identify()
    run = _Run(setup=setup, resource=resource, model=idn.model or "multimeter")
    try:
        if csv_path:
            run.csv = _open_csv(csv_path)
            run.csv_path = csv_path
        if not no_store:
            run.store, run.writer = _begin_session(db, meter, setup, operator, dut_serial)
    except BaseException:
        run.close_files()
        meter.close()
        raise

    def reopen() -> Multimeter:
        m = _open_meter(resource, backend, setup, timeout_ms)
        new = m.identify()
        if (new.model, new.serial) != (idn.model, idn.serial):
            m.close()
            raise UsageError(f"After reconnecting, {resource} answers as {new} instead of {idn}; "
                             "meterlab stopped so readings of two instruments are not mixed.")
        return m

    per_reading = interval if interval is not None else meter.reading_interval()
    long_run = count == 0 or count * per_reading >= LONG_RUN_S
    run.execute(_opener(meter, reopen), count=count, interval=interval, give_up=give_up,
                progress=long_run and sys.stdout.isatty())
    sys.exit(1 if run.failed else 0)


# -- setup ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Setup:
    function: str
    unit: str
    range: float | str
    nplc: float | None
    limit: Limit | None
    autozero: bool | None = None

    @staticmethod
    def parse(function: str, range_text: str, nplc: float | None,
              limit_text: str | None, autozero: bool | None = None) -> _Setup:
        """Check every option before anything is measured: a mistake costs no readings."""
        from meterlab.tolerance import parse_limit
        from meterlab.units import function_unit, normalise_function, parse_quantity

        key = normalise_function(function)
        unit = function_unit(key)
        rng: float | str = "auto"
        if range_text.strip().lower() not in ("auto", ""):
            try:
                value, got = parse_quantity(range_text, unit)
            except LimitError as exc:
                raise UsageError(f"--range: {exc}") from None
            if got != unit:
                raise UsageError(f'--range "{range_text}" is in {got}, but {key} reads in '
                                 f"{unit}.")
            if not value > 0:
                raise UsageError(f'--range "{range_text}": give the largest value to expect, '
                                 'a positive number, or "auto".')
            rng = value
        if nplc is not None and not (math.isfinite(nplc) and nplc > 0):
            raise UsageError(f"--nplc {nplc:g}: give a positive number of power-line cycles.")
        limit = None
        if limit_text is not None:
            try:
                limit = parse_limit(limit_text, unit)
            except LimitError as exc:
                raise UsageError(f"--limit: {exc} (--function {key} reads in {unit})") from None
        return _Setup(key, unit, rng, nplc, limit, autozero)


def _open_meter(resource: str, backend: str | None, setup: _Setup,
                timeout_ms: int | None) -> Multimeter:
    """Open, identify and configure; the engine calls this again after a loss."""
    from meterlab.bench.instruments import open_dmm

    meter = open_dmm(resource, backend=backend, timeout_ms=timeout_ms)
    try:
        meter.configure(setup.function, range=setup.range, nplc=setup.nplc,
                        autozero=setup.autozero)
    except BaseException:
        meter.close()
        raise
    return meter


def _opener(first: Multimeter, reopen: Callable[[], Multimeter]) -> Callable[[], Multimeter]:
    """The meter already opened (so a bad address fails before the run), then fresh ones."""
    pending = [first]

    def open_meter() -> Multimeter:
        return pending.pop() if pending else reopen()

    return open_meter


def _open_csv(path: str) -> IO[str]:
    try:
        fh = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by _Run
    except OSError as exc:
        raise UsageError(f"Cannot write the CSV file {path}: {exc.strerror or exc}. Choose "
                         "another folder or file name.") from None
    fh.write(",".join(CSV_HEADER) + "\r\n")
    fh.flush()
    return fh


def _begin_session(db: str | None, meter: Multimeter, setup: _Setup, operator: str,
                   dut_serial: str) -> tuple[SessionStore, SessionWriter]:
    from meterlab.bench.session import start_session

    settings = [setup.function, f"range {setup.range}"]
    if setup.nplc is not None:
        settings.append(f"NPLC {setup.nplc:g}")
    if setup.autozero is not None:
        settings.append(f"autozero {'on' if setup.autozero else 'off'}")
    session = start_session(db, kind="read", operator=operator, dut_serial=dut_serial,
                            notes=f"meterlab read {meter.conn.resource}: " + ", ".join(settings),
                            instruments=[("dmm", meter.conn)])
    for warning in session.warnings:
        click.echo(f"Warning: {warning}", err=True)
    try:
        if setup.limit is not None:
            lim = setup.limit
            session.writer.add_check(check_id="read", title=f"{setup.function} readings",
                                     function=setup.function, unit=setup.unit,
                                     limit_text=lim.text, lower=lim.lower, upper=lim.upper,
                                     nominal=lim.nominal)
    except BaseException:
        session.close_store()
        raise
    return session.store, session.writer


# -- the run ---------------------------------------------------------------------------------


@dataclass
class _Run:
    """One `meterlab read`: the engine on its thread, everything else on this one."""

    setup: _Setup
    resource: str
    model: str
    csv: IO[str] | None = None
    csv_path: str = ""
    store: SessionStore | None = None
    writer: SessionWriter | None = None
    readings: int = 0
    counts: dict[Verdict, int] = field(default_factory=dict)
    store_warned: bool = False
    stdout_ok: bool = True
    away: bool = False  # the meter is lost and the engine is reconnecting
    back: bool = False  # the next batch follows a reconnect (its gap is already explained)

    @property
    def failed(self) -> bool:
        return any(self.counts.get(v, 0) for v in FAILING)

    def execute(self, open_meter: Callable[[], Multimeter], *, count: int,
                interval: float | None, give_up: float, progress: bool) -> None:
        from meterlab.acquire import Acquisition

        inbox: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        acq = Acquisition(open_meter, interval=interval, name=self.model, count=count or None,
                          give_up=give_up)
        acq.subscribe(lambda b: inbox.put(("batch", b)))
        acq.on_status(lambda e: inbox.put(("status", e)))
        stop = threading.Event()
        interrupted = False
        ended = False
        stop_by = math.inf
        with _stop_signals(stop), _progress(progress, count) as advance:
            acq.start()
            try:
                while True:
                    if stop.is_set() and not interrupted:
                        interrupted = True
                        _err("Stopping… (the readings taken so far are being saved)")
                        # The engine drains the meter into the inbox first; it is asked, not
                        # waited for, so a meter that hangs cannot hold the stop for long.
                        acq.stop(timeout=0)
                        stop_by = time.monotonic() + STOP_GRACE_S
                    try:
                        kind, item = inbox.get(timeout=0.1)
                    except queue.Empty:
                        if not acq.running:
                            break
                        if time.monotonic() > stop_by:
                            _err("The meter did not finish in time; saving what was read.")
                            break
                        continue
                    if kind == "batch":
                        self.take(item)
                        advance(len(item))
                        if not self.stdout_ok:
                            stop.set()
                    else:
                        self.status(item)
                ended = True
            finally:
                acq.stop(timeout=1.0 if interrupted or not ended else 10.0)
                while True:  # anything the engine handed on while it stopped
                    try:
                        kind, item = inbox.get_nowait()
                    except queue.Empty:
                        break
                    if kind == "batch":
                        self.take(item)
                status = ("aborted" if not ended or acq.error is not None
                          or (interrupted and count != 0) else "complete")
                self.finish(status)
        self.summary()
        if acq.error is not None:
            advice = ""
            if isinstance(acq.error, InstrumentError) and not isinstance(acq.error,
                                                                         ConnectionLost):
                advice = (f" Check that {self.resource} is the multimeter you meant and that "
                          "no other program talks to it.")
            raise InstrumentError(f"{_first_sentence(str(acq.error))}. {self.kept()}{advice}",
                                  resource=self.resource)

    # -- one batch ---------------------------------------------------------------------

    def take(self, batch: ReadingBatch) -> None:
        n = len(batch)
        if n == 0:
            return
        verdicts = margins = None
        if self.setup.limit is not None:
            ev = self.setup.limit.evaluate(batch.values, overload=batch.overload)
            verdicts, margins = ev.verdicts, ev.margin
            for v, k in ev.counts().items():
                if k:
                    self.counts[v] = self.counts.get(v, 0) + k
        self.readings += n
        stamps = _iso(batch.t)
        # "fault": the readings the meter still held behind a bad reply; the line about
        # the fault itself follows at once, so a second line here would only confuse.
        if (batch.gap_before and not self.back and self.readings > n
                and batch.gap_reason != "fault"):
            if batch.gap_reason == "overflow":
                _err(f"Readings are missing before {stamps[0]}: the meter's memory overflowed "
                     "before meterlab could drain it (the gap is marked).")
            else:
                _err(f"Readings may be missing before {stamps[0]} (the gap is marked).")
        self.back = False
        if self.csv is not None:
            self.csv.write(_csv_rows(batch, stamps, verdicts))
            self.csv.flush()
        if self.writer is not None:
            try:
                self.writer.append(batch, check_id="read" if verdicts is not None else "",
                                   verdicts=verdicts, margins=margins)
            except StoreError as exc:  # kept in memory by the writer; tell once, go on
                if not self.store_warned:
                    self.store_warned = True
                    _err(f"Warning: {exc}")
        self.print_lines(batch, stamps, verdicts)

    def print_lines(self, batch: ReadingBatch, stamps: list[str],
                    verdicts: np.ndarray | None) -> None:
        from meterlab.units import format_si_many

        if not self.stdout_ok:
            return
        values = format_si_many(batch.values, batch.unit or self.setup.unit, DIGITS,
                                overload=batch.overload)
        colour = sys.stdout.isatty()
        if verdicts is None:
            lines = [f"{t}  {v:>12}" for t, v in zip(stamps, values, strict=True)]
        else:
            words = {int(v): _verdict_text(Verdict(v), colour) for v in Verdict}
            lines = [f"{t}  {v:>12}  {words[int(c)]}"
                     for t, v, c in zip(stamps, values, verdicts.tolist(), strict=True)]
        try:
            _write_all("\n".join(lines) + "\n")
        except BrokenPipeError:  # `meterlab read … | head`: the reader left; stop politely
            self.stdout_ok = False
            with contextlib.suppress(OSError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())

    def status(self, event: StatusEvent) -> None:
        from meterlab.acquire import State

        if event.state is State.RECONNECTING and not self.away:
            self.away = True  # said once per loss: the retries would only repeat it
            _err(f"{event.message} ({_first_sentence(event.error)})" if event.error
                 else event.message)
        elif event.state is State.RUNNING and self.away:
            self.away = False
            self.back = True
            _err(event.message if event.lossless or event.resumed else
                 f"The {self.model} answers again; reading on (the gap is marked).")

    # -- the end ---------------------------------------------------------------------

    def close_files(self) -> None:
        if self.csv is not None:
            with contextlib.suppress(OSError):
                self.csv.close()
        if self.store is not None:
            with contextlib.suppress(MeterlabError):
                self.store.close()

    def finish(self, status: str) -> None:
        try:
            if self.writer is not None:
                try:
                    self.writer.finish(status=status)
                except StoreError as exc:
                    _err(f"Warning: {exc}")
        finally:
            self.close_files()

    def kept(self) -> str:
        noun = "reading was" if self.readings == 1 else "readings were"
        where = []
        if self.csv_path:
            where.append(self.csv_path)
        if self.writer is not None:
            where.append(f"session {self.writer.id[:8]}"
                         + (f" ({self.store.path})" if self.store is not None else ""))
        if not where:
            return f"{self.readings} {noun} taken; none saved (no --csv, and --no-store)."
        return f"{self.readings} {noun} saved in {' and '.join(where)}."

    def summary(self) -> None:
        parts = [f"{self.readings} reading{'s' if self.readings != 1 else ''}"]
        if self.setup.limit is not None:
            judged = ", ".join(f"{k} {v.name.lower()}" for v, k in sorted(self.counts.items()))
            parts.append(f"{judged or 'none judged'} against {self.setup.limit.describe()}")
        if self.csv_path:
            parts.append(f"saved to {self.csv_path}")
        if self.writer is not None:
            parts.append(f"session {self.writer.id[:8]} recorded")
        _err("; ".join(parts) + ".")


# -- output helpers -------------------------------------------------------------------------


def _write_all(text: str) -> None:
    """Write every byte of `text` to stdout. An unbuffered stdout (python -u,
    PYTHONUNBUFFERED) hands a big write to the pipe in one call, and a signal (Ctrl-C)
    arriving while a full pipe blocks it returns a partial count that the text layer does
    not retry: the rest of a batch's lines (hundreds after a stall) would vanish from the
    output while the CSV and the session hold them."""
    out = sys.stdout
    raw = getattr(out, "buffer", None)
    if raw is None:  # replaced by a plain text stream (tests, an IDE): it writes it all
        out.write(text)
        out.flush()
        return
    out.flush()
    data = memoryview(text.encode(out.encoding or "utf-8", "replace"))
    while data:
        n = raw.write(data)
        if n is None:  # a non-blocking stdout that is full: wait for the reader
            time.sleep(0.005)
            continue
        data = data[n:]
    raw.flush()


def _err(text: str) -> None:
    with contextlib.suppress(OSError):
        click.echo(text, err=True)


def _first_sentence(text: str) -> str:
    """The part of an error that says what happened (the rest is advice for another moment)."""
    head, sep, _ = text.partition(". ")
    return head.rstrip(".") if sep else text.rstrip(".")


def _verdict_text(v: Verdict, colour: bool) -> str:
    text = f"{v.symbol} {v.name}"
    return click.style(text, fg=_COLOURS[v], bold=v >= Verdict.FAIL) if colour else text


def _iso(t: np.ndarray) -> list[str]:
    """UTC epoch seconds → "2026-11-28T13:55:01.123456Z" (µs: fast streams are 20 µs apart)."""
    us = np.round(np.asarray(t, dtype=np.float64) * 1e6).astype("int64").astype("datetime64[us]")
    return [s + "Z" for s in np.datetime_as_string(us, unit="us").tolist()]


def _csv_rows(batch: ReadingBatch, stamps: list[str], verdicts: np.ndarray | None) -> str:
    """Numbers as numbers (shortest exact form), OVERLOAD as text, nothing for no reading."""
    unit = batch.unit
    over = batch.overload.tolist()
    names = ([""] * len(batch) if verdicts is None
             else [Verdict(int(c)).name for c in verdicts.tolist()])
    rows = []
    for t, v, o, name in zip(stamps, batch.values.tolist(), over, names, strict=True):
        value = "OVERLOAD" if o else ("" if v != v else repr(v))
        rows.append(f"{t},{value},{unit},{int(o)},{name}\r\n")
    return "".join(rows)


@contextlib.contextmanager
def _stop_signals(stop: threading.Event) -> Iterator[None]:
    """Ctrl-C (and SIGTERM) ask for a clean stop; a second one of either stops at once."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_signal(signum: int, frame: object) -> None:
        if stop.is_set():
            from meterlab.cli import Terminated

            raise Terminated if signum == signal.SIGTERM else KeyboardInterrupt
        stop.set()

    old = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)


@contextlib.contextmanager
def _progress(show: bool, total: int) -> Iterator[Callable[[int], None]]:
    """A bar on stderr (rich) that keeps the reading lines above it; a no-op when hidden."""
    if not show:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = [TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    if total == 0:
        columns = [TextColumn("reading until Ctrl-C:"), TextColumn("{task.completed}"),
                   TimeElapsedColumn()]
    with Progress(*columns, console=Console(stderr=True), transient=True,
                  redirect_stdout=True) as bar:
        task = bar.add_task("read", total=total or None)
        yield lambda n: bar.advance(task, n)
