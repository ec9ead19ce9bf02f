"""Pieces the measuring commands share: options, opening instruments, printing user text."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from meterlab.drivers.dmm import Multimeter
    from meterlab.drivers.scope import Oscilloscope
    from meterlab.sim import SimulatedBench


#: Upper bounds of numeric options. Past them a value is a typo, not a wish, and left
#: unchecked it overflows later (1e308 s in milliseconds is inf; a count of 10^23 sends the
#: driver searching divisors for hours): refuse it at once, naming the option.
MAX_TIMEOUT = 3600.0          # s per answer: an hour is already far beyond any instrument
MAX_SECONDS = 7 * 86400.0     # s for intervals and give-up times: a week
MAX_COUNT = 10**12            # readings: 230 days at 50 kSa/s
MAX_POINTS = 2_000_000_000    # waveform points per channel: beyond any scope's memory


def visa_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--visa", "backend", envvar="METERLAB_VISA", default=None, metavar="BACKEND",
        help='VISA backend: "@py" (pyvisa-py, the default) or "@ivi" for a system VISA '
             "(NI, Keysight, R&S). Also METERLAB_VISA.",
    )(f)


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db", "db", envvar="METERLAB_DB", default=None, metavar="PATH",
        help="Session database: an SQLite file or a lab database postgresql://user@host:port/"
             "dbname (default: your user data folder; also METERLAB_DB).",
    )(f)


def timeout_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """--timeout S: seconds to wait for each answer. A short one makes a silent or stalled
    instrument cost seconds rather than the profile's (5 s a question, 20 s a block)."""
    return click.option(
        "--timeout", type=click.FloatRange(min=0.05, max=MAX_TIMEOUT), default=None,
        metavar="S", help="Seconds to wait for each answer (default: the instrument profile's).",
    )(f)


def timeout_ms(timeout: float | None) -> int | None:
    """--timeout in seconds → the connection's milliseconds (None: the profile's)."""
    return None if timeout is None else max(1, int(timeout * 1000))


def open_dmm(resource: str, backend: str | None, timeout_ms: int | None = None) -> Multimeter:
    """`meterlab.bench.instruments.open_dmm` (kept for callers of the old name)."""
    from meterlab.bench.instruments import open_dmm as open_

    return open_(resource, backend=backend, timeout_ms=timeout_ms)


def open_scope(resource: str, backend: str | None,
               timeout_ms: int | None = None) -> Oscilloscope:
    """`meterlab.bench.instruments.open_scope` (kept for callers of the old name)."""
    from meterlab.bench.instruments import open_scope as open_

    return open_(resource, backend=backend, timeout_ms=timeout_ms)


@dataclass
class Instruments:
    dmm: Multimeter | None
    scope: Oscilloscope | None
    bench: SimulatedBench | None

    @property
    def simulated(self) -> bool:
        return self.bench is not None


@contextlib.contextmanager
def instruments(dmm: str | None, scope: str | None, backend: str | None, *,
                need_dmm: bool = True, need_scope: bool = True, seed: int = 0,
                faults: tuple[str, ...] = (), timeout_ms: int | None = None,
                ) -> Iterator[Instruments]:
    """Open the given instruments, or start the simulated bench in-process when none is given."""
    bench = None
    if dmm is None and scope is None:
        from meterlab.errors import UsageError
        from meterlab.sim import SimulatedBench
        from meterlab.sim.board import FAULTS

        unknown = [f for f in faults if f.lower() not in FAULTS]
        if unknown:
            raise UsageError(f"unknown fault {unknown[0]!r}; choose from {', '.join(FAULTS)}")
        faults = tuple(f.lower() for f in faults)

        bench = SimulatedBench(seed=seed, faults=faults).start()
        dmm = bench.dmm_resource if need_dmm else None
        scope = bench.scope_resource if need_scope else None
    elif faults:
        from meterlab.errors import UsageError

        raise UsageError("--fault switches faults on the in-process simulated bench; with "
                         "--dmm/--scope given, send SIMulation:FAULt to that bench instead.")
    opened: list[Any] = []
    try:
        d = open_dmm(dmm, backend, timeout_ms) if dmm and need_dmm else None
        if d is not None:
            opened.append(d.conn)
        s = open_scope(scope, backend, timeout_ms) if scope and need_scope else None
        if s is not None:
            opened.append(s.conn)
        yield Instruments(d, s, bench)
    finally:
        for conn in opened:
            with contextlib.suppress(Exception):
                conn.close()
        if bench is not None:
            bench.stop()


# C0 controls (newline aside), DEL and C1: an ESC typed into --operator or --dut must not
# recolour or clear the technician's terminal when it is printed back.
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x0A), *range(0x0B, 0x20),
                                        *range(0x7F, 0xA0))}
# Bidirectional and invisible format characters: a right-to-left override (U+202E) in an
# operator name reverses the rest of the table row on screen, a zero-width space makes two
# serials that look equal differ. Shown as \\uXXXX so what is stored is what is seen.
_FORMATS = (0x061C, 0x00AD, *range(0x200B, 0x2010), *range(0x2028, 0x202F),
            *range(0x2060, 0x2065), *range(0x2066, 0x2070), 0xFEFF, *range(0xFFF9, 0xFFFC))
_CONTROLS.update({c: f"\\u{c:04x}" for c in _FORMATS})


def shown(text: object) -> str:
    """User-typed text for rich output: markup escaped ("[/bold]" in a DUT serial is text,
    not a tag that breaks the print), control, bidi and invisible format characters made
    visible as \\xNN / \\uXXXX."""
    from rich.markup import escape

    return escape(str(text).translate(_CONTROLS))
