"""Running a limit plan for one unit, from opening the instruments to the stored outcome.

`meterlab run` and the GUI's plan runner both drive a `PlanRun`: it wraps the
check-by-check `PlanRunner` (prompting, measuring through `InstrumentBench`,
judging, recording) around an optional recorded session, keeps each check's last
result (a retried check counts with its last attempt), and at `finish` decides the
unit's outcome, once, by the rule in `meterlab.outcome`, and stores it in the
session's hash chain. Faces only display what it returns.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from meterlab.outcome import Outcome, decide_outcome
from meterlab.plan import Check, Plan
from meterlab.readings import Verdict
from meterlab.runner import Bench, CheckResult, PlanRunner

if TYPE_CHECKING:
    from meterlab.bench.session import BenchSession
    from meterlab.drivers.dmm import Multimeter
    from meterlab.drivers.scope import Oscilloscope


def needed_instruments(plan: Plan, only: set[str] | None = None) -> set[str]:
    """The instrument roles ("dmm", "scope") the plan's (selected) checks need."""
    return {c.instrument for c in plan.checks if not only or c.id in only}


@dataclass
class PlanInstruments:
    dmm: Multimeter | None
    scope: Oscilloscope | None

    def roles(self) -> list[tuple[str, Any]]:
        """(role, connection) of each opened instrument, for the session record."""
        return [(role, drv.conn) for role, drv in (("dmm", self.dmm), ("scope", self.scope))
                if drv is not None]


@contextlib.contextmanager
def open_plan_instruments(plan: Plan, dmm_resource: str | None, scope_resource: str | None,
                          backend: str | None = None, *, only: set[str] | None = None,
                          on_opening: Callable[[str], None] | None = None,
                          ) -> Iterator[PlanInstruments]:
    """Open the instruments the plan needs (only those given), close them afterwards.

    `on_opening(role)` is told before each one opens (a slow connect can take seconds).
    """
    from meterlab.drivers.dmm import Multimeter
    from meterlab.drivers.scope import Oscilloscope
    from meterlab.visa import open_instrument

    needs = needed_instruments(plan, only)
    opened: list[Any] = []
    try:
        dmm = scope = None
        if "dmm" in needs and dmm_resource:
            if on_opening is not None:
                on_opening("dmm")
            conn = open_instrument(dmm_resource, backend=backend, profile="auto")
            opened.append(conn)
            dmm = Multimeter(conn)
        if "scope" in needs and scope_resource:
            if on_opening is not None:
                on_opening("scope")
            scope = Oscilloscope.open(scope_resource, backend=backend)
            opened.append(scope.conn)
        yield PlanInstruments(dmm, scope)
    finally:
        for conn in opened:
            with contextlib.suppress(Exception):
                conn.close()


class PlanRun:
    """One unit through one plan; `finish` decides and stores its outcome."""

    def __init__(self, plan: Plan, instruments: PlanInstruments, *, rule: str | None = None,
                 simulated: bool = False, session: BenchSession | None = None,
                 prompt: Callable[[Check], bool] | None = None,
                 on_result: Callable[[CheckResult], None] | None = None,
                 bench: Bench | None = None) -> None:
        """`bench` replaces the measuring side built from `instruments` (another program
        measuring its own way; tests of what follows from given results)."""
        from meterlab.bench_io import InstrumentBench, SimulatedProbes

        self.plan = plan
        self.session = session
        self.outcome: Outcome | None = None
        self._on_result = on_result
        self._results: dict[str, CheckResult] = {}
        mover = SimulatedProbes(instruments.dmm, instruments.scope) if simulated else None
        measuring = bench or InstrumentBench(instruments.dmm, instruments.scope)
        self.runner = PlanRunner(plan, measuring,
                                 rule=rule, prompt=prompt, probe_mover=mover,
                                 writer=session.writer if session is not None else None,
                                 on_result=self._take)

    @property
    def rule(self) -> str:
        return self.runner.rule

    @property
    def session_id(self) -> str:
        return self.session.id if self.session is not None else ""

    def _take(self, result: CheckResult) -> None:
        # A skipped retry keeps the earlier result: skipping is not a result.
        if not (result.skipped and result.check.id in self._results):
            self._results[result.check.id] = result
        if self._on_result is not None:
            self._on_result(result)

    def run(self, only: set[str] | None = None) -> list[CheckResult]:
        """Measure every check (or those in `only`) in plan order."""
        for check in self.plan.checks:
            if not only or check.id in only:
                self.run_check(check)
        return self.results

    def run_check(self, check: Check) -> CheckResult:
        """Measure one check (again, for a retry); its result replaces the earlier one."""
        return self.runner.run_check(check)

    @property
    def results(self) -> list[CheckResult]:
        """Each check's last result, in plan order (checks not run yet are absent)."""
        return [self._results[c.id] for c in self.plan.checks if c.id in self._results]

    def check_verdicts(self) -> list[Verdict | None]:
        """Per plan check: its last verdict; None when skipped or not run."""
        out: list[Verdict | None] = []
        for c in self.plan.checks:
            r = self._results.get(c.id)
            out.append(None if r is None or r.skipped else r.verdict)
        return out

    def preview(self) -> Outcome:
        """What the outcome would be if the unit were finished now (shown while retries are
        still possible). Not stored: only `finish` decides."""
        return decide_outcome(self.check_verdicts(), show_marginal=self.plan.show_marginal)

    def finish(self, status: str = "complete") -> Outcome:
        """Decide the unit's outcome (once) and close the session with it."""
        if self.outcome is None:
            self.outcome = self.preview()
            if self.session is not None:
                self.session.finish(status=status, outcome=self.outcome)
        return self.outcome

    def summary(self) -> str:
        """"2 pass, 1 error, 1 not run": the checks behind the outcome, for a one-line report."""
        counts: dict[str, int] = {}
        for c in self.plan.checks:
            r = self._results.get(c.id)
            name = "not run" if r is None else "skipped" if r.skipped else r.verdict.name.lower()
            counts[name] = counts.get(name, 0) + 1
        order = [v.name.lower() for v in Verdict] + ["skipped", "not run"]
        return ", ".join(f"{counts[k]} {k}" for k in order if k in counts)
