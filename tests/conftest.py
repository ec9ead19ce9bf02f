"""Test setup every test module gets: Hypothesis profiles, and GUI-thread garbage collection.

With CI set (as `.ci/run` is run), Hypothesis draws the same examples every run, so a
submission is judged on reproducible tests; locally it explores new examples each run
and remembers failures in `.hypothesis/`, which is where new bugs are found.

Tests that use Qt (the `qtbot` or `qapp` fixtures) collect garbage only on the
GUI thread: a cyclic collection started by an instrument worker thread must never
destroy Qt objects there (it segfaulted the GUI test run). Other tests run with the
interpreter's normal collection and never import Qt from here.

No test may close pyvisa's resource manager: pyvisa hands every caller in a process
the same one, so closing it closes the links of every live view and worker in that
worker process too (a CI run failed that way). `tests/visa_link.py` opens and closes
a test's own links; the guard below turns a `rm.close()` into a clear failure.
"""

from __future__ import annotations

import gc
import os
import sys

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _gc_on_gui_thread(request):
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield
        return
    from meterlab.gui.qtcompat import collect_on_gui_thread

    collect_on_gui_thread(request.getfixturevalue("qapp"))
    gc.disable()
    yield
    gc.collect()
    gc.enable()


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto` (the default in pyproject.toml): one worker more than there are cores.

    Most of the suite's wall time is waiting — instruments timing out on purpose,
    stalls, subprocesses starting, the one-minute soak — not CPU, so a third worker on
    a 2-core machine brings the whole run from about 7 to about 5 minutes."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) + 1


_closing_allowed = False


@pytest.fixture(autouse=True)
def _visa_manager_stays_open():
    hl = sys.modules.get("pyvisa.highlevel")  # guard only once a test has loaded pyvisa
    if hl is not None and not getattr(hl.ResourceManager.close, "_guarded", False):
        real_close = hl.ResourceManager.close

        def close(self) -> None:  # type: ignore[no-untyped-def]
            # pyvisa's own __del__ may close a manager nobody holds any more: harmless.
            if not _closing_allowed and sys._getframe(1).f_code.co_name != "__del__":
                raise AssertionError(
                    "a test closed pyvisa's shared ResourceManager, which closes every "
                    "instrument link in this process; close the resource instead "
                    "(tests/visa_link.py)")
            real_close(self)

        close._guarded = True  # type: ignore[attr-defined]
        hl.ResourceManager.close = close
    yield


def pytest_sessionfinish(session: pytest.Session) -> None:
    global _closing_allowed
    _closing_allowed = True  # pyvisa closes its manager at exit, as it should
