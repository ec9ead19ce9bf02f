"""Third-party software written for the real 34465A and MSO1104Z, replayed against the
simulated bench through pyvisa-py over TCP.

Each test reproduces, in our own code, the SCPI a published client sends and the parsing
it applies to the replies (read from its source; named in the test), and asserts that the
client would get right values from the virtual board: 3.30 V on the 3V3 rail, the 1 kHz
25 % 0-3.3 V PWM on CH1, a sane preamble, a decodable BMP. Where a client does something
the real instrument refuses too (ds1054z's IDN pattern excludes MSO models, PyMeasure's
`:ACQ:AVE?`), the test says so instead of bending the simulator.
"""

from __future__ import annotations

import re
import socket
import struct
import threading
import time
from collections.abc import Iterator

import numpy as np
import pytest
import pyvisa

from meterlab.sim import SimulatedBench
from tests.visa_link import open_link


@pytest.fixture(scope="module")
def bench() -> Iterator[SimulatedBench]:
    with SimulatedBench(seed=11) as b:
        yield b


@pytest.fixture(scope="module")
def rm() -> pyvisa.ResourceManager:
    from tests.visa_link import shared_manager

    return shared_manager()  # the process's one manager: closing it would close all links


def pwm_checks(volts: np.ndarray, high_fraction: float = 0.25) -> None:
    """The board's LED_PWM: 0 V / 3.3 V levels, high a quarter of each 1 ms period (over a
    window that is not whole periods, the fraction the trigger position implies)."""
    assert volts.min() == pytest.approx(0.0, abs=0.15)
    assert volts.max() == pytest.approx(3.3, abs=0.15)
    high = volts > 1.65
    assert high.mean() == pytest.approx(high_fraction, abs=0.03)


def ieee_block(raw: bytes) -> bytes:
    """decode_ieee_block() as ds1054z (after python-ivi) writes it: header digits then data."""
    n_header = int(chr(raw[1])) + 2
    n_data = int(raw[2:n_header].decode("ascii"))
    return raw[n_header : n_header + n_data]


def bmp_size(data: bytes) -> tuple[int, int, int]:
    """Width, height and bits per pixel of a Windows BMP, checking its own size field."""
    assert data[:2] == b"BM"
    file_size = struct.unpack_from("<I", data, 2)[0]
    assert file_size == len(data)
    width, height = struct.unpack_from("<ii", data, 18)
    bpp = struct.unpack_from("<H", data, 28)[0]
    return width, abs(height), bpp


# --- Keysight 34465A ----------------------------------------------------------------------


def legacy_version(fw: str) -> tuple[int, ...]:
    """QCoDeS convert_legacy_version_to_supported_version: letters → ord, cut at the first '-'."""
    text = "".join(str(ord(c.upper())) if c.isalpha() else c for c in fw).split("-")[0]
    return tuple(int(p) for p in text.split("."))


def test_qcodes_keysight_344xxa_connects_and_reads_3v3(bench):
    # Client: QCoDeS Keysight34465A / Keysight344xxA (microsoft/Qcodes,
    # src/qcodes/instrument_drivers/Keysight/private/Keysight_344xxA_submodules.py and
    # private/error_handling.py). Sequence of __init__, the parameter getters a snapshot
    # runs, the `volt` parameter (_get_parameter) and reset().
    dmm = open_link(bench.dmm_resource)
    _vendor, model, _serial, firmware = (p.strip() for p in dmm.query("*IDN?").split(","))
    assert model == "34465A"
    is_34465a = model in ("34465A", "34470A")
    options = tuple(o for o in dmm.query("*OPT?").split(",") if o != "0")
    has_dig = is_34465a and ("DIG" in options or legacy_version("A.03") <= legacy_version(firmware))
    has_mem = is_34465a and "MEM" in options
    assert has_dig and has_mem
    licenses = [x.strip('"') for x in dmm.query("SYST:LIC:CAT?").split(",")]
    assert "DIG" in licenses
    assert int(dmm.query("SYSTem:LFRequency?")) == 50  # QCoDeS raises unless 50 or 60

    nplc_list = [0.001, 0.002, 0.006, 0.02, 0.06, 0.2, 1, 10, 100]  # with DIG
    sense_map = {'"VOLT"': "DC Voltage", '"VOLT:AC"': "AC Voltage", '"CURR"': "DC Current",
                 '"CURR:AC"': "AC Current", '"RES"': "2 Wire Resistance",
                 '"FRES"': "4 Wire Resistance"}
    assert dmm.query("SENSe:FUNCtion?") in sense_map
    assert float(dmm.query("SENSe:VOLTage:DC:NPLC?")) in nplc_list
    assert float(dmm.query("SENSe:VOLTage:DC:RANGe?")) in [0.1, 1, 10, 100, 1000]
    float(dmm.query("SENSe:VOLTage:DC:RESolution?"))
    for on_off in ("SENSe:VOLTage:DC:RANGe:AUTO?", "SENSe:VOLTage:DC:ZERO:AUTO?",
                   "SENSe:VOLTage:DC:APERture:ENABled?", "DISPlay:STATe?",
                   "TRIGger:DELay:AUTO?"):
        assert int(dmm.query(on_off)) in (0, 1), on_off
    assert 20e-6 <= float(dmm.query("SENSe:VOLTage:DC:APERture?")) <= 2
    assert dmm.query("DISPLAY:TEXT?").strip('"') == ""
    assert 1 <= float(dmm.query("TRIGger:COUNt?")) <= 1e9
    assert 0 <= float(dmm.query("TRIGger:DELay?")) <= 3600
    assert dmm.query("TRIGger:SLOPe?") in ("POS", "NEG")
    float(dmm.query("TRIGger:LEVel?"))
    assert dmm.query("TRIGger:SOURce?") in ("IMM", "EXT", "BUS", "INT")
    assert int(dmm.query("SAMPle:COUNt?")) == 1
    assert int(dmm.query("SAMPle:COUNt:PRETrigger?")) == 0
    assert dmm.query("SAMPle:SOURce?") in ("IMM", "TIM")
    float(dmm.query("SAMPle:TIMer?"))
    float(dmm.query("SAMPle:TIMer? MIN"))

    # _set_NPLC: write, then re-read resolution and aperture mode
    dmm.write(f"SENSe:VOLTage:DC:NPLC {1:f}")
    assert float(dmm.query("SENSe:VOLTage:DC:NPLC?")) == 1.0
    resolution = float(dmm.query("SENSe:VOLTage:DC:RESolution?"))
    rang = float(dmm.query("SENSe:VOLTage:DC:RANGe?"))
    assert f"{resolution:.1e}" in [f"{v * rang:.1e}" for v in
                                    [30e-6, 15e-6, 6e-6, 3e-6, 1.5e-6, 0.7e-6, 0.3e-6, 0.1e-6,
                                     0.03e-6]]
    assert dmm.query("SENSe:VOLTage:DC:APERture:ENABled?") == "0"

    # volt(): sense_function.set_to("DC Voltage"), sample.count.set_to(1), READ?
    old_func, old_count = dmm.query("SENSe:FUNCtion?"), int(dmm.query("SAMPle:COUNt?"))
    dmm.write('SENSe:FUNCtion "VOLT"')
    dmm.write("SAMPle:COUNt 1")
    response = dmm.query("READ?")
    dmm.write(f"SAMPle:COUNt {old_count}")
    dmm.write(f"SENSe:FUNCtion {old_func}")
    assert float(response) == pytest.approx(3.30, abs=0.01)

    # error(): code = int(first field), message = second field without quotes
    dmm.write(f"SENSe:VOLTage:DC:RANGe {5000:f}")
    raw = dmm.query("SYSTem:ERRor?")
    code, message = int(raw.split(",")[0]), raw.split(",")[1].strip().replace('"', "")
    assert (code, message) == (-222, "Data out of range")
    raw = dmm.query("SYSTem:ERRor?")
    assert (int(raw.split(",")[0]), raw.split(",")[1].replace('"', "")) == (0, "No error")

    # reset(): *RST, then *OPC? before the snapshot
    dmm.write("*RST")
    assert dmm.query("*OPC?") == "1"
    dmm.close()


def test_qcodes_timetrace_bus_triggered_timer_burst(bench):
    # Client: QCoDeS TimeTrace._acquire_time_trace (same file as above): every setting
    # entered with Parameter.set_to (read old value, set, restore in reverse order), then
    # INIT, trigger.force() = *TRG, fetch() = FETCH? parsed with np.fromstring(sep=",").
    dmm = open_link(bench.dmm_resource, timeout=10_000)
    dmm.write('SENSe:FUNCtion "VOLT"')
    dmm.write(f"SENSe:VOLTage:DC:NPLC {0.02:f}")
    npts, dt = 40, 0.005
    assert float(dmm.query("SAMPle:TIMer? MIN")) <= dt  # _validate_dt
    settings = [("TRIGger:COUNt", "1", float), ("TRIGger:SOURce", "BUS", str),
                ("SAMPle:SOURce", "TIM", str), ("SAMPle:TIMer", str(dt), float),
                ("SAMPle:COUNt", str(npts), int),
                ("DISPLAY:TEXT", f'"Acquiring {npts} samples"', str),
                ("SAMPle:COUNt:PRETrigger", "0", int)]
    restore = []
    for header, value, parse in settings:
        old = dmm.query(header + "?")
        parse(old)
        restore.append((header, old))
        dmm.write(f"{header} {value}")
    assert dmm.query("SYSTem:ERRor?") == '+0,"No error"'
    t0 = time.monotonic()
    dmm.write("INIT")
    dmm.write("*TRG")
    data = np.fromstring(dmm.query("FETCH?"), dtype=float, sep=",")  # as QCoDeS
    elapsed = time.monotonic() - t0
    for header, old in reversed(restore):
        dmm.write(f"{header} {old}")
    assert data.shape == (npts,)
    assert np.all(np.abs(data - 3.30) < 0.01)
    assert elapsed >= (npts - 1) * dt * 0.95  # the timer paced the burst
    assert dmm.query("TRIGger:SOURce?") == "IMM"
    assert dmm.query("DISPLAY:TEXT?") == '""'
    assert dmm.query("SYSTem:ERRor?") == '+0,"No error"'
    dmm.close()


def test_sigrok_scpi_dmm_agilent_cmdset(bench):
    # Client: sigrok libsigrok src/hardware/scpi-dmm (api.c: model "Keysight" "34465A" with
    # cmdset_agilent and mqopts_agilent_34405a; protocol.c: scpi_dmm_get_meas_agilent).
    # Setup sends an empty line, function by CONF:<f>, acquisition start is a bare "MEAS",
    # each sample: CONF? (prefix match, precision = exponent of its last field), READ?.
    dmm = open_link(bench.dmm_resource)
    vendor, model = dmm.query("*IDN?").split(",")[:2]
    assert vendor.startswith("Keysight") and model == "34465A"
    dmm.write("")  # DMM_CMD_SETUP_REMOTE "\n"
    prefixes = [("VOLT ", "V DC"), ("VOLT:AC ", "V AC"), ("CURR ", "A DC"),
                ("CURR:AC ", "A AC"), ("RES ", "ohm"), ("CONT", "cont"), ("CAP ", "F"),
                ("DIOD", "diode"), ("TEMP ", "degC"), ("FREQ ", "Hz")]

    def sample() -> tuple[str, int, float]:
        mode = dmm.query("CONF?").lstrip('"')
        item = next(p for p in prefixes if mode.startswith(p[0]))
        last = mode.rstrip('"').split(",")[-1] if item[0].endswith(" ") else ""
        m = re.fullmatch(r"\s*[+-]?\d*\.?\d*(?:[eE]([+-]?\d+))?", last)
        assert m is not None, mode
        digits = -int(m.group(1) or 0)
        value = float(dmm.query("READ?").strip())
        return item[1], digits, value

    dmm.write("CONF:VOLT:DC")
    dmm.write("MEAS")  # DMM_CMD_START_ACQ: no reply may come back for it
    quantity, digits, value = sample()
    assert (quantity, value) == ("V DC", pytest.approx(3.30, abs=0.01))
    assert digits >= 5
    int(dmm.query("SYST:ERR?").split(",")[0])  # whatever MEAS left, the queue answers
    dmm.write("CONF:VOLT:AC")
    assert sample()[0] == "V AC"
    dmm.write("CONF:CONT")
    assert sample()[0] == "cont"
    dmm.write("CONF:DIOD")
    assert sample()[0] == "diode"
    dmm.write("SIM:PROB LED_PWM")
    dmm.write("CONF:FREQ")
    quantity, _, value = sample()
    assert (quantity, value) == ("Hz", pytest.approx(1000.0, rel=1e-3))
    dmm.write("SIM:PROB 3V3")
    dmm.write("ABORT")
    dmm.write("*RST")
    # A query last: the server has run every write before the next test's connection
    # talks to the same meter (two connections share it, as on the real one).
    assert dmm.query("*OPC?") == "1"
    dmm.close()


def test_pyvisa_block_reads_of_reading_memory(bench):
    # Client: the data-logging idiom of the Truevolt guide and of pyvisa's docs, as the
    # sigrok/QCoDeS users script it: INIT, then R? drained as an IEEE block of CSV text
    # with query_binary_values(..., container=bytes), and FORMat REAL,64 read as doubles.
    dmm = open_link(bench.dmm_resource, timeout=10_000)
    dmm.write("CONF:VOLT:DC 10;:VOLT:NPLC 0.02;:SAMP:COUN 200")
    dmm.write("INIT")
    assert dmm.query("*OPC?") == "1"
    text = dmm.query_binary_values("R? 100", datatype="B", container=bytes,
                                   header_fmt="ieee", expect_termination=True)
    values = np.array(text.decode().split(","), dtype=float)
    assert values.shape == (100,) and np.all(np.abs(values - 3.3) < 0.01)
    dmm.write("FORM REAL,64")
    rest = dmm.query_binary_values("DATA:REM? 100", datatype="d", is_big_endian=True,
                                   container=np.array, header_fmt="ieee")
    assert rest.shape == (100,) and np.all(np.abs(rest - 3.3) < 0.01)
    dmm.write("*RST")
    assert dmm.query("FORM?") == "ASC,9"
    dmm.close()


def test_pymeasure_agilent34410a_34465a_measurements(bench):
    # Client: PyMeasure Agilent34410A / Agilent34465A (pymeasure/instruments/agilent/
    # agilent34410A.py, agilent34465A.py): each property is one "MEAS:<f>? DEF,DEF" query
    # parsed with float(). Probes moved with the simulator's SIM:PROB between properties.
    dmm = open_link(bench.dmm_resource, timeout=10_000)
    assert float(dmm.query("MEAS:VOLT:DC? DEF,DEF")) == pytest.approx(3.30, abs=0.01)
    assert abs(float(dmm.query("MEAS:VOLT:AC? DEF,DEF"))) < 0.05  # a DC rail: ripple only
    dmm.write("SIM:PROB ISUPPLY")
    assert float(dmm.query("MEAS:CURR:DC? DEF,DEF")) == pytest.approx(42e-3, rel=0.2)
    dmm.write("SIM:PROB R1")
    assert float(dmm.query("MEAS:RES? DEF,DEF")) == pytest.approx(4.70e3, rel=0.01)
    assert float(dmm.query("MEAS:FRES? DEF,DEF")) == pytest.approx(4.70e3, rel=0.01)
    dmm.write("SIM:PROB 3V3")
    assert dmm.query("SYST:ERR?") == '+0,"No error"'
    dmm.write("*RST")
    assert dmm.query("*OPC?") == "1"
    dmm.close()


def test_python_ivi_agilent34401a_on_a_34465a_identifying_as_one(bench):
    # Client: python-ivi agilent34401A (ivi/agilent/agilent34401A.py) on the generic
    # ivi/scpi/dmm.py Base: the 34465A is set to SYSTem:IDENtify HP34401A (what the
    # Truevolt guide offers for old software), and the driver checks the model, sets
    # the function with a single-quoted string, reads range/autorange/resolution back,
    # then :read?, :initiate + :fetch?, and :system:error? split at the comma.
    dmm = open_link(bench.dmm_resource, timeout=10_000)
    dmm.write("SYST:IDEN HP34401A")
    try:
        lst = dmm.query("*IDN?").split(",")
        manufacturer, model, firmware = lst[0], lst[1], lst[3]
        assert model[: len("34401A")] == "34401A" and manufacturer == "HEWLETT-PACKARD"
        assert firmware
        mapping = {"dc_volts": "volt", "ac_volts": "volt:ac", "dc_current": "curr",
                   "ac_current": "curr:ac", "two_wire_resistance": "res",
                   "four_wire_resistance": "fres", "frequency": "freq", "period": "per",
                   "capacitance": "cap", "continuity": "cont", "diode": "diod"}
        dmm.write("*RST")
        for func in ("volt", "volt:ac", "res", "freq", "cap", "cont", "diod", "curr"):
            dmm.write(f":sense:function '{func}'")
            value = dmm.query(":sense:function?").lower().strip('"')
            assert [k for k, v in mapping.items() if v == value] == [
                k for k, v in mapping.items() if v == func]
        dmm.write(":sense:function 'volt'")
        dmm.write(f"volt:dc:range {10.0:g}")
        assert float(dmm.query("volt:dc:range?")) == 10.0
        dmm.write(f"volt:dc:range:auto {1:d}")
        assert {"0": "off", "1": "on"}[dmm.query("volt:dc:range:auto?")] == "on"
        dmm.write(f"volt:dc:resolution {1e-5:g}")
        assert float(dmm.query("volt:dc:resolution?")) <= 1e-5
        dmm.write(f"trigger:delay {0.0:g}")
        assert float(dmm.query("trigger:delay?")) == 0.0
        dmm.write(f"trigger:delay:auto {1:d}")
        assert bool(int(dmm.query("trigger:delay:auto?")))
        assert float(dmm.query(":read?")) == pytest.approx(3.30, abs=0.01)
        dmm.write(":initiate")
        assert float(dmm.query(":fetch?")) == pytest.approx(3.30, abs=0.01)
        dmm.write(":abort")
        code, message = dmm.query(":system:error?").split(",")
        assert (int(code), message.strip(' "')) == (0, "No error")
    finally:
        dmm.write("SYST:IDEN DEF;*RST")
        assert dmm.query("*IDN?").startswith("Keysight Technologies,34465A,")
        dmm.close()


def test_meter_statistics_idiom(bench):
    # Client: the CALCulate statistics idiom of Keysight-meter scripts, as PyMeasure's
    # Agilent34450A exposes it (pymeasure/instruments/agilent/agilent34450A.py:
    # calc_stats_state "CALC:AVER:STAT", calc_stats_average "CALC:AVER:AVER?",
    # calc_stats_count "CALC:AVER:COUNT?", each cast to float): enable, INIT, *WAI, ask.
    dmm = open_link(bench.dmm_resource, timeout=10_000)
    dmm.write("CONF:VOLT:DC 10;:VOLT:NPLC 0.2;:SAMP:COUN 20")
    dmm.write("CALC:AVER:STAT ON")
    assert dmm.query("CALC:AVER:STAT?") in ("1", "ON")
    dmm.write("INIT")
    dmm.write("*WAI")
    assert float(dmm.query("CALC:AVER:AVER?")) == pytest.approx(3.30, abs=0.01)
    assert float(dmm.query("CALC:AVER:COUNT?")) == 20
    assert 0 < float(dmm.query("CALC:AVER:SDEV?")) < 1e-4
    dmm.write("CALC:AVER:STAT OFF")
    dmm.write("*RST")
    assert dmm.query("SYST:ERR?") == '+0,"No error"'
    dmm.close()


# --- Rigol MSO1104Z ------------------------------------------------------------------------


@pytest.fixture
def scope(bench):  # type: ignore[no-untyped-def]
    inst = open_link(bench.scope_resource, timeout=10_000)
    inst.write("*CLS;*RST")  # the error queue survives *RST: start each client clean
    inst.write(":TIM:SCAL 5e-4;:TRIG:EDG:LEV 1.65;:RUN")
    yield inst
    inst.write(":RUN")
    assert inst.query("*OPC?") == "1"
    inst.close()


def test_ds1054z_package_screen_memory_and_screenshot(scope):
    # Client: ds1054z by Philipp Klaus (pklaus/ds1054z, ds1054z/__init__.py, class
    # DS1054Z). It speaks VXI-11 through python-vxi11 (that path runs for real in
    # test_sim_lan.py); here the same SCPI and the same parsing are replayed over the socket.
    idn = scope.query("*IDN?")
    # Its IDN_PATTERN only admits DS1xxxZ models: it refuses a real MSO1104Z too.
    assert not re.match(r"^RIGOL TECHNOLOGIES,DS1\d\d\dZ( Plus)?,", idn)
    assert len(idn.split(",")) == 4

    def running() -> bool:
        return scope.query(":TRIGger:STATus?") in ("TD", "WAIT", "RUN", "AUTO")

    def preamble() -> tuple:
        values = scope.query(":WAVeform:PREamble?").split(",")
        assert len(values) == 10
        fmt, typ, pnts, cnt, xref, yorig, yref = (
            int(v) for v in values[:4] + values[6:7] + values[8:10])
        xinc, xorig, yinc = (float(v) for v in values[4:6] + values[7:8])
        return fmt, typ, pnts, cnt, xinc, xorig, xref, yinc, yorig, yref

    assert running()
    # get_waveform_samples(1, "NORMal") → _get_waveform_bytes_screen
    scope.write(":WAVeform:SOURce CHAN1")
    scope.write(":WAVeform:FORMat BYTE")
    scope.write(":WAVeform:MODE NORMal")
    fmt, typ, pnts, _cnt, xinc, _xorig, _xref, yinc, yorig, yref = preamble()
    assert (fmt, typ, pnts) == (0, 0, 1200)
    scope.write(":WAVeform:STARt 1")
    scope.write(":WAVeform:STOP 1200")
    # vxi11 read_raw() returns the whole message; over a socket the block header says
    # how much to read (query_binary_values), then decode_ieee_block() is the identity.
    buff = scope.query_binary_values(":WAVeform:DATA?", datatype="B", container=bytes,
                                     header_fmt="ieee", expect_termination=True)
    assert len(buff) == pnts
    samples = np.array([(v - yorig - yref) * yinc for v in buff])
    pwm_checks(samples)
    assert xinc * pnts == pytest.approx(12 * float(scope.query(":TIMebase:MAIN:SCALe?")))

    # displayed_channels: note the headers without a leading colon
    shown = [ch for ch in ("CHAN1", "CHAN2", "CHAN3", "CHAN4", "MATH")
             if scope.query(ch + ":DISPlay?") == "1"]
    assert shown == ["CHAN1"]

    # memory_depth_internal_total: MDEP? AUTO → stop, RAW preamble points, restore, run
    scope.write(":TIMebase:MAIN:SCALe 5e-05")
    assert scope.query(":ACQuire:MDEPth?") == "AUTO"
    mode = scope.query(":WAVeform:MODE?")
    scope.write(":STOP")
    scope.write(":WAVeform:MODE RAW")
    depth = preamble()[2]
    scope.write(":WAVeform:MODE " + mode)
    scope.write(":RUN")
    rate = float(scope.query(":ACQuire:SRATe?"))
    assert depth == round(12 * 5e-5 * rate)  # its memory_depth_internal_currently_shown

    # get_waveform_bytes(1, "RAW") → _get_waveform_bytes_internal: 250 000-byte chunks
    if running():
        scope.write(":STOP")
    scope.write(":WAVeform:SOURce CHAN1")
    scope.write(":WAVeform:FORMat BYTE")
    scope.write(":WAVeform:MODE RAW")
    pre = preamble()
    pnts = pre[2]
    assert pnts == depth and pnts > 250_000
    buff = b""
    pos = 1
    while len(buff) < pnts:
        scope.write(f":WAVeform:STARt {pos}")
        scope.write(f":WAVeform:STOP {min(pnts, pos + 250_000 - 1)}")
        buff += scope.query_binary_values(":WAVeform:DATA?", datatype="B", container=bytes,
                                          header_fmt="ieee", expect_termination=True)
        pos += 250_000
    assert len(buff) == pnts
    codes = np.frombuffer(buff, dtype=np.uint8).astype(float)
    # 600 µs of memory centred on a rising edge: high for 250 µs of it
    pwm_checks((codes - pre[8] - pre[9]) * pre[7], high_fraction=250 / 600)

    # get_channel_measurement("CHAN1", "vpp"): 9.9e37 would mean "no measurement"
    vpp = float(scope.query(":MEASure:STATistic:item? CURRent,vpp,CHAN1"))
    assert vpp != 9.9e37 and vpp == pytest.approx(3.3, abs=0.3)
    assert float(scope.query(":CHAN1:PROBe?")) == 10.0
    scope.write(":CHAN1:PROBe 10.0")
    float(scope.query(":TIMebase:MAIN:OFFSet?"))

    # display_data: write, read the block, strip the TMC header
    # (it expects 1152068 bytes from one VXI-11 read; the guide's stream is the
    # 11-byte header, 800x480x3+54 bytes of BMP and the "\n": 1152066 over a socket)
    scope.write(":DISPlay:DATA?")
    raw = scope.read_bytes(11 + 1152054 + 1)
    assert raw[:11] == b"#9001152054" and raw[-1:] == b"\n"
    assert bmp_size(ieee_block(raw)) == (800, 480, 24)
    assert scope.query("*OPC?") == "1"  # nothing left over in the stream


def test_qcodes_rigol_ds1074z_trace_sized_by_waveform_points(scope):
    # Client: QCoDeS RigolDS1074Z (microsoft/Qcodes, src/qcodes/instrument_drivers/rigol/
    # Rigol_DS1074Z.py). `waveform_npoints` is `WAV:POIN?`; it sizes the time axis
    # (linspace(xorigin, npts·xinc + xorigin, npts)) and the trace's Arrays validator, so a
    # trace whose length differs from :WAV:POIN? is rejected. The trace is read as WORD,
    # datatype "h", expect_termination=False.
    npts = int(scope.query("WAV:POIN?"))
    xorigin = float(scope.query("WAVeform:XORigin?"))
    xincrem = float(scope.query(":WAVeform:XINCrement?"))
    time_axis = np.linspace(xorigin, npts * xincrem + xorigin, npts)
    y_ori = float(scope.query("WAVeform:YORigin?"))
    y_increm = float(scope.query(":WAVeform:YINCrement?"))
    y_ref = float(scope.query(":WAVeform:YREFerence?"))
    scope.write(":WAVeform:FORMat WORD")
    scope.write(":WAVeform:SOURce CHAN1")
    raw = np.array(scope.query_binary_values("WAV:DATA?", datatype="h", is_big_endian=False,
                                             expect_termination=False))
    assert raw.shape == time_axis.shape == (1200,)  # Arrays(shape=(waveform_npoints,))
    pwm_checks((raw - y_ori - y_ref) * y_increm)
    assert scope.query(":SYST:ERR?") == '0,"No error"'  # and the next reply is its own


def test_pymeasure_rigol_ds1000z_driver(scope):
    # Client: PyMeasure RigolDS1000Z (pymeasure/instruments/rigol/rigol_ds1000z.py):
    # its controls, read_waveform() (chunked :WAV:STAR/:STOP reads parsed with read_bytes),
    # and display.grab_image() without arguments.
    assert scope.query(":CHAN1:COUP?") in ("DC", "AC", "GND")
    assert scope.query(":CHAN1:BWL?") in ("20M", "OFF")
    assert int(scope.query(":CHAN1:DISP?")) == 1
    scope.write(f":CHAN2:DISP {0:d}")
    scope.write(f":CHAN1:SCAL {1.0:.6f}")
    scope.write(f":CHAN1:OFFS {0.0:.6f}")
    scope.write(f":CHAN1:PROB {10.0:f}")
    assert float(scope.query(":CHAN1:SCAL?")) == 1.0
    assert scope.query(":CHAN1:UNIT?") in ("VOLT", "WATT", "AMP", "UNKN")
    assert scope.query(":ACQ:TYPE?") in ("NORM", "AVER", "PEAK", "HRES")
    float(scope.query(":ACQ:SRAT?"))
    mdep = scope.query(":ACQ:MDEP?").strip().upper()
    assert mdep == "AUTO" or int(mdep) > 0
    # memory_depth setter: with one analog channel its table allows 12k/120k/1.2M/12M/24M
    scope.write(":ACQ:MDEP 120000")
    assert int(scope.query(":ACQ:MDEP?")) == 120000
    # configure_edge_trigger(1, level=1.65)
    scope.write(":TRIG:EDGE:SOUR CHAN1")
    scope.write(":TRIG:EDGE:SLOP POS")
    scope.write(":TRIG:COUP DC")
    scope.write(":TRIG:SWE AUTO")
    assert scope.query(":TRIG:EDGE:SOUR?") == "CHAN1"
    assert scope.query(":TRIG:SWE?") in ("AUTO", "NORM", "SING")

    def read_block() -> bytes:
        header = scope.read_bytes(2)
        assert header.startswith(b"#")
        length = int(scope.read_bytes(int(header[1:2].decode())).decode())
        payload = scope.read_bytes(length)
        scope.read_bytes(1, break_on_termchar=True)
        return payload

    def read_waveform(source: str, mode: str, fmt: str, stop: int | None = None):  # type: ignore[no-untyped-def]
        if mode == "RAW":
            scope.write(":STOP")
        scope.write(f":WAV:SOUR {source}")
        scope.write(f":WAV:MODE {mode}")
        scope.write(f":WAV:FORM {fmt}")
        fields = scope.query(":WAV:PRE?").split(",")
        assert len(fields) == 10
        fmt_code, _, points, _ = map(int, fields[:4])
        xinc, xorg, xref, yinc, yorg, yref = map(float, fields[4:])
        assert fmt_code == {"BYTE": 0, "WORD": 1, "ASC": 2}[fmt]
        stop = points if stop is None else stop
        chunk = {"BYTE": 250_000, "WORD": 125_000}[fmt]
        raw = []
        index = 1
        while index <= stop:
            chunk_stop = min(index + chunk - 1, stop)
            scope.write(f":WAV:STAR {index}")
            scope.write(f":WAV:STOP {chunk_stop}")
            scope.write(":WAV:DATA?")
            raw.append(np.frombuffer(read_block(), dtype=np.uint8 if fmt == "BYTE"
                                     else np.uint16).astype(np.float64))
            index = chunk_stop + 1
        codes = np.concatenate(raw)
        volts = (codes - yorg - yref) * yinc
        t = xorg + (np.arange(codes.size) - xref) * xinc
        return t, volts, points

    t, volts, points = read_waveform("CHAN1", "NORM", "BYTE")
    assert points == 1200 and volts.size == 1200
    pwm_checks(volts)
    assert t[-1] - t[0] == pytest.approx(12 * 5e-4, rel=0.01)
    scope.write(":ACQ:MDEP 1200000")
    t, volts, points = read_waveform("CHAN1", "RAW", "WORD", stop=300_000)
    assert points == 1_200_000 and volts.size == 300_000  # three 125 000-point chunks
    # the first 1.5 ms of a 6 ms record centred on a rising edge: two 250 µs highs
    pwm_checks(volts, high_fraction=0.5 / 1.5)
    scope.write(":RUN")
    # display.grab_image(): ":DISP:DATA?" then the block through read_bytes
    scope.write(":DISP:DATA?")
    assert bmp_size(read_block()) == (800, 480, 24)
    # Commands this driver has that the DS1000Z guide does not (:ACQ:AVE?, :TRIG:LEV?)
    # are refused by the real scope: no reply, an error in the queue.
    scope.write(":ACQ:MDEP AUTO")
    assert scope.query(":SYST:ERR?") == '0,"No error"'


def test_sigrok_rigol_ds_protocol_v4_single_shot(scope):
    # Client: sigrok libsigrok src/hardware/rigol-ds (protocol.c rigol_ds_get_dev_cfg,
    # rigol_ds_capture_start, rigol_ds_channel_start, rigol_ds_receive; PROTOCOL_V4 with
    # ACQ_BLOCK_SIZE 30000). Every setting is followed by *OPC? (rigol_ds_config_set).
    def config_set(cmd: str) -> None:
        scope.write(cmd)
        assert scope.query("*OPC?") == "1"

    def get_bool(cmd: str) -> bool:
        reply = scope.query(cmd)
        assert reply in ("1", "0", "ON", "OFF")
        return reply in ("1", "ON")

    assert scope.query("*IDN?").split(",")[1] == "MSO1104Z"
    analog = [get_bool(f":CHAN{i}:DISP?") for i in range(1, 5)]
    assert analog == [True, False, False, False]
    assert not get_bool(":LA:STAT?")
    assert not any(get_bool(f":LA:DIG{i}:DISP?") for i in range(16))
    float(scope.query(":TIM:SCAL?"))
    probes = [float(scope.query(f":CHAN{i}:PROB?")) for i in range(1, 5)]
    assert probes == [10.0] * 4
    vdiv = [float(scope.query(f":CHAN{i}:SCAL?")) for i in range(1, 5)]
    [float(scope.query(f":CHAN{i}:OFFS?")) for i in range(1, 5)]
    assert [scope.query(f":CHAN{i}:COUP?") for i in range(1, 5)] == ["DC"] * 4
    assert scope.query(":TRIG:EDGE:SOUR?") == "CHAN1"
    float(scope.query(":TIM:OFFS?"))
    assert scope.query(":TRIG:EDGE:SLOP?") == "POS"
    assert float(scope.query(":TRIG:EDGE:LEV?")) == pytest.approx(1.65)
    assert vdiv[0] == 1.0

    # capture from memory: BYTE, :SING, wait for STOP by polling :TRIG:STAT?
    config_set(":TIM:SCAL 5e-06")
    config_set(":WAV:FORM BYTE")
    config_set(":SING")
    deadline = time.monotonic() + 3
    while scope.query(":TRIG:STAT?")[0] != "S":
        assert time.monotonic() < deadline, "sigrok gives up after 3 s"
    config_set(":WAV:SOUR CHAN1")
    config_set(":WAV:MODE RAW")
    vref = int(scope.query(":WAV:YREF?"))
    pre = scope.query(":WAV:PRE?").split(",")
    frame = int(pre[2])
    yinc, yorg = float(pre[7]), int(pre[8])
    assert int(pre[9]) == vref
    data = bytearray()
    while len(data) < frame:
        config_set(f":WAV:START {len(data) + 1}")
        config_set(f":WAV:STOP {min(len(data) + 30_000, frame)}")
        scope.write(":WAV:DATA?")
        head = scope.read_bytes(2)
        assert head[:1] == b"#" and head[1:2].isdigit() and head[1:2] != b"0"
        length = int(scope.read_bytes(int(head[1:2])).decode())
        data += scope.read_bytes(length)
        assert scope.read_bytes(1) == b"\n"  # "Discard the terminating linefeed"
    assert frame == 60_000 and len(data) == frame
    volts = (np.frombuffer(bytes(data), dtype=np.uint8).astype(int) - yorg - vref) * yinc
    assert volts.max() == pytest.approx(3.3, abs=0.15) and volts.min() < 0.15
    # triggered on the rising edge at the screen centre: low before, high after
    centre = frame // 2
    assert volts[centre - 200 : centre - 20].mean() < 0.5
    assert volts[centre + 20 : centre + 200].mean() > 2.8


def test_rogeorge_lan_screen_grab_without_terminators(bench, scope):
    # Client: RoGeorge/DS1054Z_screen_capture (OscScreenGrabLAN.py, Rigol_functions.py):
    # telnet to port 5555, every command written WITHOUT a line feed, each preceded by
    # "*OPC?" until "1\n" comes back, replies read with read_until("\n", 1 s). Waiting
    # 0.3 s instead of 1 s for the (absent) replies of set commands keeps the test short.
    s = socket.create_connection(("127.0.0.1", bench.scope_server.port), timeout=5)
    buf = bytearray()

    def read_until_lf(wait: float) -> bytes:
        end = time.monotonic() + wait
        while b"\n" not in buf and time.monotonic() < end:
            s.settimeout(max(0.01, end - time.monotonic()))
            try:
                chunk = s.recv(1 << 16)
            except TimeoutError:
                break
            if not chunk:
                break
            buf.extend(chunk)
        i = buf.find(b"\n")
        out = bytes(buf[: i + 1]) if i >= 0 else bytes(buf)
        del buf[: len(out)]
        return out

    def command(scpi: str, wait: float = 0.3) -> bytes:
        for _ in range(5):
            s.sendall(b"*OPC?")
            if read_until_lf(1.0) == b"1\n":
                break
        else:
            raise AssertionError("*OPC? never answered")
        s.sendall(scpi.encode())
        return read_until_lf(wait)

    instrument_id = command("*IDN?").decode()
    assert instrument_id != "command error"
    company, model = instrument_id.split(",")[:2]
    assert company == "RIGOL TECHNOLOGIES"
    assert model[-1] == "Z"  # model[:3] is "MSO": the script asks "ARE YOU SURE" first

    # png/bmp: one read, then read on while shorter than the header promises
    first = command(":DISP:DATA?", wait=3.0)
    n_digits = int(chr(first[1]))
    expected = 2 + n_digits + int(first[2 : 2 + n_digits]) + 1
    data = bytearray(first)
    while len(data) < expected:
        more = read_until_lf(1.0)
        if not more:
            break
        data += more
    assert len(data) == expected
    assert bmp_size(bytes(data[2 + n_digits : -1])) == (800, 480, 24)

    # csv: displayed channels, NORM screen data in ASCii volts
    channels = [ch for ch in ("CHAN1", "CHAN2", "CHAN3", "CHAN4", "MATH")
                if command(":" + ch + ":DISP?") == b"1\n"]
    assert channels == ["CHAN1"]
    command(":WAV:MODE NORM")
    command(":WAV:STAR 0")  # out of range: refused, as on the scope
    command(":WAV:SOUR CHAN1")
    command(":WAV:FORM ASC")
    command(":WAV:STAR 1")
    command(":WAV:STOP 1200")
    chunk = command(":WAV:DATA?", wait=2.0)
    assert chunk.endswith(b"\n")
    header = 2 + int(chr(chunk[1]))
    volts = np.array(chunk[header:-1].decode().split(","), dtype=float)
    assert volts.size == 1200
    pwm_checks(volts)
    assert command(":SYST:ERR?") == b'-222,"Data out of range"\n'  # from ":WAV:STAR 0"
    assert command(":SYST:ERR?") == b'0,"No error"\n'
    s.close()


class AmosborneScope:
    """rigol-ds1000z (amosborne/rigol-ds1000z, rigol_ds1000z/src/rigol_ds1000z.py): every
    write and query gets ";*WAI" appended, replies are stripped."""

    def __init__(self, inst) -> None:  # type: ignore[no-untyped-def]
        self.visa_rsrc = inst

    def write(self, cmd: str) -> None:
        self.visa_rsrc.write(cmd + ";*WAI")

    def query(self, cmd: str) -> str:
        return self.visa_rsrc.query(cmd + ";*WAI").strip()

    def rst(self) -> None:
        # ieee(rst=True): *RST (then 5 s, not needed here) and the common queries
        self.write("*RST")
        int(self.query("*ESE?"))
        assert self.query("*IDN?").startswith("RIGOL TECHNOLOGIES,MSO1104Z,")
        assert bool(int(self.query("*OPC?")))
        int(self.query("*SRE?"))


def test_rigol_ds1000z_package_channel_timebase_acquire(scope):
    # Client: rigol-ds1000z by amosborne (rigol_ds1000z/src/channel.py, timebase.py,
    # acquire.py, ieee.py). The assertions are its own test suite's (tests/test_channel.py,
    # test_timebase.py, test_acquire.py, test_rigol_ds1000z.py), written against a DS1104Z.
    osc = AmosborneScope(scope)
    osc.rst()
    osc.write("*IDN?")
    assert scope.read().strip() == osc.query("*IDN?")

    def channel(n: int, **kw: object) -> dict[str, object]:
        root = f":CHAN{n:d}:"
        if "bwlimit" in kw:
            osc.write(root + "BWL " + ("20M" if kw["bwlimit"] else "OFF"))
        if "coupling" in kw:
            osc.write(root + "COUP " + str(kw["coupling"]))
        if "display" in kw:
            osc.write(root + f"DISP {int(bool(kw['display'])):d}")
        if "invert" in kw:
            osc.write(root + f"INV {int(bool(kw['invert'])):d}")
        if "vernier" in kw:
            osc.write(root + f"VERN {int(bool(kw['vernier'])):d}")
        if "probe" in kw:
            osc.write(root + f"PROB {float(kw['probe']):0.2f}")  # type: ignore[arg-type]
        if "range" in kw:
            osc.write(root + f"RANG {float(kw['range']):0.10f}")  # type: ignore[arg-type]
        if "scale" in kw:
            osc.write(root + f"SCAL {float(kw['scale']):0.10f}")  # type: ignore[arg-type]
        if "offset" in kw:
            osc.write(root + f"OFFS {float(kw['offset']):0.10f}")  # type: ignore[arg-type]
        if "tcal" in kw:
            osc.write(root + f"TCAL {float(kw['tcal']):0.10f}")  # type: ignore[arg-type]
        if "units" in kw:
            osc.write(root + "UNIT " + str(kw["units"]))
        return {"bwlimit": osc.query(root + "BWL?") == "20M",
                "coupling": osc.query(root + "COUP?"),
                "display": bool(int(osc.query(root + "DISP?"))),
                "invert": bool(int(osc.query(root + "INV?"))),
                "vernier": bool(int(osc.query(root + "VERN?"))),
                "probe": float(osc.query(root + "PROB?")),
                "offset": float(osc.query(root + "OFFS?")),
                "range": float(osc.query(root + "RANG?")),
                "scale": float(osc.query(root + "SCAL?")),
                "tcal": float(osc.query(root + "TCAL?")),
                "units": osc.query(root + "UNIT?")}

    n = 3
    assert channel(n, bwlimit=True)["bwlimit"]
    assert not channel(n, bwlimit=False)["bwlimit"]
    for coupling in ("AC", "DC", "GND"):
        assert channel(n, coupling=coupling)["coupling"] == coupling
    assert channel(n, display=True)["display"]
    assert not channel(n, display=False)["display"]
    assert channel(n, invert=True)["invert"]
    assert not channel(n, invert=False)["invert"]
    for units in ("VOLT", "WATT", "AMP", "UNKN"):
        assert channel(n, units=units)["units"] == units
    assert channel(n, tcal=n * 20e-9)["tcal"] == pytest.approx(n * 20e-9, 1e-12)
    osc.rst()
    ch = channel(n, vernier=False, probe=10, offset=-1.5, scale=0.5)
    assert (ch["vernier"], ch["probe"], ch["offset"], ch["scale"], ch["range"]) == (
        False, 10, -1.5, 0.5, 4)
    osc.rst()
    ch = channel(n, vernier=True, probe=1, offset=0, range=6)
    assert (ch["vernier"], ch["probe"], ch["offset"], ch["scale"], ch["range"]) == (
        True, 1, 0, 0.75, 6)

    def timebase(**kw: float) -> tuple[str, float, float, bool, float, float]:
        if "mode" in kw:
            osc.write(f":TIM:MODE {kw['mode']}")
        if "main_scale" in kw:
            osc.write(f":TIM:SCAL {kw['main_scale']:0.10f}")
        if "main_offset" in kw:
            osc.write(f":TIM:OFFS {kw['main_offset']:0.10f}")
        if "delay_enable" in kw:
            osc.write(f":TIM:DEL:ENAB {int(kw['delay_enable']):d}")
        if "delay_scale" in kw:
            osc.write(f":TIM:DEL:SCAL {kw['delay_scale']:0.10f}")
        if "delay_offset" in kw:
            osc.write(f":TIM:DEL:OFFS {kw['delay_offset']:0.10f}")
        return (osc.query(":TIM:MODE?"), float(osc.query(":TIM:SCAL?")),
                float(osc.query(":TIM:OFFS?")), bool(int(osc.query(":TIM:DEL:ENAB?"))),
                float(osc.query(":TIM:DEL:SCAL?")), float(osc.query(":TIM:DEL:OFFS?")))

    for mode in ("MAIN", "XY", "ROLL"):
        osc.rst()
        assert timebase(mode=mode)[0] == mode  # type: ignore[arg-type]
    osc.rst()
    assert timebase(main_scale=1e-3, main_offset=-1e-3)[1:3] == (1e-3, -1e-3)
    osc.rst()
    tb = timebase(main_scale=10e-6, main_offset=0, delay_scale=2e-6, delay_offset=1e-6,
                  delay_enable=True)
    assert tb[1:] == (10e-6, 0, True, 2e-6, 1e-6)
    assert not timebase(delay_enable=False)[3]

    def acquire(**kw: object) -> tuple[int, str, float, str]:
        if "type" in kw:
            osc.write(f":ACQ:TYPE {kw['type']:s}")
        if "averages" in kw:
            osc.write(f":ACQ:AVER {kw['averages']:d}")
        if "memdepth" in kw:
            osc.write(f":ACQ:MDEP {kw['memdepth']}")
        return (int(osc.query(":ACQ:AVER?")), osc.query(":ACQ:MDEP?"),
                float(osc.query(":ACQ:SRAT?")), osc.query(":ACQ:TYPE?"))

    osc.rst()
    for kind in ("NORM", "AVER", "PEAK", "HRES"):
        assert acquire(type=kind)[3] == kind
    osc.rst()
    assert acquire(type="AVER", averages=8)[::3] == (8, "AVER")
    assert acquire(averages=16)[0] == 16
    assert acquire(memdepth="AUTO")[1] == "AUTO"
    assert acquire()[2] > 0
    assert osc.query(":SYST:ERR?") == '0,"No error"'


def test_rigol_ds1000z_package_waveform_trigger_measure_display(scope):
    # Client: rigol-ds1000z by amosborne (src/waveform.py, trigger.py, measure.py,
    # display.py) with the checks of its tests/test_waveform.py, test_trigger.py,
    # test_measure.py. Its scope had the 1 kHz ~3 Vpp calibration square wave on CH2;
    # here the 1 kHz 3.3 V PWM on CH1 plays that part.
    osc = AmosborneScope(scope)
    osc.rst()

    def waveform(**kw: object) -> dict[str, object]:
        if "source" in kw:
            src = kw["source"]
            osc.write(":WAV:SOUR " + (src if isinstance(src, str) else f"CHAN{src:d}"))
        source = osc.query(":WAV:SOUR?")
        source_q: object = source if source == "MATH" else int(source[-1])
        if "mode" in kw:
            osc.write(f":WAV:MODE {kw['mode']}")
        if "format" in kw:
            osc.write(f":WAV:FORM {kw['format']}")
        fmt = osc.query(":WAV:FORM?")
        if "start" in kw:
            osc.write(f":WAV:STAR {kw['start']:d}")
        if "stop" in kw:
            osc.write(f":WAV:STOP {kw['stop']:d}")
        if fmt == "ASC":
            data: object = osc.query(":WAV:DATA?")
        else:
            data = scope.query_binary_values(":WAV:DATA?", "B" if fmt == "BYTE" else "H")
        return {"source": source_q, "mode": osc.query(":WAV:MODE?"), "format": fmt,
                "data": data, "xincrement": float(osc.query(":WAV:XINC?")),
                "xorigin": float(osc.query(":WAV:XOR?")),
                "xreference": int(osc.query(":WAV:XREF?")),
                "yincrement": float(osc.query(":WAV:YINC?")),
                "yorigin": int(osc.query(":WAV:YOR?")),
                "yreference": int(osc.query(":WAV:YREF?")),
                "start": int(osc.query(":WAV:STAR?")), "stop": int(osc.query(":WAV:STOP?")),
                "preamble": osc.query(":WAV:PRE?")}

    for mode in ("NORM", "MAX", "RAW"):
        osc.rst()
        assert waveform(mode=mode)["mode"] == mode
    scope.query(":SYST:ERR?")  # RAW while running: refused, the queue says why
    osc.rst()
    for fmt in ("WORD", "BYTE", "ASC"):
        assert waveform(format=fmt)["format"] == fmt
    assert waveform(source="MATH")["source"] == "MATH"
    assert waveform(source=3)["source"] == 3
    wf = waveform(start=2, stop=3)
    assert (wf["start"], wf["stop"]) == (2, 3)
    osc.rst()
    osc.write(":AUT")  # autoscale() (then 10 s on the real scope)
    wf = waveform(format="BYTE", source=1)
    pre = str(wf["preamble"]).split(",")
    assert {0: "BYTE", 1: "WORD", 2: "ASC"}[int(pre[0])] == wf["format"]
    assert {0: "NORM", 1: "MAX", 2: "RAW"}[int(pre[1])] == wf["mode"]
    assert (float(pre[4]), float(pre[5]), int(pre[6])) == (
        wf["xincrement"], wf["xorigin"], wf["xreference"])
    assert (float(pre[7]), int(pre[8]), int(pre[9])) == (
        wf["yincrement"], wf["yorigin"], wf["yreference"])
    codes = np.asarray(wf["data"], dtype=float)
    pwm_checks((codes - int(pre[8]) - int(pre[9])) * float(pre[7]))

    # trigger(): sweep states after autoscale, then the edge helper
    for sweep, status in (("AUTO", "TD"), ("NORM", "TD"), ("SING", "STOP")):
        osc.write(f":TRIG:SWE {sweep}")
        assert osc.query(":TRIG:SWE?") == sweep
        assert osc.query(":TRIG:STAT?") == status
    for flag in (1, 0):
        osc.write(f":TRIG:NREJ {flag:d}")
        assert bool(int(osc.query(":TRIG:NREJ?"))) == bool(flag)
    osc.write(":TRIG:MODE EDGE")
    osc.write(f":TRIG:HOLD {1e-6:0.10f}")
    osc.write(":TRIG:COUP DC")
    osc.write(":TRIG:EDG:SOUR CHAN2")
    osc.write(":TRIG:EDG:SLOP NEG")
    osc.write(f"TRIG:EDG:LEV {0.5:0.10f}")
    assert osc.query(":TRIG:MODE?") == "EDGE"
    assert float(osc.query(":TRIG:HOLD?")) == 1e-6
    assert osc.query(":TRIG:COUP?") == "DC"
    assert int(osc.query(":TRIG:EDG:SOUR?")[-1]) == 2
    assert osc.query(":TRIG:EDG:SLOP?") == "NEG"
    assert float(osc.query(":TRIG:EDG:LEV?")) == 0.5

    # measure(): source, counter, item value, statistics
    osc.rst()
    osc.write(":AUT")
    osc.write(":MEAS:SOUR CHAN2")
    assert osc.query(":MEAS:SOUR?") == "CHAN2"
    osc.write(":MEAS:SOUR MATH")
    assert osc.query(":MEAS:SOUR?") == "MATH"
    osc.write(":MEAS:SOUR CHAN1")
    assert int(osc.query(":MEAS:SOUR?")[-1]) == 1
    assert float(osc.query(":MEAS:ITEM? VPP,CHAN1")) == pytest.approx(3.3, rel=0.2)
    assert float(osc.query(":MEAS:ITEM? FREQ,CHAN1")) == pytest.approx(1e3, rel=0.2)
    osc.write(":MEAS:COUN:SOUR CHAN1")  # (then 1 s for the counter to gate)
    assert osc.query(":MEAS:COUN:SOUR?") != "OFF"
    assert float(osc.query(":MEAS:COUN:VAL?")) == pytest.approx(1e3, rel=0.2)
    osc.write(":MEAS:COUN:SOUR OFF")
    assert osc.query(":MEAS:COUN:SOUR?") == "OFF"
    value = float(osc.query(":MEAS:ITEM? VPP,CHAN1"))
    osc.write(":MEAS:STAT:DISP 1")
    osc.write(":MEAS:STAT:ITEM VPP,CHAN1")
    stats = {kind: float(osc.query(f":MEAS:STAT:ITEM? {kind},VPP"))
             for kind in ("MAX", "MIN", "CURR", "AVER", "DEV")}
    assert stats["CURR"] == pytest.approx(value, rel=0.2)
    assert stats["MIN"] <= stats["AVER"] <= stats["MAX"] and stats["DEV"] >= 0

    # display(): settings round trip and the screenshot through query_binary_values("B")
    osc.write(":DISP:CLE")
    osc.write(":DISP:TYPE DOTS")
    osc.write(f":DISP:GRAD:TIME {0.1:g}")
    osc.write(f":DISP:WBR {60:d}")
    osc.write(":DISP:GRID HALF")
    osc.write(f":DISP:GBR {30:d}")
    grading = osc.query(":DISP:GRAD:TIME?")
    assert (grading if grading in ("MIN", "INF") else float(grading)) == 0.1
    data = bytes(scope.query_binary_values(":DISP:DATA?", "B"))
    assert bmp_size(data) == (800, 480, 24)
    assert (osc.query(":DISP:TYPE?"), int(osc.query(":DISP:WBR?")), osc.query(":DISP:GRID?"),
            int(osc.query(":DISP:GBR?"))) == ("DOTS", 60, "HALF", 30)
    assert osc.query(":SYST:ERR?") == '0,"No error"'


# --- the wire under pyvisa's defaults, silence and many idle clients ------------------------


def test_pyvisa_defaults_without_read_termination(bench, rm):
    # pyvisa's defaults: write_termination "\r\n" (the "\r" is stripped), no read
    # termination, so a script reads by count; a tiny chunk_size must not split replies.
    for resource, maker in ((bench.dmm_resource, b"Keysight"), (bench.scope_resource, b"RIGOL")):
        inst = rm.open_resource(resource, timeout=5000)
        assert inst.write_termination == "\r\n" and inst.read_termination is None
        inst.write("*IDN?")
        head = inst.read_bytes(len(maker))
        inst.read_termination = "\n"
        rest = inst.read()
        assert head == maker and "\r" not in rest and rest.count(",") == 3
        inst.chunk_size = 7
        assert inst.query("*IDN?").encode().startswith(maker)
        assert inst.query("*OPC?") == "1"
        inst.close()


def test_unterminated_message_waits_on_the_meter_and_runs_on_the_scope(bench):
    # The 34465A waits for the line feed (IEEE 488.2 message terminator); the DS1000Z
    # takes a pause after bare bytes as the end of the message (see the RoGeorge test).
    # Neither ties up the server: other clients are served meanwhile.
    meter = socket.create_connection(("127.0.0.1", bench.dmm_server.port), timeout=0.5)
    meter.sendall(b"*IDN?")
    with pytest.raises(TimeoutError):
        meter.recv(100)
    other = socket.create_connection(("127.0.0.1", bench.dmm_server.port), timeout=2)
    other.sendall(b"*OPC?\n")
    assert other.recv(10) == b"1\n"
    other.close()
    meter.settimeout(2)
    meter.sendall(b"\n")  # the terminator completes the pending query
    assert meter.recv(200).startswith(b"Keysight Technologies,34465A,")
    meter.close()

    scope = socket.create_connection(("127.0.0.1", bench.scope_server.port), timeout=2)
    scope.sendall(b"*IDN?")
    assert scope.recv(200).startswith(b"RIGOL TECHNOLOGIES,MSO1104Z,")
    scope.sendall(b"*IDN")  # half a header, then the client vanishes
    scope.close()
    scope = socket.create_connection(("127.0.0.1", bench.scope_server.port), timeout=2)
    scope.sendall(b"*OPC?\n")
    assert scope.recv(10) == b"1\n"
    scope.close()


def test_many_idle_clients_cost_no_cpu(bench):
    # Thirty idle connections per instrument (plus one half-message client each): the
    # server threads sleep in recv, so the process burns almost no CPU while they wait.
    # The kernel completes a loopback connect at once while the listen backlog has room;
    # a full backlog (socketserver's default is 5) would make these wait a SYN retry (1 s).
    socks = [socket.create_connection(("127.0.0.1", srv.port), timeout=0.5)
             for srv in (bench.dmm_server, bench.scope_server) for _ in range(30)]
    for s in socks:
        s.settimeout(2)
    socks[0].sendall(b"*IDN")  # the meter keeps this half message, without polling
    for s in socks[1:3]:
        s.sendall(b"*OPC?\n")
        assert s.recv(10) == b"1\n"
    time.sleep(0.3)
    cpu0, wall0 = time.process_time(), time.monotonic()
    time.sleep(1.0)
    cpu = time.process_time() - cpu0
    wall = time.monotonic() - wall0
    assert threading.active_count() >= 60
    assert cpu < 0.1 * wall  # a ratio, not a time: busy polling would use far more
    for s in socks:
        s.close()
