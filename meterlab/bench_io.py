"""The measuring side of a plan run: set the instruments up as a check says, measure.

`InstrumentBench` implements `meterlab.runner.Bench` with the real drivers, so
the same code runs against hardware and against the simulated bench. Scope
checks use the scope's own automatic measurements where it has them, and
meterlab's analysis of a captured lane where it has none (UART bit rate, I²C
acknowledge).

`SimulatedProbes` moves the virtual probes of the simulated bench
(`SIMulation:PROBe`, `SIMulation:CHANnel<n>`, `SIMulation:DIGital<n>`) so a run
on the demo bench needs no hands. It is used only when meterlab started the
simulator itself or the user said the resources are simulated.
"""

from __future__ import annotations

import itertools
import math
import time
from typing import TYPE_CHECKING, Any

import numpy as np

from meterlab.errors import InstrumentError, UsageError
from meterlab.plan import Check, read_settings
from meterlab.readings import ReadingBatch
from meterlab.tolerance import expanded_uncertainty
from meterlab.vocabulary import scope_measurement

if TYPE_CHECKING:
    from meterlab.drivers.dmm import Multimeter
    from meterlab.drivers.scope import Oscilloscope


def _one(value: float, unit: str, function: str, source: str) -> ReadingBatch:
    return ReadingBatch(
        t=np.array([time.time()]),
        values=np.array([value], dtype=np.float64),
        overload=np.zeros(1, dtype=bool),
        function=function,
        unit=unit,
        source=source,
    )


class InstrumentBench:
    """Measure checks with a multimeter and/or an oscilloscope."""

    def __init__(self, dmm: Multimeter | None = None, scope: Oscilloscope | None = None) -> None:
        self.dmm = dmm
        self.scope = scope

    def recover(self, check: Check) -> None:
        """Reopen the instrument `check` needs if its link broke during an earlier check
        or between checks (the instrument hung up: restarted, switched off and on).

        A dropped connection stays dropped: without this every later check of the plan
        would end in ERROR too. The instrument may have been power-cycled (its settings
        back to *RST), so the driver's cache of what it set is forgotten and the check
        configures from scratch. Few, quick attempts: a bench that stays away costs each
        later check about a second, not the 30 s a logging run waits.
        """
        driver = self.dmm if check.instrument == "dmm" else self.scope
        if driver is None:
            return
        conn = driver.conn
        if not getattr(conn, "lost", False) and not getattr(conn, "peer_closed", bool)():
            return
        from meterlab.bench.instruments import take_over

        driver.conn.reconnect_briefly()
        driver.forget_state()
        # What the instrument logged while the link was down (a -230 "data stale" when a
        # restart cut a measurement short) is not this check's: read it away, as at opening.
        take_over(driver.conn)

    @staticmethod
    def _trusted(check: Check, conn: object, batch: ReadingBatch) -> ReadingBatch:
        """The check's readings, unless more arrived than was asked for: then one of the
        replies read may be foreign (a line injected or repeated ahead of the real answer),
        and the check is not judged on it. The link catches up before the next question."""
        if getattr(conn, "unasked_waiting", lambda: False)():
            raise InstrumentError(
                f'Check "{check.id}": the instrument sent more than was asked for, so the '
                "reading may not be this check's own. It was not judged; check the cable and "
                "that no other program talks to the instrument, then measure again.",
                resource=getattr(conn, "resource", None))
        return batch

    # -- multimeter ------------------------------------------------------------------------

    def measure_dmm(self, check: Check) -> ReadingBatch:
        if self.dmm is None:
            raise UsageError(f'Check "{check.id}" needs a multimeter, and none is connected.')
        self.dmm.configure(check.measure, range=check.range if check.range else "auto",
                           nplc=check.nplc)
        if check.readings == 1:
            return self._trusted(check, self.dmm.conn, self.dmm.read())
        return self._trusted(check, self.dmm.conn, self.dmm.read_batch(check.readings))

    def uncertainty(self, check: Check, values: np.ndarray) -> np.ndarray | None:
        """Expanded uncertainty from the meter profile's 1-year accuracy for this range."""
        if check.instrument != "dmm" or self.dmm is None:
            return None
        fn = self.dmm.spec.function(check.measure)
        if fn is None:
            return None
        rng = self.dmm.range or fn.range_for(float(np.nanmax(np.abs(values))))
        if rng is None:
            return None
        acc = fn.accuracy_for(rng)
        if acc is None:
            return None
        return expanded_uncertainty(values, pct_reading=acc[0], pct_range=acc[1], range_=rng)

    # -- oscilloscope -----------------------------------------------------------------------

    def measure_scope(self, check: Check) -> ReadingBatch:
        if self.scope is None:
            raise UsageError(f'Check "{check.id}" needs an oscilloscope, and none is connected.')
        self._apply_settings(check)
        if check.measure == "BAUD":
            value = self._baud(check)
        elif check.measure == "I2CACK":
            value = self._i2c_ack(check)
        else:
            return self._trusted(check, self.scope.conn, self._scope_values(check))
        return self._trusted(check, self.scope.conn,
                             _one(value, check.unit, check.measure, check.source))

    def _scope_values(self, check: Check) -> ReadingBatch:
        """The scope's own automatic measurement, `check.readings` times."""
        assert self.scope is not None
        # the driver gives duty cycles as fractions; the plan speaks in % (the factor)
        factor = scope_measurement(check.measure).factor
        values = []
        for _ in range(check.readings):
            v = self.scope.measure(check.measure, check.source, strict=True)
            values.append(v * factor if math.isfinite(v) else v)
        batch = _one(values[-1], check.unit, check.measure, check.source)
        if len(values) > 1:
            batch = ReadingBatch(t=np.full(len(values), time.time()),
                                 values=np.array(values), overload=np.zeros(len(values), bool),
                                 function=check.measure, unit=check.unit,
                                 source=check.source)
        return batch

    def _apply_settings(self, check: Check) -> None:
        assert self.scope is not None
        s = _settings(check)
        if check.source.startswith("CH"):
            n = int(check.source[2:])
            kwargs: dict[str, object] = {"display": True}
            kwargs.update({k: s[k] for k in ("scale", "offset", "probe", "coupling") if k in s})
            self.scope.set_channel(n, **kwargs)  # type: ignore[arg-type]
        if "timebase" in s:
            self.scope.set_timebase(scale=s["timebase"])
        self.scope.run()

    def _capture_lines(self, lines: list[int], window_s: float) -> tuple[np.ndarray, float, float]:
        assert self.scope is not None
        self.scope.set_logic(True, lines)
        self.scope.set_timebase(scale=window_s / 12.0)
        self.scope.run()
        time.sleep(0.05)
        cap = self.scope.read_digital(lines, mode="memory")
        self.scope.run()
        return cap.lanes, cap.t0, cap.dt

    def _baud(self, check: Check) -> float:
        from meterlab.decode import estimate_baud

        line = int(check.source[1:])
        lanes, _, dt = self._capture_lines([line], 0.12)
        baud = estimate_baud(((lanes >> line) & 1).astype(bool), dt, snap=0)
        if not math.isfinite(baud):
            raise InstrumentError(f"No UART traffic seen on {check.source}: the line did not "
                                  "change during 120 ms. Check the probe and the wiring.")
        return baud

    def _i2c_ack(self, check: Check) -> float:
        from meterlab.decode import decode_i2c

        sda = int(check.source[1:])
        s = _settings(check)
        scl = s.get("scl", 1)
        scl_name = f"D{scl}"
        address = s.get("address", 0x44)
        lanes, t0, dt = self._capture_lines(sorted({sda, scl}), 0.12)
        events = decode_i2c(((lanes >> scl) & 1).astype(bool), ((lanes >> sda) & 1).astype(bool),
                            t0, dt)
        asked = acked = 0
        for ev, nxt in itertools.pairwise(events):
            if ev.kind == "ADDRESS" and ev.value == address:
                asked += 1
                acked += nxt.kind == "ACK"
        if asked == 0:
            raise InstrumentError(f"No I²C transfer to address 0x{address:02X} seen on "
                                  f"{scl_name}/{check.source} during 120 ms. Check the wiring.")
        return 100.0 * acked / asked


def _settings(check: Check) -> dict[str, Any]:
    """The check's `settings`, read (a plan file's are checked as it loads; a check made
    in code that gets one wrong is told here, in the same words)."""
    try:
        return read_settings(check.settings)
    except ValueError as exc:
        raise UsageError(f'Check "{check.id}": {exc}') from None


class SimulatedProbes:
    """Move the simulated bench's virtual probes to a check's test point."""

    def __init__(self, dmm: Multimeter | None, scope: Oscilloscope | None) -> None:
        self.dmm = dmm
        self.scope = scope

    def __call__(self, check: Check) -> None:
        if not check.at:
            return
        if check.instrument == "dmm" and self.dmm is not None:
            self.dmm.conn.write(f"SIM:PROB {check.at},{check.ref or 'GND'}")
        elif check.instrument == "scope" and self.scope is not None:
            src = check.source
            if src.startswith("CH"):
                self.scope.conn.write(f":SIM:CHAN{src[2:]} {check.at}")
            else:
                self.scope.conn.write(f":SIM:DIG{src[1:]} {check.at}")
                scl = _settings(check).get("scl")
                if check.measure == "I2CACK" and scl is not None:
                    self.scope.conn.write(f":SIM:DIG{scl} SCL")
