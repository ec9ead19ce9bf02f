"""Each fault is named for what it is: a stall is not "answered wrongly", and a stray or
garbled reply to the status query is not "the meter's memory overflowed".

The meters here are small rule servers on 127.0.0.1 that say they are a 34465A and
misbehave in one precise way, driven through the real pyvisa-py connection.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from meterlab.acquire import Acquisition, State
from meterlab.drivers.dmm import Multimeter
from meterlab.visa import open_instrument
from tests.test_acquire import Recorder
from tests.test_cli_read import KEYSIGHT_IDN, RuleServer, run


class StallingMeter:
    """Answers READ? with a reading, except one READ? it never answers (a stall)."""

    def __init__(self, stall_at: int) -> None:
        self.reads = 0
        self.stall_at = stall_at
        self.lock = threading.Lock()

    def __call__(self, line: str) -> str | None:
        if "?" not in line:
            return None
        if line == "*IDN?":
            return KEYSIGHT_IDN
        if line.startswith("SYST:ERR"):
            return '+0,"No error"'
        if line.startswith("READ?"):
            with self.lock:
                self.reads += 1
                if self.reads == self.stall_at:
                    return None
            return "+3.30000000E+00"
        return "+0"


def test_a_stall_is_announced_as_no_answer_in_time() -> None:
    with RuleServer(StallingMeter(stall_at=3)) as meter:
        def open_meter() -> Multimeter:
            return Multimeter(open_instrument(meter.resource, profile="auto", timeout_ms=300))

        acq = Acquisition(open_meter, interval=0.01, backoff=(0.05,), name="34465A", count=8)
        rec = Recorder(acq)
        acq.start()
        assert acq.wait(15)
    assert acq.error is None and rec.n == 8
    (away,) = [e for e in rec.events if e.state is State.RECONNECTING]
    assert "did not answer in time" in away.message and "wrongly" not in away.message


def test_repeated_stalls_are_bounded_by_give_up_not_by_wrong_answer_count() -> None:
    """Three stalls in a row are a link problem: the engine keeps reconnecting (give_up
    bounds it), rather than calling the meter faulty after max_errors."""
    meter_rule = StallingMeter(stall_at=-1)
    stalls = {"left": 3}

    def rule(line: str) -> str | None:
        if line.startswith("READ?") and stalls["left"] > 0:
            stalls["left"] -= 1
            return None
        return meter_rule(line)

    with RuleServer(rule) as meter:
        def open_meter() -> Multimeter:
            return Multimeter(open_instrument(meter.resource, profile="auto", timeout_ms=200))

        acq = Acquisition(open_meter, interval=0.01, backoff=(0.05,), count=3, max_errors=2,
                          give_up=30)
        rec = Recorder(acq)
        acq.start()
        assert acq.wait(15)
    assert acq.error is None and rec.n == 3


def streaming_meter(status_reply: str):  # type: ignore[no-untyped-def]
    """A 34465A streaming with R?; its status register answers `status_reply` after the
    first drain (a stray, reading-shaped reply, as a shifted answer would be)."""
    state = {"drains": 0}

    def rule(line: str) -> str | None:
        if "?" not in line:
            return None
        if line == "*IDN?":
            return KEYSIGHT_IDN
        if line.startswith("SYST:ERR"):
            return '+0,"No error"'
        if line.startswith("R?"):
            state["drains"] += 1
            payload = "+3.30000000E+00,+3.31000000E+00"
            return f"#2{len(payload)}{payload}"
        if line.startswith("STAT:QUES:EVEN?"):
            return status_reply if state["drains"] >= 2 else "+0"
        return "+0"

    return rule


def test_a_reading_shaped_status_reply_is_garbled_not_a_memory_overflow(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 20 kΩ read back as +2.0E+04 has bit 14 set when taken as a register: the old code
    # announced "the meter's memory overflowed", which never happened.
    with RuleServer(streaming_meter("+2.00000000E+04")) as meter:
        code, _, err = run(["read", meter.resource, "--count", "6", "--give-up", "2",
                            "--timeout", "0.5", "--no-store"], capsys)
    assert "overflowed" not in err
    assert "could not read" in err or "garbled" in err, err
    del code  # the meter keeps garbling: ending with an error after give-up is fine


def test_a_real_overflow_bit_is_still_reported_as_an_overflow(
        capsys: pytest.CaptureFixture[str]) -> None:
    with RuleServer(streaming_meter("+16384")) as meter:
        t0 = time.monotonic()
        code, lines, err = run(["read", meter.resource, "--count", "6", "--no-store"], capsys)
    assert code == 0 and len(lines) == 6, err
    assert "memory overflowed" in err
    assert time.monotonic() - t0 < 10
