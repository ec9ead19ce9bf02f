"""The virtual board on its own: DC values, waveforms decoded back with small decoders
written here (not the project's), faults where a real board would show them,
determinism by seed, and chunk-independence of its functions of time.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meterlab.sim.board import (
    FAULTS,
    I2C_OFFSET,
    I2C_PERIOD,
    UART_LINE_PERIOD,
    UART_START,
    Board,
)

DIGITAL = ("LED_PWM", "UART_TX", "SCL", "SDA")


def ntc_volts(temp_c: float, rail: float) -> float:
    """Divider voltage from the thermistor's B equation (10 kΩ, B 3950, 10 kΩ to the rail)."""
    r = 10_000.0 * math.exp(3950.0 * (1 / (temp_c + 273.15) - 1 / 298.15))
    return rail * r / (r + 10_000.0)


# --- small independent decoders -----------------------------------------------------------


def decode_uart(board: Board, t0: float, t1: float, baud: float) -> str:
    """8N1 from logic() sampled at 16× the bit rate: wait for a falling edge, read mid-bits."""
    step = 1.0 / (16 * baud)
    t = t0 + np.arange(int((t1 - t0) / step)) * step
    line = board.logic("UART_TX", t)
    out = []
    i = 0
    while True:
        falls = np.flatnonzero(line[i:-1] & ~line[i + 1 :])
        if falls.size == 0:
            break
        start = t[i + falls[0] + 1]
        mids = start + (np.arange(10) + 0.5) / baud
        if mids[-1] >= t[-1]:
            break
        bits = board.logic("UART_TX", mids)
        if bits[0] or not bits[9]:
            out.append("\ufffd")  # framing error
        out.append(chr(sum(int(b) << n for n, b in enumerate(bits[1:9]))))
        i = int(np.searchsorted(t, mids[9]))
    return "".join(out)


def decode_i2c(board: Board, t0: float, t1: float) -> list[list[int]]:
    """Bit lists between START and STOP: SDA read on SCL's rising edge, kept when SCL
    falls again (a STOP comes while SCL is high, so its clock pulse is no bit)."""
    t = np.arange(t0, t1, 0.25e-6)
    scl = board.logic("SCL", t)
    sda = board.logic("SDA", t)
    frames: list[list[int]] = []
    bits: list[int] | None = None
    pending: int | None = None
    for i in range(1, t.size):
        if scl[i] and scl[i - 1] and sda[i - 1] and not sda[i]:
            bits, pending = [], None
            frames.append(bits)
        elif scl[i] and scl[i - 1] and not sda[i - 1] and sda[i]:
            bits = None
        elif scl[i] and not scl[i - 1]:
            pending = int(sda[i])
        elif bits is not None and pending is not None and scl[i - 1] and not scl[i]:
            bits.append(pending)
            pending = None
    return frames


def to_bytes(bits: list[int]) -> list[tuple[int, int]]:
    """(byte, ack bit) pairs from 9-bit groups."""
    out = []
    for j in range(0, len(bits) - 8, 9):
        value = sum(b << (7 - n) for n, b in enumerate(bits[j : j + 8]))
        out.append((value, bits[j + 8]))
    return out


def crc8(data: bytes) -> int:
    crc = 0xFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc << 1) ^ 0x31 if crc & 0x80 else crc << 1
            crc &= 0xFF
    return crc


def crossings(v: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    above = v > level
    return np.flatnonzero(~above[:-1] & above[1:]), np.flatnonzero(above[:-1] & ~above[1:])


# --- DC values ----------------------------------------------------------------------------


def test_dc_values_of_every_net():
    b = Board()
    m = b.measure
    assert m("VOLT:DC", "VBUS") == pytest.approx(5.00, rel=2e-3)
    assert m("VOLT:DC", "3V3", "GND") == pytest.approx(3.30, rel=2e-3)
    assert m("VOLT:DC", "NTC") == pytest.approx(ntc_volts(25.0, 3.30), rel=4e-3)
    assert m("VOLT:DC", "NTC") == pytest.approx(1.65, rel=4e-3)
    assert m("VOLT:DC", "LED_PWM") == pytest.approx(0.825, rel=3e-3)
    assert m("VOLT:AC", "LED_PWM") == pytest.approx(3.3 * math.sqrt(0.25 * 0.75), rel=3e-3)
    assert m("FREQ", "LED_PWM") == pytest.approx(1000.0, rel=1e-4)
    assert m("PER", "LED_PWM") == pytest.approx(1e-3, rel=1e-4)
    assert m("CURR:DC", "ISUPPLY") == pytest.approx(0.042, abs=1e-3)
    assert m("CURR:DC", "3V3") == 0.0
    assert m("RES", "R1") == pytest.approx(4700.0, rel=2e-3)
    assert m("FRES", "R1", "GND") == pytest.approx(4700.0, rel=2e-3)
    assert m("RES", "GND", "R1") == m("RES", "R1", "GND")
    assert m("VOLT:DC", "R1") == 0.0 and m("VOLT:DC", "GND") == 0.0
    assert m("TEMP", "NTC") == 25.0
    assert m("DIOD", "D1") == pytest.approx(0.62, rel=3e-3)
    assert m("DIOD", "GND", "D1") == math.inf
    assert m("CAP", "C1") == pytest.approx(100e-9, rel=2e-3)
    assert m("RES", "3V3") == math.inf  # ohms on a powered net: beyond any range
    assert m("FREQ", "3V3") == 0.0 and m("PER", "3V3") == 0.0
    assert m("VOLT:DC", "VBUS", "3V3") == pytest.approx(1.70, abs=0.02)


def test_measure_agrees_with_the_waveforms():
    """What the DMM reads as DC/AC is the mean/rms of what the scope sees."""
    b = Board(seed=5, faults=["supply_ripple"])
    t = 0.3 + np.arange(2_000_000) * (0.2 / 2_000_000)  # 20 ripple periods, 200 PWM periods
    for net in ("VBUS", "3V3", "NTC", "ISUPPLY", "LED_PWM", "SCL", "SDA", "GND"):
        v = b.analog(net, t)
        assert float(v.mean()) == pytest.approx(b.measure("VOLT:DC", net), abs=2e-3), net
        assert float(v.std()) == pytest.approx(b.measure("VOLT:AC", net), rel=0.02, abs=2e-4), net


def test_temperature_moves_the_ntc_divider_telemetry_and_sensor():
    b = Board()
    b.temperature_c = 50.0
    assert b.measure("VOLT:DC", "NTC") == pytest.approx(ntc_volts(50.0, 3.30), rel=4e-3)
    assert b.measure("VOLT:DC", "NTC") < 1.0
    assert b.measure("TEMP", "GND") == 50.0
    assert b.uart_line(3).startswith("T=50.0C ")
    b.temperature_c = -10.0
    assert b.measure("VOLT:DC", "NTC") > 2.5


def test_case_insensitive_nets_and_clear_errors():
    b = Board()
    assert b.has_net("3v3") and b.has_net("led_pwm") and not b.has_net("VCC")
    assert b.measure("volt:dc", "vbus", "gnd") == b.measure("VOLT:DC", "VBUS")
    for call in (lambda: b.analog("VCC", np.zeros(3)), lambda: b.measure("RES", "VCC")):
        with pytest.raises(KeyError, match="VCC"):
            call()
        with pytest.raises(ValueError, match="VCC"):
            call()
    with pytest.raises(ValueError, match="ldo_drift"):
        b.set_fault("brownout", True)
    with pytest.raises(ValueError):
        b.measure("OHMS", "R1")
    assert {"VBUS", "3V3", "NTC", "ISUPPLY", "LED_PWM", "UART_TX", "SCL", "SDA", "R1",
            "GND"} <= set(b.nets)


# --- PWM ----------------------------------------------------------------------------------


def test_pwm_frequency_duty_levels_and_edges_from_samples():
    b = Board(seed=2)
    t = 0.0123 + np.arange(1_000_000) * 1e-8  # 10 ms at 100 MSa/s
    v = b.analog("LED_PWM", t)
    assert v.max() == pytest.approx(3.3, rel=2e-3) and v.min() == pytest.approx(0.0, abs=1e-9)
    up, down = crossings(v, 1.65)
    assert up.size == 10 and down.size == 10
    period = np.diff(t[up]).mean()
    assert 1 / period == pytest.approx(1000.0, rel=1e-4)
    first_down = down[down > up[0]][0]
    assert (t[first_down] - t[up[0]]) / period == pytest.approx(0.25, abs=1e-3)
    # a finite rising edge: 10–90 % in some tens of ns, never an ideal step
    fine = b.next_edge("LED_PWM", 0.0123, 1.65, True)
    assert fine is not None
    tt = fine + np.arange(-200, 200) * 0.5e-9
    ve = b.analog("LED_PWM", tt)
    rise = tt[np.argmax(ve > 0.9 * 3.3)] - tt[np.argmax(ve > 0.1 * 3.3)]
    assert 5e-9 < rise < 60e-9
    assert np.all(np.diff(ve) >= 0)


def test_logic_is_the_analog_level_against_mid_supply():
    b = Board(faults=["ldo_drift"])
    t = np.linspace(0.0, 0.02, 100_001)
    for net in DIGITAL:
        assert np.array_equal(b.logic(net, t), b.analog(net, t) > 3.05 / 2)


# --- UART ---------------------------------------------------------------------------------


@pytest.mark.parametrize("k", [0, 1, 7, 12345])
def test_uart_decodes_back_to_the_telemetry_line(k):
    b = Board(seed=1)
    start = b.uart_line_start(k)
    assert start == pytest.approx(UART_START + k * UART_LINE_PERIOD, rel=1e-4)
    text = decode_uart(b, start - 1e-3, start + 0.09, 9600.0)
    line = b.uart_line(k)
    assert text == line
    assert line.endswith("\r\n") and len(line) <= 60
    assert f"#{k % 10000:04d}" in line
    # idle high before the start bit and after the stop bit
    assert b.logic("UART_TX", np.array([start - 1e-6, start + 0.095])).all()
    assert not b.logic("UART_TX", np.array([start + 0.5 / 9600]))[0]


def test_uart_baud_fault_needs_a_9000_baud_decoder():
    b = Board(faults=["uart_baud"])
    start = b.uart_line_start(4)
    line = b.uart_line(4)
    assert decode_uart(b, start - 1e-3, start + 0.095, 9600.0) != line
    assert decode_uart(b, start - 1e-3, start + 0.095, 9000.0) == line


def test_uart_is_idle_before_the_first_line():
    b = Board()
    t = np.linspace(-1.0, b.uart_line_start(0) - 1e-7, 10_001)
    assert b.logic("UART_TX", t).all()


# --- I²C ----------------------------------------------------------------------------------


def test_i2c_reads_the_sensor_at_0x44_with_ack_and_temperature():
    b = Board(seed=4)
    b.temperature_c = 31.7
    t0 = (I2C_OFFSET + 3 * I2C_PERIOD) / b.clock
    assert b.i2c_read_start(3) == pytest.approx(t0)
    frames = decode_i2c(b, t0 - 20e-6, t0 + 1e-3)
    assert len(frames) == 1
    pairs = to_bytes(frames[0])
    assert pairs[0] == ((0x44 << 1) | 1, 0)  # address 0x44, read, ACK by the sensor
    data = [v for v, _ in pairs[1:]]
    acks = [a for _, a in pairs[1:]]
    assert len(data) == 6 and acks == [0, 0, 0, 0, 0, 1]  # master NAKs the last byte
    assert crc8(bytes(data[0:2])) == data[2] and crc8(bytes(data[3:5])) == data[5]
    raw = (data[0] << 8) | data[1]
    assert -45 + 175 * raw / 65535 == pytest.approx(31.7, abs=0.01)
    # one read per period: the next one comes I2C_PERIOD later
    assert len(decode_i2c(b, t0 + 1e-3, t0 + I2C_PERIOD / b.clock - 1e-4)) == 0


def test_i2c_nak_fault_stops_after_the_address():
    b = Board(faults=["i2c_nak"])
    t0 = b.i2c_read_start(0)
    frames = decode_i2c(b, t0 - 20e-6, t0 + 1e-3)
    assert len(frames) == 1
    assert frames[0] == [1, 0, 0, 0, 1, 0, 0, 1, 1]  # 0x89 then NAK, then STOP


def test_i2c_edges_rise_slowly_through_the_pull_up():
    b = Board()
    t0 = b.i2c_read_start(0)
    t = t0 + np.arange(200_000) * 5e-9  # 1 ms at 200 MSa/s
    v = b.analog("SCL", t)
    up, _ = crossings(v, 0.5 * 3.3)
    lo10, hi90 = np.argmax(v[up[0] - 400 :] > 0.33), np.argmax(v[up[0] - 400 :] > 2.97)
    rise = (hi90 - lo10) * 5e-9
    assert 100e-9 < rise < 1000e-9  # standard-mode I²C allows up to 1 µs


# --- faults -------------------------------------------------------------------------------


def test_ldo_drift_shows_on_everything_fed_from_3v3():
    good, bad = Board(seed=9), Board(seed=9, faults=["ldo_drift"])
    assert bad.measure("VOLT:DC", "3V3") == pytest.approx(3.05, rel=3e-3)
    ratio = bad.measure("VOLT:DC", "3V3") / good.measure("VOLT:DC", "3V3")
    for net in ("NTC", "LED_PWM"):
        assert bad.measure("VOLT:DC", net) / good.measure("VOLT:DC", net) == pytest.approx(ratio)
    t = np.linspace(0, 0.2, 400_001)
    for net in DIGITAL:
        assert bad.analog(net, t).max() == pytest.approx(3.05, rel=3e-3)
    assert " V=3.05 " in bad.uart_line(0) and " V=3.30 " in good.uart_line(0)
    assert bad.measure("VOLT:DC", "VBUS") == good.measure("VOLT:DC", "VBUS")
    assert bad.measure("CURR:DC", "ISUPPLY") < good.measure("CURR:DC", "ISUPPLY")  # dimmer LED


def test_supply_ripple_at_100_hz_on_the_rails():
    good, bad = Board(seed=3), Board(seed=3, faults=["supply_ripple"])
    t = np.arange(200_000) * 1e-6  # 200 ms
    vbus = bad.analog("VBUS", t)
    v3 = bad.analog("3V3", t)
    assert 0.2 < np.ptp(vbus) < 0.6
    assert 0.01 < np.ptp(v3) < 0.1
    assert np.ptp(good.analog("VBUS", t)) < 0.01 and np.ptp(good.analog("3V3", t)) < 0.002
    # a counter with hysteresis: a rising count needs the signal to have been below -50 mV
    ac, armed, ups = vbus - vbus.mean(), False, []
    for i in range(ac.size):
        if ac[i] < -0.05:
            armed = True
        elif armed and ac[i] > 0.05:
            ups.append(t[i])
            armed = False
    assert 1 / np.diff(ups).mean() == pytest.approx(100.0, rel=1e-3)
    assert bad.measure("FREQ", "VBUS") == 100.0 and good.measure("FREQ", "VBUS") == 0.0
    assert bad.measure("VOLT:AC", "VBUS") > 0.08 > good.measure("VOLT:AC", "VBUS")
    assert 0.01 < bad.measure("VOLT:AC", "3V3") < 0.05
    assert bad.measure("VOLT:DC", "VBUS") == good.measure("VOLT:DC", "VBUS")
    pwm = bad.analog("LED_PWM", t)
    assert np.ptp(pwm[pwm > 1.65]) > 0.02  # the PWM's high level rides on the 3V3 ripple


def test_pwm_stuck_high():
    b = Board(faults=["pwm_stuck"])
    v3 = b.measure("VOLT:DC", "3V3")
    assert b.measure("VOLT:DC", "LED_PWM") == pytest.approx(v3)
    assert b.measure("VOLT:AC", "LED_PWM") == 0.0
    assert b.measure("FREQ", "LED_PWM") == 0.0 and b.measure("PER", "LED_PWM") == 0.0
    assert b.measure("CURR:DC", "ISUPPLY") == pytest.approx(0.057, abs=1.5e-3)
    assert b.measure("CURR:AC", "ISUPPLY") == 0.0
    assert Board().measure("CURR:AC", "ISUPPLY") > 5e-3
    v = b.analog("LED_PWM", np.linspace(0, 0.01, 10_001))
    assert np.all(v == v[0]) and v[0] == pytest.approx(v3)


def test_r1_open():
    b = Board(faults=["r1_open"])
    for fn in ("RES", "FRES", "CONT"):
        assert b.measure(fn, "R1") == math.inf
    b.set_fault("r1_open", False)
    assert b.measure("RES", "R1") == pytest.approx(4700, rel=2e-3)


def test_faults_switch_on_and_off_and_list_sorted():
    b = Board(faults=["uart_baud", "ldo_drift"])
    assert b.active_faults == ("ldo_drift", "uart_baud")
    b.set_fault("LDO_DRIFT", False)
    b.set_fault("i2c_nak", True)
    assert b.active_faults == ("i2c_nak", "uart_baud")
    for name in FAULTS:
        b.set_fault(name, True)
    assert b.active_faults == tuple(sorted(FAULTS))


# --- determinism and seeds ---------------------------------------------------------------


def test_same_seed_same_outputs_other_seed_close():
    t = np.linspace(-0.05, 0.35, 100_003)
    a, b, c = Board(seed=11), Board(seed=11), Board(seed=12)
    for net in a.nets:
        assert np.array_equal(a.analog(net, t), b.analog(net, t))
    assert a.uart_line(5) == b.uart_line(5)
    assert a.measure("RES", "R1") == b.measure("RES", "R1") != c.measure("RES", "R1")
    for seed in range(40):
        s = Board(seed=seed)
        assert s.measure("RES", "R1") == pytest.approx(4700, rel=2e-3)
        assert s.measure("VOLT:DC", "3V3") == pytest.approx(3.30, rel=2e-3)
        assert s.measure("VOLT:DC", "VBUS") == pytest.approx(5.00, rel=2e-3)
        assert s.measure("CAP", "C1") == pytest.approx(100e-9, rel=2e-3)
        assert s.measure("FREQ", "LED_PWM") == pytest.approx(1000, rel=1e-4)


# --- functions of time: hypothesis --------------------------------------------------------

times = st.lists(st.floats(min_value=-10.0, max_value=1e6, allow_nan=False), min_size=0,
                 max_size=300)


@settings(max_examples=60, deadline=None)
@given(t=times, seed=st.integers(0, 2**31), faults=st.sets(st.sampled_from(FAULTS)))
def test_any_times_give_finite_values_within_the_rails(t, seed, faults):
    b = Board(seed=seed, faults=faults)
    arr = np.array(t, dtype=np.float64)
    for net in b.nets:
        v = b.analog(net, arr)
        assert v.shape == arr.shape and v.dtype == np.float64
        assert np.all(np.isfinite(v))
        assert np.all(v >= -1e-12) and np.all(v <= 5.5)
        if net in DIGITAL:
            assert np.all(v <= b.measure("VOLT:DC", "3V3") + 0.05)
        lg = b.logic(net, arr)
        assert lg.dtype == bool and lg.shape == arr.shape


@settings(max_examples=40, deadline=None)
@given(
    start=st.floats(min_value=-1.0, max_value=1e4, allow_nan=False),
    n=st.integers(1, 5000),
    dt=st.sampled_from([1e-8, 1e-7, 3.3e-6, 1e-4]),
    cuts=st.lists(st.integers(0, 5000), max_size=6),
    net=st.sampled_from((*DIGITAL, "VBUS", "3V3", "NTC")),
    faults=st.sets(st.sampled_from(FAULTS)),
)
def test_chunked_evaluation_equals_one_call(start, n, dt, cuts, net, faults):
    b = Board(seed=1, faults=faults)
    t = start + np.arange(n) * dt
    whole = b.analog(net, t)
    edges = sorted({min(c, n) for c in cuts})
    parts = [b.analog(net, p) for p in np.split(t, edges)]
    assert np.array_equal(whole, np.concatenate(parts))
    shuffled = np.random.default_rng(0).permutation(n)
    assert np.array_equal(b.analog(net, t[shuffled]), whole[shuffled])


def test_large_array_matches_its_pieces():
    """Arrays longer than the internal block size and lines across many telemetry rows."""
    b = Board(seed=8)
    t = np.sort(np.random.default_rng(3).uniform(-0.5, 700.0, 300_000))
    for net in ("UART_TX", "SDA"):
        whole = b.analog(net, t)
        assert np.array_equal(whole, np.concatenate([b.analog(net, p)
                                                     for p in np.array_split(t, 13)]))


def test_next_edge_agrees_with_the_samples():
    b = Board()
    for net, rising in (("LED_PWM", True), ("LED_PWM", False), ("UART_TX", False),
                        ("SCL", True)):
        te = b.next_edge(net, 0.0004, 1.65, rising)
        assert te is not None and te > 0.0004
        before, after = b.analog(net, np.array([te - 1e-9, te]))
        assert (before < 1.65 <= after) if rising else (before >= 1.65 > after)
    assert b.next_edge("3V3", 0.0, 1.65, True) is None


def test_temperature_outside_what_the_parts_survive_is_refused():
    b = Board()
    for bad in (-300.0, 1000.0, math.nan):
        with pytest.raises(ValueError, match="°C"):
            b.temperature_c = bad
    assert b.temperature_c == 25.0
    b.temperature_c = 125
    assert b.temperature_c == 125.0 and isinstance(b.temperature_c, float)
