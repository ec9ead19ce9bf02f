"""Which meter a new window reads from: one rule for the `meterlab` command and the window.

The command asks it before Qt loads (to start the demo bench's process early, on the
other core), the window asks it again once its settings are open, and the window's
source is chosen by it: three moments, one answer. Qt-free and import-free, so the
command can ask before anything heavy loads.
"""

from __future__ import annotations


def reads_demo_bench(*, dmm: str | None, demo: bool, saved_meter: bool) -> bool:
    """True when the window's meter is the simulated bench.

    A resource given now (`--dmm`) wins; `--demo` forces the bench; otherwise the meter
    saved from an earlier start; with none (a first start) the bench, so a new user sees
    a working bench at once.
    """
    return not dmm and (demo or not saved_meter)
