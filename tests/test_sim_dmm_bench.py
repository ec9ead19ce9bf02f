"""The simulated 34465A on the real virtual board: faults, determinism, `meterlab sim`.

Everything goes through pyvisa-py over TCP, as a driver for the real meter would.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from meterlab.sim import SimulatedBench

OVERLOAD = 9.9e37


@pytest.fixture(scope="module")
def bench():
    with SimulatedBench(seed=3) as b:
        yield b


@pytest.fixture(scope="module")
def rm():
    from tests.visa_link import shared_manager

    return shared_manager()  # the process's one manager: closing it would close all links


@pytest.fixture
def dmm(bench, rm):
    res = rm.open_resource(bench.dmm_resource, read_termination="\n", write_termination="\n",
                           timeout=10000)
    res.write("*RST;*CLS;:SIM:PROB 3V3,GND")
    for name in bench.board.active_faults:
        res.write(f"SIM:FAUL {name},OFF")
    yield res
    for name in bench.board.active_faults:
        res.write(f"SIM:FAUL {name},OFF")
    res.close()


def measure(res, function: str, net: str, ref: str = "GND") -> float:
    """One reading of `function` with the probes on `net`, at settings quick enough for tests."""
    res.write(f"SIM:PROB {net},{ref};:CONF:{function}")
    head = {"VOLT:DC": "VOLT", "CURR:DC": "CURR", "RES": "RES", "FRES": "FRES"}.get(function)
    if head is not None:
        res.write(f"{head}:NPLC 1;:{head}:ZERO:AUTO OFF" if head != "FRES" else "FRES:NPLC 1")
    if function in ("VOLT:AC", "CURR:AC"):
        res.write(f"{function}:BAND 200")
    if function in ("FREQ", "PER"):
        res.write(f"{function}:APER 0.1")
    value = float(res.query("READ?"))
    errs = res.query("SYST:ERR?")
    assert errs.startswith("+0,"), errs
    return value


def test_power_on_reads_the_3v3_rail(dmm):
    value = float(dmm.query("READ?"))
    assert 3.2 < value < 3.4
    assert dmm.query("SIM:PROB?") == '"3V3,GND"'


def test_the_board_seen_through_every_function(dmm):
    assert 4.9 < measure(dmm, "VOLT:DC", "VBUS") < 5.1
    assert 3.2 < measure(dmm, "VOLT:DC", "3V3") < 3.4
    assert 1.0 < measure(dmm, "VOLT:DC", "NTC") < 2.3
    assert 0.6 < measure(dmm, "VOLT:DC", "LED_PWM") < 1.1  # 25 % of 3.3 V, averaged
    assert 30e-3 < measure(dmm, "CURR:DC", "ISUPPLY") < 55e-3
    assert 4.6e3 < measure(dmm, "RES", "R1") < 4.8e3
    assert 4.6e3 < measure(dmm, "FRES", "R1") < 4.8e3
    assert measure(dmm, "FREQ", "LED_PWM") == pytest.approx(1000.0, rel=1e-3)
    assert measure(dmm, "PER", "LED_PWM") == pytest.approx(1e-3, rel=1e-3)
    assert measure(dmm, "VOLT:AC", "LED_PWM") > 1.0  # a 0–3.3 V square wave has ~1.4 V rms AC
    assert measure(dmm, "VOLT:AC", "VBUS") < 0.01  # a clean supply


def test_ldo_drift_lowers_the_3v3_rail(dmm):
    before = measure(dmm, "VOLT:DC", "3V3")
    dmm.write("SIM:FAUL ldo_drift,ON")
    after = measure(dmm, "VOLT:DC", "3V3")
    assert after < before - 0.15
    assert 2.9 < after < 3.2


def test_supply_ripple_shows_in_ac_volts_and_frequency(dmm):
    clean = measure(dmm, "VOLT:AC", "VBUS")
    dmm.write("SIM:FAUL supply_ripple,ON")
    assert measure(dmm, "VOLT:AC", "VBUS") > clean + 0.005
    assert measure(dmm, "VOLT:AC", "3V3") > 0.001
    assert measure(dmm, "FREQ", "VBUS") == pytest.approx(100.0, rel=0.01)
    assert 4.8 < measure(dmm, "VOLT:DC", "VBUS") < 5.2  # 1 PLC integration rejects 100 Hz


def test_r1_open_overloads_the_resistance_functions(dmm):
    dmm.write("SIM:FAUL r1_open,ON")
    assert measure(dmm, "RES", "R1") == OVERLOAD
    assert measure(dmm, "FRES", "R1") == OVERLOAD
    assert measure(dmm, "CONT", "R1") == OVERLOAD


def test_pwm_stuck_high_reads_3v3_and_no_frequency(dmm):
    dmm.write("SIM:FAUL pwm_stuck,ON")
    assert 3.2 < measure(dmm, "VOLT:DC", "LED_PWM") < 3.4
    assert measure(dmm, "FREQ", "LED_PWM") == 0.0


def test_pwm_stuck_also_raises_the_supply_current(dmm):
    before = measure(dmm, "CURR:DC", "ISUPPLY")
    dmm.write("SIM:FAUL pwm_stuck,ON")
    assert measure(dmm, "CURR:DC", "ISUPPLY") > before + 0.010  # the LED is on all the time


def test_uart_baud_lowers_the_mean_level_of_the_uart_line(dmm):
    before = measure(dmm, "VOLT:DC", "UART_TX")
    dmm.write("SIM:FAUL uart_baud,ON")
    assert measure(dmm, "VOLT:DC", "UART_TX") < before - 0.02  # slower bits: longer lows


def test_i2c_nak_shows_as_a_quieter_bus(dmm):
    before_v = measure(dmm, "VOLT:DC", "SDA")
    before_f = measure(dmm, "FREQ", "SDA")
    dmm.write("SIM:FAUL i2c_nak,ON")
    assert measure(dmm, "VOLT:DC", "SDA") > before_v + 0.05
    assert measure(dmm, "FREQ", "SDA") < 0.5 * before_f


def test_the_unpowered_coupon_and_the_board_temperature(dmm):
    assert 0.55 < measure(dmm, "DIOD", "D1") < 0.7
    assert measure(dmm, "DIOD", "GND", "D1") == OVERLOAD  # reverse biased
    assert measure(dmm, "CAP", "C1") == pytest.approx(100e-9, rel=0.02)
    assert measure(dmm, "RES", "3V3") == OVERLOAD  # ohms on a powered net: meaningless
    dmm.write("SIM:TEMP 40")
    try:
        assert measure(dmm, "TEMP", "NTC") == pytest.approx(40.0, abs=0.1)
        assert measure(dmm, "DIOD", "D1") < 0.6  # −2 mV/°C
    finally:
        dmm.write("SIM:TEMP 25")


def test_fast_dc_readings_show_the_ripple_that_1_plc_rejects(dmm):
    dmm.write("SIM:FAUL supply_ripple,ON;:SIM:PROB VBUS")
    dmm.write("VOLT:RANG 10;:VOLT:NPLC 0.001;:VOLT:ZERO:AUTO OFF;:SAMP:COUN 1000")
    fast = [float(v) for v in dmm.query("READ?").split(",")]
    assert max(fast) - min(fast) > 0.2  # ~0.3 V p-p of 100 Hz ripple, sampled every 20 µs
    dmm.write("VOLT:NPLC 1;:SAMP:COUN 3")
    slow = [float(v) for v in dmm.query("READ?").split(",")]
    assert max(slow) - min(slow) < 0.01


def test_same_seed_same_readings(rm):
    def run(seed: int) -> str:
        with SimulatedBench(seed=seed) as b:
            res = rm.open_resource(b.dmm_resource, read_termination="\n",
                                   write_termination="\n", timeout=10000)
            try:
                return res.query("VOLT:NPLC 0.02;:VOLT:ZERO:AUTO OFF;:SAMP:COUN 5;:READ?")
            finally:
                res.close()

    first = run(21)
    assert first == run(21)
    assert first != run(22)


def test_two_connections_share_the_meter(bench, rm, dmm):
    other = rm.open_resource(bench.dmm_resource, read_termination="\n",
                             write_termination="\n", timeout=10000)
    try:
        dmm.write("CONF:RES 10000")
        assert dmm.query("*OPC?") == "1"
        assert other.query("CONF?").startswith('"RES +1.00000000E+04,')
    finally:
        other.close()


def test_meterlab_sim_serves_the_dmm_as_a_subprocess(rm):
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    args = ["sim", "--dmm-port", "0", "--scope-port", "0", "--seed", "5", "--fault", "ldo_drift"]
    uv = shutil.which("uv")
    # `uv run meterlab sim …` as a user types it; --no-sync keeps the shared venv untouched.
    if uv is not None:
        cmd = [uv, "run", "--no-sync", "meterlab", *args]
    else:
        cmd = [str(Path(sys.executable).with_name("meterlab")), *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline().strip() for _ in range(2)]
        names = dict(line.split(" ", 1) for line in lines)
        assert set(names) == {"dmm", "scope"}
        assert names["dmm"].startswith("TCPIP::127.0.0.1::") and names["dmm"].endswith("::SOCKET")
        res = rm.open_resource(names["dmm"], read_termination="\n", write_termination="\n",
                               timeout=10000)
        try:
            assert res.query("*IDN?").startswith("Keysight Technologies,34465A,")
            assert res.query("SIM:FAUL?") == '"ldo_drift"'
            assert float(res.query("VOLT:NPLC 1;:READ?")) < 3.2
        finally:
            res.close()
        proc.send_signal(signal.SIGINT)
        deadline = time.monotonic() + 10
        while proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.returncode == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=5)
