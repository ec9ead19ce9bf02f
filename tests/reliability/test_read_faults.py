"""The fault catalogue, first part: `meterlab read` streaming through a fault-injecting link.

Each test runs `meterlab read` as a real process against the simulated 34465A, through
`meterlab.sim.faultlink.FaultLink` on 127.0.0.1, switches one fault on after the first
readings, lets it run on, and stops it with Ctrl-C. Then it asserts what a person relies
on:

* every printed reading is in the CSV and in the session, and the session verifies;
* time stamps only go forward (nothing duplicated, nothing reordered);
* the stored readings are the meter's own sequence for its acquisition, regenerated from
  the simulator's seed, each once and in order; where the link broke and meterlab took
  the same acquisition up again on a new connection, readings are missing only at a gap
  mark, and exactly as many as the user is told were lost with the broken reply;
* after a restart (*RST) the readings after the gap are the new acquisition's, in full;
* a gap is marked when, and only when, readings were lost; the user is told in one line
  per fault, naming what happened;
* the meter is read again within twice the timeout plus the engine's first back-off.

The figures (readings, gap, seconds to recover) are printed; README.md holds the table.
"""

from __future__ import annotations

import csv
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest

from meterlab.sim import SimulatedBench
from meterlab.sim.faultlink import FaultLink
from meterlab.store import SessionStore

TIMEOUT_S = 0.5
#: The engine's first back-off before reconnecting (acquire.Acquisition default).
BACKOFF_S = 0.5


@pytest.fixture(scope="module")
def bench() -> Iterator[SimulatedBench]:
    with SimulatedBench(seed=11) as b:
        yield b


@dataclass
class Outcome:
    code: int
    err: str
    readings: int
    gaps: int
    recovered_s: float | None
    values_after_gap: np.ndarray
    t: np.ndarray
    values: np.ndarray
    lost: int  # readings the meter produced in the acquisition the fault broke, not stored
    resumed: bool  # the acquisition the fault hit went on (the same one, taken up again)
    gap_at: np.ndarray  # indices of the readings marked with gap_before


def read_through(bench: SimulatedBench, tmp: Path, fault: Callable[[FaultLink], None],
                 before: int = 40, after: int = 150, mode: tuple[str, ...] = ()) -> Outcome:
    db, out_csv = tmp / "s.db", tmp / "r.csv"
    port = bench.dmm_server.port  # type: ignore[union-attr]
    with FaultLink("127.0.0.1", port) as link:
        proc = subprocess.Popen(
            [sys.executable, "-m", "meterlab", "read", link.resource, "--count", "0",
             "--nplc", "0.02", "--timeout", str(TIMEOUT_S), "--give-up", "15",
             "--db", str(db), "--csv", str(out_csv), *mode],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
            env={**os.environ, "PYTHONUNBUFFERED": "1"})
        told: list[tuple[float, str]] = []  # (monotonic time, line) as stderr speaks
        assert proc.stderr is not None
        listener = threading.Thread(
            target=lambda: told.extend((time.monotonic(), line) for line in proc.stderr),
            daemon=True)
        listener.start()
        try:
            assert proc.stdout is not None
            seen = 0
            deadline = time.monotonic() + 30
            while seen < before and time.monotonic() < deadline:
                seen += bool(proc.stdout.readline())
            assert seen == before, "no readings before the fault"
            t_fault = time.monotonic()
            broken = bench.dmm.acq
            fault(link)
            # Let the fault act (a cut-off block shows only after the timeout) before counting
            # the readings that must follow it; lines printed meanwhile wait in the pipe.
            time.sleep(2 * TIMEOUT_S + BACKOFF_S + 0.5)
            while seen < before + after and time.monotonic() < deadline:
                seen += bool(proc.stdout.readline())
            assert seen == before + after, "reading did not resume after the fault"
            proc.send_signal(signal.SIGINT)
            rest = proc.stdout.read()
            proc.wait(20)
            listener.join(5)
        finally:
            if proc.poll() is None:
                proc.kill()
    err = "".join(line for _, line in told)
    # Back to reading: the engine's one line that the meter answers again, timed as spoken.
    back = [t for t, line in told if "answers again" in line and t > t_fault]
    printed = seen + len(rest.splitlines())
    with out_csv.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with SessionStore(db) as store:
        (info,) = store.sessions()
        frame = store.readings(info.id)
        (verdict,) = store.verify()
    assert verdict.ok, verdict.problems
    assert len(rows) == printed == info.n_readings == len(frame)
    gap_at = np.flatnonzero(frame["gap_before"].to_numpy())
    t = frame["t"].to_numpy()
    recovered = back[0] - t_fault if back else None
    start = int(gap_at[-1]) if len(gap_at) else 0
    values = frame["value"].to_numpy()
    resumed = not mode and broken is not None and broken is bench.dmm.acq
    lost = 0
    if resumed:
        # The same acquisition throughout: the meter's own count against what was stored.
        lost = missing_at_gaps(values, gap_at, bench)
    elif not mode and broken is not None:
        # A new acquisition after the gap: the old one's count against what was stored of
        # it (everything before the reconnect's gap mark).
        lost = broken.produced - start
    return Outcome(proc.returncode, err, printed, len(gap_at), recovered,
                   values[start:], t, values, lost, resumed, gap_at)


def exact_sequence(values: np.ndarray, bench: SimulatedBench) -> bool:
    """The readings are the meter's current acquisition, from its first reading on,
    every one once and in order (9 significant digits on the wire)."""
    acq = bench.dmm.acq
    assert acq is not None
    expected = bench.dmm._generate(acq, 0, values.shape[0])
    return acq.produced == values.shape[0] and bool(
        np.allclose(values, expected, rtol=0, atol=1e-7))


def missing_at_gaps(values: np.ndarray, gap_at: np.ndarray, bench: SimulatedBench) -> int:
    """How many of the meter's readings are not stored, asserting that the stored ones are
    its sequence from the first reading to the last it produced, each once and in order,
    with readings missing only right before a gap mark (a segment's place in the sequence
    is where its first readings match: one value alone may match a neighbour by chance at
    9 digits, a run of them does not)."""
    acq = bench.dmm.acq
    assert acq is not None
    expected = bench.dmm._generate(acq, 0, acq.produced)
    bounds = [0, *[int(g) for g in gap_at if g > 0], values.shape[0]]
    pos = 0
    missing = 0
    for a, b in pairwise(bounds):
        seg = values[a:b]
        if a > 0:  # after a gap mark the sequence may skip what was lost
            skip = find_run(expected[pos:], seg[:8])
            assert skip is not None, f"readings from {a} on are none the meter produced"
            missing += skip
            pos += skip
        assert np.allclose(seg, expected[pos:pos + seg.shape[0]], rtol=0, atol=1e-7), \
            f"readings {a}…{b} are not the meter's sequence (lost or repeated inside)"
        pos += seg.shape[0]
    assert pos == acq.produced, f"{acq.produced - pos} reading(s) missing at the end"
    return missing


def find_run(seq: np.ndarray, run: np.ndarray) -> int | None:
    """Where `run` first occurs in `seq` (to the 9 digits sent), or None."""
    for j in np.flatnonzero(np.abs(seq - run[0]) < 1e-7):
        if np.allclose(seq[j:j + run.shape[0]], run, rtol=0, atol=1e-7) and \
                seq[j:j + run.shape[0]].shape == run.shape:
            return int(j)
    return None


def told_lost(err: str) -> int | None:
    """The count of readings the user was told went down with the broken reply (None: told
    the count is not known)."""
    m = re.search(r"(\d+) readings? it sent as the link broke (?:were|was) lost", err)
    if m:
        return int(m.group(1))
    assert "how many is not known" in err, err
    return None


def report(name: str, o: Outcome) -> None:
    rec = "—" if o.recovered_s is None else f"{o.recovered_s:.2f} s"
    print(f"\nFAULT {name}: {o.readings} readings, {o.lost} lost, {o.gaps} gap(s), "
          f"recovered {rec}")


def common(o: Outcome) -> None:
    assert o.code == 0 and "Traceback" not in o.err, o.err
    assert np.all(np.diff(o.t) > 0), "time stamps repeat or go back"


@pytest.mark.parametrize(("name", "fault"), [
    ("delay every reply 50 ms", lambda link: link.delay(0.05)),
    ("stall shorter than the timeout", lambda link: link.stall(TIMEOUT_S * 0.4)),
])
def test_faults_the_timeout_absorbs_lose_nothing_and_mark_no_gap(
        bench: SimulatedBench, tmp_path: Path, name: str,
        fault: Callable[[FaultLink], None]) -> None:
    o = read_through(bench, tmp_path, fault)
    report(name, o)
    common(o)
    assert o.gaps == 0 and o.lost == 0 and "Reconnecting" not in o.err
    assert exact_sequence(o.values_after_gap, bench)


def test_a_stall_past_the_timeout_is_waited_out_and_loses_nothing(
        bench: SimulatedBench, tmp_path: Path) -> None:
    """The meter goes on measuring into its memory while the link stalls; the late reply to
    the drain that timed out is claimed, so nothing is lost and no gap is marked."""
    o = read_through(bench, tmp_path, lambda link: link.stall(3 * TIMEOUT_S))
    report("stall past the timeout", o)
    common(o)
    told = [line for line in o.err.splitlines() if "not answering" in line]
    assert len(told) == 1 and "did not answer" in told[0], o.err
    assert "answers again" in o.err and "Reconnecting" not in o.err
    assert o.gaps == 0 and o.lost == 0
    assert exact_sequence(o.values_after_gap, bench)


def test_a_reply_sent_twice_is_read_away_before_the_next_question(
        bench: SimulatedBench, tmp_path: Path) -> None:
    """A repeated reply is bytes nobody asked for: the Connection sees them waiting before
    its next question and catches up first, so no reading is stored twice or lost."""
    o = read_through(bench, tmp_path, lambda link: link.repeat())
    report("reply repeated", o)
    common(o)
    assert o.gaps == 0 and o.lost == 0 and "Reconnecting" not in o.err
    assert exact_sequence(o.values_after_gap, bench)


#: At most what the meter measures in 0.25 s at NPLC 0.02 with auto-zero (1250 readings/s):
#: the one drain reply a fault destroys holds about one poll interval (50 ms) of readings,
#: with room for a slow poll on a busy machine.
ONE_DRAIN = 312

BREAKING = [
    ("drop mid-reply", lambda link: link.drop(), "connection was lost"),
    ("garbage bytes", lambda link: link.garbage(), "could not read"),
    ("block truncated", lambda link: link.truncate_block(7), "did not answer in time"),
    ("block lengthened", lambda link: link.lengthen_block(7), "could not read"),
]


@pytest.mark.parametrize(("name", "fault", "words"), BREAKING)
def test_faults_that_break_the_link_lose_only_the_broken_reply(
        bench: SimulatedBench, tmp_path: Path, name: str,
        fault: Callable[[FaultLink], None], words: str) -> None:
    """The link breaks, the meter does not: meterlab reconnects, finds the meter still in
    the same acquisition and drains on, so what it measured meanwhile is kept. Only the
    readings of the drain reply the fault destroyed are lost (R? had already taken them
    out of the meter's memory): one gap, and the user is told how many where the reply's
    header said so."""
    o = read_through(bench, tmp_path, fault)
    report(name, o)
    common(o)
    told = [line for line in o.err.splitlines()
            if "Reconnecting" in line or "not answering" in line]
    assert len(told) == 1 and words in told[0], o.err
    assert "overflowed" not in o.err and "may be missing" not in o.err
    assert o.resumed, "a new acquisition was started: what the meter held was dropped"
    assert "kept measuring" in o.err, o.err
    # a fault that hit the status reply after a drain, not the drain, loses nothing
    assert o.gaps == (1 if o.lost else 0) and 0 <= o.lost <= ONE_DRAIN
    count = told_lost(o.err) if o.lost else 0
    if name == "garbage bytes":  # no header came: the count cannot be known, only bounded
        assert count in (None, 0)
    else:  # the header of the destroyed block came through: exactly that many
        assert count == o.lost, o.err
    assert o.recovered_s is not None and o.recovered_s < 2 * TIMEOUT_S + BACKOFF_S + 1.0


def test_an_instrument_restarted_meanwhile_gets_a_new_acquisition(
        bench: SimulatedBench, tmp_path: Path) -> None:
    """*RST between the loss and the reconnect: the meter is idle, its counts back to 1 and
    its memory empty, so it is not taken for the acquisition meterlab started. A new one is
    started, the gap marked, and what follows is the new acquisition from its first
    reading."""
    o = read_through(bench, tmp_path, lambda link: link.restart())
    report("instrument restarted (*RST)", o)
    common(o)
    told = [line for line in o.err.splitlines()
            if "Reconnecting" in line or "not answering" in line]
    # the restarted meter's link may first look stalled (no reply to the drain in flight)
    assert len(told) == 1 and any(w in told[0] for w in ("connection was lost",
                                                         "did not answer")), o.err
    assert not o.resumed and "kept measuring" not in o.err
    assert "answers again; reading on (the gap is marked)" in o.err
    assert o.gaps == 1 and o.lost >= 0
    assert o.recovered_s is not None and o.recovered_s < 2 * TIMEOUT_S + BACKOFF_S + 1.0
    assert exact_sequence(o.values_after_gap, bench)


PER_READING = [
    ("stall past the timeout", lambda link: link.stall(3 * TIMEOUT_S), "did not answer in time"),
    ("drop mid-reply", lambda link: link.drop(), "connection was lost"),
    ("garbage bytes", lambda link: link.garbage(b"+1.0E+00,+2.0E+00\n"), "could not read"),
    # the extra reply waits in the socket; the Connection sees bytes nobody asked for before
    # the next READ? and catches up first (visa_sync), so no reading is stored twice
    ("reply repeated", lambda link: link.repeat(), ""),
]


@pytest.mark.parametrize(("name", "fault", "words"), PER_READING)
def test_faults_during_per_reading_mode(bench: SimulatedBench, tmp_path: Path, name: str,
                                        fault: Callable[[FaultLink], None], words: str) -> None:
    """One READ? per reading (--interval): a fault costs at most the reading in flight; a
    repeated reply must not turn into a second reading, nor shift every later reading."""
    o = read_through(bench, tmp_path, fault, before=20, after=40, mode=("--interval", "0.01"))
    report(f"{name} (per reading)", o)
    common(o)
    told = [line for line in o.err.splitlines() if "Reconnecting" in line]
    assert len(told) <= 1 and (not words or words in told[0]), o.err
    assert o.gaps <= 2 and "overflowed" not in o.err
    assert o.recovered_s is None or o.recovered_s < 2 * TIMEOUT_S + BACKOFF_S + 1.0
    v = o.values[np.isfinite(o.values)]
    repeats = int(np.count_nonzero(v[1:] == v[:-1]))  # noise makes equal neighbours a copy
    assert repeats == 0, f"{repeats} reading(s) stored twice: a late reply was taken as new"
