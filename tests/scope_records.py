"""A deep record the simulated MSO1104Z holds still: what memory-read tests read back."""

from __future__ import annotations

from meterlab.drivers.scope import Oscilloscope

#: Five of the driver's read windows: long enough for a fault to strike mid-read.
DEPTH = 1_200_000


def stop_on_a_deep_ch1_record(scope: Oscilloscope) -> None:
    """CH1 alone, memory depth `DEPTH`, one single sweep, waited until the scope STOPs."""
    scope.set_channel(1, display=True)
    for ch in (2, 3, 4):
        scope.set_channel(ch, display=False)
    scope.set_memory_depth(DEPTH)
    scope.single()
    scope.wait_for(["STOP"], timeout_s=20)
