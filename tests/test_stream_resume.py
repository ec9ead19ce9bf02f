"""A buffered stream survives a broken link: the meter's acquisition is taken up again.

Through `meterlab.sim.faultlink.FaultLink` (a TCP proxy that breaks replies) against the
simulated 34465A, over pyvisa-py: a drop mid-reply or garbage costs only the readings of
the reply it destroyed, a counted run still ends by itself, and the simulated meter keeps
measuring for the next connection as the real one does.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from meterlab.acquire import Acquisition, State
from meterlab.drivers.dmm import Multimeter
from meterlab.drivers.dmm_resume import readings_in_block
from meterlab.profiles import load_profiles
from meterlab.sim import SimulatedBench
from meterlab.sim.faultlink import FaultLink
from meterlab.visa import open_instrument
from tests.acquire_recorder import Recorder


@pytest.fixture()
def bench() -> Iterator[SimulatedBench]:
    with SimulatedBench(seed=7) as b:
        yield b


def opener(resource: str) -> Callable[[], Multimeter]:
    def open_meter() -> Multimeter:
        conn = open_instrument(resource, profile="auto", timeout_ms=500)
        meter = Multimeter(conn)
        meter.configure("VOLT:DC", range=10, nplc=0.02, autozero=False)
        return meter

    return open_meter


def find_run(seq: np.ndarray, run: np.ndarray) -> int | None:
    """Where `run` first occurs in `seq` (to the 9 digits sent; one value alone may match
    a neighbour by chance, a run of them does not), or None."""
    for j in np.flatnonzero(np.abs(seq - run[0]) < 1e-7):
        part = seq[j:j + run.shape[0]]
        if part.shape == run.shape and np.allclose(part, run, rtol=0, atol=1e-7):
            return int(j)
    return None


def split_at_gaps(run: Recorder, bench: SimulatedBench) -> tuple[int, int]:
    """(readings missing, gap marks): the delivered readings are the meter's sequence with
    readings missing only right before a marked batch."""
    acq = bench.dmm.acq
    assert acq is not None
    expected = bench.dmm._generate(acq, 0, acq.produced)
    pos = missing = marks = 0
    for b in run.batches:
        if b.gap_before:
            marks += 1
            skip = find_run(expected[pos:], b.values[:8])
            assert skip is not None
            missing += skip
            pos += skip
        assert np.allclose(b.values, expected[pos:pos + len(b)], rtol=0, atol=1e-7)
        pos += len(b)
    return missing, marks


# Readings a meter can send: two-digit exponents (nothing it measures is below 1e-99).
_READING = st.floats(min_value=-1e3, max_value=1e3).filter(lambda v: v == 0 or abs(v) > 1e-90)


@given(st.lists(_READING | st.sampled_from([9.9e37, -9.9e37, 9.91e37]), max_size=200))
def test_the_count_of_readings_follows_from_a_truevolt_block_length(values: list[float]) -> None:
    body = ",".join(f"{v:+.8E}" for v in values)  # the Truevolt ASCII reading form
    assert readings_in_block(len(body)) == len(values)


def test_a_length_no_run_of_readings_has_is_not_counted() -> None:
    assert readings_in_block(None) is None
    assert readings_in_block(16) is None and readings_in_block(40) is None


def test_only_profiles_that_can_tell_their_acquisition_resume() -> None:
    """The Truevolt meters name the queries (34460A/61A/70A inherit them from the 34465A);
    a meter without them keeps the old way (its acquisition restarted after a loss)."""
    from meterlab.drivers.dmm_resume import QUERIES

    by_name = {p.name: p for p in load_profiles() if p.kind == "dmm"}
    for name in ("Keysight 34465A", "Keysight 34461A", "Keysight 34460A", "Keysight 34470A"):
        cmds = by_name[name].spec.commands  # type: ignore[union-attr]
        assert all(cmds.get(k) for k in QUERIES), name
    siglent = next(p for n, p in by_name.items() if "SDM3055" in n)
    assert not siglent.spec.commands.get("measuring_query")  # type: ignore[union-attr]


def test_the_simulated_meter_keeps_measuring_for_the_next_connection(
        bench: SimulatedBench) -> None:
    """A closed connection is not an ABORt: readings taken before and after it are all in
    memory for the next one, which drains them in order."""
    with open_instrument(bench.dmm_resource) as first:
        first.write("CONF:VOLT:DC 10;:VOLT:DC:NPLC 0.02;:SAMP:COUN 1000000;:TRIG:COUN INF")
        first.write("INIT")
        time.sleep(0.1)
    time.sleep(0.1)
    with open_instrument(bench.dmm_resource) as second:
        assert int(float(second.query("STAT:OPER:COND?"))) & 0x10  # still measuring
        values = np.frombuffer(bytes(second.query_binary_block("R?")), dtype="S1")
    assert values.size > 0
    acq = bench.dmm.acq
    assert acq is not None and acq.end is None and acq.serial == 1


@pytest.mark.parametrize(("fault", "known"), [("drop", True), ("garbage", False)])
def test_a_counted_run_across_a_broken_link_ends_by_itself(
        bench: SimulatedBench, fault: str, known: bool) -> None:
    """`count` readings asked; the link breaks on a drain reply. The run goes on with the
    same acquisition and ends when the meter has nothing more: the lost readings are not
    waited for (counted from the block header, or asked of the meter when no header came)."""
    count = 4000  # 1.6 s at NPLC 0.02, auto-zero off
    with FaultLink("127.0.0.1", bench.dmm_server.port) as link:  # type: ignore[union-attr]
        acq = Acquisition(opener(link.resource), count=count, poll=0.05, backoff=(0.2,))
        run = Recorder(acq)
        acq.start()
        run.wait_for(lambda: run.n >= 300)
        started = bench.dmm.acq
        getattr(link, fault)()
        assert acq.wait(15), "the counted run did not end"
    assert acq.error is None
    assert bench.dmm.acq is started and started is not None  # taken up, not restarted
    assert started.produced == count
    missing, marks = split_at_gaps(run, bench)
    assert run.n == acq.readings == count - missing
    back = [e for e in run.events if e.resumed]
    assert len(back) == 1
    if missing:
        assert marks == 1 and acq.gaps == 1 and 0 < missing < 400
        if known:
            assert f"{missing} readings it sent as the link broke were lost" in back[0].message
        else:
            assert "how many is not known" in back[0].message
    else:  # the fault hit the status reply after a drain: nothing was lost
        assert marks == 0 and back[0].lossless
    assert [e.state for e in run.events][-1] is State.STOPPED


class StatusDropLink(FaultLink):
    """Drops the connection on the status reply that follows a drain (`STAT:QUES:EVEN?`
    after `R?`), the one moment a reply is lost whose question removed no reading."""

    def __init__(self, host: str, port: int) -> None:
        super().__init__(host, port)
        self.armed = False

    def _send_reply(self, reply: bytes, client: object) -> bool:
        if self.armed and reply.strip().lstrip(b"+-").isdigit():
            self.armed = False
            self.drop()
        return super()._send_reply(reply, client)  # type: ignore[arg-type]


def test_a_link_broken_on_the_status_reply_loses_no_reading(bench: SimulatedBench) -> None:
    """The drain's readings had arrived whole when the link broke on the question after
    it: they are handed on (not dropped with the failed question), the acquisition is
    taken up again, and no gap is marked because nothing is missing."""
    with StatusDropLink("127.0.0.1", bench.dmm_server.port) as link:  # type: ignore[union-attr]
        acq = Acquisition(opener(link.resource), poll=0.05, backoff=(0.2,))
        run = Recorder(acq)
        acq.start()
        run.wait_for(lambda: run.n >= 300)
        started = bench.dmm.acq
        link.armed = True
        run.wait_for(lambda: any(e.resumed for e in run.events))
        held = run.n
        run.wait_for(lambda: run.n >= held + 300)
        acq.stop()
    assert acq.error is None and bench.dmm.acq is started and started is not None
    (back,) = [e for e in run.events if e.resumed]
    assert back.lossless and "none was lost" in back.message
    assert split_at_gaps(run, bench) == (0, 0) and acq.gaps == 0
    assert run.n == started.produced  # every reading the meter took, once
