"""A broken link costs what was in flight, not what follows (fast reproductions of what the
fault catalogue in tests/reliability found, through a real FaultLink and pyvisa-py).

Before: a plan run whose meter link dropped during one check ended every later check in
ERROR (the connection stayed dead), and a drop between two checks ended the whole run
(moving the simulated probe raised out of the runner); a deep scope memory read that
broke off in one window lost the capture although the stopped scope still held it.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from meterlab.bench.instruments import open_dmm
from meterlab.bench.plan_run import PlanInstruments, PlanRun
from meterlab.drivers.scope import CaptureInterrupted, Oscilloscope
from meterlab.errors import ConnectionLost
from meterlab.plan import find_plan, load_plan
from meterlab.readings import Verdict
from meterlab.runner import CheckResult, PlanRunner
from meterlab.sim import SimulatedBench
from meterlab.sim.faultlink import FaultLink
from meterlab.visa import open_instrument
from tests.scope_records import stop_on_a_deep_ch1_record


@pytest.fixture(scope="module")
def bench() -> Iterator[SimulatedBench]:
    with SimulatedBench(seed=21) as b:
        yield b


def test_a_dropped_meter_link_costs_only_the_check_in_flight(bench: SimulatedBench) -> None:
    plan = load_plan(find_plan("iot-sensor-node"))
    with (FaultLink("127.0.0.1", bench.dmm_server.port) as link,  # type: ignore[union-attr]
          open_dmm(link.resource, timeout_ms=1000) as dmm):
        def cut_after_ntc(result: CheckResult) -> None:
            if result.check.id == "vbus_ripple":
                link.drop()  # the next reply (ntc's) is cut off and the link closed
            if result.check.id == "ntc":
                link.restart()  # and between ntc and r1 the meter is power-cycled

        run = PlanRun(plan, PlanInstruments(dmm, None), simulated=True,
                      on_result=cut_after_ntc)
        results = {r.check.id: r for r in run.run({"vbus_ripple", "ntc", "r1"})}
    assert results["vbus_ripple"].verdict is Verdict.PASS
    assert results["ntc"].verdict is Verdict.ERROR and "lost" in results["ntc"].message
    # reopened before r1 moved its probe, and configured afresh after the *RST
    assert results["r1"].verdict is Verdict.PASS, results["r1"].message


def test_errors_logged_while_the_link_was_down_are_not_the_next_checks(
        bench: SimulatedBench) -> None:
    """A restart that cuts a measurement short leaves e.g. -230 "data stale" in the queue:
    read away on reopening (as at opening), not reported as r1's refused configuration."""
    plan = load_plan(find_plan("iot-sensor-node"))
    with (FaultLink("127.0.0.1", bench.dmm_server.port) as link,  # type: ignore[union-attr]
          open_dmm(link.resource, timeout_ms=1000) as dmm):
        def restart_leaving_an_error(result: CheckResult) -> None:
            if result.check.id == "ntc":
                link.restart()
                with open_instrument(bench.dmm_resource) as other:
                    other.write("SYST:BOGUS")  # -113 in the meter's queue

        run = PlanRun(plan, PlanInstruments(dmm, None), simulated=True,
                      on_result=restart_leaving_an_error)
        results = {r.check.id: r for r in run.run({"ntc", "r1"})}
    assert results["r1"].verdict is Verdict.PASS, results["r1"].message


def test_a_reply_injected_ahead_of_the_real_one_is_not_judged(bench: SimulatedBench) -> None:
    """A well-formed line ahead of the meter's answer cannot be told from it by its shape;
    that more arrived than was asked for can: the check is ERROR, never FAIL on it."""
    plan = load_plan(find_plan("iot-sensor-node"))
    ntc = next(c for c in plan.checks if c.id == "ntc")
    with (FaultLink("127.0.0.1", bench.dmm_server.port) as link,  # type: ignore[union-attr]
          open_dmm(link.resource, timeout_ms=1000) as dmm):
        run = PlanRun(plan, PlanInstruments(dmm, None), simulated=True)
        assert run.run_check(ntc).verdict is Verdict.PASS
        # measured again, nothing is configured: the next reply is the READ?'s
        link.garbage(b"+4.9E+00\n")  # 4.9 V: far outside ntc's 1.65 V ± 5 %
        again = run.run_check(ntc)
        after = run.run_check(ntc)
    assert again.verdict is Verdict.ERROR and "more than was asked" in again.message, again
    assert after.verdict is Verdict.PASS, after.message  # the link caught up


def test_a_failing_probe_move_is_that_checks_error_not_the_end_of_the_run() -> None:
    plan = load_plan(find_plan("iot-sensor-node"))

    class Bench:
        def measure_dmm(self, check):  # type: ignore[no-untyped-def]
            from meterlab.bench_io import _one
            return _one(5.0 if check.id == "vbus" else 1.65, check.unit, "VOLT:DC", "")

        measure_scope = measure_dmm

        def uncertainty(self, check, values):  # type: ignore[no-untyped-def]
            return None

    def mover(check):  # type: ignore[no-untyped-def]
        if check.id == "vbus":
            raise ConnectionLost("The connection to the meter was lost.")

    runner = PlanRunner(plan, Bench(), probe_mover=mover)
    results = runner.run({"vbus", "ntc"}).results
    assert [r.verdict for r in results] == [Verdict.ERROR, Verdict.PASS]
    assert "lost" in results[0].message


@pytest.fixture(scope="module")
def record(bench: SimulatedBench) -> np.ndarray:
    """A stopped 1.2 M-point record (5 read windows), read cleanly: the reference."""
    with Oscilloscope.open(bench.scope_resource) as scope:
        stop_on_a_deep_ch1_record(scope)
        return scope.capture(["CH1"], mode="memory").waveforms[0].y


def test_a_memory_read_that_breaks_off_is_read_again_whole(bench: SimulatedBench,
                                                           record: np.ndarray) -> None:
    with FaultLink("127.0.0.1", bench.scope_server.port) as link:  # type: ignore[union-attr]
        link.at_block(2, lambda lk: lk.drop())
        with Oscilloscope.open(link.resource, timeout_ms=1000) as scope:
            (wf,) = scope.capture(["CH1"], mode="memory").waveforms
    assert link.acted_at() is not None
    assert np.array_equal(wf.y, record)


def test_a_restarted_scope_is_not_read_again_and_says_so(bench: SimulatedBench,
                                                         record: np.ndarray) -> None:
    with FaultLink("127.0.0.1", bench.scope_server.port) as link:  # type: ignore[union-attr]
        link.at_block(2, lambda lk: lk.restart())
        with Oscilloscope.open(link.resource, timeout_ms=1000) as scope, \
                pytest.raises(CaptureInterrupted, match="restarted") as exc:
            scope.capture(["CH1"], mode="memory")
    (part,) = exc.value.capture.waveforms
    assert len(part) == 250_000 and np.array_equal(part.y, record[:250_000])
