"""`meterlab list` and `meterlab idn` against the simulated bench and misbehaving servers."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from meterlab import paths
from meterlab.cli import main
from meterlab.sim import SimulatedBench
from meterlab.visa import register_local_resource, unregister_local_resource
from tests.transcript import TranscriptServer, q


@pytest.fixture(scope="module")
def bench() -> Iterator[SimulatedBench]:
    with SimulatedBench(seed=1) as b:
        yield b


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 0), out, err


def fields(out: str) -> dict[str, str]:
    pairs = (line.split(":", 1) for line in out.splitlines() if ":" in line)
    return {k.strip(): v.strip() for k, v in pairs}


def one_line(err: str) -> str:
    lines = [s for s in err.splitlines() if s.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def dead_resource() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"TCPIP::127.0.0.1::{s.getsockname()[1]}::SOCKET"


# -- idn ------------------------------------------------------------------------------------


def test_idn_of_the_simulated_meter(bench: SimulatedBench,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["idn", bench.dmm_resource], capsys)
    assert code == 0, err
    f = fields(out)
    assert (f["Maker"], f["Model"], f["Serial"]) == (
        "Keysight Technologies", "34465A", "MY59001442")
    assert f["Firmware"].startswith("A.03.01")
    assert f["Profile"].startswith("Keysight 34465A (multimeter, instruments/")


def test_idn_of_the_simulated_scope(bench: SimulatedBench,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["idn", bench.scope_resource], capsys)
    assert code == 0
    f = fields(out)
    assert f["Model"] == "MSO1104Z" and "oscilloscope" in f["Profile"]


def test_idn_of_an_unknown_instrument_says_where_to_add_a_profile(
        capsys: pytest.CaptureFixture[str]) -> None:
    with TranscriptServer([q("*IDN?", "ACME Instruments,Widget 9000,SN42,2.1")]) as acme:
        code, out, err = run(["idn", acme.resource], capsys)
        acme.assert_complete()
    assert code == 2
    f = fields(out)
    assert (f["Maker"], f["Model"], f["Serial"], f["Firmware"]) == (
        "ACME Instruments", "Widget 9000", "SN42", "2.1")
    folder = str(paths.user_dir("instruments"))
    assert f["Profile"] == f"no profile matches — add one in {folder}"
    msg = one_line(err)
    assert "Widget 9000" in msg and folder in msg


def test_idn_reply_that_is_not_an_identification(capsys: pytest.CaptureFixture[str]) -> None:
    with TranscriptServer([q("*IDN?", "hello")]) as odd:
        code, out, err = run(["idn", odd.resource], capsys)
    assert code == 2 and out == ""
    assert "is not a *IDN? reply" in one_line(err)


def test_idn_dead_port_and_silence(capsys: pytest.CaptureFixture[str]) -> None:
    dead = dead_resource()
    code, _, err = run(["idn", dead], capsys)
    assert code == 2 and "No instrument answers" in one_line(err) and dead in err
    with TranscriptServer([]) as silent:
        t0 = time.monotonic()
        code, _, err = run(["idn", silent.resource, "--timeout", "0.3"], capsys)
        assert time.monotonic() - t0 < 3
    assert code == 2 and "no reply to *IDN?" in one_line(err)


def test_idn_wrong_resource_string(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["idn", "192.168.1.20"], capsys)
    assert code == 2 and "is not a VISA address" in one_line(err)


# -- list -----------------------------------------------------------------------------------


def test_list_shows_models_and_never_hangs(bench: SimulatedBench,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    with TranscriptServer([]) as silent:
        register_local_resource(bench.dmm_resource, "simulated 34465A")
        register_local_resource(silent.resource, "a meter that never answers")
        try:
            t0 = time.monotonic()
            code, out, err = run(["list", "--timeout", "2"], capsys)
            took = time.monotonic() - t0
        finally:
            unregister_local_resource(bench.dmm_resource)
            unregister_local_resource(silent.resource)
    assert code == 0, err
    assert took < 4  # bounded even though one instrument never answers
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "Keysight Technologies 34465A, serial MY59001442" in lines[bench.dmm_resource]
    assert lines[bench.dmm_resource].endswith("— simulated 34465A")
    silent_line = lines[silent.resource]
    assert "34465A" not in silent_line and "answer" in silent_line


def test_list_verbose_names_the_profile_folders(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["list", "--verbose", "--timeout", "1"], capsys)
    assert code == 0
    assert "VISA backend: @py" in err
    assert str(paths.user_dir("instruments")) in err


def test_list_with_a_missing_visa_library_is_an_error(capsys):
    from meterlab.cli import main

    with pytest.raises(SystemExit) as ex:
        main(["list", "--visa", "@bogus"])
    assert ex.value.code == 2
    err = capsys.readouterr().err
    assert "VISA library '@bogus' could not be loaded" in err and "Traceback" not in err
