"""Protocol decoding for the scope view's logic lanes, done on the worker thread.

Turns a `DigitalCapture` into annotations the lanes draw (a time span and a
short label) and the UART text for the view's text field. Decoding is only
attempted when the record has enough samples per bit or clock pulse: a
screen read of 1200 points at a long timebase cannot resolve 9600 Bd, and a
decode of an undersampled line would show confident nonsense. In that case the
result carries a hint instead (zoom in, or take a deep capture).

Qt-free: plain numbers and strings, so it runs beside the acquisition.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from meterlab.decode import decode_i2c, decode_uart, estimate_baud

#: Fewest samples per UART bit we decode from (majority voting needs a few).
MIN_SAMPLES_PER_BIT = 3.0
#: Fewest samples per SCL half-period for I²C.
MIN_SAMPLES_PER_CLOCK = 2
#: Annotations kept per record; beyond that the lane would be unreadable anyway.
MAX_ANNOTATIONS = 4000


@dataclass(frozen=True, slots=True)
class DecodeSettings:
    """Which decoders run, and on which lines (the board's wiring by default)."""

    uart: bool = True
    uart_line: int = 0
    baud: float | None = None  # None: estimate from the record
    i2c: bool = True
    scl_line: int = 1
    sda_line: int = 2


@dataclass(frozen=True, slots=True)
class Annotation:
    row: str  # "uart" or "i2c"
    t0: float
    t1: float
    text: str  # full label, e.g. "T 54h"
    short: str  # label for narrow boxes, e.g. "T"
    kind: str  # byte, error, start, stop, address, data, ack, nak


@dataclass(slots=True)
class Decoded:
    annotations: list[Annotation] = field(default_factory=list)
    uart_text: str = ""
    uart_bytes: int = 0
    uart_errors: int = 0
    baud: float = math.nan
    # why a decoder did not run: ("uart", "samples", spb) / ("i2c", "samples", n)
    hints: list[tuple[str, str, float]] = field(default_factory=list)
    i2c_events: int = 0


def _char_label(byte: int) -> str:
    names = {9: "\\t", 10: "\\n", 13: "\\r", 32: "␣"}
    if byte in names:
        return names[byte]
    if 32 < byte < 127:
        return chr(byte)
    return "·"


def decode_uart_lane(bits: np.ndarray, t0: float, dt: float, settings: DecodeSettings,
                     out: Decoded) -> None:
    baud = settings.baud
    if not baud:
        baud = estimate_baud(bits, dt)
        if not math.isfinite(baud):
            if np.any(bits[1:] != bits[:-1]):
                out.hints.append(("uart", "baud", math.nan))
            return
    out.baud = float(baud)
    spb = 1.0 / (baud * dt)
    if spb < MIN_SAMPLES_PER_BIT:
        out.hints.append(("uart", "samples", spb))
        return
    frames = decode_uart(bits, t0, dt, baud)
    out.uart_text = frames.text
    out.uart_bytes = len(frames)
    out.uart_errors = frames.errors
    for f in frames[:MAX_ANNOTATIONS]:
        if f.error:
            out.annotations.append(Annotation("uart", f.t_start, f.t_end, f"{f.error}!", "!",
                                              "error"))
            continue
        ch = _char_label(f.byte)
        out.annotations.append(Annotation("uart", f.t_start, f.t_end, f"{ch} {f.byte:02X}h", ch,
                                          "byte"))


def _min_half_period(bits: np.ndarray) -> int:
    edges = np.flatnonzero(bits[1:] != bits[:-1])
    if edges.size < 3:
        return 0
    return int(np.percentile(np.diff(edges), 10))


def decode_i2c_lanes(scl: np.ndarray, sda: np.ndarray, t0: float, dt: float,
                     out: Decoded) -> None:
    # SCL alone can alias into slow-looking pulses when undersampled; SDA's bit
    # cells show it too, so the shorter of the two decides.
    widths = [w for w in (_min_half_period(scl), _min_half_period(sda)) if w > 0]
    if not widths:
        return  # an idle bus: nothing to say
    half = min(widths)
    if half < MIN_SAMPLES_PER_CLOCK:
        out.hints.append(("i2c", "samples", float(half)))
        return
    events = decode_i2c(scl, sda, t0, dt)
    out.i2c_events = len(events)
    # A byte and its acknowledge read as one box ("0x44 R ACK"): the ninth clock alone
    # is a sliver too narrow to label at any useful zoom. A NAK turns the box red when
    # it is the target refusing (address, or a byte written to it); the master's NAK
    # after the last byte it reads is how a read normally ends, not a fault.
    reading = False
    for i, e in enumerate(events[:MAX_ANNOTATIONS]):
        if e.kind == "ADDRESS":
            reading = bool(e.read)
        if e.kind in ("START", "RESTART"):
            label = "S" if e.kind == "START" else "Sr"
            out.annotations.append(Annotation("i2c", e.t_start, e.t_end, label, label, "start"))
        elif e.kind == "STOP":
            out.annotations.append(Annotation("i2c", e.t_start, e.t_end, "P", "P", "stop"))
        elif e.kind in ("ADDRESS", "DATA"):
            nxt = events[i + 1] if i + 1 < len(events) else None
            ack = nxt.kind if nxt is not None and nxt.kind in ("ACK", "NAK") else ""
            t_end = nxt.t_end if ack else e.t_end
            head = f"0x{e.value:02X}" + ((" R" if e.read else " W") if e.kind == "ADDRESS"
                                         else "")
            refused = ack == "NAK" and (e.kind == "ADDRESS" or not reading)
            kind = "nak" if refused else e.kind.lower()
            short = f"{e.value:02X}" + ("!" if refused else "")
            out.annotations.append(Annotation("i2c", e.t_start, t_end,
                                              f"{head} {ack}".strip(), short, kind))


def decode_capture(digital: object | None, settings: DecodeSettings) -> Decoded:
    """Every decoder that applies to this record's lines."""
    out = Decoded()
    if digital is None or len(digital) < 2:  # type: ignore[arg-type]
        return out
    chans = digital.channels  # type: ignore[attr-defined]
    t0, dt = digital.t0, digital.dt  # type: ignore[attr-defined]
    if settings.uart and settings.uart_line in chans:
        decode_uart_lane(digital.lane(settings.uart_line), t0, dt, settings, out)  # type: ignore[attr-defined]
    if settings.i2c and settings.scl_line in chans and settings.sda_line in chans:
        decode_i2c_lanes(digital.lane(settings.scl_line), digital.lane(settings.sda_line),  # type: ignore[attr-defined]
                         t0, dt, out)
    return out
