"""The simulated Rigol MSO1104Z through pyvisa-py over TCP, against a board with known
signals: identification, defaults, settings, waveform transfer and its preamble,
digital channels, measurements, screenshots, determinism and garbage input.

The stand-in board below has exactly the nets and waveforms the virtual board
promises (1 kHz 25 % PWM, 9600 8N1 telemetry every 100 ms, rails), so every
expected figure here is computed from first principles, independently of the
scope's own measurement code.
"""

from __future__ import annotations

import socket
import struct
import time
import zlib

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meterlab.sim.scope import RigolMSO1104Z
from meterlab.sim.server import InstrumentServer


class FakeBoard:
    """The agreed board API (`analog(net, t)`, `uart_line(k)`, faults) with ideal signals."""

    LINE_PERIOD = 0.1
    LINE_DELAY = 0.005

    def __init__(self, seed: int = 0, faults: tuple[str, ...] = ()) -> None:
        self.faults = set(faults)
        self.temperature_c = 25.0

    def set_fault(self, name: str, on: bool) -> None:
        if name not in ("pwm_stuck", "ldo_drift", "supply_ripple", "uart_baud"):
            raise ValueError(name)
        (self.faults.add if on else self.faults.discard)(name)

    @property
    def active_faults(self) -> tuple[str, ...]:
        return tuple(sorted(self.faults))

    def uart_line(self, k: int) -> str:
        return f"T={20 + k % 10}.{k % 7}C V=3.30 I=42.{k % 5}mA #{k}\r\n"

    def uart_line_start(self, k: int) -> float:
        return self.LINE_PERIOD * k + self.LINE_DELAY

    def _uart(self, t: np.ndarray) -> np.ndarray:
        baud = 9000.0 if "uart_baud" in self.faults else 9600.0
        k = np.floor((t - self.LINE_DELAY) / self.LINE_PERIOD).astype(np.int64)
        out = np.ones(t.shape, dtype=bool)
        for kk in np.unique(k):
            if kk < 0:
                continue
            m = k == kk
            bits: list[int] = []
            for byte in self.uart_line(int(kk)).encode():
                bits += [0, *((byte >> i) & 1 for i in range(8)), 1]
            frame = np.array(bits, dtype=bool)
            pos = np.floor((t[m] - self.uart_line_start(int(kk))) * baud).astype(np.int64)
            val = np.ones(pos.shape, dtype=bool)
            ok = (pos >= 0) & (pos < frame.size)
            val[ok] = frame[pos[ok]]
            out[m] = val
        return out

    def analog(self, net: str, t: np.ndarray) -> np.ndarray:
        t = np.asarray(t, dtype=np.float64)
        ripple = "supply_ripple" in self.faults
        if net == "LED_PWM":
            if "pwm_stuck" in self.faults:
                return np.full(t.shape, 3.3)
            return np.where(np.mod(t, 1e-3) < 0.25e-3, 3.3, 0.0)
        if net == "UART_TX":
            return np.where(self._uart(t), 3.3, 0.0)
        if net == "3V3":
            base = 3.05 if "ldo_drift" in self.faults else 3.3
            return base + (0.05 * np.sin(2 * np.pi * 100 * t) if ripple else 0.0 * t)
        if net == "VBUS":
            return 5.0 + (0.1 * np.sin(2 * np.pi * 100 * t) if ripple else 0.0 * t)
        if net == "SCL":
            return np.where(np.mod(t, 1e-5) < 5e-6, 3.3, 0.0)
        if net == "SDA":
            return np.where(np.mod(t, 9e-5) < 4e-5, 3.3, 0.0)
        if net == "GND":
            return np.zeros(t.shape)
        raise KeyError(net)


# --- fixtures and helpers --------------------------------------------------------------


@pytest.fixture(scope="module")
def server():
    inst = RigolMSO1104Z(FakeBoard(), seed=7)
    srv = InstrumentServer(inst).start()
    yield inst, srv
    srv.stop()


@pytest.fixture
def scope(server):
    """The module's scope, switched off and on again with a fresh board for each test."""
    inst, _ = server
    inst.power_cycle(FakeBoard())
    return server


@pytest.fixture
def visa(scope):
    from tests.visa_link import link

    with link(scope[1].resource, timeout=10000) as res:
        yield res


def errors(res) -> list[str]:
    out = []
    for _ in range(30):
        e = res.query(":SYST:ERR?")
        if e.startswith("0,"):
            return out
        out.append(e)
    raise AssertionError("error queue never empties")


def data(res, cmd: str = ":WAV:DATA?") -> np.ndarray:
    return res.query_binary_values(cmd, datatype="B", container=np.array, header_fmt="ieee",
                                   expect_termination=True)


def preamble(res) -> dict[str, float]:
    names = ("format", "type", "points", "count", "xinc", "xorigin", "xref", "yinc",
             "yorigin", "yref")
    return dict(zip(names, map(float, res.query(":WAV:PRE?").split(",")), strict=True))


def to_volts(codes: np.ndarray, pre: dict[str, float]) -> np.ndarray:
    return (codes.astype(float) - pre["yorigin"] - pre["yref"]) * pre["yinc"]


def rising_mid_crossings(v: np.ndarray, mid: float) -> np.ndarray:
    above = v > mid
    return np.flatnonzero(~above[:-1] & above[1:])


def uart_decode(bits: np.ndarray, dt: float, baud: float = 9600.0) -> str:
    """An independent 8N1 decoder: wait for a full frame of idle, then start bits."""
    bit = 1.0 / baud
    out = []
    i = 0
    n = bits.size
    idle_needed = int(10 * bit / dt)
    # first require idle, so a window opening mid-line does not decode garbage
    run = 0
    while i < n and run < idle_needed:
        run = run + 1 if bits[i] else 0
        i += 1
    while i < n:
        if bits[i]:
            i += 1
            continue
        # falling edge at i: sample bit centres
        centres = i + (np.arange(1.5, 10.5) * bit / dt).astype(int)
        if centres[-1] >= n:
            break
        sampled = bits[centres]
        if sampled[-1]:  # stop bit must be high
            out.append(chr(int(sum(int(b) << k for k, b in enumerate(sampled[:8])))))
        i = centres[-1]
    return "".join(out)


# --- identification and errors ---------------------------------------------------------


def test_identification_and_error_form(visa):
    maker, model, serial, fw = visa.query("*IDN?").split(",")
    assert (maker, model) == ("RIGOL TECHNOLOGIES", "MSO1104Z")
    assert serial.startswith("DS1ZC") and fw == "00.04.04.SP4"
    assert visa.query(":SYST:ERR?") == '0,"No error"'
    visa.write(":CHAN9:SCAL 1")
    visa.write(":FOO:BAR 1")
    visa.write(":CHAN1:COUP SIDEWAYS")
    assert errors(visa) == ['-114,"Header suffix out of range"', '-113,"Undefined header"',
                            '-224,"Illegal parameter value"']
    assert visa.query("*OPC?") == "1"


def test_power_on_state_is_useful_at_once(visa):
    assert visa.query(":CHAN1:DISP?") == "1"
    assert float(visa.query(":TIM:SCAL?")) == pytest.approx(500e-6)
    assert float(visa.query(":TRIG:EDG:LEV?")) == pytest.approx(1.65)
    assert visa.query(":TRIG:EDG:SOUR?") == "CHAN1"
    assert visa.query(":TRIG:STAT?") == "TD"
    assert visa.query(":SIM:CHAN1?") == "LED_PWM"
    assert [visa.query(f":SIM:DIG{i}?") for i in range(4)] == ["UART_TX", "SCL", "SDA",
                                                                "LED_PWM"]


def test_rst_defaults_are_the_guides(visa):
    visa.write(":CHAN2:DISP 1;:CHAN1:SCAL 0.2;:TIM:SCAL 0.001;:WAV:FORM WORD;:STOP")
    visa.write("*RST")
    expected = {
        ":CHAN1:DISP?": "1", ":CHAN2:DISP?": "0", ":CHAN3:DISP?": "0", ":CHAN4:DISP?": "0",
        ":CHAN1:SCAL?": "1.000000e+00", ":CHAN1:PROB?": "1.000000e+01",
        ":CHAN1:OFFS?": "0.000000e+00", ":CHAN1:COUP?": "DC", ":CHAN1:BWL?": "OFF",
        ":CHAN1:INV?": "0", ":CHAN1:UNIT?": "VOLT", ":CHAN1:VERN?": "0",
        ":CHAN1:RANG?": "8.000000e+00",
        ":TIM:SCAL?": "1.000000e-06", ":TIM:MAIN:OFFS?": "0.000000e+00", ":TIM:MODE?": "MAIN",
        ":ACQ:MDEP?": "AUTO", ":ACQ:TYPE?": "NORM", ":ACQ:AVER?": "2",
        ":TRIG:MODE?": "EDGE", ":TRIG:EDG:SOUR?": "CHAN1", ":TRIG:EDG:SLOP?": "POS",
        ":TRIG:EDG:LEV?": "0.000000e+00", ":TRIG:SWE?": "AUTO", ":TRIG:COUP?": "DC",
        ":WAV:SOUR?": "CHAN1", ":WAV:MODE?": "NORM", ":WAV:FORM?": "BYTE",
        ":WAV:STAR?": "1", ":WAV:STOP?": "1200", ":LA:STAT?": "0",
        ":LA:POD1:THR?": "1.400000e+00", ":MEAS:SOUR?": "CHAN1",
    }
    got = {q: visa.query(q) for q in expected}
    assert got == expected
    assert visa.query(":TRIG:STAT?") in ("TD", "AUTO")  # running again after *RST
    assert float(visa.query(":ACQ:SRAT?")) == 1e9


ROUND_TRIPS = [
    (":CHAN2:DISP ON", ":CHAN2:DISP?", "1"),
    (":CHAN1:SCAL 0.5", ":CHAN1:SCAL?", "5.000000e-01"),
    (":CHAN1:SCAL 300mV", ":CHAN1:SCAL?", "5.000000e-01"),  # coarse knob: next 1-2-5 step
    (":CHAN1:VERN ON;:CHAN1:SCAL 0.3", ":CHAN1:SCAL?", "3.000000e-01"),
    (":CHAN1:OFFS -1.5", ":CHAN1:OFFS?", "-1.500000e+00"),
    (":CHAN1:RANG 16", ":CHAN1:SCAL?", "2.000000e+00"),
    (":CHAN3:COUP AC", ":CHAN3:COUP?", "AC"),
    (":CHAN3:COUP GND", ":CHAN3:COUP?", "GND"),
    (":CHAN1:PROB 1", ":CHAN1:PROB?", "1.000000e+00"),
    (":CHAN1:BWL 20M", ":CHAN1:BWL?", "20M"),
    (":CHAN1:INV 1", ":CHAN1:INV?", "1"),
    (":CHAN4:UNIT AMP", ":CHAN4:UNIT?", "AMP"),
    (":TIM:SCAL 2e-3", ":TIM:SCAL?", "2.000000e-03"),
    (":TIMEBASE:MAIN:SCALE 20us", ":TIM:SCAL?", "2.000000e-05"),
    (":TIM:OFFS 1e-3", ":TIM:MAIN:OFFS?", "1.000000e-03"),
    (":TIM:MODE ROLL", ":TIM:MODE?", "ROLL"),
    (":ACQ:MDEP 120000", ":ACQ:MDEP?", "120000"),
    (":ACQ:TYPE AVER", ":ACQ:TYPE?", "AVER"),
    (":ACQ:TYPE HRES", ":ACQ:TYPE?", "HRES"),
    (":ACQ:AVER 64", ":ACQ:AVER?", "64"),
    (":TRIG:SWE NORM", ":TRIG:SWE?", "NORM"),
    (":TRIG:COUP LFR", ":TRIG:COUP?", "LFR"),
    (":TRIG:HOLD 1e-3", ":TRIG:HOLD?", "1.000000e-03"),
    (":TRIG:EDG:SOUR CHAN2", ":TRIG:EDG:SOUR?", "CHAN2"),
    (":TRIG:EDG:SOUR D3", ":TRIG:EDG:SOUR?", "D3"),
    (":TRIG:EDG:SLOP NEG", ":TRIG:EDG:SLOP?", "NEG"),
    (":TRIG:EDG:SLOP RFAL", ":TRIG:EDG:SLOP?", "RFAL"),
    (":TRIG:EDG:LEV 2.5", ":TRIG:EDG:LEV?", "2.500000e+00"),
    (":WAV:SOUR D5", ":WAV:SOUR?", "D5"),
    (":WAV:SOUR MATH", ":WAV:SOUR?", "MATH"),
    (":WAV:MODE RAW", ":WAV:MODE?", "RAW"),
    (":WAV:MODE MAX", ":WAV:MODE?", "MAX"),
    (":WAV:FORM ASC", ":WAV:FORM?", "ASC"),
    (":WAV:FORM WORD", ":WAV:FORM?", "WORD"),
    (":WAV:STAR 10", ":WAV:STAR?", "10"),
    (":WAV:STOP 600", ":WAV:STOP?", "600"),
    (":LA:STAT ON", ":LA:STAT?", "1"),
    (":LA:DIG7:DISP 1", ":LA:DIG7:DISP?", "1"),
    (":LA:POD2:DISP 1", ":LA:DIG12:DISP?", "1"),
    (":LA:POD2:THR 2.5", ":LA:POD2:THR?", "2.500000e+00"),
    (":LA:POD1:THR ECL", ":LA:POD1:THR?", "-1.300000e+00"),
    (":MEAS:COUN:SOUR CHAN1", ":MEAS:COUN:SOUR?", "CHAN1"),
    (":LA:SIZE LARG", ":LA:SIZE?", "LARG"),
    (":MEAS:SOUR CHAN3", ":MEAS:SOUR?", "CHAN3"),
    (":MEAS:SETUP:MAX 80", ":MEAS:SETUP:MAX?", "80"),
    (":SIM:CHAN2 3V3", ":SIM:CHAN2?", "3V3"),
    (":SIM:DIG9 SCL", ":SIM:DIG9?", "SCL"),
    (":SIM:DIG0 NONE", ":SIM:DIG0?", "NONE"),
    (":MATH:OPER SUBT", ":MATH:OPER?", "SUBT"),
    (":DISP:TYPE DOTS", ":DISP:TYPE?", "DOTS"),
    (":DISP:GRAD:TIME 0.5", ":DISP:GRAD:TIME?", "0.5"),
    (":DISP:GRID HALF", ":DISP:GRID?", "HALF"),
]


@pytest.mark.parametrize(("cmd", "query", "expected"), ROUND_TRIPS)
def test_setting_round_trips(visa, cmd, query, expected):
    visa.write(cmd)
    assert visa.query(query) == expected
    assert errors(visa) == []


@pytest.mark.parametrize("cmd", [
    ":CHAN1:SCAL 1000", ":CHAN1:SCAL 1e-4", ":CHAN1:OFFS 500", ":TIM:SCAL 100",
    ":TIM:SCAL 1e-9", ":TRIG:EDG:LEV 50", ":TRIG:HOLD 20", ":LA:POD1:THR 20",
    ":WAV:STAR 1201", ":WAV:STOP 0",
])
def test_out_of_range_values_are_refused_and_kept(visa, cmd):
    header = cmd.split()[0]
    before = visa.query(header + "?")
    visa.write(cmd)
    assert errors(visa) == ['-222,"Data out of range"']  # bare text, as the DS1000Z prints it
    assert visa.query(header + "?") == before


def test_illegal_enumerations_and_depths(visa):
    visa.write(":ACQ:MDEP 1234")
    visa.write(":ACQ:AVER 3")
    visa.write(":CHAN1:PROB 3")
    visa.write(":WAV:FORM FLOAT")
    assert [e.split(",")[0] for e in errors(visa)] == ["-224"] * 4
    visa.write(":MEAS:ITEM?")  # query without its item
    assert errors(visa) == ['-109,"Missing parameter"']


def test_memory_and_sample_rate_follow_the_enabled_channels(visa):
    visa.write(":TIM:SCAL 1e-3")
    assert float(visa.query(":ACQ:SRAT?")) == 1e9
    visa.write(":ACQ:MDEP 24000000")
    assert visa.query(":ACQ:MDEP?") == "24000000"
    assert "RL2" in visa.query("*OPT?")
    visa.write(":CHAN2:DISP 1")
    assert float(visa.query(":ACQ:SRAT?")) == 500e6
    assert visa.query(":ACQ:MDEP?") == "12000000"  # the same knob position, halved
    visa.write(":CHAN3:DISP 1")
    assert float(visa.query(":ACQ:SRAT?")) == 250e6
    assert visa.query(":ACQ:MDEP?") == "6000000"
    visa.write(":CHAN2:DISP 0;:CHAN3:DISP 0;:ACQ:MDEP 12000000")
    assert float(visa.query(":ACQ:SRAT?")) == 1e9
    # pod 1 takes CH3's share of the memory: 1 channel + pod = 2 users
    visa.write(":LA:STAT 1;:LA:DIG0:DISP 1")
    assert float(visa.query(":ACQ:SRAT?")) == 500e6
    assert visa.query(":ACQ:MDEP?") == "6000000"
    # a fixed depth longer than the screen needs caps the rate: 12k over 12 ms
    visa.write(":LA:STAT 0;:ACQ:MDEP 12000")
    assert float(visa.query(":ACQ:SRAT?")) == pytest.approx(1e6)
    assert errors(visa) == []
    # without the memory option the top depth is gone and AUTO fills 12 Mpts at most
    visa.write(":SYST:OPT:UNINST;*RST;:TIM:SCAL 50e-3")
    assert visa.query("*OPT?") == "0"
    visa.write(":ACQ:MDEP 24000000")
    assert errors(visa)[0].startswith("-224,")
    assert float(visa.query(":ACQ:SRAT?")) == pytest.approx(20e6)  # 12 M over 600 ms
    visa.write(":SYST:OPT:INST 'ABCD-1234'")
    assert float(visa.query(":ACQ:SRAT?")) == pytest.approx(25e6)  # 24 M: 40 M → 25 M step


# --- waveform transfer -----------------------------------------------------------------


def test_norm_read_gives_1200_points_that_convert_to_the_pwm(visa):
    pre = preamble(visa)
    assert pre["format"] == 0 and pre["type"] == 0 and pre["points"] == 1200
    assert pre["xinc"] == pytest.approx(500e-6 / 100)
    assert pre["xorigin"] == pytest.approx(-6 * 500e-6)
    assert pre["xref"] == 0 and pre["yref"] == 127
    assert pre["yinc"] == pytest.approx(1.0 / 25)
    codes = data(visa)
    assert codes.size == 1200
    v = to_volts(codes, pre)
    t = pre["xorigin"] + np.arange(v.size) * pre["xinc"]
    high, low = np.percentile(v, 95), np.percentile(v, 5)
    assert high - low == pytest.approx(3.3, abs=0.08)
    rises = rising_mid_crossings(v, 1.65)
    period = np.mean(np.diff(t[rises]))
    assert 1 / period == pytest.approx(1000, rel=0.01)
    duty = np.mean(v > 1.65)
    assert duty == pytest.approx(0.25, abs=0.02)
    # triggered on the rising edge at the screen centre (t = 0)
    assert np.min(np.abs(t[rises])) <= pre["xinc"]


@pytest.mark.parametrize(("when", "widths", "ends_high"), [
    ("PGR", {"WIDT": 100e-6}, False),   # the 250 µs high pulses qualify: trigger as they end
    ("NGR", {"WIDT": 500e-6}, True),    # the 750 µs low gaps qualify: trigger on the rise
    ("PGL", {"UWID": 300e-6, "LWID": 200e-6}, False),
    ("NLES", {"WIDT": 800e-6}, True),
])
def test_pulse_width_trigger_fires_where_the_pulse_ends(visa, when, widths, ends_high):
    visa.write(":TRIG:MODE PULS;:TRIG:PULS:SOUR CHAN1;:TRIG:PULS:LEV 1.65")
    visa.write(f":TRIG:PULS:WHEN {when}")
    for name, value in widths.items():
        visa.write(f":TRIG:PULS:{name} {value}")
    visa.write(":TRIG:SWE NORM;:TIM:SCAL 50e-6")
    assert visa.query(":TRIG:MODE?") == "PULS" and visa.query(":TRIG:PULS:WHEN?") == when
    assert visa.query(":TRIG:STAT?") == "TD"
    pre = preamble(visa)
    v = to_volts(data(visa), pre)
    before, after = v[560:595].mean(), v[605:640].mean()  # ±35 points around t = 0
    assert (after > 2.5 and before < 0.8) if ends_high else (after < 0.8 and before > 2.5)
    assert errors(visa) == []


def test_pulse_width_trigger_waits_when_no_pulse_qualifies(visa):
    visa.write(":TRIG:MODE PULS;:TRIG:PULS:LEV 1.65;:TRIG:PULS:WHEN PGR")
    visa.write(":TRIG:PULS:WIDT 300e-6;:TRIG:SWE NORM")  # the highs last 250 µs
    assert visa.query(":TRIG:STAT?") == "WAIT"
    assert float(visa.query(":TRIG:PULS:WIDT?")) == 300e-6
    visa.write(":TRIG:PULS:LWID 3e-6")  # not below the 2 µs upper limit
    visa.write(":TRIG:PULS:WIDT 20")
    assert [e.split(",")[0] for e in errors(visa)] == ["-221", "-222"]
    visa.write(":TRIG:MODE SLOP")  # other trigger types are not simulated
    assert visa.query(":TRIG:MODE?") == "PULS"
    assert [e.split(",")[0] for e in errors(visa)] == ["-221"]


def test_scale_offset_probe_and_invert_apply_to_the_data(visa):
    visa.write(":CHAN1:SCAL 0.5;:CHAN1:OFFS -1.65")
    pre = preamble(visa)
    assert pre["yorigin"] == pytest.approx(round(-1.65 / 0.02))
    v = to_volts(data(visa), pre)
    assert np.percentile(v, 95) == pytest.approx(3.3, abs=0.05)
    # the scope believes a 1:1 probe while the 10:1 one is clipped on: readings drop 10×
    visa.write(":CHAN1:OFFS 0;:CHAN1:PROB 1;:CHAN1:SCAL 0.1;:TRIG:EDG:LEV 0.165")
    pre = preamble(visa)
    v = to_volts(data(visa), pre)
    assert np.percentile(v, 95) == pytest.approx(0.33, abs=0.01)
    visa.write(":CHAN1:PROB 10;:CHAN1:SCAL 1;:CHAN1:INV 1;:TRIG:EDG:LEV 1.65")
    v = to_volts(data(visa), preamble(visa))
    assert np.percentile(v, 5) == pytest.approx(-3.3, abs=0.05)
    assert errors(visa) == []


def test_adc_clips_beyond_the_screen(visa):
    visa.write(":CHAN1:SCAL 0.2")  # 3.3 V is 16.5 div above ground: off the top
    codes = data(visa)
    assert codes.max() == 255
    v = to_volts(codes, preamble(visa))
    assert v.max() == pytest.approx((255 - 127) * 0.2 / 25)


def test_raw_memory_only_when_stopped_and_chunks_agree(visa):
    visa.write(":ACQ:MDEP 120000;:WAV:MODE RAW")
    visa.write(":WAV:STAR 1;:WAV:STOP 1000")
    assert data(visa).size == 0
    assert errors(visa) == ['-221,"Settings conflict"']
    visa.write(":STOP;:WAV:STAR 1;:WAV:STOP 120000")
    pre = preamble(visa)
    assert pre["type"] == 2 and pre["points"] == 120000
    assert pre["xinc"] == pytest.approx(1 / float(visa.query(":ACQ:SRAT?")))
    whole = data(visa)
    assert whole.size == 120000
    parts = []
    for start in range(1, 120001, 50000):
        visa.write(f":WAV:STAR {start};:WAV:STOP {min(start + 49999, 120000)}")
        parts.append(data(visa))
    assert np.array_equal(np.concatenate(parts), whole)
    # the single-field queries repeat the preamble's fields in the same forms
    fields = visa.query(":WAV:PRE?").split(",")
    singles = [visa.query(f":WAV:{q}?") for q in ("XINC", "XOR", "XREF", "YINC", "YOR", "YREF")]
    assert singles == fields[4:]
    # the 1200 screen points are samples of that same memory
    visa.write(":WAV:MODE NORM;:WAV:STAR 1;:WAV:STOP 1200")
    npre = preamble(visa)
    screen = data(visa)
    k = np.rint((npre["xorigin"] + np.arange(1200) * npre["xinc"] - pre["xorigin"])
                / pre["xinc"]).astype(int)
    assert np.array_equal(screen, whole[k])
    # MAX mode reads the memory when stopped
    visa.write(":WAV:MODE MAX;:WAV:STAR 1;:WAV:STOP 120000")
    assert preamble(visa)["points"] == 120000
    assert np.array_equal(data(visa), whole)
    assert errors(visa) == []


def test_per_read_point_limits(visa):
    visa.write(":ACQ:MDEP 1200000;:STOP;:WAV:MODE RAW")
    visa.write(":WAV:STAR 1;:WAV:STOP 250000")
    assert data(visa).size == 250000
    visa.write(":WAV:STOP 250001")
    assert data(visa).size == 0
    visa.write(":WAV:FORM WORD;:WAV:STOP 125000")
    assert data(visa).size == 250000
    visa.write(":WAV:STOP 125001")
    assert data(visa).size == 0
    visa.write(":WAV:FORM ASC;:WAV:STOP 15626")
    assert data(visa).size == 0
    assert [e.split(",")[0] for e in errors(visa)] == ["-222"] * 3


def test_points_query_counts_what_the_next_data_read_returns(visa):
    # Read before each trace by software written for the real scope (not in the guide).
    def points_then_data() -> tuple[int, int]:
        n = int(visa.query(":WAV:POIN?"))
        word = visa.query(":WAV:FORM?") == "WORD" and visa.query(":WAV:SOUR?")[0] != "D"
        return n, data(visa).size // (2 if word else 1)

    assert points_then_data() == (1200, 1200)  # NORM: the screen
    visa.write(":WAV:STAR 101;:WAV:STOP 300")
    assert points_then_data() == (200, 200)
    visa.write(":WAV:MODE RAW;:WAV:STAR 1;:WAV:STOP 1000")
    assert points_then_data() == (0, 0)  # RAW while running is refused: nothing comes
    visa.write(":ACQ:MDEP 1200000;:STOP;:WAV:STAR 1;:WAV:STOP 250000")
    assert points_then_data() == (250000, 250000)
    visa.write(":WAV:STAR 1000001;:WAV:STOP 1200000")
    assert points_then_data() == (200000, 200000)
    visa.write(":WAV:FORM WORD;:WAV:STAR 1;:WAV:STOP 125001")
    assert points_then_data() == (0, 0)  # one point over the per-read limit in WORD
    visa.write(":WAV:STOP 125000")
    assert points_then_data() == (125000, 125000)
    visa.write(":WAV:SOUR D3;:WAV:STAR 5;:WAV:STOP 204")  # digital: always BYTE
    assert points_then_data() == (200, 200)
    visa.write(":WAV:SOUR MATH")  # MATH cannot be read from memory
    assert points_then_data() == (0, 0)
    assert visa.query(":WAVeform:POINts?") == "0"  # the long form, integer text
    assert [e.split(",")[0] for e in errors(visa)] == ["-221", "-222", "-221"]


def test_byte_word_and_ascii_agree(visa):
    visa.write(":STOP")
    pre = preamble(visa)
    byte = data(visa)
    visa.write(":WAV:FORM WORD")
    word = data(visa).view("<u2")
    assert np.array_equal(word, byte)
    visa.write(":WAV:FORM ASC")
    text = bytes(data(visa)).decode("ascii")
    volts = np.array([float(x) for x in text.split(",")])
    assert volts.size == 1200
    assert np.allclose(volts, to_volts(byte, pre), atol=1e-6)
    assert preamble(visa)["format"] == 2


def test_running_acquisitions_advance_and_stop_freezes(visa):
    visa.write(":SIM:CHAN1 UART_TX;:TIM:SCAL 2e-3;:TRIG:EDG:SLOP NEG")
    a, b = data(visa), data(visa)
    assert not np.array_equal(a, b)  # a new record each time while running
    visa.write(":STOP")
    assert visa.query(":TRIG:STAT?") == "STOP"
    assert np.array_equal(data(visa), data(visa))


def test_single_shot_then_stop_state(visa):
    visa.write(":SING")
    assert visa.query(":TRIG:SWE?") == "SING"
    assert visa.query(":TRIG:STAT?") == "STOP"
    visa.write(":SIM:CHAN1 3V3;:TRIG:EDG:LEV 4;:SING")
    assert visa.query(":TRIG:STAT?") == "WAIT"  # a DC rail never crosses 4 V
    visa.write(":TFOR")
    assert visa.query(":TRIG:STAT?") == "STOP"


def test_digital_d0_decodes_to_the_board_telemetry(scope, visa):
    inst, _ = scope
    board = inst.board
    # screen read: 2 ms/div = 20 µs a point, about five points a bit
    visa.write(":CHAN1:DISP 0;:LA:STAT 1;:LA:DIG0:DISP 1;:TIM:SCAL 2e-3;:TIM:OFFS 10e-3")
    visa.write(":TRIG:EDG:SOUR D0;:TRIG:EDG:SLOP NEG;:TRIG:HOLD 60e-3;:SING")
    assert visa.query(":TRIG:STAT?") == "STOP"
    visa.write(":WAV:SOUR D0;:WAV:MODE NORM")
    pre = preamble(visa)
    screen = data(visa)
    assert screen.size == 1200 and set(np.unique(screen)) <= {0, 1}
    text = uart_decode(screen.astype(bool), pre["xinc"])
    lines = [board.uart_line(k) for k in range(int(inst.sim_time * 10) + 2)]
    assert len(text) >= 15
    assert any(line.startswith(text) for line in lines)
    # memory read: a whole 240 ms record, pod-packed (D7..D0, high bit first)
    visa.write(":RUN;:TIM:SCAL 20e-3;:TIM:OFFS 0;:ACQ:MDEP 1200000;:SING")
    assert visa.query(":TRIG:STAT?") == "STOP"
    visa.write(":WAV:MODE RAW")
    pre = preamble(visa)
    assert pre["points"] == 1200000
    chunks = []
    for start in range(1, 1200001, 250000):
        visa.write(f":WAV:STAR {start};:WAV:STOP {min(start + 249999, 1200000)}")
        chunks.append(data(visa))
    pod = np.concatenate(chunks)
    assert pod.size == 1200000
    d0 = (pod & 1).astype(bool)
    assert np.any(pod & 0b0010) and np.any(pod & 0b1000)  # D1 (SCL) and D3 (PWM) wired
    text = uart_decode(d0, pre["xinc"])
    lines = [board.uart_line(k) for k in range(int(inst.sim_time * 10) + 2)]
    assert any(line in text for line in lines)
    assert errors(visa) == []


# --- measurements ----------------------------------------------------------------------


def test_measurements_on_the_pwm_and_rails(visa):
    def m(item: str, src: str = "CHAN1") -> float:
        return float(visa.query(f":MEAS:ITEM? {item},{src}"))

    assert m("FREQ") == pytest.approx(1000, rel=0.005)
    assert m("PER") == pytest.approx(1e-3, rel=0.005)
    assert m("PDUT") == pytest.approx(0.25, abs=0.005)
    assert m("NDUT") == pytest.approx(0.75, abs=0.005)
    assert m("PWID") == pytest.approx(250e-6, rel=0.01)
    assert m("NWID") == pytest.approx(750e-6, rel=0.01)
    assert m("VPP") == pytest.approx(3.3, abs=0.2)
    assert m("VTOP") == pytest.approx(3.3, abs=0.04)
    assert m("VBAS") == pytest.approx(0.0, abs=0.04)
    assert m("VAMP") == pytest.approx(3.3, abs=0.06)
    assert m("VAVG") == pytest.approx(0.825, abs=0.05)
    assert m("VRMS") == pytest.approx(3.3 * 0.5, abs=0.05)
    assert m("VMAX") >= 3.3 and m("VMIN") <= 0.0
    assert 0 < m("RTIM") < 5e-6 and 0 < m("FTIM") < 5e-6
    visa.write(":CHAN3:DISP 1")
    assert m("VAVG", "CHAN3") == pytest.approx(3.3, abs=0.03)
    assert m("FREQ", "CHAN3") == 9.9e37  # a DC rail has no period
    assert visa.query(":MEAS:ITEM? FREQ,CHAN3") == "9.900000e+37"
    assert m("FREQ", "CHAN2") == 9.9e37  # channel switched off
    assert m("FREQ", "D3") == pytest.approx(1000, rel=0.005)
    assert m("PDUT", "D3") == pytest.approx(0.25, abs=0.005)
    assert m("VPP", "D3") == 9.9e37  # voltage items do not apply to a logic line
    visa.write(":MEAS:SOUR CHAN3")
    assert float(visa.query(":MEAS:ITEM? VAVG")) == pytest.approx(3.3, abs=0.03)
    assert float(visa.query(":MEAS:COUN:VAL?")) == 0.0
    visa.write(":MEAS:COUN:SOUR D3")
    assert float(visa.query(":MEAS:COUN:VAL?")) == pytest.approx(1000, rel=0.005)
    stat = float(visa.query(":MEAS:STAT:ITEM? AVER,VAVG,CHAN3"))
    assert stat == pytest.approx(3.3, abs=0.03)
    assert errors(visa) == []


def test_math_adds_two_rails_and_reads_only_on_screen(visa):
    visa.write(":CHAN3:DISP 1;:CHAN4:DISP 1;:MATH:DISP 1;:MATH:SOUR1 CHAN3;:MATH:SOUR2 CHAN4")
    visa.write(":MATH:OPER ADD;:MATH:SCAL 2;:MATH:OFFS -8;:WAV:SOUR MATH")
    pre = preamble(visa)
    assert pre["yinc"] == pytest.approx(2 / 25) and pre["yorigin"] == -100
    v = to_volts(data(visa), pre)
    assert np.median(v) == pytest.approx(8.3, abs=0.1)
    assert float(visa.query(":MEAS:ITEM? VAVG,MATH")) == pytest.approx(8.3, abs=0.05)
    visa.write(":STOP;:WAV:MODE RAW")
    assert data(visa).size == 0
    assert errors(visa) == ['-221,"Settings conflict"']


# --- screenshots -----------------------------------------------------------------------


def test_screenshot_bmp24_by_default(visa):
    img = bytes(data(visa, ":DISP:DATA?"))
    assert len(img) == 800 * 480 * 3 + 54
    magic, size, _, _, offset = struct.unpack("<2sIHHI", img[:14])
    hsize, w, h, planes, bpp, comp = struct.unpack("<IiiHHI", img[14:34])
    assert (magic, size, offset, hsize, w, h, planes, bpp, comp) == (
        b"BM", len(img), 54, 40, 800, 480, 1, 24, 0)
    px = np.frombuffer(img[54:], dtype=np.uint8).reshape(480, 800, 3)
    yellow = np.all(px == (0, 255, 255), axis=2)  # BGR: the CH1 trace
    assert yellow.sum() > 1000
    assert not np.any(np.all(px == (255, 255, 0), axis=2)[100:400, 150:650])  # CH2 is off


def test_screenshot_png_and_other_formats(visa):
    img = bytes(data(visa, ":DISP:DATA? ON,OFF,PNG"))
    assert img[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", img[8:16])
    w, h, depth, ctype = struct.unpack(">IIBB", img[16:26])
    assert (length, kind, w, h, depth, ctype) == (13, b"IHDR", 800, 480, 8, 2)
    pos, idat = 8, b""
    while pos < len(img):
        n, kind = struct.unpack(">I4s", img[pos:pos + 8])
        body = img[pos + 8:pos + 8 + n]
        crc = struct.unpack(">I", img[pos + 8 + n:pos + 12 + n])[0]
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF
        if kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    assert len(raw) == 480 * (1 + 800 * 3)
    rows = np.frombuffer(raw, dtype=np.uint8).reshape(480, 2401)
    assert np.all(rows[:, 0] == 0)
    grey = bytes(data(visa, ":DISP:DATA? OFF,ON,BMP8"))
    assert grey[:2] == b"BM" and struct.unpack("<H", grey[28:30])[0] == 8
    tiff = bytes(data(visa, ":DISP:DATA? ON,OFF,TIFF"))
    assert tiff[:4] == b"II*\x00"
    data(visa, ":DISP:DATA? ON,OFF,JPEG")
    assert errors(visa)[0].startswith("-221,")


# --- determinism, faults, robustness --------------------------------------------------


def _session(seed: int) -> list[bytes]:
    inst = RigolMSO1104Z(FakeBoard(), seed=seed)
    cmds = [b":WAV:DATA?", b":SIM:CHAN2 UART_TX;:CHAN2:DISP 1;:WAV:SOUR CHAN2;:WAV:DATA?",
            b":MEAS:ITEM? VRMS,CHAN1", b":STOP;:WAV:MODE RAW;:WAV:STOP 5000;:WAV:DATA?"]
    return [inst.execute(c) or b"" for c in cmds]


def test_same_seed_same_bytes_other_seed_other_noise():
    a, b, c = _session(3), _session(3), _session(4)
    assert a == b
    assert a[0] != c[0]


def test_faults_show_in_the_waveforms(scope, visa):
    visa.write(":SIM:FAUL pwm_stuck,ON")
    assert float(visa.query(":MEAS:ITEM? FREQ,CHAN1")) == 9.9e37
    assert float(visa.query(":MEAS:ITEM? VAVG,CHAN1")) == pytest.approx(3.3, abs=0.05)
    visa.write(":SIM:FAUL pwm_stuck,OFF")
    visa.write(":CHAN4:DISP 1;:CHAN4:COUP AC;:CHAN4:SCAL 0.05;:TIM:SCAL 5e-3")
    quiet = float(visa.query(":MEAS:ITEM? VPP,CHAN4"))
    visa.write(":SIM:FAUL supply_ripple,ON")
    assert float(visa.query(":MEAS:ITEM? VPP,CHAN4")) == pytest.approx(0.2, abs=0.03)
    assert float(visa.query(":MEAS:ITEM? FREQ,CHAN4")) == pytest.approx(100, rel=0.02)
    assert quiet < 0.05
    visa.write(":SIM:FAUL ldo_drift,ON;:CHAN3:DISP 1")
    assert float(visa.query(":MEAS:ITEM? VAVG,CHAN3")) == pytest.approx(3.05, abs=0.06)
    assert visa.query(":SIM:FAUL?") == '"ldo_drift,supply_ripple"'


def test_uart_baud_fault_shows_in_d0_bit_timing(visa):
    visa.write(":LA:STAT 1;:LA:DIG0:DISP 1;:CHAN1:DISP 0;:TIM:SCAL 5e-3;:ACQ:MDEP 1200000")
    visa.write(":TIM:OFFS 25e-3;:TRIG:EDG:SOUR D0;:TRIG:EDG:SLOP NEG;:TRIG:HOLD 60e-3")

    def shortest_bit() -> float:
        visa.write(":SING")
        assert visa.query(":TRIG:STAT?") == "STOP"
        # the trigger sits 5 ms into the 60 ms record: read 12 ms of the line after it
        visa.write(":WAV:SOUR D0;:WAV:MODE RAW;:WAV:STAR 100001;:WAV:STOP 340000")
        xinc = preamble(visa)["xinc"]
        d0 = (data(visa) & 1).astype(np.int8)
        edges = np.flatnonzero(np.diff(d0))
        return float(np.min(np.diff(edges))) * xinc

    assert shortest_bit() == pytest.approx(1 / 9600, rel=0.02)
    visa.write(":SIM:FAUL uart_baud,ON")
    assert shortest_bit() == pytest.approx(1 / 9000, rel=0.02)


def test_garbage_never_kills_the_server(scope, visa):
    _, server = scope
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as s:
        s.sendall(b"\x00\xff\xfe garbage\n:WAV:DATA? extra,params\n" + b"A" * 100_000 + b"\n")
        s.sendall(b":WAV:SOUR CHAN7\n:DISP:DATA? ON,OFF,GIF\n:MEAS:ITEM? BOGUS,CHAN1\n")
        s.sendall(b":WAV:DATA")  # half a message, then hang up
    # that connection's thread works through it on its own time (a loaded machine: slowly)
    deadline = time.monotonic() + 10
    while int(visa.query(":SYST:ERR:COUN?")) < 5 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert visa.query("*IDN?").startswith("RIGOL")
    assert len(errors(visa)) >= 5


# --- the measurement maths on its own (pure arrays, many shapes) ---------------------------


@settings(max_examples=40, deadline=None)
@given(freq=st.floats(200, 5000), duty=st.floats(0.1, 0.9), high=st.floats(0.5, 10),
       phase=st.floats(0, 1))
def test_square_wave_measurements(freq, duty, high, phase):
    from meterlab.sim.scope_measure import measure

    t = np.arange(100_000) * 100e-9  # 10 ms at 10 MSa/s
    v = np.where(np.mod(t * freq + phase, 1.0) < duty, high, 0.0)
    assert measure("FREQUENCY", t, v) == pytest.approx(freq, rel=2e-3)
    assert measure("PDUTY", t, v) == pytest.approx(duty, abs=3e-3)
    assert measure("NDUTY", t, v) == pytest.approx(1 - duty, abs=3e-3)
    assert measure("VAMP", t, v) == pytest.approx(high)
    assert measure("FREQUENCY", t, np.full(t.shape, high)) == 9.9e37


# --- properties of the memory record (in-process: thousands of reads) ---------------------


@pytest.fixture(scope="module")
def stopped_scope():
    inst = RigolMSO1104Z(FakeBoard(), seed=11)
    inst.execute(b":SIM:CHAN1 UART_TX;:TIM:SCAL 1e-3;:ACQ:MDEP 12000;:SING")
    assert inst.execute(b":TRIG:STAT?") == b"STOP"
    inst.execute(b":WAV:MODE RAW;:WAV:STAR 1;:WAV:STOP 12000")
    whole = inst.execute(b":WAV:DATA?")
    assert whole is not None
    return inst, np.frombuffer(whole[11:], dtype=np.uint8)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=st.integers(1, 12000), length=st.integers(1, 12000),
       fmt=st.sampled_from(["BYTE", "WORD"]))
def test_any_window_of_memory_is_a_slice_of_the_whole(stopped_scope, start, length, fmt):
    inst, whole = stopped_scope
    stop = min(12000, start + length - 1)
    reply = inst.execute(f":WAV:FORM {fmt};:WAV:STAR {start};:WAV:STOP {stop};:WAV:DATA?"
                         .encode())
    assert reply is not None and reply[:2] == b"#9"
    n = int(reply[2:11])
    body = np.frombuffer(reply[11:], dtype=np.uint8 if fmt == "BYTE" else "<u2")
    assert n == len(reply) - 11
    assert np.array_equal(body, whole[start - 1:stop])


def test_noise_is_about_a_code_and_averaging_reduces_it(visa):
    visa.write(":CHAN3:DISP 1;:CHAN3:OFFS -3;:CHAN3:SCAL 0.5;:STOP")
    visa.write(":WAV:SOUR CHAN3")
    sd = np.std(data(visa).astype(float))
    assert 0.3 < sd < 1.2
    visa.write(":RUN;:ACQ:TYPE AVER;:ACQ:AVER 16;:STOP")
    assert preamble(visa)["count"] == 16
    assert np.std(data(visa).astype(float)) < sd / 2


def test_trigger_position_and_offset(visa):
    visa.write(":ACQ:MDEP 12000;:TIM:OFFS 2e-3;:STOP")
    pos = int(visa.query(":TRIG:POS?"))
    srate = float(visa.query(":ACQ:SRAT?"))
    # 12 000 points over 6 ms centred 2 ms after the trigger: trigger at 1 ms into memory
    assert pos == round(1e-3 * srate)
    pre = preamble(visa)
    assert pre["xorigin"] == pytest.approx(2e-3 - 3e-3)


def test_autoscale_shows_every_wired_signal(visa):
    visa.write(":CHAN1:SCAL 10;:TIM:SCAL 1;:AUT")
    assert [visa.query(f":CHAN{n}:DISP?") for n in range(1, 5)] == ["1"] * 4
    assert float(visa.query(":CHAN1:SCAL?")) in (0.5, 1.0)
    assert float(visa.query(":TIM:SCAL?")) == pytest.approx(500e-6)
    assert 0.5 < float(visa.query(":TRIG:EDG:LEV?")) < 2.8
    assert float(visa.query(":MEAS:ITEM? FREQ,CHAN1")) == pytest.approx(1000, rel=0.01)


# --- no handler crashes on any parameter (a crash would queue -300) ----------------------

_HEADERS = [
    ":RUN", ":STOP", ":SING", ":TFOR", ":CLE", ":TRIG:STAT?", ":TRIG:POS?", ":CHAN{n}:DISP",
    ":CHAN{n}:SCAL", ":CHAN{n}:OFFS", ":CHAN{n}:RANG", ":CHAN{n}:COUP", ":CHAN{n}:PROB",
    ":CHAN{n}:BWL", ":CHAN{n}:INV", ":CHAN{n}:UNIT", ":CHAN{n}:VERN", ":TIM:SCAL", ":TIM:OFFS",
    ":TIM:MODE", ":ACQ:MDEP", ":ACQ:SRAT?", ":ACQ:TYPE", ":ACQ:AVER", ":TRIG:SWE", ":TRIG:COUP",
    ":TRIG:HOLD", ":TRIG:EDG:SOUR", ":TRIG:EDG:SLOP", ":TRIG:EDG:LEV", ":WAV:SOUR", ":WAV:MODE",
    ":WAV:FORM", ":WAV:STAR", ":WAV:STOP", ":WAV:PRE?", ":WAV:DATA?", ":WAV:XINC?",
    ":LA:STAT", ":LA:DIG{n}:DISP", ":LA:POD{n}:THR", ":MEAS:ITEM?", ":MEAS:ITEM", ":MEAS:SOUR",
    ":MEAS:STAT:ITEM?", ":MEAS:CLE", ":MATH:DISP", ":MATH:OPER", ":SIM:CHAN{n}", ":SIM:DIG{n}",
]
_PARAMS = st.one_of(
    st.sampled_from(["ON", "OFF", "1", "0", "AUTO", "RAW", "BYTE", "ASC", "CHAN1", "CHAN4",
                     "D0", "D15", "MATH", "VPP", "FREQ", "PDUT", "POS", "NEG", "MAX", "MIN",
                     "AC", "DC", "GND", "12000", "24000000", "3V3", "NONE", '"x"', "#15hello"]),
    st.floats(allow_nan=False, allow_infinity=False, width=32).map(lambda x: f"{x:g}"),
    st.integers(-(10**9), 10**9).map(str),
    st.text("0123456789.eE+-mMuUkVs", max_size=8),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_HEADERS), st.integers(0, 17),
                          st.lists(_PARAMS, max_size=3)), min_size=1, max_size=6))
def test_no_command_sequence_crashes_a_handler(commands):
    inst = RigolMSO1104Z(FakeBoard(), seed=1)
    inst.execute(b":ACQ:MDEP 12000;:TIM:SCAL 1e-5")  # keep memory reads small
    for header, n, params in commands:
        text = header.format(n=n) + (" " + ",".join(params) if params else "")
        inst.execute(text.encode())
    codes = [code for code, _ in inst.errors]
    assert -300 not in codes, inst.errors
