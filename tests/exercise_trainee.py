"""A scripted trainee for the exercise tests: works the simulated instruments over pyvisa.

It does what a careful person does at the bench — chooses the function, a sensible
NPLC, places the leads (`SIMulation:PROBe`), sets the scope's probe, coupling,
V/div, timebase and trigger, decodes a logic capture — then answers from what the
instruments showed. It never looks at the simulator's internals: the grader must
find its setup right on its own.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pyvisa

from meterlab.decode import decode_capture_i2c, decode_capture_uart, estimate_baud
from meterlab.drivers.scope import Oscilloscope
from meterlab.profiles import load_profiles, require_profile
from meterlab.visa import open_instrument

NPLC_FUNCTIONS = {"VOLT:DC", "CURR:DC", "RES", "FRES"}
PROFILES = load_profiles()  # read once: every attempt opens the scope again


class Trainee:
    def __init__(self, dmm_resource: str, scope_resource: str) -> None:
        self.rm = pyvisa.ResourceManager("@py")
        self.dmm = self.rm.open_resource(dmm_resource, read_termination="\n",
                                         write_termination="\n", timeout=10_000)
        self._scope_resource = scope_resource
        self._scope: Oscilloscope | None = None

    def close(self) -> None:
        self.dmm.close()
        if self._scope is not None:
            self._scope.close()

    @property
    def scope(self) -> Oscilloscope:
        if self._scope is None:
            conn = open_instrument(self._scope_resource)
            profile = require_profile(conn.idn, "scope", profiles=PROFILES)
            conn.apply_profile(profile)
            self._scope = Oscilloscope(conn, profile)
        return self._scope

    def scpi(self, command: str) -> None:
        """Send a setting and wait until the scope has taken it (*OPC?), as a person's hands
        are done with a knob before they press Submit. The grader reads the scope over a
        link of its own: without the wait, on a loaded machine the simulator could serve
        that link before this one's last settings (a stale trigger source, a wrong line)."""
        conn = self.scope.conn
        conn.write(command)
        conn.query("*OPC?")

    # -- the meter ------------------------------------------------------------------------

    def meter(self, function: str, hi: str, lo: str = "GND", *, nplc: float = 1) -> float:
        self.dmm.write(f"CONF:{function}")
        if function in NPLC_FUNCTIONS:
            self.dmm.write(f"{function}:NPLC {nplc}")
        self.dmm.write(f"SIM:PROB {hi},{lo}")
        return float(self.dmm.query("READ?"))

    # -- the scope ------------------------------------------------------------------------

    def probe_on(self, net: str, *, vdiv: float, timebase: float, coupling: str = "DC",
                 level: float = 1.65, slope: str = "POS") -> None:
        for cmd in (f":SIM:CHAN1 {net}", ":CHAN1:DISP 1", ":CHAN1:PROB 10",
                    f":CHAN1:COUP {coupling}", f":CHAN1:SCAL {vdiv}", f":TIM:SCAL {timebase}",
                    ":TRIG:MODE EDGE", ":TRIG:EDGE:SOUR CHAN1", f":TRIG:EDGE:SLOP {slope}",
                    f":TRIG:EDGE:LEV {level}"):
            self.scpi(cmd)

    def item(self, name: str) -> float:
        return self.scope.measure(name, "CH1")

    def logic(self, clips: dict[int, str], *, timebase: float, trigger: int,
              slope: str = "NEG", offset: float = 0.0) -> None:
        self.scpi(":LA:STAT 1")
        for line, net in clips.items():
            self.scpi(f":SIM:DIG{line} {net}")
            self.scpi(f":LA:DIG{line}:DISP 1")
        for cmd in (f":TIM:SCAL {timebase}", f":TIM:OFFS {offset}", ":TRIG:MODE EDGE",
                    f":TRIG:EDGE:SOUR D{trigger}", f":TRIG:EDGE:SLOP {slope}"):
            self.scpi(cmd)

    def uart(self) -> tuple[float, str]:
        # a whole line (about 32 ms) after the trigger, read from memory for enough samples
        self.logic({0: "UART_TX"}, timebase=5e-3, trigger=0, offset=0.025)
        self.scpi(":ACQ:MDEP 60000")
        cap = self.scope.read_digital([0], mode="memory")
        self.scpi(":RUN")
        baud = estimate_baud(cap.lane(0), cap.dt, snap=0.0)
        text = decode_capture_uart(cap, 0, baud).text
        return baud, text.split(" #")[0]

    def i2c(self) -> tuple[int, str]:
        self.logic({1: "SCL", 2: "SDA"}, timebase=200e-6, trigger=2)
        cap = self.scope.read_digital([1, 2])
        events = decode_capture_i2c(cap, 1, 2)
        i = next(k for k, e in enumerate(events) if e.kind == "ADDRESS")
        return int(events[i].value), events[i + 1].kind


Script = Callable[[Trainee, str], dict[str, str]]


def _v(x: float, unit: str) -> str:
    return f"{x:.6g} {unit}"


def dc_rails(t: Trainee, step: str) -> dict[str, str]:
    return {"value": _v(t.meter("VOLT:DC", "VBUS" if step == "vbus" else "3V3"), "V")}


def supply_current(t: Trainee, step: str) -> dict[str, str]:
    if step == "current":
        t.meter("VOLT:DC", "GND")  # leads off the rails before switching to current
        t.dmm.write("CONF:CURR:DC")
        t.dmm.write("SIM:PROB ISUPPLY,GND")
        t.dmm.write("CURR:RANG 0.1")
        return {"value": _v(float(t.dmm.query("READ?")) * 1e3, "mA")}
    return {"effect": "fuse"}


def r1_unpowered(t: Trainee, step: str) -> dict[str, str]:
    if step == "r1":
        t.meter("VOLT:DC", "GND")
        return {"value": _v(t.meter("RES", "R1"), "Ω")}
    v = t.meter("RES", "NTC")
    return {"shows": "overload" if v > 1e37 else "10 kΩ"}


def ntc_temperature(t: Trainee, step: str) -> dict[str, str]:
    if step == "v3v3":
        t.v3 = t.meter("VOLT:DC", "3V3")  # type: ignore[attr-defined]
        return {"value": _v(t.v3, "V")}  # type: ignore[attr-defined]
    if step == "vntc":
        t.vn = t.meter("VOLT:DC", "NTC")  # type: ignore[attr-defined]
        return {"value": _v(t.vn, "V")}  # type: ignore[attr-defined]
    r = 10e3 * t.vn / (t.v3 - t.vn)  # type: ignore[attr-defined]
    kelvin = 1 / (1 / 298.15 + math.log(r / 10e3) / 3950)
    return {"resistance": _v(r / 1e3, "kΩ"), "temperature": f"{kelvin - 273.15:.2f} °C"}


def vbus_ripple(t: Trainee, step: str) -> dict[str, str]:
    if step == "rms":
        return {"value": _v(t.meter("VOLT:AC", "VBUS") * 1e3, "mV")}
    t.probe_on("VBUS", vdiv=0.05, timebase=5e-3, coupling="AC", level=0.0)
    return {"vpp": _v(t.item("VPP"), "V")}


def pwm_scope(t: Trainee, step: str) -> dict[str, str]:
    t.probe_on("LED_PWM", vdiv=1.0, timebase=500e-6)
    return {"frequency": _v(t.item("FREQ") / 1e3, "kHz"), "duty": f"{t.item('PDUT') * 100:.2f} %"}


def uart_decode(t: Trainee, step: str) -> dict[str, str]:
    baud, text = t.uart()
    return {"baud": _v(baud, "Bd"), "text": text}


def i2c_address(t: Trainee, step: str) -> dict[str, str]:
    address, ack = t.i2c()
    return {"address": f"0x{address:02X}", "ack": ack}


def rise_time(t: Trainee, step: str) -> dict[str, str]:
    t.probe_on("SCL", vdiv=1.0, timebase=200e-9)
    return {"rise": _v(t.item("RTIM") * 1e9, "ns")}


def _verdict(value: float, lo: float, hi: float) -> str:
    return "PASS" if lo <= value <= hi else "FAIL"


def reference_table(t: Trainee, step: str) -> dict[str, str]:
    if step == "3v3":
        v = t.meter("VOLT:DC", "3V3")
        return {"value": _v(v, "V"), "verdict": _verdict(v, 3.3 * 0.97, 3.3 * 1.03)}
    t.meter("VOLT:DC", "GND")
    i = t.meter("CURR:DC", "ISUPPLY")
    return {"value": _v(i * 1e3, "mA"), "verdict": _verdict(i, 42e-3 * 0.9, 42e-3 * 1.1)}


def tolerance_decisions(t: Trainee, step: str) -> dict[str, str]:
    if step == "warn":
        v = t.meter("VOLT:DC", "VBUS")
        inside = 5.1 * 0.97 <= v <= 5.1 * 1.03
        warn = 5.1 * 0.99 <= v <= 5.1 * 1.01
        return {"value": _v(v, "V"), "verdict": "PASS" if warn else
                "MARGINAL" if inside else "FAIL"}
    u = (0.005 * 3.3 + 0.020) * 2 / math.sqrt(3)  # the handheld's expanded uncertainty
    if step == "guard":
        v = t.meter("VOLT:DC", "3V3")
        lo, hi = 3.3 * 0.99, 3.3 * 1.01
        verdict = "PASS" if lo + u <= v <= hi - u else "FAIL" if v < lo - u or v > hi + u \
            else "INDETERMINATE"
        return {"value": _v(v, "V"), "verdict": verdict}
    return {"meter_ok": "yes" if 0.033 / u >= 4 else "no"}


E24 = (1.0, 1.1, 1.2, 1.3, 1.5, 1.6, 1.8, 2.0, 2.2, 2.4, 2.7, 3.0, 3.3, 3.6, 3.9, 4.3, 4.7,
       5.1, 5.6, 6.2, 6.8, 7.5, 8.2, 9.1)


def e_series(t: Trainee, step: str) -> dict[str, str]:
    if step == "measure":
        t.meter("VOLT:DC", "GND")
        t.r = t.meter("RES", "R1")  # type: ignore[attr-defined]
        return {"value": _v(t.r, "Ω")}  # type: ignore[attr-defined]
    decade = 10 ** math.floor(math.log10(t.r))  # type: ignore[attr-defined]
    nominal = min((m * decade for m in (*E24, 10.0)),
                  key=lambda x: abs(x - t.r))  # type: ignore[attr-defined]
    ok = abs(t.r / nominal - 1) <= 0.01  # type: ignore[attr-defined]
    return {"nominal": _v(nominal, "Ω"), "in_tolerance": "ja" if ok else "nee"}


def diode_check(t: Trainee, step: str) -> dict[str, str]:
    if step == "forward":
        t.meter("VOLT:DC", "GND")
        return {"value": _v(t.meter("DIOD", "D1"), "V")}
    v = t.meter("DIOD", "GND", "D1")
    return {"shows": "overload" if v > 1e37 else "0.6 V"}


def fault_hunt_power(t: Trainee, step: str) -> dict[str, str]:
    if t.meter("VOLT:DC", "3V3") < 3.2:
        return {"diagnosis": "LDO"}
    if t.meter("VOLT:AC", "VBUS") > 0.010:
        return {"diagnosis": "USB supply"}
    t.meter("VOLT:DC", "GND")
    if t.meter("RES", "R1") > 1e37:
        return {"diagnosis": "R1"}
    return {"diagnosis": "none"}


def fault_hunt_signals(t: Trainee, step: str) -> dict[str, str]:
    if t.meter("FREQ", "LED_PWM") < 10:
        return {"diagnosis": "PWM"}
    baud, _ = t.uart()
    if abs(baud / 9600 - 1) > 0.02:
        return {"diagnosis": "UART"}
    _, ack = t.i2c()
    return {"diagnosis": "sensor" if ack == "NAK" else "none"}


SCRIPTS: dict[str, Script] = {
    "dc-rails": dc_rails, "supply-current": supply_current, "r1-unpowered": r1_unpowered,
    "ntc-temperature": ntc_temperature, "vbus-ripple": vbus_ripple, "pwm-scope": pwm_scope,
    "uart-decode": uart_decode, "i2c-address": i2c_address, "rise-time": rise_time,
    "reference-table": reference_table, "tolerance-decisions": tolerance_decisions,
    "e-series-resistor": e_series, "diode-check": diode_check,
    "fault-hunt-power": fault_hunt_power, "fault-hunt-signals": fault_hunt_signals,
}
