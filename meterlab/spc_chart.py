"""The individuals / moving-range control chart as a PNG, drawn with matplotlib.

matplotlib (in the `lab` extra, with its Agg backend: no display, no Qt) is used because
the core may not import Qt (pyqtgraph is GUI-only) and reportlab's PNG renderer needs a
Cairo binding the platform may lack; a chart file for quality staff is exactly what
matplotlib is maintained for. Out-of-control points are drawn as red rings and numbered
with the Western Electric rule they break.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from meterlab.errors import StoreError

#: Individuals drawn at most (the newest); the figures use every reading.
MAX_POINTS = 5000


def write_png(stats: list[Any], path: str | Path, title: str) -> Path:
    """One individuals chart and one MR chart per check (and station), stacked."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise StoreError("A control-chart PNG needs the lab extra: pip install "
                         "'meterlab[lab]'. The figures above are complete.") from None
    shown = [s for s in stats if s.chart is not None]
    if not shown:
        raise StoreError("No check has two valid readings, so there is no control chart to "
                         "draw. The figures above are complete.")
    fig, axes = plt.subplots(2 * len(shown), 1, figsize=(10, 3.2 * 2 * len(shown)),
                             squeeze=False)
    for k, s in enumerate(shown):
        ch, x = s.chart, s.series.values
        first = max(0, x.shape[0] - MAX_POINTS)
        idx = np.arange(first, x.shape[0])
        name = s.series.check_id + (f" · {s.series.group}" if s.series.group else "")
        ax = axes[2 * k][0]
        ax.plot(idx, x[first:], "-o", ms=2.5, lw=0.7, color="#1f4e79")
        for y, style in ((ch.centre, "-"), (ch.ucl, "--"), (ch.lcl, "--")):
            ax.axhline(y, color="#555555", ls=style, lw=0.8)
        for rule, pts in sorted(ch.signals.items()):
            p = np.array([i for i in pts if i >= first], dtype=np.int64)
            if p.size:
                ax.scatter(p, x[p], s=40, facecolors="none", edgecolors="red", lw=1.2,
                           label=f"rule {rule}" if p.size else None)
                for i in p[:50]:
                    ax.annotate(str(rule), (i, x[i]), fontsize=6, color="red",
                                xytext=(2, 4), textcoords="offset points")
        unit = s.series.limits.unit
        ax.set_title(f"{title} — {name}: individuals ({unit}), centre {ch.centre:.6g}, "
                     f"UCL {ch.ucl:.6g}, LCL {ch.lcl:.6g}", fontsize=8)
        ax.tick_params(labelsize=7)
        mx = axes[2 * k + 1][0]
        mx.plot(idx[1:] if first == 0 else idx, ch.mr[max(0, first - 1):], "-", lw=0.7,
                color="#1f4e79")
        mx.axhline(ch.mr_bar, color="#555555", lw=0.8)
        mx.axhline(ch.mr_ucl, color="#555555", ls="--", lw=0.8)
        mx.set_title(f"{name}: moving range, MR̄ {ch.mr_bar:.4g}, UCL {ch.mr_ucl:.4g}",
                     fontsize=8)
        mx.tick_params(labelsize=7)
    fig.tight_layout()
    out = Path(path)
    try:
        fig.savefig(out, dpi=110)
    except OSError as exc:
        raise StoreError(f"Could not write the chart {out}: {exc.strerror or exc}. The "
                         f"figures above are complete; choose another file.") from exc
    finally:
        plt.close(fig)
    return out
