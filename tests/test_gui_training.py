"""The Training tab: one exercise done through the board picture, graded from the instruments."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
import pyvisa
from PySide6.QtCore import Qt

from meterlab.gui.training_view import TrainingView
from meterlab.sim import SimulatedBench
from meterlab.store import SessionStore


@pytest.fixture
def bench():
    with SimulatedBench(seed=1) as b:
        yield b


def test_dc_rails_through_the_board_picture(qtbot, bench, tmp_path):
    db = tmp_path / "s.sqlite"
    demo_board = bench.board
    view = TrainingView(bench, db_path=str(db))
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.trainee.setText("Ann")
    view.lang.setCurrentText("en")
    row = next(i for i in range(view.list.count())
               if view.list.item(i).data(Qt.ItemDataRole.UserRole) == "dc-rails")
    view.list.setCurrentRow(row)
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.attempt is not None and view.check_button.isEnabled(),
                    timeout=10_000)
    assert "VBUS" in view.instructions.text()
    meter = pyvisa.ResourceManager("@py").open_resource(
        bench.dmm_resource, read_termination="\n", write_termination="\n")
    try:
        meter.write("CONF:VOLT:DC")  # as in the Meter tab: DC volts, NPLC 1
        meter.write("VOLT:NPLC 1")

        def lead(net: str) -> float:
            qtbot.mouseClick(view.board, Qt.MouseButton.LeftButton,
                             pos=view.board.centre(net).toPoint())
            qtbot.waitUntil(lambda: view.board.positions.get("red") == net, timeout=5_000)
            assert meter.query("SIM:PROB?").strip('"') == f"{net},GND"
            return float(meter.query("READ?"))

        # the red lead still where the scenario left it: a wrong try first
        view.fields["value"].setText("5.00 V")
        qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "[" in view.feedback.text(), timeout=5_000)
        assert "[wrong-test-point]" in view.feedback.text()
        view.fields["value"].setText("5,00")  # no unit: asked again, nothing graded
        qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
        assert "e.g. value = 1.23 V" in view.feedback.text()
        view.fields["value"].setText(f"{lead('VBUS'):.5f} V")
        qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(view.next_button.isEnabled, timeout=5_000)
        assert "✔ 1/2" in view.feedback.text()
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
        assert "3V3" in view.instructions.text()
        view.fields["value"].setText(f"{lead('3V3') * 1e3:.2f} mV")
        qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(view.next_button.isEnabled, timeout=5_000)
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    finally:
        meter.close()
    assert view.score.text() == "score 3/4"
    assert bench.board is demo_board  # the live views' board is back after the exercise
    assert "✘ 3/4" in view.list.item(row).text()
    view.lang.setCurrentText("nl")  # the list follows the exercise language, progress kept
    assert view.list.item(row).text().startswith("De DC-voedingsspanningen meten")
    # the tab's own words follow the app's language (English here), not the exercise's
    assert view.check_button.text() == "Check" and "Choose" in view.instructions.text()
    assert "✘ 3/4" in view.list.item(row).text()
    view.shutdown()
    with SessionStore(db) as store:
        (info,) = store.sessions()
        assert (info.kind, info.operator, info.status) == ("exercise", "Ann", "complete")


def test_without_the_simulated_bench_the_tab_says_so(qtbot):
    view = TrainingView(None)
    qtbot.addWidget(view)
    assert not view.start_button.isEnabled()
    assert "--demo" in view.instructions.text()


def test_teacher_mode_opens_only_with_the_passphrase(qtbot, bench, tmp_path, monkeypatch):
    from meterlab.training.teacher import hash_passphrase

    station = tmp_path / "station.toml"
    station.write_text(f'[station]\nname = "Bench 3"\n'
                       f'teacher_passphrase = "{hash_passphrase("sesame!")}"\n', encoding="utf-8")
    monkeypatch.setenv("METERLAB_STATION", str(station))
    view = TrainingView(bench, db_path=str(tmp_path / "s.sqlite"))
    qtbot.addWidget(view)
    view.show()
    row = next(i for i in range(view.list.count())
               if view.list.item(i).data(Qt.ItemDataRole.UserRole) == "r1-unpowered")
    view.list.setCurrentRow(row)
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.attempt is not None and view.check_button.isEnabled(),
                    timeout=10_000)
    assert not view.unlock("Sesame!")
    assert not view.teacher_panel.isVisible() and view.solutions.text() == ""
    assert view.unlock("sesame!")
    assert view.teacher_panel.isVisible()
    assert "value = " in view.solutions.text() and "Ω" in view.solutions.text()
    view.fault_combo.setCurrentText("r1_open")
    view.switch_fault()
    qtbot.waitUntil(lambda: "r1_open" in bench.board.active_faults, timeout=5_000)
    view.show_records()
    qtbot.waitUntil(lambda: view.records.text() != "", timeout=5_000)
    view.shutdown()


def test_real_board_leads_confirmed_on_the_picture_graded_against_references(qtbot, bench,
                                                                             tmp_path):
    """Connected to 'real' instruments (the simulated bench's sockets, passed as resources):
    no SCPI moves a lead; the picture records where the trainee says they are."""
    view = TrainingView(None, db_path=str(tmp_path / "s.sqlite"),
                        real=(bench.dmm_resource, bench.scope_resource), backend="@py")
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.lang.setCurrentText("en")
    assert view.start_button.isEnabled()
    row = next(i for i in range(view.list.count())
               if view.list.item(i).data(Qt.ItemDataRole.UserRole) == "dc-rails")
    view.list.setCurrentRow(row)
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.attempt is not None and view.check_button.isEnabled(),
                    timeout=10_000)
    assert view.attempt.real and view.attempt.bench is None
    meter = pyvisa.ResourceManager("@py").open_resource(
        bench.dmm_resource, read_termination="\n", write_termination="\n")
    try:
        meter.write("CONF:VOLT:DC")
        meter.write("VOLT:NPLC 1")
        meter.write("SIM:PROB VBUS,GND")  # the trainee's hands put the leads on the board
        vbus = float(meter.query("READ?"))
        view.fields["value"].setText(f"{vbus:.4f} V")
        qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
        assert "Click on the board where this is: red lead" in view.feedback.text()
        qtbot.mouseClick(view.board, Qt.MouseButton.LeftButton,
                         pos=view.board.centre("VBUS").toPoint())
        assert view.board.positions["red"] == "VBUS"
        qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(view.next_button.isEnabled, timeout=5_000)
        assert "✔ 2/2" in view.feedback.text()
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
        meter.write("SIM:PROB 3V3,GND")
        view.fields["value"].setText(f"{float(meter.query('READ?')):.4f} V")
        # the picture still says VBUS: graded as what the trainee confirmed
        qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "[wrong-test-point]" in view.feedback.text(), timeout=5_000)
        qtbot.mouseClick(view.board, Qt.MouseButton.LeftButton,
                         pos=view.board.centre("3V3").toPoint())
        qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(view.next_button.isEnabled, timeout=5_000)
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    finally:
        meter.close()
    assert view.score.text() == "score 3/4"
    view.shutdown()


@pytest.mark.parametrize(("lang", "check", "red", "start"), [
    ("nl", "Controleer", "Rood meetsnoer", "Kies een oefening en druk op Start."),
    ("fr", "Vérifier", "Cordon rouge", "Choisissez un exercice et appuyez sur Démarrer."),
])
def test_the_tabs_words_come_from_the_apps_catalogs(qtbot, qapp, bench, lang, check, red,
                                                    start):
    """The labels follow the app's language through the Qt catalogs; an exercise chosen in
    English keeps its English title next to them."""
    from meterlab.gui import i18n

    try:
        assert i18n.install_translators(qapp, lang) == lang
        view = TrainingView(bench)
        qtbot.addWidget(view)
        view.lang.setCurrentText("en")
        assert view.check_button.text() == check
        assert view.instructions.text() == start
        red_button = next(b for b in view.tool_group.buttons() if b.property("tool") == "red")
        assert red_button.text() == red
        assert any(view.list.item(i).text().startswith("Measure the DC supply rails — ")
                   for i in range(view.list.count()))
    finally:
        for tr in getattr(qapp, "_meterlab_translators", []):
            qapp.removeTranslator(tr)
        qapp.setProperty("meterlabLanguage", None)  # later tests format in English


def test_every_scope_channel_and_logic_clip_is_placed_from_the_picture(qtbot, bench):
    view = TrainingView(bench)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    row = next(i for i in range(view.list.count())
               if view.list.item(i).data(Qt.ItemDataRole.UserRole) == "uart-decode")
    view.list.setCurrentRow(row)
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.attempt is not None and view.check_button.isEnabled(),
                    timeout=10_000)
    scope = pyvisa.ResourceManager("@py").open_resource(
        bench.scope_resource, read_termination="\n", write_termination="\n")

    def put(net: str, tool: str) -> None:
        qtbot.mouseClick(view.board, Qt.MouseButton.LeftButton,
                         pos=view.board.centre(net).toPoint())
        qtbot.waitUntil(lambda: view.board.positions.get(tool) == net, timeout=5_000)

    try:
        assert [view.channel_box.itemText(i) for i in range(view.channel_box.count())] == \
            ["CH1", "CH2", "CH3", "CH4"]
        assert view.clip_box.count() == 16
        view.channel_box.setCurrentIndex(2)  # choosing CH3 picks the scope probe tool
        assert view.board.tool == "ch3"
        put("SCL", "ch3")
        assert scope.query(":SIM:CHAN3?").strip().strip('"') == "SCL"
        view.clip_box.setCurrentIndex(12)
        assert view.board.tool == "d12"
        put("UART_TX", "d12")
        assert scope.query(":SIM:DIG12?").strip().strip('"') == "UART_TX"
        view.channel_box.setCurrentIndex(3)
        put("SDA", "ch4")
        assert scope.query(":SIM:CHAN4?").strip().strip('"') == "SDA"
        assert scope.query(":SIM:CHAN3?").strip().strip('"') == "SCL"  # CH3 stayed
        red = next(b for b in view.tool_group.buttons() if b.property("tool") == "red")
        qtbot.mouseClick(red, Qt.MouseButton.LeftButton)
        assert view.board.tool == "red"
        view.board.grab()  # every marker drawn, several on one test point
    finally:
        scope.close()
    view.shutdown()


def test_the_tab_starts_in_the_apps_language_and_speaks_french(qtbot, qapp):
    qapp.setProperty("meterlabLanguage", "fr")
    try:
        view = TrainingView(None)
        qtbot.addWidget(view)
    finally:
        qapp.setProperty("meterlabLanguage", None)
    assert view.lang.currentText() == "fr"
    titles = [view.list.item(i).text() for i in range(view.list.count())]
    assert any("Mesurer les tensions d'alimentation continues" in t for t in titles), titles


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_exercise_title_is_readable_in_the_list(qtbot, lang):
    view = TrainingView(None)
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    view.lang.setCurrentText(lang)
    qtbot.wait(50)
    lst = view.list
    width = lst.viewport().width()
    assert not lst.horizontalScrollBar().isVisible()  # nothing runs off to the right
    rects = [lst.visualItemRect(lst.item(i)) for i in range(lst.count())]
    assert all(r.width() <= width for r in rects)
    line = lst.fontMetrics().lineSpacing()
    wide = [i for i in range(lst.count())
            if lst.fontMetrics().horizontalAdvance(lst.item(i).text()) > width]
    assert wide, "no title is wider than the list: this test checks nothing"
    assert all(rects[i].height() >= 2 * line for i in wide)  # such titles take two lines
