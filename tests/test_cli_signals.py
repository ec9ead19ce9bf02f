"""Stopping and refusing: SIGTERM ends every command promptly keeping what was read, and
absurd numbers are refused as usage errors naming the option, before anything is opened.

The SIGTERM tests run meterlab as a real process (a signal cannot be sent to an in-process
CLI without hitting pytest), against the in-process simulated bench of `meterlab run` and
a module-wide simulated bench for `meterlab read`.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from meterlab.cli import main
from meterlab.sim import SimulatedBench
from meterlab.store import SessionStore


@pytest.fixture(scope="module")
def bench() -> Iterator[SimulatedBench]:
    with SimulatedBench(seed=3) as b:
        yield b


def dead_resource() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"TCPIP::127.0.0.1::{s.getsockname()[1]}::SOCKET"


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    code = exc.value.code
    return (code if isinstance(code, int) else 0), capsys.readouterr().err


@pytest.mark.parametrize(("args", "option"), [
    (["read", "{dead}", "--count", "99999999999999999999999"], "--count"),
    (["read", "{dead}", "--timeout", "1e308"], "--timeout"),
    (["read", "{dead}", "--interval", "1e308"], "--interval"),
    (["read", "{dead}", "--give-up", "1e308"], "--give-up"),
    (["idn", "{dead}", "--timeout", "1e308"], "--timeout"),
    (["capture", "{dead}", "--points", "99999999999999999999", "--out", "x.csv"], "--points"),
    (["capture", "{dead}", "--timeout", "1e308", "--out", "x.csv"], "--timeout"),
    (["run", "iot-sensor-node", "--dmm", "{dead}", "--timeout", "1e308"], "--timeout"),
])
def test_absurd_numbers_are_usage_errors_naming_the_option(
        args: list[str], option: str, capsys: pytest.CaptureFixture[str]) -> None:
    dead = dead_resource()
    t0 = time.monotonic()
    code, err = run_cli([a.format(dead=dead) for a in args] + (
        ["--no-store"] if args[0] == "read" else []), capsys)
    assert code == 2 and option in err and "internal error" not in err
    assert time.monotonic() - t0 < 5


def spawn(args: list[str]) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "meterlab", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)


def wait_lines(proc: subprocess.Popen[str], n: int, within: float = 20.0) -> int:
    assert proc.stdout is not None
    seen = 0
    deadline = time.monotonic() + within
    while seen < n and time.monotonic() < deadline:
        if proc.stdout.readline():
            seen += 1
    return seen


def stop_with_sigterm(proc: subprocess.Popen[str]) -> tuple[float, str]:
    """SIGTERM, then the seconds until the process ended and its stderr."""
    t0 = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        _, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
    return time.monotonic() - t0, err


def test_sigterm_stops_a_plan_run_promptly_and_closes_its_session(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    proc = spawn(["run", "iot-sensor-node", "--db", str(db)])
    assert wait_lines(proc, 2) == 2, "the plan run printed nothing"
    took, err = stop_with_sigterm(proc)
    assert took < 5, f"SIGTERM took {took:.1f} s"
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert "Traceback" not in err and "SIGTERM" in err and "kept" in err
    with SessionStore(db) as store:
        (info,) = store.sessions()
        assert info.status != "running" and info.final_hash is not None
        assert info.results, "the checks measured before the stop were not kept"
        assert all(r.ok for r in store.verify())


def test_sigterm_stops_an_endless_read_and_keeps_every_reading(bench: SimulatedBench,
                                                               tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    proc = spawn(["read", bench.dmm_resource, "--count", "0", "--nplc", "0.02", "--db", str(db)])
    assert wait_lines(proc, 30) == 30
    took, err = stop_with_sigterm(proc)
    assert took < 5, f"SIGTERM took {took:.1f} s"
    assert proc.returncode == 0 and "Traceback" not in err and "Stopping" in err, err
    with SessionStore(db) as store:
        (info,) = store.sessions()
        assert info.status == "complete" and info.n_readings >= 30


def test_second_sigterm_ends_a_read_at_once(bench: SimulatedBench, tmp_path: Path) -> None:
    """The first asks for a clean stop; a second (a service manager that insists) does not
    wait for the meter: the session is closed with what was committed."""
    db = tmp_path / "s.db"
    proc = spawn(["read", bench.dmm_resource, "--count", "0", "--nplc", "0.02", "--db", str(db)])
    assert wait_lines(proc, 10) == 10
    proc.send_signal(signal.SIGTERM)
    time.sleep(0.01)
    took, err = stop_with_sigterm(proc)
    assert took < 5 and "Traceback" not in err, err
    assert proc.returncode in (0, 128 + signal.SIGTERM)
    with SessionStore(db) as store:
        (info,) = store.sessions()
        assert info.status != "running" and info.n_readings >= 10


def test_sigterm_during_an_export_leaves_no_part_file(tmp_path: Path) -> None:
    from tests.bigsession import make_big_session

    db = tmp_path / "s.db"
    make_big_session(db, 2_000_000)
    out = tmp_path / "out.csv"
    part = tmp_path / "out.csv.part"
    proc = spawn(["export", "latest", "-o", str(out), "--db", str(db)])
    deadline = time.monotonic() + 20
    while not part.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert part.exists(), "the export finished before it could be interrupted"
    took, err = stop_with_sigterm(proc)
    assert took < 5 and proc.returncode == 128 + signal.SIGTERM, err
    assert not part.exists() and not out.exists()
    assert "Traceback" not in err


def test_a_part_file_left_by_a_killed_export_is_removed_by_the_next(tmp_path: Path,
                                                                    capsys) -> None:
    from tests.bigsession import make_big_session

    db = tmp_path / "s.db"
    make_big_session(db, 10)
    out = tmp_path / "out.json"
    (tmp_path / "out.json.part").write_text("half a file")
    run_cli(["export", "latest", "-o", str(out), "--db", str(db)], capsys)
    assert out.exists() and not (tmp_path / "out.json.part").exists()
