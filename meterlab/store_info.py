"""What the session store hands back: a session's details, its checks, results and
instruments, and what `verify` found. Plain frozen dataclasses, so every face can show
them and none can change them."""

from __future__ import annotations

from dataclasses import dataclass, field

from meterlab.outcome import Outcome
from meterlab.readings import Verdict
from meterlab.store_chain import CHAIN_VERSION


@dataclass(frozen=True)
class InstrumentInfo:
    role: str
    resource: str
    maker: str
    model: str
    serial: str
    firmware: str
    cal_due: str | None
    cal_expired: bool


@dataclass(frozen=True)
class CheckInfo:
    check_id: str
    title: str
    function: str
    unit: str
    limit_text: str
    lower: float | None
    upper: float | None
    nominal: float | None


@dataclass(frozen=True)
class ResultInfo:
    """The judged result of a check as the run decided it (e.g. mean of 5, guarded)."""

    check_id: str
    value: float | None
    verdict: Verdict
    margin: float | None
    overload: bool
    n: int
    note: str
    cal_expired: bool


@dataclass(frozen=True)
class SessionInfo:
    """One session's metadata and verdict counts (readings via `SessionStore.readings`)."""

    id: str
    start_utc: str
    end_utc: str | None
    status: str            # running | complete | aborted | incomplete
    kind: str
    operator: str
    station: str
    dut_type: str
    dut_serial: str
    meterlab_version: str
    plan_name: str
    plan_version: str
    plan_sha256: str
    rule: str
    notes: str
    n_readings: int
    counts: dict[str, int]                 # verdict name → readings with that verdict
    final_hash: str | None
    head_hash: str
    instruments: tuple[InstrumentInfo, ...] = ()
    checks: tuple[CheckInfo, ...] = ()
    results: tuple[ResultInfo, ...] = ()
    cal_expired: bool = False
    #: The unit's outcome as decided once when the session finished (see
    #: `meterlab.outcome`); None while running and for logs without a plan.
    outcome: Outcome | None = None
    #: 2: the outcome is inside the hash chain; 1: written before outcomes were stored
    #: (its outcome was given at migration and `verify` checks it against the results).
    chain_version: int = CHAIN_VERSION

    @property
    def outcome_text(self) -> str:
        """The outcome as every face prints it: the word, or "—" when there is none."""
        return str(self.outcome) if self.outcome is not None else "—"

    def last_results(self) -> list[tuple[str, ResultInfo | None]]:
        """Every check of the session (plan order) with its last result, None if it has
        none (skipped or not reached), so a report can list what was never measured."""
        last: dict[str, ResultInfo] = {}
        for r in self.results:
            last[r.check_id] = r
        ids = dict.fromkeys([c.check_id for c in self.checks] + [r.check_id for r in self.results])
        return [(cid, last.get(cid)) for cid in ids]

    @property
    def short_id(self) -> str:
        return self.id[:8]


@dataclass(frozen=True)
class VerifyResult:
    session_id: str
    ok: bool
    status: str
    records: int
    final_hash: str | None
    problems: tuple[str, ...] = field(default_factory=tuple)
