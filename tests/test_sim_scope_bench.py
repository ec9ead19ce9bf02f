"""The simulated MSO1104Z on the real virtual board, served by `SimulatedBench` and read
through pyvisa-py: the telemetry decoded off D0, the I²C read off D1/D2, every
board fault visible on the channels that would show it, determinism by seed.

The decoders here are small and independent of `meterlab.analysis`; expected
text and bytes come from the board's own description of what it sends.
"""

from __future__ import annotations

import numpy as np
import pytest

from meterlab.sim.bench import SimulatedBench
from tests.visa_link import link


@pytest.fixture
def bench():
    with SimulatedBench(seed=5) as b:
        yield b


@pytest.fixture
def scope(bench):
    with link(bench.scope_resource, timeout=10000) as res:
        yield res


def data(res, cmd: str = ":WAV:DATA?") -> np.ndarray:
    return res.query_binary_values(cmd, datatype="B", container=np.array, header_fmt="ieee",
                                   expect_termination=True)


def xinc(res) -> float:
    return float(res.query(":WAV:PRE?").split(",")[4])


def errors(res) -> list[str]:
    out = []
    for _ in range(30):
        e = res.query(":SYST:ERR?")
        if e.startswith("0,"):
            return out
        out.append(e)
    raise AssertionError("error queue never empties")


def uart_decode(bits: np.ndarray, dt: float, baud: float = 9600.0) -> str:
    """8N1, LSB first; decoding starts only after a frame's worth of idle line."""
    bit = 1.0 / baud
    i, run, n = 0, 0, bits.size
    while i < n and run < int(10 * bit / dt):
        run = run + 1 if bits[i] else 0
        i += 1
    out = []
    while i < n:
        if bits[i]:
            i += 1
            continue
        centres = i + (np.arange(1.5, 10.5) * bit / dt).astype(int)
        if centres[-1] >= n:
            break
        s = bits[centres]
        if s[-1]:
            out.append(chr(sum(int(b) << k for k, b in enumerate(s[:8]))))
        i = centres[-1]
    return "".join(out)


def i2c_decode(scl: np.ndarray, sda: np.ndarray, settle: int) -> list[tuple[int, int]]:
    """(byte, ack bit) pairs after the first START; SDA is sampled `settle` samples into
    each SCL-high phase (the open-drain rise is slow)."""
    start = np.flatnonzero(scl[1:] & scl[:-1] & sda[:-1] & ~sda[1:])
    assert start.size, "no START condition in the capture"
    rises = np.flatnonzero(~scl[:-1] & scl[1:]) + 1
    rises = rises[rises > start[0]]
    bits = [int(sda[min(r + settle, sda.size - 1)]) for r in rises]
    out = []
    for k in range(0, len(bits) - 8, 9):
        byte = int("".join(map(str, bits[k:k + 8])), 2)
        out.append((byte, bits[k + 8]))
    return out


def pwm_checks(res) -> tuple[float, float]:
    return (float(res.query(":MEAS:ITEM? FREQ,CHAN1")),
            float(res.query(":MEAS:ITEM? PDUT,CHAN1")))


def test_bench_scope_identifies_and_shows_the_pwm(bench, scope):
    assert scope.query("*IDN?").startswith("RIGOL TECHNOLOGIES,MSO1104Z,")
    freq, duty = pwm_checks(scope)
    assert freq == pytest.approx(1000 * bench.board.clock, rel=2e-3)
    assert duty == pytest.approx(0.25, abs=0.005)
    assert float(scope.query(":MEAS:ITEM? VTOP,CHAN1")) == pytest.approx(3.3, abs=0.05)
    assert errors(scope) == []


def test_d0_telemetry_decodes_to_the_boards_lines(bench, scope):
    board = bench.board
    scope.write(":CHAN1:DISP 0;:LA:STAT 1;:LA:DIG0:DISP 1;:TIM:SCAL 20e-3;:ACQ:MDEP 1200000")
    scope.write(":TRIG:EDG:SOUR D0;:TRIG:EDG:SLOP NEG;:SING")
    assert scope.query(":TRIG:STAT?") == "STOP"
    scope.write(":WAV:SOUR D0;:WAV:MODE RAW")
    pod = []
    for start in range(1, 1_200_001, 250_000):
        scope.write(f":WAV:STAR {start};:WAV:STOP {min(start + 249_999, 1_200_000)}")
        pod.append(data(scope))
    bits = (np.concatenate(pod) & 1).astype(bool)
    text = uart_decode(bits, xinc(scope), board.baud)
    now = bench.scope.sim_time
    lines = [board.uart_line(k) for k in range(int(now / 0.1) + 2)]
    assert any(line in text for line in lines), text
    # the screen record at 2 ms/div holds the first part of a line
    scope.write(":TIM:SCAL 2e-3;:TIM:OFFS 10e-3;:TRIG:HOLD 60e-3;:SING")
    assert scope.query(":TRIG:STAT?") == "STOP"
    scope.write(":WAV:MODE NORM;:WAV:STAR 1;:WAV:STOP 1200")
    screen = data(scope).astype(bool)
    part = uart_decode(screen, xinc(scope), board.baud)
    assert len(part) >= 15 and part.startswith("T=")
    assert any(line.startswith(part) for line in lines + [board.uart_line(k) for k in
                                                          range(len(lines), len(lines) + 3)])
    assert errors(scope) == []


def _i2c_capture(scope) -> list[tuple[int, int]]:
    scope.write(":SING")
    assert scope.query(":TRIG:STAT?") == "STOP"
    scope.write(":WAV:SOUR D1;:WAV:MODE RAW;:WAV:STAR 1;:WAV:STOP 120000")
    pod = data(scope)
    settle = round(2.5e-6 / xinc(scope))  # middle of the 5 µs SCL-high phase
    return i2c_decode((pod & 0b10).astype(bool), (pod & 0b100).astype(bool), settle)


def test_i2c_read_of_the_sensor_and_its_nak_fault(bench, scope):
    scope.write(":CHAN1:DISP 0;:LA:STAT 1;:LA:DIG1:DISP 1;:LA:DIG2:DISP 1")
    scope.write(":TIM:SCAL 100e-6;:TIM:OFFS 500e-6;:ACQ:MDEP 120000")
    scope.write(":TRIG:EDG:SOUR D1;:TRIG:EDG:SLOP NEG;:TRIG:HOLD 5e-3")
    frames = _i2c_capture(scope)
    assert frames[0] == ((0x44 << 1) | 1, 0)  # address, read, sensor ACKs
    assert [b for b, _ in frames[1:7]] == bench.board.i2c_data()
    scope.write(":SIM:FAUL i2c_nak,ON")
    frames = _i2c_capture(scope)
    assert frames[0] == ((0x44 << 1) | 1, 1)  # nobody pulls SDA low: NAK
    assert len(frames) == 1
    assert errors(scope) == []


def test_faults_are_visible_on_the_channels(bench, scope):
    scope.write(":SIM:FAUL pwm_stuck,ON")
    assert float(scope.query(":MEAS:ITEM? FREQ,CHAN1")) == 9.9e37
    assert float(scope.query(":MEAS:ITEM? VAVG,CHAN1")) == pytest.approx(3.3, abs=0.05)
    scope.write(":SIM:FAUL pwm_stuck,OFF")
    scope.write(":CHAN1:DISP 0;:CHAN4:DISP 1;:CHAN4:COUP AC;:CHAN4:SCAL 0.05;:TIM:SCAL 5e-3")
    quiet = float(scope.query(":MEAS:ITEM? VPP,CHAN4"))
    scope.write(":SIM:FAUL supply_ripple,ON")
    ripple = float(scope.query(":MEAS:ITEM? VPP,CHAN4"))
    assert quiet < 0.03 < 0.2 < ripple
    assert float(scope.query(":MEAS:ITEM? FREQ,CHAN4")) == pytest.approx(100, rel=0.03)
    scope.write(":SIM:FAUL supply_ripple,OFF;:SIM:FAUL ldo_drift,ON")
    scope.write(":CHAN4:DISP 0;:CHAN3:DISP 1")
    assert float(scope.query(":MEAS:ITEM? VAVG,CHAN3")) == pytest.approx(3.05, abs=0.04)
    scope.write(":SIM:FAUL ldo_drift,OFF;:SIM:FAUL uart_baud,ON")
    scope.write(":CHAN3:DISP 0;:LA:STAT 1;:LA:DIG0:DISP 1;:TIM:SCAL 5e-3;:ACQ:MDEP 1200000")
    scope.write(":TIM:OFFS 25e-3;:TRIG:EDG:SOUR D0;:TRIG:EDG:SLOP NEG;:TRIG:HOLD 60e-3;:SING")
    assert scope.query(":TRIG:STAT?") == "STOP"
    scope.write(":WAV:SOUR D0;:WAV:MODE RAW;:WAV:STAR 100001;:WAV:STOP 340000")
    d0 = (data(scope) & 1).astype(np.int8)
    shortest = float(np.min(np.diff(np.flatnonzero(np.diff(d0))))) * xinc(scope)
    assert shortest == pytest.approx(1 / 9000, rel=0.02)
    assert errors(scope) == []


def test_faults_given_at_start_show_at_once():
    with (SimulatedBench(seed=1, faults=["pwm_stuck"]) as b,
          link(b.scope_resource, timeout=10000) as res):
        assert float(res.query(":MEAS:ITEM? FREQ,CHAN1")) == 9.9e37


def _session(seed: int) -> list[bytes]:
    with SimulatedBench(seed=seed) as b, link(b.scope_resource, timeout=10000) as res:
        out = [bytes(data(res))]
        res.write(":STOP;:WAV:MODE RAW;:WAV:STAR 1;:WAV:STOP 20000")
        out.append(bytes(data(res)))
        out.append(res.query(":MEAS:ITEM? FREQ,CHAN1").encode())
        return out


def test_same_seed_same_bytes_over_the_wire():
    a, b, c = _session(9), _session(9), _session(10)
    assert a == b
    assert a[1] != c[1]
