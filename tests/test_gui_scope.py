"""The Scope view on the real stack: simulated MSO1104Z over TCP, pyvisa-py, driver, worker.

The virtual board behind the scope (design.md): CH1 the LED PWM (1 kHz, 25 %,
3.3 V), CH2 the UART line, CH3 the 3V3 rail, CH4 VBUS (5 V); D0 the UART
(9600 8N1 telemetry), D1/D2 the I²C bus, D3 the PWM. Every assertion reads the
widgets' state (trace items, table cells, text field, cursor readout) and checks
it against the board's figures or against analysis of the same trace data.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import math
import time
from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QTimer

from meterlab import analysis
from meterlab.capture_io import load_capture
from meterlab.gui.scope_view import DEMO_SETUP, ScopeView
from meterlab.readings import Verdict
from meterlab.sim import SimulatedBench
from meterlab.sim.server import InstrumentServer
from meterlab.units import format_si
from meterlab.waveform import Waveform
from tests.visa_link import link

pytest_plugins = ("gui_fixtures",)


@pytest.fixture
def bench() -> Iterator[SimulatedBench]:
    with SimulatedBench(seed=5) as b:
        yield b


@pytest.fixture
def view(qtbot, gui_settings, bench) -> Iterator[ScopeView]:
    v = ScopeView(bench.scope_resource, "@py", gui_settings, initial=DEMO_SETUP)
    news: list[tuple[str, str, int]] = []
    v.news.connect(lambda *a: news.append(a))
    v.news_log = news  # type: ignore[attr-defined]
    qtbot.addWidget(v)
    v.resize(1400, 820)
    v.show()
    yield v
    v.shutdown()


def trace(view: ScopeView, n: int) -> tuple[np.ndarray, np.ndarray]:
    t, y = view.analog.traces[n].getOriginalDataset()
    return np.asarray(t), np.asarray(y)


def wait_frames(qtbot, view: ScopeView, count: int = 2, timeout: int = 20000) -> None:
    start = view.frames_drawn
    qtbot.waitUntil(lambda: view.frames_drawn >= start + count and view.frame is not None
                    and len(view.frame.waveforms) == 4, timeout=timeout)


def test_four_traces_match_the_board_and_uart_text_is_decoded(qtbot, view):
    wait_frames(qtbot, view)
    for n in range(1, 5):
        t, y = trace(view, n)
        assert view.analog.traces[n].isVisible()
        assert len(y) == len(t) == 1200
    t, y = trace(view, 1)
    wf = Waveform(y, t[0], t[1] - t[0], "CH1")
    assert analysis.vpp(wf) == pytest.approx(3.3, abs=0.45)  # ADC noise adds a little
    assert analysis.frequency(wf) == pytest.approx(1000.0, rel=0.02)
    assert analysis.duty_cycle(wf) == pytest.approx(0.25, abs=0.03)
    assert float(np.mean(trace(view, 3)[1])) == pytest.approx(3.3, abs=0.15)
    assert float(np.mean(trace(view, 4)[1])) == pytest.approx(5.0, abs=0.2)
    # The controls show what the scope reports back.
    assert view.vdiv_combo.currentData() == pytest.approx(2.0)
    assert view.tdiv_combo.currentData() == pytest.approx(2e-3)
    assert view.trig_source.currentData() == "CH2"

    qtbot.waitUntil(lambda: "V=3.30" in view.uart_text.toPlainText(), timeout=15000)
    text = view.uart_text.toPlainText()
    assert "T=" in text
    assert "9600 Bd" in view.uart_info.text()
    # Bytes and characters are drawn on the UART row of the logic lanes. They are the
    # latest frame's, and a 24 ms frame holds about 23 of the board's characters: wait for
    # one that holds a "T" (the text panel above keeps every frame's).
    def t_drawn() -> bool:
        uart = [a.text for a in view.logic.annotations if a.row == "uart"]
        return ("T 54h" in uart  # full or short label, as the width allows
                and bool({"T 54h", "T"} & set(view.logic.shown_labels)))

    qtbot.waitUntil(t_drawn, timeout=15000)
    assert "D0" in dict(view.logic.rows) and "uart" in dict(view.logic.rows)
    x, _ = view.logic.lanes[3].getOriginalDataset()
    assert len(x) > 20  # D3 carries the PWM: many edges in 24 ms


def test_dragging_the_trigger_marker_sets_the_level(qtbot, view):
    wait_frames(qtbot, view, 1)
    line = view.analog.trigger_line
    assert line.isVisible()
    scale, offset = view.analog.setups[2]  # the trigger source is CH2
    line.setValue((1.0 + offset) / scale)  # drop it at 1.0 V
    line.sigPositionChangeFinished.emit(line)
    qtbot.waitUntil(lambda: view.state is not None
                    and abs(view.state.trigger.level - 1.0) < 0.05, timeout=10000)
    assert view.level_edit.text() == format_si(view.state.trigger.level, "V", 3)

    # Single: one trigger, one frame, then stopped, with the standing sweep kept.
    before = view.frames_drawn
    view.single_button.click()
    qtbot.waitUntil(lambda: view.frames_drawn > before and not view.running
                    and view.status_label.text().endswith(view.tr("Stopped")), timeout=15000)
    qtbot.waitUntil(lambda: view.state.trigger.sweep == "NORM", timeout=5000)
    drawn = view.frames_drawn
    qtbot.wait(500)
    assert view.frames_drawn == drawn  # stopped means no new frames


def test_limit_on_frequency_passes_then_fails_with_a_stuck_pwm(qtbot, view, bench):
    wait_frames(qtbot, view, 1)
    assert view.measurements.set_limit("FREQ", "1 kHz ±1 %")
    qtbot.waitUntil(lambda: view.measurements.verdicts["FREQ"] == Verdict.PASS, timeout=10000)
    assert view.measurements.values["FREQ"] == pytest.approx(1000.0, rel=0.01)
    cell = view.measurements.verdict_items["FREQ"]
    assert Verdict.PASS.symbol in cell.text()
    assert view.measurements.values["PDUT"] == pytest.approx(25.0, abs=1.0)  # shown in %

    with link(bench.scope_resource) as inst:  # the view's own link stays open meanwhile
        inst.write(":SIM:FAUL pwm_stuck,ON")
        assert inst.query(":SIM:FAUL?").strip()  # the fault is on
    qtbot.waitUntil(lambda: view.measurements.verdicts["FREQ"] in (Verdict.FAIL, Verdict.ERROR),
                    timeout=15000)
    verdict = view.measurements.verdicts["FREQ"]
    assert verdict.symbol in cell.text()
    # A limit the parser cannot read is said so, and judges nothing.
    assert not view.measurements.set_limit("VPP", "three volts")
    assert view.measurements.verdicts["VPP"] is None
    assert "VPP" in view.measurements.errors


def test_cursors_give_delta_t_and_frequency(qtbot, view):
    wait_frames(qtbot, view, 1)
    t, y = trace(view, 1)
    rising = np.flatnonzero((y[:-1] < 1.65) & (y[1:] >= 1.65)) + 1
    a, b = float(t[rising[1]]), float(t[rising[2]])
    view.analog.set_cursor_times(a, b)
    r = view.cursor_readout()
    assert r["dt"] == pytest.approx(b - a)
    assert r["inv_dt"] == pytest.approx(1000.0, rel=0.03)  # one PWM period
    assert f"Δt {format_si(b - a, 's', 4)}" in view.cursor_label.text()
    # From the middle of a high pulse to the middle of the gap: ΔV ≈ −3.3 V on CH1.
    view.analog.set_cursor_times(a + 0.1e-3, a + 0.6e-3)
    assert view.cursor_readout()["dv"] == pytest.approx(-3.3, abs=0.4)
    assert "ΔV(CH1)" in view.cursor_label.text()


def test_deep_capture_shows_progress_decodes_and_saves(qtbot, view, tmp_path):
    wait_frames(qtbot, view, 1)
    view.depth_combo.setCurrentIndex(view.depth_combo.findData(30_000))
    qtbot.waitUntil(lambda: view.state is not None and view.state.memory_depth == 30_000,
                    timeout=10000)
    seen: list[int] = []
    view.progress.valueChanged.connect(seen.append)
    view.deep_button.click()
    qtbot.waitUntil(lambda: view.deep_frame is not None, timeout=30000)
    frame = view.deep_frame
    assert frame.deep and not view.running
    assert {len(w) for w in frame.waveforms.values()} == {30_000}
    assert len(frame.waveforms) == 4 and frame.digital is not None
    assert seen[-1] == 1000 and len(seen) >= 3 and seen == sorted(seen)
    qtbot.waitUntil(lambda: view.frame is frame, timeout=5000)
    _t, y = trace(view, 1)
    assert len(y) == 30_000
    # The deep record decodes completely (the screen is 24 ms: one telemetry line).
    assert "T=25.0C" in frame.decoded.uart_text
    assert "deep capture" in view.uart_text.toPlainText()
    # At the deep record's sample rate the I²C bus decodes too: the board reads 0x44.
    i2c = [a.text for a in frame.decoded.annotations if a.row == "i2c"]
    assert "0x44 R ACK" in i2c and "S" in i2c and "P" in i2c

    done: list[bool] = []
    path = tmp_path / "capture.npz"
    view.save_capture(path, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    assert done == [True]
    cap = load_capture(path)
    assert [w.source for w in cap.waveforms] == ["CH1", "CH2", "CH3", "CH4"]
    assert len(cap.waveforms[0]) == 30_000
    np.testing.assert_allclose(cap.waveforms[0].y, frame.waveforms["CH1"].y)
    assert cap.digital is not None and 0 in cap.digital.channels

    # The instrument's own screen, saved as the image format it sent.
    view.save_screenshot(tmp_path / "screen.png")
    qtbot.waitUntil(lambda: view.last_screenshot is not None, timeout=20000)
    head = view.last_screenshot.read_bytes()[:8]
    assert head.startswith(b"\x89PNG") or head.startswith(b"BM")


def test_a_scope_that_stops_answering_warns_and_the_gui_stays_responsive(qtbot, view, bench):
    wait_frames(qtbot, view, 2)
    ticks: list[float] = []
    probe = QTimer()
    probe.setInterval(20)
    probe.timeout.connect(lambda: ticks.append(time.monotonic()))
    probe.start()
    port = int(bench.scope_resource.split("::")[2])
    bench.scope_server.stop()
    qtbot.waitUntil(lambda: any("stopped answering" in text for text, _l, _t in view.news_log),
                    timeout=15000)
    text, level, _timeout = next(n for n in view.news_log if "stopped answering" in n[0])
    assert level == "warning" and "Reconnecting" in text
    qtbot.wait(600)  # the worker keeps trying in the background
    probe.stop()
    assert len(ticks) > 10
    gaps = np.diff(ticks)
    assert float(gaps.max()) < 1.0  # the event loop never waited for the instrument
    # The last frame stays on screen, and the view says it is stale.
    assert len(trace(view, 1)[1]) == 1200
    assert view.stale and view.stale_label.isVisible()

    # The scope comes back on the same address: the view says so and frames flow again.
    server = InstrumentServer(bench.scope, port=port).start()
    try:
        qtbot.waitUntil(lambda: any("answers again" in n[0] for n in view.news_log),
                        timeout=20000)
        assert not view.stale and not view.stale_label.isVisible()
        wait_frames(qtbot, view, 1)
    finally:
        server.stop()


def test_without_a_resource_the_view_says_so(qtbot, gui_settings):
    v = ScopeView(None, settings=gui_settings)
    qtbot.addWidget(v)
    assert "No oscilloscope" in v.status_label.text()
    assert not v.run_button.isEnabled() and not v.deep_button.isEnabled()
    v.on_frame()  # nothing to drain, nothing breaks
    assert math.isnan(v.cursor_readout()["dv"])
    assert v.measurements.set_limit("FREQ", "1 kHz ±1 %")
    v.measurements.set_source("CH2")
    assert v.measurements.set_limit("PDUT", "20 % .. 30 %")
    v.controls.line_checks[5].setChecked(True)
    v.shutdown()  # remembers limits per channel, the shown lines and decode choices
    again = ScopeView(None, settings=gui_settings)
    qtbot.addWidget(again)
    m = again.measurements
    assert m.source == "CH2" and m.limit_edits["PDUT"].text() == "20 % .. 30 %"
    m.set_source("CH1")
    assert m.limit_edits["FREQ"].text() == "1 kHz ±1 %" and m.limit_edits["PDUT"].text() == ""
    assert 5 in again.controls.lines
    again.shutdown()


def test_a_multimeter_address_is_named_not_retried_forever(qtbot, gui_settings, bench):
    v = ScopeView(bench.dmm_resource, "@py", gui_settings)
    news: list[tuple[str, str, int]] = []
    v.news.connect(lambda *a: news.append(a))
    qtbot.addWidget(v)
    qtbot.waitUntil(lambda: bool(news), timeout=10000)
    text, level, _ = news[0]
    assert level == "error" and "34465A" in text and "oscilloscope" in text
    assert "Not an oscilloscope" in v.status_label.text()
    assert not v.run_button.isEnabled()
    v.shutdown()


def test_decoded_labels_are_one_scene_item_drawn_in_their_colours(qtbot):
    # One scene item for every label (not a TextItem each): Qt and pyqtgraph's hover
    # search visit every item on each paint and mouse move while a cursor is dragged.
    import pyqtgraph as pg
    from PySide6.QtGui import QColor

    from meterlab.gui.scope_decode import Annotation
    from meterlab.gui.scope_plot import DECODE_COLOURS, LogicPlot

    plot = LogicPlot()
    qtbot.addWidget(plot)
    plot.resize(900, 200)
    plot.show()
    qtbot.waitExposed(plot)
    plot.set_rows([0], uart="UART", i2c=None)
    plot.vb.setXRange(0.0, 0.024, padding=0)
    spans = [Annotation("uart", 0.001 * i, 0.001 * i + 0.0009, f"A {65 + i:02X}h", "A", "data")
             for i in range(20)]
    plot.set_annotations(spans[:2], {})
    with_two = len(plot.scene().items())
    plot.set_annotations(spans, {})
    assert len(plot.shown_labels) == 20
    assert len(plot.scene().items()) == with_two  # more labels, no more scene items
    assert not [i for i in plot.scene().items() if isinstance(i, pg.TextItem) and i.isVisible()]
    image = plot.grab().toImage()
    colour = QColor(DECODE_COLOURS["data"])
    lit = sum(1 for x in range(0, image.width(), 1) for y in range(0, image.height(), 2)
              if _near(image.pixelColor(x, y), colour))
    assert lit > 100  # the twenty labels' text is on screen in the data colour
    plot.set_annotations([], {})
    image = plot.grab().toImage()
    assert sum(1 for x in range(image.width()) for y in range(0, image.height(), 2)
               if _near(image.pixelColor(x, y), colour)) < lit / 10


def _near(a, b) -> bool:  # type: ignore[no-untyped-def]
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 60


def test_the_scopes_report_does_not_pull_the_trigger_marker_from_under_the_hand(qtbot,
                                                                               monkeypatch):
    from meterlab.gui import scope_plot

    plot = scope_plot.AnalogPlot()
    qtbot.addWidget(plot)
    plot.set_channel(2, 2.0, 4.0, True)  # 2 V/div, offset 4 V
    plot.set_trigger(2, 1.65)
    assert plot.level_at_marker() == pytest.approx(1.65)
    plot.trigger_line.moving = True  # a hand is dragging it
    plot.trigger_line.setValue((3.0 + 4.0) / 2.0)
    plot.set_trigger(2, 1.65)  # a state read before the drag reaches the view
    assert plot.level_at_marker() == pytest.approx(3.0)
    plot.trigger_line.moving = False
    dropped = []
    plot.levelDragged.connect(dropped.append)
    plot._level_dropped()
    assert dropped == [pytest.approx(3.0)]
    plot.set_trigger(2, 1.65)  # still the old level: the scope has not applied it yet
    assert plot.level_at_marker() == pytest.approx(3.0)
    plot.set_trigger(2, 3.0)  # applied
    plot.set_trigger(2, 1.0)  # then changed at the scope's own front panel: shown
    assert plot.level_at_marker() == pytest.approx(1.0)
    # A level the scope refuses or clamps is shown once the wait is over.
    monkeypatch.setattr(scope_plot, "LEVEL_PENDING_S", 0.0)
    plot.trigger_line.setValue((9.0 + 4.0) / 2.0)
    plot._level_dropped()
    plot.set_trigger(2, 5.0)
    assert plot.level_at_marker() == pytest.approx(5.0)


def test_dragging_the_trigger_marker_sets_the_scopes_level_again_and_again(qtbot, view):
    # The hand drags T up, drops it, and back down, four times with the scope sweeping
    # meanwhile: every drop reaches the scope and the marker stays where it was dropped.
    from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    wait_frames(qtbot, view, 2)
    plot, vb = view.analog, view.analog.getPlotItem().vb
    port = plot.viewport()

    def marker() -> QPoint:
        (x0, x1), _ = vb.viewRange()
        return plot.mapFromScene(vb.mapViewToScene(
            QPointF(x0 + 0.15 * (x1 - x0), float(plot.trigger_line.value()))))

    def mouse(kind: QEvent.Type, at: QPoint, held: bool) -> None:
        left = Qt.MouseButton.LeftButton
        button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else left
        QApplication.sendEvent(port, QMouseEvent(
            kind, QPointF(at), QPointF(port.mapToGlobal(at)), button,
            left if held else Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))

    levels = []
    for dy in (-60, 60) * 4:
        at = marker()
        mouse(QEvent.Type.MouseMove, at, False)
        mouse(QEvent.Type.MouseButtonPress, at, True)
        for k in range(1, 13):
            mouse(QEvent.Type.MouseMove, QPoint(at.x(), at.y() + dy * k // 12), True)
            qtbot.wait(10)
        mouse(QEvent.Type.MouseButtonRelease, QPoint(at.x(), at.y() + dy), False)
        dropped = plot.level_at_marker()
        levels.append(dropped)
        qtbot.waitUntil(lambda d=dropped: view.state is not None
                        and abs(view.state.trigger.level - d) < 0.05, timeout=10000)
        wait_frames(qtbot, view, 1)
        assert plot.level_at_marker() == pytest.approx(dropped, abs=0.05)
    assert levels[0] > 3.0 and levels[1] == pytest.approx(1.65, abs=0.1)  # up, then back
    assert levels[0::2] == pytest.approx([levels[0]] * 4, abs=0.1)
    assert levels[1::2] == pytest.approx([levels[1]] * 4, abs=0.1)
