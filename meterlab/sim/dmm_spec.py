"""What the simulated 34465A knows about itself: functions, ranges, integration times, accuracy.

Facts come from the Truevolt Operating and Service Guide (ranges, NPLC lists,
resolution factors, frequency apertures) and the 34465A data sheet (1-year
accuracy, overrange). The accuracy and noise figures are rounded to the data
sheet's order of magnitude: the simulator must look like a real meter to a
driver and to a statistics test, not replace a calibration certificate.

Everything here is data; `dmm_acquire` and `dmm` turn it into behaviour.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

#: The 50 Hz mains the simulated bench runs on (SYSTem:LFRequency?).
LINE_FREQUENCY = 50.0
#: The reading memory of a 34465A with the MEM option.
MEMORY_SIZE = 2_000_000
#: What the meter returns for an overload (sign follows the input) and for "no value".
OVERLOAD = 9.9e37
NOT_A_NUMBER = 9.91e37
#: SAMPle:COUNt and TRIGger:COUNt limits of the 34465A.
MAX_COUNT = 1_000_000_000

#: NPLC settings of a 34465A with the DIG option, and the resolution each gives
#: (fraction of range), from the guide's resolution table.
NPLC_RESOLUTION: dict[float, float] = {
    0.001: 30e-6,
    0.002: 15e-6,
    0.006: 6e-6,
    0.02: 3e-6,
    0.06: 1.5e-6,
    0.2: 0.7e-6,
    1.0: 0.3e-6,
    10.0: 0.1e-6,
    100.0: 0.03e-6,
}
NPLC_LIST: tuple[float, ...] = tuple(sorted(NPLC_RESOLUTION))
DEFAULT_NPLC = 10.0

#: Frequency/period aperture (gate time) ↔ resolution in ppm of range.
APERTURE_PPM: dict[float, float] = {0.01: 100e-6, 0.1: 10e-6, 1.0: 1e-6}
DEFAULT_APERTURE = 0.1
#: AC filter (bandwidth, Hz) → seconds per reading. The slow filter needs seconds to settle.
AC_BANDWIDTH_TIME: dict[float, float] = {3.0: 2.5, 20.0: 0.5, 200.0: 0.05}
DEFAULT_BANDWIDTH = 20.0


def resolution_factor(nplc: float) -> float:
    """Resolution as a fraction of range for an integration time in PLC (interpolated in log)."""
    if nplc in NPLC_RESOLUTION:
        return NPLC_RESOLUTION[nplc]
    # Aperture mode gives integration times between the table's columns.
    pts = NPLC_LIST
    if nplc <= pts[0]:
        return NPLC_RESOLUTION[pts[0]]
    if nplc >= pts[-1]:
        return NPLC_RESOLUTION[pts[-1]]
    for lo, hi in itertools.pairwise(pts):
        if lo <= nplc <= hi:
            f = (math.log(nplc) - math.log(lo)) / (math.log(hi) - math.log(lo))
            a, b = math.log(NPLC_RESOLUTION[lo]), math.log(NPLC_RESOLUTION[hi])
            return math.exp(a + f * (b - a))
    return NPLC_RESOLUTION[pts[-1]]  # pragma: no cover


def nplc_for_resolution(resolution: float, rng: float) -> float | None:
    """The fastest NPLC whose resolution is at least as fine as asked; None if none is."""
    for nplc in NPLC_LIST:
        if NPLC_RESOLUTION[nplc] * rng <= resolution * (1 + 1e-6):
            return nplc
    return None


@dataclass(frozen=True, slots=True)
class FuncSpec:
    """One measurement function of the meter."""

    key: str  #: the board's function key, e.g. "VOLT:DC"
    name: str  #: the meter's own name in FUNCtion? and CONFigure?, e.g. "VOLT"
    unit: str  #: unit suffix of DATA:LAST?
    ranges: tuple[float, ...]
    default_range: float
    #: 1-year accuracy per range: (ppm of reading, ppm of range)
    accuracy: dict[float, tuple[float, float]]
    #: integrating (NPLC-controlled) function
    integrating: bool = False
    #: rms noise multiplier per range on top of the NPLC resolution factor
    noise_mult: dict[float, float] = field(default_factory=dict)
    #: ranges whose overrange limit differs from 120 % (limit as a multiple of range)
    overrange: dict[float, float] = field(default_factory=dict)
    autorange: bool = True
    has_zero: bool = False  #: [SENSe:]<f>:ZERO:AUTO exists
    #: fixed time per reading (s) for non-integrating functions
    reading_time: float = 0.02
    #: sign-less function: readings are magnitudes (AC, resistance, capacitance)
    magnitude: bool = False

    def limit(self, rng: float) -> float:
        """Largest magnitude readable on a fixed range before the meter reports overload."""
        return rng * self.overrange.get(rng, 1.2)

    def noise(self, rng: float) -> float:
        return self.noise_mult.get(rng, 1.0)


_DCV = (0.1, 1.0, 10.0, 100.0, 1000.0)
_ACV = (0.1, 1.0, 10.0, 100.0, 750.0)
_DCI = (1e-6, 10e-6, 100e-6, 1e-3, 10e-3, 100e-3, 1.0, 3.0, 10.0)
_ACI = (100e-6, 1e-3, 10e-3, 100e-3, 1.0, 3.0, 10.0)
_RES = (100.0, 1e3, 10e3, 100e3, 1e6, 10e6, 100e6, 1e9)
_CAP = (1e-9, 10e-9, 100e-9, 1e-6, 10e-6, 100e-6)
_RES_ACCURACY = {100.0: (100, 40), 1e3: (100, 10), 10e3: (100, 10), 100e3: (100, 10),
                 1e6: (100, 10), 10e6: (400, 10), 100e6: (8000, 100), 1e9: (20000, 100)}

FUNCTIONS: dict[str, FuncSpec] = {
    "VOLT:DC": FuncSpec(
        "VOLT:DC", "VOLT", "VDC", _DCV, 10.0,
        {0.1: (40, 30), 1.0: (35, 6), 10.0: (30, 5), 100.0: (40, 6), 1000.0: (40, 6)},
        integrating=True, has_zero=True,
        noise_mult={0.1: 3.0, 1.0: 1.3, 100.0: 1.5, 1000.0: 1.5},
        overrange={1000.0: 1.05},
    ),
    "VOLT:AC": FuncSpec(
        "VOLT:AC", "VOLT:AC", "VAC", _ACV, 10.0,
        dict.fromkeys(_ACV, (600, 300)), overrange={750.0: 1.05}, magnitude=True,
    ),
    "CURR:DC": FuncSpec(
        "CURR:DC", "CURR", "ADC", _DCI, 0.1,
        {1e-6: (550, 200), 10e-6: (550, 200), 100e-6: (500, 250), 1e-3: (500, 50),
         10e-3: (500, 200), 100e-3: (500, 50), 1.0: (1000, 100), 3.0: (1500, 200),
         10.0: (1500, 80)},
        integrating=True, has_zero=True, noise_mult=dict.fromkeys(_DCI, 2.0),
    ),
    "CURR:AC": FuncSpec(
        "CURR:AC", "CURR:AC", "AAC", _ACI, 0.1,
        {**dict.fromkeys(_ACI, (1000, 400)), 3.0: (2000, 400), 10.0: (1500, 600)},
        magnitude=True,
    ),
    "RES": FuncSpec(
        "RES", "RES", "OHM", _RES, 1e3,
        _RES_ACCURACY,
        integrating=True, has_zero=True, magnitude=True,
        noise_mult={100.0: 3.0, 10e6: 3.0, 100e6: 10.0, 1e9: 30.0},
    ),
    "FRES": FuncSpec(
        "FRES", "FRES", "OHM", _RES, 1e3,
        _RES_ACCURACY,
        integrating=True, magnitude=True,
        noise_mult={100.0: 2.0, 10e6: 3.0, 100e6: 10.0, 1e9: 30.0},
    ),
    "FREQ": FuncSpec(
        "FREQ", "FREQ", "HZ", (300e3,), 20.0, {300e3: (70, 0)}, autorange=False,
        overrange={300e3: math.inf},
        magnitude=True,
    ),
    "PER": FuncSpec(
        "PER", "PER", "SEC", (1.0,), 0.05, {1.0: (70, 0)}, autorange=False, magnitude=True,
        overrange={1.0: math.inf},
    ),
    "CAP": FuncSpec(
        "CAP", "CAP", "F", _CAP, 1e-6,
        {1e-9: (5000, 5000), **dict.fromkeys(_CAP[1:], (4000, 1000))}, magnitude=True,
    ),
    "TEMP": FuncSpec(
        "TEMP", "TEMP", "C", (1.0,), 1.0, {1.0: (0, 50000)}, integrating=True,
        autorange=False, has_zero=True, overrange={1.0: math.inf},
    ),
    "CONT": FuncSpec(
        "CONT", "CONT", "OHM", (1e3,), 1e3, {1e3: (100, 20)}, autorange=False, magnitude=True,
    ),
    "DIOD": FuncSpec(
        "DIOD", "DIOD", "VDC", (10.0,), 10.0, {10.0: (50, 20)}, autorange=False,
        overrange={10.0: 0.5},
    ),
}

#: SCPI header stems of each function, as used in CONFigure:/MEASure:/[SENSe:] patterns.
HEADERS: dict[str, str] = {
    "VOLT:DC": "VOLTage[:DC]",
    "VOLT:AC": "VOLTage:AC",
    "CURR:DC": "CURRent[:DC]",
    "CURR:AC": "CURRent:AC",
    "RES": "RESistance",
    "FRES": "FRESistance",
    "FREQ": "FREQuency",
    "PER": "PERiod",
    "CAP": "CAPacitance",
    "TEMP": "TEMPerature",
    "CONT": "CONTinuity",
    "DIOD": "DIODe",
}

#: Frequency/period "range" is the expected signal, 3 Hz…300 kHz (3.33 µs…333 ms).
FREQ_RANGE = (3.0, 300e3)
PER_RANGE = (1 / 300e3, 1 / 3.0)


def pick_range(value: float, ranges: tuple[float, ...]) -> float | None:
    """The smallest range that holds `value` (the meter's rule for an explicit range)."""
    v = abs(value)
    for r in ranges:
        if v <= r * (1 + 1e-9):
            return r
    return None


def autorange(value: float, current: float, spec: FuncSpec) -> float:
    """Autorange as the Truevolt meters do: up above 120 % of range, down below 10 %."""
    ranges = spec.ranges
    i = ranges.index(current) if current in ranges else ranges.index(spec.default_range)
    v = abs(value)
    while i < len(ranges) - 1 and v > ranges[i] * 1.2:
        i += 1
    while i > 0 and v < ranges[i] * 0.1:
        i -= 1
    return ranges[i]
