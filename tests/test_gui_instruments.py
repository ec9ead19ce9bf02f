"""The Instruments view, its SCPI console and the connect dialog, on the simulated bench.

Everything talks to the simulator through pyvisa + pyvisa-py over TCP, as with
real instruments; "silent" and "unknown" instruments are tiny TCP servers here.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from meterlab import paths
from meterlab.gui.connect_dialog import ConnectDialog
from meterlab.gui.instruments_table import MODEL, ORIGIN, ROLE, SERIAL, STATE
from meterlab.gui.instruments_text import State
from meterlab.gui.instruments_view import InstrumentsView
from meterlab.gui.settings import Settings
from meterlab.sim.bench import SimulatedBench

pytest_plugins = ("gui_fixtures",)

DMM_SERIAL = "MY59001442"
SCOPE_SERIAL = "DS1ZC204807063"


@pytest.fixture(scope="module")
def bench() -> Iterator[SimulatedBench]:
    with SimulatedBench(seed=1) as b:
        yield b


@pytest.fixture
def view(qtbot, bench, gui_settings) -> Iterator[InstrumentsView]:
    v = InstrumentsView(settings=gui_settings,
                        simulated={"dmm": bench.dmm_resource, "scope": bench.scope_resource})
    qtbot.addWidget(v)
    v.resize(1200, 800)
    v.show()
    yield v
    v.close_all()


def identified(view: InstrumentsView, resource: str) -> bool:
    entry = view.entries.get(resource)
    return entry is not None and entry.state in (State.AVAILABLE, State.CONNECTED)


def cell(view: InstrumentsView, resource: str, col: int) -> str:
    return view.table.item(view.table.row_of(resource), col).text()


def console_for(qtbot, view: InstrumentsView, resource: str, timeout_s: float = 1.0):
    qtbot.waitUntil(lambda: identified(view, resource), timeout=10_000)
    view.open_console(resource)
    qtbot.waitUntil(lambda: resource in view.consoles, timeout=10_000)
    console = view.consoles[resource]
    console.set_timeout(timeout_s)
    return console


def run(qtbot, console, command: str) -> str:
    """Send `command`, wait for its outcome, return what the transcript gained."""
    before = console.transcript_text()
    with qtbot.waitSignal(console.replied, timeout=10_000):
        console.send(command)
    return console.transcript_text()[len(before):]


class LineServer:
    """A TCP server on 127.0.0.1 that answers *IDN? with `idn` (and `replies`), or nothing."""

    def __init__(self, idn: str | None, replies: dict[bytes, bytes] | None = None) -> None:
        self.idn = idn
        self.replies = {k.upper(): v for k, v in (replies or {}).items()}
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.resource = f"TCPIP::127.0.0.1::{self.port}::SOCKET"
        self.clients: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.clients.append(conn)
            threading.Thread(target=self._talk, args=(conn,), daemon=True).start()

    def _talk(self, conn: socket.socket) -> None:
        with conn:
            for line in conn.makefile("rb"):
                command = line.strip().upper()
                if self.idn is not None and command == b"*IDN?":
                    conn.sendall(self.idn.encode() + b"\n")
                elif command in self.replies:
                    conn.sendall(self.replies[command])

    def close(self) -> None:
        self.sock.close()
        for c in self.clients:
            c.close()


# -- the table ---------------------------------------------------------------------------


def test_lists_the_simulated_bench_first_with_models_and_serials(qtbot, view, bench):
    dmm, scope = bench.dmm_resource, bench.scope_resource
    qtbot.waitUntil(lambda: identified(view, dmm) and identified(view, scope), timeout=15_000)
    assert list(view.entries)[:2] == [dmm, scope]
    assert view.table.row_of(dmm) == 0 and view.table.row_of(scope) == 1
    assert cell(view, dmm, MODEL) == "34465A"
    assert cell(view, dmm, SERIAL) == DMM_SERIAL
    assert cell(view, dmm, ROLE) == "Multimeter"
    assert cell(view, scope, MODEL) == "MSO1104Z"
    assert cell(view, scope, SERIAL) == SCOPE_SERIAL
    assert cell(view, scope, ROLE) == "Oscilloscope"
    assert cell(view, dmm, ORIGIN) == "Simulated bench"
    assert "answers" in cell(view, dmm, STATE)
    assert view.entries[dmm].identity.profile_name.startswith("Keysight 34465A")
    # Selecting the scope offers it as an oscilloscope, not as a multimeter.
    view.table.select_resource(scope)
    assert view.scope_button.isEnabled() and not view.dmm_button.isEnabled()


def test_use_as_multimeter_emits_the_resource(qtbot, view, bench, gui_settings):
    dmm = bench.dmm_resource
    qtbot.waitUntil(lambda: identified(view, dmm), timeout=10_000)
    view.table.select_resource(dmm)
    assert view.dmm_button.isEnabled() and not view.scope_button.isEnabled()
    with qtbot.waitSignal(view.use_dmm, timeout=2000) as got:
        view.dmm_button.click()
    assert got.args == [dmm]
    assert "in use" in cell(view, dmm, ROLE)
    view.mark_in_use("dmm", None)  # e.g. the meter view was switched to another source
    assert "in use" not in cell(view, dmm, ROLE)
    # The simulator's port changes every run: it is not offered again next time.
    assert not Settings(gui_settings).dmm_resource


def test_a_real_address_picked_is_remembered(qtbot, bench, gui_settings):
    view = InstrumentsView(settings=gui_settings, refresh_on_show=False)
    qtbot.addWidget(view)
    view.add_instrument(bench.scope_resource, "@py")  # typed by hand, connects
    qtbot.waitUntil(lambda: view.entries[bench.scope_resource].state == State.CONNECTED,
                    timeout=10_000)
    assert "connected" in cell(view, bench.scope_resource, STATE)
    with qtbot.waitSignal(view.use_scope, timeout=2000) as got:
        view.scope_button.click()
    assert got.args == [bench.scope_resource]
    assert Settings(gui_settings).scope_resource == bench.scope_resource
    assert view.backend_for(bench.scope_resource) == "@py"
    view.disconnect_button.click()
    assert view.entries[bench.scope_resource].conn is None
    assert view.entries[bench.scope_resource].state == State.AVAILABLE


# -- the console -------------------------------------------------------------------------


def test_console_reads_replies_settings_and_the_error_queue(qtbot, view, bench):
    console = console_for(qtbot, view, bench.dmm_resource)
    assert "connected" in cell(view, bench.dmm_resource, STATE)

    out = run(qtbot, console, "*IDN?")
    assert f"Keysight Technologies,34465A,{DMM_SERIAL}" in out
    out = run(qtbot, console, "VOLT:RANG 1")
    assert "→ VOLT:RANG 1" in out and "←" not in out  # a setting: nothing to read back
    out = run(qtbot, console, "VOLT:RANG?")
    assert "← +1.00000000E+00" in out

    t0 = time.monotonic()
    out = run(qtbot, console, "SOUR:BOGUS?")
    assert "No reply within 1 s" in out and "error queue" in out
    assert time.monotonic() - t0 < 5
    out = console.transcript_text()
    before = len(out)
    with qtbot.waitSignal(console.replied, timeout=10_000):
        console.read_error_queue()
    errors = console.transcript_text()[before:]
    assert "-113" in errors and "Undefined header" in errors
    # Drained: asking again reports an empty queue, and the link is still in step.
    with qtbot.waitSignal(console.replied, timeout=10_000):
        console.read_error_queue()
    assert "Error queue empty" in console.transcript_text()
    assert "34465A" in run(qtbot, console, "*IDN?")


def test_console_history_recalls_with_up_and_down(qtbot, view, bench):
    console = console_for(qtbot, view, bench.dmm_resource)
    run(qtbot, console, "*IDN?")
    run(qtbot, console, "VOLT:RANG?")
    line = console.command_line
    line.setText("draft")
    qtbot.keyClick(line, Qt.Key.Key_Up)
    assert line.text() == "VOLT:RANG?"
    qtbot.keyClick(line, Qt.Key.Key_Up)
    assert line.text() == "*IDN?"
    qtbot.keyClick(line, Qt.Key.Key_Down)
    qtbot.keyClick(line, Qt.Key.Key_Down)
    assert line.text() == "draft"
    qtbot.keyClick(line, Qt.Key.Key_Up)
    with qtbot.waitSignal(console.replied, timeout=10_000):
        qtbot.keyClick(line, Qt.Key.Key_Return)
    assert console.transcript_text().rstrip().endswith("+1.00000000E+00")


def test_console_shows_binary_blocks_by_size_and_stays_in_step(qtbot, view, bench):
    console = console_for(qtbot, view, bench.scope_resource, timeout_s=10)
    out = run(qtbot, console, ":DISP:DATA?")
    assert "<block:" in out and "bytes>" in out
    size = int(out.split("<block:")[1].split("bytes")[0])
    assert size > 10_000
    assert f"RIGOL TECHNOLOGIES,MSO1104Z,{SCOPE_SERIAL}" in run(qtbot, console, "*IDN?")


def test_console_reads_binary_readings_after_form_real(qtbot, view, bench):
    console = console_for(qtbot, view, bench.dmm_resource)
    run(qtbot, console, "CONF:VOLT:DC 10")
    run(qtbot, console, "FORM REAL,64")
    assert "<block: 8 bytes>" in run(qtbot, console, "READ?")  # one float64 reading
    run(qtbot, console, "FORM ASC")
    out = run(qtbot, console, "READ?")
    assert "<block" not in out and "E+" in out
    assert "34465A" in run(qtbot, console, "*IDN?")


@contextmanager
def unprofiled_instrument(qtbot, gui_settings, replies: dict[bytes, bytes]):  # type: ignore[no-untyped-def]
    """An "ACME XM-9000" no profile knows, answering `replies`, added to a new
    Instruments view and connected: (view, server); both closed afterwards."""
    server = LineServer("ACME Instruments,XM-9000,SN42,1.0", replies)
    view = InstrumentsView(settings=gui_settings, refresh_on_show=False)
    qtbot.addWidget(view)
    try:
        view.add_instrument(server.resource, "@py")
        qtbot.waitUntil(lambda: view.entries[server.resource].state == State.CONNECTED,
                        timeout=10_000)
        yield view, server
    finally:
        view.close_all()
        server.close()


def test_console_works_without_a_profile(qtbot, gui_settings):
    with unprofiled_instrument(qtbot, gui_settings, {b"MEM:DUMP?": b"#15HELLO\n",
                                                     b"VOLT?": b"+1.2E+00\n"}) as (view, server):
        assert cell(view, server.resource, ROLE) == "Unknown"
        assert not view.dmm_button.isEnabled() and not view.scope_button.isEnabled()
        assert str(paths.user_dir("instruments")) in view.detail_label.text()
        view.open_console()
        console = view.consoles[server.resource]
        console.set_timeout(0.5)
        assert "<block: 5 bytes>" in run(qtbot, console, "MEM:DUMP?")
        assert "+1.2E+00" in run(qtbot, console, "VOLT?")
        view.console_tabs.tabCloseRequested.emit(0)
        assert server.resource not in view.consoles and view.console_tabs.isHidden()


def test_console_hints_at_binary_data_for_a_reply_that_is_no_text(qtbot, gui_settings):
    """The hint about binary queries follows the error's type (GarbledReply: bytes that are
    no text, read as a line), not the word "garbled": a block that is longer than its
    header says is garbled too, but was already read as a block, so no hint."""
    replies = {b"HCOP:IMAGE?": b"\xff\xd8\xff\xe0\x00\x10JFIF\n",
               b"WAV:DATA?": b"#15HELLOXX\n"}
    with unprofiled_instrument(qtbot, gui_settings, replies) as (view, server):
        view.open_console()
        console = view.consoles[server.resource]
        console.set_timeout(0.5)
        out = run(qtbot, console, "HCOP:IMAGE?")
        assert "garbled reply" in out and "answers with binary data" in out
        out = run(qtbot, console, "WAV:DATA?")
        assert "garbled" in out and "binary data" not in out
        assert "XM-9000" in run(qtbot, console, "*IDN?")  # back in step after both


def test_console_waits_for_the_connection_lock(qtbot, view, bench):
    console = console_for(qtbot, view, bench.dmm_resource)
    conn = view.entries[bench.dmm_resource].conn
    with conn.lock:  # e.g. an acquisition in the middle of a query and its reply
        console.send("*IDN?")
        qtbot.wait(300)
        assert "34465A" not in console.transcript_text()
        assert console.busy
    qtbot.waitUntil(lambda: "34465A" in console.transcript_text(), timeout=5000)


def test_lost_instrument_is_reconnected(qtbot, gui_settings):
    first = SimulatedBench(seed=2).start()
    port = first.dmm_server.port
    view = InstrumentsView(settings=gui_settings, simulated={"dmm": first.dmm_resource})
    qtbot.addWidget(view)
    view.show()
    res = first.dmm_resource
    second = None
    try:
        console = console_for(qtbot, view, res)
        first.stop()
        console.send("*IDN?")
        qtbot.waitUntil(lambda: view.entries[res].state in (State.LOST, State.RECONNECTING),
                        timeout=10_000)
        assert "lost" in console.transcript_text()
        second = SimulatedBench(seed=2, dmm_port=port).start()
        qtbot.waitUntil(lambda: view.entries[res].state != State.RECONNECTING, timeout=15_000)
        if view.entries[res].state == State.LOST:  # it gave up before the meter was back
            assert "still not answering" in view.entries[res].message
            view.reconnect(res)  # what the Reconnect button does
        qtbot.waitUntil(lambda: view.entries[res].state == State.CONNECTED, timeout=15_000)
        assert "Connected again" in console.transcript_text()
        assert "34465A" in run(qtbot, console, "*IDN?")
    finally:
        view.close_all()
        first.stop()
        if second is not None:
            second.stop()


# -- the connect dialog -------------------------------------------------------------------


def dialog_for(qtbot, resource: str, **kw) -> ConnectDialog:
    dialog = ConnectDialog(None, **kw)
    qtbot.addWidget(dialog)
    dialog.resource_edit.setText(resource)
    return dialog


def test_connect_dialog_identifies_the_simulated_meter(qtbot, bench):
    dialog = dialog_for(qtbot, bench.dmm_resource, simulated={"dmm": bench.dmm_resource})
    qtbot.waitSignal(dialog.discovered, timeout=10_000).wait()
    listed = [dialog.found_list.item(i).text() for i in range(dialog.found_list.count())]
    assert listed and bench.dmm_resource in listed[0] and "Simulated bench" in listed[0]
    with qtbot.waitSignal(dialog.tested, timeout=10_000) as got:
        dialog.test_connection()
    ok, text = got.args
    assert ok
    assert "34465A" in text and DMM_SERIAL in text and "Keysight 34465A" in text
    assert dialog.identity is not None and dialog.identity.kind == "dmm"
    assert dialog.backend() == "@py" and dialog.resource() == bench.dmm_resource


def test_dead_port_is_explained_without_blocking(qtbot):
    with socket.create_server(("127.0.0.1", 0)) as s:
        port = s.getsockname()[1]  # closed again: nothing listens there now
    dialog = dialog_for(qtbot, f"TCPIP::127.0.0.1::{port}::SOCKET")
    with qtbot.waitSignal(dialog.tested, timeout=10_000) as got:
        dialog.test_connection()
    ok, text = got.args
    assert not ok
    assert "No instrument answers" in text and str(port) in text
    assert "Traceback" not in dialog.result_label.text()


def test_silent_instrument_is_tested_while_the_event_loop_runs(qtbot):
    server = LineServer(None)  # accepts the connection, never answers
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    try:
        dialog = dialog_for(qtbot, server.resource)
        t0 = time.monotonic()
        with qtbot.waitSignal(dialog.tested, timeout=15_000) as got:
            dialog.test_connection()
            assert time.monotonic() - t0 < 0.5  # the click returns at once
            assert dialog.testing and not dialog.test_button.isEnabled()
        elapsed = time.monotonic() - t0
    finally:
        timer.stop()
        server.close()
    ok, text = got.args
    assert not ok and "No instrument answers" in text and "*IDN?" in text
    assert elapsed > 1.0  # it really waited for the instrument…
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > elapsed / 0.02 * 0.5  # …while the timer kept firing
    assert max(gaps) < 0.5
    assert dialog.test_button.isEnabled()


def test_unknown_instrument_points_to_the_profile_folder(qtbot):
    server = LineServer("ACME Instruments,XM-9000,SN42,1.0")
    try:
        dialog = dialog_for(qtbot, server.resource)
        with qtbot.waitSignal(dialog.tested, timeout=10_000) as got:
            dialog.test_connection()
    finally:
        server.close()
    ok, text = got.args
    assert not ok
    assert "XM-9000" in text and "SN42" in text
    assert str(paths.user_dir("instruments")) in text
    assert dialog.identity is not None and dialog.identity.kind == ""


def test_broken_user_profile_is_named_with_its_line(qtbot, bench, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    folder = paths.user_dir("instruments")
    folder.mkdir(parents=True)
    (folder / "my-meter.toml").write_text('[profile]\nname = "Mine"\nkind = "dmm"\n'
                                          '[identify]\nmodels = 34465\n', encoding="utf-8")
    dialog = dialog_for(qtbot, bench.dmm_resource)
    with qtbot.waitSignal(dialog.tested, timeout=10_000) as got:
        dialog.test_connection()
    ok, text = got.args
    assert not ok
    assert "34465A" in text and "my-meter.toml:5" in text and "identify.models" in text


def test_a_typo_is_explained(qtbot):
    dialog = dialog_for(qtbot, "192.168.1.50:5025")
    with qtbot.waitSignal(dialog.tested, timeout=10_000) as got:
        dialog.test_connection()
    ok, text = got.args
    assert not ok and "not a VISA address" in text
    assert QApplication.instance() is not None


def test_simulated_bench_moved_to_new_ports(qtbot, view, bench):
    qtbot.waitUntil(lambda: identified(view, bench.dmm_resource), timeout=10_000)
    with SimulatedBench(seed=3) as other:
        view.set_simulated({"dmm": other.dmm_resource})
        assert bench.dmm_resource not in view.entries
        qtbot.waitUntil(lambda: identified(view, other.dmm_resource), timeout=10_000)
        assert view.table.rowCount() == 1


def test_plugs_into_the_main_window(qtbot, window, bench):
    view = InstrumentsView(settings=window.settings, simulated={"dmm": bench.dmm_resource})
    window.add_view("instruments", "Instruments", view)
    window.connect_news(view)
    window.show_view("instruments")  # first shown: the search starts
    try:
        qtbot.waitUntil(lambda: identified(view, bench.dmm_resource), timeout=10_000)
        with qtbot.waitSignal(view.use_dmm, timeout=2000):
            view.use_as("dmm", bench.dmm_resource)
        assert "Multimeter: 34465A" in window.statusBar().currentMessage()
        assert not window.banner.isVisible()  # passing news: the views do not move
    finally:
        view.close_all()
