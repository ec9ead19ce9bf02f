"""The wheel, installed as a user installs it, works without the source tree.

`uv build --wheel`, a fresh virtual environment, `uv pip install` of that wheel (the
dependencies come from the package registry through uv's cache), and then, from a
folder that is not the checkout: `meterlab --version`, `meterlab check` and
`meterlab run` of the shipped plan on the in-process simulated bench, and a
headless start of the app that finds its icon, translations and style in the
wheel's own data folder. One test, because each step needs the one before.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

APP_START = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from meterlab.gui.app import build_window
from meterlab.paths import shipped_dir
app, window = build_window(["meterlab"], demo=True, settings_path=sys.argv[1],
                           db_path=sys.argv[2])
import time
seen = {}
end = time.monotonic() + 60
def look():
    if not window._views_built and time.monotonic() < end:  # the icon follows the views
        QTimer.singleShot(100, look)
        return
    seen["visible"] = window.isVisible() and bool(window.windowTitle())
    app.quit()
QTimer.singleShot(1500, look)
app.exec()
ui = shipped_dir("ui")
print("ui", ui)
print("icon", not app.windowIcon().isNull())
print("nl", (ui / "translations" / "meterlab_nl.qm").is_file())
print("visible", seen.get("visible"))
"""


def run(args: list[str], cwd: Path, env: dict[str, str], timeout: float = 120):
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)


@pytest.mark.slow
def test_the_installed_wheel_runs_a_plan_and_starts_the_app(tmp_path):
    uv = os.environ.get("UV") or "uv"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "home" / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "home" / "config"), QT_QPA_PLATFORM="offscreen")
    dist = tmp_path / "dist"
    built = run([uv, "build", "--wheel", "--out-dir", str(dist)], ROOT, env)
    assert built.returncode == 0, built.stderr
    (wheel,) = dist.glob("meterlab-*.whl")
    venv = tmp_path / "venv"
    made = run([uv, "venv", "-q", str(venv), "--python", sys.executable], tmp_path, env)
    assert made.returncode == 0, made.stderr
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    installed = run([uv, "pip", "install", "-q", "--python", str(python), str(wheel)],
                    tmp_path, env, timeout=300)
    assert installed.returncode == 0, installed.stderr
    meterlab = python.with_name("meterlab.exe" if os.name == "nt" else "meterlab")
    work = tmp_path / "elsewhere"  # not the checkout: nothing may come from the source tree
    work.mkdir()

    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    out = run([str(meterlab), "--version"], work, env)
    assert out.returncode == 0 and out.stdout.strip() == f"meterlab, version {version}"

    out = run([str(meterlab), "check", "iot-sensor-node"], work, env)
    assert out.returncode == 0, out.stderr
    assert "checks; plan SHA-256" in out.stdout and str(venv) in out.stdout  # the wheel's copy

    out = run([str(meterlab), "run", "iot-sensor-node", "--db", str(tmp_path / "s.db")],
              work, env, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.strip().splitlines()[-1].startswith("PASS")

    out = run([str(python), "-c", APP_START, str(tmp_path / "app.ini"),
               str(tmp_path / "app.db")], work, env)
    assert out.returncode == 0, out.stderr
    facts = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
    assert facts["ui"].startswith(str(venv)), facts
    assert facts["icon"] == "True" and facts["nl"] == "True" and facts["visible"] == "True"
