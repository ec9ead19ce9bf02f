"""Siglent SDS1000X-E dialect (the legacy command set; sigrok's "ESERIES").

Replies carry an echo header (`C1:VDIV 5.00E-01V`), so values are taken after
it. A waveform is fetched with `C<n>:WF? DAT2`, whose block follows the echo
`C1:WF DAT2,` and ends in two newlines; codes are signed 8-bit and volts =
code·VDIV/25 − OFST, the first point at TRDL − TDIV·14/2, one point per 1/SARA
(times the thinning set with `WFSU SP`). Digital lines come one per query,
8 samples per byte, least significant bit first.

Not re-read in the programming guide: the run
control words, `PAVA?`, `SCDP`, `WFSU`, and the trigger commands. The `SAST?`
states (Stop, Trig'd, Ready, Arm, Auto, Roll) and the `TRSE EDGE,SR,C1,HT,OFF`
reply agree with independent open-source SDS drivers. Confirm the rest on a
real SDS1000X-E before trusting this adapter in production.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar

import numpy as np

from meterlab.drivers.scope_dialect import (
    ChannelSetup,
    PartialCaptureError,
    Progress,
    ScopeDialect,
    TimebaseSetup,
    TriggerSetup,
    canonical_source,
    normalise_slope,
    normalise_sweep,
    reported_source,
)
from meterlab.errors import InstrumentError, MeterlabError, UsageError
from meterlab.scpi import block_header, format_number
from meterlab.waveform import DigitalCapture, Waveform

if TYPE_CHECKING:
    from meterlab.visa import RawReply

CODES_PER_DIV = 25
_SWEEP = {"AUTO": "AUTO", "NORM": "NORM", "SINGLE": "SINGLE"}
_COUPLING = {"DC": "D1M", "AC": "A1M", "GND": "GND"}
_COUPLING_BACK = {"D1M": "DC", "A1M": "AC", "D50": "DC", "A50": "AC", "GND": "GND"}
_STATE = {"STOP": "STOP", "TRIG'D": "TD", "READY": "WAIT", "ARM": "WAIT", "AUTO": "AUTO",
          "ROLL": "RUN"}
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def siglent_source(src: str) -> str:
    return f"C{src[2:]}" if src.startswith("CH") else src


def value_of(reply: str, what: str) -> str:
    """The value part of an echoed reply: 'C1:VDIV 5.00E-01V' → '5.00E-01V'."""
    text = reply.strip()
    head, sep, rest = text.partition(" ")
    is_header = bool(sep) and (":" in head or (head.isalpha() and head.isupper()))
    value = rest if is_header else text
    if not value:
        raise InstrumentError(f"The scope's reply {reply!r} to {what} carries no value.")
    return value.strip()


def number_of(reply: str, what: str) -> float:
    """The number in an echoed reply, unit suffix dropped; NaN for '****' (no result)."""
    value = value_of(reply, what).rsplit(",", 1)[-1]
    if value.strip().startswith("*"):
        return float("nan")
    m = _NUMBER.match(value.strip())
    if not m:
        raise InstrumentError(f"The scope answered {reply.strip()[:40]!r} for {what}; "
                              "a number was expected.")
    return float(m.group(0))


class SiglentSDS1000XE(ScopeDialect):
    name = "siglent-sds1000xe"
    measure_items: ClassVar[dict[str, str]] = {
        "VPP": "PKPK", "VMAX": "MAX", "VMIN": "MIN", "VAVG": "MEAN", "VRMS": "RMS",
        "VTOP": "TOP", "VBASE": "BASE", "VAMP": "AMPL", "FREQ": "FREQ", "PER": "PER",
        "PDUT": "DUTY", "NDUT": "NDUTY", "RTIM": "RISE", "FTIM": "FALL", "PWID": "PWID",
        "NWID": "NWID", "OVERSHOOT": "OVSP", "PRESHOOT": "RPRE",
    }  # fmt: skip

    # -- replies that are no standard block: read through Connection.query_raw -----------------

    def _raw_query(self, command: str, reader: Callable[[RawReply], bytes]) -> bytes:
        """Send `command`, then let `reader(reply)` take exactly the reply's bytes."""
        return self.conn.query_raw(command, reader)

    def _echo_block(self, command: str) -> bytes:
        """`C1:WF DAT2,#9000000070<data>\\n\\n` → the data bytes."""

        def reader(reply: RawReply) -> bytes:
            prefix = b""
            while not prefix.endswith(b"#"):
                prefix += reply.read(1)
                if len(prefix) > 64:
                    raise InstrumentError(
                        f"The reply to '{command}' has no data block: {prefix[:40]!r}.",
                        resource=self.resource,
                    )
            ndig = reply.read(1)
            digits = reply.read(int(ndig) if ndig.isdigit() else 0)
            _, length = block_header(b"#" + ndig + digits)
            data = reply.read(length)
            reply.skip_terminators(most=2)
            return data

        return self._raw_query(command, reader)

    # -- run control ------------------------------------------------------------------------

    def run(self) -> None:
        self.conn.write("ARM")

    def stop(self) -> None:
        self.conn.write("STOP")

    def single(self) -> None:
        self.conn.write("TRMD SINGLE")

    def force(self) -> None:
        self.conn.write("FRTR")

    def trigger_status(self) -> str:
        word = value_of(self.conn.query("SAST?"), "the acquisition status").upper()
        if word not in _STATE:
            raise InstrumentError(f"The scope reported an unknown acquisition state {word!r}.",
                                  resource=self.resource)
        return _STATE[word]

    # -- setup --------------------------------------------------------------------------------

    def set_channel(self, n: int, *, scale: float | None, offset: float | None,
                    coupling: str | None, probe: float | None, display: bool | None) -> None:
        self.check_channel(n)
        c = f"C{n}"
        with self.lock:
            if probe is not None:
                self.conn.write(f"{c}:ATTN {format_number(probe)}")
            if scale is not None:
                self.conn.write(f"{c}:VDIV {format_number(scale)}")
            if offset is not None:
                self.conn.write(f"{c}:OFST {format_number(offset)}")
            if coupling is not None:
                self.conn.write(f"{c}:CPL {_COUPLING[coupling]}")
            if display is not None:
                self.conn.write(f"{c}:TRA {'ON' if display else 'OFF'}")

    def channel(self, n: int) -> ChannelSetup:
        self.check_channel(n)
        c = f"C{n}"
        with self.lock:
            q = self.conn.query
            cpl = value_of(q(f"{c}:CPL?"), "the coupling").upper()
            return ChannelSetup(
                channel=n,
                display=value_of(q(f"{c}:TRA?"), "the trace state").upper() == "ON",
                scale=number_of(q(f"{c}:VDIV?"), "the vertical scale"),
                offset=number_of(q(f"{c}:OFST?"), "the offset"),
                coupling=_COUPLING_BACK.get(cpl, cpl),
                probe=number_of(q(f"{c}:ATTN?"), "the probe ratio"),
            )

    def set_timebase(self, *, scale: float | None, offset: float | None) -> None:
        with self.lock:
            if scale is not None:
                self.conn.write(f"TDIV {format_number(scale)}")
            if offset is not None:
                self.conn.write(f"TRDL {format_number(offset)}")

    def timebase(self) -> TimebaseSetup:
        with self.lock:
            return TimebaseSetup(
                scale=number_of(self.conn.query("TDIV?"), "the timebase"),
                offset=number_of(self.conn.query("TRDL?"), "the trigger delay"),
            )

    def set_edge_trigger(self, *, source: str | None, level: float | None, slope: str | None,
                         sweep: str | None) -> None:
        with self.lock:
            src = siglent_source(canonical_source(source)) if source is not None else None
            if src is None:
                src = self._trigger_source()
            if source is not None:
                self.conn.write(f"TRSE EDGE,SR,{src},HT,OFF")
            if level is not None:
                self.conn.write(f"{src}:TRLV {format_number(level)}")
            if slope is not None:
                s = normalise_slope(slope)
                if s == "EITHER":
                    raise UsageError("Use a rising or falling edge on this scope.")
                self.conn.write(f"{src}:TRSL {s}")
            if sweep is not None:
                self.conn.write(f"TRMD {_SWEEP[normalise_sweep(sweep)]}")

    def _trigger_source(self) -> str:
        fields = value_of(self.conn.query("TRSE?"), "the trigger setup").split(",")
        if "SR" in fields and fields.index("SR") + 1 < len(fields):
            return fields[fields.index("SR") + 1].strip()
        raise InstrumentError("The scope's trigger setup names no source.",
                              resource=self.resource)

    def trigger(self) -> TriggerSetup:
        with self.lock:
            src = self._trigger_source()
            level = number_of(self.conn.query(f"{src}:TRLV?"), "the trigger level")
            slope = value_of(self.conn.query(f"{src}:TRSL?"), "the trigger slope").upper()
            sweep = value_of(self.conn.query("TRMD?"), "the trigger mode").upper()
        return TriggerSetup(reported_source(src), level, slope, sweep)

    def set_logic(self, enabled: bool, lines: Iterable[int] = ()) -> None:
        with self.lock:
            self.conn.write(f"DI:SW {'ON' if enabled else 'OFF'}")
            lines = tuple(lines)
            for n in self.check_lines(lines) if lines else ():
                self.conn.write(f"D{n}:TRA ON")

    def sample_rate(self) -> float:
        return number_of(self.conn.query("SARA?"), "the sample rate")

    def memory_depth(self) -> int:
        return int(number_of(self.conn.query("SANU? C1"), "the memory depth"))

    # -- waveforms ----------------------------------------------------------------------------

    def _thinning(self, depth: int, mode: str, points: int | None) -> tuple[int, int]:
        """(SP, NP) for WFSU: every SP-th point, at most NP points (0 = all)."""
        sp = max(1, depth // self.spec.screen_points) if mode == "screen" else 1
        return sp, (points or 0)

    def read_waveform(self, source: str, mode: str, points: int | None,
                      progress: Progress | None, dtype: type = np.float64) -> Waveform:
        src = canonical_source(source)
        if not src.startswith("CH"):
            raise UsageError(f"{src} is not an analog channel; read digital lines with "
                             "read_digital().")
        self.check_channel(int(src[2:]))
        c = siglent_source(src)
        with self.lock:
            q = self.conn.query
            vdiv = number_of(q(f"{c}:VDIV?"), "the vertical scale")
            ofst = number_of(q(f"{c}:OFST?"), "the offset")
            tdiv = number_of(q("TDIV?"), "the timebase")
            trdl = number_of(q("TRDL?"), "the trigger delay")
            sara = number_of(q("SARA?"), "the sample rate")
            depth = int(number_of(q(f"SANU? {c}"), "the memory depth"))
            sp, np_ = self._thinning(depth, mode, points)
            self.conn.write(f"WFSU SP,{sp},NP,{np_},FP,0")
            try:
                data = self._echo_block(f"{c}:WF? DAT2")
            except MeterlabError as exc:
                raise PartialCaptureError(f"{exc} The record is sent in one block; nothing of "
                                          "it could be kept.", resource=self.resource) from None
        if progress is not None:
            progress(len(data), len(data))
        codes = np.frombuffer(data, dtype=np.int8)
        lut = (np.arange(-128, 128) * (vdiv / CODES_PER_DIV) - ofst).astype(dtype)
        y = lut[codes.astype(np.int16) + 128]
        t0 = trdl - tdiv * self.spec.h_divisions / 2
        meta = {"vendor": "siglent", "mode": mode, "vdiv": vdiv, "offset": ofst, "tdiv": tdiv,
                "trdl": trdl, "sara": sara, "sparsing": sp}
        return Waveform(y, t0, sp / sara, src, "V", meta)

    def logic_enabled(self) -> bool:
        return value_of(self.conn.query("DI:SW?"), "the logic analyser state").upper() == "ON"

    def read_digital(self, lines: tuple[int, ...], mode: str, points: int | None,
                     progress: Progress | None) -> DigitalCapture:
        with self.lock:
            if not self.logic_enabled():
                raise UsageError("The scope's logic analyser is off, so D0–D15 carry no data. "
                                 "Switch it on and acquire again.")
            tdiv = number_of(self.conn.query("TDIV?"), "the timebase")
            trdl = number_of(self.conn.query("TRDL?"), "the trigger delay")
            depth = int(number_of(self.conn.query("SANU? D0"), "the digital memory depth"))
            bits: dict[int, np.ndarray] = {}
            for k, line in enumerate(lines):
                data = self._echo_block(f"D{line}:WF? DAT2")
                bits[line] = np.unpackbits(np.frombuffer(data, np.uint8), bitorder="little")
                if progress is not None:
                    progress(k + 1, len(lines))
        n = min(min(len(b) for b in bits.values()), depth)
        if points is not None:
            n = min(n, points)
        window = tdiv * self.spec.h_divisions
        return DigitalCapture.from_lines({k: v[:n] for k, v in bits.items()},
                                         trdl - window / 2, window / depth,
                                         {"vendor": "siglent", "mode": mode})

    # -- measurements and screenshot ----------------------------------------------------------

    def measure_raw(self, item: str, source: str) -> float:
        c = siglent_source(canonical_source(source))
        reply = self.conn.query(f"{c}:PAVA? {self.item(item)}")
        value = number_of(reply, f"measurement {item} on {source}")
        # duty cycles come in percent ("25.00%"); meterlab uses fractions everywhere
        return value / 100.0 if reply.strip().endswith("%") else value

    def screenshot(self) -> bytes:
        """`SCDP` answers a bare BMP (no block header): its size is in the BMP header."""

        def reader(reply: RawReply) -> bytes:
            head = reply.read(14)
            if head[:2] != b"BM":
                raise InstrumentError(f"The screenshot is not a BMP image ({head[:8]!r}).",
                                      resource=self.resource)
            size = int.from_bytes(head[2:6], "little")
            body = reply.read(size - 14)
            reply.skip_terminators(most=1)
            return head + body

        with self.lock:
            old = self.conn.timeout_ms
            self.conn.timeout_ms = max(old, self.spec.screenshot_timeout_ms)
            try:
                return self._raw_query(self.spec.screenshot or "SCDP", reader)
            finally:
                self.conn.timeout_ms = old
