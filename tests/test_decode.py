"""UART and I²C decoding: encode in the test, decode, compare; noise and glitches included."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meterlab.decode import (
    UartFrames,
    decode_capture_i2c,
    decode_capture_uart,
    decode_i2c,
    decode_uart,
    deglitch,
    estimate_baud,
)
from meterlab.waveform import DigitalCapture

FS = 1e6  # samples per second used by the synthetic captures


def uart_line(
    data: bytes, baud: float, *, bits: int = 8, parity: str = "N", stop: float = 1,
    gap_bits: float = 3.0, lead_bits: float = 5.0, fs: float = FS,
) -> np.ndarray:
    """Idle-high serial line carrying `data`, LSB first, sampled at fs."""
    levels: list[tuple[bool, float]] = [(True, lead_bits)]
    for b in data:
        levels.append((False, 1))
        ones = 0
        for k in range(bits):
            bit = bool(b >> k & 1)
            ones += bit
            levels.append((bit, 1))
        if parity != "N":
            p = {"E": ones % 2 == 1, "O": ones % 2 == 0, "M": True, "S": False}[parity]
            levels.append((p, 1))
        levels.append((True, stop + gap_bits))
    levels.append((True, lead_bits))
    edges = np.cumsum([0.0] + [n for _, n in levels]) / baud  # seconds
    n = int(edges[-1] * fs)
    t = np.arange(n) / fs
    which = np.searchsorted(edges, t, side="right") - 1
    return np.array([v for v, _ in levels])[np.clip(which, 0, len(levels) - 1)]


@settings(max_examples=40, deadline=None)
@given(
    data=st.binary(min_size=1, max_size=40),
    baud=st.sampled_from([9600, 19200, 57600, 115200]),
    gap=st.floats(0.0, 4.0),
)
def test_uart_round_trip(data: bytes, baud: int, gap: float) -> None:
    line = uart_line(data, baud, gap_bits=gap)
    frames = decode_uart(line, 0.0, 1 / FS, baud)
    assert frames.data == data
    assert frames.errors == 0
    # the first frame starts where its start bit starts (5 idle bits of lead-in)
    assert frames[0].t_start == pytest.approx(5 / baud, abs=1.5 / FS)
    assert all(f.t_end > f.t_start for f in frames)


@settings(max_examples=25, deadline=None)
@given(
    data=st.binary(min_size=1, max_size=20),
    bits=st.integers(5, 8),
    parity=st.sampled_from("NEOMS"),
    stop=st.sampled_from([1, 1.5, 2]),
)
def test_uart_formats_round_trip(data: bytes, bits: int, parity: str, stop: float) -> None:
    data = bytes(b & ((1 << bits) - 1) for b in data)
    line = uart_line(data, 19200, bits=bits, parity=parity, stop=stop, gap_bits=0)
    frames = decode_uart(line, 0.0, 1 / FS, 19200, bits=bits, parity=parity, stop=stop)
    assert [f.byte for f in frames] == list(data)
    assert frames.errors == 0


def test_parity_and_framing_errors_are_reported_not_dropped() -> None:
    good = uart_line(b"A", 9600, parity="E")
    bad_parity = decode_uart(good, 0, 1 / FS, 9600, parity="O")
    assert [(f.byte, f.error) for f in bad_parity] == [(0x41, "parity")]
    # a break: the line held low for longer than a frame
    line = np.ones(4000, bool)
    line[1000:3000] = False
    frames = decode_uart(line, 0, 1 / FS, 9600)
    assert frames[0].byte == 0 and frames[0].error == "framing"
    assert frames.text == "\ufffd"


def test_glitches_and_noise_are_tolerated() -> None:
    rng = np.random.default_rng(7)
    data = b"Hello, bench! \x00\xff"
    line = uart_line(data, 9600)  # ~104 samples per bit
    # 1-sample glitches anywhere (also in idle time), 0.3 % of samples flipped
    flip = rng.random(line.size) < 0.003
    noisy = line ^ flip
    frames = decode_uart(noisy, 0, 1 / FS, 9600)
    assert frames.data == data
    assert frames.text == "Hello, bench! \\x00\\xff"


def test_inverted_line_and_time_offset() -> None:
    line = uart_line(b"OK", 115200, fs=10e6)
    frames = decode_uart(~line, -1e-3, 1e-7, 115200, idle_high=False)
    assert frames.text == "OK"
    assert frames[0].t_start == pytest.approx(-1e-3 + 5 / 115200, abs=2e-7)


def test_frame_cut_off_at_the_end_is_not_invented() -> None:
    line = uart_line(b"XY", 9600, lead_bits=1.0)
    cut = line[: int(line.size * 0.75)]
    assert decode_uart(cut, 0, 1 / FS, 9600).data == b"X"


def test_too_few_samples_per_bit_is_refused() -> None:
    with pytest.raises(ValueError, match="samples per bit"):
        decode_uart(np.ones(100, bool), 0, 1e-5, 115200)


@pytest.mark.parametrize("baud", [2400, 9600, 38400, 115200, 250000])
def test_baud_is_estimated_and_snapped(baud: int) -> None:
    line = uart_line(b"The quick brown fox \x55\xaa", baud, fs=20e6)
    assert estimate_baud(line, 1 / 20e6) == baud


def test_unusual_baud_is_not_snapped_and_glitches_do_not_fool_it() -> None:
    line = uart_line(bytes(range(0, 256, 7)), 7000, fs=2e6)
    line[5000] ^= True  # one glitch
    est = estimate_baud(line, 1 / 2e6)
    assert est == pytest.approx(7000, rel=0.01)
    assert np.isnan(estimate_baud(np.ones(100, bool), 1e-6))


def test_deglitch_removes_short_pulses_only() -> None:
    x = np.array([1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0], bool)
    assert deglitch(x, 2).astype(int).tolist() == [1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]
    assert np.array_equal(deglitch(x, 1), x)


# --- I²C ---------------------------------------------------------------------------------

Q = 5  # samples per quarter clock period


def i2c_bus(transactions: list[tuple[int, bool, bytes, list[bool]]], *, repeated: bool = False):
    """SCL/SDA for transactions (addr, read, data, acks); acks[i] True = ACK for byte i."""
    scl: list[int] = [1] * (4 * Q)
    sda: list[int] = [1] * (4 * Q)

    def put(c: int, d: int, n: int = Q) -> None:
        scl.extend([c] * n)
        sda.extend([d] * n)

    for k, (addr, read, data, acks) in enumerate(transactions):
        if k and repeated:
            put(0, 1)  # release SDA with SCL low, then SCL high for a repeated start
            put(1, 1)
        put(1, 0)  # START: SDA falls while SCL high
        put(0, 0)
        for i, byte in enumerate([(addr << 1) | read, *data]):
            for b in range(7, -1, -1):
                bit = byte >> b & 1
                put(0, bit)
                put(1, bit, 2 * Q)
                put(0, bit)
            ack = 0 if acks[i] else 1
            put(0, ack)
            put(1, ack, 2 * Q)
            put(0, ack)
        if not repeated or k == len(transactions) - 1:
            put(0, 0)
            put(1, 0)  # SCL rises with SDA low
            put(1, 1)  # STOP: SDA rises while SCL high
            put(1, 1, 4 * Q)
    return np.array(scl, bool), np.array(sda, bool)


@settings(max_examples=30, deadline=None)
@given(
    addr=st.integers(0x08, 0x77),
    read=st.booleans(),
    data=st.binary(max_size=6),
    nak_last=st.booleans(),
)
def test_i2c_round_trip(addr: int, read: bool, data: bytes, nak_last: bool) -> None:
    acks = [True] * (len(data) + 1)
    if nak_last:
        acks[-1] = False
    scl, sda = i2c_bus([(addr, read, data, acks)])
    ev = decode_i2c(scl, sda, 0.0, 1e-6)
    kinds = [e.kind for e in ev]
    expected = ["START", "ADDRESS", "ACK" if acks[0] else "NAK"]
    for i in range(len(data)):
        expected += ["DATA", "ACK" if acks[i + 1] else "NAK"]
    expected.append("STOP")
    assert kinds == expected
    assert ev[1].value == addr and ev[1].read == read
    assert bytes(e.value for e in ev if e.kind == "DATA") == data
    assert all(e.t_end >= e.t_start for e in ev)


def test_i2c_repeated_start_and_register_read() -> None:
    scl, sda = i2c_bus([(0x48, False, b"\x00", [True, True]), (0x48, True, b"\x1a\x80",
                        [True, True, False])], repeated=True)
    ev = decode_i2c(scl, sda, 0.0, 1e-6)
    assert [e.kind for e in ev] == [
        "START", "ADDRESS", "ACK", "DATA", "ACK",
        "RESTART", "ADDRESS", "ACK", "DATA", "ACK", "DATA", "NAK", "STOP",
    ]  # fmt: skip
    assert ev[6].read is True and ev[3].value == 0 and ev[10].value == 0x80


def test_i2c_nak_on_address_and_glitch_filter() -> None:
    scl, sda = i2c_bus([(0x50, False, b"", [False])])
    ev = decode_i2c(scl, sda, 0.0, 1e-6)
    assert [e.kind for e in ev] == ["START", "ADDRESS", "NAK", "STOP"]
    # a one-sample spike on SCL in the middle of a high data bit would add a bit
    spiky = scl.copy()
    lows = np.flatnonzero(~scl)
    spiky[lows[len(lows) // 3] - 0] = True
    assert [e.kind for e in decode_i2c(spiky, sda, 0, 1e-6, min_width=2)] == [
        "START", "ADDRESS", "NAK", "STOP"]


def test_messages_split_at_idle_gaps_and_newlines() -> None:
    idle = np.ones(int(FS * 30 / 9600), bool)  # three frame times of idle line
    line = np.concatenate([uart_line(b"AB\nCD", 9600, gap_bits=0), idle,
                           uart_line(b"EF", 9600)])
    frames = decode_uart(line, 0.0, 1 / FS, 9600)
    msgs = frames.messages()
    assert [m[2] for m in msgs] == ["AB\n", "CD", "EF"]
    assert all(a < b for a, b, _ in msgs)
    assert msgs[0][1] <= msgs[1][0] + 1 / FS and msgs[1][1] < msgs[2][0]
    assert UartFrames().messages() == []


def test_capture_helpers_decode_lanes_of_a_digital_capture() -> None:
    uart = uart_line(b"hello", 19200)
    scl, sda = i2c_bus([(0x44, True, b"\x12", [True, False])])
    n = max(uart.size, scl.size)
    pad = lambda a: np.concatenate([a, np.full(n - a.size, a[-1])])  # noqa: E731
    cap = DigitalCapture.from_lines({0: pad(uart), 1: pad(scl), 2: pad(sda)}, 0.0, 1 / FS)
    assert decode_capture_uart(cap, 0).text == "hello"  # baud estimated
    assert decode_capture_uart(cap, 0, 19200).data == b"hello"
    events = decode_capture_i2c(cap, scl=1, sda=2)
    assert [e.kind for e in events][:3] == ["START", "ADDRESS", "ACK"]
    assert events[1].value == 0x44
    quiet = DigitalCapture.from_lines({5: np.ones(1000, bool)}, 0.0, 1e-6)
    assert decode_capture_uart(quiet, 5) == []
