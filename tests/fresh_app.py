"""Run a piece of the desktop app in a fresh interpreter and take its last printed line as JSON.

For what belongs to a process's first window (the collection hold, the Qt namespace still
unbuilt, what is left running at exit): the test process has long had its own.
"""

from __future__ import annotations

import json
import subprocess
import sys


def run_json(code: str) -> dict:
    """`code` run offscreen in a new `python -c`; it must exit 0 and print JSON last."""
    env_code = "import os\nos.environ['QT_QPA_PLATFORM'] = 'offscreen'\n" + code
    res = subprocess.run([sys.executable, "-c", env_code], capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0, res.stderr[-3000:]
    return json.loads(res.stdout.strip().splitlines()[-1])
