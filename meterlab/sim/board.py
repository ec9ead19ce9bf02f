"""The virtual IoT sensor node behind the simulated DMM and scope: pure numpy physics.

The board is a USB-powered (VBUS) node with an LDO (3V3), a thermistor divider
(NTC), a supply-current jumper (ISUPPLY), a PWM-dimmed LED (LED_PWM), a UART
sending telemetry (UART_TX), an I²C bus to an SHT3x-style sensor at 0x44
(SCL/SDA), and an unpowered test coupon with a resistor R1, a diode D1 and a
capacitor C1. Faults change the physics at its source so that every net and
every meter function downstream sees the consequence, as on a real board.

Time is board time in seconds since power-on. The MCU's timing (PWM, UART,
I²C) runs on its crystal, which is a few ppm off per seed; mains-derived ripple
runs on real time. Every waveform is a pure function of each time value, so any
chunking of a time array gives identical samples, and for one seed the same
calls always give the same numbers. Before power-on (t < 0) the rails, PWM and
I²C already run in their steady state and the UART idles, so averaging windows
that reach back before t = 0 see a settled board rather than a cold one.

Why one long module: the virtual board is one physical model (every net a function of
board time and the faults); splitting it would split nets that depend on each other (a
stuck PWM also raises the supply current).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from meterlab.sim.board_signals import (
    MAX_DENSE_LINES,
    edges,
    i2c_slots,
    sensirion_crc8,
    uart_frame_bits,
)

FAULTS: tuple[str, ...] = ("ldo_drift", "supply_ripple", "pwm_stuck", "uart_baud", "r1_open",
                           "i2c_nak")

NETS: tuple[str, ...] = ("VBUS", "3V3", "NTC", "ISUPPLY", "LED_PWM", "UART_TX", "SCL", "SDA",
                         "R1", "D1", "C1", "GND")

#: Nets driven by the MCU in 3.3 V logic (logic() compares them with mid-supply).
DIGITAL_NETS: tuple[str, ...] = ("LED_PWM", "UART_TX", "SCL", "SDA")

FUNCTIONS: tuple[str, ...] = ("VOLT:DC", "VOLT:AC", "CURR:DC", "CURR:AC", "RES", "FRES", "FREQ",
                              "PER", "CAP", "TEMP", "CONT", "DIOD")

# --- nominal design values --------------------------------------------------------------
VBUS_NOMINAL = 5.00
V3V3_NOMINAL = 3.30
V3V3_DRIFTED = 3.05  #: the LDO's output with `ldo_drift`
NTC_R25 = 10_000.0
NTC_BETA = 3950.0
NTC_PULLUP = 10_000.0  #: from 3V3 to the NTC node; the NTC goes from the node to GND
R1_NOMINAL = 4_700.0
C1_NOMINAL = 100e-9
D1_VF25 = 0.620  #: silicon diode forward voltage at the meter's 1 mA test current, 25 °C
D1_TEMPCO = -2.0e-3  #: V/°C
DIOD_TEST_CURRENT = 1e-3
MCU_CURRENT = 37.0e-3  #: everything but the LED, drawn from VBUS through the LDO
LED_VF = 2.0
LED_RESISTOR = 65.0  #: (3.30 V - 2.0 V) / 65 Ω = 20 mA while the LED is on
HUMIDITY = 45.0  #: %RH the I²C sensor reports
TEMPERATURE_RANGE = (-55.0, 150.0)  #: °C the parts (and the B equation) are good for

# --- timing (MCU time, on its crystal) ---------------------------------------------------
PWM_FREQUENCY = 1_000.0
PWM_DUTY = 0.25
UART_BAUD = 9_600.0
UART_BAUD_FAULT = 9_000.0
UART_LINE_PERIOD = 0.100  #: one telemetry line every 100 ms
UART_START = 0.005  #: line k's start bit begins at (UART_START + k·UART_LINE_PERIOD) / clock
I2C_ADDRESS = 0x44
I2C_BIT_RATE = 100_000.0
I2C_PERIOD = 0.010  #: one sensor read every 10 ms
I2C_OFFSET = 0.002  #: read j's START begins at (I2C_OFFSET + j·I2C_PERIOD) / clock
RIPPLE_FREQUENCY = 100.0  #: full-wave rectified 50 Hz mains behind a poor USB supply

# --- edges and ripple --------------------------------------------------------------------
TAU_PUSH_PULL = 8e-9  #: RC of a driven edge: 10–90 % in about 18 ns
TAU_I2C_RISE = 150e-9  #: open drain with a 4.7 kΩ pull-up on ~30 pF: 10–90 % in ~330 ns
TAU_I2C_FALL = 5e-9
#: (amplitude V, frequency Hz) of the small switching residue always on the rails
VBUS_NOISE = ((2.0e-3, 31_250.0), (0.6e-3, 217_000.0))
V3V3_NOISE = ((0.4e-3, 31_250.0),)
#: 100 Hz ripple with `supply_ripple`: (amplitude V, harmonic) — about 0.3 V p-p on VBUS
VBUS_RIPPLE = ((0.150, 1), (0.030, 2))
V3V3_RIPPLE = ((0.020, 1), (0.004, 2))
#: the 34465A's counter needs roughly this much AC (V rms) before it counts
COUNTER_SENSITIVITY = 5e-3

CLOCK_PPM = 20.0  #: crystal tolerance
COMPONENT_TOL = 1e-3  #: 0.1 %: well inside the ±1 % limits of the shipped plans

#: analog() works through long time arrays this many samples at a time (cache-sized)
BLOCK = 1 << 16


class UnknownNetError(KeyError, ValueError):
    """A net name the board does not have (a KeyError and a ValueError, for either caller)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown net"


class Board:
    """The virtual board: component values from the seed, faults and temperature as state."""

    nets: tuple[str, ...] = NETS

    def __init__(self, seed: int = 0, faults: Iterable[str] = ()) -> None:
        self.seed = int(seed)
        entropy = [0x4D4C, abs(self.seed), int(self.seed < 0)]
        rng = np.random.default_rng(np.random.SeedSequence(entropy))
        dev = [float(x) for x in rng.uniform(-1.0, 1.0, size=12)]
        tol = COMPONENT_TOL
        self.vbus_dc = VBUS_NOMINAL * (1 + 0.5 * tol * dev[0])
        self._ldo_trim = 1 + 0.5 * tol * dev[1]
        self.ntc_r25 = NTC_R25 * (1 + tol * dev[2])
        self.ntc_pullup = NTC_PULLUP * (1 + tol * dev[3])
        self.r1_ohms = R1_NOMINAL * (1 + tol * dev[4])
        self.c1_farads = C1_NOMINAL * (1 + tol * dev[5])
        self.d1_vf25 = D1_VF25 * (1 + tol * dev[6])
        self.mcu_current = MCU_CURRENT * (1 + tol * dev[7])
        self.led_resistor = LED_RESISTOR * (1 + 0.5 * tol * dev[8])
        #: MCU time runs `clock` times faster than board time
        self.clock = 1 + CLOCK_PPM * 1e-6 * dev[9]
        self._phases = [float(x) for x in rng.uniform(0.0, 2 * math.pi, size=8)]
        self._faults: frozenset[str] = frozenset()
        self._temperature_c = 25.0
        self._i2c_cache: dict[tuple[float, bool], tuple[np.ndarray, np.ndarray]] = {}
        for name in faults:
            self.set_fault(name, True)

    # --- state -----------------------------------------------------------------------

    def has_net(self, name: str) -> bool:
        return str(name).upper() in NETS

    def set_fault(self, name: str, on: bool) -> None:
        key = str(name).strip().lower()
        if key not in FAULTS:
            raise ValueError(f"The board has no fault called {name!r}; "
                             f"choose one of {', '.join(FAULTS)}.")
        # a new frozenset, never a mutation: instrument threads read it concurrently
        self._faults = self._faults | {key} if on else self._faults - {key}

    @property
    def temperature_c(self) -> float:
        """Board (and NTC, and sensor) temperature in °C; 25.0 at power-on."""
        return self._temperature_c

    @temperature_c.setter
    def temperature_c(self, value: float) -> None:
        v = float(value)
        if not TEMPERATURE_RANGE[0] <= v <= TEMPERATURE_RANGE[1]:
            raise ValueError(f"A board temperature of {v} °C is outside what its parts survive "
                             f"({TEMPERATURE_RANGE[0]} °C to {TEMPERATURE_RANGE[1]} °C).")
        self._temperature_c = v

    @property
    def active_faults(self) -> tuple[str, ...]:
        return tuple(sorted(self._faults))

    def _on(self, fault: str) -> bool:
        return fault in self._faults

    def _net(self, name: str) -> str:
        key = str(name).strip().upper()
        if key not in NETS:
            raise UnknownNetError(f"The board has no net called {name!r}; "
                                  f"its nets are {', '.join(NETS)}.")
        return key

    # --- DC operating point -----------------------------------------------------------

    @property
    def v3v3_dc(self) -> float:
        """The LDO's output: its trimmed nominal, or the sagged value with `ldo_drift`."""
        return (V3V3_DRIFTED if self._on("ldo_drift") else V3V3_NOMINAL) * self._ldo_trim

    @property
    def ntc_ohms(self) -> float:
        """The thermistor at `temperature_c` from its B-parameter equation."""
        t = self.temperature_c + 273.15
        return self.ntc_r25 * math.exp(NTC_BETA * (1.0 / t - 1.0 / 298.15))

    @property
    def ntc_ratio(self) -> float:
        return self.ntc_ohms / (self.ntc_ohms + self.ntc_pullup)

    @property
    def pwm_duty(self) -> float:
        return 1.0 if self._on("pwm_stuck") else PWM_DUTY

    @property
    def led_current(self) -> float:
        """LED current while it is on: (3V3 − Vf) / R, so a sagging LDO dims it."""
        return max(self.v3v3_dc - LED_VF, 0.0) / self.led_resistor

    @property
    def supply_current(self) -> float:
        """Average current into VBUS: the MCU plus the LED for its share of each period."""
        return self.mcu_current + self.pwm_duty * self.led_current

    @property
    def baud(self) -> float:
        """UART bit rate in board time (the MCU's nominal rate on its crystal)."""
        return (UART_BAUD_FAULT if self._on("uart_baud") else UART_BAUD) * self.clock

    @property
    def pwm_frequency(self) -> float:
        return PWM_FREQUENCY * self.clock

    def i2c_data(self) -> list[int]:
        """The six bytes the sensor returns: temperature word, CRC, humidity word, CRC."""
        raw_t = round((self.temperature_c + 45.0) / 175.0 * 65535.0)
        raw_t = min(max(raw_t, 0), 65535)
        raw_h = round(HUMIDITY / 100.0 * 65535.0)
        out: list[int] = []
        for word in (raw_t, raw_h):
            pair = bytes((word >> 8, word & 0xFF))
            out += [pair[0], pair[1], sensirion_crc8(pair)]
        return out

    def i2c_slots(self) -> tuple[np.ndarray, np.ndarray]:
        """SCL and SDA states of one read, a quarter bit (2.5 µs of MCU time) per slot.

        Kept per (temperature, NAK) because a trigger search calls analog() on
        small arrays many times; the tables are never modified once built.
        """
        key = (self._temperature_c, self._on("i2c_nak"))
        cached = self._i2c_cache.get(key)
        if cached is None:
            cached = i2c_slots(I2C_ADDRESS, self.i2c_data(), ack=not key[1])
            for table in cached:
                table.flags.writeable = False
            if len(self._i2c_cache) > 64:
                self._i2c_cache.clear()
            self._i2c_cache[key] = cached
        return cached

    # --- telemetry -------------------------------------------------------------------

    def uart_line(self, index: int) -> str:
        """Telemetry line `index` as the MCU sends it, including its CR LF.

        Temperature comes from the I²C sensor, V from the MCU's own supply
        measurement and I from its current sense, so a fault on the board shows
        in the text too; the counter wraps at 10000.
        """
        return (f"T={self.temperature_c:.1f}C V={self.v3v3_dc:.2f} "
                f"I={self.supply_current * 1e3:.1f}mA #{int(index) % 10000:04d}\r\n")

    def uart_line_start(self, index: int) -> float:
        """Board time at which line `index`'s first start bit begins."""
        return (UART_START + int(index) * UART_LINE_PERIOD) / self.clock

    def i2c_read_start(self, index: int) -> float:
        """Board time at which sensor read `index` begins (SDA falls for START)."""
        return (I2C_OFFSET + int(index) * I2C_PERIOD) / self.clock

    # --- waveforms -------------------------------------------------------------------

    def _tones(self, t: np.ndarray, tones: tuple[tuple[float, float], ...], base: int,
               fundamental: float | None = None) -> np.ndarray:
        out = np.zeros(t.shape, dtype=np.float64)
        for i, (amp, f) in enumerate(tones):
            freq = f * fundamental if fundamental is not None else f
            out += amp * np.sin(2 * math.pi * freq * t + self._phases[base + i])
        return out

    def _rail(self, net: str, t: np.ndarray) -> np.ndarray:
        if net == "3V3":
            v = self.v3v3_dc + self._tones(t, V3V3_NOISE, 0)
            ripple = V3V3_RIPPLE
        else:
            v = self.vbus_dc + self._tones(t, VBUS_NOISE, 2)
            ripple = VBUS_RIPPLE
        if self._on("supply_ripple"):
            v += self._tones(t, tuple((a, h) for a, h in ripple), 5, RIPPLE_FREQUENCY)
        return v

    def analog(self, net: str, t: np.ndarray) -> np.ndarray:
        """Volts (float64) on `net` at board times `t`, vectorised, no instrument noise.

        Meant for finite times within about ±1e9 s; edges keep their shape for
        |t| up to ~1e6 s, beyond that float64 phase resolution coarsens them.
        Large arrays are worked through in blocks that stay in the CPU cache;
        since each sample depends on its own time alone, that changes nothing.
        """
        key = self._net(net)
        t = np.asarray(t, dtype=np.float64)
        if t.ndim != 1:
            return self.analog(key, t.ravel()).reshape(t.shape)
        if t.size <= BLOCK:
            return self._analog(key, t)
        out = np.empty(t.shape, dtype=np.float64)
        for i in range(0, t.size, BLOCK):
            out[i : i + BLOCK] = self._analog(key, t[i : i + BLOCK])
        return out

    def _analog(self, key: str, t: np.ndarray) -> np.ndarray:
        if key in ("GND", "R1", "D1", "C1"):
            return np.zeros(t.shape, dtype=np.float64)
        if key in ("VBUS", "ISUPPLY"):
            return self._rail("VBUS", t)
        if key in DIGITAL_NETS:
            # Output drivers follow the rail's DC and its 100 Hz ripple; the sub-mV
            # switching residue is left out of them, far below what a scope resolves.
            level = self._level(key, t)
            high = self.v3v3_dc
            if self._on("supply_ripple"):
                return level * (high + self._tones(t, V3V3_RIPPLE, 5, RIPPLE_FREQUENCY))
            return level * high
        v3 = self._rail("3V3", t)
        if key == "3V3":
            return v3
        return v3 * self.ntc_ratio

    def logic(self, net: str, t: np.ndarray) -> np.ndarray:
        """True where the net is above mid-supply of the 3.3 V logic (as a receiver sees it)."""
        return self.analog(net, t) > 0.5 * self.v3v3_dc

    def _level(self, net: str, t: np.ndarray) -> np.ndarray:
        """Fraction of the 3V3 rail a digital net sits at, with finite edges."""
        if net == "LED_PWM":
            if self._on("pwm_stuck"):
                return np.ones(t.shape, dtype=np.float64)
            x = t * self.pwm_frequency  # cycles
            ph = x - np.floor(x)
            cur = ph < PWM_DUTY
            dt = (ph - np.where(cur, 0.0, PWM_DUTY)) / self.pwm_frequency
            return edges(cur, dt, lambda i: ~cur[i], TAU_PUSH_PULL, TAU_PUSH_PULL)
        if net == "UART_TX":
            return self._uart_level(t)
        scl, sda = self.i2c_slots()
        table = np.append(scl if net == "SCL" else sda, True)  # last slot: the idle bus
        n = table.size - 1
        slots_per_s = 4 * I2C_BIT_RATE * self.clock  # board time
        x = (t - I2C_OFFSET / self.clock) / (I2C_PERIOD / self.clock)
        x = x - np.floor(x)  # fraction of the read period
        sx = x * (I2C_PERIOD * 4 * I2C_BIT_RATE)
        pos = np.minimum(np.floor(sx), n).astype(np.int64)
        cur = table[pos]
        # between reads the bus idles: no edges there, so no edge arithmetic either
        dt = np.where(pos < n, (sx - pos) / slots_per_s, np.inf)
        return edges(cur, dt, lambda i: table[pos[i] - 1], TAU_I2C_RISE, TAU_I2C_FALL)

    def _uart_level(self, t: np.ndarray) -> np.ndarray:
        out = np.ones(t.shape, dtype=np.float64)
        if t.size == 0:
            return out
        line_period = UART_LINE_PERIOD / self.clock
        first = UART_START / self.clock
        kf = np.floor((t - first) / line_period)
        busy = kf >= 0
        if not busy.any():
            return out
        whole = bool(busy.all())
        tb = t if whole else t[busy]
        kb = kf if whole else kf[busy]
        kmin, kmax = float(kb.min()), float(kb.max())
        if kmax - kmin < MAX_DENSE_LINES:
            lines = np.arange(int(kmin), int(kmax) + 1)
            row = (kb - kmin).astype(np.int64)
        else:
            lines, row = np.unique(kb.astype(np.int64), return_inverse=True)
        frames = [uart_frame_bits(self.uart_line(int(j))) for j in lines]
        width = max(f.size for f in frames) + 1
        table = np.ones((len(frames), width), dtype=bool)  # last column: idle after the line
        for i, f in enumerate(frames):
            table[i, : f.size] = f
        flat = table.ravel()
        baud = self.baud
        bx = (tb - (first + kb * line_period)) * baud  # bits into the line
        pos = np.minimum(np.floor(bx), width - 1).astype(np.int64)
        cur = flat[row * width + pos]
        dt = (bx - pos) / baud

        def prev(i: np.ndarray) -> np.ndarray:
            p = pos[i] - 1
            res = np.ones(i.shape, dtype=bool)
            ok = p >= 0
            res[ok] = flat[row[i][ok] * width + p[ok]]
            return res

        level = edges(cur, dt, prev, TAU_PUSH_PULL, TAU_PUSH_PULL)
        if whole:
            return level
        out[busy] = level
        return out

    def next_edge(self, net: str, t: float, level: float, rising: bool) -> float | None:
        """Board time of the next crossing of `level` after `t` (None if none within 1 s).

        A coarse-to-fine search on analog(): cheap enough for a trigger, and it
        always agrees with the samples analog() produces.
        """
        key = self._net(net)
        span, step = 1.0, 1e-6 if key in DIGITAL_NETS else 2e-5
        start = float(t)
        while start < t + span:
            n = 200_000
            ts = start + np.arange(1, n + 1) * step
            v = self.analog(key, np.concatenate(([start], ts)))
            above = v >= level
            hit = np.flatnonzero(above[1:] & ~above[:-1] if rising else ~above[1:] & above[:-1])
            if hit.size:
                lo = start if hit[0] == 0 else float(ts[hit[0] - 1])
                hi = float(ts[hit[0]])
                for _ in range(60):
                    mid = 0.5 * (lo + hi)
                    a = self.analog(key, np.array([mid]))[0] >= level
                    if a == rising:
                        hi = mid
                    else:
                        lo = mid
                return hi
            start = float(ts[-1])
        return None

    # --- meter functions -------------------------------------------------------------

    def measure(self, function: str, hi: str, lo: str = "GND") -> float:
        """The true value an ideal meter with probes on (hi, lo) reads, in base units.

        Choices where a real meter's reading would be meaningless: resistance,
        continuity, diode and capacitance on a powered net read as beyond range
        (math.inf), as does an open resistor; FREQ and PER read 0.0 where there
        is no signal above the counter's sensitivity, as the 34465A shows 0.
        CURR:DC/AC on ISUPPLY means the meter replaces the supply jumper and is in
        series with the whole board; on any other net it carries no current here.
        TEMP is the board temperature wherever the probe touches. FREQ on a
        bursty digital net (UART_TX, SCL, SDA) is its rising edges per second,
        what a counter with a 1 s gate shows; on the PWM it is the PWM frequency.
        VOLT:AC of a probe pair adds the two nets' AC in quadrature.
        """
        fn = str(function).strip().upper()
        if fn not in FUNCTIONS:
            raise ValueError(f"unknown meter function {function!r}; one of {', '.join(FUNCTIONS)}")
        h, low = self._net(hi), self._net(lo)
        if fn == "VOLT:DC":
            return self._dc(h) - self._dc(low)
        if fn == "VOLT:AC":
            return math.hypot(self._ac(h), self._ac(low))
        if fn in ("FREQ", "PER"):
            f = self._freq(h) or self._freq(low)
            if fn == "FREQ":
                return f
            return 1.0 / f if f > 0 else 0.0
        if fn == "CURR:DC":
            return self.supply_current if "ISUPPLY" in (h, low) else 0.0
        if fn == "CURR:AC":
            if "ISUPPLY" not in (h, low):
                return 0.0
            d = self.pwm_duty
            return self.led_current * math.sqrt(d * (1 - d))
        if fn == "TEMP":
            return float(self.temperature_c)
        return self._passive(fn, h, low)

    def volts_between(self, hi: str, lo: str = "GND") -> float:
        """DC volts from `lo` to `hi`: what the meter's current input would be shorted across
        (the simulated 34465A blows its fuse on it; see Keysight34465A.check_fuse)."""
        return self._dc(self._net(hi)) - self._dc(self._net(lo))

    def _passive(self, fn: str, h: str, low: str) -> float:
        """RES, FRES, CONT, DIOD and CAP on the unpowered coupon (R1, D1, C1 to GND)."""
        if h == low:
            return math.inf if fn == "CAP" else 0.0
        pair = {h, low}
        if not pair <= {"GND", "R1", "D1", "C1"}:
            return math.inf
        if pair != {"GND", "R1"} and pair != {"GND", "D1"} and pair != {"GND", "C1"}:
            # two parts of the coupon in series through GND
            parts = pair - {"GND"}
            if "C1" in parts:
                return math.inf if fn != "CAP" else 0.0
            return math.inf
        part = (pair - {"GND"}).pop()
        forward = h == part
        if fn == "CAP":
            return self.c1_farads if part == "C1" else (math.inf if part == "R1" else 0.0)
        if part == "C1":
            return math.inf
        if part == "R1":
            if self._on("r1_open"):
                return math.inf
            if fn == "DIOD":
                return self.r1_ohms * DIOD_TEST_CURRENT
            return self.r1_ohms
        # D1: conducts only with the red lead on its anode
        if not forward:
            return math.inf
        vf = self.d1_vf25 + D1_TEMPCO * (self.temperature_c - 25.0)
        if fn == "DIOD":
            return vf
        return vf / DIOD_TEST_CURRENT

    def _dc(self, net: str) -> float:
        if net in ("GND", "R1", "D1", "C1"):
            return 0.0
        if net in ("VBUS", "ISUPPLY"):
            return self.vbus_dc
        v3 = self.v3v3_dc
        if net == "3V3":
            return v3
        if net == "NTC":
            return v3 * self.ntc_ratio
        return v3 * self._mean_level(net)

    def _high_fraction(self, net: str) -> tuple[float, int, float, float]:
        """(time-high fraction, edges per period, period in board s, rise tau) of a digital net."""
        if net == "LED_PWM":
            if self._on("pwm_stuck"):
                return 1.0, 0, 1.0 / self.pwm_frequency, TAU_PUSH_PULL
            return PWM_DUTY, 1, 1.0 / self.pwm_frequency, TAU_PUSH_PULL
        if net == "UART_TX":
            bits = uart_frame_bits(self.uart_line(0))
            period = UART_LINE_PERIOD / self.clock
            low = np.count_nonzero(~bits) / self.baud
            rises = int(np.count_nonzero(bits[1:] & ~bits[:-1]))
            return 1.0 - low / period, rises, period, TAU_PUSH_PULL
        scl, sda = self.i2c_slots()
        table = scl if net == "SCL" else sda
        period = I2C_PERIOD / self.clock
        low = np.count_nonzero(~table) * 0.25 / I2C_BIT_RATE / self.clock
        rises = int(np.count_nonzero(table[1:] & ~table[:-1]))
        return 1.0 - low / period, rises, period, TAU_I2C_RISE

    def _mean_level(self, net: str) -> float:
        """Time average of the level, including the charge lost on slow edges."""
        p, rises, period, tau_r = self._high_fraction(net)
        tau_f = TAU_I2C_FALL if net in ("SCL", "SDA") else TAU_PUSH_PULL
        return p - rises * (tau_r - tau_f) / period

    def _ac(self, net: str) -> float:
        """AC rms (V) of a net: rail noise and ripple, or a digital net's square wave."""
        if net in ("GND", "R1", "D1", "C1"):
            return 0.0
        ripple = self._on("supply_ripple")
        if net in ("VBUS", "ISUPPLY"):
            tones = VBUS_NOISE + (VBUS_RIPPLE if ripple else ())
            return math.sqrt(sum(a * a / 2 for a, _ in tones))
        rail = math.sqrt(sum(a * a / 2 for a, _ in V3V3_NOISE + (V3V3_RIPPLE if ripple else ())))
        if net == "3V3":
            return rail
        if net == "NTC":
            return rail * self.ntc_ratio
        p = self._high_fraction(net)[0]
        return self.v3v3_dc * math.sqrt(max(p * (1 - p), 0.0))

    def _freq(self, net: str) -> float:
        """What a reciprocal counter with a 1 s gate reads: the signal's rate of rising edges."""
        if net in DIGITAL_NETS:
            _, rises, period, _ = self._high_fraction(net)
            return rises / period if rises else 0.0
        if self._ac(net) >= COUNTER_SENSITIVITY and self._on("supply_ripple"):
            return RIPPLE_FREQUENCY
        return 0.0
