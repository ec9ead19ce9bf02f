"""The acquisition engine against the simulated 34465A, over pyvisa-py and TCP.

The simulated meter counts the readings it makes (`acq.produced`), so "every reading
exactly once" is checked against the instrument's own count, and against the values
it generates for each reading index (a reading lost or repeated shifts the sequence).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import numpy as np
import pytest

from meterlab.acquire import Acquisition, State
from meterlab.drivers.dmm import Multimeter
from meterlab.errors import UsageError
from meterlab.readings import ReadingBatch
from meterlab.sim import SimulatedBench
from meterlab.sim.server import InstrumentServer
from meterlab.visa import open_instrument
from tests.acquire_recorder import Recorder


@pytest.fixture()
def bench() -> Iterator[SimulatedBench]:
    with SimulatedBench(seed=5) as b:
        yield b


def opener(resource: str, nplc: float = 0.02, rng: float = 10.0) -> Callable[[], Multimeter]:
    def open_meter() -> Multimeter:
        conn = open_instrument(resource, profile="auto", timeout_ms=1500)
        meter = Multimeter(conn)
        meter.configure("VOLT:DC", range=rng, nplc=nplc, autozero=False)
        return meter

    return open_meter


def same_readings(got: np.ndarray, bench: SimulatedBench) -> bool:
    """True when `got` is exactly the sequence the simulated meter generated for readings
    0…n-1 of its last acquisition (regenerated from its seed), up to the 9 significant
    digits it sends. Neighbouring readings differ by ~1e-4 V of noise, so a reading lost
    or repeated anywhere shifts the rest of the sequence far beyond the 1e-7 V allowed."""
    acq = bench.dmm.acq
    assert acq is not None
    expected = bench.dmm._generate(acq, 0, got.shape[0])
    return bool(np.allclose(got, expected, rtol=0, atol=1e-7))


def test_fastest_counted_stream_delivers_every_reading_exactly_once(
        bench: SimulatedBench) -> None:
    n = 40_000  # 0.8 s at the 34465A's fastest setting (50 kSa/s)
    acq = Acquisition(opener(bench.dmm_resource, nplc=0.001), count=n, poll=0.02)
    rec = Recorder(acq)
    broken_calls = []

    def broken(b: ReadingBatch) -> None:  # a failing consumer must not cost readings
        broken_calls.append(len(b))
        raise RuntimeError("consumer bug")

    acq.subscribe(broken)
    acq.start()
    assert acq.wait(20), "the counted stream did not end by itself"
    assert acq.error is None
    assert rec.n == n == acq.readings == sum(broken_calls)
    assert bench.dmm.acq is not None and bench.dmm.acq.produced == n  # the meter's own count
    assert same_readings(rec.values(), bench)  # in order, none twice
    assert np.all(np.diff(rec.times()) > 0)
    assert not any(b.gap_before for b in rec.batches)
    assert len(rec.batches) > 3  # drained while measuring, not read at the end
    assert rec.states()[-1] is State.STOPPED


def test_stop_drains_what_the_meter_measured(bench: SimulatedBench) -> None:
    acq = Acquisition(opener(bench.dmm_resource, nplc=0.001), poll=0.05)
    rec = Recorder(acq)
    acq.start()
    rec.wait_for(lambda: rec.n > 5000)
    acq.stop()
    assert not acq.running and acq.error is None
    produced = bench.dmm.acq.produced  # type: ignore[union-attr]
    assert rec.n == produced == acq.readings
    assert same_readings(rec.values(), bench)
    with open_instrument(bench.dmm_resource) as conn:
        assert int(float(conn.query("DATA:POIN?"))) == 0  # nothing left behind in the meter


def test_pause_holds_and_resume_continues_with_a_marked_break(bench: SimulatedBench) -> None:
    acq = Acquisition(opener(bench.dmm_resource, nplc=0.02), poll=0.02)
    rec = Recorder(acq)
    produced_at_pause: list[int] = []
    acq.on_status(lambda e: produced_at_pause.append(bench.dmm.acq.produced)  # type: ignore[union-attr]
                  if e.state is State.PAUSED else None)
    acq.start()
    rec.wait_for(lambda: rec.n >= 200)
    acq.pause()
    rec.wait_for(lambda: State.PAUSED in rec.states())
    held = rec.n
    assert held == produced_at_pause[0]  # what was measured before the pause is delivered
    time.sleep(0.3)
    assert rec.n == held  # nothing arrives while paused
    assert acq.state is State.PAUSED
    acq.resume()
    rec.wait_for(lambda: rec.n >= held + 200)
    acq.stop()
    assert rec.states()[-3:] == [State.PAUSED, State.RUNNING, State.STOPPED]
    with rec.lock:
        sizes = np.cumsum([len(b) for b in rec.batches])
        first_new = int(np.searchsorted(sizes, held, side="right"))
        assert rec.batches[first_new].gap_before  # the trend shows where the pause was
        assert not any(b.gap_before for b in rec.batches[:first_new])
    assert rec.n == held + bench.dmm.acq.produced  # type: ignore[union-attr]


def test_interval_mode_takes_one_reading_per_interval(bench: SimulatedBench) -> None:
    interval = 0.15
    acq = Acquisition(opener(bench.dmm_resource, nplc=0.02), interval=interval, count=4)
    rec = Recorder(acq)
    t0 = time.monotonic()
    acq.start()
    assert acq.wait(10)
    elapsed = time.monotonic() - t0
    assert acq.error is None
    assert [len(b) for b in rec.batches] == [1, 1, 1, 1]
    assert elapsed >= 3 * interval
    # Each time stamp is the middle of its READ?, whose length varies (the first one also
    # sends trigger settings), so spacing is checked loosely: never a burst of readings.
    assert np.all(np.diff(rec.times()) >= interval * 0.5)
    assert np.all(np.abs(rec.values() - 3.3) < 0.05)


def _stream_then_unplug(bench: SimulatedBench) -> tuple[Acquisition, Recorder, object, int]:
    """A 0.02 PLC stream, 300 readings in, then the meter's LAN gone (its server stopped)
    until the engine reports the loss: the engine, its recorder, the meter's acquisition
    that was running and the port to serve the meter on again."""
    port = bench.dmm_server.port  # type: ignore[union-attr]
    acq = Acquisition(opener(bench.dmm_resource, nplc=0.02), poll=0.02, backoff=(0.1, 0.2))
    rec = Recorder(acq)
    acq.start()
    rec.wait_for(lambda: rec.n >= 300)
    running = bench.dmm.acq
    bench.dmm_server.stop()  # type: ignore[union-attr]
    rec.wait_for(lambda: State.RECONNECTING in rec.states())
    return acq, rec, running, port


def _back_on_the_network(bench: SimulatedBench, acq: Acquisition, rec: Recorder,
                         port: int) -> None:
    """The meter served on its port again until 200 more readings are in; then the engine
    and that server are stopped."""
    before = rec.n
    restarted = InstrumentServer(bench.dmm, port=port).start()
    try:
        rec.wait_for(lambda: rec.n >= before + 200)
    finally:
        acq.stop()
        restarted.stop()


def test_meter_off_the_network_mid_stream_is_drained_on_when_it_is_back(
        bench: SimulatedBench) -> None:
    """The meter's LAN goes away (its server stops: every connection dropped) while it
    measures into memory. The engine reports the loss, retries, and when the meter answers
    again still in the same acquisition it drains on: every reading it took, the ones
    measured while it was unreachable too, arrives once and in order, and no gap is marked
    because none was lost."""
    acq, rec, running, port = _stream_then_unplug(bench)
    before = rec.n
    lost = next(e for e in rec.events if e.state is State.RECONNECTING)
    assert "stopped answering" in lost.message and "Readings so far are saved" in lost.message
    assert "was lost" in lost.error and bench.dmm_resource in lost.error
    assert before >= 300  # everything read before the loss was handed on
    time.sleep(0.4)  # a few failed reconnects while the meter is away
    assert rec.n == before
    _back_on_the_network(bench, acq, rec, port)
    assert acq.error is None
    assert bench.dmm.acq is running  # taken up again, not started anew
    back = [e for e in rec.events if e.state is State.RUNNING and e.resumed]
    assert len(back) == 1
    assert np.all(np.diff(rec.times()) > 0)
    assert rec.states()[-2:] == [State.RUNNING, State.STOPPED]
    if back[0].lossless:
        # The server stopped between two drains: nothing was in flight.
        assert "none was lost" in back[0].message
        assert rec.n == running.produced  # type: ignore[union-attr]  # the meter's own count
        assert same_readings(rec.values(), bench)  # in order, none twice, none missing
        assert not any(b.gap_before for b in rec.batches) and acq.gaps == 0
        return
    # The server stopped while a drain's reply was on its way: the readings in it had
    # left the meter's memory and are truly lost (the race is the machine's timing).
    # Only they may be missing, at the one gap mark, and the user is told.
    assert "lost" in back[0].message and "none was lost" not in back[0].message
    assert acq.gaps == 1
    g = next(i for i, b in enumerate(rec.batches) if b.gap_before)
    before = np.concatenate([b.values for b in rec.batches[:g]])
    after = np.concatenate([b.values for b in rec.batches[g:]])
    produced = running.produced  # type: ignore[union-attr]
    expected = bench.dmm._generate(running, 0, produced)
    assert np.allclose(before, expected[:len(before)], rtol=0, atol=1e-7)
    start = produced - len(after)  # drained on to the end of what the meter made
    assert start > len(before)
    assert np.allclose(after, expected[start:], rtol=0, atol=1e-7)


def test_meter_restarted_while_away_gets_a_new_acquisition_and_a_gap(
        bench: SimulatedBench) -> None:
    """Switched off and on again (*RST state) while unreachable: it is idle with its
    power-on counts, so the engine does not take it for its acquisition; it configures
    and starts a new one, and the first batch after the loss is marked."""
    acq, rec, running, port = _stream_then_unplug(bench)
    before = rec.n
    with bench.dmm.lock:
        bench.dmm.reset()  # the power cycle
    _back_on_the_network(bench, acq, rec, port)
    assert acq.error is None
    assert bench.dmm.acq is not running and not any(e.resumed for e in rec.events)
    with rec.lock:
        sizes = np.cumsum([len(b) for b in rec.batches])
        first_new = int(np.searchsorted(sizes, before, side="right"))
        assert rec.batches[first_new].gap_before
        assert not any(b.gap_before for b in rec.batches[:first_new])
        assert not any(b.gap_before for b in rec.batches[first_new + 1:])
        after = np.concatenate([b.values for b in rec.batches[first_new:]])
    assert acq.gaps == 1
    assert same_readings(after, bench)  # the new acquisition from its first reading


def test_gives_up_after_the_bounded_time_keeping_what_was_read(bench: SimulatedBench) -> None:
    acq = Acquisition(opener(bench.dmm_resource, nplc=0.02), poll=0.02, give_up=0.6,
                      backoff=(0.1, 0.2), name="34465A")
    rec = Recorder(acq)
    acq.start()
    rec.wait_for(lambda: rec.n >= 100)
    bench.dmm_server.stop()  # type: ignore[union-attr]
    t0 = time.monotonic()
    assert acq.wait(15)
    # noticing the switched-off meter takes up to a few timeouts (1.5 s each) since the
    # link first tries to catch up in band (visa_sync) before it is taken as lost
    assert 0.5 <= time.monotonic() - t0 < 10
    assert acq.error is not None
    assert "did not come back within 0.6 s" in str(acq.error)
    assert rec.n == acq.readings >= 100
    assert rec.events[-1].state is State.STOPPED and rec.events[-1].error


def test_a_refused_setting_stops_at_once_instead_of_retrying() -> None:
    calls = []

    def open_meter() -> Multimeter:
        calls.append(1)
        raise UsageError("The 34465A accepts NPLC 0.001, …, not 7.")

    acq = Acquisition(open_meter, backoff=(0.01,))
    rec = Recorder(acq)
    acq.start()
    assert acq.wait(5)
    assert len(calls) == 1
    assert isinstance(acq.error, UsageError)
    assert rec.states() == [State.STOPPED] and "NPLC" in rec.events[-1].message


def test_a_meter_that_keeps_answering_wrongly_is_given_up() -> None:
    """Readings that are not numbers: a few fresh connections, then a clear stop."""
    from tests.test_cli_read import RuleServer, garbling_34465a

    opened = []
    with RuleServer(garbling_34465a) as meter:
        def open_meter() -> Multimeter:
            opened.append(1)
            return Multimeter(open_instrument(meter.resource, profile="auto", timeout_ms=1000))

        acq = Acquisition(open_meter, interval=0.01, max_errors=2, backoff=(0.05,))
        rec = Recorder(acq)
        acq.start()
        assert acq.wait(10)
    assert len(opened) == 2 and rec.n == 0
    assert acq.error is not None and "HELLO WORLD" in str(acq.error)
    wrong = [e for e in rec.events if e.state is State.RECONNECTING]
    assert len(wrong) == 1 and "sent a reply meterlab could not read" in wrong[0].message
    assert rec.events[-1].state is State.STOPPED and "HELLO WORLD" in rec.events[-1].error


def test_the_first_reading_does_not_wait_a_whole_poll_interval(bench: SimulatedBench) -> None:
    """Until the first reading has come the engine asks again within milliseconds, so an
    empty readout is filled as soon as the meter has measured (here 20 ms at 1 PLC, so
    the drain right after INIT finds nothing), not a poll interval later; after it, the
    normal pace applies."""
    acq = Acquisition(opener(bench.dmm_resource, nplc=1), poll=2.0)
    rec = Recorder(acq)
    running = [0.0]
    acq.on_status(lambda e: running.__setitem__(0, running[0] or (
        time.monotonic() if e.state is State.RUNNING else 0.0)))
    acq.start()
    try:
        rec.wait_for(lambda: rec.n > 0, timeout=10)
        first = time.monotonic()
        drains = len(rec.batches)
        time.sleep(1.0)  # then at the 2 s pace: no further drain yet
        assert len(rec.batches) == drains
    finally:
        acq.stop()
    assert running[0] and first - running[0] < 1.0  # a poll interval is 2 s
