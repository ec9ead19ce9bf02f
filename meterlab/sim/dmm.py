"""Simulated Keysight 34465A (Truevolt, with the DIG and MEM options).

The meter is split into focused parts: `dmm_spec` (functions, ranges, NPLC and
accuracy tables), `dmm_acquire` (the lazily computed trigger system and reading
memory), `dmm_config` (CONFigure/MEASure/SENSe/FUNCtion), `dmm_system` (SYSTem,
DISPlay, STATus, FORMat, SIMulation:PROBe and :FUSE), `dmm_trigger` (TRIGger, SAMPle),
`dmm_calc` (CALCulate: null, limits, statistics on readings entering memory). This
module ties them together and holds the measurement commands: INITiate, READ?,
FETCh?, ABORt, R?, DATA:*.

Timing follows the real meter at 50 Hz mains: a reading integrates for NPLC/50 s
(doubled by auto-zero), so `READ?` of ten readings at NPLC 1 takes at least
0.2 s, and the fastest buffered rate is 50 kSa/s (NPLC 0.001, auto-zero off).
Queries that wait (READ?, FETCh?, DATA:REMove? …,WAIT, *OPC?) release the
instrument lock while waiting, so another connection can drain readings with
R? or send ABORt meanwhile.

The trigger system and reading memory belong to the meter, not to a connection: a
client that disconnects (or whose link breaks mid-reply) leaves the acquisition
running and its readings in memory for the next connection, as on the real meter,
where a measurement ends only by ABORt, *RST, CONFigure/MEASure?, a function change,
a device clear or its count being reached (Truevolt Operating and Service Guide,
INITiate and ABORt). A reply whose connection is gone is lost with it: R? has
already removed its readings from memory.

Why one long module: the 34465A's measurement model (functions, ranges, overload, NPLC
timing, reading memory) is one state machine; its configuration, triggering and system
commands are in their own modules.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from meterlab.sim.dmm_acquire import (
    Acquisition,
    ReadingMemory,
    Timing,
    choose_range,
    make_readings,
    noise_block,
)
from meterlab.sim.dmm_calc import CalcMixin
from meterlab.sim.dmm_config import ConfigMixin, FuncSettings, default_settings
from meterlab.sim.dmm_spec import (
    AC_BANDWIDTH_TIME,
    FUNCTIONS,
    LINE_FREQUENCY,
    MEMORY_SIZE,
    NOT_A_NUMBER,
    OVERLOAD,
    FuncSpec,
    resolution_factor,
)
from meterlab.sim.dmm_system import QUES_MEMORY_OVERFLOW, SystemMixin
from meterlab.sim.dmm_trigger import TriggerMixin
from meterlab.sim.instrument import STB_OPER, STB_QUES, SimInstrument
from meterlab.sim.scpi import Call, SCPIError, block

if TYPE_CHECKING:
    from meterlab.sim.board import Board

_FMT = "{:+.8E}".format
_FUNC_INDEX = {key: i for i, key in enumerate(FUNCTIONS)}
#: When DC volts are digitised from the board's waveform: one point per 20 µs of
#: aperture (the 34465A's fastest sample), at most this many points per reading.
DIGITIZE_STEP = 20e-6
DIGITIZE_SUBSAMPLES = 64
DIGITIZE_CHUNK = 1 << 18  #: waveform points evaluated at once
#: Operation register condition bits of the Truevolt meters.
OPER_MEASURING = 1 << 4
OPER_WAIT_TRIGGER = 1 << 5


def csv(values: np.ndarray) -> str:
    """Readings as the meter sends them: `+3.29053020E+00,…`."""
    return ",".join(map(_FMT, values.tolist()))


class Keysight34465A(ConfigMixin, SystemMixin, TriggerMixin, CalcMixin, SimInstrument):
    """The DMM; `SimulatedBench` builds it as `Keysight34465A(board, seed=seed)`."""

    identity = ("Keysight Technologies", "34465A", "MY59001442", "A.03.01-03.15-03.01-00.52-03-02")
    int_format = "{:+d}"  # the Truevolt guide prints *ESR? as +24
    error_detail = False  # the guide's SYSTem:ERRor? example: -113,"Undefined header"

    def __init__(self, board: Board, seed: int = 0) -> None:
        self.seed = seed
        self.probe: tuple[str, str] = ("3V3", "GND")
        self.memory = ReadingMemory(MEMORY_SIZE)
        self.acq: Acquisition | None = None
        self.acq_serial = 0
        #: readings made by acquisitions already ended (SIMulation:READings? adds the running one)
        self.produced_done = 0
        self.clock = time.monotonic
        self.ident = "DEFAULT"
        #: the 3 A current input's fuse; blown by the A input across a voltage, it stays
        #: blown through *RST until SIMulation:FUSE:REPLace (a person swaps it)
        self.fuse_blown = False
        super().__init__(board)
        self._cond = threading.Condition(self.lock)

    # -- SimInstrument hooks ----------------------------------------------------------------

    def build(self) -> None:
        self.build_config()
        self.build_system()
        t = self.table
        t.add("INITiate[:IMMediate]", set=self._init)
        t.add("READ", query=self._read_q)
        t.add("FETCh", query=self._fetch_q)
        t.add("ABORt", set=self._abort)
        t.add("R", query=self._r_q)
        t.add("DATA:REMove", query=self._remove_q)
        t.add("DATA:POINts", query=self._points_q)
        t.add("DATA:LAST", query=self._last_q)
        self.build_trigger()
        self.build_calc()

    def reset(self) -> None:
        """*RST: DC volts, autorange, NPLC 10, one reading per IMMediate trigger, memory cleared."""
        self._drop_acquisition()
        self.function = "VOLT:DC"
        self.settings: dict[str, FuncSettings] = default_settings()
        self.freq_aperture = 0.1
        self.sample_count = 1
        self.trigger_count: int | None = 1
        self.trigger_source = "IMMEDIATE"
        self.trigger_delay = 0.0
        self.trigger_delay_auto = True
        self.trigger_slope = "POSITIVE"
        self.trigger_level = 0.0
        self.sample_source = "IMMEDIATE"
        self.sample_timer = 1.0
        self.pretrigger = 0
        self.temp_unit = "C"
        self.reset_system()
        self.reset_calc()

    def wait_complete(self) -> None:
        """*OPC?/*WAI: wait for a running measurement unless it waits for triggers."""
        acq = self.acq
        if acq is None or acq.end is not None:
            return
        if acq.complete_at() is not None:
            self._wait_done(acq, forever=False)
            return
        # Waiting for BUS/EXT triggers: finish the bursts already triggered, then return.
        while self.acq is acq and acq.end is None:
            busy = acq.busy_until() - self.clock()
            if busy <= 0:
                return
            self._cond.wait(timeout=min(busy, 0.5))

    def bus_trigger(self) -> None:
        self._trigger("BUS")

    def external_trigger(self) -> None:
        """SIMulation:TRIGger: a pulse on the rear-panel Ext Trig input."""
        self._trigger("EXTERNAL")

    def _trigger(self, source: str) -> None:
        """A trigger counts only while an acquisition on that source waits for one (-211)."""
        acq = self.acq
        if acq is None or acq.source != source or not self.active():
            raise SCPIError(-211)
        if not acq.trigger(self.clock()):
            raise SCPIError(-211)
        self._notify()

    def status_byte_extra(self) -> int:
        self._catch_up()
        stb = 0
        if self.questionable & self.ques_enable:
            stb |= STB_QUES
        if self.operation_condition() & self.oper_enable:
            stb |= STB_OPER
        return stb

    def _fault(self, c: Call) -> None:
        self._catch_up()  # readings taken before the fault keep the board as it was
        super()._fault(c)

    def _temp(self, c: Call) -> None:
        self._catch_up()
        super()._temp(c)

    # -- the acquisition engine ---------------------------------------------------------------

    @property
    def spec(self) -> FuncSpec:
        return FUNCTIONS[self.function]

    def _notify(self) -> None:
        cond = getattr(self, "_cond", None)
        if cond is not None:
            cond.notify_all()

    def _drop_acquisition(self) -> None:
        """Function change, CONFigure, *RST: abort and clear reading memory.

        The readings measured up to now count as produced even though nobody asked for
        them before they were cleared: the meter did take them (SIMulation:READings? and
        the fault suite count what a restart threw away)."""
        if self.acq is not None:
            acq = self.acq
            if acq.end is None:
                acq.produced = max(acq.produced, acq.available(self.clock()))
            self.acq.end = self.acq.produced
            self.produced_done += self.acq.produced
        self.acq = None
        self.memory.clear()
        if hasattr(self, "ques_condition"):
            self.ques_condition &= ~QUES_MEMORY_OVERFLOW
        self._notify()

    def active(self) -> bool:
        """True between INITiate and the last reading (or ABORt)."""
        acq = self.acq
        if acq is None or acq.end is not None:
            return False
        total = acq.total
        return total is None or acq.available(self.clock()) < total

    def operation_condition(self) -> int:
        acq = self.acq
        if not self.active() or acq is None:
            return 0
        if acq.waiting_for_trigger(self.clock()):
            return OPER_WAIT_TRIGGER
        return OPER_MEASURING

    def integration_time(self, st: FuncSettings) -> float:
        if st.aperture_on:
            return st.aperture
        return st.nplc / LINE_FREQUENCY

    def reading_time(self) -> float:
        """Seconds from the start of one sample to its value, for the present settings."""
        spec, st = self.spec, self.settings[self.function]
        if spec.integrating:
            t = self.integration_time(st)
            if (spec.has_zero and st.zero) or self.function == "FRES":
                t *= 2  # the zero (or 4-wire offset) measurement after each reading
            if st.offset_comp:
                t *= 2  # a second reading with the test current off
            return max(t, 20e-6)
        if self.function in ("VOLT:AC", "CURR:AC"):
            return AC_BANDWIDTH_TIME[st.bandwidth]
        if self.function in ("FREQ", "PER"):
            return self.freq_aperture
        if self.function == "CAP":
            return 0.5 if st.range >= 100e-6 else (0.1 if st.range >= 10e-6 else 0.05)
        return self.spec.reading_time

    def auto_delay(self) -> float:
        spec, st = self.spec, self.settings[self.function]
        if spec.integrating:
            return 1.5e-3 if self.integration_time(st) >= 1 / LINE_FREQUENCY else 0.0
        return 0.0

    def effective_delay(self) -> float:
        return self.auto_delay() if self.trigger_delay_auto else self.trigger_delay

    def _timing(self) -> Timing:
        t_read = self.reading_time()
        interval = t_read
        if self.sample_source == "TIMER":
            interval = max(self.sample_timer, t_read)
        return Timing(t_read, interval, self.effective_delay(), self.sample_count,
                      self.trigger_count)

    def _initiate(self) -> Acquisition:
        self._drop_acquisition()
        self.acq_serial += 1
        st = self.settings[self.function]
        spec = self.spec
        self.acq = Acquisition(
            serial=self.acq_serial,
            t0=self.clock(),
            timing=self._timing(),
            # INTernal is level triggering: on the board's steady signals it fires at once.
            source="IMMEDIATE" if self.trigger_source == "INTERNAL" else self.trigger_source,
            spec=spec,
            rng_fixed=not (st.auto and spec.autorange),
            range=st.range,
            settings=replace(st),
            probe=self.probe,
        )
        return self.acq

    def _catch_up(self) -> None:
        """Make every reading that exists by now and put it in reading memory."""
        acq = self.acq
        if acq is None:
            return
        n = acq.available(self.clock())
        count = n - acq.produced
        if count <= 0:
            return
        if count > self.memory.capacity:
            # Readings nobody could ever read: the oldest were overwritten anyway.
            acq.produced += count - self.memory.capacity
            count = self.memory.capacity
            self.memory.overflowed = True
        values = self.apply_math(self._generate(acq, acq.produced, count))
        acq.produced += count
        self.memory.append(values)
        if self.memory.overflowed and not self.ques_condition & QUES_MEMORY_OVERFLOW:
            # The event register latches the condition's rising edge only.
            self.ques_condition |= QUES_MEMORY_OVERFLOW
            self.questionable |= QUES_MEMORY_OVERFLOW

    def true_value(self, function: str, probe: tuple[str, str]) -> float:
        """What an ideal meter would read, from the board, in the meter's units."""
        if function.startswith("CURR"):
            self.check_fuse()
            if self.fuse_blown:
                return 0.0  # no current path through the meter any more
        try:
            value = float(self.board.measure(function, probe[0], probe[1]))
        except (KeyError, ValueError, TypeError):
            return math.inf
        if function == "TEMP" and math.isfinite(value):
            if self.temp_unit == "F":
                value = value * 9 / 5 + 32
            elif self.temp_unit == "K":
                value = value + 273.15
        return value

    def _generate(self, acq: Acquisition, start: int, count: int) -> np.ndarray:
        spec = acq.spec
        st = acq.settings
        noise = noise_block(self.seed, acq.serial, start, count)
        if spec.key in ("FREQ", "PER"):
            return self._generate_counter(acq, self.true_value(spec.key, acq.probe), noise)
        value: float | np.ndarray = self.true_value(spec.key, acq.probe)
        if spec.key == "VOLT:DC" and self.integration_time(st) < 1 / LINE_FREQUENCY:
            sampled = self._digitize(acq, start, count)
            if sampled is not None:
                value = sampled
        peak = float(np.max(np.abs(value))) if isinstance(value, np.ndarray) else value
        rng = choose_range(peak, spec, acq.range, acq.rng_fixed)
        if rng != acq.range:
            acq.range = rng
            live = self.settings.get(spec.key)
            if live is not None and live.auto and self.acq is acq:
                live.range = rng
        sigma = self.noise_sigma(spec.key, st, rng)
        mean = float(np.mean(value)) if isinstance(value, np.ndarray) else value
        offset = self.error_offset(spec.key, rng, mean)
        return make_readings(value, spec=spec, rng=rng, fixed=acq.rng_fixed, sigma=sigma,
                             offset=offset, noise=noise)

    def _digitize(self, acq: Acquisition, start: int, count: int) -> np.ndarray | None:
        """DC volts shorter than one power-line cycle: average the board's waveform over
        each reading's aperture, so ripple and PWM show up as they do on the real meter.

        The phase of the board's signals is a fixed function of the acquisition number,
        so readings stay deterministic for a seed.
        """
        analog = getattr(self.board, "analog", None)
        if analog is None:
            return None
        tm = acq.timing
        t_int = self.integration_time(acq.settings)
        k = min(DIGITIZE_SUBSAMPLES, max(1, round(t_int / DIGITIZE_STEP)))
        sub = (np.arange(k) + 0.5) / k * t_int
        hi, lo = acq.probe
        out = np.empty(count)
        step = max(1, DIGITIZE_CHUNK // k)  # bounded memory however long the gap was
        for first in range(0, count, step):
            idx = np.arange(start + first, start + min(count, first + step))
            trig, j = np.divmod(idx, tm.samples)
            t = 10.0 * acq.serial + trig * tm.burst + tm.delay + j * tm.interval
            tt = (t[:, None] + sub[None, :]).ravel()
            try:
                v = np.asarray(analog(hi, tt), dtype=np.float64)
                if lo.upper() != "GND":
                    v = v - np.asarray(analog(lo, tt), dtype=np.float64)
            except (KeyError, ValueError, TypeError):
                return None
            if v.shape != tt.shape:
                return None
            out[first : first + idx.size] = v.reshape(idx.size, k).mean(axis=1)
        return out

    def _generate_counter(self, acq: Acquisition, value: float, noise: np.ndarray) -> np.ndarray:
        """Frequency/period: 0 without a signal, overload beyond a fixed input voltage range."""
        st = acq.settings
        if not st.volt_auto:
            vac = self.true_value("VOLT:AC", acq.probe)
            if not math.isfinite(vac) or vac > st.volt_range * 1.2:
                return np.full(noise.size, OVERLOAD)
        if not math.isfinite(value) or value <= 0:
            return np.zeros(noise.size)
        ppm = 0.3e-6 * (0.1 / acq.timing.reading)
        offset = self.error_offset(acq.spec.key, acq.spec.ranges[0], value)
        return np.abs(value + offset + value * ppm * noise)

    def noise_sigma(self, function: str, st: FuncSettings, rng: float) -> float:
        """rms noise of one reading, in the function's units."""
        spec = FUNCTIONS[function]
        if spec.integrating:
            nplc = self.integration_time(st) * LINE_FREQUENCY
            factor = resolution_factor(nplc)
            if function == "TEMP":
                return factor * 1000.0
            return factor * rng * spec.noise(rng)
        if function in ("VOLT:AC", "CURR:AC"):
            return rng * 30e-6 * {3.0: 0.5, 20.0: 1.0, 200.0: 3.0}[st.bandwidth]
        if function == "CAP":
            return rng * 2e-4
        return rng * 1e-5

    def error_offset(self, function: str, rng: float, value: float) -> float:
        """A fixed error per (seed, function, range), within ±30 % of the 1-year accuracy."""
        spec = FUNCTIONS[function]
        rdg_ppm, rng_ppm = spec.accuracy.get(rng, (0.0, 0.0))
        index = spec.ranges.index(rng) if rng in spec.ranges else 0
        key = [self.seed & (2**64 - 1), (1 << 63) | (_FUNC_INDEX[function] << 8) | index]
        u = np.random.Generator(np.random.Philox(key=key)).uniform(-0.3, 0.3, 2)
        if not math.isfinite(value):
            return 0.0
        return float(u[0] * rdg_ppm * 1e-6 * abs(value) + u[1] * rng_ppm * 1e-6 * rng)

    def _wait_done(self, acq: Acquisition, *, forever: bool = True) -> bool:
        """Wait (lock released) until `acq` has all its readings; False if aborted or replaced."""
        while True:
            if self.acq is not acq or acq.end is not None:
                return False
            end = acq.complete_at()
            now = self.clock()
            if end is None:
                if not forever:
                    return False
                self._cond.wait(timeout=0.5)
                continue
            if now >= end:
                return True
            self._cond.wait(timeout=min(end - now, 0.5))

    # -- measurement commands -------------------------------------------------------------------

    def _init(self, c: Call) -> None:
        c.expect(0)
        if self.active():
            raise SCPIError(-213)
        self._initiate()

    def _deadlock_check(self) -> None:
        if self.trigger_count is None:
            raise SCPIError(-214, "infinite trigger count")

    def _read_q(self, c: Call) -> str | bytes:
        c.expect(0)
        if self.active():
            raise SCPIError(-213)
        self._deadlock_check()
        if self.trigger_source == "BUS":
            raise SCPIError(-214)
        acq = self._initiate()
        self._wait_done(acq)
        return self._fetch_all(acq)

    def _fetch_q(self, c: Call) -> str | bytes:
        c.expect(0)
        acq = self.acq
        if acq is None:
            raise SCPIError(-230)
        waits = acq.end is None and acq.complete_at() is None
        if waits and (acq.total is None or self.trigger_source == "BUS"):
            raise SCPIError(-214)
        self._wait_done(acq)
        return self._fetch_all(acq)

    def _fetch_all(self, acq: Acquisition) -> str | bytes:
        self._catch_up()
        values = self.memory.peek()
        if values.size == 0:
            raise SCPIError(-230)
        return self.format_readings(values, blocked=False)

    def format_readings(self, values: np.ndarray, *, blocked: bool) -> str | bytes:
        """Readings in the FORMat:DATA chosen: CSV text, or a block of IEEE 754 floats.

        R? and DATA:REMove? always answer with a definite-length block; READ? and
        FETCh? send bare CSV in ASCii format and a block in REAL format.
        """
        if self.data_format == "REAL":
            order = "<" if self.byte_order == "SWAPPED" else ">"
            kind = "f4" if self.real_length == 32 else "f8"
            return block(values.astype(order + kind).tobytes())
        text = csv(values)
        return block(text.encode()) if blocked else text

    def _abort(self, c: Call) -> None:
        c.expect(0)
        acq = self.acq
        if acq is not None and acq.end is None:
            self._catch_up()
            acq.end = acq.produced
        self._notify()

    def measure_now(self) -> str | bytes:
        """MEASure:<f>?: a fresh READ? with the configuration just set."""
        acq = self._initiate()
        self._wait_done(acq)
        return self._fetch_all(acq)

    def _r_q(self, c: Call) -> bytes:
        params = c.expect(0, 1)
        limit = self.memory.capacity
        if params:
            n = int(params[0].number(integer=True, special={"MAXimum": limit, "MINimum": 1,
                                                             "DEFault": limit}))
            if not 1 <= n <= limit:
                raise SCPIError(-222)
            limit = n
        self._catch_up()
        values = self.memory.remove(limit)
        return self.format_readings(values, blocked=True)  # type: ignore[return-value]

    def _remove_q(self, c: Call) -> bytes:
        params = c.expect(1, 2)
        n = int(params[0].number(integer=True))
        if not 1 <= n <= self.memory.capacity:
            raise SCPIError(-222)
        wait = len(params) == 2 and params[1].choice(["WAIT"]) == "WAIT"
        self._catch_up()
        while self.memory.count < n:
            acq = self.acq
            if not wait or acq is None or acq.end is not None or not self.active():
                raise SCPIError(-222)
            missing = n - self.memory.count
            step = acq.timing.interval * missing
            self._cond.wait(timeout=min(max(step, 0.001), 0.5))
            self._catch_up()
        return self.format_readings(self.memory.remove(n), blocked=True)  # type: ignore[return-value]

    def _points_q(self, c: Call) -> str:
        c.expect(0)
        self._catch_up()
        return f"{self.memory.count:+d}"

    def _last_q(self, c: Call) -> str:
        c.expect(0)
        self._catch_up()
        last = self.memory.last if self.memory.last is not None else NOT_A_NUMBER
        return f"{self.num(last)} {self.spec.unit}"
