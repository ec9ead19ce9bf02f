"""`:MEASure` and `:MATH` headers of the simulated MSO1104Z.

Measurements run on the current record (a fresh acquisition while running, the
stored one when stopped), over the samples on screen at up to 100 000 points, in
the volts the ADC codes stand for, so quantisation, noise and clipping show in
the results as on the real scope. Statistics accumulate per item and source
until `:MEASure:STATistic:RESet` or `:MEASure:CLEar`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from meterlab.sim.scope_acquire import Acquisition
from meterlab.sim.scope_measure import DIGITAL_ITEMS, INVALID, ITEM_NAMES, measure
from meterlab.sim.scope_state import (
    ADC_MAX,
    ADC_MIN,
    ANALOG_SOURCES,
    CODES_PER_DIV,
    DIGITAL_SOURCES,
    Y_REF,
    pick,
)
from meterlab.sim.scpi import Call, SCPIError

MEASURE_POINTS = 100_000
_SOURCES = [*ANALOG_SOURCES, *DIGITAL_SOURCES, "MATH"]
_STAT_TYPES = ["MAXimum", "MINimum", "CURRent", "AVERages", "DEViation"]
_MATH_OPS = ["ADD", "SUBTract", "MULTiply", "DIVision"]


class MeasureMixin:
    """Registers and serves `:MEASure` and a small `:MATH` (arithmetics on two channels)."""

    table: Any

    def build_measure(self) -> None:
        t = self.table
        t.add("MEASure:SOURce", set=self._meas_source, query=self._meas_source_q)
        t.add("MEASure:ITEM", set=self._meas_item, query=self._meas_item_q)
        t.add("MEASure:CLEar", set=self._meas_clear)
        t.add("MEASure:STATistic:ITEM", set=self._meas_item, query=self._meas_stat_q)
        t.add("MEASure:STATistic:RESet", set=self._meas_stat_reset)
        t.add("MEASure:STATistic:DISPlay", set=self._meas_stat_disp,
              query=lambda c: (c.expect(0), "1" if self.meas_stat_display else "0")[1])
        t.add("MEASure:SETup:MAX", set=self._setup(2, 7, 95), query=self._setup_q(2))
        t.add("MEASure:SETup:MID", set=self._setup(1, 6, 94), query=self._setup_q(1))
        t.add("MEASure:SETup:MIN", set=self._setup(0, 5, 93), query=self._setup_q(0))
        t.add("MEASure:COUNter:SOURce", set=self._counter_source, query=self._counter_source_q)
        t.add("MEASure:COUNter:VALue", query=self._counter_value_q)
        t.add("MATH:DISPlay", set=self._math_display, query=self._math_display_q)
        t.add("MATH:OPERator", set=self._math_op, query=self._math_op_q)
        t.add("MATH:SOURce1", set=self._math_src(0), query=self._math_src_q(0))
        t.add("MATH:SOURce2", set=self._math_src(1), query=self._math_src_q(1))
        t.add("MATH:SCALe", set=self._math_scale, query=self._math_scale_q)
        t.add("MATH:OFFSet", set=self._math_offset, query=self._math_offset_q)

    def reset_measure(self) -> None:
        self.meas_source = "CHAN1"
        self.meas_items: list[tuple[str, str]] = []
        self.meas_stats: dict[tuple[str, str], list[float]] = {}
        self.meas_stat_display = False
        self.meas_setup = [10, 50, 90]
        self.counter_source = "OFF"
        self.math_on = False
        self.math_operator = "ADD"
        self.math_sources = ["CHAN1", "CHAN2"]
        self.math_scale = 1.0
        self.math_offset = 0.0

    # -- parameters ---------------------------------------------------------------------

    def _item_and_source(self, params: list) -> tuple[str, str]:
        item = params[0].choice(list(ITEM_NAMES))
        src = pick(params[1], _SOURCES) if len(params) > 1 else self.meas_source
        return item, src

    # -- handlers -----------------------------------------------------------------------

    def _meas_source(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.meas_source = pick(p, _SOURCES)

    def _meas_source_q(self, c: Call) -> str:
        c.expect(0)
        return self.meas_source

    def _meas_item(self, c: Call) -> None:
        params = c.expect(1, 2)
        item, src = self._item_and_source(params)
        if (item, src) not in self.meas_items:
            self.meas_items = ([*self.meas_items, (item, src)])[-5:]

    def _meas_item_q(self, c: Call) -> str:
        params = c.expect(1, 2)
        item, src = self._item_and_source(params)
        return self.num(self.measure_now(item, src))

    def _meas_stat_q(self, c: Call) -> str:
        params = c.expect(2, 3)
        kind = pick(params[0], _STAT_TYPES)
        item, src = self._item_and_source(params[1:])
        self.measure_now(item, src)
        values = [v for v in self.meas_stats.get((item, src), []) if v < INVALID]
        if not values:
            return self.num(INVALID)
        arr = np.asarray(values)
        result = {"MAX": arr.max(), "MIN": arr.min(), "CURR": arr[-1], "AVER": arr.mean(),
                  "DEV": arr.std(ddof=0)}[kind]
        return self.num(float(result))

    def _meas_clear(self, c: Call) -> None:
        (p,) = c.expect(1)
        which = pick(p, ["ITEM1", "ITEM2", "ITEM3", "ITEM4", "ITEM5", "ALL"])
        if which == "ALL":
            self.meas_items = []
        else:
            i = int(which[4:]) - 1
            if i < len(self.meas_items):
                del self.meas_items[i]
        self.meas_stats.clear()

    def _meas_stat_reset(self, c: Call) -> None:
        c.expect(0)
        self.meas_stats.clear()

    def _meas_stat_disp(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.meas_stat_display = p.boolean()

    def _setup(self, i: int, lo: int, hi: int) -> Callable[[Call], None]:
        def handler(c: Call) -> None:
            (p,) = c.expect(1)
            value = int(p.number(integer=True))
            if not lo <= value <= hi:
                raise SCPIError(-222, p.text)
            new = list(self.meas_setup)
            new[i] = value
            if not new[0] < new[1] < new[2]:
                raise SCPIError(-221, "MIN < MID < MAX")
            self.meas_setup = new

        return handler

    def _setup_q(self, i: int) -> Callable[[Call], str]:
        return lambda c: (c.expect(0), str(self.meas_setup[i]))[1]

    def _counter_source(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.counter_source = pick(p, [*_SOURCES[:-1], "OFF"])

    def _counter_source_q(self, c: Call) -> str:
        c.expect(0)
        return self.counter_source

    def _counter_value_q(self, c: Call) -> str:
        """The hardware counter: the source's frequency, 0 when off or nothing to count."""
        c.expect(0)
        if self.counter_source == "OFF":
            return self.num(0.0)
        value = self.measure_now("FREQUENCY", self.counter_source)
        return self.num(0.0 if value >= INVALID else value)

    # -- the measurement ----------------------------------------------------------------

    def measure_now(self, item: str, src: str) -> float:
        """Measure `item` on `src` in the current record and add it to the statistics."""
        key = item.upper()
        acq = self.record()
        panel = acq.panel
        idx = panel.window_indices(MEASURE_POINTS)
        t = panel.mem_xorigin + idx / panel.srate
        lo, mid, hi = (x / 100.0 for x in self.meas_setup)
        thresholds = (lo, mid, hi)
        if src.startswith("D"):
            v = acq.logic(int(src[1:]), idx).astype(np.float64)
            value = measure(key, t, v, digital=True, thresholds=thresholds)
            if key not in DIGITAL_ITEMS:
                value = INVALID
        elif src == "MATH":
            if not self.math_on:
                value = INVALID
            else:
                v = self.math_volts(acq, idx)
                value = measure(key, t, v, thresholds=thresholds)
        else:
            ch = int(src[4:])
            c = panel.channels[ch]
            if not c.display:
                value = INVALID
            else:
                codes = acq.codes(ch, idx).astype(np.float64)
                v = (codes - c.yorigin - Y_REF) * c.yinc
                value = measure(key, t, v, thresholds=thresholds,
                                min_amplitude=0.2 * c.scale)
        if not math.isfinite(value):
            value = INVALID
        self.meas_stats.setdefault((key, src), []).append(value)
        return value

    # -- MATH ---------------------------------------------------------------------------

    def _math_display(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.math_on = p.boolean()

    def _math_display_q(self, c: Call) -> str:
        c.expect(0)
        return "1" if self.math_on else "0"

    def _math_op(self, c: Call) -> None:
        (p,) = c.expect(1)
        self.math_operator = pick(p, _MATH_OPS)

    def _math_op_q(self, c: Call) -> str:
        c.expect(0)
        return self.math_operator

    def _math_src(self, i: int) -> Callable[[Call], None]:
        def handler(c: Call) -> None:
            (p,) = c.expect(1)
            self.math_sources[i] = pick(p, list(ANALOG_SOURCES))

        return handler

    def _math_src_q(self, i: int) -> Callable[[Call], str]:
        return lambda c: (c.expect(0), self.math_sources[i])[1]

    def _math_scale(self, c: Call) -> None:
        (p,) = c.expect(1)
        value = p.number()
        if not 1e-12 < value <= 1e12:
            raise SCPIError(-222, p.text)
        self.math_scale = value

    def _math_scale_q(self, c: Call) -> str:
        c.expect(0)
        return self.num(self.math_scale)

    def _math_offset(self, c: Call) -> None:
        (p,) = c.expect(1)
        value = p.number()
        if abs(value) > 1000 * self.math_scale:
            raise SCPIError(-222, p.text)
        self.math_offset = value

    def _math_offset_q(self, c: Call) -> str:
        c.expect(0)
        return self.num(self.math_offset)

    def math_yinc(self) -> float:
        return self.math_scale / CODES_PER_DIV

    def math_yorigin(self) -> int:
        return round(self.math_offset / self.math_yinc())

    def math_volts(self, acq: Acquisition, idx: np.ndarray) -> np.ndarray:
        """The operator applied to the two sources' measured volts."""
        vals = []
        for src in self.math_sources:
            ch = int(src[4:])
            c = acq.panel.channels[ch]
            vals.append((acq.codes(ch, idx).astype(np.float64) - c.yorigin - Y_REF) * c.yinc)
        a, b = vals
        op = self.math_operator
        if op == "ADD":
            return a + b
        if op == "SUBT":
            return a - b
        if op == "MULT":
            return a * b
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.where(np.abs(b) > 1e-12, a / np.where(np.abs(b) > 1e-12, b, 1.0), 0.0)
        return out

    def math_codes(self, acq: Acquisition) -> np.ndarray:
        v = self.math_volts(acq, acq.panel.screen_indices())
        x = v / self.math_yinc() + Y_REF + self.math_yorigin()
        return np.clip(np.rint(x), ADC_MIN, ADC_MAX).astype(np.uint8)
