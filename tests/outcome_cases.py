"""The outcome table's cases, and sessions built for them through the application layer.

Each case is a plan of one or two checks whose results are given (a stand-in for the
measuring side: the runner, the session writer, the store and the layer's finish are all
real), so every combination of verdicts is recorded the way a run records it, fast.
The expected outcome of each case is written out by hand from the rule documented in
`meterlab/outcome.py`, never computed by it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from meterlab.bench.plan_run import PlanInstruments, PlanRun
from meterlab.bench.session import start_session
from meterlab.errors import InstrumentError
from meterlab.plan import Check, parse_plan
from meterlab.readings import ReadingBatch
from meterlab.store import SessionStore

KINDS = ("pass", "marginal", "indeterminate", "fail", "overload", "error", "skipped")

_PJ, _FA, _NJ, _MA = "PASS", "FAIL", "NOT JUDGED", "MARGINAL"
#: Every verdict alone and every mixed pair (unordered), by the documented rule.
EXPECTED: dict[tuple[str, ...], str] = {
    ("pass",): _PJ, ("marginal",): _PJ, ("indeterminate",): _FA, ("fail",): _FA,
    ("overload",): _FA, ("error",): _NJ, ("skipped",): _NJ,
    ("pass", "marginal"): _PJ, ("pass", "indeterminate"): _FA, ("pass", "fail"): _FA,
    ("pass", "overload"): _FA, ("pass", "error"): _NJ, ("pass", "skipped"): _NJ,
    ("marginal", "indeterminate"): _FA, ("marginal", "fail"): _FA,
    ("marginal", "overload"): _FA, ("marginal", "error"): _NJ, ("marginal", "skipped"): _NJ,
    ("indeterminate", "fail"): _FA, ("indeterminate", "overload"): _FA,
    ("indeterminate", "error"): _NJ, ("indeterminate", "skipped"): _NJ,
    ("fail", "overload"): _FA, ("fail", "error"): _FA, ("fail", "skipped"): _FA,
    ("overload", "error"): _FA, ("overload", "skipped"): _FA,
    ("error", "skipped"): _NJ,
}
assert set(EXPECTED) == {(k,) for k in KINDS} | set(itertools.combinations(KINDS, 2))

#: With `show_marginal = true` in the plan, a marginal pass says MARGINAL.
EXPECTED_SHOWING_MARGINAL: dict[tuple[str, ...], str] = {
    ("marginal",): _MA, ("pass", "marginal"): _MA, ("marginal", "error"): _NJ,
    ("marginal", "fail"): _FA, ("pass",): _PJ,
}

#: The value each kind of check reads, against "1 V ±5 % warn ±2 %" under the guarded
#: rule; the guard band is 10 mV for the indeterminate check and 1 µV elsewhere.
_VALUES = {"pass": 1.0, "marginal": 1.03, "indeterminate": 1.049, "fail": 1.2,
           "overload": 9.9e37, "skipped": 1.0}


@dataclass(frozen=True)
class Case:
    kinds: tuple[str, ...]
    show_marginal: bool
    expected: str
    session_id: str
    decided: str  # what the layer returned at finish


class _GivenResults:
    """The runner's measuring side, answering each check with the value its kind asks for."""

    def measure_dmm(self, check: Check) -> ReadingBatch:
        kind = check.id.split("_", 1)[1]
        if kind == "error":
            raise InstrumentError(f"The meter did not answer while measuring {check.id}.")
        return ReadingBatch.from_raw(np.array([1.78e9]), np.array([_VALUES[kind]]),
                                     function="VOLT:DC", unit="V")

    def measure_scope(self, check: Check) -> ReadingBatch:
        return self.measure_dmm(check)

    def uncertainty(self, check: Check, values: np.ndarray) -> np.ndarray | None:
        kind = check.id.split("_", 1)[1]
        return np.full(values.shape, 0.01 if kind == "indeterminate" else 1e-6)


def plan_text(kinds: tuple[str, ...], show_marginal: bool) -> str:
    head = (f'[plan]\nname = "outcome {"+".join(kinds)}"\nversion = "1"\ndut = "node"\n'
            f'rule = "guarded"\nshow_marginal = {"true" if show_marginal else "false"}\n')
    checks = "".join(f'\n[[check]]\nid = "c{i}_{k}"\nmeasure = "VOLT:DC"\nnominal = "1 V"\n'
                     f'tolerance = "±5 % warn ±2 %"\n' for i, k in enumerate(kinds))
    return head + checks


def record(store: SessionStore, kinds: tuple[str, ...], show_marginal: bool = False,
           serial: str = "") -> tuple[str, str]:
    """Run a plan of these kinds of checks through the layer into `store`; (id, outcome)."""
    plan = parse_plan(plan_text(kinds, show_marginal), sha256="cd" * 32)
    session = start_session(store, kind="run", operator="ana", plan=plan,
                            dut_serial=serial or "+".join(kinds))
    run = PlanRun(plan, PlanInstruments(None, None), session=session, bench=_GivenResults(),
                  prompt=lambda check: not check.id.endswith("_skipped"))
    run.run()
    return session.id, str(run.finish("complete"))


def build(path: Path) -> list[Case]:
    """A database holding one session per case of the table (and the show_marginal ones)."""
    cases = []
    with SessionStore(path) as store:
        for kinds, expected in EXPECTED.items():
            sid, decided = record(store, kinds)
            cases.append(Case(kinds, False, expected, sid, decided))
        for kinds, expected in EXPECTED_SHOWING_MARGINAL.items():
            sid, decided = record(store, kinds, True, "shown " + "+".join(kinds))
            cases.append(Case(kinds, True, expected, sid, decided))
    return cases
