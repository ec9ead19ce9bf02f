"""CONFigure, MEASure, [SENSe:] and FUNCtion of the simulated 34465A.

Each function keeps its own settings (range, autorange, NPLC, …) as on the real
meter: switching with `FUNCtion` keeps them, `CONFigure` resets them (and the
trigger system) to defaults before applying its range and resolution.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial
from typing import Any

from meterlab.sim.dmm_spec import (
    APERTURE_PPM,
    DEFAULT_APERTURE,
    DEFAULT_BANDWIDTH,
    DEFAULT_NPLC,
    FREQ_RANGE,
    FUNCTIONS,
    HEADERS,
    NPLC_LIST,
    PER_RANGE,
    FuncSpec,
    autorange,
    nplc_for_resolution,
    pick_range,
    resolution_factor,
)
from meterlab.sim.scpi import Call, Param, SCPIError, compile_pattern, match_nodes

#: Units a range or resolution may carry, per function.
UNITS: dict[str, tuple[str, ...]] = {
    "VOLT:DC": ("V",), "VOLT:AC": ("V",), "CURR:DC": ("A",), "CURR:AC": ("A",),
    "RES": ("OHM",), "FRES": ("OHM",), "FREQ": ("HZ",), "PER": ("S",), "CAP": ("F",),
    "TEMP": ("CEL", "C", "FAR", "F", "K"), "CONT": ("OHM",), "DIOD": ("V",),
}
TEMP_PROBES = ["FRTD", "RTD", "FTHermistor", "THERmistor", "TCouple"]
_FUNC_PATTERNS = [(key, compile_pattern(stem)) for key, stem in HEADERS.items()]
#: Aperture limits of a 34465A with the DIG option at 50 Hz.
APERTURE_LIMITS = (20e-6, 2.0)


@dataclass(slots=True)
class FuncSettings:
    """One function's own settings (the meter keeps a set per function)."""

    range: float
    auto: bool
    nplc: float = DEFAULT_NPLC
    aperture: float = DEFAULT_APERTURE
    aperture_on: bool = False
    zero: bool = True
    bandwidth: float = DEFAULT_BANDWIDTH
    volt_range: float = 10.0  #: FREQ/PER input voltage range
    volt_auto: bool = True
    impedance_auto: bool = False
    offset_comp: bool = False  #: RES/FRES offset compensation
    terminals: int = 3
    probe_type: str = "FRTD"
    probe_model: str = "85"


def default_settings() -> dict[str, FuncSettings]:
    return {key: FuncSettings(range=spec.default_range, auto=spec.autorange)
            for key, spec in FUNCTIONS.items()}


def parse_function(text: str) -> str:
    """`"VOLT:DC"`, `"volt"`, `"CURRent:AC"` → the board's function key; -224 otherwise."""
    words = [w for w in text.strip().upper().split(":") if w]
    for key, nodes in _FUNC_PATTERNS:
        if words and match_nodes(nodes, words) is not None:
            return key
    raise SCPIError(-224, text)


class ConfigMixin:
    """Registers and serves CONFigure/MEASure/SENSe/FUNCtion; mixed into `Keysight34465A`."""

    table: Any
    settings: dict[str, FuncSettings]
    function: str
    stats: Any

    def build_config(self) -> None:
        t = self.table
        t.add("CONFigure", query=self._conf_q)
        for key, stem in HEADERS.items():
            conf_stem = "[:VOLTage]:AC" if key == "VOLT:AC" else (
                "[:VOLTage][:DC]" if key == "VOLT:DC" else ":" + stem)
            t.add("CONFigure" + conf_stem, set=partial(self._conf, key))
            t.add("MEASure" + conf_stem, query=partial(self._meas_q, key))
        t.add("[SENSe:]FUNCtion[:ON]", set=self._func, query=self._func_q)
        ch = self._changing
        for key, stem in HEADERS.items():
            spec = FUNCTIONS[key]
            head = f"[SENSe:]{stem}"
            if spec.autorange:
                t.add(f"{head}:RANGe[:UPPer]", set=ch(partial(self._range, key)),
                      query=partial(self._range_q, key))
                t.add(f"{head}:RANGe:AUTO", set=ch(partial(self._range_auto, key)),
                      query=partial(self._range_auto_q, key))
            if spec.integrating:
                t.add(f"{head}:NPLCycles", set=ch(partial(self._nplc, key)),
                      query=partial(self._nplc_q, key))
                t.add(f"{head}:RESolution", set=ch(partial(self._res, key)),
                      query=partial(self._res_q, key))
                t.add(f"{head}:APERture", set=ch(partial(self._aperture, key)),
                      query=partial(self._aperture_q, key))
                t.add(f"{head}:APERture:ENABled", set=ch(partial(self._aperture_on, key)),
                      query=partial(self._flag_q, key, "aperture_on"))
            if key in ("RES", "FRES"):
                t.add(f"{head}:OCOMpensated", set=ch(partial(self._ocomp, key)),
                      query=partial(self._flag_q, key, "offset_comp"))
            if spec.has_zero:
                t.add(f"{head}:ZERO:AUTO", set=ch(partial(self._zero, key)),
                      query=partial(self._flag_q, key, "zero"))
            if key in ("VOLT:AC", "CURR:AC"):
                t.add(f"{head}:BANDwidth", set=ch(partial(self._bandwidth, key)),
                      query=partial(self._bandwidth_q, key))
            if key in ("CURR:DC", "CURR:AC"):
                t.add(f"{head}:TERMinals", set=ch(partial(self._terminals, key)),
                      query=lambda c, k=key: (c.expect(0), f"{self.settings[k].terminals:+d}")[1])
            if key in ("FREQ", "PER"):
                t.add(f"{head}:APERture", set=ch(self._freq_aperture), query=self._freq_aperture_q)
                t.add(f"{head}:VOLTage:RANGe[:UPPer]", set=ch(partial(self._volt_range, key)),
                      query=partial(self._volt_range_q, key))
                t.add(f"{head}:VOLTage:RANGe:AUTO", set=ch(partial(self._volt_auto, key)),
                      query=partial(self._flag_q, key, "volt_auto"))
                t.add(f"{head}:RANGe:LOWer", set=ch(partial(self._lower, key)),
                      query=lambda c: (c.expect(0), self.num(self.settings["FREQ"].bandwidth))[1])
        t.add("[SENSe:]VOLTage[:DC]:IMPedance:AUTO", set=ch(partial(self._impedance, "VOLT:DC")),
              query=partial(self._flag_q, "VOLT:DC", "impedance_auto"))
        t.add("[SENSe:]TEMPerature:TRANsducer:TYPE", set=ch(self._temp_probe),
              query=lambda c: (c.expect(0), self._short(self.settings["TEMP"].probe_type))[1])
        t.add("UNIT:TEMPerature", set=ch(self._unit_temp),
              query=lambda c: (c.expect(0), self.temp_unit)[1])

    # -- helpers ---------------------------------------------------------------------------------

    def _changing(self, handler: Any) -> Any:
        """Wrap a setting's handler: the meter clears reading memory when its configuration
        changes (Truevolt DATA subsystem), which also ends a measurement in progress."""

        def run(c: Call) -> None:
            handler(c)
            self._drop_acquisition()

        return run

    @staticmethod
    def _short(option: str) -> str:
        """The short form of a long-form option as `Param.choice` returns it (upper case)."""
        for opt in TEMP_PROBES:
            if opt.upper() == option.upper():
                return "".join(ch for ch in opt if ch.isupper())
        return option

    def _parse_range(self, key: str, p: Param) -> tuple[float, bool]:
        """A range argument → (range, autorange)."""
        spec = FUNCTIONS[key]
        if p.upper == "AUTO":
            if not spec.autorange:
                raise SCPIError(-224, p.text)
            return spec.default_range, True
        if key in ("FREQ", "PER"):
            lo, hi = FREQ_RANGE if key == "FREQ" else PER_RANGE
            value = p.number(units=UNITS[key], special={
                "MINimum": lo, "MAXimum": hi, "DEFault": spec.default_range})
            if not lo * 0.999 <= value <= hi * 1.001:
                raise SCPIError(-222)
            return value, False
        u = p.upper
        if u in ("DEF", "DEFAULT"):
            return spec.default_range, spec.autorange
        value = p.number(units=UNITS[key], special={
            "MINimum": spec.ranges[0], "MAXimum": spec.ranges[-1]})
        rng = pick_range(value, spec.ranges)
        if rng is None:
            raise SCPIError(-222)
        return rng, False

    def _apply_resolution(self, key: str, st: FuncSettings, p: Param) -> None:
        """A resolution argument: picks the NPLC (or aperture) that gives it."""
        spec = FUNCTIONS[key]
        u = p.upper
        if key in ("FREQ", "PER"):
            if u in ("MIN", "MINIMUM"):
                self.freq_aperture = 1.0
            elif u in ("MAX", "MAXIMUM"):
                self.freq_aperture = 0.01
            elif u in ("DEF", "DEFAULT"):
                self.freq_aperture = DEFAULT_APERTURE
            else:
                ppm = p.number(units=UNITS[key]) / st.range
                self.freq_aperture = 1.0 if ppm < 5e-6 else (0.1 if ppm < 50e-6 else 0.01)
            return
        if not spec.integrating:
            if u not in ("MIN", "MINIMUM", "MAX", "MAXIMUM", "DEF", "DEFAULT"):
                p.number(units=UNITS[key])
            return
        st.aperture_on = False
        if u in ("MIN", "MINIMUM"):
            st.nplc = NPLC_LIST[-1]
        elif u in ("MAX", "MAXIMUM"):
            st.nplc = NPLC_LIST[0]
        elif u in ("DEF", "DEFAULT"):
            st.nplc = DEFAULT_NPLC
        else:
            res = p.number(units=UNITS[key])
            rng = 1000.0 if key == "TEMP" else st.range
            nplc = nplc_for_resolution(res, rng)
            if nplc is None:
                raise SCPIError(-222)
            st.nplc = nplc

    def resolution(self, key: str) -> float:
        spec, st = FUNCTIONS[key], self.settings[key]
        if key in ("FREQ", "PER"):
            return APERTURE_PPM[self.freq_aperture] * st.range
        if spec.integrating:
            nplc = self.integration_time(st) * 50.0
            rng = 1000.0 if key == "TEMP" else st.range
            return resolution_factor(nplc) * rng
        if key == "CAP":
            return st.range * 1e-4
        return st.range * 1e-6

    def _flag_q(self, key: str, attr: str, c: Call) -> str:
        c.expect(0)
        return "1" if getattr(self.settings[key], attr) else "0"

    def _which(self, c: Call) -> str | None:
        params = c.expect(0, 1)
        return params[0].choice(["MINimum", "MAXimum", "DEFault"]) if params else None

    # -- CONFigure / MEASure / FUNCtion --------------------------------------------------------

    def _configure(self, key: str, c: Call) -> None:
        spec = FUNCTIONS[key]
        if key in ("CONT", "DIOD"):
            params = c.expect(0, 0)
        elif key == "TEMP":
            params = c.expect(0, 4)
        else:
            params = c.expect(0, 2)
        st = FuncSettings(range=spec.default_range, auto=spec.autorange)
        if key == "TEMP":
            self._configure_temp(st, params)
        else:
            if params:
                st.range, st.auto = self._parse_range(key, params[0])
            if len(params) > 1:
                res = params[1]
                explicit = res.upper not in ("MIN", "MINIMUM", "MAX", "MAXIMUM", "DEF", "DEFAULT")
                if explicit and st.auto and spec.autorange:
                    raise SCPIError(-221, "resolution needs a fixed range")
                self._apply_resolution(key, st, res)
        if key in ("FREQ", "PER") and len(params) < 2:
            self.freq_aperture = DEFAULT_APERTURE
        self._drop_acquisition()
        self.settings[key] = st
        if key != self.function:
            self.stats.clear()  # statistics restart with a new function
        self.function = key
        self.sample_count = 1
        self.trigger_count = 1
        self.trigger_source = "IMMEDIATE"
        self.trigger_delay_auto = True
        self.sample_source = "IMMEDIATE"

    def _configure_temp(self, st: FuncSettings, params: list[Param]) -> None:
        if params and params[0].upper not in ("DEF", "DEFAULT"):
            st.probe_type = params[0].choice(TEMP_PROBES)
        if len(params) > 1 and params[1].upper not in ("DEF", "DEFAULT"):
            st.probe_model = params[1].text.upper()
        if len(params) > 3:
            self._apply_resolution("TEMP", st, params[3])

    def _conf(self, key: str, c: Call) -> None:
        self._configure(key, c)

    def _meas_q(self, key: str, c: Call) -> str:
        self._configure(key, c)
        return self.measure_now()

    def _conf_q(self, c: Call) -> str:
        c.expect(0)
        key = self.function
        spec, st = FUNCTIONS[key], self.settings[key]
        if key in ("CONT", "DIOD"):
            return f'"{spec.name}"'
        res = self.num(self.resolution(key))
        if key == "TEMP":
            probe = self._short(st.probe_type)
            return f'"TEMP {probe},{st.probe_model},{self.num(1.0)},{res}"'
        return f'"{spec.name} {self.num(st.range)},{res}"'

    def _func(self, c: Call) -> None:
        (p,) = c.expect(1)
        if not p.is_string():
            raise SCPIError(-151 if '"' in p.text else -104, p.text)
        key = parse_function(p.string())
        if key != self.function:
            self._drop_acquisition()
            self.stats.clear()
            self.function = key

    def _func_q(self, c: Call) -> str:
        c.expect(0)
        return f'"{FUNCTIONS[self.function].name}"'

    # -- [SENSe:] ----------------------------------------------------------------------------

    def _range(self, key: str, c: Call) -> None:
        (p,) = c.expect(1)
        if p.upper == "AUTO":
            raise SCPIError(-224, p.text)
        st = self.settings[key]
        if p.upper in ("DEF", "DEFAULT"):
            st.range, st.auto = FUNCTIONS[key].default_range, False
        else:
            st.range, st.auto = self._parse_range(key, p)
        if key in ("CURR:DC", "CURR:AC") and st.terminals == 10:
            st.range = 10.0

    def _range_q(self, key: str, c: Call) -> str:
        which = self._which(c)
        spec = FUNCTIONS[key]
        if which is not None:
            return self.num({"MINIMUM": spec.ranges[0], "MAXIMUM": spec.ranges[-1],
                             "DEFAULT": spec.default_range}[which])
        return self.num(self.settings[key].range)

    def _range_auto(self, key: str, c: Call) -> None:
        (p,) = c.expect(1)
        st = self.settings[key]
        if p.upper == "ONCE":
            value = self.true_value(key, self.probe)
            if math.isfinite(value):
                st.range = autorange(value, st.range, FUNCTIONS[key])
            else:
                st.range = FUNCTIONS[key].ranges[-1]
            st.auto = False
        else:
            st.auto = p.boolean()

    def _range_auto_q(self, key: str, c: Call) -> str:
        c.expect(0)
        return "1" if self.settings[key].auto else "0"

    def _nplc(self, key: str, c: Call) -> None:
        (p,) = c.expect(1)
        value = p.number(special={"MINimum": NPLC_LIST[0], "MAXimum": NPLC_LIST[-1],
                                  "DEFault": DEFAULT_NPLC})
        if not 0 < value <= NPLC_LIST[-1] * 1.000001:
            raise SCPIError(-222)
        st = self.settings[key]
        st.nplc = next(n for n in NPLC_LIST if n >= value * 0.999999)
        st.aperture_on = False

    def _nplc_q(self, key: str, c: Call) -> str:
        which = self._which(c)
        if which is not None:
            return self.num({"MINIMUM": NPLC_LIST[0], "MAXIMUM": NPLC_LIST[-1],
                             "DEFAULT": DEFAULT_NPLC}[which])
        return self.num(self.settings[key].nplc)

    def _res(self, key: str, c: Call) -> None:
        (p,) = c.expect(1)
        self._apply_resolution(key, self.settings[key], p)

    def _res_q(self, key: str, c: Call) -> str:
        which = self._which(c)
        st = self.settings[key]
        rng = 1000.0 if key == "TEMP" else st.range
        if which is not None:
            nplc = {"MINIMUM": NPLC_LIST[-1], "MAXIMUM": NPLC_LIST[0],
                    "DEFAULT": DEFAULT_NPLC}[which]
            return self.num(resolution_factor(nplc) * rng)
        return self.num(self.resolution(key))

    def _aperture(self, key: str, c: Call) -> None:
        (p,) = c.expect(1)
        lo, hi = APERTURE_LIMITS
        value = p.number(units=("S",), special={"MINimum": lo, "MAXimum": hi, "DEFault": 0.1})
        if not lo * 0.999 <= value <= hi * 1.001:
            raise SCPIError(-222)
        st = self.settings[key]
        st.aperture = round(value / 2e-6) * 2e-6 if value > 2e-6 else value
        st.aperture_on = True

    def _aperture_q(self, key: str, c: Call) -> str:
        which = self._which(c)
        if which is not None:
            return self.num({"MINIMUM": APERTURE_LIMITS[0], "MAXIMUM": APERTURE_LIMITS[1],
                             "DEFAULT": 0.1}[which])
        return self.num(self.settings[key].aperture)

    def _aperture_on(self, key: str, c: Call) -> None:
        (p,) = c.expect(1)
        self.settings[key].aperture_on = p.boolean()

    def _zero(self, key: str, c: Call) -> None:
        (p,) = c.expect(1)
        self.settings[key].zero = False if p.upper == "ONCE" else p.boolean()

    def _ocomp(self, key: str, c: Call) -> None:
        (p,) = c.expect(1)
        self.settings[key].offset_comp = p.boolean()

    def _bandwidth(self, key: str, c: Call) -> None:
        (p,) = c.expect(1)
        value = p.number(units=("HZ",), special={"MINimum": 3.0, "MAXimum": 200.0,
                                                 "DEFault": DEFAULT_BANDWIDTH})
        if not 0 < value <= 300e3:
            raise SCPIError(-222)
        self.settings[key].bandwidth = 3.0 if value < 20 else (20.0 if value < 200 else 200.0)

    def _bandwidth_q(self, key: str, c: Call) -> str:
        which = self._which(c)
        if which is not None:
            return self.num({"MINIMUM": 3.0, "MAXIMUM": 200.0, "DEFAULT": 20.0}[which])
        return self.num(self.settings[key].bandwidth)

    def _terminals(self, key: str, c: Call) -> None:
        (p,) = c.expect(1)
        n = round(p.number(units=("A",), special={"MINimum": 3, "MAXimum": 10, "DEFault": 3}))
        if n not in (3, 10):
            raise SCPIError(-224, p.text)
        st = self.settings[key]
        st.terminals = n
        if n == 10:
            st.range, st.auto = 10.0, False
        elif st.range == 10.0:
            st.range, st.auto = FUNCTIONS[key].default_range, True

    def _freq_aperture(self, c: Call) -> None:
        (p,) = c.expect(1)
        value = p.number(units=("S",), special={"MINimum": 0.01, "MAXimum": 1.0,
                                                 "DEFault": DEFAULT_APERTURE})
        if not 0.001 <= value <= 1.0:
            raise SCPIError(-222)
        self.freq_aperture = min(APERTURE_PPM, key=lambda a: abs(math.log(a / value)))

    def _freq_aperture_q(self, c: Call) -> str:
        which = self._which(c)
        if which is not None:
            return self.num({"MINIMUM": 0.01, "MAXIMUM": 1.0, "DEFAULT": 0.1}[which])
        return self.num(self.freq_aperture)

    def _volt_range(self, key: str, c: Call) -> None:
        (p,) = c.expect(1)
        spec: FuncSpec = FUNCTIONS["VOLT:AC"]
        value = p.number(units=("V",), special={"MINimum": spec.ranges[0],
                                                 "MAXimum": spec.ranges[-1], "DEFault": 10.0})
        rng = pick_range(value, spec.ranges)
        if rng is None:
            raise SCPIError(-222)
        for k in ("FREQ", "PER"):
            self.settings[k].volt_range, self.settings[k].volt_auto = rng, False

    def _volt_range_q(self, key: str, c: Call) -> str:
        c.expect(0, 1)
        return self.num(self.settings[key].volt_range)

    def _volt_auto(self, key: str, c: Call) -> None:
        (p,) = c.expect(1)
        on = False if p.upper == "ONCE" else p.boolean()
        for k in ("FREQ", "PER"):
            self.settings[k].volt_auto = on

    def _lower(self, key: str, c: Call) -> None:
        (p,) = c.expect(1)
        value = p.number(units=("HZ",), special={"MINimum": 3.0, "MAXimum": 200.0,
                                                 "DEFault": 20.0})
        self.settings["FREQ"].bandwidth = 3.0 if value < 20 else (20.0 if value < 200 else 200.0)

    def _impedance(self, key: str, c: Call) -> None:
        (p,) = c.expect(1)
        self.settings[key].impedance_auto = p.boolean()

    def _temp_probe(self, c: Call) -> None:
        params = c.expect(1, 2)
        st = self.settings["TEMP"]
        st.probe_type = params[0].choice(TEMP_PROBES)

    def _unit_temp(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.temp_unit = p.choice(["C", "F", "K"])
