"""The scope worker speaks typed commands and events, on the real stack (simulated MSO1104Z).

No widgets: the worker is Qt-free, so these drive it directly and read its mailbox
the way the view's frame timer does.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest

from meterlab.gui import scope_events as ev
from meterlab.gui.scope_worker import ScopeWorker
from meterlab.sim import SimulatedBench


@pytest.fixture
def bench() -> Iterator[SimulatedBench]:
    with SimulatedBench(seed=3) as b:
        yield b


def _wait_for(worker: ScopeWorker, seen: list, want: Callable[[object], bool],
              timeout_s: float = 10.0) -> object:
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        for event in worker.take_events():
            assert isinstance(event, ev.ScopeEvent), event  # never a bare string
            seen.append(event)
            if want(event):
                return event
        time.sleep(0.02)
    raise AssertionError(f"not seen; got {seen}")


def test_commands_in_events_out(bench):
    worker = ScopeWorker(bench.scope_resource, "@py").start()
    seen: list = []
    try:
        hello = _wait_for(worker, seen, lambda e: isinstance(e, ev.Connected))
        assert "MSO1104Z" in hello.identity
        first = seen[0]  # the setup is read back before the view is told it is connected
        assert isinstance(first, ev.StateRead)
        assert isinstance(first.state, ev.ScopeState) and len(first.state.channels) == 4

        worker.post(ev.SetChannel(2, scale=0.5, display=True))
        read = _wait_for(worker, seen, lambda e: isinstance(e, ev.StateRead)
                         and e.state.channels[1].scale == pytest.approx(0.5))
        assert read.state.channels[1].display

        worker.post(ev.SetMemoryDepth(12_345))  # not a depth this scope offers
        refused = _wait_for(worker, seen, lambda e: isinstance(e, ev.Problem))
        assert "12,345" in refused.message and refused.failed is None
    finally:
        worker.close()


def test_work_that_needs_the_scope_is_refused_while_it_does_not_answer():
    # Nothing listens on port 1: the worker keeps retrying and says it never answered.
    worker = ScopeWorker("TCPIP::127.0.0.1::1::SOCKET", "@py").start()
    seen: list = []
    try:
        lost = _wait_for(worker, seen, lambda e: isinstance(e, ev.Lost))
        assert lost.before is False and lost.detail
        worker.post(ev.DeepCapture())
        offline = _wait_for(worker, seen, lambda e: isinstance(e, ev.Offline))
        assert offline.command is ev.DeepCapture
    finally:
        worker.close()


def test_setter_commands_send_only_what_was_given():
    calls: list = []

    class Scope:
        def set_channel(self, n, **kw):
            calls.append(("channel", n, kw))

        def set_edge_trigger(self, **kw):
            calls.append(("trigger", kw))

        def set_timebase(self, **kw):
            calls.append(("timebase", kw))

    ev.SetChannel(3, offset=-1.5).apply(Scope())
    ev.SetTrigger(level=1.65).apply(Scope())
    ev.SetTimebase(scale=1e-3).apply(Scope())
    assert calls == [("channel", 3, {"offset": -1.5}), ("trigger", {"level": 1.65}),
                     ("timebase", {"scale": 1e-3})]

