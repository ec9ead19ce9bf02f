"""Run a limit plan: for each check, prompt, set up, measure, reduce, judge, record.

The runner is Qt-free so the CLI (`meterlab run`), the GUI's plan runner and
tests share it; both faces drive it through `meterlab.bench.plan_run.PlanRun`, which
also decides the unit's outcome. It talks to instruments only through a `Bench` (the measuring
side: DMM and scope drivers), and tells the person what to do through a
`prompt` callback; with the simulated bench a `probe_mover` moves the virtual
probes instead of a hand.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import numpy as np

from meterlab.errors import MeterlabError
from meterlab.plan import Check, Plan
from meterlab.readings import ReadingBatch, Verdict
from meterlab.tolerance import tur_warning

if TYPE_CHECKING:
    from meterlab.store import SessionWriter


class Bench(Protocol):
    """The measuring side of a run (see `meterlab.bench_io` for the real one)."""

    def measure_dmm(self, check: Check) -> ReadingBatch: ...
    def measure_scope(self, check: Check) -> ReadingBatch: ...
    def uncertainty(self, check: Check, values: np.ndarray) -> np.ndarray | None: ...


@dataclass
class CheckResult:
    check: Check
    value: float = math.nan
    verdict: Verdict = Verdict.ERROR
    margin: float = math.nan
    values: np.ndarray = field(default_factory=lambda: np.empty(0))
    overload: bool = False
    message: str = ""
    warning: str = ""
    skipped: bool = False

    @property
    def passed(self) -> bool:
        return self.verdict in (Verdict.PASS, Verdict.MARGINAL)


@dataclass
class RunResult:
    """The checks' results of a run. The unit's outcome is not here: it is decided once,
    when the session finishes (`meterlab.bench.plan_run.PlanRun.finish`)."""

    plan: Plan
    results: list[CheckResult]
    session_id: str = ""


def reduce_values(values: np.ndarray, overload: np.ndarray, how: str) -> tuple[float, bool]:
    """Reduce N readings to the value judged; an overload anywhere wins (never averaged)."""
    if overload.any():
        return math.nan, True
    valid = values[~np.isnan(values)]
    if valid.size == 0:
        return math.nan, False
    if how == "mean":
        return float(valid.mean()), False
    if how == "max":
        return float(valid.max()), False
    if how == "min":
        return float(valid.min()), False
    return float(valid[-1]), False


class PlanRunner:
    """Drive a bench through a plan, one check at a time."""

    def __init__(
        self,
        plan: Plan,
        bench: Bench,
        *,
        rule: str | None = None,
        prompt: Callable[[Check], bool] | None = None,
        probe_mover: Callable[[Check], None] | None = None,
        writer: SessionWriter | None = None,
        on_result: Callable[[CheckResult], None] | None = None,
    ) -> None:
        self.plan = plan
        self.bench = bench
        self.rule = rule or plan.rule
        self.prompt = prompt
        self.probe_mover = probe_mover
        self.writer = writer
        self.on_result = on_result
        if writer is not None:
            for c in plan.checks:
                writer.add_check(check_id=c.id, title=c.title, function=_function_name(c),
                                 unit=c.unit, limit_text=c.limit.text, lower=c.limit.lower,
                                 upper=c.limit.upper, nominal=c.limit.nominal)

    def run(self, only: set[str] | None = None) -> RunResult:
        results = []
        for check in self.plan.checks:
            if only and check.id not in only:
                continue
            results.append(self.run_check(check))
        return RunResult(self.plan, results, self.writer.id if self.writer else "")

    def run_check(self, check: Check) -> CheckResult:
        """Prompt, measure, judge and record one check; instrument errors become ERROR.

        Before anything is sent for the check, a bench that has a `recover(check)` method
        (`InstrumentBench`) reopens an instrument whose link broke during an earlier
        check, so a dropped connection or a restarted instrument costs the check in flight,
        not every check after it. Moving the simulated probes is I/O too: its failure is
        this check's ERROR, not the end of the run.
        """
        try:
            recover = getattr(self.bench, "recover", None)
            if recover is not None:
                recover(check)
            if self.probe_mover is not None:
                self.probe_mover(check)
        except MeterlabError as exc:
            return self._error(check, exc)
        if self.prompt is not None and not self.prompt(check):
            result = CheckResult(check, skipped=True, message="skipped")
            self._report(result)
            return result
        try:
            if check.instrument == "dmm":
                batch = self.bench.measure_dmm(check)
            else:
                batch = self.bench.measure_scope(check)
        except MeterlabError as exc:
            return self._error(check, exc)
        value, over = reduce_values(batch.values, batch.overload, check.reduce)
        uncertainty = None
        warning = ""
        if self.rule == "guarded" and not math.isnan(value):
            uncertainty = self.bench.uncertainty(check, np.array([value]))
            if uncertainty is None:
                warning = ("no accuracy specification is known for this measurement, so it "
                           "was judged without a guard band (simple rule)")
            else:
                warning = tur_warning(check.limit, float(uncertainty[0])) or ""
        ev = check.limit.evaluate(np.array([value]), overload=np.array([over]),
                                  uncertainty=uncertainty, rule=self.rule)
        verdict = Verdict(int(ev.verdicts[0]))
        result = CheckResult(check, value=value, verdict=verdict, margin=float(ev.margin[0]),
                             values=batch.values, overload=over, warning=warning)
        if self.writer is not None:
            # Each raw reading judged on its own (simple rule) for trend exports; the
            # check's verdict is the reduced value's, under the session's rule.
            per = check.limit.evaluate(batch.values, overload=batch.overload, rule="simple")
            self.writer.append(batch, check_id=check.id, verdicts=per.verdicts,
                               margins=per.margin, role=check.instrument)
            self.writer.add_result(check_id=check.id, value=value, verdict=int(verdict),
                                   margin=result.margin, overload=over, n=len(batch),
                                   note=f"{ev.rule} rule" + (f"; {warning}" if warning else ""),
                                   role=check.instrument)
        self._report(result)
        return result

    def _error(self, check: Check, exc: MeterlabError) -> CheckResult:
        """The check could not be measured: ERROR, recorded with the reason."""
        result = CheckResult(check, verdict=Verdict.ERROR, message=str(exc))
        if self.writer is not None:
            self.writer.add_result(check_id=check.id, value=math.nan,
                                   verdict=int(Verdict.ERROR), note=str(exc)[:500],
                                   role=check.instrument)
        self._report(result)
        return result

    def _report(self, result: CheckResult) -> None:
        if self.on_result is not None:
            self.on_result(result)


def _function_name(check: Check) -> str:
    return check.measure if check.instrument == "dmm" else f"{check.measure} {check.source}"
