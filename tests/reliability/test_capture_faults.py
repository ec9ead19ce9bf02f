"""The fault catalogue, third part: a deep scope memory read through a fault-injecting link.

`meterlab capture … --channels CH1 --memory` reads the simulated MSO1104Z's 1.2 M-point
memory in windows of 250,000 points (`:WAV:STAR`/`:WAV:STOP`, one `#` block each). The
scope is stopped once, so every read of it holds the same record; a clean capture of it
is the reference. Each test runs the command as a real process through
`meterlab.sim.faultlink.FaultLink` with one fault switched on as the third window goes
out, and asserts what a person relies on:

* the capture is complete and identical to the clean one, or the command fails (exit 2)
  with one line saying what happened, and the file then holds exactly the points read
  before the fault, marked partial (what the command says it saved): never a short or
  shifted trace passed off as whole, never a `*.part` file left behind;
* the command ends promptly (within twice the timeout after the fault acted);
* the link is back in step afterwards: the next capture through it is whole and identical.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from _child import child_env

from meterlab.capture_io import load_capture
from meterlab.drivers.scope import Oscilloscope
from meterlab.sim import SimulatedBench
from meterlab.sim.faultlink import FaultLink
from tests.scope_records import DEPTH, stop_on_a_deep_ch1_record

TIMEOUT_S = 1.0
WINDOW = 250_000  # the MSO1104Z profile's BYTE read limit: 5 windows


@pytest.fixture(scope="module")
def bench() -> Iterator[SimulatedBench]:
    with SimulatedBench(seed=3) as b:
        with Oscilloscope.open(b.scope_resource) as scope:
            stop_on_a_deep_ch1_record(scope)
        yield b


@dataclass
class Captured:
    code: int
    err: str
    out: str
    seconds_after_fault: float | None
    path: Path


def capture(resource: str, path: Path, link: FaultLink | None = None) -> Captured:
    proc = subprocess.run(
        [sys.executable, "-m", "meterlab", "capture", resource, "--channels", "CH1",
         "--memory", "--timeout", str(TIMEOUT_S), "--out", str(path)],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
        env=child_env())
    ended = time.monotonic()
    acted = link.acted_at() if link is not None else None
    return Captured(proc.returncode, proc.stderr, proc.stdout,
                    None if acted is None else ended - acted, path)


@pytest.fixture(scope="module")
def clean(bench: SimulatedBench, tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    c = capture(bench.scope_resource, tmp_path_factory.mktemp("clean") / "clean.npz")
    assert c.code == 0, c.err
    (wf,) = load_capture(c.path).waveforms
    assert len(wf) == DEPTH
    return wf.y


def trace(path: Path) -> tuple[np.ndarray, bool]:
    cap = load_capture(path)
    (wf,) = cap.waveforms
    return wf.y, bool(wf.meta.get("partial", False))


FAULTS = [
    ("every reply delayed 50 ms", lambda link: link.delay(0.05)),
    ("stall under the timeout", lambda link: link.stall(TIMEOUT_S * 0.4)),
    ("stall past the timeout", lambda link: link.stall(TIMEOUT_S * 1.5)),
    ("a block sent twice", lambda link: link.repeat()),
    ("garbage bytes before a block", lambda link: link.garbage()),
    ("drop mid-block", lambda link: link.drop()),
    ("block 7 bytes short", lambda link: link.truncate_block(7)),
    ("block 7 bytes long", lambda link: link.lengthen_block(7)),
    ("scope restarted (*RST)", lambda link: link.restart()),
]


@pytest.mark.parametrize(("name", "fault"), FAULTS, ids=[f[0] for f in FAULTS])
def test_a_fault_in_a_deep_memory_read_never_yields_a_short_or_shifted_trace(
        bench: SimulatedBench, clean: np.ndarray, tmp_path: Path, name: str,
        fault: Callable[[FaultLink], None]) -> None:
    port = bench.scope_server.port  # type: ignore[union-attr]
    restarts = "restart" in name
    with FaultLink("127.0.0.1", port) as link:
        link.at_block(3, fault)
        c = capture(link.resource, tmp_path / "x.npz", link)
        link.delay(0)
        assert "Traceback" not in c.err and "internal error" not in c.err.lower(), c.err
        assert not list(tmp_path.glob("*.part"))
        assert c.seconds_after_fault is not None, "the fault never acted"
        if c.code == 0:
            y, partial = trace(c.path)
            outcome = "complete, identical"
            assert not partial and np.array_equal(y, clean), "a whole-looking trace differs"
        else:
            assert c.code == 2, c.err
            lines = [ln for ln in c.err.splitlines() if ln.startswith("meterlab:")]
            assert len(lines) == 1, c.err
            if c.path.exists():
                y, partial = trace(c.path)
                assert partial and f"{len(y):,} points" in lines[0], (len(y), c.err)
                assert 0 < len(y) < DEPTH and len(y) % WINDOW == 0
                assert np.array_equal(y, clean[:len(y)]), "the kept part is not the record's"
                outcome = f"failed in one line, the {len(y):,} points before kept"
            else:
                outcome = "failed in one line, nothing kept"
        # A link fault costs a second read of the record; only a restart loses the record
        # (the scope runs again after *RST), and that must be said, not papered over.
        assert (c.code != 0) == restarts, c.err
        if restarts:
            assert "restarted" in c.err, c.err
        assert c.seconds_after_fault < 2 * TIMEOUT_S + 1.5, c.seconds_after_fault
        print(f"\nFAULT {name} (deep scope read): {outcome}, "
              f"ended {c.seconds_after_fault:.1f} s after the fault acted")
        # back in step: the scope answers through the same link, still holding the record
        # (unless it was restarted), and reads it whole
        with Oscilloscope.open(link.resource, timeout_ms=int(TIMEOUT_S * 1000)) as scope:
            if restarts:
                assert scope.trigger_status() != "STOP"
                return
            again = scope.read_waveform("CH1", mode="memory")
    assert np.array_equal(again.y, clean)
