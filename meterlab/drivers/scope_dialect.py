"""What every scope dialect adapter provides, and the small types they share.

The `Oscilloscope` driver is the same for every scope; where the SCPI really
differs between vendors (how a waveform is fetched and scaled, how digital pods
are packed, what a measurement is called) a `ScopeDialect` subclass speaks it.
An adapter gets the open connection and the profile's `ScopeSpec`; it never
judges or stores what it reads.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

import numpy as np

from meterlab.drivers.scope_profile import ScopeSpec
from meterlab.errors import InstrumentError, UsageError
from meterlab.scpi import format_number
from meterlab.vocabulary import find_scope_measurement
from meterlab.waveform import DigitalCapture, Waveform

#: progress(points_done, points_total) — called after every block of a long read.
Progress = Callable[[int, int], None]

TRIGGER_STATES = ("TD", "WAIT", "RUN", "AUTO", "STOP")
SLOPES = ("POS", "NEG", "EITHER")
SWEEPS = ("AUTO", "NORM", "SINGLE")
COUPLINGS = ("DC", "AC", "GND")


class Connection(Protocol):
    """What a dialect needs of `meterlab.visa.Connection`."""

    resource: str
    timeout_ms: int

    def write(self, command: str) -> None: ...
    def query(self, command: str) -> str: ...
    def query_binary_block(
        self, command: str, *, progress: Progress | None = None,
        expect_termination: bool = True,
    ) -> bytes: ...


@dataclass(frozen=True, slots=True)
class ChannelSetup:
    """One analog channel's vertical setup; scale and offset at the probe tip."""

    channel: int
    display: bool
    scale: float  # V/div
    offset: float  # V
    coupling: str  # DC, AC, GND
    probe: float  # attenuation ratio (10 for a 10:1 probe)


@dataclass(frozen=True, slots=True)
class TimebaseSetup:
    scale: float  # s/div
    offset: float  # s, trigger position relative to the screen centre


@dataclass(frozen=True, slots=True)
class TriggerSetup:
    source: str  # CH1…, D0…, EXT
    level: float  # V
    slope: str  # POS, NEG, EITHER
    sweep: str  # AUTO, NORM, SINGLE


class PartialCaptureError(InstrumentError):
    """A long read broke off; `partial` holds what arrived before it (never thrown away)."""

    def __init__(self, message: str, *, resource: str | None = None,
                 partial: Waveform | DigitalCapture | None = None) -> None:
        super().__init__(message, resource=resource)
        self.partial = partial
        self.done = 0  # points that arrived before the read broke off
        self.codes: np.ndarray | None = None  # those points as raw codes, for the adapter


# -- naming -----------------------------------------------------------------------------------

_ANALOG = re.compile(r"^(?:CH|CHAN|CHANNEL|C)?\s*([1-8])$", re.IGNORECASE)
_DIGITAL = re.compile(r"^(?:D|DIG|DIGITAL)\s*(1[0-5]|[0-9])$", re.IGNORECASE)


def canonical_source(name: str) -> str:
    """CH1…CH8, D0…D15, MATH or EXT from any common spelling (CHAN1, C1, channel1, DIG3)."""
    s = str(name).strip()
    if m := _ANALOG.match(s):
        return f"CH{m.group(1)}"
    if m := _DIGITAL.match(s):
        return f"D{int(m.group(1))}"
    if s.upper() in ("MATH", "EXT", "EXTERNAL", "AC", "ACLINE"):
        return {"EXTERNAL": "EXT", "ACLINE": "AC"}.get(s.upper(), s.upper())
    raise UsageError(f"'{name}' is not a scope source; use CH1…CH4, D0…D15, MATH or EXT.")


def reported_source(name: str) -> str:
    """A source the scope reported, in meterlab's spelling when it has one (CHAN1 → CH1),
    else as the scope said it (LINE, WGEN, EX5): a reading is never refused for a name."""
    try:
        return canonical_source(name)
    except UsageError:
        return name.strip().upper()


def normalise_slope(slope: str) -> str:
    s = slope.strip().upper()
    table = {"POS": "POS", "POSITIVE": "POS", "RISING": "POS", "RISE": "POS", "+": "POS",
             "NEG": "NEG", "NEGATIVE": "NEG", "FALLING": "NEG", "FALL": "NEG", "-": "NEG",
             "EITHER": "EITHER", "EITH": "EITHER", "BOTH": "EITHER", "RFAL": "EITHER",
             "ALT": "EITHER"}
    if s not in table:
        raise UsageError(f"Trigger slope '{slope}' is not one of rising, falling, either.")
    return table[s]


def normalise_sweep(sweep: str) -> str:
    s = sweep.strip().upper()
    table = {"AUTO": "AUTO", "NORM": "NORM", "NORMAL": "NORM", "SING": "SINGLE",
             "SINGLE": "SINGLE", "SINGL": "SINGLE"}
    if s not in table:
        raise UsageError(f"Trigger sweep '{sweep}' is not one of auto, normal, single.")
    return table[s]


def parse_float(text: str, what: str) -> float:
    """The first number in a reply ('C1:VDIV 5.00E-01V' → 0.5); InstrumentError if none."""
    m = re.search(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", text)
    if not m:
        raise InstrumentError(f"The scope answered {text.strip()[:40]!r} for {what}; "
                              "a number was expected.")
    return float(m.group(0))


# -- the adapter interface --------------------------------------------------------------------


class ScopeDialect:
    """Base of the vendor adapters. Subclasses implement the methods that raise here."""

    name = "generic"
    #: measurement name (`meterlab.vocabulary.SCOPE_MEASUREMENTS`) → this vendor's item
    measure_items: ClassVar[dict[str, str]] = {}

    def __init__(self, conn: Any, spec: ScopeSpec, *, resource: str | None = None) -> None:
        self.conn = conn
        self.spec = spec
        self.resource = resource
        # one acquisition conversation (select source, preamble, data) must not be
        # interleaved with another thread's: hold the connection's own (reentrant) lock.
        self.lock = getattr(conn, "lock", None) or threading.RLock()
        self.items = {**self.measure_items, **spec.measure_items}
        # settings waiting to travel in front of the next query, as one program message
        # (`:A 1;:B 2;:C?`): one packet and one round trip instead of one per command.
        self._queued: list[str] = []

    # compound messages ---------------------------------------------------------------------

    def queue(self, command: str) -> None:
        """Send `command` together with the next query()/block() (in order)."""
        self._queued.append(command)

    def drop_queued(self) -> None:
        """Forget settings queued for a message that never left (after a failure or a
        reconnect: sent later they would ride in front of an unrelated query)."""
        self._queued.clear()

    def _message(self, query: str) -> str:
        msg = ";".join([*self._queued, query])
        self._queued.clear()
        return msg

    def query(self, query: str) -> str:
        """conn.query with the queued settings in front, in one program message."""
        return self.conn.query(self._message(query))

    def block(self, query: str, **kw: Any) -> bytes:
        """conn.query_binary_block with the queued settings in front."""
        return self.conn.query_binary_block(self._message(query), **kw)

    # helpers -----------------------------------------------------------------------------

    def check_channel(self, n: int) -> None:
        if not 1 <= n <= self.spec.channels:
            raise UsageError(f"This scope has channels 1 to {self.spec.channels}, not {n}.")

    def check_lines(self, lines: Iterable[int]) -> tuple[int, ...]:
        out = tuple(sorted({int(x) for x in lines}))
        if not out:
            raise UsageError("No digital lines were asked for.")
        if self.spec.digital_channels == 0:
            raise UsageError("This scope has no digital (logic analyser) channels.")
        bad = [x for x in out if not 0 <= x < self.spec.digital_channels]
        if bad:
            raise UsageError(
                f"D{bad[0]} does not exist: this scope has D0…D{self.spec.digital_channels - 1}."
            )
        return out

    def item(self, generic: str) -> str:
        """This vendor's item for a measurement named as the vocabulary names it (any alias)."""
        found = find_scope_measurement(generic)
        key = found.name if found is not None else generic.strip().upper()
        if key not in self.items:
            known = ", ".join(sorted(self.items))
            raise UsageError(f"Measurement '{generic}' is not known for this scope; use one of "
                             f"{known}.")
        return self.items[key]

    def frombuffer(self, data: bytes, dtype: Any) -> np.ndarray:
        return np.frombuffer(data, dtype=dtype)

    # the interface -----------------------------------------------------------------------

    def run(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def single(self) -> None:
        raise NotImplementedError

    def force(self) -> None:
        raise NotImplementedError

    def trigger_status(self) -> str:
        raise NotImplementedError

    def set_channel(self, n: int, *, scale: float | None, offset: float | None,
                    coupling: str | None, probe: float | None, display: bool | None) -> None:
        raise NotImplementedError

    def channel(self, n: int) -> ChannelSetup:
        raise NotImplementedError

    def set_timebase(self, *, scale: float | None, offset: float | None) -> None:
        raise NotImplementedError

    def timebase(self) -> TimebaseSetup:
        raise NotImplementedError

    def set_edge_trigger(self, *, source: str | None, level: float | None, slope: str | None,
                         sweep: str | None) -> None:
        raise NotImplementedError

    def trigger(self) -> TriggerSetup:
        raise NotImplementedError

    def set_logic(self, enabled: bool, lines: Iterable[int] = ()) -> None:
        raise NotImplementedError

    def logic_enabled(self) -> bool:
        raise NotImplementedError

    def sample_rate(self) -> float:
        raise NotImplementedError

    def memory_depth(self) -> int:
        raise NotImplementedError

    def set_memory_depth(self, depth: int | None) -> None:
        raise UsageError("Setting the memory depth is not supported for this scope family yet; "
                         "set it on the scope's front panel.")

    def read_waveform(self, source: str, mode: str, points: int | None,
                      progress: Progress | None, dtype: type = np.float64) -> Waveform:
        raise NotImplementedError

    def read_digital(self, lines: tuple[int, ...], mode: str, points: int | None,
                     progress: Progress | None) -> DigitalCapture:
        raise NotImplementedError

    def measure_raw(self, item: str, source: str) -> float:
        """The scope's own number for `item` on `source` (9.9e37 passed through)."""
        raise NotImplementedError

    def screenshot(self) -> bytes:
        raise NotImplementedError


# -- the 10-field ASCII preamble (dialect A: Rigol DS1000Z and Keysight InfiniiVision) ---------


@dataclass(frozen=True, slots=True)
class Preamble:
    """`:WAV:PRE?` — format,type,points,count,xinc,xorigin,xref,yinc,yorigin,yref."""

    format: int
    type: int
    points: int
    count: int
    xinc: float
    xorigin: float
    xref: float
    yinc: float
    yorigin: float
    yref: float

    def t0(self, first_index: int = 0) -> float:
        """Time of sample `first_index` (0-based): (i − xref)·xinc + xorigin."""
        return (first_index - self.xref) * self.xinc + self.xorigin

    def as_meta(self) -> dict[str, float]:
        return {k: getattr(self, k) for k in self.__slots__}


def parse_preamble(text: str, resource: str | None = None) -> Preamble:
    parts = [p.strip() for p in text.strip().split(",")]
    try:
        if len(parts) != 10:
            raise ValueError
        ints = [int(float(p)) for p in parts[:4]]
        floats = [float(p) for p in parts[4:]]
    except ValueError:
        raise InstrumentError(
            f"The scope's waveform preamble {text.strip()[:80]!r} is not the 10 numbers "
            "expected (format,type,points,count,xinc,xorigin,xref,yinc,yorigin,yref).",
            resource=resource,
        ) from None
    pre = Preamble(*ints, *floats)
    if not pre.xinc > 0:
        raise InstrumentError(
            f"The scope's waveform preamble gives a time step of {pre.xinc!r} s; the "
            "channel may be off or nothing was acquired yet.", resource=resource,
        )
    return pre


def is_on(text: str) -> bool:
    """A SCPI boolean reply: 1, +1 or ON."""
    return text.strip().upper() in ("1", "+1", "ON")


class ChanTimebaseCommands:
    """`:CHANnel<n>:` and `:TIMebase` setup as Rigol DS1000Z and Keysight InfiniiVision
    share it; the two differ only in the words the class attributes name."""

    #: how `:CHAN<n>:DISP` is switched on and off
    display_words: ClassVar[tuple[str, str]] = ("ON", "OFF")
    #: the timebase scale and offset headers
    timebase_headers: ClassVar[tuple[str, str]] = (":TIM:SCAL", ":TIM:POS")
    #: what the offset header means, for error messages
    timebase_offset_name: ClassVar[str] = "the time position"

    # provided by ScopeDialect, which every user of this mixin also derives from
    conn: Connection
    lock: threading.RLock
    check_channel: Callable[[int], None]

    def set_channel(self, n: int, *, scale: float | None, offset: float | None,
                    coupling: str | None, probe: float | None, display: bool | None) -> None:
        self.check_channel(n)
        c = f":CHAN{n}"
        with self.lock:
            if probe is not None:  # first: the probe ratio rescales scale and offset
                self.conn.write(f"{c}:PROB {format_number(probe)}")
            if scale is not None:
                self.conn.write(f"{c}:SCAL {format_number(scale)}")
            if offset is not None:
                self.conn.write(f"{c}:OFFS {format_number(offset)}")
            if coupling is not None:
                self.conn.write(f"{c}:COUP {coupling}")
            if display is not None:
                on, off = self.display_words
                self.conn.write(f"{c}:DISP {on if display else off}")

    def channel(self, n: int) -> ChannelSetup:
        self.check_channel(n)
        c = f":CHAN{n}"
        with self.lock:
            q = self.conn.query
            return ChannelSetup(
                channel=n,
                display=is_on(q(f"{c}:DISP?")),
                scale=parse_float(q(f"{c}:SCAL?"), "the vertical scale"),
                offset=parse_float(q(f"{c}:OFFS?"), "the offset"),
                coupling=q(f"{c}:COUP?").strip().upper(),
                probe=parse_float(q(f"{c}:PROB?"), "the probe ratio"),
            )

    def set_timebase(self, *, scale: float | None, offset: float | None) -> None:
        scale_h, offset_h = self.timebase_headers
        with self.lock:
            if scale is not None:
                self.conn.write(f"{scale_h} {format_number(scale)}")
            if offset is not None:
                self.conn.write(f"{offset_h} {format_number(offset)}")

    def timebase(self) -> TimebaseSetup:
        scale_h, offset_h = self.timebase_headers
        with self.lock:
            return TimebaseSetup(
                scale=parse_float(self.conn.query(f"{scale_h}?"), "the timebase"),
                offset=parse_float(self.conn.query(f"{offset_h}?"), self.timebase_offset_name),
            )
