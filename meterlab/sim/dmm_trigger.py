"""TRIGger and SAMPle of the simulated 34465A: how many readings, when, on which trigger.

The acquisition engine in `dmm` reads these settings when INITiate starts a
measurement; while one runs they cannot change (the meter answers -221).
"""

from __future__ import annotations

import math
from typing import Any

from meterlab.sim.dmm_spec import MAX_COUNT, MEMORY_SIZE, OVERLOAD
from meterlab.sim.scpi import Call, Param, SCPIError


class TriggerMixin:
    """Registers and serves TRIGger:* and SAMPle:*; mixed into `Keysight34465A`."""

    table: Any

    def build_trigger(self) -> None:
        t = self.table
        t.add("TRIGger:SOURce", set=self._trig_source, query=self._trig_source_q)
        t.add("TRIGger:COUNt", set=self._trig_count, query=self._trig_count_q)
        t.add("TRIGger:DELay", set=self._trig_delay, query=self._trig_delay_q)
        t.add("TRIGger:DELay:AUTO", set=self._trig_delay_auto,
              query=lambda c: (c.expect(0), "1" if self.trigger_delay_auto else "0")[1])
        t.add("TRIGger:SLOPe", set=self._trig_slope,
              query=lambda c: (c.expect(0), self.trigger_slope[:3])[1])
        t.add("TRIGger:LEVel", set=self._trig_level,
              query=lambda c: (c.expect(0), self.num(self.trigger_level))[1])
        t.add("SAMPle:COUNt", set=self._samp_count, query=self._samp_count_q)
        t.add("SAMPle:COUNt:PRETrigger", set=self._pretrigger,
              query=lambda c: (c.expect(0), f"{self.pretrigger:+d}")[1])
        t.add("SAMPle:SOURce", set=self._samp_source,
              query=lambda c: (c.expect(0), self.sample_source[:3])[1])
        t.add("SAMPle:TIMer", set=self._samp_timer, query=self._samp_timer_q)

    def _idle_only(self) -> None:
        """Trigger and sample settings cannot change while measuring (the meter says -221)."""
        if self.active():
            raise SCPIError(-221)

    def _trig_source(self, c: Call) -> None:
        (p,) = c.expect(1)
        self._idle_only()
        self.trigger_source = p.choice(["IMMediate", "BUS", "EXTernal", "INTernal"])

    def _trig_source_q(self, c: Call) -> str:
        c.expect(0)
        return self.trigger_source[:3]

    def _count(self, p: Param, *, infinity: bool) -> int | None:
        special = {"MINimum": 1.0, "MAXimum": float(MAX_COUNT), "DEFault": 1.0}
        if infinity:
            special["INFinity"] = math.inf
        if infinity and p.upper in ("INF", "INFINITY", "9.9E37", "+9.9E37", "9.9E+37"):
            return None
        value = p.number(special=special)
        if infinity and (math.isinf(value) or value >= 9.9e37):
            return None
        if not value < MAX_COUNT + 1:  # also inf: SAMPle:COUNt has no infinite form
            raise SCPIError(-222)
        n = round(value)
        if not 1 <= n <= MAX_COUNT:
            raise SCPIError(-222)
        return n

    def _trig_count(self, c: Call) -> None:
        (p,) = c.expect(1)
        self._idle_only()
        self.trigger_count = self._count(p, infinity=True)

    def _trig_count_q(self, c: Call) -> str:
        params = c.expect(0, 1)
        if params:
            which = params[0].choice(["MINimum", "MAXimum", "DEFault"])
            return self.num(float(MAX_COUNT) if which == "MAXIMUM" else 1.0)
        return self.num(OVERLOAD if self.trigger_count is None else self.trigger_count)

    def _trig_delay(self, c: Call) -> None:
        (p,) = c.expect(1)
        value = p.number(units=("S",), special={"MINimum": 0.0, "MAXimum": 3600.0,
                                                 "DEFault": 0.0})
        if not 0.0 <= value <= 3600.0:
            raise SCPIError(-222)
        self.trigger_delay = value
        self.trigger_delay_auto = False

    def _trig_delay_q(self, c: Call) -> str:
        params = c.expect(0, 1)
        if params:
            which = params[0].choice(["MINimum", "MAXimum", "DEFault"])
            return self.num(3600.0 if which == "MAXIMUM" else 0.0)
        return self.num(self.effective_delay())

    def _trig_delay_auto(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.trigger_delay_auto = p.boolean()

    def _trig_slope(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.trigger_slope = p.choice(["POSitive", "NEGative"])

    def _trig_level(self, c: Call) -> None:
        (p,) = c.expect(1)
        value = p.number(units=("V", "A", "OHM"),
                         special={"MINimum": -1000.0, "MAXimum": 1000.0, "DEFault": 0.0})
        if abs(value) > 1000.0:
            raise SCPIError(-222)
        self.trigger_level = value

    def _samp_count(self, c: Call) -> None:
        (p,) = c.expect(1)
        self._idle_only()
        n = self._count(p, infinity=False)
        assert n is not None
        self.sample_count = n

    def _samp_count_q(self, c: Call) -> str:
        params = c.expect(0, 1)
        if params:
            which = params[0].choice(["MINimum", "MAXimum", "DEFault"])
            return f"{MAX_COUNT if which == 'MAXIMUM' else 1:+d}"
        return f"{self.sample_count:+d}"

    def _pretrigger(self, c: Call) -> None:
        (p,) = c.expect(1)
        n = round(p.number(special={"MINimum": 0, "MAXimum": MEMORY_SIZE - 1, "DEFault": 0}))
        if not 0 <= n < MEMORY_SIZE:
            raise SCPIError(-222)
        self.pretrigger = n

    def _samp_source(self, c: Call) -> None:
        (p,) = c.expect(1)
        self._idle_only()
        self.sample_source = p.choice(["IMMediate", "TIMer"])

    def _samp_timer(self, c: Call) -> None:
        (p,) = c.expect(1)
        value = p.number(units=("S",), special={"MINimum": self.reading_time(),
                                                 "MAXimum": 3600.0, "DEFault": 1.0})
        if not 20e-6 <= value <= 3600.0:
            raise SCPIError(-222)
        self.sample_timer = value

    def _samp_timer_q(self, c: Call) -> str:
        params = c.expect(0, 1)
        if params:
            which = params[0].choice(["MINimum", "MAXimum", "DEFault"])
            value = {"MINIMUM": self.reading_time(), "MAXIMUM": 3600.0, "DEFAULT": 1.0}[which]
            return self.num(value)
        return self.num(self.sample_timer)
