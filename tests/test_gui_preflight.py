"""Without a usable display the window refuses in words, before Qt can abort the process."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from meterlab.errors import UsageError
from meterlab.gui.preflight import check_display

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland rules")


def test_no_display_is_a_usage_error(monkeypatch):
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    with pytest.raises(UsageError, match="needs a graphical display"):
        check_display()


def test_unreachable_x_server_is_a_usage_error(monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":987")
    with pytest.raises(UsageError, match="cannot reach the display ':987'"):
        check_display()


def test_offscreen_platform_needs_no_display(monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    check_display()  # no exception: Qt renders without a screen


def test_meterlab_without_display_exits_2_with_one_line():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    res = subprocess.run([sys.executable, "-m", "meterlab"], env=env, capture_output=True,
                         text=True, timeout=60)
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "needs a graphical display" in lines[0]
    assert "Traceback" not in res.stderr


def test_demo_without_display_says_one_line_though_its_bench_had_started():
    # `meterlab --demo` starts the demo bench's process before Qt loads; when the
    # window cannot open, it is stopped and the message is still one line.
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    for args in (["--demo"], ["gui", "--demo"]):
        res = subprocess.run([sys.executable, "-m", "meterlab", *args], env=env,
                             capture_output=True, text=True, timeout=60)
        assert res.returncode == 2, args
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and "needs a graphical display" in lines[0], args
