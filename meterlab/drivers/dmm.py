"""The multimeter driver: configure, read one, read a batch, stream readings in numpy batches.

One driver serves every DMM profile: the profile supplies the function headers, ranges,
speed settings and the SCPI spelling of each command (`DmmSpec.commands`), so a new model
is a TOML file. Code branches only where the flow really differs: how readings are
drained while the meter measures (`fast_read`: R?, DATA:REMove?, a Keithley trace buffer,
or repeated READ? for meters that cannot be drained).

Instrument state is cached: a setting that already has the requested value costs no
round trip, so a per-reading loop is one `READ?` per reading. After settings are sent the
error queue is read once and any error is raised in plain words. The cache assumes
meterlab is the only one changing settings; call `forget_state()` after a reconnect or
front-panel use.

Overloads are never numbers: they arrive as NaN with `ReadingBatch.overload` set. SCPI's
"not a number" (9.91E37) is NaN without the flag (an ERROR reading).

Public API::

    Multimeter(conn: Connection, profile: Profile | None = None)
        .identify() -> Idn
        .configure(function=None, range="auto", nplc=None, resolution=None, rate=None,
                   autozero=None) -> None
        .set_trigger(count=1, source="IMM", delay=None) -> None
        .set_sample_count(n) -> None
        .read() -> ReadingBatch                      # exactly one reading
        .read_batch(n) -> ReadingBatch               # n readings, one request where possible
        .start_stream(count=None) -> None            # None: until stop_stream()
        .fetch_available(max_n=None) -> ReadingBatch # what the meter holds now, erased there
        .stop_stream() -> ReadingBatch               # the readings still in memory
        .resume_stream() -> Resumed | None           # after a broken link: drain on
        .stream_exhausted: bool                      # a counted stream has nothing more
        .streaming: bool   .function: str | None   .unit: str   .range: float | None
        .stream_rate_estimate() -> float             # readings/s at the present settings
        .forget_state() -> None
        .reset() -> None                             # *RST; *CLS
        .close() -> None                             # closes the connection (also `with`)

Why one long module: every way of taking readings (single, batch, the three buffered
drains, the trace) shares the cached instrument state that keeps a technician's settings
from being re-sent; the profile-driven command table is in `dmm_profile.py`.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from meterlab.drivers.dmm_profile import DmmSpec, FunctionSpec, fill
from meterlab.drivers.dmm_resume import (
    QUERIES,
    Resumed,
    measuring_or_holding,
    readings_in_block,
    same_acquisition,
)
from meterlab.errors import ConnectionLost, InstrumentError, InstrumentTimeout, UsageError
from meterlab.profiles import require_profile
from meterlab.readings import OVERLOAD_THRESHOLD, ReadingBatch
from meterlab.scpi import Idn, format_number, parse_block, parse_number, parse_numbers

if TYPE_CHECKING:
    from meterlab.profiles import Profile
    from meterlab.visa import Connection

#: SCPI's "not a number" (a reading that could not be taken), not an overload.
SCPI_NAN = 9.91e37
_LINE_HZ = 50.0  # worst case for timing estimates: a cycle is longest at 50 Hz
#: Questionable Data register bit 14, "Memory Overflow": the oldest readings were lost
#: (Truevolt Operating and Service Guide, STATus subsystem, Questionable Data Register).
_QUES_MEMORY_OVERFLOW = 1 << 14

_PREFIXES = [(1e9, "G"), (1e6, "M"), (1e3, "k"), (1.0, ""), (1e-3, "m"), (1e-6, "µ"),
             (1e-9, "n"), (1e-12, "p")]


def _fast_float(text: str) -> float | None:
    """A plain finite decimal number, or None to take the careful (error-reporting) path."""
    try:
        v = float(text)
    except ValueError:
        return None
    return v if math.isfinite(v) and "_" not in text else None


def si(value: float, unit: str) -> str:
    """3.3 → '3.3 V', 1e-4 → '100 µA': how ranges are named in messages."""
    if value == 0 or not math.isfinite(value):
        return f"{value:g} {unit}"
    for scale, prefix in _PREFIXES:
        if abs(value) >= scale * 0.9999:
            return f"{value / scale:.4g} {prefix}{unit}"
    scale, prefix = _PREFIXES[-1]
    return f"{value / scale:.4g} {prefix}{unit}"


@dataclass
class _State:
    """What we believe the meter is set to; None means unknown (send it when needed)."""

    function: str | None = None
    autorange: bool | None = None
    range: float | None = None
    nplc: float | None = None
    rate: str | None = None
    resolution: float | None = None
    autozero: bool | None = None
    sample_count: int | None = None
    trigger_count: int | str | None = None
    trigger_source: str | None = None
    trigger_delay: float | str | None = None

    def function_changed(self, key: str, *, resets_range: bool) -> None:
        """A function change resets (CONF) or restores (FUNC) per-function and trigger
        settings: forget them. CONF also selects autorange; FUNC keeps whatever the
        function had last time, which we do not know."""
        fresh = _State(function=key, autorange=True if resets_range else None)
        self.__dict__.update(fresh.__dict__)


@dataclass
class _Pending:
    """Commands of one call and the state they lead to, committed together."""

    st: _State
    commands: list[str] = field(default_factory=list)


class Multimeter:
    """Drive one DMM through `conn` as its profile describes. Thread-safe per call; hold
    `conn.lock` across calls for a sequence that must not be interleaved."""

    def __init__(self, conn: Connection, profile: Profile | None = None) -> None:
        if profile is None:
            profile = conn.profile if conn.profile is not None and conn.profile.kind == "dmm" \
                else require_profile(conn.idn, "dmm", resource=conn.resource)
        if profile.kind != "dmm" or not isinstance(profile.spec, DmmSpec):
            raise UsageError(f"The profile '{profile.name}' is not a multimeter profile.")
        if conn.profile is not profile:
            conn.apply_profile(profile)
        self.conn = conn
        self.profile = profile
        self.spec: DmmSpec = profile.spec
        self._cmd = self.spec.commands
        self._state = _State()
        self._read_cmds: dict[str, str] = {}
        self._streaming = False
        self._stream_remaining: int | None = None
        self._stream_t_last = 0.0
        self._trace_next = 1
        # Readings a drain took out of the meter whose reply has not been read whole: 0,
        # a count, or None (not known). After a broken link they are the ones lost.
        self._in_flight: int | None = 0
        # A drained batch not yet handed on (the status query after it failed).
        self._held: ReadingBatch | None = None
        # A counted stream resumed after losing an unknown number of readings: its end is
        # asked of the meter (idle, memory empty) instead of counted.
        self._ask_end = False
        self._conf_style = self._cmd["function"].lstrip(":").upper().startswith("CONF")
        thr = self.spec.overload * 0.9 if self.spec.overload < OVERLOAD_THRESHOLD else None
        self._overload_threshold = thr or OVERLOAD_THRESHOLD

    # -- identity and state -----------------------------------------------------------------

    @property
    def name(self) -> str:
        idn = self.conn.known_idn
        return idn.model if idn else self.profile.name

    def identify(self) -> Idn:
        """The meter's *IDN? (asked once per connection)."""
        return self.conn.idn

    def close(self) -> None:
        """Close the connection (the acquisition engine calls this after a loss)."""
        self.conn.close()

    def __enter__(self) -> Multimeter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def forget_state(self) -> None:
        """Stop trusting the cache (after a reconnect, or someone used the front panel)."""
        self._state = _State()
        self._streaming = False

    def reset(self) -> None:
        """*RST and *CLS: the meter's power-on settings, an empty error queue."""
        self.conn.write("*RST")
        self.conn.write("*CLS")
        self.forget_state()
        self.conn.query("*OPC?")

    @property
    def streaming(self) -> bool:
        return self._streaming

    @property
    def function(self) -> str | None:
        return self._state.function

    @property
    def unit(self) -> str:
        f = self._fspec(self._state.function) if self._state.function else None
        return f.unit if f else ""

    @property
    def range(self) -> float | None:
        """The fixed range, or None while autoranging (or unknown)."""
        return None if self._state.autorange is not False else self._state.range

    def _fspec(self, key: str) -> FunctionSpec:
        f = self.spec.function(key)
        if f is None:
            raise UsageError(
                f"The {self.profile.name} profile has no function '{key}'. It offers: "
                f"{', '.join(self.spec.functions)}."
            )
        return f

    def _pending(self) -> _Pending:
        return _Pending(replace(self._state))

    def _send(self, sent: _Pending, template_key: str, what: str, **values: object) -> None:
        """Queue a command; nothing is written until every setting of the call is valid."""
        template = self._cmd.get(template_key, "")
        if not template:
            raise UsageError(f"The {self.profile.name} cannot set {what} remotely (its "
                             "profile has no command for it).")
        sent.commands.append(fill(template, **values))

    def _finish(self, sent: _Pending, context: str) -> None:
        """Write the queued commands, adopt the new state, and surface the meter's errors."""
        if not sent.commands:
            return
        try:
            for command in sent.commands:
                self.conn.write(command)
            self._state = sent.st
        except InstrumentError:
            self.forget_state()
            raise
        self._check(context)

    def _check(self, context: str) -> None:
        try:
            self.conn.check_errors(context)
        except InstrumentError:
            self.forget_state()  # the meter may have taken only part of it
            raise

    def _idle(self, doing: str) -> None:
        if self._streaming:
            raise UsageError(f"Stop the stream before {doing}: the meter refuses setting "
                             "changes while it measures.")

    # -- configuration ------------------------------------------------------------------------

    def configure(
        self,
        function: str | None = None,
        range: float | str = "auto",
        nplc: float | None = None,
        resolution: float | None = None,
        rate: str | None = None,
        autozero: bool | None = None,
    ) -> None:
        """Select function and range, and optionally speed; unchanged settings send nothing.

        `range` is "auto" or a value the reading must fit (the smallest range holding it is
        chosen, as the meter would). `nplc` must be one the profile lists; `rate` a named
        speed for meters without NPLC (Rigol F/M/S).
        """
        self._idle("changing the configuration")
        key = function or self._state.function or self.spec.default_function
        f = self._fspec(key)
        key = f.key
        sent = self._pending()
        st = sent.st
        with self.conn.lock:
            if st.function != key:
                self._send(sent, "function", "the function", header=f.header)
                st.function_changed(key, resets_range=self._conf_style)
            self._configure_range(f, range, sent)
            if nplc is not None:
                self._configure_nplc(f, nplc, sent)
            if rate is not None:
                self._configure_rate(f, rate, sent)
            if resolution is not None and resolution != st.resolution:
                if st.autorange is not False:
                    raise UsageError("Choose a fixed range to set a resolution: with autorange "
                                     "the meter cannot know which resolution is meant.")
                self._send(sent, "resolution", "the resolution", header=f.header,
                           resolution=format_number(resolution))
                st.resolution = resolution
            if autozero is not None and autozero != st.autozero:
                self._send(sent, "autozero", "auto-zero", header=f.header,
                           state="ON" if autozero else "OFF")
                st.autozero = autozero
            self._finish(sent, f"the configuration {key}"
                         + (f" range {si(st.range, f.unit)}" if st.autorange is False
                            and st.range else "")
                         + (f" NPLC {nplc:g}" if nplc is not None else ""))

    def _configure_range(self, f: FunctionSpec, rng: float | str, sent: _Pending) -> None:
        st = sent.st
        if isinstance(rng, str) and rng.strip().lower() not in ("auto", "def", ""):
            try:
                rng = float(rng)
            except ValueError:
                raise UsageError(f"The range must be 'auto' or a number, not '{rng}'.") \
                    from None
        if isinstance(rng, str):
            if not f.autorange:
                return  # fixed-range functions (continuity, diode) have nothing to set
            if st.autorange is not True:
                self._send(sent, "autorange", "autorange", header=f.header)
                st.autorange, st.range = True, None
            return
        if not f.ranges:
            raise UsageError(f"{f.key} has no ranges to choose on the {self.profile.name}; "
                             "use range 'auto'.")
        chosen = f.range_for(float(rng))
        if chosen is None:
            raise UsageError(
                f"The {self.profile.name} has no {f.key} range for {si(abs(float(rng)), f.unit)}"
                f" (largest {si(max(f.ranges), f.unit)})."
            )
        if st.autorange is not False or st.range != chosen:
            self._send(sent, "range", "the range", header=f.header, range=format_number(chosen))
            st.autorange, st.range = False, chosen

    def _configure_nplc(self, f: FunctionSpec, nplc: float, sent: _Pending) -> None:
        st = sent.st
        if not self.spec.nplc:
            raise UsageError(f"The {self.profile.name} sets its speed by rate "
                             f"({', '.join(self.spec.rates) or 'none'}), not NPLC.")
        if not f.integration:
            raise UsageError(f"NPLC does not apply to {f.key}.")
        match = next((n for n in self.spec.nplc if math.isclose(n, nplc, rel_tol=1e-6)), None)
        if match is None:
            raise UsageError(f"The {self.profile.name} accepts NPLC "
                             f"{', '.join(f'{n:g}' for n in self.spec.nplc)}, not {nplc:g}.")
        if st.nplc != match:
            self._send(sent, "nplc", "the integration time", header=f.header,
                       nplc=format_number(match))
            st.nplc = match

    def _configure_rate(self, f: FunctionSpec, rate: str, sent: _Pending) -> None:
        st = sent.st
        name = next((r for r in self.spec.rates if r.upper() == rate.strip().upper()), None)
        if name is None:
            raise UsageError(f"The {self.profile.name} has the rates "
                             f"{', '.join(self.spec.rates) or '(none)'}, not '{rate}'.")
        if st.rate != name:
            self._send(sent, "rate", "the reading rate", header=f.header, rate=name)
            st.rate = name

    def set_trigger(self, count: int | None = 1, source: str = "IMM",
                    delay: float | None = None) -> None:
        """Trigger count (None = infinite), source (IMM/BUS/EXT) and delay (None = auto)."""
        self._idle("changing the trigger")
        sent = self._pending()
        with self.conn.lock:
            self._ensure_trigger(count, source, delay, sent)
            self._finish(sent, "the trigger settings")

    def _ensure_trigger(self, count: int | None, source: str | None, delay: float | None,
                        sent: _Pending, *, delay_given: bool = True) -> None:
        st = sent.st
        want_count: int | str = "INF" if count is None else int(count)
        if isinstance(want_count, int) and want_count < 1:
            raise UsageError("The trigger count must be at least 1.")
        if st.trigger_count != want_count:
            if want_count == "INF":
                self._send(sent, "trigger_count_inf", "an endless trigger count")
            elif want_count == 1 and not self._cmd.get("trigger_count"):
                pass  # meters without a trigger count take one reading per request anyway
            else:
                self._send(sent, "trigger_count", "the trigger count", n=want_count)
            st.trigger_count = want_count
        if source is not None:
            src = source.strip().upper()[:3]
            if st.trigger_source != src:
                if self._cmd.get("trigger_source"):
                    self._send(sent, "trigger_source", "the trigger source", source=src)
                elif src != "IMM":
                    raise UsageError(f"The {self.profile.name} profile has no trigger source "
                                     "command; only immediate triggering is possible.")
                st.trigger_source = src
        if delay_given:
            want_delay: float | str = "AUTO" if delay is None else float(delay)
            if st.trigger_delay != want_delay:
                if want_delay == "AUTO":
                    if self._cmd.get("trigger_delay_auto"):
                        self._send(sent, "trigger_delay_auto", "an automatic trigger delay")
                else:
                    self._send(sent, "trigger_delay", "the trigger delay",
                               delay=format_number(float(want_delay)))
                st.trigger_delay = want_delay

    def set_sample_count(self, n: int) -> None:
        """Readings per trigger."""
        self._idle("changing the sample count")
        sent = self._pending()
        with self.conn.lock:
            self._ensure_samples(n, sent)
            self._finish(sent, f"the sample count {n}")

    def _ensure_samples(self, n: int, sent: _Pending) -> None:
        st = sent.st
        if not 1 <= n <= self.spec.max_sample_count:
            most = self.spec.max_sample_count
            can = "one reading" if most == 1 else f"1 to {most} readings"
            raise UsageError(f"The {self.profile.name} takes {can} per trigger, not {n}.")
        if st.sample_count != n:
            if n == 1 and not self._cmd.get("sample_count"):
                pass
            else:
                self._send(sent, "sample_count", "the sample count", n=n)
            st.sample_count = n

    # -- reading --------------------------------------------------------------------------------

    def _ensure_function(self) -> FunctionSpec:
        if self._state.function is None:
            self.configure(self.spec.default_function)
        return self._fspec(self._state.function or self.spec.default_function)

    def _batch(self, t: np.ndarray, raw: np.ndarray, f: FunctionSpec, *,
               gap: bool = False) -> ReadingBatch:
        raw = np.asarray(raw, dtype=np.float64)
        nan = np.abs(np.abs(raw) - SCPI_NAN) < 1e35
        over = (np.abs(raw) >= self._overload_threshold) & ~nan
        values = np.where(over | nan, np.nan, raw)
        return ReadingBatch(t=t, values=values, overload=over, function=f.key, unit=f.unit,
                            range=self.range, gap_before=gap, source=self.conn.resource,
                            gap_reason="overflow" if gap else "")

    def read(self) -> ReadingBatch:
        """Take one reading now (READ?), as a batch of one.

        This is the per-reading hot path: with settings unchanged it is one query, a float
        parse and three one-element arrays (no regex, no vector maths)."""
        if self._streaming:
            self._idle("taking a single reading")
        st = self._state
        f = self._fspec(st.function) if st.function else self._ensure_function()
        command = self._read_cmds.get(f.key)
        if command is None:
            command = self._read_cmds[f.key] = fill(self._cmd["read"], header=f.header)
        with self.conn.lock:
            if st.sample_count != 1 or st.trigger_count != 1 or st.trigger_source != "IMM":
                sent = self._pending()
                self._ensure_samples(1, sent)
                self._ensure_trigger(1, "IMM", None, sent, delay_given=False)
                self._finish(sent, "single readings")
            text = self._slow_query(command, 1)
        t = time.time()
        value = _fast_float(text)
        if value is None:
            value = self._number(text)
        over = abs(value) >= self._overload_threshold
        nan = over and abs(abs(value) - SCPI_NAN) < 1e35
        over = over and not nan
        return ReadingBatch(
            t=np.array([t]), values=np.array([math.nan if over or nan else value]),
            overload=np.array([over]), function=f.key, unit=f.unit, range=self.range,
            source=self.conn.resource,
        )

    def _number(self, text: str) -> float:
        try:
            return parse_number(text)
        except InstrumentError as exc:
            raise InstrumentError(f"{self.name} at {self.conn.resource}: {exc}",
                                  resource=self.conn.resource) from None

    def _numbers(self, text: str | bytes) -> np.ndarray:
        try:
            return parse_numbers(text)
        except InstrumentError as exc:
            raise InstrumentError(f"{self.name} at {self.conn.resource}: {exc}",
                                  resource=self.conn.resource) from None

    def reading_interval(self) -> float:
        """Seconds one reading takes at the present settings (an estimate for timeouts)."""
        st = self._state
        if st.nplc is not None:
            per = st.nplc / _LINE_HZ * (1 if st.autozero is False else 2)
            return max(per, 1.0 / self.spec.max_rate)
        if st.rate is not None and st.rate in self.spec.rates:
            return 1.0 / self.spec.rates[st.rate]
        return 10 / _LINE_HZ * 2  # unknown: assume the slow power-on default

    @property
    def _fast_single(self) -> bool:
        """One reading surely fits the timeout (NPLC ≤ 10 or a named rate): skip the maths."""
        st = self._state
        return (st.nplc is not None and st.nplc <= 10) or st.rate is not None

    def stream_rate_estimate(self) -> float:
        return 1.0 / self.reading_interval()

    def read_batch(self, n: int) -> ReadingBatch:
        """Take `n` readings in as few requests as the meter allows; timestamps are spread
        evenly over the time the meter took."""
        self._idle("taking a batch of readings")
        if n < 1:
            raise UsageError("A batch needs at least one reading.")
        f = self._ensure_function()
        if self.spec.fast_read == "TRACe":
            return self._trace_batch(n, f)
        if not self._cmd.get("sample_count"):
            parts = [self.read() for _ in range(n)]
            return self._batch(np.concatenate([p.t for p in parts]),
                               np.concatenate([np.where(p.overload, 9.9e37, p.values)
                                               for p in parts]), f)
        chunk = min(n, self.spec.max_sample_count,
                    self.spec.memory if self.spec.fast_read == "none" else n)
        t_parts, v_parts = [], []
        done = 0
        while done < n:
            k = min(chunk, n - done)
            t0 = time.time()
            with self.conn.lock:
                sent = self._pending()
                self._ensure_samples(k, sent)
                self._ensure_trigger(1, "IMM", None, sent, delay_given=False)
                self._finish(sent, f"a batch of {k} readings")
                text = self._slow_query(fill(self._cmd["read"], header=f.header), k)
            t1 = time.time()
            values = self._numbers(text)
            if values.shape[0] != k:
                raise InstrumentError(
                    f"{self.name} at {self.conn.resource} sent {values.shape[0]} readings "
                    f"where {k} were asked for. Check the trigger settings on the meter.",
                    resource=self.conn.resource)
            t_parts.append(t0 + (t1 - t0) * np.arange(1, k + 1) / k)
            v_parts.append(values)
            done += k
        return self._batch(np.concatenate(t_parts), np.concatenate(v_parts), f)

    def _slow_query(self, command: str, readings: int) -> str:
        """A query whose reply waits for `readings` measurements: stretch the timeout."""
        base = self.conn.timeout_ms
        if readings == 1 and self._fast_single:
            return self.conn.query(command)
        expected_ms = readings * self.reading_interval() * 1000
        if expected_ms * 2 < base:
            return self.conn.query(command)
        self.conn.timeout_ms = int(base + expected_ms * 2)
        try:
            return self.conn.query(command)
        finally:
            self.conn.timeout_ms = base

    def _trace_batch(self, n: int, f: FunctionSpec) -> ReadingBatch:
        """Keithley buffer flow: clear, count n, READ?, then fetch the n buffered readings."""
        with self.conn.lock:
            sent = self._pending()
            self.conn.write(self._cmd["trace_clear"])
            self._ensure_samples(n, sent)
            self._finish(sent, f"a batch of {n} readings")
            t0 = time.time()
            self._slow_query(fill(self._cmd["read"], header=f.header), n)
            t1 = time.time()
            text = self.conn.query(fill(self._cmd["trace_data"], start=1, end=n))
        values = self._numbers(text)
        if values.shape[0] != n:
            raise InstrumentError(f"{self.name} at {self.conn.resource} returned "
                                  f"{values.shape[0]} buffered readings instead of {n}.",
                                  resource=self.conn.resource)
        return self._batch(t0 + (t1 - t0) * np.arange(1, n + 1) / n, values, f)

    # -- streaming ------------------------------------------------------------------------------

    def start_stream(self, count: int | None = None) -> None:
        """Start measuring continuously (or `count` readings) into the meter's memory; take
        them with `fetch_available` while it measures. Meters that cannot be drained while
        measuring ("none") take a batch per fetch instead."""
        if self._streaming:
            return
        self._ensure_function()
        self._stream_remaining = count
        self._in_flight, self._held, self._ask_end = 0, None, False
        mode = self.spec.fast_read
        with self.conn.lock:
            if mode in ("R?", "DATA:REMove?"):
                sent = self._pending()
                split = self._split_count(count) if count is not None else None
                if split is not None:
                    self._ensure_samples(split[0], sent)
                    self._ensure_trigger(split[1], "IMM", 0.0, sent)
                else:  # endless, or a count that does not split: measure on, stop at count
                    self._ensure_samples(self.spec.max_sample_count, sent)
                    self._ensure_trigger(None, "IMM", 0.0, sent)
                self._finish(sent, "the stream settings")
                if self._cmd.get("overflow_query"):
                    self.conn.query(self._cmd["overflow_query"])  # clear an old overflow flag
                self.conn.write(self._cmd["init"])
                self._check("starting the measurement")
            elif mode == "TRACe":
                total = count if count is not None else self.spec.max_sample_count
                self.conn.write(self._cmd["trace_clear"])
                self.conn.write(fill(self._cmd["trace_start"], n=total))
                self.conn.write(self._cmd["init"])
                self._check("starting the measurement")
                self._trace_next = 1
            self._streaming = True
            self._stream_t_last = time.time()

    def _split_count(self, count: int) -> tuple[int, int] | None:
        """count = samples × triggers with samples ≤ max_sample_count and as few triggers
        as possible (each trigger restarts the sample sequence); None if impossible."""
        most = self.spec.max_sample_count
        if count < 1:
            raise UsageError("A counted stream needs at least one reading.")
        if count <= most:
            return count, 1
        if count > most * most:
            return None  # more than samples × triggers can hold: measure on, stop at count
        best = None
        d = 1
        while d * d <= count:
            if count % d == 0:
                for s in (d, count // d):
                    if s <= most and count // s <= most and (best is None or s > best):
                        best = s
            d += 1
        return (best, count // best) if best is not None else None

    def _stamp(self, n: int) -> np.ndarray:
        """Spread n drained readings evenly since the previous drain (monotonic)."""
        now = time.time()
        last = self._stream_t_last
        if n == 0:
            return np.empty(0)
        now = max(now, last + 1e-9)
        self._stream_t_last = now
        return last + (now - last) * np.arange(1, n + 1) / n

    def fetch_available(self, max_n: int | None = None) -> ReadingBatch:
        """The readings taken since the last fetch (oldest first), erased from the meter so
        none is returned twice. `gap_before` is set if the meter's memory overflowed."""
        if not self._streaming:
            raise UsageError("Start the stream before fetching readings from it.")
        if self._held is not None:
            held, self._held = self._held, None
            return held
        f = self._fspec(self._state.function or self.spec.default_function)
        limit = max_n or self.spec.memory
        if self._stream_remaining is not None:
            limit = min(limit, self._stream_remaining)
        if limit <= 0:
            return self._batch(np.empty(0), np.empty(0), f)
        mode = self.spec.fast_read
        gap = False
        with self.conn.lock:
            if mode == "R?":
                # claim_late: after a stall, the late reply to the drain that timed out
                # holds readings already taken out of the meter's memory
                self._in_flight = None
                try:
                    payload = self.conn.query_binary_block(fill(self._cmd["drain"], n=limit),
                                                           claim_late=True)
                except InstrumentTimeout:
                    raise  # stalled: the reply may still come (claimed by the next drain)
                except InstrumentError:  # lost, cut off, garbled: the header tells how many
                    self._in_flight = (readings_in_block(self.conn.last_block_length)
                                       if self.conn.last_block_asked else 0)
                    raise
                values = self._numbers(payload)
                self._in_flight = 0
                return self._after_drain(values, f)
            elif mode == "DATA:REMove?":
                points = int(self._number(self.conn.query(self._cmd["points"])))
                k = min(points, limit)
                if k == 0:
                    values = np.empty(0)
                else:
                    self._in_flight = k
                    reply = self.conn.query(fill(self._cmd["drain"], n=k))
                    values = self._numbers(parse_block(reply.encode("latin-1"))
                                           if reply.startswith("#") else reply)
                    self._in_flight = 0
                return self._after_drain(values, f)
            elif mode == "TRACe":
                end = int(self._number(self.conn.query(self._cmd["trace_end"])))
                last = min(end, self._trace_next + limit - 1)
                if last < self._trace_next:
                    values = np.empty(0)
                else:
                    values = self._numbers(self.conn.query(
                        fill(self._cmd["trace_data"], start=self._trace_next, end=last)))
                    self._trace_next = last + 1
            else:
                chunk = max(1, min(limit, self.spec.memory, self.spec.max_sample_count,
                                   int(self.stream_rate_estimate() * 0.2) or 1))
                self._streaming = False
                try:
                    batch = self.read_batch(chunk)
                finally:
                    self._streaming = True
                self._count_down(len(batch))
                return batch
        self._count_down(values.shape[0])
        return self._batch(self._stamp(values.shape[0]), values, f, gap=gap)

    def _after_drain(self, values: np.ndarray, f: FunctionSpec) -> ReadingBatch:
        """Count the drained readings down and ask whether the memory overflowed. If that
        question fails, the readings are held and handed on by the next fetch (on this
        connection or, after a broken link, the resumed one) instead of being dropped."""
        self._count_down(values.shape[0])
        batch = self._batch(self._stamp(values.shape[0]), values, f)
        if self._ask_end and not len(batch) and self._acquisition_over():
            self._stream_remaining = 0
        try:
            overflowed = self._overflowed()
        except InstrumentError:
            if len(batch):
                self._held = batch
            raise
        return replace(batch, gap_before=True, gap_reason="overflow") if overflowed else batch

    @property
    def stream_exhausted(self) -> bool:
        """A counted stream whose readings have all been taken or lost: nothing more will
        come (the engine stops waiting for readings that went down with a broken reply)."""
        return (self._streaming and self._held is None and self._stream_remaining is not None
                and self._stream_remaining <= 0)

    @property
    def can_resume(self) -> bool:
        """This model can tell whether it is still in a stream's acquisition (its profile
        names the queries), so a broken link need not end the acquisition."""
        return (self.spec.fast_read in ("R?", "DATA:REMove?")
                and all(self._cmd.get(k) for k in QUERIES))

    def resume_stream(self) -> Resumed | None:
        """After the link broke mid-stream: reconnect and, if the meter is still in the
        acquisition this stream started, go on draining it (nothing is sent that changes
        the meter: no *CLS, no configuration, no INIT). None when it is not (restarted,
        reconfigured, another instrument, or a model that cannot tell): the caller then
        closes this driver and starts afresh. A meter still away raises, as opening does.

        The status registers are left as they are (no *CLS), so a memory overflow while
        the link was down is still reported by the next drain."""
        if not (self._streaming and self.can_resume):
            self._streaming = False
            return None
        try:
            self.conn.reconnect(attempts=1)
        except (ConnectionLost, InstrumentTimeout):
            raise
        except InstrumentError:  # another instrument answers now: never mix their readings
            self._streaming = False
            return None
        st = self._state
        with self.conn.lock:
            try:
                self.conn.read_error_queue()  # what the broken link left (-410, -420 …)
            except ConnectionLost:
                raise
            except InstrumentError:
                pass
            try:
                same = same_acquisition(self.conn, dict(self._cmd), samples=st.sample_count,
                                        triggers=st.trigger_count, source=st.trigger_source)
            except ConnectionLost:
                raise
            except InstrumentError:  # it answers *IDN? but not this: cannot tell, start anew
                same = False
            if not same:
                self._streaming = False
                return None
        lost, self._in_flight = self._in_flight, 0
        if lost and self._stream_remaining is not None:
            self._count_down(lost)
        self._ask_end = lost is None and self._stream_remaining is not None
        self._stream_t_last = time.time()
        return Resumed(lost)

    def _acquisition_over(self) -> bool:
        """The meter has finished measuring and its memory is empty (asked after an empty
        drain of a counted stream that lost readings nobody could count)."""
        return not measuring_or_holding(self.conn, dict(self._cmd))

    def _count_down(self, n: int) -> None:
        if self._stream_remaining is not None:
            self._stream_remaining -= n

    def _overflowed(self) -> bool:
        """True only when the meter's status register really says its memory overflowed.

        The reply must be a 16-bit register value: anything else (a garbled or stray reply
        that happens to parse as a number) is reported as the garbled reply it is, never
        read as "readings were lost in the meter"."""
        q = self._cmd.get("overflow_query")
        if not q:
            return False
        reply = self.conn.query(q)
        text = reply.strip()
        digits = text[1:] if text[:1] in "+-" else text
        value = int(text) if digits.isdigit() and digits.isascii() else -1
        if not 0 <= value <= 0xFFFF:  # a register is <NR1>; a reading-shaped reply is not one
            raise InstrumentError(
                f"{self.name} at {self.conn.resource} sent a garbled reply to the status "
                f"query {q!r}: {reply.strip()[:40]!r} is not a status register value.",
                resource=self.conn.resource)
        return bool(int(value) & _QUES_MEMORY_OVERFLOW)

    def stop_stream(self) -> ReadingBatch:
        """Stop measuring and return the readings still in memory (nothing is dropped; for
        a counted stream, only up to the count)."""
        f = self._fspec(self._state.function or self.spec.default_function)
        if not self._streaming:
            return self._batch(np.empty(0), np.empty(0), f)
        mode = self.spec.fast_read
        parts: list[ReadingBatch] = []
        if self._held is not None:
            parts.append(self._held)
            self._held = None
        with self.conn.lock:
            if mode in ("R?", "DATA:REMove?", "TRACe"):
                self.conn.write(self._cmd["abort"])
                counted = self._stream_remaining is not None
                while True:
                    batch = self.fetch_available()
                    if len(batch):
                        parts.append(batch)
                    if len(batch) < self.spec.memory:
                        break
                if counted and mode != "TRACe":
                    # readings beyond the count (an endless run stopped at it) are not
                    # wanted; erase them so the meter's memory is left empty
                    self._stream_remaining = None
                    while len(self.fetch_available()) >= self.spec.memory:
                        pass
            self._streaming = False
            self._stream_remaining = None
        if not parts:
            return self._batch(np.empty(0), np.empty(0), f)
        return ReadingBatch(
            t=np.concatenate([p.t for p in parts]),
            values=np.concatenate([p.values for p in parts]),
            overload=np.concatenate([p.overload for p in parts]),
            function=f.key, unit=f.unit, range=self.range,
            gap_before=parts[0].gap_before, source=self.conn.resource,
        )
