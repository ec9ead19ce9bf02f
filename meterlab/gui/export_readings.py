"""Export the readings a live view holds, off the GUI thread.

This is the quick "save what I see" of the meter view (Ctrl+E), which runs
`write_readings_csv` through `gui.tasks`; sessions and
their full exports (XLSX, Parquet, PDF) belong to the session store. pandas is
imported only here, when someone exports, so it never slows the start.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from meterlab.gui.series import LiveSeries
from meterlab.readings import Verdict


def snapshot(series: LiveSeries) -> dict[str, np.ndarray | str]:
    """A copy of the stored readings, safe to hand to another thread."""
    ring = series.ring
    return {
        "t": ring.view("t").copy(),
        "v": ring.view("v").copy(),
        "verdict": ring.view("verdict").copy(),
        "unit": series.unit,
        "function": series.function or "",
    }


def write_readings_csv(path: Path, snap: dict) -> None:
    """Readings as CSV: UTC time (ISO 8601), value in base unit, verdict name."""
    import pandas as pd  # heavy; only needed when someone exports

    names = np.array([v.name for v in Verdict] + ["NONE"], dtype=object)
    verdict = snap["verdict"].astype(np.int64)
    verdict[verdict < 0] = len(Verdict)
    keep = ~(np.isnan(snap["v"]) & (snap["verdict"] < 0))  # gap markers are not readings
    frame = pd.DataFrame(
        {
            "time_utc": pd.to_datetime(snap["t"][keep], unit="s", utc=True),
            f"value_{snap['unit']}": snap["v"][keep],
            "function": snap["function"],
            "verdict": names[verdict[keep]],
        }
    )
    frame.to_csv(path, index=False, date_format="%Y-%m-%dT%H:%M:%S.%fZ")

