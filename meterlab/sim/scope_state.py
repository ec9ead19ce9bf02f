"""Front-panel state of the simulated MSO1104Z and the rules that tie it together.

The numbers here are the DS1000Z/MSO1000Z programming guide's: 25 ADC codes per
vertical division around code 127, 12 horizontal divisions, 1 GSa/s shared by
the enabled channels, 12 Mpts of memory (24 Mpts with the memory option) split
the same way, and logic-analyser pods that borrow CH3's and CH4's memory. They
live apart from the command handlers so the acquisition, the waveform transfer
and the screen all derive sample rate and depth from one place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

H_DIVS = 12
V_DIVS = 8
CODES_PER_DIV = 25
Y_REF = 127
SCREEN_POINTS = 1200  # NORM read: TimeScale/100 per point
ADC_MIN, ADC_MAX = 0, 255

#: the probe physically clipped to the board: a 10:1 passive probe, as shipped.
PHYSICAL_PROBE = 10.0

PROBE_RATIOS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0,
                200.0, 500.0, 1000.0)
MAX_SRATE = 1e9
BASE_MEMORY = 12_000_000
MEMORY_OPTION = True  # the 24 Mpts option ("RL2") comes installed on this unit
#: sample rates the ADC clock can be divided down to (1-2-2.5-5 steps below 1 GSa/s)
_RATE_MANTISSAS = (1.0, 2.0, 2.5, 5.0)

ANALOG_SOURCES = ("CHANnel1", "CHANnel2", "CHANnel3", "CHANnel4")
DIGITAL_SOURCES = tuple(f"D{i}" for i in range(16))

DEFAULT_WIRING = {1: "LED_PWM", 2: "UART_TX", 3: "3V3", 4: "VBUS"}
DEFAULT_DIGITAL_WIRING = {0: "UART_TX", 1: "SCL", 2: "SDA", 3: "LED_PWM"}


def seq125(lo: float, hi: float) -> list[float]:
    """The 1-2-5 sequence between lo and hi inclusive (scales, timebases)."""
    out: list[float] = []
    exp = math.floor(math.log10(lo)) - 1
    while True:
        for m in (1.0, 2.0, 5.0):
            v = float(f"{m}e{exp}")
            if v > hi * (1 + 1e-9):
                return out
            if v >= lo * (1 - 1e-9):
                out.append(v)
        exp += 1


TIMEBASE_STEPS = seq125(5e-9, 50.0)


def snap_up(value: float, steps: list[float]) -> float:
    """The smallest step at or above value (a coarse knob never shows less than asked)."""
    for s in steps:
        if s >= value * (1 - 1e-6):
            return s
    return steps[-1]


@dataclass(slots=True)
class Channel:
    display: bool = False
    scale: float = 1.0  # V/div at the probe tip (probe ratio applied)
    offset: float = 0.0
    coupling: str = "DC"
    probe: float = 10.0
    bwlimit: str = "OFF"
    invert: bool = False
    units: str = "VOLT"
    vernier: bool = False
    tcal: float = 0.0

    @property
    def yinc(self) -> float:
        return self.scale / CODES_PER_DIV

    @property
    def yorigin(self) -> int:
        """Offset in whole ADC codes: the preamble carries it as an integer."""
        return round(self.offset / self.yinc)

    def scale_limits(self) -> tuple[float, float]:
        return 1e-3 * self.probe, 10.0 * self.probe

    def offset_limit(self) -> float:
        """±100 V at 500 mV/div and above, ±2 V below (at probe 1×), scaled by the probe."""
        per_unit = self.scale / self.probe
        return (100.0 if per_unit >= 0.5 - 1e-12 else 2.0) * self.probe


@dataclass(slots=True)
class Trigger:
    mode: str = "EDGE"
    source: str = "CHAN1"
    slope: str = "POS"
    level: float = 0.0
    sweep: str = "AUTO"
    coupling: str = "DC"
    holdoff: float = 16e-9
    nreject: bool = False
    #: pulse-width trigger (:TRIGger:PULSe), with the guide's *RST values
    pulse_source: str = "CHAN1"
    pulse_when: str = "PGR"
    pulse_width: float = 1e-6
    pulse_upper: float = 2e-6
    pulse_lower: float = 1e-6
    pulse_level: float = 0.0

    def active_source(self) -> str:
        """The channel the trigger comparator watches in the current trigger mode."""
        return self.pulse_source if self.mode == "PULS" else self.source

    def active_level(self) -> float:
        return self.pulse_level if self.mode == "PULS" else self.level


@dataclass(slots=True)
class LogicAnalyser:
    state: bool = False
    digital: list[bool] = field(default_factory=lambda: [False] * 16)
    pod_display: list[bool] = field(default_factory=lambda: [False, False])
    threshold: list[float] = field(default_factory=lambda: [1.4, 1.4])
    size: str = "MED"
    active: str = "NONE"
    labels: list[str] = field(default_factory=lambda: [f"D{i}" for i in range(16)])

    def pod_active(self, pod: int) -> bool:
        """A pod uses memory when the LA is on and any of its lines (or the pod) is shown."""
        lines = self.digital[8 * pod : 8 * pod + 8]
        return self.state and (self.pod_display[pod] or any(lines))


@dataclass(slots=True)
class Acquire:
    #: None = AUTO; else an index into `allowed_depths()`, so the depth follows the
    #: number of enabled channels the way the real one halves it (12M → 6M → 3M)
    mdepth_index: int | None = None
    #: the 24 Mpts memory option (survives *RST; :SYSTem:OPTion:UNINSTall removes it)
    memory_option: bool = MEMORY_OPTION
    type: str = "NORM"
    averages: int = 2


def memory_users(channels: dict[int, Channel], la: LogicAnalyser) -> int:
    """How many of the four memory slices are in use: CH1, CH2, CH3|pod 1, CH4|pod 2."""
    used = [channels[1].display, channels[2].display,
            channels[3].display or la.pod_active(0), channels[4].display or la.pod_active(1)]
    return max(1, sum(used))


def max_rate(users: int) -> float:
    return MAX_SRATE / (1 if users == 1 else 2 if users == 2 else 4)


def max_memory(users: int, option: bool = MEMORY_OPTION) -> int:
    total = BASE_MEMORY * (2 if option else 1)
    return total // (1 if users == 1 else 2 if users == 2 else 4)


def allowed_depths(users: int, option: bool = MEMORY_OPTION) -> list[int]:
    """The MDEPth values the guide lists for this many channels (12k … 24M per one channel)."""
    div = 1 if users == 1 else 2 if users == 2 else 4
    depths = [12_000 // div, 120_000 // div, 1_200_000 // div, 12_000_000 // div]
    if option:
        depths.append(24_000_000 // div)
    return depths


def quantise_rate(rate: float) -> float:
    """Round a rate down to what the ADC clock divider can produce."""
    if rate <= 0:
        return 1.0
    exp = math.floor(math.log10(rate))
    best = 0.0
    for e in (exp - 1, exp):
        for m in _RATE_MANTISSAS:
            v = m * 10.0**e
            if v <= rate * (1 + 1e-9):
                best = max(best, v)
    return best


def rate_and_depth(tscale: float, acq: Acquire, users: int) -> tuple[float, int]:
    """Sample rate and memory depth for the timebase, as Memory = Rate × 12 div × scale.

    With AUTO depth the scope takes the highest rate that fits the memory; with a
    fixed depth the rate follows from it and is capped by the ADC, in which case
    the record is longer than the screen.
    """
    window = H_DIVS * tscale
    if acq.mdepth_index is None:
        memory = max_memory(users, acq.memory_option)
        rate = quantise_rate(min(max_rate(users), memory / window))
        depth = min(max(1, round(rate * window)), memory)
        return rate, depth
    depths = allowed_depths(users, acq.memory_option)
    depth = depths[min(acq.mdepth_index, len(depths) - 1)]
    rate = quantise_rate(min(max_rate(users), depth / window))
    return rate, depth


def short_form(option: str) -> str:
    """`CHANnel1` → `CHAN1`, `POSitive` → `POS`: how the scope answers a query."""
    return "".join(ch for ch in option if ch.isupper() or ch.isdigit())


def pick(param: Any, options: list[str] | tuple[str, ...]) -> str:
    """Match a parameter against `NORMal`-style options; return the option's short form."""
    chosen = param.choice(list(options))
    for opt in options:
        if opt.upper() == chosen:
            return short_form(opt)
    return chosen  # pragma: no cover - choice() only returns one of the options
