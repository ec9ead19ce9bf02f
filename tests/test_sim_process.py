"""The simulated bench in its own process (`meterlab.sim.process.BenchProcess`).

The desktop app's demo bench runs as a `meterlab sim` child so it does not share
the GUI's interpreter; these tests hold that it serves, that it never outlives
its parent (even one killed outright), and that a failed start is said in words.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

from meterlab.errors import UsageError
from meterlab.sim.process import NICE, BenchProcess, _threads_of


def _port(resource: str) -> int:
    return int(resource.split("::")[2])


def _refused(port: int, seconds: float) -> bool:
    """True once nothing listens on `port` any more (within `seconds`)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        except OSError:
            return True
        time.sleep(0.05)
    return False


def test_bench_process_serves_both_instruments_and_stops():
    with BenchProcess(seed=2) as bench:
        assert bench.proc.pid and bench.running
        ports = {_port(bench.dmm_resource), _port(bench.scope_resource)}
        assert len(ports) == 2
        with socket.create_connection(("127.0.0.1", _port(bench.dmm_resource)), 5) as s:
            s.sendall(b"*IDN?\n")
            assert b"34465A" in s.recv(200)
    assert not bench.running
    assert all(_refused(p, 5) for p in ports)


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="Unix process priorities")
def test_the_listening_bench_gives_way_to_the_app():
    # It stands in for an instrument, which never takes the PC's CPU from the window.
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    with BenchProcess(seed=2) as bench:
        tasks = _threads_of(bench.proc.pid)
        assert len(tasks) > 1  # its servers run on threads: each one gives way
        assert {os.getpriority(os.PRIO_PROCESS, t) for t in tasks} == {max(mine, NICE)}
        with socket.create_connection(("127.0.0.1", _port(bench.dmm_resource)), 5) as s:
            s.sendall(b"*IDN?\n")  # a connection's own thread, started now, inherits it
            assert b"34465A" in s.recv(200)
            tasks = set(_threads_of(bench.proc.pid))
            assert {os.getpriority(os.PRIO_PROCESS, t) for t in tasks} == {max(mine, NICE)}
        assert os.getpriority(os.PRIO_PROCESS, 0) == mine  # the app's own is untouched
    with BenchProcess(seed=2, give_way=False) as bench:  # the soak's: a meter at full rate
        assert {os.getpriority(os.PRIO_PROCESS, t) for t in _threads_of(bench.proc.pid)} == {mine}


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="Linux /proc")
def test_the_simulator_keeps_numpy_to_one_thread():
    # OpenBLAS would start a worker per further core, spinning for work it never gets on
    # the core the app starts on.
    with BenchProcess(seed=2, give_way=False) as bench:
        with open(f"/proc/{bench.proc.pid}/environ", "rb") as f:
            env = dict(v.split(b"=", 1) for v in f.read().split(b"\0") if b"=" in v)
        assert env[b"OPENBLAS_NUM_THREADS"] == b"1"
        assert env.get(b"PATH") == os.environ.get("PATH", "").encode()  # the rest inherited


def test_bench_process_ends_when_its_parent_is_killed():
    code = ("import time\nfrom meterlab.sim.process import BenchProcess\n"
            "b = BenchProcess().wait_ready()\nprint(b.dmm_resource, flush=True)\n"
            "time.sleep(60)\n")
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        resource = parent.stdout.readline().strip()
        port = _port(resource)
        assert not _refused(port, 0.2)  # the grandchild serves
    finally:
        parent.kill()  # no clean-up code runs: only the closed pipe tells the bench
        parent.wait()
    assert _refused(port, 10), "the simulated bench outlived the app that started it"


def test_a_bench_that_cannot_start_says_so():
    bench = BenchProcess(faults=("no_such_fault",))
    try:
        with pytest.raises(UsageError, match="simulated bench could not start"):
            bench.wait_ready(timeout=30)
        assert bench.ready  # nobody waits in vain afterwards
    finally:
        bench.stop()
