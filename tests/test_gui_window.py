"""The main window on the synthetic source, asserted through the widgets' state."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess
import sys
import time

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from meterlab.gui.main_window import MainWindow
from meterlab.gui.sources import SyntheticSource
from meterlab.readings import Verdict

pytest_plugins = ("gui_fixtures",)


def test_title_and_honest_source_label(window):
    assert window.windowTitle().endswith(" — meterlab")
    assert "Synthetic" in window.windowTitle()
    assert "no instrument" in window.mode_label.text()
    assert "no instrument" in window.meter.source_label.text()


def test_readings_arrive_and_the_trend_grows(qtbot, window):
    meter = window.meter
    assert meter.trend.point_count() == 0
    meter.start()
    assert meter.running
    qtbot.waitUntil(lambda: meter.trend.point_count() > 200, timeout=5000)
    first = meter.trend.point_count()
    drawn = meter.trend.redraws
    qtbot.waitUntil(lambda: meter.trend.point_count() > first + 200, timeout=5000)
    # The trend redraws on the next frame that is not the histogram's or a late one.
    qtbot.waitUntil(lambda: meter.trend.redraws > drawn, timeout=2000)
    x, y = meter.trend.curve.getData()
    assert len(x) > 0 and np.isfinite(y).any()
    qtbot.waitUntil(lambda: meter.readout.text().endswith(" V"), timeout=3000)
    assert "readings/s" in meter.rate_label.text()
    meter.stop()
    assert not meter.running


def test_histogram_fills_on_its_own_frames_without_a_limit(qtbot, window):
    meter = window.meter
    meter.start()
    # Text and histogram refresh on alternate frames: both must come round.
    qtbot.waitUntil(lambda: meter.histogram.bars.getData()[0] is not None
                    and len(meter.histogram.bars.getData()[0]) > 0, timeout=8000)
    qtbot.waitUntil(lambda: "mean" in meter.histogram.stats_label.text()
                    and "V" in meter.histogram.stats_label.text(), timeout=5000)
    meter.stop()


def test_limit_turns_badge_pass_then_fail_when_signal_moves_out(qtbot, window, synthetic):
    meter = window.meter
    assert meter.apply_limit("3.3 V ±3 %")
    assert meter.limit_message_text == ""
    meter.start()
    qtbot.waitUntil(lambda: meter.badge.verdict == Verdict.PASS, timeout=5000)
    assert Verdict.PASS.symbol in meter.badge.text()
    assert not meter.trend.first_fail_line.isVisible()
    assert meter.alarms == 0
    synthetic.offset = 0.10  # +10 %: well outside ±3 %
    qtbot.waitUntil(lambda: meter.badge.verdict == Verdict.FAIL, timeout=5000)
    assert meter.alarms == 1  # one alarm per turn to FAIL, not one per reading
    assert Verdict.FAIL.symbol in meter.badge.text()
    qtbot.waitUntil(lambda: len(meter.trend.fail_points.data) > 0, timeout=3000)
    assert meter.trend.first_fail_line.isVisible()
    assert meter.series.first_failure is not None
    synthetic.offset = 0.0
    qtbot.waitUntil(lambda: meter.badge.verdict == Verdict.PASS, timeout=5000)
    # The first failure stays marked after the signal recovers.
    assert meter.trend.first_fail_line.isVisible()


def test_trend_pauses_follows_and_lets_the_user_browse(qtbot, window):
    meter = window.meter
    trend = meter.trend
    meter.start()
    qtbot.waitUntil(lambda: trend.point_count() > 200, timeout=5000)
    trend.set_paused(True)
    assert trend.paused and not trend.following and "paused" in trend.state_label.text()
    frozen_end = trend.curve.getData()[0][-1]
    count = trend.point_count()
    qtbot.waitUntil(lambda: trend.point_count() > count + 200, timeout=5000)
    qtbot.wait(100)
    assert trend.curve.getData()[0][-1] == frozen_end  # readings kept coming, chart held still
    trend.follow_newest()
    assert not trend.paused and trend.following
    qtbot.waitUntil(lambda: trend.curve.getData()[0][-1] > frozen_end, timeout=3000)
    # A drag or wheel by the user stops following; the newest data is one click away.
    view = trend.plot.viewport()
    centre = QPointF(view.width() / 2, view.height() / 2)
    wheel = QWheelEvent(centre, view.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view, wheel)  # the user zooms with the mouse wheel
    assert not trend.following and "browsing" in trend.state_label.text()
    trend.follow_newest()
    assert trend.following


def test_invalid_limit_text_shows_an_inline_message_not_a_dialog(qtbot, window):
    meter = window.meter
    meter.start()
    qtbot.waitUntil(lambda: meter.trend.point_count() > 50, timeout=5000)
    ok = meter.apply_limit("three volts give or take")
    assert not ok
    assert meter.limit_message.isVisible()
    assert meter.limit_message_text.strip() != ""
    assert QApplication.activeModalWidget() is None
    assert meter.series.limit is None
    qtbot.waitUntil(
        lambda: meter.badge.verdict is None and "limit" in meter.badge.text(), timeout=3000
    )
    # Correcting the text clears the message and judges again.
    assert meter.apply_limit("3.3 V ±5 %")
    assert not meter.limit_message.isVisible()
    qtbot.waitUntil(lambda: meter.badge.verdict == Verdict.PASS, timeout=5000)


def test_banner_shows_and_hides_without_blocking(qtbot, window):
    meter = window.meter
    meter.start()
    qtbot.waitUntil(lambda: meter.trend.point_count() > 50, timeout=5000)
    t0 = time.perf_counter()
    window.banner.show_message("The multimeter stopped answering. Readings so far are saved.")
    assert time.perf_counter() - t0 < 0.5
    assert window.banner.isVisible()
    before = meter.trend.point_count()
    qtbot.waitUntil(lambda: meter.trend.point_count() > before + 100, timeout=5000)
    window.banner.show_message("The multimeter answers again.", "info", timeout_ms=200)
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=3000)


def test_passing_news_never_moves_the_views_warnings_take_the_banner(qtbot, window):
    tabs = window.tabs
    top = tabs.mapTo(window, tabs.rect().topLeft()).y()
    window.show_news("Logging to session 4be07592", "info", 6000)
    qtbot.wait(50)
    assert not window.banner.isVisible()
    assert window.statusBar().currentMessage() == "Logging to session 4be07592"
    assert tabs.mapTo(window, tabs.rect().topLeft()).y() == top  # nothing moved under the hand
    window.show_news("The multimeter stopped answering. Readings so far are saved.", "warning", 0)
    qtbot.waitUntil(lambda: tabs.mapTo(window, tabs.rect().topLeft()).y() > top, timeout=2000)
    assert window.banner.isVisible() and window.banner.level == "warning"
    window.show_news("The multimeter answers again.", "info", 4000)
    assert not window.banner.isVisible()
    assert window.statusBar().currentMessage() == "The multimeter answers again."


def test_source_dropout_raises_the_banner_and_readings_resume(qtbot, window, synthetic):
    meter = window.meter
    meter.start()
    qtbot.waitUntil(lambda: meter.trend.point_count() > 50, timeout=5000)
    synthetic.dropout(0.6)
    qtbot.waitUntil(
        lambda: window.banner.isVisible() and "stopped answering" in window.banner.text,
        timeout=3000,
    )
    assert window.banner.level == "warning"
    assert meter.limit_edit.isEnabled()  # the rest of the window keeps working
    # The good news ends the warning, and is said in the status bar.
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=5000)
    assert "answers again" in window.statusBar().currentMessage()
    count = meter.trend.point_count()
    qtbot.waitUntil(lambda: meter.trend.point_count() > count + 100, timeout=5000)


def test_shortcuts_start_stop_and_single(qtbot, window):
    meter = window.meter
    qtbot.keyClick(window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: meter.trend.point_count() == 1, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert meter.running
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert not meter.running


def test_settings_survive_a_restart(qtbot, gui_settings):
    first = MainWindow(SyntheticSource(), settings=gui_settings, capacity=10_000)
    qtbot.addWidget(first)
    i = first.meter.function_combo.findData("RES")
    first.meter.function_combo.setCurrentIndex(i)
    first.meter.limit_edit.setText("4.7 kΩ ±5 %")
    first.close()
    second = MainWindow(SyntheticSource(), settings=gui_settings, capacity=10_000)
    qtbot.addWidget(second)
    assert second.meter.setup().function == "RES"
    assert second.meter.limit_edit.text() == "4.7 kΩ ±5 %"
    second.close()


def test_export_writes_a_readable_csv(qtbot, window, tmp_path):
    meter = window.meter
    meter.apply_limit("3.3 V ±3 %")
    meter.start()
    qtbot.waitUntil(lambda: meter.trend.point_count() > 100, timeout=5000)
    meter.stop()
    n = meter.trend.point_count()
    path = tmp_path / "readings.csv"
    done = []
    meter.export_csv(path, done=lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "time_utc,value_V,function,verdict"
    assert len(lines) == n + 1
    assert lines[1].split(",")[3] in {v.name for v in Verdict}
    assert "Saved" in window.statusBar().currentMessage()


def _unfinished(ts_path) -> list[str]:
    """Source texts of a Qt Linguist file whose translation is missing."""
    import xml.etree.ElementTree as ET

    root = ET.parse(ts_path).getroot()
    return [
        f"{ctx.findtext('name')}: {msg.findtext('source')}"
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
        if msg.find("translation").get("type") == "unfinished"
        or not _translated_text(msg.find("translation"))
    ]


def _translated_text(tr) -> str:
    forms = [f.text or "" for f in tr.iter("numerusform")]  # plurals: one text per form
    return "".join(forms).strip() if forms else (tr.text or "").strip()


def test_dutch_translation_covers_every_string_and_loads(qtbot, qapp, tmp_path):
    from meterlab.gui import i18n
    from meterlab.gui.meter_view import MeterView

    shipped = i18n.translations_dir() / "meterlab_nl.ts"
    assert not _unfinished(shipped)
    assert shipped.with_suffix(".qm").is_file()
    # Re-extract from the current code into a copy: a string added without a
    # Dutch translation shows up as unfinished.
    copy = tmp_path / "meterlab_nl.ts"
    copy.write_bytes(shipped.read_bytes())
    subprocess.run(
        [i18n._tool("pyside6-lupdate"), *map(str, i18n.gui_sources()), "-no-obsolete",
         "-ts", str(copy)],
        check=True, capture_output=True,
    )
    missing = _unfinished(copy)
    assert not missing, (
        "GUI strings without a Dutch translation: run `uv run python -m meterlab.gui.i18n`, "
        "translate the unfinished entries of ui/translations/meterlab_nl.ts (e.g. with "
        f"`uv run pyside6-linguist`), and run it again to compile the .qm: {missing}"
    )
    try:
        assert i18n.install_translators(qapp, "nl") == "nl"
        assert QCoreApplication.translate("Verdict", "FAIL") == "AFGEKEURD"
        view = MeterView(None, capacity=1000)
        qtbot.addWidget(view)
        assert view.function_combo.itemText(0) == "Gelijkspanning"
    finally:
        for tr in getattr(qapp, "_meterlab_translators", []):
            qapp.removeTranslator(tr)
        qapp.setProperty("meterlabLanguage", None)  # later tests format in English


def test_help_does_not_load_qt():
    code = (
        "import sys; from meterlab.cli import cli\n"
        "try:\n    cli.main(['--help'], standalone_mode=False)\nexcept SystemExit: pass\n"
        "assert 'PySide6' not in sys.modules, 'Qt loaded for --help'\n"
        "assert 'pandas' not in sys.modules\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "Usage" in out.stdout


def test_app_shows_the_shell_first_then_streams_in_demo_mode(qtbot, tmp_path):
    from meterlab.gui.app import build_window

    _app, win = build_window([], demo=True, settings_path=str(tmp_path / "s.ini"),
                             db_path=str(tmp_path / "sessions.db"))
    qtbot.addWidget(win)
    try:
        assert win.isVisible() and win.windowTitle() == "meterlab"
        assert win.meter is None  # numpy/pyqtgraph views are built after the first paint
        qtbot.waitUntil(lambda: win.meter is not None, timeout=10000)
        # Demo mode never pretends: it says it is the simulated bench.
        assert win.meter.source.simulated
        assert "Simulated bench" in win.windowTitle()
        # The app's name once, last: Qt appends the display name only to titles that do
        # not already end with it, so the title bar never says "meterlab" twice.
        title = win.windowTitle()
        assert title.count("meterlab") == 1, title
        assert title.endswith(QApplication.applicationDisplayName()), title
        # The first reading is on the readout before the plots (pyqtgraph) load...
        qtbot.waitUntil(lambda: win.meter.series.ring.total > 0, timeout=10000)
        assert win.meter.readout.text().endswith("V")
        # ...and the trend follows, then the other views.
        qtbot.waitUntil(lambda: win.meter.trend is not None
                        and win.meter.trend.point_count() > 0, timeout=10000)
        # Further views plug in beside the meter and share its instruments.
        res = win.resources()
        assert res.simulated and res.dmm and res.scope and res.dmm != res.scope
        qtbot.waitUntil(lambda: "training" in win.views, timeout=15000)
        titles = [win.tabs.tabText(i) for i in range(win.tabs.count())]
        assert titles == ["Meter", "Scope", "Plan runner", "Sessions", "Instruments", "Training"]
        assert win.views["training"].start_button.isEnabled()  # the demo bench trains
        # While the plan runner holds the instruments the live meter lets go, then resumes.
        assert win.meter.running
        win.views["plan"].runningChanged.emit(True)
        assert not win.meter.running
        win.views["plan"].runningChanged.emit(False)
        assert win.meter.running
        assert not win.banner.isVisible() or win.banner.level != "error", win.banner.text
    finally:
        win.close()  # stops the meter, the scope worker and closes the bench


def test_an_instrument_that_does_not_answer_raises_the_banner(qtbot, tmp_path):
    from meterlab.gui.app import build_window

    # Nothing listens on port 1 of this computer: the connection is refused at once.
    _app, win = build_window([], dmm="TCPIP::127.0.0.1::1::SOCKET",
                             settings_path=str(tmp_path / "s.ini"),
                             db_path=str(tmp_path / "sessions.db"))
    qtbot.addWidget(win)
    try:
        qtbot.waitUntil(lambda: win.meter is not None, timeout=10000)
        assert "127.0.0.1::1" in win.windowTitle()
        assert not win.meter.source.simulated
        qtbot.waitUntil(lambda: win.banner.isVisible(), timeout=10000)
        assert "does not answer" in win.banner.text
        assert win.meter.limit_edit.isEnabled()
        assert win.meter.series.ring.total == 0
        assert win.settings.dmm_resource == ""  # never answered: not remembered
    finally:
        if win.meter is not None:
            win.meter.set_source(None)


def test_garbage_is_collected_on_the_gui_thread(qtbot, qapp):
    import gc
    import threading
    import weakref

    from meterlab.gui.qtcompat import collect_on_gui_thread

    collect_on_gui_thread(qapp)
    assert not gc.isenabled()  # a worker thread can no longer start a collection

    class Node:
        pass

    seen: list[str] = []

    def note(phase, info):
        if phase == "start":
            seen.append(threading.current_thread().name)

    a, b = Node(), Node()
    a.other, b.other = b, a  # a cycle: only the cyclic collector frees it
    gone = weakref.ref(a)
    del a, b
    gc.callbacks.append(note)
    try:
        junk = [[] for _ in range(2000)]  # live allocations cross the first threshold
        qtbot.waitUntil(lambda: gone() is None, timeout=3000)
        del junk
    finally:
        gc.callbacks.remove(note)
    assert seen and set(seen) == {threading.main_thread().name}


@pytest.mark.parametrize(("lang", "mark"), [("en", "."), ("nl", ","), ("fr", ",")])
def test_readout_and_limit_field_use_the_languages_decimal_mark(qtbot, qapp, window, lang, mark):
    qapp.setProperty("meterlabLanguage", lang)  # what install_translators records
    try:
        meter = window.meter
        meter.start()
        qtbot.waitUntil(lambda: meter.readout.text().endswith(" V"), timeout=3000)
        number = meter.readout.text().split(" ")[0]
        other = "," if mark == "." else "."
        assert mark in number and other not in number, meter.readout.text()
        # The limit as the placeholder in this language writes it is accepted.
        written = "3.3 V ±5 %" if lang == "en" else "3,3 V ±5 %"
        assert meter.apply_limit(written), meter.limit_message_text
        assert not meter.limit_message.isVisible()
        low, high = ("3.135 V", "3.465 V") if lang == "en" else ("3,135 V", "3,465 V")
        qtbot.waitUntil(lambda: low in meter.limit_info.text(), timeout=3000)
        assert high in meter.limit_info.text()
        qtbot.waitUntil(lambda: meter.badge.verdict == Verdict.PASS, timeout=5000)
        if lang == "en":
            assert not meter.apply_limit("3,3 V ±5 %")  # English keeps the decimal point
    finally:
        meter.stop()
        qapp.setProperty("meterlabLanguage", None)


def test_until_the_first_reading_the_meter_looks_every_few_ms_then_at_its_frame_rate(qtbot):
    # The first reading is what someone who opened the app waits for: it must not sit
    # in the feed for most of a 40 ms frame. Afterwards the view keeps its frame rate.
    from meterlab.gui import meter_view
    from meterlab.readings import ReadingBatch

    view = meter_view.MeterView(None, capacity=1000)
    qtbot.addWidget(view)
    view.show()
    assert view.frame_timer.interval() == meter_view.FIRST_FRAME_MS < meter_view.FRAME_MS
    qtbot.wait(30)  # empty frames keep the fast rate
    assert view.frame_timer.interval() == meter_view.FIRST_FRAME_MS
    view.feed.push(ReadingBatch.from_raw(np.array([time.time()]), np.array([3.3]),
                                         function="VOLT:DC", unit="V"))
    qtbot.waitUntil(lambda: view.series.ring.total == 1, timeout=2000)
    qtbot.waitUntil(lambda: view.frame_timer.interval() == meter_view.FRAME_MS, timeout=2000)
    assert view.readout.text().startswith("3.3")


def test_with_no_reading_coming_the_fast_look_ends(qtbot, monkeypatch):
    # No instrument answering must not keep the GUI thread waking every 5 ms.
    from meterlab.gui import meter_view

    monkeypatch.setattr(meter_view, "FIRST_FRAMES_FOR_S", 0.05)
    view = meter_view.MeterView(None, capacity=1000)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.frame_timer.interval() == meter_view.FRAME_MS, timeout=2000)
    assert view.series.ring.total == 0
