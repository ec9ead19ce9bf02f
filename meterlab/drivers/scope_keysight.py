"""Keysight (Agilent) InfiniiVision dialect: 1000X, 2000X, 3000T, also 4000X/6000.

One `:WAV:DATA?` returns the whole record (`:WAV:POIN` sets how many points,
`:WAV:POIN:MODE RAW` the acquisition memory, which needs a stopped scope); the
block header is `#8`. Codes are read unsigned (`:WAV:UNS 1`); volts =
(code − yref)·yinc + yorigin. In BYTE data code 0 is a hole (no data: NaN here);
1 and 255 are clipped low/high and are counted in the waveform's meta. Digital
lines come a pod at a time (`POD1` = D0–D7, `POD2` = D8–D15), bit k = line k.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import ClassVar

import numpy as np

from meterlab.drivers.scope_dialect import (
    ChanTimebaseCommands,
    PartialCaptureError,
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
from meterlab.vocabulary import find_scope_measurement
from meterlab.waveform import DigitalCapture, Waveform

_SLOPE = {"POS": "POS", "NEG": "NEG", "EITHER": "EITH"}
_SLOPE_BACK = {"POS": "POS", "NEG": "NEG", "EITH": "EITHER", "ALT": "EITHER"}


def keysight_source(src: str) -> str:
    """CH1 → CHAN1, D3 → DIG3 (measurement/trigger sources), EXT, MATH."""
    if src.startswith("CH"):
        return f"CHAN{src[2:]}"
    if src.startswith("D"):
        return f"DIG{src[1:]}"
    return src


def _on(text: str) -> bool:
    return text.strip().upper() in ("1", "+1", "ON")


class KeysightInfiniiVision(ChanTimebaseCommands, ScopeDialect):
    display_words = ("1", "0")

    name = "keysight-infiniivision"
    #: generic name → query template ({src} is the source)
    measure_items: ClassVar[dict[str, str]] = {
        "VPP": ":MEAS:VPP? {src}", "VMAX": ":MEAS:VMAX? {src}", "VMIN": ":MEAS:VMIN? {src}",
        "VAVG": ":MEAS:VAV? DISP,{src}", "VRMS": ":MEAS:VRMS? DISP,DC,{src}",
        "VTOP": ":MEAS:VTOP? {src}", "VBASE": ":MEAS:VBAS? {src}", "VAMP": ":MEAS:VAMP? {src}",
        "FREQ": ":MEAS:FREQ? {src}", "PER": ":MEAS:PER? {src}", "PDUT": ":MEAS:DUTY? {src}",
        "NDUT": ":MEAS:NDUT? {src}", "RTIM": ":MEAS:RIS? {src}", "FTIM": ":MEAS:FALL? {src}",
        "PWID": ":MEAS:PWID? {src}", "NWID": ":MEAS:NWID? {src}",
        "OVERSHOOT": ":MEAS:OVER? {src}", "PRESHOOT": ":MEAS:PRES? {src}",
    }  # fmt: skip

    # -- run control ------------------------------------------------------------------------

    def run(self) -> None:
        self.conn.write(":RUN")

    def stop(self) -> None:
        self.conn.write(":STOP")

    def single(self) -> None:
        self.conn.write(":SING")

    def force(self) -> None:
        self.conn.write(":TRIG:FORC")

    def trigger_status(self) -> str:
        """STOP when the Run bit (bit 3) of the operation status is clear, else TD/WAIT
        from the trigger event register (`:TER?`, cleared by reading)."""
        with self.lock:
            cond = int(parse_float(self.conn.query(":OPER:COND?"), "the operation status"))
            if not cond & 8:
                return "STOP"
            return "TD" if _on(self.conn.query(":TER?")) else "WAIT"

    # -- setup --------------------------------------------------------------------------------

    def set_channel(self, n: int, *, scale: float | None, offset: float | None,
                    coupling: str | None, probe: float | None, display: bool | None) -> None:
        if coupling == "GND":
            raise UsageError("InfiniiVision scopes have no GND coupling; use DC or AC.")
        super().set_channel(n, scale=scale, offset=offset, coupling=coupling, probe=probe,
                            display=display)

    def set_edge_trigger(self, *, source: str | None, level: float | None, slope: str | None,
                         sweep: str | None) -> None:
        if sweep is not None and normalise_sweep(sweep) == "SINGLE":
            raise UsageError("InfiniiVision has no single sweep setting; use single() instead.")
        with self.lock:
            self.conn.write(":TRIG:MODE EDGE")
            if source is not None:
                self.conn.write(f":TRIG:EDGE:SOUR {keysight_source(canonical_source(source))}")
            if slope is not None:
                self.conn.write(f":TRIG:EDGE:SLOP {_SLOPE[normalise_slope(slope)]}")
            if level is not None:
                self.conn.write(f":TRIG:EDGE:LEV {format_number(level)}")
            if sweep is not None:
                self.conn.write(f":TRIG:SWE {normalise_sweep(sweep)}")

    def trigger(self) -> TriggerSetup:
        with self.lock:
            q = self.conn.query
            src = q(":TRIG:EDGE:SOUR?").strip().upper()
            slope = q(":TRIG:EDGE:SLOP?").strip().upper()
            level = parse_float(q(":TRIG:EDGE:LEV?"), "the trigger level")
            sweep = q(":TRIG:SWE?").strip().upper()
        return TriggerSetup(reported_source(src), level, _SLOPE_BACK.get(slope, slope),
                            "NORM" if sweep.startswith("NORM") else sweep)

    def set_logic(self, enabled: bool, lines: Iterable[int] = ()) -> None:
        with self.lock:
            pods = (1, 2) if self.spec.digital_channels > 8 else (1,)
            for p in pods:
                self.conn.write(f":POD{p}:DISP {1 if enabled else 0}")
            lines = tuple(lines)
            for n in self.check_lines(lines) if lines else ():
                self.conn.write(f":DIG{n}:DISP 1")

    def sample_rate(self) -> float:
        return parse_float(self.conn.query(":ACQ:SRAT?"), "the sample rate")

    def memory_depth(self) -> int:
        return int(parse_float(self.conn.query(":ACQ:POIN?"), "the memory depth"))

    def logic_enabled(self) -> bool:
        """True when a digital pod is shown (lines of hidden pods read as undefined)."""
        return _on(self.conn.query(":POD1:DISP?"))

    # -- waveforms ----------------------------------------------------------------------------

    def ensure_stopped(self, timeout_s: float = 5.0) -> bool:
        if self.trigger_status() == "STOP":
            return False
        self.stop()
        deadline = time.monotonic() + timeout_s
        while self.trigger_status() != "STOP":
            if time.monotonic() > deadline:
                raise InstrumentError("The scope did not stop when asked (:STOP).",
                                      resource=self.resource)
            time.sleep(0.02)
        return True

    def _select(self, source: str, memory: bool, points: int | None) -> None:
        """Queue the :WAV: setup; it travels in one message with the :WAV:PRE? after it."""
        w = self.queue
        w(f":WAV:SOUR {source}")
        w(":WAV:FORM BYTE")
        w(":WAV:UNS 1")
        w(f":WAV:POIN:MODE {'RAW' if memory else 'NORM'}")
        if points is not None:
            w(f":WAV:POIN {points}")
        elif memory:
            w(":WAV:POIN MAX")
        else:
            w(f":WAV:POIN {self.spec.screen_points}")

    def _data(self, n_expected: int, progress: Progress | None) -> bytes:
        try:
            data = self.conn.query_binary_block(":WAV:DATA?", progress=progress)
        except MeterlabError as exc:
            raise PartialCaptureError(
                f"{exc} Nothing of this record could be kept (the scope sends it in one block).",
                resource=self.resource,
            ) from None
        if len(data) != n_expected:
            raise InstrumentError(
                f"The scope sent {len(data)} points where its preamble announced {n_expected}.",
                resource=self.resource,
            )
        return data

    def read_waveform(self, source: str, mode: str, points: int | None,
                      progress: Progress | None, dtype: type = np.float64) -> Waveform:
        src = canonical_source(source)
        if not src.startswith("CH"):
            raise UsageError(f"{src} is not an analog channel; read digital lines with "
                             "read_digital().")
        self.check_channel(int(src[2:]))
        memory = mode == "memory"
        with self.lock:
            stopped = self.ensure_stopped() if memory else False
            self._select(f"CHAN{src[2:]}", memory, points)
            pre = parse_preamble(self.query(":WAV:PRE?"), self.resource)
            fmt = self.spec.format_codes.get(pre.format)
            if fmt == "ASC":
                y = parse_numbers(self.conn.query_binary_block(":WAV:DATA?")).astype(dtype)
                clipped = 0
            elif fmt == "BYTE":
                codes = np.frombuffer(self._data(pre.points, progress), dtype=np.uint8)
                lut = ((np.arange(256) - pre.yref) * pre.yinc + pre.yorigin).astype(dtype)
                lut[0] = np.nan  # a hole: no data was acquired there
                y = lut[codes]
                clipped = int(np.count_nonzero((codes == 1) | (codes == 255)))
            else:
                raise InstrumentError(
                    f"The scope reports waveform format code {pre.format} "
                    f"({fmt or 'unknown'}) after :WAV:FORM BYTE; the profile's format_codes "
                    "may not match this model.", resource=self.resource,
                )
        meta = {"vendor": "keysight", "mode": mode, "format": fmt, "preamble": pre.as_meta(),
                "clipped": clipped, "stopped_by_driver": stopped}
        return Waveform(y, pre.t0(0), pre.xinc, src, "V", meta)

    def read_digital(self, lines: tuple[int, ...], mode: str, points: int | None,
                     progress: Progress | None) -> DigitalCapture:
        memory = mode == "memory"
        pods = sorted({x // 8 for x in lines})
        got: dict[int, np.ndarray] = {}
        pre = None
        with self.lock:
            if memory:
                self.ensure_stopped()
            for pod in pods:
                self._select(f"POD{pod + 1}", memory, points)
                pre = parse_preamble(self.query(":WAV:PRE?"), self.resource)
                got[pod] = np.frombuffer(self._data(pre.points, progress), dtype=np.uint8)
        assert pre is not None
        cap = DigitalCapture.from_pods(got.get(0), got.get(1), pre.t0(0), pre.xinc, lines,
                                       {"vendor": "keysight", "mode": mode,
                                        "preamble": pre.as_meta()})
        cap.lanes &= np.uint16(sum(1 << x for x in lines))  # undisplayed lines are undefined
        return cap

    # -- measurements and screenshot ----------------------------------------------------------

    def measure_raw(self, item: str, source: str) -> float:
        query = self.item(item).format(src=keysight_source(canonical_source(source)))
        value = parse_float(self.conn.query(query), f"measurement {item} on {source}")
        # InfiniiVision gives duty cycles in percent; meterlab uses fractions everywhere
        known = find_scope_measurement(item)
        if known is not None and known.name in ("PDUT", "NDUT") and abs(value) < 9e37:
            value /= 100.0
        return value

    def screenshot(self) -> bytes:
        with self.lock:
            old = self.conn.timeout_ms
            self.conn.timeout_ms = max(old, self.spec.screenshot_timeout_ms)
            try:
                return self.conn.query_binary_block(self.spec.screenshot or ":DISP:DATA? PNG,COL")
            finally:
                self.conn.timeout_ms = old
