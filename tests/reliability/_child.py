"""The environment for the meterlab processes the fault catalogue starts.

This machine's test environment sets PYTHONDONTWRITEBYTECODE, so every `python -m
meterlab` would compile its ~350 modules again (about 2 s of the 3 s a command takes
here); an installed meterlab has its bytecode. The children share one bytecode cache
in a temporary folder (PYTHONPYCACHEPREFIX), never beside the sources.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_CACHE = Path(tempfile.gettempdir()) / f"meterlab-reliability-pycache-{os.getuid()}"


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPYCACHEPREFIX=str(_CACHE), PYTHONUNBUFFERED="1", COLUMNS="200", **extra)
    return env
