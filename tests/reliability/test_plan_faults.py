"""The fault catalogue, second part: `meterlab run` through a fault-injecting link.

Each test runs `meterlab run iot-sensor-node` as a real process against the simulated
bench (34465A and MSO1104Z served over TCP in this process), with one instrument behind
`meterlab.sim.faultlink.FaultLink`. After the first check's row is printed one fault is
switched on; the link logs when it acted on a reply, so the test knows which check was
in flight. Then it asserts what a person relies on:

* only the check in flight is affected: it ends in ERROR (never a wrong PASS or FAIL), and
  every other check's verdict is the one a clean run on the same bench gives;
* the command ends promptly, exit code 2 and one line on stderr naming the check when one
  could not be measured, no traceback (a clean run exits 2 too: `--only` leaves checks
  not run, so the unit is not judged; the line then says "not run");
* the session is stored with every check of the plan, and it verifies; its CSV export
  lists every check of the plan and each measured check's verdict, ERROR included.

The figures (checks lost, seconds the run took longer than a clean one) are printed with
`-s`; README.md holds the table.
"""

from __future__ import annotations

import math
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from _child import child_env

from meterlab.export import export_sessions
from meterlab.plan import find_plan, load_plan
from meterlab.sim import SimulatedBench
from meterlab.sim.faultlink import FaultLink
from meterlab.store import SessionStore

TIMEOUT_S = 1.0
PLAN = "iot-sensor-node"
#: The plan's quick checks (the UART and I²C captures take seconds each on this machine).
CHECKS = ("vbus", "vbus_ripple", "ntc", "r1", "pwm_freq", "pwm_duty")


@pytest.fixture(scope="module")
def bench() -> Iterator[SimulatedBench]:
    with SimulatedBench(seed=7) as b:
        yield b


@dataclass
class Run:
    code: int
    err: str
    verdicts: dict[str, str]           # check → verdict word as printed
    printed_at: dict[str, float]       # check → monotonic time its row was printed
    seconds: float
    acted: float | None                # when the fault first acted (monotonic)
    db: Path


def run_plan(bench: SimulatedBench, tmp: Path, role: str = "dmm",
             fault: Callable[[FaultLink], None] | None = None, after: str = "vbus") -> Run:
    """`meterlab run` with `role`'s instrument behind a FaultLink; `fault` is switched on
    once the row of check `after` is printed."""
    db = tmp / "s.db"
    dmm_port = bench.dmm_server.port  # type: ignore[union-attr]
    scope_port = bench.scope_server.port  # type: ignore[union-attr]
    with FaultLink("127.0.0.1", dmm_port if role == "dmm" else scope_port) as link:
        dmm = link.resource if role == "dmm" else f"TCPIP::127.0.0.1::{dmm_port}::SOCKET"
        scope = link.resource if role == "scope" else f"TCPIP::127.0.0.1::{scope_port}::SOCKET"
        env = child_env(METERLAB_STATION=str(tmp / "no-station.toml"))
        started = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "meterlab", "run", PLAN, "--dmm", dmm, "--scope", scope,
             "--simulated", "--timeout", str(TIMEOUT_S), "--db", str(db),
             *[f"--only={c}" for c in CHECKS]],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
            env=env)
        verdicts: dict[str, str] = {}
        printed: dict[str, float] = {}
        err_box: list[str] = []
        reader = threading.Thread(target=lambda: err_box.append(proc.stderr.read()),  # type: ignore[union-attr]
                                  daemon=True)
        reader.start()
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                words = line.split()
                if words and words[0] in CHECKS and words[0] not in verdicts:
                    printed[words[0]] = time.monotonic()
                    verdicts[words[0]] = next(
                        (w for w in ("PASS", "MARGINAL", "FAIL", "OVERLOAD", "ERROR",
                                     "INDETERMINATE", "SKIPPED") if w in words), "?")
                    if fault is not None and words[0] == after:
                        fault(link)
            code = proc.wait(60)
        finally:
            if proc.poll() is None:
                proc.kill()
        seconds = time.monotonic() - started
        reader.join(10)
        return Run(code, "".join(err_box), verdicts, printed, seconds, link.acted_at(), db)


@pytest.fixture(scope="module")
def clean(bench: SimulatedBench, tmp_path_factory: pytest.TempPathFactory) -> Run:
    r = run_plan(bench, tmp_path_factory.mktemp("clean"))
    assert r.code == 2 and "4 check(s) were not run" in r.err, r.err  # --only: not judged
    assert set(r.verdicts) == set(CHECKS) and set(r.verdicts.values()) == {"PASS"}, r.verdicts
    return r


def in_flight(r: Run) -> str | None:
    """The check whose row came first after the fault acted: the one it hit."""
    if r.acted is None:
        return None
    later = [(t, c) for c, t in r.printed_at.items() if t >= r.acted]
    return min(later)[1] if later else None


def assert_stored(r: Run) -> None:
    plan = load_plan(find_plan(PLAN))
    with SessionStore(r.db) as store:
        (info,) = store.sessions()
        (verdict,) = store.verify()
        assert verdict.ok, verdict.problems
        assert info.status == "complete"
        assert [c for c, _ in info.last_results()] == [c.id for c in plan.checks]
        measured = {c: res.verdict.name for c, res in info.last_results() if res is not None}
        assert measured == r.verdicts, (measured, r.verdicts)
        # the export shows every check of the plan, and each measured one's verdict
        out = export_sessions(store, [info.id], r.db.with_suffix(".csv"), "csv", None)
    head = [ln for ln in Path(out).read_text(encoding="utf-8").splitlines()
            if ln.startswith("#")]
    for check in plan.checks:
        assert any(ln.startswith(f"# check {check.id},") for ln in head), check.id
    results = {ln.split(",", 1)[0][len("# result "):]: ln.split(",", 1)[1].lstrip('"')
               for ln in head if ln.startswith("# result ")}
    for check, verdict in r.verdicts.items():
        assert results.get(check, "").startswith(f"{verdict} "), (check, results)


def check_seconds(r: Run, check: str) -> float:
    """How long `check` took: from the row before it to its own row."""
    i = CHECKS.index(check)
    return r.printed_at[check] - r.printed_at[CHECKS[i - 1]] if i else math.nan


def report(name: str, r: Run, clean: Run) -> None:
    lost = [c for c, v in r.verdicts.items() if v != clean.verdicts[c]]
    hit = in_flight(r)
    extra = "—" if hit is None else \
        f"{check_seconds(r, hit) - check_seconds(clean, hit):+.1f} s"
    print(f"\nFAULT {name} (plan run): {len(r.verdicts)} checks, {len(lost)} lost "
          f"({', '.join(lost) or '—'}), in flight {hit or '—'}, which took {extra} "
          f"against a clean run; whole run {r.seconds:.1f} s (clean {clean.seconds:.1f} s)")


FAULTS = [
    # (name, role, fault, arm after this check's row, may a check be lost?)
    ("every reply delayed 50 ms", "dmm", lambda link: link.delay(0.05), "vbus", False),
    ("stall under the timeout", "dmm", lambda link: link.stall(TIMEOUT_S * 0.4), "vbus", False),
    ("stall past the timeout", "dmm", lambda link: link.stall(TIMEOUT_S * 1.5), "vbus", True),
    ("a reply sent twice", "dmm", lambda link: link.repeat(), "vbus", True),
    ("garbage bytes", "dmm", lambda link: link.garbage(), "vbus", True),
    ("drop mid-reply", "dmm", lambda link: link.drop(), "vbus", True),
    # between two checks: the link is found closed and reopened before the next one
    ("instrument restarted (*RST)", "dmm", lambda link: link.restart(), "vbus_ripple", True),
    # while an answer is on its way: the check in flight loses it
    ("restarted mid-reply", "dmm", lambda link: link.at_reply(1, lambda lk: lk.restart()),
     "vbus", True),
    ("scope: stall past the timeout", "scope", lambda link: link.stall(TIMEOUT_S * 1.5), "r1",
     True),
    ("scope: drop mid-reply", "scope", lambda link: link.drop(), "r1", True),
    ("scope: restarted (*RST)", "scope", lambda link: link.restart(), "r1", True),
]


@pytest.mark.parametrize(("name", "role", "fault", "after", "may_lose"), FAULTS,
                         ids=[f[0] for f in FAULTS])
def test_a_fault_during_a_plan_run_costs_at_most_the_check_in_flight(
        bench: SimulatedBench, clean: Run, tmp_path: Path, name: str, role: str,
        fault: Callable[[FaultLink], None], after: str, may_lose: bool) -> None:
    r = run_plan(bench, tmp_path, role, fault, after)
    report(name, r, clean)
    assert "Traceback" not in r.err and "internal error" not in r.err.lower(), r.err
    assert set(r.verdicts) == set(CHECKS), (r.verdicts, r.err)
    hit = in_flight(r)
    changed = {c: v for c, v in r.verdicts.items() if v != clean.verdicts[c]}
    # never a wrong verdict: a check the fault hit could not be measured, and says so
    assert set(changed.values()) <= {"ERROR"}, (changed, r.err)
    # Only the check in flight, a restart included: it puts the instrument back in its
    # *RST setup, and every check sets up what it measures (the PWM checks their timebase).
    allowed = {hit} if hit else set()
    assert set(changed) <= allowed, (changed, hit, r.err)
    if not may_lose:
        assert not changed
    if changed:
        assert r.code == 2, r.err
        told = [ln for ln in r.err.splitlines() if "could not be measured" in ln]
        assert len(told) == 1 and all(c in told[0] for c in changed), r.err
    else:
        assert r.code == 2 and "could not be measured" not in r.err, r.err  # only --only's
    # the check in flight is given up within twice the timeout of what a clean run takes
    if hit is not None:
        assert check_seconds(r, hit) - check_seconds(clean, hit) < 2 * TIMEOUT_S, hit
    # promptly: at most one timeout for the question in flight and the catching up
    # (three timeouts at most, ended by the stall's end) beyond a clean run's time
    assert r.seconds < clean.seconds + 4 * TIMEOUT_S + 2.0, r.seconds
    assert_stored(r)
