"""Decode UART and I²C from captured logic lines.

Inputs are bool arrays on a uniform time base (a `DigitalCapture.lane(n)`, or a
thresholded analog trace) with t0 and dt. Finding edges and conditions is numpy
work over the whole record; the per-frame state machine then only visits the
edges, so a 24 Mpts capture with a few thousand bytes decodes in milliseconds.

Glitch tolerance: each UART bit is decided by majority over the middle third
of its bit time, and a start edge whose start bit is not low at its centre is
treated as a glitch, not a frame. `deglitch()` removes pulses shorter than a
given width before decoding (useful for I²C on a ringing bus).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from meterlab.waveform import DigitalCapture

STANDARD_BAUDS = (
    300, 600, 1200, 2400, 4800, 9600, 14400, 19200, 28800, 31250, 38400, 57600, 76800,
    115200, 128000, 230400, 250000, 256000, 460800, 500000, 576000, 921600, 1000000,
    1500000, 2000000, 3000000,
)  # fmt: skip


class UartFrame(NamedTuple):
    """One received character. `error` is None, "framing" (stop bit low) or "parity"."""

    t_start: float
    t_end: float
    byte: int
    error: str | None


class UartFrames(list[UartFrame]):
    """The frames of one line, in time order, with text and bytes helpers."""

    @property
    def data(self) -> bytes:
        return bytes(f.byte for f in self if f.byte < 256)

    @property
    def text(self) -> str:
        """The bytes as text; a byte that is not printable shows as \\xNN, errors as �."""
        out = []
        for f in self:
            if f.error:
                out.append("\ufffd")
            elif f.byte in (9, 10, 13) or 32 <= f.byte < 127:
                out.append(chr(f.byte))
            else:
                out.append(f"\\x{f.byte:02x}")
        return "".join(out)

    @property
    def errors(self) -> int:
        return sum(1 for f in self if f.error)

    def messages(self, gap: float | None = None) -> list[tuple[float, float, str]]:
        """Frames grouped into messages at idle gaps: (t_start, t_end, text) each.

        A new message starts after the line was idle longer than `gap` seconds
        (default: two frame times), or after a newline character, which is how a
        trace annotation reads best when zoomed out.
        """
        out: list[tuple[float, float, str]] = []
        if not self:
            return out
        if gap is None:
            gap = 2 * (self[0].t_end - self[0].t_start)
        start = 0
        for i in range(1, len(self) + 1):
            end_here = i == len(self) or (
                self[i].t_start - self[i - 1].t_end > gap or self[i - 1].byte == 10
            )
            if end_here:
                part = UartFrames(self[start:i])
                out.append((part[0].t_start, part[-1].t_end, part.text))
                start = i
        return out


def _as_bool(line: np.ndarray) -> np.ndarray:
    a = np.asarray(line)
    return a if a.dtype == bool else a != 0


def deglitch(line: np.ndarray, min_width: int) -> np.ndarray:
    """Remove pulses shorter than min_width samples (they take the level before them)."""
    bits = _as_bool(line)
    if min_width <= 1 or bits.size < 2:
        return bits
    starts = np.concatenate(([0], np.flatnonzero(bits[1:] != bits[:-1]) + 1))
    lengths = np.diff(np.append(starts, bits.size))
    keep = lengths >= min_width
    keep[0] = True  # the first run's level is all we know about what came before
    run_idx = np.where(keep, np.arange(starts.size), 0)
    np.maximum.accumulate(run_idx, out=run_idx)
    values = bits[starts[run_idx]]
    return np.repeat(values, lengths)


def _parity_ok(byte: int, bits: int, parity: str, pbit: bool) -> bool:
    ones = (byte & ((1 << bits) - 1)).bit_count()
    if parity == "E":
        return (ones + pbit) % 2 == 0
    if parity == "O":
        return (ones + pbit) % 2 == 1
    if parity == "M":
        return pbit
    if parity == "S":
        return not pbit
    return True


def decode_uart(
    line: np.ndarray,
    t0: float,
    dt: float,
    baud: float,
    *,
    bits: int = 8,
    parity: str = "N",
    stop: float = 1,
    idle_high: bool = True,
) -> UartFrames:
    """Decode an asynchronous serial line (LSB first) into frames.

    `parity` is N, E, O, M (mark) or S (space); `stop` 1, 1.5 or 2. With
    `idle_high=False` the line is inverted first (RS-232 levels seen directly).
    A frame whose stop bit is low is kept with error "framing" (a break shows as
    byte 0 with a framing error); a wrong parity bit gives error "parity".
    """
    parity = parity.upper()[:1]
    if parity not in "NEOMS":
        raise ValueError(f"parity must be N, E, O, M or S, got {parity!r}")
    if not 5 <= bits <= 9:
        raise ValueError(f"data bits must be 5…9, got {bits}")
    x = _as_bool(line)
    if not idle_high:
        x = ~x
    n = x.size
    spb = 1.0 / (baud * dt)  # samples per bit
    if spb < 2:
        raise ValueError(
            f"{baud:g} Bd needs at least 2 samples per bit; the capture has "
            f"{1 / dt:g} Sa/s. Capture at a higher sample rate."
        )
    nbits_data = bits + (parity != "N")
    frame_bits = 1 + nbits_data + stop
    # majority over the middle third of each bit: cumulative sums make it O(1) per bit
    csum = np.zeros(n + 1, dtype=np.int32 if n < 2**31 - 1 else np.int64)
    np.cumsum(x, out=csum[1:])
    half = max(0, int(spb / 6))
    falls = np.flatnonzero(x[:-1] & ~x[1:]) + 1  # first low sample after high
    frames = UartFrames()
    offsets = (np.arange(1 + nbits_data + 1) + 0.5) * spb  # start, data(+parity), 1st stop

    pos = 0
    k = 0
    while True:
        k += int(np.searchsorted(falls[k:], pos, side="left"))
        if k >= falls.size:
            break
        s = int(falls[k])
        centres = np.rint(s - 0.5 + offsets).astype(np.int64)
        if centres[-1] + half >= n:
            break  # the frame runs past the end of the capture: not decodable
        lo = np.clip(centres - half, 0, n - 1)
        hi = np.clip(centres + half + 1, 1, n)
        ones = csum[hi] - csum[lo]
        level = ones * 2 > (hi - lo)
        if level[0]:
            pos = s + 1  # a glitch, not a start bit
            k += 1
            continue
        data = level[1 : 1 + bits]
        byte = int(np.dot(data, 1 << np.arange(bits)))
        error = None
        if parity != "N" and not _parity_ok(byte, bits, parity, bool(level[1 + bits])):
            error = "parity"
        if not level[-1]:
            error = "framing"
        frames.append(UartFrame(t0 + s * dt, t0 + (s + frame_bits * spb) * dt, byte, error))
        # resynchronise from the middle of the stop bit, as a receiver does
        pos = int(centres[-1])
        k += 1
    return frames


def estimate_baud(line: np.ndarray, dt: float, *, snap: float = 0.03) -> float:
    """Estimate the baud rate of a UART line from its pulse widths.

    The shortest common pulse is one bit; every pulse is then a whole number of
    bits, and the bit time is refined over all of them (long idle gaps left out).
    When the result is within `snap` (relative) of a standard rate, that rate is
    returned. NaN if the line has too few edges.
    """
    x = _as_bool(line)
    edges = np.flatnonzero(x[1:] != x[:-1]) + 1
    if edges.size < 3:
        return float("nan")
    runs = np.diff(edges).astype(np.float64)  # complete pulses only
    unit = float(np.percentile(runs, 10))
    if unit <= 0:
        return float("nan")
    for _ in range(3):
        k = np.rint(runs / unit)
        use = (k >= 1) & (k <= 12) & (np.abs(runs / unit - k) < 0.35)
        if not use.any():
            return float("nan")
        unit = float(runs[use].sum() / k[use].sum())
    baud = 1.0 / (unit * dt)
    if snap:
        std = np.asarray(STANDARD_BAUDS, dtype=np.float64)
        j = int(np.argmin(np.abs(std / baud - 1)))
        if abs(std[j] / baud - 1) <= snap:
            return float(std[j])
    return baud


def decode_capture_uart(
    capture: DigitalCapture,
    line: int,
    baud: float | None = None,
    *,
    bits: int = 8,
    parity: str = "N",
    stop: float = 1,
    idle_high: bool = True,
) -> UartFrames:
    """Decode line D`line` of a capture; the baud rate is estimated when not given.

    An empty result (not an error) when the line carries no traffic.
    """
    levels = capture.lane(line)
    if baud is None:
        baud = estimate_baud(levels, capture.dt)
        if not math.isfinite(baud):
            return UartFrames()
    return decode_uart(levels, capture.t0, capture.dt, baud, bits=bits, parity=parity,
                       stop=stop, idle_high=idle_high)


def decode_capture_i2c(
    capture: DigitalCapture, scl: int, sda: int, *, min_width: int = 0
) -> list[I2cEvent]:
    """Decode the I²C bus on lines D`scl` (clock) and D`sda` (data) of a capture."""
    return decode_i2c(capture.lane(scl), capture.lane(sda), capture.t0, capture.dt,
                      min_width=min_width)


class I2cEvent(NamedTuple):
    """One I²C bus event.

    kind: START, RESTART, ADDRESS (value = 7-bit address, read = R/W bit), DATA
    (value = byte), ACK, NAK, STOP. Times are in seconds; a START/STOP is an instant
    (t_start == t_end).
    """

    kind: str
    t_start: float
    t_end: float
    value: int | None = None
    read: bool | None = None


def decode_i2c(
    scl: np.ndarray, sda: np.ndarray, t0: float, dt: float, *, min_width: int = 0
) -> list[I2cEvent]:
    """Decode an I²C bus from its clock and data lines.

    SDA falling while SCL is high is a START (RESTART if no STOP came since the
    last START), SDA rising while SCL is high a STOP; data bits are sampled on
    SCL rising edges, MSB first, nine per byte (the ninth is ACK low / NAK high).
    The first byte after a START is the address byte. `min_width` (samples) removes
    glitches from both lines first.
    """
    c = _as_bool(scl)
    d = _as_bool(sda)
    n = min(c.size, d.size)
    c, d = c[:n], d[:n]
    if min_width > 1:
        c, d = deglitch(c, min_width), deglitch(d, min_width)
    if n < 2:
        return []
    clk_rise = np.flatnonzero(~c[:-1] & c[1:]) + 1
    clk_fall = np.flatnonzero(c[:-1] & ~c[1:]) + 1
    sda_fall = np.flatnonzero(d[:-1] & ~d[1:]) + 1
    sda_rise = np.flatnonzero(~d[:-1] & d[1:]) + 1
    # a condition needs SCL high both before and at the SDA change
    starts = sda_fall[c[sda_fall] & c[sda_fall - 1]]
    stops = sda_rise[c[sda_rise] & c[sda_rise - 1]]
    # merge into one time-ordered stream: 0 = bit (SCL rise), 1 = START, 2 = STOP
    idx = np.concatenate((clk_rise, starts, stops))
    kind = np.concatenate(
        (np.zeros(clk_rise.size, np.int8), np.ones(starts.size, np.int8),
         np.full(stops.size, 2, np.int8))
    )  # fmt: skip
    order = np.lexsort((kind, idx))
    idx, kind = idx[order], kind[order]
    bitval = d[idx]

    def t(i: int) -> float:
        return t0 + i * dt

    def fall_after(i: int) -> int:
        j = int(np.searchsorted(clk_fall, i, side="right"))
        return int(clk_fall[j]) if j < clk_fall.size else n - 1

    events: list[I2cEvent] = []
    in_frame = False
    stopped = True
    acc: list[tuple[int, bool]] = []  # (sample index, bit) of the byte being collected
    first_byte = False
    for i, k, b in zip(idx.tolist(), kind.tolist(), bitval.tolist(), strict=True):
        if k == 1:
            events.append(I2cEvent("START" if stopped else "RESTART", t(i), t(i)))
            in_frame, stopped, first_byte, acc = True, False, True, []
        elif k == 2:
            events.append(I2cEvent("STOP", t(i), t(i)))
            in_frame, stopped, acc = False, True, []
        elif in_frame:
            acc.append((i, b))
            if len(acc) == 9:
                value = 0
                for _, bit in acc[:8]:
                    value = (value << 1) | bit
                i_first, i_ack = acc[0][0], acc[8][0]
                if first_byte:
                    events.append(I2cEvent("ADDRESS", t(i_first), t(i_ack), value >> 1,
                                           bool(value & 1)))
                    first_byte = False
                else:
                    events.append(I2cEvent("DATA", t(i_first), t(i_ack), value))
                events.append(I2cEvent("NAK" if acc[8][1] else "ACK", t(i_ack),
                                       t(fall_after(i_ack))))
                acc = []
    return events
