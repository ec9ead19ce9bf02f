"""CALCulate of the simulated 34465A: null, limits and running statistics on the readings.

Scripts written for Truevolt meters lean on the meter's own statistics
(`CALC:AVER:STAT ON`, `INIT`, `*WAI`, `CALC:AVER:AVER?`) instead of fetching every
reading; PyMeasure's Agilent34450A exposes them as properties. Math runs on each
reading as it enters reading memory: the null offset is subtracted first, then the
limits are checked and the statistics updated, as the guide orders the math. Overload
readings (±9.9E+37) pass through untouched and are left out of the statistics.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from meterlab.sim.dmm_spec import OVERLOAD
from meterlab.sim.scpi import Call, SCPIError

#: Questionable Data register bits 11/12 of the Truevolt meters: lower/upper limit failed.
QUES_LIMIT_LOW = 1 << 11
QUES_LIMIT_HIGH = 1 << 12
#: null offsets and limits accept at most ±120 % of the largest range of any function
_LIMIT = 1.2e15


class Statistics:
    """Count, mean, variance (Chan's parallel update), minimum and maximum of readings."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.count = 0
        self.mean = 0.0
        self.m2 = 0.0
        self.minimum = math.inf
        self.maximum = -math.inf

    def add(self, values: np.ndarray) -> None:
        n = int(values.size)
        if n == 0:
            return
        mean_b = float(values.mean())
        m2_b = float(((values - mean_b) ** 2).sum())
        total = self.count + n
        delta = mean_b - self.mean
        self.mean += delta * n / total
        self.m2 += m2_b + delta * delta * self.count * n / total
        self.count = total
        self.minimum = min(self.minimum, float(values.min()))
        self.maximum = max(self.maximum, float(values.max()))

    def results(self) -> dict[str, float]:
        """What CALC:AVER:<x>? answers; all zero while no reading has been counted."""
        if self.count == 0:
            return dict.fromkeys(("AVER", "SDEV", "MIN", "MAX", "PTP", "COUN"), 0.0)
        sdev = math.sqrt(self.m2 / (self.count - 1)) if self.count > 1 else 0.0
        return {"AVER": self.mean, "SDEV": sdev, "MIN": self.minimum, "MAX": self.maximum,
                "PTP": self.maximum - self.minimum, "COUN": float(self.count)}


class CalcMixin:
    """Registers and serves CALCulate:*; mixed into `Keysight34465A`."""

    table: Any
    questionable: int
    ques_condition: int
    num: Any
    _catch_up: Any

    def build_calc(self) -> None:
        t = self.table
        t.add("CALCulate:AVERage[:STATe]", set=self._calc_stat,
              query=lambda c: (c.expect(0), "1" if self.stats_on else "0")[1])
        t.add("CALCulate:AVERage:CLEar[:IMMediate]", set=self._calc_clear)
        t.add("CALCulate:AVERage:ALL", query=self._calc_all_q)
        for name, key in (("AVERage", "AVER"), ("SDEViation", "SDEV"), ("MINimum", "MIN"),
                          ("MAXimum", "MAX"), ("PTPeak", "PTP"), ("COUNt", "COUN")):
            t.add(f"CALCulate:AVERage:{name}", query=self._calc_result_q(key))
        t.add("CALCulate:NULL[:STATe]", set=self._null_state,
              query=lambda c: (c.expect(0), "1" if self.null_on else "0")[1])
        t.add("CALCulate:NULL:OFFSet", set=self._null_offset,
              query=lambda c: (c.expect(0), self.num(self.null_offset))[1])
        t.add("CALCulate:LIMit[:STATe]", set=self._limit_state,
              query=lambda c: (c.expect(0), "1" if self.limit_on else "0")[1])
        t.add("CALCulate:LIMit:LOWer[:DATA]", set=self._limit_value("limit_low"),
              query=lambda c: (c.expect(0), self.num(self.limit_low))[1])
        t.add("CALCulate:LIMit:UPPer[:DATA]", set=self._limit_value("limit_high"),
              query=lambda c: (c.expect(0), self.num(self.limit_high))[1])
        t.add("CALCulate:LIMit:CLEar[:IMMediate]", set=self._limit_clear)

    def reset_calc(self) -> None:
        """*RST: math off, offsets and limits to their defaults, statistics cleared."""
        self.stats = Statistics()
        self.stats_on = False
        self.null_on = False
        self.null_offset = 0.0
        self.limit_on = False
        self.limit_low = 0.0
        self.limit_high = 0.0

    def apply_math(self, values: np.ndarray) -> np.ndarray:
        """Null, limit check and statistics for readings entering reading memory."""
        good = np.abs(values) < OVERLOAD
        if self.null_on and self.null_offset:
            values = np.where(good, values - self.null_offset, values)
        if self.limit_on and values.size:
            low = bool(np.any(good & (values < self.limit_low)))
            high = bool(np.any(good & (values > self.limit_high)))
            bits = (QUES_LIMIT_LOW if low else 0) | (QUES_LIMIT_HIGH if high else 0)
            self.questionable |= bits
            self.ques_condition |= bits
        if self.stats_on:
            self.stats.add(values[good])
        return values

    # -- handlers ---------------------------------------------------------------------------

    def _calc_stat(self, c: Call) -> None:
        (p,) = c.expect(1)
        self._catch_up()
        on = p.boolean()
        if on and not self.stats_on:
            self.stats.clear()  # enabling starts a fresh set
        self.stats_on = on

    def _calc_clear(self, c: Call) -> None:
        c.expect(0)
        self._catch_up()
        self.stats.clear()

    def _calc_result_q(self, key: str) -> Any:
        def handler(c: Call) -> str:
            c.expect(0)
            self._catch_up()
            return self.num(self.stats.results()[key])

        return handler

    def _calc_all_q(self, c: Call) -> str:
        """Mean, standard deviation, minimum, maximum (the order the guide gives)."""
        c.expect(0)
        self._catch_up()
        r = self.stats.results()
        return ",".join(self.num(r[k]) for k in ("AVER", "SDEV", "MIN", "MAX"))

    def _null_state(self, c: Call) -> None:
        (p,) = c.expect(1)
        self._catch_up()
        self.null_on = p.boolean()

    def _number(self, p: Any) -> float:
        value = p.number(units=("V", "A", "OHM", "HZ", "S", "F"),
                         special={"MINimum": -_LIMIT, "MAXimum": _LIMIT, "DEFault": 0.0})
        if abs(value) > _LIMIT:
            raise SCPIError(-222)
        return float(value)

    def _null_offset(self, c: Call) -> None:
        (p,) = c.expect(1)
        self._catch_up()
        self.null_offset = self._number(p)

    def _limit_state(self, c: Call) -> None:
        (p,) = c.expect(1)
        self._catch_up()
        self.limit_on = p.boolean()

    def _limit_value(self, attr: str) -> Any:
        def handler(c: Call) -> None:
            (p,) = c.expect(1)
            self._catch_up()
            setattr(self, attr, self._number(p))

        return handler

    def _limit_clear(self, c: Call) -> None:
        """Clears the limit failures latched in the questionable registers."""
        c.expect(0)
        self._catch_up()
        bits = QUES_LIMIT_LOW | QUES_LIMIT_HIGH
        self.questionable &= ~bits
        self.ques_condition &= ~bits
