"""The oscilloscope driver: one class for every scope, a small dialect adapter per vendor.

`Oscilloscope` checks arguments, picks the adapter the profile names, turns the
scope's invalid-measurement value (9.9e37) into NaN, and reads the error queue
after every setup so a refused setting is reported, never swallowed. The
adapters (`scope_rigol`, `scope_siglent`, `scope_keysight`) speak the SCPI.

Typical use::

    scope = Oscilloscope.open("TCPIP::127.0.0.1::5555::SOCKET")
    scope.stop()
    wf = scope.read_waveform("CH1", mode="memory", progress=print)
    lanes = scope.read_digital(range(8))
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar

import numpy as np

from meterlab.capture_io import Capture
from meterlab.drivers.scope_dialect import (
    COUPLINGS,
    ChannelSetup,
    PartialCaptureError,
    Progress,
    ScopeDialect,
    TimebaseSetup,
    TriggerSetup,
    canonical_source,
)
from meterlab.drivers.scope_keysight import KeysightInfiniiVision
from meterlab.drivers.scope_profile import ScopeSpec, validate
from meterlab.drivers.scope_rigol import RigolDS1000Z
from meterlab.drivers.scope_siglent import SiglentSDS1000XE
from meterlab.errors import InstrumentError, MeterlabError, UsageError
from meterlab.profiles import Profile, require_profile
from meterlab.readings import OVERLOAD_THRESHOLD
from meterlab.waveform import DigitalCapture, Waveform

if TYPE_CHECKING:
    from meterlab.visa import Connection

__all__ = [
    "Capture",
    "CaptureInterrupted",
    "ChannelSetup",
    "MeasurementInvalid",
    "Oscilloscope",
    "PartialCaptureError",
    "TimebaseSetup",
    "TriggerSetup",
    "image_format",
]

DIALECTS: dict[str, type[ScopeDialect]] = {
    "rigol-ds1000z": RigolDS1000Z,
    "siglent-sds1000xe": SiglentSDS1000XE,
    "keysight-infiniivision": KeysightInfiniiVision,
}

MODES = ("screen", "memory")


class MeasurementInvalid(InstrumentError):
    """The scope could not make the measurement (it answered 9.9e37)."""


class CaptureInterrupted(InstrumentError):
    """A multi-channel capture broke off; `capture` holds every channel read before it
    (and the part of the interrupted one that arrived), so nothing is thrown away."""

    def __init__(self, message: str, capture: Capture, *, resource: str | None = None) -> None:
        super().__init__(message, resource=resource)
        self.capture = capture


_Read = TypeVar("_Read", Waveform, DigitalCapture)


def _noted(exc: MeterlabError, note: str) -> MeterlabError:
    """`exc` with a sentence added; what it carries (the part read) stays with it."""
    exc.args = (f"{exc} {note}", *exc.args[1:])
    return exc


def _starts_with(whole: Waveform | DigitalCapture, part: Waveform | DigitalCapture) -> bool:
    a = whole.y if isinstance(whole, Waveform) else whole.lanes
    b = part.y if isinstance(part, Waveform) else part.lanes
    return len(b) <= len(a) and bool(np.array_equal(a[:len(b)], b))


def image_format(data: bytes) -> str:
    """'png', 'bmp', 'jpeg' or 'tiff' from the image's magic bytes; '' if unknown."""
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "png"
    if data[:2] == b"BM":
        return "bmp"
    if data[:3] == b"\xff\xd8\xff":
        return "jpeg"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    return ""


class Oscilloscope:
    """A connected scope, spoken to in the dialect its profile names."""

    def __init__(self, conn: Connection, profile: Profile | None = None) -> None:
        if profile is None:
            profile = getattr(conn, "profile", None)
            if profile is None or profile.kind != "scope":
                profile = require_profile(conn.idn, "scope", resource=conn.resource)
        if profile.kind != "scope":
            raise UsageError(
                f"{conn.resource} is described by the profile '{profile.name}', which is a "
                f"{profile.kind}, not an oscilloscope."
            )
        spec = profile.spec if isinstance(profile.spec, ScopeSpec) else validate(profile)
        self.conn = conn
        self.profile = profile
        self.spec: ScopeSpec = spec
        self.dialect: ScopeDialect = DIALECTS[spec.dialect](conn, spec, resource=conn.resource)

    @classmethod
    def open(cls, resource: str, *, backend: str | None = None,
             timeout_ms: int | None = None) -> Oscilloscope:
        """Open `resource`, identify it, and pick its profile."""
        from meterlab.visa import open_instrument

        conn = open_instrument(resource, backend=backend, timeout_ms=timeout_ms)
        try:  # the profile is matched once, for a scope (not first for any kind, then again)
            profile = require_profile(conn.idn, "scope", resource=conn.resource)
            conn.apply_profile(profile)
            return cls(conn, profile)
        except BaseException:
            conn.close()
            raise

    def close(self) -> None:
        self.conn.close()

    def forget_state(self) -> None:
        """After a reconnect: drop settings queued for a message that never left (the
        driver caches nothing else; every read selects its source and format afresh)."""
        self.dialect.drop_queued()

    def __enter__(self) -> Oscilloscope:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def resource(self) -> str:
        return str(self.conn.resource)

    @property
    def channels(self) -> int:
        return self.spec.channels

    @property
    def digital_channels(self) -> int:
        return self.spec.digital_channels

    # -- run control ---------------------------------------------------------------------

    def run(self) -> None:
        self.dialect.run()

    def stop(self) -> None:
        self.dialect.stop()

    def single(self) -> None:
        self.dialect.single()

    def force(self) -> None:
        """Trigger now, whether or not the trigger condition is met."""
        self.dialect.force()

    def trigger_status(self) -> str:
        """TD (triggered), WAIT, RUN, AUTO or STOP."""
        return self.dialect.trigger_status()

    def wait_for(self, states: Iterable[str] = ("STOP",), timeout_s: float = 10.0,
                 poll_s: float = 0.02) -> str:
        """Poll the trigger status until it is one of `states` (e.g. STOP after single())."""
        wanted = {s.upper() for s in states}
        deadline = time.monotonic() + timeout_s
        while True:
            state = self.trigger_status()
            if state in wanted:
                return state
            if time.monotonic() > deadline:
                raise InstrumentError(
                    f"The scope at {self.resource} stayed in state {state} for {timeout_s:g} s "
                    f"(waited for {', '.join(sorted(wanted))}). Check the trigger level and "
                    "source, or force a trigger.", resource=self.resource,
                )
            time.sleep(poll_s)

    # -- setup -------------------------------------------------------------------------------

    def set_channel(
        self,
        n: int,
        *,
        scale: float | None = None,
        offset: float | None = None,
        coupling: str | None = None,
        probe: float | None = None,
        display: bool | None = None,
    ) -> None:
        """Set channel n's vertical setup (scale V/div and offset V at the probe tip)."""
        if coupling is not None:
            coupling = coupling.strip().upper()
            if coupling not in COUPLINGS:
                raise UsageError(f"Coupling '{coupling}' is not one of DC, AC, GND.")
        for name, value in (("scale", scale), ("probe", probe)):
            if value is not None and not (math.isfinite(value) and value > 0):
                raise UsageError(f"Channel {n} {name} must be a positive number, not {value}.")
        if offset is not None and not math.isfinite(offset):
            raise UsageError(f"Channel {n} offset must be a number, not {offset}.")
        with self.dialect.lock:
            self.dialect.set_channel(n, scale=scale, offset=offset, coupling=coupling,
                                     probe=probe, display=display)
            self.conn.check_errors(f"the channel {n} setup")

    def channel(self, n: int) -> ChannelSetup:
        return self.dialect.channel(n)

    def set_timebase(self, *, scale: float | None = None, offset: float | None = None) -> None:
        """Horizontal scale (s/div) and trigger offset (s)."""
        if scale is not None and not (math.isfinite(scale) and scale > 0):
            raise UsageError(f"The timebase must be a positive number of s/div, not {scale}.")
        with self.dialect.lock:
            self.dialect.set_timebase(scale=scale, offset=offset)
            self.conn.check_errors("the timebase setup")

    def timebase(self) -> TimebaseSetup:
        return self.dialect.timebase()

    def set_edge_trigger(
        self,
        *,
        source: str | None = None,
        level: float | None = None,
        slope: str | None = None,
        sweep: str | None = None,
    ) -> None:
        """Edge trigger: source (CH1…/D0…/EXT), level (V), slope (rising/falling/either),
        sweep (auto/normal/single)."""
        with self.dialect.lock:
            self.dialect.set_edge_trigger(source=source, level=level, slope=slope, sweep=sweep)
            self.conn.check_errors("the trigger setup")

    def trigger(self) -> TriggerSetup:
        return self.dialect.trigger()

    def logic_enabled(self) -> bool:
        """Is the logic analyser (digital channels) switched on?"""
        return self.dialect.logic_enabled()

    def set_logic(self, enabled: bool, lines: Iterable[int] = ()) -> None:
        """Switch the logic analyser on or off and show the given lines D0…D15."""
        with self.dialect.lock:
            self.dialect.set_logic(enabled, tuple(lines))
            self.conn.check_errors("the logic analyser setup")

    def sample_rate(self) -> float:
        """Samples per second of the current acquisition settings."""
        return self.dialect.sample_rate()

    def memory_depth(self) -> int:
        """Points in the acquisition memory (what a memory read returns)."""
        return self.dialect.memory_depth()

    def set_memory_depth(self, depth: int | None) -> None:
        """Acquisition memory depth in points, or None for automatic."""
        if depth is not None and self.spec.memory_depths and depth not in self.spec.memory_depths:
            offered = ", ".join(f"{d:,}" for d in self.spec.memory_depths)
            raise UsageError(f"Memory depth {depth:,} is not one this scope offers ({offered}).")
        with self.dialect.lock:
            self.dialect.set_memory_depth(depth)
            self.conn.check_errors("the memory depth")

    # -- data --------------------------------------------------------------------------------

    def read_waveform(
        self,
        source: str,
        mode: str = "screen",
        points: int | None = None,
        progress: Progress | None = None,
        *,
        dtype: type = np.float64,
    ) -> Waveform:
        """One analog record in volts and seconds.

        mode "screen" reads what the display shows; "memory" reads the whole
        acquisition memory (stopping the scope first if it runs; the waveform's
        meta says so), in blocks of the profile's per-read limit, calling
        progress(done, total). `points` caps how many points are read. A read that
        breaks off raises PartialCaptureError whose `.partial` keeps what arrived.
        """
        if mode not in MODES:
            raise UsageError(f"Waveform mode must be 'screen' or 'memory', not {mode!r}.")
        if points is not None and points < 1:
            raise UsageError(f"Points must be at least 1, not {points}.")
        if np.dtype(dtype) not in (np.float64, np.float32):
            raise UsageError("Waveforms are float64 or float32.")
        return self.dialect.read_waveform(source, mode, points, progress,
                                          dtype=np.dtype(dtype).type)

    def read_digital(
        self,
        channels: Iterable[int | str],
        mode: str = "screen",
        points: int | None = None,
        progress: Progress | None = None,
    ) -> DigitalCapture:
        """Logic lines (numbers or D-names) as one DigitalCapture (bit n = Dn)."""
        if mode not in MODES:
            raise UsageError(f"Capture mode must be 'screen' or 'memory', not {mode!r}.")
        lines = []
        for c in channels:
            name = canonical_source(f"D{c}" if isinstance(c, int) else c)
            if not name.startswith("D"):
                raise UsageError(f"{c} is not a digital line; use D0…D15.")
            lines.append(int(name[1:]))
        return self.dialect.read_digital(self.dialect.check_lines(lines), mode, points, progress)

    def capture(
        self,
        analog: Iterable[str] = ("CH1",),
        digital: Iterable[int | str] = (),
        mode: str = "screen",
        points: int | None = None,
        progress: Callable[[str], Progress | None] | None = None,
        *,
        dtype: type = np.float64,
    ) -> Capture:
        """Read several analog channels and digital lines from one acquisition.

        In memory mode the scope is stopped once, first, so every channel comes from
        the same record. `progress(name)` may return a progress(done, total) callback
        for that channel. If a read fails, CaptureInterrupted carries everything read
        so far (including the part of the interrupted channel that arrived).
        """
        analog = [canonical_source(a) for a in analog]
        digital = list(digital)
        cap = Capture(meta={
            "instrument": str(self.conn.idn), "resource": self.resource, "mode": mode,
            "profile": self.profile.name,
            "captured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        })
        try:
            # held throughout, so no other thread can restart the scope between channels
            with self.dialect.lock:
                if mode == "memory" and self.trigger_status() != "STOP":
                    self.stop()
                    self.wait_for(("STOP",), timeout_s=5.0)
                    cap.meta["stopped_by_driver"] = True
                for src in analog:
                    cb = progress(src) if progress else None
                    cap.waveforms.append(self._read_twice_if_needed(
                        mode, lambda s=src, c=cb: self.read_waveform(s, mode, points, c,
                                                                     dtype=dtype)))
                if digital:
                    cb = progress("digital") if progress else None
                    cap.digital = self._read_twice_if_needed(
                        mode, lambda: self.read_digital(digital, mode, points, cb))
        except MeterlabError as exc:
            part = getattr(exc, "partial", None)
            if isinstance(part, Waveform):
                part.meta["partial"] = True
                cap.waveforms.append(part)
            elif isinstance(part, DigitalCapture):
                part.meta["partial"] = True
                cap.digital = part
            raise CaptureInterrupted(str(exc), cap, resource=self.resource) from exc
        return cap

    def _read_twice_if_needed(self, mode: str, read: Callable[[], _Read]) -> _Read:
        """A memory read that broke off (a stalled, garbled or dropped link) is read once
        more, whole, once the link is back in step (reopened if it was lost).

        Safe because a stopped scope's memory holds one record until someone starts it
        again: the second read returns the same points, and the part that arrived the
        first time must equal the start of it. If the scope is no longer stopped (it was
        restarted, or someone pressed RUN), the record is gone and the first failure is
        reported, with what arrived. The screen is not read again: it changes while the
        scope runs, so a second read would be another record.
        """
        try:
            return read()
        except UsageError:
            raise
        except MeterlabError as first:
            if mode != "memory":
                raise
            try:
                if getattr(self.conn, "lost", False):
                    self.conn.reconnect_briefly()
                self.forget_state()
                stopped = self.trigger_status() == "STOP"  # asking brings the link in step
            except MeterlabError:
                raise first from None
            if not stopped:
                raise _noted(first, "The scope no longer holds that record (it is not "
                                    "stopped: was it restarted?), so it was not read again.") \
                    from None
            again = read()
            part = getattr(first, "partial", None)
            if part is not None and not _starts_with(again, part):
                raise _noted(first, "Read again, the scope's record differed from the part "
                                    "read first, so neither is kept as whole.") from None
            return again

    def measure(self, item: str, source: str = "CH1", *, strict: bool = False) -> float:
        """The scope's own automatic measurement, by generic name (VPP, VRMS, FREQ, PDUT,
        RTIM, …), in base units; duty cycles as fractions 0…1 on every dialect. An invalid
        result (9.9e37: no signal, no edge) is NaN, or raises MeasurementInvalid with
        strict=True."""
        value = self.dialect.measure_raw(item, canonical_source(source))
        if math.isfinite(value) and abs(value) < OVERLOAD_THRESHOLD:
            return value
        if strict:
            raise MeasurementInvalid(
                f"The scope at {self.resource} could not measure {item.upper()} on "
                f"{canonical_source(source)} (no valid result). Check that the signal is on "
                "screen, with at least one full period for timing measurements.",
                resource=self.resource,
            )
        return float("nan")

    def screenshot(self) -> bytes:
        """The scope's screen as image bytes (PNG or BMP, see image_format())."""
        data = self.dialect.screenshot()
        if not image_format(data):
            raise InstrumentError(
                f"The screenshot from {self.resource} is not an image meterlab knows "
                f"(starts with {data[:8]!r}).", resource=self.resource,
            )
        return data
