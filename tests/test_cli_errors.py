"""Every `meterlab` command fed careless or hostile input: one clear line, exit 2, no traceback.

Each case is something a person at the bench can actually type or have on disk: a mistyped
address, a port where no instrument (or a web server) listens, a plan saved by the wrong
editor, a database that is a folder, text with terminal escapes in it. What is asserted is
what they see: the exit code, the words that tell them what to do, and never a traceback.
"""

from __future__ import annotations

import os
import signal
import socket
import socketserver
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from meterlab.cli import main
from meterlab.readings import ReadingBatch, Verdict
from meterlab.store import SessionStore

SHIPPED_PLAN = Path(__file__).resolve().parent.parent / "limits" / "power-rail-check.toml"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(argv))
    out, err = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 0), out, err


def assert_one_clear_line(code: int, err: str, *words: str, exit_code: int = 2) -> None:
    assert code == exit_code, err
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) >= 1
    message = lines[-1]
    assert message.startswith(("meterlab:", "Error:")), err
    for w in words:
        assert w.lower() in err.lower(), (w, err)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _HtmlHandler(socketserver.StreamRequestHandler):
    """Answers every line like a web server would: the 'instrument' is the wrong device."""

    def handle(self) -> None:
        for _line in self.rfile:
            self.wfile.write(b"<!DOCTYPE HTML><html><body>400 Bad request</body></html>\n")


@pytest.fixture(scope="module")
def html_port():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _HtmlHandler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def bench():
    from meterlab.sim import SimulatedBench

    with SimulatedBench() as b:
        yield b


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.sqlite"
    with SessionStore(path) as store:
        for op, dut in (("Ann", "SN-1"), ("=cmd|' /C calc'!A0", "bad\x1b[31mred")):
            w = store.begin(operator=op, dut_serial=dut, dut_type="node", plan_name="final",
                            plan_version="2")
            w.append(ReadingBatch(t=np.arange(3.0), values=np.ones(3), overload=np.zeros(3, bool)),
                     verdicts=np.full(3, Verdict.PASS, np.int8))
            w.finish()
    return path


# --- limit plans -----------------------------------------------------------------------------


def _plan_variant(tmp_path: Path, old: str, new: str) -> Path:
    text = SHIPPED_PLAN.read_text(encoding="utf-8")
    assert old in text
    p = tmp_path / "plan.toml"
    p.write_text(text.replace(old, new, 1), encoding="utf-8")
    return p


@pytest.mark.parametrize(("make", "words"), [
    (lambda d: d / "nosuch", ["no such plan file", "limits/"]),
    (lambda d: (d / "b.toml").write_text("not [ toml") and d / "b.toml", ["b.toml:1", "TOML"]),
    (lambda d: (d / "e.toml").touch() or d / "e.toml", ["e.toml", "[plan]"]),
    (lambda d: (d / "j.toml").write_bytes(bytes(range(128, 256)) * 3) and d / "j.toml",
     ["j.toml:1", "UTF-8"]),
    (lambda d: (d / "u16.toml").write_bytes(SHIPPED_PLAN.read_text().encode("utf-16"))
     and d / "u16.toml", ["u16.toml:1", "UTF-8"]),
    (lambda d: (d / "dir.toml").mkdir() or d / "dir.toml", ["dir.toml", "folder"]),
])
def test_check_broken_plan_files(tmp_path, capsys, make, words):
    code, _, err = run(capsys, "check", str(make(tmp_path)))
    assert_one_clear_line(code, err, *words)


@pytest.mark.parametrize(("old", "new", "words"), [
    ('tolerance = "±5 %"', 'tolerance = "±5 V%"', [':19:', '"5v"', "tolerance", "V%"]),
    ('nominal = "5 V"', 'nominal = "5 A"', [':18:', "in A", "measures V"]),
    ("readings = 5", 'readings = "five"', [':17:', "readings", "whole number"]),
    ("nplc = 10", "nplc = inf", [':16:', "nplc"]),
    ('at = "VBUS"', "at = 42", [':14:', "at 42", "text in quotes"]),
    ('measure = "VOLT:DC"', 'measure = "BOGUS"', [':15:', "BOGUS", "VOLT:DC"]),
    ('rule = "guarded"', 'rule = "maybe"', [':8:', "rule", "simple"]),
])
def test_check_plan_mistakes_name_line_and_key(tmp_path, capsys, old, new, words):
    code, _, err = run(capsys, "check", str(_plan_variant(tmp_path, old, new)))
    assert_one_clear_line(code, err, "plan.toml", *words)


def test_plan_with_byte_order_mark_loads(tmp_path, capsys):
    p = tmp_path / "bom.toml"
    p.write_bytes(b"\xef\xbb\xbf" + SHIPPED_PLAN.read_bytes())
    code, out, err = run(capsys, "check", str(p))
    assert code == 0, err
    assert "4 checks" in out


# --- instrument addresses --------------------------------------------------------------------


def _resources(html_port: int) -> dict[str, tuple[str, list[str]]]:
    closed = f"TCPIP::127.0.0.1::{_free_port()}::SOCKET"
    return {
        "garbage": ("garbage", ["not a VISA address", "TCPIP::"]),
        "closed": (closed, ["No instrument answers", "switched on"]),
        "html": (f"TCPIP::127.0.0.1::{html_port}::SOCKET", ["not a *IDN? reply", "SCPI"]),
    }


@pytest.mark.parametrize("kind", ["garbage", "closed", "html"])
@pytest.mark.parametrize("argv", [
    ("capture", "{res}", "--out", "{tmp}/c.csv"),
    ("screenshot", "{res}", "--out", "{tmp}/s.png"),
    ("run", str(SHIPPED_PLAN), "--dmm", "{res}", "--no-store"),
])
def test_bad_instrument_addresses(tmp_path, capsys, html_port, kind, argv):
    res, words = _resources(html_port)[kind]
    code, _, err = run(capsys, *(a.format(res=res, tmp=tmp_path) for a in argv))
    assert_one_clear_line(code, err, *words)
    assert not list(tmp_path.iterdir()), "nothing may be written when nothing was measured"


class _TextAfterIdn(socketserver.StreamRequestHandler):
    """A device that identifies as a 34465A and then answers every query with nonsense:
    the garbled-instrument case a technician meets with a half-broken adapter."""

    def handle(self) -> None:
        for line in self.rfile:
            if line.strip().upper().startswith(b"*IDN?"):
                self.wfile.write(b"Keysight Technologies,34465A,MY123,A.03.01\n")
            elif line.strip().endswith(b"?"):
                self.wfile.write(b"hello world\n")


@pytest.fixture(scope="module")
def garbled_dmm():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _TextAfterIdn)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"TCPIP::127.0.0.1::{server.server_address[1]}::SOCKET"
    server.shutdown()
    server.server_close()


def test_run_against_garbled_dmm_is_not_judged_exit_2(capsys, tmp_path, garbled_dmm):
    db = tmp_path / "s.sqlite"
    code, out, err = run(capsys, "run", str(SHIPPED_PLAN), "--dmm", garbled_dmm, "--db", str(db))
    assert_one_clear_line(code, err, "could not be measured", "not judged")
    assert "NOT JUDGED" in out and "hello world" in out
    with SessionStore(db) as store:
        (info,) = store.sessions()
    assert info.status == "complete"


def test_wrong_kind_of_instrument(bench, tmp_path, capsys):
    code, _, err = run(capsys, "screenshot", bench.dmm_resource, "--out", str(tmp_path / "s.png"))
    assert_one_clear_line(code, err, "34465A", "no oscilloscope profile")


@pytest.mark.parametrize(("out", "words"), [
    ("missing/x.csv", ["folder", "does not exist"]),
    ("x.txt", [".csv, .npz or .parquet"]),
])
def test_capture_output_paths(bench, tmp_path, capsys, out, words):
    code, _, err = run(capsys, "capture", bench.scope_resource, "--out", str(tmp_path / out))
    assert_one_clear_line(code, err, *words)


def test_unloadable_visa_library_is_one_line(tmp_path, capsys):
    code, _, err = run(capsys, "capture", "TCPIP::127.0.0.1::5555::SOCKET", "--visa", "@bogus",
                       "--out", str(tmp_path / "x.csv"))
    assert_one_clear_line(code, err, "@bogus", "--visa @py")
    assert len(err.strip().splitlines()) == 1


def test_capture_interrupted_while_saving_leaves_no_part_file(tmp_path, monkeypatch):
    from meterlab import capture_io
    from meterlab.capture_io import Capture, save_capture
    from meterlab.waveform import Waveform

    def half_then_ctrl_c(path, capture):
        Path(path).write_bytes(b"half a file")
        raise KeyboardInterrupt

    monkeypatch.setattr(capture_io, "_save_npz", half_then_ctrl_c)
    wf = Waveform(np.zeros(10), t0=0.0, dt=1e-6, source="CH1", unit="V")
    with pytest.raises(KeyboardInterrupt):
        save_capture(tmp_path / "c.npz", Capture(waveforms=[wf]))
    assert list(tmp_path.iterdir()) == []


# --- the session database --------------------------------------------------------------------


def _newer(p: Path) -> Path:
    with sqlite3.connect(p) as c:
        c.execute("UPDATE schema_version SET version = 99")
    return p


def _damaged_version(p: Path) -> Path:
    with sqlite3.connect(p) as c:
        c.execute("UPDATE schema_version SET version = 'abc'")
    return p


@pytest.mark.parametrize(("make", "words"), [
    (lambda d, db: (d / "dir").mkdir() or d / "dir", ["dir", "is a folder"]),
    (lambda d, db: (d / "x.db").write_text("junk") and d / "x.db", ["not a readable", "untouched"]),
    (lambda d, db: d / "nofolder" / "x.db", ["No session database", "--db"]),
    (lambda d, db: _newer(db), ["newer meterlab", "Nothing was changed"]),
    (lambda d, db: _damaged_version(db), ["damaged schema version", "untouched"]),
])
@pytest.mark.parametrize("cmd", [["sessions"], ["verify"], ["export", "latest", "-o", "{d}/o.csv"]])
def test_broken_databases(tmp_path, capsys, db, make, words, cmd):
    path = make(tmp_path, db)
    argv = [a.format(d=tmp_path) for a in cmd] + ["--db", str(path)]
    code, _, err = run(capsys, *argv)
    assert_one_clear_line(code, err, *words)
    assert not (tmp_path / "o.csv").exists()
    assert not (tmp_path / "nofolder").exists()


def test_run_with_database_that_is_a_folder(tmp_path, capsys):
    (tmp_path / "dir").mkdir()
    code, _, err = run(capsys, "run", str(SHIPPED_PLAN), "--db", str(tmp_path / "dir"))
    assert_one_clear_line(code, err, "is a folder", "Nothing was written")


@pytest.mark.parametrize(("argv", "words"), [
    (["sessions", "--since", "notadate"], ["notadate", "2026-03-01"]),
    (["sessions", "--since", "2026-13-45"], ["not a date"]),
    (["sessions", "--verdict", "BOGUS"], ["BOGUS", "PASS"]),
    (["verify", "nosuch"], ["not a session id", "meterlab sessions"]),
    (["verify", "0000"], ["No session 0000"]),
    (["export", "nosuch", "-o", "{d}/o.csv"], ["not a session id"]),
    (["export", "latest", "-o", "{d}/o.foo"], ["Unknown export format", "csv"]),
    (["export", "latest", "-o", "{d}/noext"], ["--format"]),
    (["export", "latest", "-o", "{d}/missing/o.csv"], ["Could not write", "unchanged"]),
    (["export", "latest", "--since", "garbage", "-o", "{d}/o.csv"], ["garbage", "not a date"]),
    (["export", "--dut", "nobody", "-o", "{d}/o.csv"], ["No session matches"]),
    (["export", "-o", "{d}/o.csv"], ["Name a session"]),
])
def test_session_commands_usage_errors(tmp_path, capsys, db, argv, words):
    code, _, err = run(capsys, *(a.format(d=tmp_path) for a in argv), "--db", str(db))
    assert_one_clear_line(code, err, *words)
    assert not list(tmp_path.glob("o*")), "a failed export leaves no file behind"
    assert not (tmp_path / "missing").exists()


def test_ambiguous_session_prefix(tmp_path, capsys):
    path = tmp_path / "a.sqlite"
    with SessionStore(path) as store:
        ids = [store.begin(operator=str(i)).id for i in range(40)]
    counts: dict[str, int] = {}
    for i in ids:
        counts[i[0]] = counts.get(i[0], 0) + 1
    shared = next(k for k, n in counts.items() if n > 1)
    code, _, err = run(capsys, "verify", shared, "--db", str(path))
    assert_one_clear_line(code, err, "more than one session", "more of the id")


# --- hostile text ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "json", "parquet", "pdf"])
def test_control_characters_and_formulas_export_cleanly(tmp_path, capsys, db, fmt):
    out = tmp_path / f"o.{fmt}"
    code, _, err = run(capsys, "export", "--since", "2000-01-01", "-o", str(out), "--db", str(db))
    assert code == 0, err
    assert out.stat().st_size > 0
    if fmt == "xlsx":
        import openpyxl

        cells = [str(c.value) for ws in openpyxl.load_workbook(out).worksheets
                 for row in ws.iter_rows() for c in row if c.value is not None]
        assert "bad\\x1b[31mred" in cells
        assert not any(c.startswith("=") for c in cells)


def test_sessions_listing_does_not_pass_escapes_to_the_terminal(capsys, db):
    code, out, err = run(capsys, "sessions", "--db", str(db))
    assert code == 0, err
    assert "\x1b" not in out
    assert "bad\\x1b[31mred" in out


def test_markup_and_escapes_in_dut_serial(tmp_path, capsys):
    code, out, err = run(capsys, "run", str(SHIPPED_PLAN), "--dut", "[/bold]\x1b[2J",
                         "--operator", "[red]x", "--db", str(tmp_path / "s.sqlite"))
    assert code == 0, err
    assert "Traceback" not in err and "internal error" not in err
    assert "DUT [/bold]\\x1b[2J" in out
    with SessionStore(tmp_path / "s.sqlite") as store:
        (info,) = store.sessions()
    assert info.dut_serial == "[/bold]\x1b[2J" and info.status == "complete"


# --- station file ----------------------------------------------------------------------------


@pytest.mark.parametrize(("content", "words"), [
    (b"[station]\nname = \n", ["station.toml:2", "TOML"]),
    (bytes(range(128, 256)), ["station.toml", "not text"]),
    (None, ["station.toml", "folder"]),
])
def test_broken_station_file(tmp_path, capsys, monkeypatch, content, words):
    station = tmp_path / "station.toml"
    if content is None:
        station.mkdir()
    else:
        station.write_bytes(content)
    monkeypatch.setenv("METERLAB_STATION", str(station))
    code, _, err = run(capsys, "run", str(SHIPPED_PLAN), "--db", str(tmp_path / "s.sqlite"))
    assert_one_clear_line(code, err, *words)


# --- the last resort -------------------------------------------------------------------------


def test_unexpected_exception_is_one_line_and_logged(tmp_path, capsys, monkeypatch):
    import platformdirs

    from meterlab.commands import check

    def boom(*a, **k):
        raise RuntimeError("a bug in meterlab")

    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *a, **k: str(tmp_path / "log"))
    monkeypatch.setattr(check.command, "callback", boom)
    code, _, err = run(capsys, "check", str(SHIPPED_PLAN))
    assert code == 2
    assert "Traceback" not in err
    assert err.count("\n") == 1
    assert "internal error: RuntimeError: a bug in meterlab" in err
    assert "nothing you measured was lost" in err
    log = tmp_path / "log" / "errors.log"
    assert str(log) in err
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: a bug in meterlab" in text


def test_unwritable_log_folder_still_one_line(tmp_path, capsys, monkeypatch):
    import platformdirs

    from meterlab.commands import check

    def boom(*a, **k):
        raise ValueError("oops")

    (tmp_path / "file").write_text("x")
    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *a, **k: str(tmp_path / "file" / "l"))
    monkeypatch.setattr(check.command, "callback", boom)
    code, _, err = run(capsys, "check", str(SHIPPED_PLAN))
    assert code == 2 and "Traceback" not in err and err.count("\n") == 1
    assert "could not be logged" in err


# --- real processes --------------------------------------------------------------------------


def _meterlab(*argv: str, **kw) -> subprocess.Popen:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.Popen([sys.executable, "-m", "meterlab", *argv], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, **kw)


def test_subprocess_broken_plan_no_traceback(tmp_path):
    p = tmp_path / "junk.toml"
    p.write_bytes(os.urandom(200))
    proc = _meterlab("check", str(p))
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert "Traceback" not in err and "junk.toml" in err


def test_subprocess_ctrl_c_during_run_keeps_an_incomplete_session(tmp_path):
    db = tmp_path / "s.sqlite"
    proc = _meterlab("run", "iot-sensor-node", "--db", str(db),
                     preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    # Wait until at least one check has been judged, then press Ctrl-C.
    assert proc.stdout is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if "PASS" in line or "FAIL" in line:
            break
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert "interrupted" in err
    with SessionStore(db) as store:
        (info,) = store.sessions()
        assert info.status == "incomplete"
        assert info.n_readings >= 1
        assert all(r.ok for r in store.verify())


def test_capture_summary_says_which_channel_broke_off():
    from meterlab.capture_io import Capture
    from meterlab.commands.capture import _summary
    from meterlab.waveform import Waveform

    full = Waveform(np.zeros(600), t0=0.0, dt=1e-9, source="CH1")
    cut = Waveform(np.zeros(175), t0=0.0, dt=1e-9, source="CH2")
    text = _summary(Capture(waveforms=[full, cut]))
    assert "CH1: 600 points" in text and "CH2: 175 points" in text


def test_disk_full_is_one_line_naming_the_file(capsys, monkeypatch):
    import errno

    from meterlab.commands import check

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device", "/media/usb/out.csv")

    monkeypatch.setattr(check.command, "callback", full)
    code, _, err = run(capsys, "check", str(SHIPPED_PLAN))
    assert_one_clear_line(code, err, "/media/usb/out.csv", "No space left", "already saved is kept")
    assert "internal error" not in err


def test_subprocess_stdout_to_full_device():
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "meterlab", "check", str(SHIPPED_PLAN)],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "No space left" in proc.stderr
