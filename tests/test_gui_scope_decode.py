"""The scope view's decoders (Qt-free): what the lanes are told to draw, from board signals.

The lines come from the virtual board itself (thresholded like a logic probe), so
the figures are the board's: a 9600 Bd telemetry line, and the sensor at 0x44
read every 10 ms — acknowledged, or refused with the `i2c_nak` fault.
"""

from __future__ import annotations

import math

import numpy as np

from meterlab.gui.scope_decode import DecodeSettings, decode_capture
from meterlab.sim.board import Board
from meterlab.waveform import DigitalCapture

NETS = {0: "UART_TX", 1: "SCL", 2: "SDA"}


def capture(board: Board, t0: float, span: float, rate: float) -> DigitalCapture:
    t = t0 + np.arange(int(span * rate)) / rate
    lines = {n: board.analog(net, t) > 1.4 for n, net in NETS.items()}
    return DigitalCapture.from_lines(lines, t0, 1 / rate)


def test_deep_record_decodes_uart_text_and_acknowledged_i2c_reads():
    d = decode_capture(capture(Board(seed=2), 0.0, 0.12, 2e6), DecodeSettings())
    assert d.baud == 9600  # estimated from the record
    assert "V=3.30" in d.uart_text and d.uart_errors == 0
    uart = [a for a in d.annotations if a.row == "uart"]
    assert len(uart) == d.uart_bytes and uart[0].t1 > uart[0].t0
    assert any(a.text.endswith("54h") and a.short == "T" for a in uart)  # 'T' = 0x54
    i2c = [a for a in d.annotations if a.row == "i2c"]
    addresses = [a for a in i2c if a.kind == "address"]
    assert len(addresses) >= 10  # one sensor read every 10 ms
    assert all(a.text == "0x44 R ACK" for a in addresses)
    assert not any(a.kind == "nak" for a in i2c)  # the master's last-byte NAK is no fault
    assert d.hints == []


def test_a_refusing_sensor_shows_red_nak_boxes():
    d = decode_capture(capture(Board(seed=2, faults=("i2c_nak",)), 0.0, 0.05, 2e6),
                       DecodeSettings(uart=False))
    refused = [a for a in d.annotations if a.kind == "nak"]
    assert refused and all("NAK" in a.text and a.short.endswith("!") for a in refused)
    assert d.uart_text == "" and not any(a.row == "uart" for a in d.annotations)


def test_undersampled_lines_give_a_hint_not_a_decode():
    # 50 kSa/s: about 5 samples per UART bit is fine, but the I²C clock is invisible.
    d = decode_capture(capture(Board(seed=2), 0.0, 0.2, 50e3), DecodeSettings())
    assert ("i2c", "samples") in [(h[0], h[1]) for h in d.hints]
    assert not any(a.row == "i2c" for a in d.annotations)
    # 10 kSa/s: about 1 sample per UART bit; with the baud rate given, still no guessing.
    d = decode_capture(capture(Board(seed=2), 0.0, 0.2, 10e3), DecodeSettings(baud=9600))
    kinds = {(h[0], h[1]) for h in d.hints}
    assert ("uart", "samples") in kinds
    assert d.uart_text == "" and math.isclose(d.baud, 9600)


def test_no_digital_record_decodes_to_nothing():
    d = decode_capture(None, DecodeSettings())
    assert d.annotations == [] and d.uart_text == "" and math.isnan(d.baud)
