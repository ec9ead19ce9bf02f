"""Digital waveforms of the virtual board as pure functions of time.

Every signal here is a table of logic states ("slots") of fixed duration that a
time is looked up in, plus a finite edge at each slot boundary. Because the
value at a time depends only on that time (never on its neighbours in the
array), a capture split into chunks gives exactly the same samples as one big
call, which the scope relies on when it reads memory in pieces.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

#: Edges settle to within exp(-EDGE_SPAN) of the final level; past that the level is exact.
EDGE_SPAN = 12.0

#: Dense per-line tables are built when a call spans at most this many telemetry lines.
MAX_DENSE_LINES = 4096


def edges(
    cur: np.ndarray,
    dt: np.ndarray,
    prev_at: Callable[[np.ndarray], np.ndarray],
    tau_rise: float,
    tau_fall: float,
) -> np.ndarray:
    """Level in [0, 1] of a logic line in state `cur`, `dt` seconds into its current slot.

    A driven edge is an RC step: push-pull outputs rise and fall in a few tens
    of ns, an open-drain bus (I²C) rises slowly through its pull-up. Only samples
    within a few time constants of a slot boundary can be on an edge, so the
    previous state (`prev_at(indices)`) is looked up for those alone: that keeps
    tens of millions of samples cheap.
    """
    out = cur.astype(np.float64)
    near = np.flatnonzero(dt < EDGE_SPAN * max(tau_rise, tau_fall))
    if near.size == 0:
        return out
    c = cur[near]
    p = prev_at(near)
    d = np.maximum(dt[near], 0.0)
    rise = c & ~p
    fall = p & ~c
    if rise.any():
        out[near[rise]] = -np.expm1(-d[rise] / tau_rise)
    if fall.any():
        out[near[fall]] = np.exp(-d[fall] / tau_fall)
    return out


def uart_frame_bits(text: str) -> np.ndarray:
    """8N1 frames of the line, back to back: start bit 0, eight data bits LSB first, stop 1."""
    data = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    bits = np.ones((data.size, 10), dtype=bool)
    bits[:, 0] = False
    bits[:, 1:9] = ((data[:, None] >> np.arange(8, dtype=np.uint8)) & 1).astype(bool)
    return bits.ravel()


def i2c_slots(address: int, data: list[int], ack: bool) -> tuple[np.ndarray, np.ndarray]:
    """SCL and SDA states, four slots a bit, of one master read from `address`.

    START, address with R/W = 1, the sensor's ACK, then the data bytes (the master
    ACKs all but the last, which it NAKs), STOP. Without the sensor's ACK the
    master gives up and sends STOP straight after the NAK, as a real driver does.
    Each data bit changes SDA while SCL is low and holds it over the SCL-high half.
    """
    scl: list[int] = [1, 1, 1, 0]  # START: SDA falls while SCL is high, then SCL falls
    sda: list[int] = [1, 0, 0, 0]

    def bit(b: int) -> None:
        scl.extend((0, 1, 1, 0))
        sda.extend((b, b, b, b))

    def byte(v: int) -> None:
        for i in range(7, -1, -1):
            bit((v >> i) & 1)

    byte((address << 1) | 1)
    bit(0 if ack else 1)
    if ack:
        for i, v in enumerate(data):
            byte(v)
            bit(1 if i == len(data) - 1 else 0)
    scl.extend((0, 1, 1, 1))  # STOP: SDA rises while SCL is high
    sda.extend((0, 0, 1, 1))
    return np.array(scl, dtype=bool), np.array(sda, dtype=bool)


def sensirion_crc8(data: bytes) -> int:
    """CRC-8 (polynomial 0x31, init 0xFF) that SHT3x-style sensors append to each word."""
    crc = 0xFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = ((crc << 1) ^ 0x31) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc
