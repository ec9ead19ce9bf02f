"""The simulated 34465A through pyvisa-py over TCP, with a scripted board behind it.

A board whose true values the test sets makes every range, overload and accuracy
check exact; `test_sim_dmm_bench.py` runs the meter against the real virtual board.
"""

from __future__ import annotations

import math
import socket
import statistics
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meterlab.sim.dmm import Keysight34465A
from meterlab.sim.dmm_config import parse_function
from meterlab.sim.dmm_spec import FUNCTIONS, MEMORY_SIZE
from meterlab.sim.scpi import ERRORS, SCPIError
from meterlab.sim.server import InstrumentServer

OVERLOAD = 9.9e37


class ScriptedBoard:
    """The board API the meter uses, with values the test controls (same for every net)."""

    nets = ("VBUS", "3V3", "GND", "R1", "ISUPPLY", "LED_PWM", "NTC")

    def __init__(self) -> None:
        self.values: dict[str, float] = {
            "VOLT:DC": 3.3, "VOLT:AC": 0.0, "CURR:DC": 0.042, "CURR:AC": 0.0,
            "RES": 4700.0, "FRES": 4700.0, "FREQ": 0.0, "PER": 0.0, "CAP": 1e-7,
            "TEMP": 25.0, "CONT": 0.2, "DIOD": 0.6,
        }
        self.temperature_c = 25.0
        self.calls: list[tuple[str, str, str]] = []

    def measure(self, function: str, hi: str, lo: str) -> float:
        self.calls.append((function, hi, lo))
        if hi == "LED_PWM" and function == "VOLT:DC":
            return 0.825
        return self.values[function]

    def analog(self, net: str, t):  # type: ignore[no-untyped-def]
        """The waveform on a net: a 1 kHz 25 % PWM on LED_PWM, the scripted DC elsewhere."""
        t = np.asarray(t, dtype=np.float64)
        if net == "LED_PWM":
            return np.where((t * 1000.0) % 1.0 < 0.25, 3.3, 0.0)
        if net == "GND":
            return np.zeros_like(t)
        return np.full_like(t, self.values["VOLT:DC"])

    def set_fault(self, name: str, on: bool) -> None:
        raise ValueError(name)

    @property
    def active_faults(self) -> tuple[str, ...]:
        return ()


@pytest.fixture(scope="module")
def served():
    board = ScriptedBoard()
    dmm = Keysight34465A(board, seed=7)
    server = InstrumentServer(dmm).start()
    yield dmm, board, server
    server.stop()


@pytest.fixture(scope="module")
def rm():
    from tests.visa_link import shared_manager

    return shared_manager()  # the process's one manager: closing it would close all links


@pytest.fixture
def meter(served, rm):
    dmm, board, server = served
    res = rm.open_resource(server.resource, read_termination="\n", write_termination="\n",
                           timeout=5000)
    res.write("*RST;*CLS;:SIM:PROB 3V3,GND")
    assert res.query("*OPC?") == "1"
    saved = dict(board.values)
    dmm.clock = time.monotonic
    yield res
    board.values.update(saved)
    dmm.clock = time.monotonic
    res.close()


def errors(res) -> list[str]:
    out = []
    while True:
        e = res.query("SYST:ERR?")
        if e.startswith("+0,"):
            return out
        out.append(e)


def values(text: str) -> list[float]:
    return [float(v) for v in text.split(",")] if text else []


def fast(res, function: str = "VOLT") -> None:
    """Short integration and no auto-zero, so a test does not wait for 10-PLC readings."""
    res.write(f"{function}:NPLC 0.02;:{function}:ZERO:AUTO OFF")


# -- identification, options, system ---------------------------------------------------------


def test_identification_options_and_system(meter):
    maker, model, serial, firmware = meter.query("*IDN?").split(",")
    assert (maker, model) == ("Keysight Technologies", "34465A")
    assert serial.startswith("MY")
    assert firmware.count("-") == 5 and firmware.startswith("A.03")
    assert "DIG" in meter.query("*OPT?").split(",")
    assert "MEM" in meter.query("*OPT?").split(",")
    assert meter.query("SYST:LIC:CAT?") == '"DIG","MEM"'
    assert meter.query("SYST:LFR?") == "+50"
    assert meter.query("SYST:VERS?") == "1994.0"
    year, month, day = (int(v) for v in meter.query("SYST:DATE?").split(","))
    assert year >= 2024 and 1 <= month <= 12 and 1 <= day <= 31
    meter.write("SYST:IDEN HP34401A")
    assert meter.query("*IDN?").startswith("HEWLETT-PACKARD,34401A,")
    assert meter.query("SYST:IDEN?") == "HP34401A"
    meter.write("SYST:IDEN AT34410A")
    assert meter.query("*IDN?").startswith("Agilent Technologies,34410A,")
    meter.write("SYST:IDEN AT34461A")  # only a 34460A/61A can claim that
    assert errors(meter) == ['-224,"Illegal parameter value"']
    meter.write("SYST:IDEN DEF")
    assert meter.query("*IDN?").startswith("Keysight Technologies,34465A,")
    meter.write('DISP:TEXT "Hello bench";:SYST:BEEP;:SYST:REM;:DISP OFF')
    assert meter.query("DISP:TEXT?") == '"Hello bench"'
    assert meter.query("DISP?") == "0"
    meter.write("DISP:TEXT:CLE")
    assert meter.query("DISP:TEXT?") == '""'
    assert errors(meter) == []


def test_power_on_state_reads_the_3v3_rail_at_once(meter):
    assert meter.query("FUNC?") == '"VOLT"'
    assert meter.query("SIM:PROB?") == '"3V3,GND"'
    reading = float(meter.query("READ?"))
    assert reading == pytest.approx(3.3, abs=3.3 * 40e-6 + 10 * 10e-6)
    assert meter.query("CONF?") == '"VOLT +1.00000000E+01,+1.00000000E-06"'
    assert meter.query("VOLT:RANG:AUTO?") == "1"
    assert meter.query("VOLT:NPLC?") == "+1.00000000E+01"


def test_probe_names_are_case_insensitive_and_unknown_nets_rejected(meter, served):
    _, board, _ = served
    meter.write("SIM:PROB r1")
    assert meter.query("SIM:PROB?") == '"R1,GND"'
    meter.write('SIM:PROB "vbus","gnd"')
    assert meter.query("SIM:PROB?") == '"VBUS,GND"'
    meter.write("SIM:PROB NOPE")
    assert errors(meter) == ['-224,"Illegal parameter value"']  # no context, as the guide shows
    assert meter.query("SIM:PROB?") == '"VBUS,GND"'
    board.calls.clear()
    fast(meter)
    meter.query("READ?")
    assert board.calls[-1] == ("VOLT:DC", "VBUS", "GND")


# -- error queue and wire details --------------------------------------------------------------


def test_errors_go_to_the_queue_with_standard_codes(meter):
    import pyvisa

    meter.write("CONF:VOLT 2000")  # beyond the 1000 V range
    meter.write("VOLT:NPLC fast")
    meter.write("CONF:VOLT AUTO,1e-6")  # explicit resolution needs a fixed range
    meter.write("SAMP:COUN 0")
    meter.write("TRIG:SOUR NOW")
    meter.write("CONF:CONT 1")
    meter.write("VOLT:RANG")
    assert errors(meter) == [
        '-222,"Data out of range"',
        '-224,"Illegal parameter value"',
        '-221,"Settings conflict"',
        '-222,"Data out of range"',
        '-224,"Illegal parameter value"',
        '-108,"Parameter not allowed"',
        '-109,"Missing parameter"',
    ]
    for header in ("MEAS", "FETC", "R", "READ", "DATA:POIN"):
        meter.write(header)  # the set form of a query-only header
    assert errors(meter) == ['-113,"Undefined header"'] * 5
    meter.timeout = 300
    with pytest.raises(pyvisa.errors.VisaIOError):
        meter.query("VOLT:BOGUS?")
    meter.timeout = 5000
    assert errors(meter) == ['-113,"Undefined header"']


def test_fetch_without_a_measurement_and_read_with_bus_trigger_are_errors(meter):
    import pyvisa

    meter.timeout = 300
    with pytest.raises(pyvisa.errors.VisaIOError):
        meter.query("FETC?")
    meter.write("TRIG:SOUR BUS")
    with pytest.raises(pyvisa.errors.VisaIOError):
        meter.query("READ?")
    meter.timeout = 5000
    meter.write("*TRG")  # no measurement waits for a trigger
    assert errors(meter) == ['-230,"Data corrupt or stale"', '-214,"Trigger deadlock"',
                             '-211,"Trigger ignored"']


def test_raw_garbage_never_kills_the_meter(served):
    dmm, _, server = served
    with socket.create_connection(("127.0.0.1", server.port), timeout=3) as s:
        s.sendall(b"\x00\xff\xfe;;CONF:VOLT \x01\x02;READ?junk\nR? -5\nDATA:REM? 0,SOON\n")
        s.sendall(b"CONF:FREQ 1e9\nCONF:TEMP BOGUS\nFUNC VOLT\nFUNC \"WATTS\"\n")
        s.sendall(b"TRIG:COUN 1e12\nSAMP:COUN 1.5e9\n*IDN?\n")
        data = b""
        while not data.endswith(b"\n"):
            data += s.recv(4096)
        assert data.startswith(b"Keysight Technologies,34465A,")
    with dmm.lock:
        codes = [code for code, _ in dmm.errors]
        dmm.errors.clear()
    assert len(codes) >= 10
    assert all(code in ERRORS for code in codes)


# -- functions, ranges, overload, autorange ------------------------------------------------------

RANGED = ["VOLT:DC", "VOLT:AC", "CURR:DC", "CURR:AC", "RES", "FRES", "CAP"]
HEADER = {"VOLT:DC": "VOLT:DC", "VOLT:AC": "VOLT:AC", "CURR:DC": "CURR:DC",
          "CURR:AC": "CURR:AC", "RES": "RES", "FRES": "FRES", "CAP": "CAP"}


def _speed_up(meter, key: str) -> None:
    if key in ("VOLT:DC", "CURR:DC", "RES"):
        meter.write(f"{HEADER[key]}:NPLC 0.02;:{HEADER[key]}:ZERO:AUTO OFF")
    elif key == "FRES":
        meter.write("FRES:NPLC 0.02")
    elif key in ("VOLT:AC", "CURR:AC"):
        meter.write(f"{HEADER[key]}:BAND 200")


@pytest.mark.parametrize("key", RANGED)
def test_every_range_reads_within_spec_and_overloads_above_120_percent(meter, served, key):
    _, board, _ = served
    spec = FUNCTIONS[key]
    for rng in spec.ranges:
        meter.write(f"CONF:{HEADER[key]} {rng:g}")
        _speed_up(meter, key)
        assert float(meter.query(f"{HEADER[key]}:RANG?")) == pytest.approx(rng)
        true = 0.5 * rng
        board.values[key] = true
        reading = float(meter.query("READ?"))
        rdg_ppm, rng_ppm = spec.accuracy[rng]
        allowed = rdg_ppm * 1e-6 * true + rng_ppm * 1e-6 * rng + 6 * meter_sigma(served, key, rng)
        assert abs(reading - true) <= allowed, (key, rng, reading)
        board.values[key] = spec.limit(rng) * 1.01
        assert float(meter.query("READ?")) == OVERLOAD, (key, rng)
        if not spec.magnitude:
            board.values[key] = -spec.limit(rng) * 1.01
            assert float(meter.query("READ?")) == -OVERLOAD, (key, rng)
    assert errors(meter) == []


def meter_sigma(served, key: str, rng: float) -> float:
    dmm = served[0]
    with dmm.lock:
        return dmm.noise_sigma(key, dmm.settings[key], rng)


def test_open_circuit_and_continuity_diode_fixed_ranges(meter, served):
    _, board, _ = served
    board.values["RES"] = math.inf
    meter.write("CONF:RES")
    fast(meter, "RES")
    assert float(meter.query("READ?")) == OVERLOAD
    assert float(meter.query("RES:RANG?")) == 1e9  # autorange ends on the top range
    board.values["CONT"] = 0.4
    assert float(meter.query("MEAS:CONT?")) == pytest.approx(0.4, abs=0.05)
    board.values["CONT"] = 5e3
    assert float(meter.query("MEAS:CONT?")) == OVERLOAD
    board.values["DIOD"] = 0.62
    assert float(meter.query("MEAS:DIOD?")) == pytest.approx(0.62, abs=1e-3)
    board.values["DIOD"] = math.inf
    assert float(meter.query("MEAS:DIOD?")) == OVERLOAD
    board.values["TEMP"] = 31.5
    meter.write("CONF:TEMP;:TEMP:NPLC 0.02;:TEMP:ZERO:AUTO OFF")
    assert float(meter.query("READ?")) == pytest.approx(31.5, abs=0.1)
    meter.write("UNIT:TEMP K")
    assert float(meter.query("READ?")) == pytest.approx(304.65, abs=0.1)


def test_frequency_and_period(meter, served):
    _, board, _ = served
    board.values.update({"FREQ": 1000.0, "PER": 1e-3, "VOLT:AC": 1.4})
    meter.write("CONF:FREQ;:FREQ:APER 0.01")
    assert float(meter.query("READ?")) == pytest.approx(1000.0, rel=1e-4)
    meter.write("CONF:PER;:PER:APER 0.01")
    assert float(meter.query("READ?")) == pytest.approx(1e-3, rel=1e-4)
    board.values.update({"FREQ": 0.0, "PER": math.inf})
    meter.write("CONF:FREQ;:FREQ:APER 0.01")
    assert float(meter.query("READ?")) == 0.0  # no signal: the guide says 0
    board.values.update({"FREQ": 1000.0, "VOLT:AC": 5.0})
    meter.write("FREQ:VOLT:RANG 1")  # 5 V rms on the fixed 1 V input range
    assert float(meter.query("READ?")) == OVERLOAD


@pytest.mark.parametrize(("value", "expected"), [
    (3.3, 10.0), (0.05, 0.1), (0.5, 1.0), (15.0, 100.0), (-150.0, 1000.0), (0.0, 0.1),
])
def test_autorange_settles_where_the_real_meter_does(meter, served, value, expected):
    _, board, _ = served
    board.values["VOLT:DC"] = value
    fast(meter)
    reading = float(meter.query("READ?"))
    assert reading == pytest.approx(value, abs=1e-4 * expected + 1e-6)
    assert float(meter.query("VOLT:RANG?")) == expected
    assert meter.query("VOLT:RANG:AUTO?") == "1"


def test_autorange_hysteresis_and_once(meter, served):
    _, board, _ = served
    fast(meter)
    board.values["VOLT:DC"] = 1.1  # 110 % of 1 V: an autoranged 1 V range keeps it
    meter.write("VOLT:RANG 1;:VOLT:RANG:AUTO ON")
    meter.query("READ?")
    assert float(meter.query("VOLT:RANG?")) == 1.0
    board.values["VOLT:DC"] = 1.3  # above 120 %: up
    meter.query("READ?")
    assert float(meter.query("VOLT:RANG?")) == 10.0
    board.values["VOLT:DC"] = 1.1  # 11 % of 10 V: not below 10 %, stays
    meter.query("READ?")
    assert float(meter.query("VOLT:RANG?")) == 10.0
    board.values["VOLT:DC"] = 0.3
    meter.write("VOLT:RANG:AUTO ONCE")
    assert meter.query("VOLT:RANG:AUTO?") == "0"
    assert float(meter.query("VOLT:RANG?")) == 1.0


# -- CONFigure? and SENSe forms ----------------------------------------------------------------


@pytest.mark.parametrize(("command", "expected"), [
    ("CONF:VOLT:DC 10,MAX", '"VOLT +1.00000000E+01,+3.00000000E-04"'),
    ("CONF:VOLT:DC 1,3e-7", '"VOLT +1.00000000E+00,+3.00000000E-07"'),
    ("CONF:VOLT 100 mV", '"VOLT +1.00000000E-01,+1.00000000E-08"'),
    ("CONF:VOLT:AC 5", '"VOLT:AC +1.00000000E+01,+1.00000000E-05"'),
    ("CONF:AC 0.2", '"VOLT:AC +1.00000000E+00,+1.00000000E-06"'),
    ("CONF:CURR 0.01", '"CURR +1.00000000E-02,+1.00000000E-09"'),
    ("CONF:CURR:AC 1 A", '"CURR:AC +1.00000000E+00,+1.00000000E-06"'),
    ("CONF:RES 4.7 kOHM", '"RES +1.00000000E+04,+1.00000000E-03"'),
    ("CONF:FRES 100,MIN", '"FRES +1.00000000E+02,+3.00000000E-06"'),
    ("CONF:FREQ", '"FREQ +2.00000000E+01,+2.00000000E-04"'),
    ("CONF:FREQ 1 kHz,MIN", '"FREQ +1.00000000E+03,+1.00000000E-03"'),
    ("CONF:PER", '"PER +5.00000000E-02,+5.00000000E-07"'),
    ("CONF:CAP 1 uF", '"CAP +1.00000000E-06,+1.00000000E-10"'),
    ("CONF:TEMP THER,5000", '"TEMP THER,5000,+1.00000000E+00,+1.00000000E-04"'),
    ("CONF:CONT", '"CONT"'),
    ("CONF:DIOD", '"DIOD"'),
])
def test_configure_query_in_the_meters_quoted_form(meter, command, expected):
    meter.write(command)
    assert meter.query("CONF?") == expected
    assert errors(meter) == []


@pytest.mark.parametrize(("function", "answer"), [
    ('"VOLT:DC"', '"VOLT"'), ('"volt"', '"VOLT"'), ('"VOLTage:AC"', '"VOLT:AC"'),
    ("'CURR'", '"CURR"'), ('"CURR:AC"', '"CURR:AC"'), ('"RES"', '"RES"'),
    ('"FRESistance"', '"FRES"'), ('"FREQ"', '"FREQ"'), ('"PER"', '"PER"'),
    ('"CAP"', '"CAP"'), ('"TEMP"', '"TEMP"'), ('"CONT"', '"CONT"'), ('"DIOD"', '"DIOD"'),
])
def test_sense_function_keeps_per_function_settings(meter, function, answer):
    meter.write("VOLT:RANG 100;:VOLT:NPLC 1")
    meter.write(f"FUNC {function}")
    assert meter.query("SENS:FUNC?") == answer
    meter.write('FUNC "VOLT"')
    assert float(meter.query("VOLT:RANG?")) == 100.0
    assert float(meter.query("SENS:VOLT:DC:NPLC?")) == 1.0
    assert errors(meter) == []


def test_sense_settings_round_trip(meter):
    meter.write("VOLT:NPLC 0.5")  # not in the list: the next longer integration
    assert float(meter.query("VOLT:NPLC?")) == 1.0
    meter.write("VOLT:NPLC MIN")
    assert float(meter.query("VOLT:NPLC?")) == 0.001
    assert float(meter.query("VOLT:NPLC? MAX")) == 100.0
    meter.write("VOLT:RANG 10;:VOLT:RES 1e-5")
    assert float(meter.query("VOLT:NPLC?")) == 0.2  # 0.7 ppm × 10 V = 7 µV ≤ 10 µV
    assert float(meter.query("VOLT:RES?")) == pytest.approx(7e-6)
    meter.write("VOLT:ZERO:AUTO ONCE")
    assert meter.query("VOLT:ZERO:AUTO?") == "0"
    meter.write("VOLT:IMP:AUTO ON")
    assert meter.query("VOLT:IMP:AUTO?") == "1"
    meter.write("VOLT:APER 0.01")
    assert meter.query("VOLT:APER:ENAB?") == "1"
    assert float(meter.query("VOLT:APER?")) == pytest.approx(0.01)
    meter.write("VOLT:AC:BAND 50")
    assert float(meter.query("VOLT:AC:BAND?")) == 20.0
    meter.write("RES:OCOM ON")
    assert meter.query("RES:OCOM?") == "1"
    meter.write("CURR:TERM 10")
    assert float(meter.query("CURR:RANG?")) == 10.0
    meter.write("TRIG:COUN INF;:TRIG:DEL 0.25;:TRIG:SOUR BUS;:SAMP:COUN 7")
    assert float(meter.query("TRIG:COUN?")) == OVERLOAD
    assert float(meter.query("TRIG:DEL?")) == 0.25
    assert meter.query("TRIG:DEL:AUTO?") == "0"
    assert meter.query("TRIG:SOUR?") == "BUS"
    assert meter.query("SAMP:COUN?") == "+7"
    assert errors(meter) == []


# -- buffered readings ---------------------------------------------------------------------------


def test_read_returns_sample_count_times_trigger_count(meter):
    fast(meter)
    meter.write("SAMP:COUN 3;:TRIG:COUN 4")
    readings = values(meter.query("READ?"))
    assert len(readings) == 12
    assert all(abs(r - 3.3) < 1e-3 for r in readings)
    assert meter.query("DATA:POIN?") == "+12"
    assert values(meter.query("FETC?")) == readings  # FETCh? does not erase


def test_read_of_ten_readings_at_1_plc_takes_at_least_200_ms(meter):
    meter.write("VOLT:NPLC 1;:VOLT:ZERO:AUTO OFF;:SAMP:COUN 10")
    t0 = time.perf_counter()
    assert len(values(meter.query("READ?"))) == 10
    assert time.perf_counter() - t0 >= 0.2
    meter.write("VOLT:ZERO:AUTO ON")  # auto-zero measures a zero after each reading
    t0 = time.perf_counter()
    meter.query("READ?")
    assert time.perf_counter() - t0 >= 0.4


def drain_with_r(meter, total: int) -> list[float]:
    got: list[float] = []
    deadline = time.monotonic() + 10
    while len(got) < total and time.monotonic() < deadline:
        raw = meter.query_binary_values("R? 700", datatype="s", container=bytes,
                                        header_fmt="ieee", expect_termination=True)
        got.extend(values(raw.decode()))
        time.sleep(0.05)
    return got


def test_init_and_r_drain_every_reading_exactly_once(served, rm, meter):
    dmm = served[0]
    fast(meter)
    meter.write("SAMP:COUN 1500;:INIT")
    got = drain_with_r(meter, 1500)
    assert len(got) == 1500
    assert meter.query("DATA:POIN?") == "+0"
    # The same sequence on a twin meter (same seed), read with FETCh? in one piece,
    # gives the same readings in the same order: none lost, none duplicated.
    twin = Keysight34465A(served[1], seed=7)
    twin.acq_serial = dmm.acq_serial - 1
    twin.execute(b"VOLT:NPLC 0.02;:VOLT:ZERO:AUTO OFF;:SAMP:COUN 1500;:INIT")
    fetched = values(twin.execute(b"FETC?").decode())
    assert got == fetched


def test_r_while_another_connection_waits_in_read(served, rm, meter):
    fast(meter)
    meter.write("SAMP:COUN 2000")
    other = rm.open_resource(served[2].resource, read_termination="\n",
                             write_termination="\n", timeout=5000)
    try:
        meter.write("READ?")  # blocks this connection's reply for ~0.8 s
        time.sleep(0.2)
        t0 = time.perf_counter()
        raw = other.query_binary_values("R?", datatype="s", container=bytes, header_fmt="ieee",
                                        expect_termination=True)
        assert time.perf_counter() - t0 < 0.5  # R? does not wait for the measurement
        early = values(raw.decode())
        assert 0 < len(early) < 2000
        rest = values(meter.read())
        assert len(early) + len(rest) == 2000
    finally:
        other.close()


def test_empty_memory_and_r_limits(meter):
    assert meter.query("R?") == "#10"
    meter.write("R? 0")
    meter.write(f"R? {MEMORY_SIZE + 1}")
    assert errors(meter) == ['-222,"Data out of range"'] * 2


def test_data_remove_waits_or_refuses(meter):
    import pyvisa

    fast(meter)
    meter.write("SAMP:COUN 400;:INIT")
    t0 = time.perf_counter()
    raw = meter.query_binary_values("DATA:REM? 300,WAIT", datatype="s", container=bytes,
                                    header_fmt="ieee", expect_termination=True)
    assert len(values(raw.decode())) == 300
    assert time.perf_counter() - t0 >= 300 * 0.4e-3 * 0.9
    assert meter.query("*OPC?") == "1"
    assert meter.query("DATA:POIN?") == "+100"
    meter.timeout = 300
    with pytest.raises(pyvisa.errors.VisaIOError):
        meter.query("DATA:REM? 101")
    meter.timeout = 5000
    assert errors(meter) == ['-222,"Data out of range"']
    last = meter.query("DATA:LAST?")
    number, unit = last.split(" ")
    assert unit == "VDC" and abs(float(number) - 3.3) < 1e-3


def test_bus_triggers_and_abort(meter):
    fast(meter)
    meter.write("SAMP:COUN 5;:TRIG:COUN 3;:TRIG:SOUR BUS;:INIT")
    time.sleep(0.05)
    assert meter.query("DATA:POIN?") == "+0"
    meter.write("*TRG")
    time.sleep(0.05)
    assert meter.query("DATA:POIN?") == "+5"
    meter.write("*TRG;*WAI")
    assert meter.query("*OPC?") == "1"
    assert meter.query("DATA:POIN?") == "+10"
    meter.write("ABOR")
    meter.write("*TRG")
    assert errors(meter) == ['-211,"Trigger ignored"']
    assert len(values(meter.query("FETC?"))) == 10


def test_memory_overflow_sets_questionable_bit_14(meter, served):
    dmm = served[0]
    meter.write("VOLT:NPLC 0.001;:VOLT:ZERO:AUTO OFF;:VOLT:RANG 10;:TRIG:COUN INF")
    meter.write("STAT:QUES:ENAB 16384;:INIT")
    assert int(meter.query("STAT:QUES:COND?")) == 0
    dmm.clock = lambda: time.monotonic() + 45.0  # 45 s later
    assert meter.query("DATA:POIN?") == f"+{MEMORY_SIZE}"  # 50 kSa/s × 45 s > 2 M
    assert int(meter.query("STAT:QUES:COND?")) & 16384
    assert int(meter.query("*STB?")) & 8
    assert int(meter.query("STAT:QUES?")) & 16384
    assert int(meter.query("STAT:QUES?")) == 0  # the event register clears when read
    meter.write("ABOR")
    dmm.clock = time.monotonic
    meter.write("INIT;:ABOR")
    assert int(meter.query("STAT:QUES:COND?")) == 0


# -- noise and determinism -----------------------------------------------------------------------


def test_noise_is_plausible_and_the_mean_within_spec(meter):
    meter.write("VOLT:RANG 10;:VOLT:NPLC 0.2;:VOLT:ZERO:AUTO OFF;:SAMP:COUN 150")
    readings = values(meter.query("READ?"))
    sigma = statistics.stdev(readings)
    assert 0.5 * 7e-6 < sigma < 2.0 * 7e-6  # 0.7 ppm of the 10 V range
    assert abs(statistics.fmean(readings) - 3.3) < 30e-6 * 3.3 + 5e-6 * 10
    meter.write("VOLT:NPLC 0.001;:SAMP:COUN 150")
    fast_sigma = statistics.stdev(values(meter.query("READ?")))
    assert fast_sigma > 10 * sigma  # shorter integration, more noise


def test_same_seed_same_readings_other_seed_other_readings(served):
    board = served[1]

    def run(seed: int) -> bytes:
        dmm = Keysight34465A(board, seed=seed)
        return dmm.execute(b"VOLT:NPLC 0.02;:VOLT:ZERO:AUTO OFF;:SAMP:COUN 5;:READ?") or b""

    assert run(11) == run(11)
    assert run(11) != run(12)


# -- parsers (hypothesis) --------------------------------------------------------------------------


@given(st.sampled_from(["VOLT", "VOLTAGE", "volt:dc", "Voltage:DC", "CURR", "current:dc",
                        "RES", "resistance", "FRES", "fresistance", "FREQ", "frequency",
                        "PER", "period", "CAP", "capacitance", "TEMP", "temperature",
                        "CONT", "continuity", "DIOD", "diode"]))
def test_function_names_in_any_form(name):
    key = parse_function(name)
    assert key in FUNCTIONS
    assert key[:3] == name.upper()[:3]


@given(st.text(max_size=30))
def test_junk_function_names_are_illegal_values(text):
    try:
        key = parse_function(text)
    except SCPIError as exc:
        assert exc.code == -224
    else:
        assert key in FUNCTIONS


@given(st.floats(min_value=1e-9, max_value=999.0, allow_nan=False),
       st.sampled_from([("", 1.0), ("V", 1.0), ("mV", 1e-3), ("kV", 1e3)]))
@settings(max_examples=60, deadline=None)
def test_range_arguments_pick_the_smallest_range_that_holds_them(value, unit):
    suffix, factor = unit
    dmm = Keysight34465A(ScriptedBoard())
    dmm.execute(f"CONF:VOLT {value!r}{suffix}".encode())
    volts = value * factor
    if volts > 1000.0 * (1 + 1e-9):  # the meter forgives rounding in the last digits
        assert dmm.errors and dmm.errors[0][0] == -222
        return
    assert not dmm.errors
    rng = float(dmm.execute(b"VOLT:RANG?"))
    assert rng * (1 + 1e-9) >= volts
    smaller = [r for r in FUNCTIONS["VOLT:DC"].ranges if r < rng]
    assert not smaller or smaller[-1] < volts


@given(st.lists(st.sampled_from(["CONF:VOLT", "CONF:RES", "VOLT:RANG", "SAMP:COUN",
                                 "TRIG:COUN", "R?", "VOLT:NPLC", "FUNC", "DATA:REM?"]),
                min_size=1, max_size=4),
       st.lists(st.text(alphabet="0123456789.,-+eE AUTOMINXDF\"'", max_size=12), max_size=4))
@settings(max_examples=150, deadline=None)
def test_junk_arguments_end_in_the_error_queue_never_in_a_crash(headers, args):
    dmm = Keysight34465A(ScriptedBoard())
    dmm.execute(b"VOLT:NPLC 0.001;:VOLT:ZERO:AUTO OFF;:RES:NPLC 0.001;:RES:ZERO:AUTO OFF")
    message = ";:".join(f"{h} {a}" for h, a in zip(headers, args + [""] * 4, strict=False))
    dmm.execute(message.encode())
    assert all(code in ERRORS for code, _ in dmm.errors)
    assert -300 not in [code for code, _ in dmm.errors]  # -300 means a handler raised


def test_real_format_sends_ieee_floats_in_blocks(meter):
    fast(meter)
    meter.write("SAMP:COUN 4;:FORM:DATA REAL,64")
    assert meter.query("FORM?") == "REAL,64"
    meter.write("READ?")
    got = meter.read_binary_values(datatype="d", is_big_endian=True, header_fmt="ieee",
                                   expect_termination=True)
    assert len(got) == 4 and all(abs(v - 3.3) < 1e-3 for v in got)
    meter.write("FORM:BORD SWAP;:FORM REAL,32;:INIT;*WAI")
    got = meter.query_binary_values("R? 2", datatype="f", is_big_endian=False,
                                    header_fmt="ieee", expect_termination=True)
    assert len(got) == 2 and all(abs(v - 3.3) < 1e-3 for v in got)
    meter.write("FORM ASC")
    assert meter.query("FORM?") == "ASC,9"
    assert errors(meter) == []


def test_pymeasure_style_measure_with_defaults(meter, served):
    _, board, _ = served
    board.values["CURR:AC"] = 0.012
    assert float(meter.query("MEAS:CURR:AC? DEF, DEF")) == pytest.approx(0.012, rel=2e-3)
    assert meter.query("ROUT:TERM?") == "FRON"
    assert errors(meter) == []


def test_fast_dc_readings_digitise_the_waveform_slow_ones_average_it(meter):
    meter.write("SIM:PROB LED_PWM;:VOLT:RANG 10;:VOLT:NPLC 0.001;:VOLT:ZERO:AUTO OFF")
    meter.write("SAMP:COUN 2000")
    readings = values(meter.query("READ?"))
    high = sum(abs(v - 3.3) < 0.01 for v in readings) / len(readings)
    low = sum(abs(v) < 0.01 for v in readings) / len(readings)
    assert high + low > 0.98  # 20 µs apertures see the PWM levels, not its mean
    assert 0.2 < high < 0.3
    meter.write("VOLT:NPLC 0.2;:SAMP:COUN 5")  # 4 ms: four whole PWM periods
    assert all(abs(v - 0.825) < 0.01 for v in values(meter.query("READ?")))
    meter.write("VOLT:NPLC 1")
    assert all(abs(v - 0.825) < 1e-3 for v in values(meter.query("READ?")))


def test_a_configuration_change_clears_reading_memory(meter):
    fast(meter)
    meter.write("SAMP:COUN 5;:INIT")
    assert meter.query("*OPC?") == "1"
    assert meter.query("DATA:POIN?") == "+5"
    meter.write("VOLT:NPLC 1")
    assert meter.query("DATA:POIN?") == "+0"
    assert meter.query("R?") == "#10"


def test_a_qcodes_style_session_runs_without_errors(meter):
    """The queries and settings a widely used 344xxA driver sends on connect and for a
    timed trace (sample timer, BUS trigger, FETCh?)."""
    for query in ("*IDN?", "*OPT?", "SYST:LIC:CAT?", "SYSTem:LFRequency?", "SENSe:FUNCtion?",
                  "SENSe:VOLTage:DC:NPLC?", "SENSe:VOLTage:DC:RANGe?",
                  "SENSe:VOLTage:DC:RESolution?", "SENSe:VOLTage:DC:RANGe:AUTO?",
                  "SENSe:VOLTage:DC:ZERO:AUTO?", "SENSe:VOLTage:DC:APERture:ENABled?",
                  "SENSe:VOLTage:DC:APERture?", "DISPlay:STATe?", "DISPLAY:TEXT?",
                  "TRIGger:COUNt?", "TRIGger:DELay?", "TRIGger:DELay:AUTO?", "TRIGger:SLOPe?",
                  "TRIGger:LEVel?", "TRIGger:SOURce?", "SAMPle:COUNt?",
                  "SAMPle:COUNt:PRETrigger?", "SAMPle:SOURce?", "SAMPle:TIMer?",
                  "SAMPle:TIMer? MIN"):
        assert meter.query(query) != ""
    meter.write('SENSe:FUNCtion "VOLT"')
    meter.write("SENSe:VOLTage:DC:RANGe 10.000000;:SENSe:VOLTage:DC:NPLC 0.020000")
    meter.write("VOLT:DC:RES 3.0e-06")
    assert float(meter.query("SENSe:VOLTage:DC:NPLC?")) == 1.0
    meter.write("SENSe:VOLTage:DC:NPLC 0.02;:SENSe:VOLTage:DC:ZERO:AUTO 0")
    meter.write("TRIGger:COUNt 1;:TRIGger:SOURce BUS;:SAMPle:SOURce TIM;:SAMPle:TIMer 0.01")
    meter.write('SAMPle:COUNt 10;:DISPLAY:TEXT "Acquiring 10 samples";:SAMPle:COUNt:PRETrigger 0')
    meter.write("INIT")
    meter.write("*TRG")
    t0 = time.perf_counter()
    trace = values(meter.query("FETCH?"))
    assert len(trace) == 10 and all(abs(v - 3.3) < 1e-3 for v in trace)
    assert time.perf_counter() - t0 >= 0.08  # ten samples 10 ms apart
    meter.write("DISPlay:TEXT:CLEar")
    assert errors(meter) == []


def test_external_trigger_line_can_be_pulsed_from_the_simulation(meter):
    fast(meter)
    meter.write("SAMP:COUN 3;:TRIG:COUN 2;:TRIG:SOUR EXT;:INIT")
    assert int(meter.query("STAT:OPER:COND?")) & 32  # waiting for a trigger
    meter.write("SIM:TRIG")
    time.sleep(0.05)
    assert meter.query("DATA:POIN?") == "+3"
    meter.write("SIM:TRIG")
    assert len(values(meter.query("FETC?"))) == 6
    assert int(meter.query("STAT:OPER:COND?")) == 0
    assert errors(meter) == []


# -- CALCulate: statistics, null, limits ------------------------------------------------------


def test_calculate_statistics_match_the_readings_in_memory(meter):
    fast(meter)
    meter.write("SAMP:COUN 50;:CALC:AVER:STAT ON")
    assert meter.query("CALC:AVER?") == "1"
    meter.write("INIT")
    assert meter.query("*OPC?") == "1"
    readings = np.array(values(meter.query("FETC?")))
    assert readings.size == 50
    mean, sdev, lo, hi = values(meter.query("CALC:AVER:ALL?"))
    assert mean == pytest.approx(readings.mean(), rel=1e-8)
    assert sdev == pytest.approx(readings.std(ddof=1), rel=1e-4)  # replies carry 9 digits
    assert (lo, hi) == (pytest.approx(readings.min()), pytest.approx(readings.max()))
    assert float(meter.query("CALC:AVER:COUN?")) == 50
    assert float(meter.query("CALC:AVER:PTP?")) == pytest.approx(hi - lo, rel=1e-3)
    meter.write("INIT")  # statistics keep accumulating over acquisitions
    assert meter.query("*OPC?") == "1"
    assert float(meter.query("CALC:AVER:COUNt?")) == 100
    meter.write("CALC:AVER:CLE")
    assert float(meter.query("CALC:AVER:COUN?")) == 0
    assert float(meter.query("CALC:AVER:AVER?")) == 0.0
    meter.write("CONF:CURR")  # a new function starts a fresh set
    meter.write("*RST")
    assert meter.query("CALC:AVER:STAT?") == "0"
    assert errors(meter) == []


def test_calculate_null_and_limits(meter, served):
    _, board, _ = served
    fast(meter)
    meter.write("CALC:NULL:OFFS 3.3;:CALC:NULL:STAT ON")
    assert float(meter.query("CALC:NULL:OFFS?")) == 3.3
    nulled = float(meter.query("READ?"))
    assert abs(nulled) < 1e-3
    meter.write("CALC:LIM:LOW -0.5;:CALC:LIM:UPP 0.5;:CALC:LIM ON")
    meter.query("READ?")
    assert int(meter.query("STAT:QUES:COND?")) & (3 << 11) == 0
    board.values["VOLT:DC"] = 4.0  # 0.7 V above the null: beyond the upper limit
    assert float(meter.query("READ?")) == pytest.approx(0.7, abs=1e-3)
    assert int(meter.query("STAT:QUES?")) & (1 << 12)
    meter.write("CALC:LIM:CLE")
    assert int(meter.query("STAT:QUES:COND?")) & (3 << 11) == 0
    board.values["VOLT:DC"] = 1e6  # overload: passes through without the null
    meter.write("VOLT:RANG 10")
    assert float(meter.query("READ?")) == OVERLOAD
    meter.write("CALC:NULL:OFFS 1e20")
    assert errors(meter) == ['-222,"Data out of range"']


def test_sample_count_has_no_infinite_form():
    """Found by hypothesis: SAMP:COUN 1E100 crashed the handler (-300) instead of -222."""
    from meterlab.sim.board import Board
    from meterlab.sim.dmm import Keysight34465A

    meter = Keysight34465A(Board())
    meter.execute(b"SAMP:COUN 1E100")
    meter.execute(b"TRIG:COUN 1E100")
    assert meter.execute(b"SAMP:COUN?;TRIG:COUN?") == b"+1;+9.90000000E+37"
    assert [code for code, _ in meter.errors] == [-222]
