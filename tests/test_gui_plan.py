"""The plan runner view on the simulated bench, over pyvisa-py and TCP, asserted through
the widgets' state and the session store.

The shipped plan runs twice (healthy, then with R1 open); skip, retry and stop are
exercised on a three-check plan so they stay quick.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc
import itertools
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from meterlab.gui.plan_view import PlanView
from meterlab.outcome import Outcome
from meterlab.paths import shipped_dir
from meterlab.readings import Verdict
from meterlab.sim import SimulatedBench
from meterlab.store import SessionStore

pytest_plugins = ("gui_fixtures",)

PLAN = shipped_dir("limits") / "iot-sensor-node.toml"
RUN_TIMEOUT_MS = 45_000

SHORT_PLAN = """\
[plan]
name = "Rails"
version = "2"
dut = "IoT sensor node rev B"

[[check]]
id = "vbus"
title = "USB supply rail"
at = "VBUS"
measure = "VOLT:DC"
nominal = "5.00 V"
tolerance = "±5 %"

[[check]]
id = "3v3"
title = "3.3 V logic rail"
at = "3V3"
measure = "VOLT:DC"
nominal = "3.30 V"
tolerance = "±3 %"

[[check]]
id = "r1"
title = "R1 pull-up"
at = "R1"
measure = "RES"
limit = "4.7 kΩ E24"
"""


@pytest.fixture(scope="module")
def bench() -> Iterator[SimulatedBench]:
    with SimulatedBench(seed=5) as b:
        yield b


def dispose(widget: QWidget) -> None:
    """Delete a widget and collect garbage here, on the GUI thread.

    Left to itself, Python's cycle collector may run on whichever thread allocates
    next — a run's worker thread — and a Qt widget destroyed there crashes Qt.
    """
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def view(bench, tmp_path, gui_settings) -> Iterator[PlanView]:
    v = PlanView(bench.dmm_resource, bench.scope_resource, simulated=True,
                 db_path=tmp_path / "sessions.sqlite", backend="@py", settings=gui_settings)
    v.resize(1400, 860)
    v.show()
    news: list[tuple[str, str, int]] = []
    v.news.connect(lambda *a: news.append(a))
    v.news_log = news  # type: ignore[attr-defined]
    yield v
    v.shutdown(5.0)
    dispose(v)


def _fault(bench: SimulatedBench, name: str, on: bool) -> None:
    from tests.visa_link import link

    with link(bench.dmm_resource, timeout=3000) as res:
        res.write(f"SIM:FAUL {name},{'ON' if on else 'OFF'}")
        assert (name in res.query("SIM:FAUL?")) is on


def _run_to_review(qtbot, view: PlanView, serial: str) -> None:
    view.serial_edit.setText(serial)
    view.start_run()
    assert view.running
    qtbot.waitUntil(lambda: view._state == "review", timeout=RUN_TIMEOUT_MS)


def _finish(qtbot, view: PlanView) -> str:
    sid = view.session_id
    assert sid
    with qtbot.waitSignal(view.sessionFinished, timeout=15_000) as blocker:
        view.finish_button.click()
    assert blocker.args == [sid]
    assert not view.running
    return sid


def _wait_prompt(qtbot, view: PlanView, check_id: str) -> None:
    qtbot.waitUntil(lambda: view.waiting and view.table._current == check_id, timeout=15_000)
    assert check_id in view.prompt_step.text()
    assert view.measure_button.isEnabled() and view.skip_button.isEnabled()


def test_healthy_unit_passes_and_is_stored_while_the_gui_stays_responsive(qtbot, view, tmp_path):
    view.load(PLAN)
    assert view.table.rowCount() == 10
    assert all(view.table.verdict_text(c) == "pending" for c in view.table.rows)
    view.operator_edit.setText("Ana Peeters")

    ticks: list[float] = []
    probe = QTimer()
    probe.setInterval(20)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    probe.start()
    started = time.perf_counter()
    prompts: set[str] = set()
    seen_partial = []

    def watch() -> None:
        prompts.add(view.prompt_label.text())
        done = sum(r is not None for r in view.table.results.values())
        if 0 < done < 10:
            seen_partial.append(done)

    watcher = QTimer()
    watcher.setInterval(30)
    watcher.timeout.connect(watch)
    watcher.start()
    _run_to_review(qtbot, view, "SN-0001")
    watcher.stop()
    probe.stop()
    elapsed = time.perf_counter() - started

    # The event loop kept turning the whole time: the run never blocked it.
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > elapsed / 0.02 * 0.5
    assert max(gaps) < 0.5
    # Rows filled one by one, each prompt was shown.
    assert len(set(seen_partial)) >= 5
    assert "Place the probes on 3V3 and GND." in prompts
    assert "Switch the board off, then place the probes across R1." in prompts

    for cid in view.table.rows:
        assert view.table.verdict_text(cid).startswith(Verdict.PASS.symbol), cid
    assert view.table.cell_text("3v3", "value").endswith(" V")
    assert view.table.cell_text("isupply", "value").endswith(" mA")
    assert view.table.cell_text("r1", "value").endswith(" kΩ")
    assert view.badge.outcome is Outcome.PASS and view.alarms == 0
    assert "10" in view.summary_label.text()
    assert view.session_id[:8] in view.session_label.text()
    assert view.finish_button.isEnabled() and not view.stop_button.isEnabled()

    sid = _finish(qtbot, view)
    assert any(sid[:8] in text and level == "info" for text, level, _ in view.news_log)
    assert "saved" in view.session_label.text().lower()
    assert view.settings.operator == "Ana Peeters"
    assert view.settings.last_plan == str(PLAN)

    with SessionStore(tmp_path / "sessions.sqlite") as store:
        info = store.session(sid)
        assert info.status == "complete"
        assert (info.operator, info.dut_serial) == ("Ana Peeters", "SN-0001")
        assert info.plan_name.startswith("IoT sensor node")
        assert {i.role for i in info.instruments} == {"dmm", "scope"}
        assert [r.check_id for r in info.results] == list(view.table.rows)
        assert all(r.verdict is Verdict.PASS for r in info.results)
        assert store.verify(sid)[0].ok


def test_open_r1_is_overload_and_the_unit_fails(qtbot, view, bench, tmp_path):
    view.load(PLAN)
    _fault(bench, "r1_open", True)
    try:
        _run_to_review(qtbot, view, "SN-0002")
    finally:
        _fault(bench, "r1_open", False)
    assert view.table.verdict_text("r1") == f"{Verdict.OVERLOAD.symbol}  OVERLOAD"
    assert view.table.cell_text("r1", "value") == "OVERLOAD"
    others = [c for c in view.table.rows if c != "r1"]
    assert all(view.table.verdict_text(c).endswith("PASS") for c in others)
    assert view.badge.outcome is Outcome.FAIL
    assert Outcome.FAIL.symbol in view.badge.text() and "FAIL" in view.badge.text()
    assert view.alarms == 1
    sid = _finish(qtbot, view)
    with SessionStore(tmp_path / "sessions.sqlite") as store:
        results = {r.check_id: r for r in store.session(sid).results}
        assert results["r1"].verdict is Verdict.OVERLOAD and results["r1"].overload
        assert [s.id for s in store.sessions(verdict="OVERLOAD")] == [sid]


def test_step_mode_skip_and_retry(qtbot, view, tmp_path):
    plan = tmp_path / "rails.toml"
    plan.write_text(SHORT_PLAN, encoding="utf-8")
    assert view.load(plan)
    view.step_box.setChecked(True)
    view.serial_edit.setText("SN-0003")
    view.start_run()

    _wait_prompt(qtbot, view, "vbus")
    assert view.prompt_label.text() == "Place the probes on VBUS and GND."
    time.sleep(0.3)
    QApplication.processEvents()
    assert view.table.results["vbus"] is None  # it waits for the person, not for a timer
    view.measure_button.click()
    qtbot.waitUntil(lambda: view.table.results["vbus"] is not None, timeout=10_000)
    first_vbus = view.table.cell_text("vbus", "value")

    _wait_prompt(qtbot, view, "3v3")
    view.skip_button.click()
    qtbot.waitUntil(lambda: view.table.results["3v3"] is not None, timeout=10_000)
    assert "SKIPPED" in view.table.verdict_text("3v3")

    # Retry vbus while r1 waits: vbus is prompted again, then r1 again.
    _wait_prompt(qtbot, view, "r1")
    view.table.selectRow(view.table.rows["vbus"])
    assert view.retry_button.isEnabled()
    view.retry_button.click()
    _wait_prompt(qtbot, view, "vbus")
    assert "Retry" in view.prompt_step.text()
    view.measure_button.click()
    qtbot.waitUntil(lambda: "retried" in view.table.cell_text("vbus", "note"), timeout=10_000)
    assert view.table.verdict_text("vbus").endswith("PASS")
    _wait_prompt(qtbot, view, "r1")
    view.measure_button.click()
    qtbot.waitUntil(lambda: view._state == "review", timeout=10_000)
    # A skipped check keeps the unit from a green PASS: it was not judged.
    assert view.badge.outcome is Outcome.NOT_JUDGED and "NOT JUDGED" in view.badge.text()
    assert "skipped" in view.summary_label.text()

    # In review, the skipped check can still be measured: retry replaces its row.
    view.retry("3v3")
    _wait_prompt(qtbot, view, "3v3")
    view.measure_button.click()
    qtbot.waitUntil(lambda: view._state == "review"
                    and view.table.verdict_text("3v3").endswith("PASS"), timeout=10_000)
    assert view.badge.outcome is Outcome.PASS
    assert view.table.rowCount() == 3
    sid = _finish(qtbot, view)
    assert first_vbus  # the first attempt had a value, the row now shows the second

    with SessionStore(tmp_path / "sessions.sqlite") as store:
        info = store.session(sid)
        ids = [r.check_id for r in info.results]
        assert ids == ["vbus", "vbus", "r1", "3v3"]  # both vbus attempts kept, in order
        assert info.status == "complete" and store.verify(sid)[0].ok


def test_stop_keeps_the_session_marked_aborted(qtbot, view, tmp_path):
    plan = tmp_path / "rails.toml"
    plan.write_text(SHORT_PLAN, encoding="utf-8")
    view.load(plan)
    view.step_box.setChecked(True)
    view.serial_edit.setText("SN-0004")
    view.start_run()
    _wait_prompt(qtbot, view, "vbus")
    with qtbot.waitSignal(view.sessionFinished, timeout=10_000) as blocker:
        view.stop_button.click()
    assert not view.running
    assert "aborted" in view.session_label.text()
    with SessionStore(tmp_path / "sessions.sqlite") as store:
        assert store.session(blocker.args[0]).status == "aborted"


def test_missing_instrument_and_missing_serial_are_said_in_words(qtbot, view, bench, tmp_path):
    plan = tmp_path / "pwm.toml"
    plan.write_text(SHORT_PLAN.split("[[check]]")[0] + '[[check]]\nid = "pwm"\nat = "LED_PWM"\n'
                    'measure = "FREQ CH1"\nnominal = "1 kHz"\ntolerance = "±1 %"\n',
                    encoding="utf-8")
    view.set_instruments(bench.dmm_resource, None, simulated=True)
    view.load(plan)
    view.serial_edit.setText("")
    view.start_run()
    assert not view.running and view.plan_message.isVisible()
    assert "serial" in view.plan_message.text()
    _run_to_review(qtbot, view, "SN-0005")
    assert "ERROR" in view.table.verdict_text("pwm")
    assert "oscilloscope" in view.table.cell_text("pwm", "note")
    assert any("oscilloscope" in t and level == "error" for t, level, _ in view.news_log)
    assert view.badge.outcome is Outcome.NOT_JUDGED
    assert QApplication.activeModalWidget() is None
    _finish(qtbot, view)


def test_a_broken_plan_file_is_named_under_the_field(view, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[plan]\nname = "x"\n\n[[check]]\nid = "a"\nmeasure = "VOLT:DC"\n'
                   'limit = "5 V%"\n', encoding="utf-8")
    assert not view.load(bad)
    assert view.plan_message.isVisible()
    assert "bad.toml" in view.plan_message.text() and "limit" in view.plan_message.text()
    assert not view.run_button.isEnabled()


def test_next_unit_closes_the_session_and_runs_the_serial_typed_in(qtbot, view, tmp_path):
    plan = tmp_path / "rails.toml"
    plan.write_text(SHORT_PLAN, encoding="utf-8")
    view.load(plan)
    _run_to_review(qtbot, view, "SN-A")
    first = view.session_id
    assert view.run_button.text().endswith("Next unit") and view.serial_edit.isEnabled()
    view.serial_edit.setText("SN-B")
    with qtbot.waitSignal(view.sessionFinished, timeout=15_000):
        view.run_button.click()
    qtbot.waitUntil(lambda: view._state == "review" and view.session_id != first,
                    timeout=RUN_TIMEOUT_MS)
    _finish(qtbot, view)
    with SessionStore(tmp_path / "sessions.sqlite") as store:
        rows = store.sessions()
        assert [(s.dut_serial, s.status) for s in rows] == [("SN-A", "complete"),
                                                           ("SN-B", "complete")]


class _LiveView(QWidget):
    """A live view of the window (meter, scope) as the plan runner sees it."""

    def __init__(self) -> None:
        super().__init__()
        self.running = True
        self.calls: list[str] = []

    def stop(self) -> None:
        self.calls.append("stop")
        self.running = False

    def start(self) -> None:
        self.calls.append("start")
        self.running = True


def test_live_views_pause_for_the_run_and_go_on_after(qtbot, bench, tmp_path, gui_settings):
    plan = tmp_path / "rails.toml"
    plan.write_text(SHORT_PLAN, encoding="utf-8")
    window = QWidget()
    live = _LiveView()
    view = PlanView(bench.dmm_resource, bench.scope_resource, simulated=True,
                    db_path=tmp_path / "s.sqlite", settings=gui_settings, parent=window)
    window.views = {"meter": live, "plan": view}  # type: ignore[attr-defined]
    view.load(plan)
    view.serial_edit.setText("SN-L")
    view.start_run()
    assert live.calls == ["stop"]  # before the worker touches the instruments
    qtbot.waitUntil(lambda: view._state == "review", timeout=RUN_TIMEOUT_MS)
    assert not live.running
    with qtbot.waitSignal(view.sessionFinished, timeout=15_000):
        view.finish_run()
    assert live.calls == ["stop", "start"] and live.running
    dispose(window)
    dispose(live)
