"""The one way work leaves the GUI thread: results and errors come back on the GUI thread."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading

from PySide6.QtCore import QObject

from meterlab.errors import MeterlabError
from meterlab.gui.tasks import TaskRunner, run_in_background, shared_runner


def test_the_work_runs_elsewhere_and_the_result_comes_back_here(qtbot):
    runner = TaskRunner()
    gui = threading.current_thread()
    seen: list = []

    def work() -> str:
        return threading.current_thread().name

    runner.submit(work, lambda r, e: seen.append((r, e, threading.current_thread())),
                  name="probe")
    assert runner.busy == 1
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    worker_name, error, thread = seen[0]
    assert worker_name == "meterlab-probe" and error is None and thread is gui
    assert runner.busy == 0


def test_an_error_is_handed_back_not_raised(qtbot):
    done: list = []
    failed: list = []
    owner = QObject()

    def work() -> None:
        raise MeterlabError("The meter did not answer.")

    run_in_background(work, done.append, failed.append, owner, "boom")
    qtbot.waitUntil(lambda: bool(failed), timeout=3000)
    assert not done and str(failed[0]) == "The meter did not answer."


def test_a_view_gone_meanwhile_is_not_called(qtbot):
    release = threading.Event()
    called: list = []
    owner = QObject()
    run_in_background(lambda: release.wait(5), called.append, called.append, owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=3000)
    release.set()
    qtbot.waitUntil(lambda: shared_runner().busy == 0, timeout=3000)  # it has reported
    assert called == []


def _alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)
