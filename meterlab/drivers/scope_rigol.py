"""Rigol DS1000Z / MSO1000Z dialect (sigrok's "PROTOCOL_V4").

Memory (RAW) reads need the scope stopped and come in windows set with
`:WAV:STAR`/`:WAV:STOP`, at most the profile's per-read limit each (BYTE
250 000 points). Codes are unsigned; volts = (code − yorigin − yref)·yinc.
Digital lines: a screen read of `Dn` gives one byte per point holding that
line; a memory read gives the whole 8-line pod per byte (bit k = D(8·pod+k)).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import ClassVar

import numpy as np

from meterlab.drivers.scope_dialect import (
    ChanTimebaseCommands,
    PartialCaptureError,
    Preamble,
    Progress,
    ScopeDialect,
    TriggerSetup,
    canonical_source,
    normalise_slope,
    normalise_sweep,
    parse_float,
    parse_preamble,
    reported_source,
)
from meterlab.errors import InstrumentError, MeterlabError, UsageError
from meterlab.scpi import format_number, parse_numbers
from meterlab.waveform import DigitalCapture, Waveform

_SLOPE = {"POS": "POS", "NEG": "NEG", "EITHER": "RFAL"}
_SLOPE_BACK = {"POS": "POS", "NEG": "NEG", "RFAL": "EITHER", "RFALL": "EITHER"}
_SWEEP = {"AUTO": "AUTO", "NORM": "NORM", "SINGLE": "SING"}
_SWEEP_BACK = {"AUTO": "AUTO", "NORM": "NORM", "NORMAL": "NORM", "SING": "SINGLE",
               "SINGLE": "SINGLE"}
_DTYPES = {"BYTE": np.dtype(np.uint8), "WORD": np.dtype("<u2")}


def rigol_source(src: str) -> str:
    """CH1 → CHAN1, D3 → D3, MATH → MATH, EXT → EXT."""
    return f"CHAN{src[2:]}" if src.startswith("CH") else src


def _on(text: str) -> bool:
    return text.strip().upper() in ("1", "ON")


class RigolDS1000Z(ChanTimebaseCommands, ScopeDialect):
    timebase_headers = (":TIM:MAIN:SCAL", ":TIM:MAIN:OFFS")
    timebase_offset_name = "the time offset"

    name = "rigol-ds1000z"
    measure_items: ClassVar[dict[str, str]] = {
        "VMAX": "VMAX", "VMIN": "VMIN", "VPP": "VPP", "VTOP": "VTOP", "VBASE": "VBASe",
        "VAMP": "VAMP", "VAVG": "VAVG", "VRMS": "VRMS", "OVERSHOOT": "OVERshoot",
        "PRESHOOT": "PREShoot", "PER": "PERiod", "FREQ": "FREQuency", "RTIM": "RTIMe",
        "FTIM": "FTIMe", "PWID": "PWIDth", "NWID": "NWIDth", "PDUT": "PDUTy", "NDUT": "NDUTy",
    }  # fmt: skip

    # -- run control ----------------------------------------------------------------------

    def run(self) -> None:
        self.conn.write(":RUN")

    def stop(self) -> None:
        self.conn.write(":STOP")

    def single(self) -> None:
        self.conn.write(":SING")

    def force(self) -> None:
        self.conn.write(":TFOR")

    def trigger_status(self) -> str:
        state = self.conn.query(":TRIG:STAT?").strip().upper()
        if state not in ("TD", "WAIT", "RUN", "AUTO", "STOP"):
            raise InstrumentError(f"The scope reported an unknown trigger state {state!r}.",
                                  resource=self.resource)
        return state

    # -- vertical, horizontal, trigger ---------------------------------------------------

    def set_edge_trigger(self, *, source: str | None, level: float | None, slope: str | None,
                         sweep: str | None) -> None:
        with self.lock:
            self.conn.write(":TRIG:MODE EDGE")
            if source is not None:
                self.conn.write(f":TRIG:EDG:SOUR {rigol_source(canonical_source(source))}")
            if slope is not None:
                self.conn.write(f":TRIG:EDG:SLOP {_SLOPE[normalise_slope(slope)]}")
            if level is not None:
                self.conn.write(f":TRIG:EDG:LEV {format_number(level)}")
            if sweep is not None:
                self.conn.write(f":TRIG:SWE {_SWEEP[normalise_sweep(sweep)]}")

    def trigger(self) -> TriggerSetup:
        with self.lock:
            q = self.conn.query
            src = q(":TRIG:EDG:SOUR?").strip()
            slope = q(":TRIG:EDG:SLOP?").strip().upper()
            level = parse_float(q(":TRIG:EDG:LEV?"), "the trigger level")
            sweep = q(":TRIG:SWE?").strip().upper()
        return TriggerSetup(reported_source(src), level,
                            _SLOPE_BACK.get(slope, slope), _SWEEP_BACK.get(sweep, sweep))

    def set_logic(self, enabled: bool, lines: Iterable[int] = ()) -> None:
        with self.lock:
            self.conn.write(f":LA:STAT {'ON' if enabled else 'OFF'}")
            lines = tuple(lines)
            for n in self.check_lines(lines) if lines else ():
                self.conn.write(f":LA:DIG{n}:DISP ON")

    def sample_rate(self) -> float:
        return parse_float(self.conn.query(":ACQ:SRAT?"), "the sample rate")

    def memory_depth(self) -> int:
        """Points in the acquisition memory now (resolves AUTO from rate × window)."""
        with self.lock:
            text = self.conn.query(":ACQ:MDEP?").strip().upper()
            if text != "AUTO":
                return int(parse_float(text, "the memory depth"))
            window = self.timebase().scale * self.spec.h_divisions
            return round(self.sample_rate() * window)

    def set_memory_depth(self, depth: int | None) -> None:
        """A depth the scope offers for the channels in use, or None for AUTO."""
        self.conn.write(f":ACQ:MDEP {'AUTO' if depth is None else int(depth)}")

    # -- waveforms --------------------------------------------------------------------------

    def _set_wav(self, key: str, value: str) -> None:
        """Queue a :WAV: setting; it travels in one message with the next query.

        Sent every time rather than cached: it costs a few bytes and no round trip, and
        a cache would silently read the wrong source after someone typed a :WAV:
        command in the SCPI console. (Separate small writes would also each wait on
        TCP's Nagle/delayed-ACK dance, ~40 ms.)
        """
        self.queue(f":WAV:{key} {value}")

    def _forget_wav(self) -> None:
        """After a failure, drop settings that never left."""
        self.drop_queued()

    def ensure_stopped(self, timeout_s: float = 5.0) -> bool:
        """Stop the scope if it runs (memory reads need it); True if we stopped it."""
        if self.trigger_status() == "STOP":
            return False
        self.stop()
        deadline = time.monotonic() + timeout_s
        while self.trigger_status() != "STOP":
            if time.monotonic() > deadline:
                raise InstrumentError("The scope did not stop when asked (:STOP); memory can "
                                      "only be read from a stopped scope.",
                                      resource=self.resource)
            time.sleep(0.02)
        return True

    def _read_points(
        self, fmt: str, first: int, n: int, limit: int, progress: Progress | None,
        sink: Callable[[int, np.ndarray], None] | None = None,
    ) -> np.ndarray:
        """Points first+1 … first+n of the selected source, in windows of `limit` points.

        Without `sink`, each block is copied once into the preallocated result. With
        `sink(start, codes)`, each block is handed on as it arrives (a view of the
        received bytes, no copy) and nothing is kept here.
        """
        out = np.empty(0 if sink else n, dtype=np.float64 if fmt == "ASC" else _DTYPES[fmt])
        done = 0
        while done < n:
            count = min(limit, n - done)
            try:
                self._set_wav("STAR", str(first + done + 1))
                self._set_wav("STOP", str(first + done + count))
                data = self.block(":WAV:DATA?")
            except MeterlabError as exc:
                self._forget_wav()
                raise _partial(exc, None if sink else out[:done], done, n,
                               self.resource) from None
            if fmt == "ASC":
                chunk = parse_numbers(data.rstrip(b",\n"))
            else:
                chunk = np.frombuffer(data, dtype=out.dtype)
            if chunk.shape[0] != count:
                self._forget_wav()
                raise _partial(
                    InstrumentError(f"The scope sent {chunk.shape[0]} points where {count} "
                                    "were asked for."),
                    None if sink else out[:done], done, n, self.resource,
                )
            if sink is not None:
                sink(done, chunk)
            else:
                out[done : done + count] = chunk
            done += count
            if progress is not None:
                progress(done, n)
        return out

    def _preamble(self) -> tuple[Preamble, str]:
        pre = parse_preamble(self.query(":WAV:PRE?"), self.resource)
        fmt = self.spec.format_codes.get(pre.format)
        if fmt is None:
            raise InstrumentError(
                f"The scope reports waveform format code {pre.format}, which the profile's "
                f"format_codes ({self.spec.format_codes}) do not name.", resource=self.resource,
            )
        return pre, fmt

    def read_waveform(self, source: str, mode: str, points: int | None,
                      progress: Progress | None, dtype: type = np.float64) -> Waveform:
        src = canonical_source(source)
        if not src.startswith("CH") and src != "MATH":
            raise UsageError(f"{src} is not an analog source; read digital lines with "
                             "read_digital().")
        if src.startswith("CH"):
            self.check_channel(int(src[2:]))
        memory = mode == "memory"
        with self.lock:
            stopped_by_us = self.ensure_stopped() if memory else False
            try:
                self._set_wav("SOUR", rigol_source(src))
                self._set_wav("MODE", "RAW" if memory else "NORM")
                self._set_wav("FORM", "BYTE")
                pre, fmt = self._preamble()
                n = pre.points if points is None else max(1, min(points, pre.points))
                limit = self.spec.read_limit(fmt) if memory else max(n, 1)
                if fmt != "ASC" and n > limit:
                    wf = self._read_converting(pre, fmt, src, n, limit, progress, dtype)
                    wf.meta["stopped_by_driver"] = stopped_by_us
                    return wf
                try:
                    raw = self._read_points(fmt, 0, n, limit, progress)
                except PartialCaptureError as exc:
                    exc.partial = self._to_waveform(exc.codes, pre, fmt, src, memory, dtype)
                    raise
            except MeterlabError:
                self._forget_wav()
                raise
        wf = self._to_waveform(raw, pre, fmt, src, memory, dtype)
        wf.meta["stopped_by_driver"] = stopped_by_us
        return wf

    def _read_converting(self, pre: Preamble, fmt: str, src: str, n: int, limit: int,
                         progress: Progress | None, dtype: type) -> Waveform:
        """A multi-block memory read, converting each block to volts on a helper thread
        while the next one is on the wire. Filling a fresh 24 M-point float array costs
        about as much as receiving it (page faults); overlapped, it nearly vanishes."""
        y = np.empty(n, dtype=dtype)
        off, inc = dtype(pre.yorigin + pre.yref), dtype(pre.yinc)

        def convert(start: int, codes: np.ndarray) -> None:
            seg = y[start : start + codes.shape[0]]
            np.subtract(codes, off, out=seg)
            np.multiply(seg, inc, out=seg)

        pending: list[Future[None]] = []
        with ThreadPoolExecutor(1, thread_name_prefix="scope-convert") as pool:
            try:
                self._read_points(fmt, 0, n, limit, progress,
                                  sink=lambda start, codes: pending.append(
                                      pool.submit(convert, start, codes)))
            except PartialCaptureError as exc:
                for f in pending:
                    f.result()
                done = exc.done
                exc.partial = (Waveform(y[:done].copy(), pre.t0(0), pre.xinc, src, "V",
                                        self._meta(pre, fmt, True)) if done else None)
                raise
            for f in pending:
                f.result()
        return Waveform(y, pre.t0(0), pre.xinc, src, "V", self._meta(pre, fmt, True))

    @staticmethod
    def _meta(pre: Preamble, fmt: str, memory: bool) -> dict[str, object]:
        return {"vendor": "rigol", "mode": "memory" if memory else "screen", "format": fmt,
                "preamble": pre.as_meta()}

    def _to_waveform(self, raw: np.ndarray | None, pre: Preamble, fmt: str, src: str,
                     memory: bool, dtype: type) -> Waveform | None:
        if raw is None:
            return None
        if fmt in ("BYTE", "WORD"):
            # two in-place passes into the result: no index or float temporaries of 24 M
            y = np.empty(raw.shape[0], dtype=dtype)
            np.subtract(raw, dtype(pre.yorigin + pre.yref), out=y)
            np.multiply(y, dtype(pre.yinc), out=y)
        else:
            y = raw.astype(dtype, copy=False)
        return Waveform(y, pre.t0(0), pre.xinc, src, "V", self._meta(pre, fmt, memory))

    def logic_enabled(self) -> bool:
        return _on(self.conn.query(":LA:STAT?"))

    def read_digital(self, lines: tuple[int, ...], mode: str, points: int | None,
                     progress: Progress | None) -> DigitalCapture:
        lines = self.check_lines(lines)
        memory = mode == "memory"
        with self.lock:
            if not self.logic_enabled():
                raise UsageError(
                    "The scope's logic analyser is off, so D0–D15 carry no data. Switch it on "
                    "(LA key on the scope) and acquire again."
                )
            if memory:
                self.ensure_stopped()
            try:
                if memory:
                    return self._digital_memory(lines, points, progress)
                return self._digital_screen(lines, points, progress)
            except MeterlabError:
                self._forget_wav()
                raise

    def _digital_screen(self, lines: tuple[int, ...], points: int | None,
                        progress: Progress | None) -> DigitalCapture:
        words = None
        pre = None
        for k, line in enumerate(lines):
            self._set_wav("SOUR", f"D{line}")
            self._set_wav("MODE", "NORM")
            pre = parse_preamble(self.query(":WAV:PRE?"), self.resource)
            n = pre.points if points is None else max(1, min(points, pre.points))
            raw = self._read_points("BYTE", 0, n, n, None)
            if words is None:
                words = np.zeros(n, dtype=np.uint16)
            m = min(n, words.shape[0])
            words[:m] |= (raw[:m] != 0).astype(np.uint16) << np.uint16(line)
            if progress is not None:
                progress(k + 1, len(lines))
        assert pre is not None and words is not None
        return DigitalCapture(words, pre.t0(0), pre.xinc, lines,
                              {"vendor": "rigol", "mode": "screen", "preamble": pre.as_meta()})

    def _digital_memory(self, lines: tuple[int, ...], points: int | None,
                        progress: Progress | None) -> DigitalCapture:
        pods = sorted({line // 8 for line in lines})
        got: dict[int, np.ndarray] = {}
        pre = None
        for pod in pods:
            first_line = min(x for x in lines if x // 8 == pod)
            self._set_wav("SOUR", f"D{first_line}")
            self._set_wav("MODE", "RAW")
            pre = parse_preamble(self.query(":WAV:PRE?"), self.resource)
            n = pre.points if points is None else max(1, min(points, pre.points))
            try:
                got[pod] = self._read_points("BYTE", 0, n, self.spec.read_limit("BYTE"),
                                             progress)
            except PartialCaptureError as exc:
                if exc.codes is not None:
                    got[pod] = exc.codes
                exc.partial = _pods_capture(got, pre, lines) if got else None
                raise
        assert pre is not None
        return _pods_capture(got, pre, lines)

    # -- measurements and screenshot --------------------------------------------------------

    def measure_raw(self, item: str, source: str) -> float:
        src = rigol_source(canonical_source(source))
        reply = self.conn.query(f":MEAS:ITEM? {self.item(item)},{src}")
        return parse_float(reply, f"measurement {item} on {source}")

    def screenshot(self) -> bytes:
        with self.lock:
            old = self.conn.timeout_ms
            self.conn.timeout_ms = max(old, self.spec.screenshot_timeout_ms)
            try:
                return self.conn.query_binary_block(self.spec.screenshot or ":DISP:DATA?")
            finally:
                self.conn.timeout_ms = old


def _partial(exc: BaseException, got: np.ndarray | None, done: int, total: int,
             resource: str | None) -> PartialCaptureError:
    err = PartialCaptureError(
        f"{exc} The read broke off after {done} of {total} points; those are kept.",
        resource=resource,
    )
    err.done = done
    err.codes = got.copy() if done and got is not None else None
    return err


def _pods_capture(got: dict[int, np.ndarray], pre: Preamble,
                  lines: tuple[int, ...]) -> DigitalCapture:
    """Pod bytes → 16-bit words, keeping only the lines asked for (the rest mean nothing)."""
    read = tuple(x for x in lines if x // 8 in got)
    cap = DigitalCapture.from_pods(got.get(0), got.get(1), pre.t0(0), pre.xinc, read,
                                   {"vendor": "rigol", "mode": "memory",
                                    "preamble": pre.as_meta()})
    cap.lanes &= np.uint16(sum(1 << x for x in read))
    return cap
