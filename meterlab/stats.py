"""Statistics of a reading series: the numbers quality staff put under a test run.

Overloads and errors are counted, never averaged: one 9.9E37 in a mean would
make every figure of a run meaningless. `summarize` works on a finished array;
`RunningStats` keeps the same figures for a live display, folding in whole
numpy batches (Welford's update generalised to batches, Chan et al. 1979), so
no reading is kept and no figure drifts from a full recomputation.

Process capability against the limits (both sides needed):
Cp = (USL − LSL) / 6σ, Cpk = min(USL − μ, μ − LSL) / 3σ, with σ the sample
standard deviation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from meterlab.readings import OVERLOAD_THRESHOLD, Verdict
from meterlab.tolerance import Limit


@dataclass(frozen=True)
class Summary:
    """Figures for a series; None wherever a figure is undefined (no valid readings, σ = 0…).

    `counts` has one entry per `Verdict` when the readings were judged, and is
    empty when there was nothing to judge them by (no verdicts and no limit).
    """

    count: int
    n_valid: int
    mean: float | None
    std: float | None
    min: float | None
    max: float | None
    n_overload: int
    n_error: int
    counts: dict[Verdict, int] = field(default_factory=dict)
    cp: float | None = None
    cpk: float | None = None

    @property
    def n_pass(self) -> int:
        return self.counts.get(Verdict.PASS, 0)

    @property
    def n_marginal(self) -> int:
        return self.counts.get(Verdict.MARGINAL, 0)

    @property
    def n_indeterminate(self) -> int:
        return self.counts.get(Verdict.INDETERMINATE, 0)

    @property
    def n_fail(self) -> int:
        return self.counts.get(Verdict.FAIL, 0)


def capability(mean: float | None, std: float | None, lower: float, upper: float
               ) -> tuple[float | None, float | None]:
    """(Cp, Cpk), or None each when a limit side is open or σ is missing or zero."""
    if (mean is None or std is None or not math.isfinite(std) or std <= 0
            or not math.isfinite(lower) or not math.isfinite(upper)):
        return None, None
    cp = (upper - lower) / (6.0 * std)
    cpk = min(upper - mean, mean - lower) / (3.0 * std)
    return cp, cpk


def _masks(values: np.ndarray, overload: np.ndarray | None,
           verdicts: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """(overloaded, valid): an overload is flagged, judged so, or a raw ±9.9E37 number."""
    over = np.abs(values) >= OVERLOAD_THRESHOLD
    if overload is not None:
        over |= np.broadcast_to(np.asarray(overload, dtype=bool), values.shape)
    if verdicts is not None:
        over |= np.asarray(verdicts) == Verdict.OVERLOAD
    valid = np.isfinite(values) & ~over
    return over, valid


def _std(good: np.ndarray) -> float:
    # identical readings have σ = 0 exactly, not the 1e-16 a rounded mean leaves behind
    if good.min() == good.max():
        return 0.0
    return float(good.std(ddof=1))


def _verdict_counts(verdicts: np.ndarray) -> dict[Verdict, int]:
    v = np.asarray(verdicts).ravel()
    v = v[(v >= 0) & (v <= max(Verdict))]  # codes such as "not judged" (-1) are not verdicts
    n = np.bincount(v.astype(np.intp), minlength=len(Verdict))
    return {verdict: int(n[verdict]) for verdict in Verdict}


def summarize(
    values: np.ndarray,
    *,
    overload: np.ndarray | None = None,
    verdicts: np.ndarray | None = None,
    limit: Limit | None = None,
) -> Summary:
    """Count, mean, sample σ, min, max, verdict counts and Cp/Cpk of a series.

    Verdicts are taken as given, or computed with `limit` (simple rule) when
    only the limit is known. Cp/Cpk need a limit with both sides.
    """
    x = np.asarray(values, dtype=np.float64).ravel()
    ov = None if overload is None else np.asarray(overload, dtype=bool).ravel()
    if verdicts is None and limit is not None:
        verdicts = limit.evaluate(x, overload=ov).verdicts
    ver = None if verdicts is None else np.asarray(verdicts).ravel()
    over, valid = _masks(x, ov, ver)
    good = x[valid]
    n = int(good.size)
    mean = float(good.mean()) if n else None
    std = _std(good) if n >= 2 else None
    cp = cpk = None
    if limit is not None:
        cp, cpk = capability(mean, std, limit.lower, limit.upper)
    return Summary(
        count=int(x.size),
        n_valid=n,
        mean=mean,
        std=std,
        min=float(good.min()) if n else None,
        max=float(good.max()) if n else None,
        n_overload=int(np.count_nonzero(over)),
        n_error=int(x.size - n - np.count_nonzero(over)),
        counts=_verdict_counts(ver) if ver is not None else {},
        cp=cp,
        cpk=cpk,
    )


class RunningStats:
    """The same figures as `summarize`, kept up to date batch by batch for live displays.

    Each batch's own count, mean and sum of squared deviations are computed with
    numpy and merged into the running ones (Chan's pairwise formula), which is
    both fast and numerically stable for long runs of nearly equal readings.
    """

    def __init__(self) -> None:
        self.count = 0
        self.n = 0
        self.mean = 0.0
        self.m2 = 0.0
        self.min = math.inf
        self.max = -math.inf
        self.n_overload = 0
        self.counts = np.zeros(len(Verdict), dtype=np.int64)
        self.judged = False

    def update(self, values: np.ndarray, *, overload: np.ndarray | None = None,
               verdicts: np.ndarray | None = None) -> None:
        """Fold in one batch; overloads and errors are counted, never averaged."""
        x = np.asarray(values, dtype=np.float64).ravel()
        ov = None if overload is None else np.asarray(overload, dtype=bool).ravel()
        ver = None if verdicts is None else np.asarray(verdicts).ravel()
        over, valid = _masks(x, ov, ver)
        good = x[valid]
        self.count += int(x.size)
        self.n_overload += int(np.count_nonzero(over))
        if ver is not None:
            self.judged = True
            c = _verdict_counts(ver)
            self.counts += np.array([c[v] for v in Verdict], dtype=np.int64)
        if good.size:
            nb = int(good.size)
            mb = float(good.mean())
            m2b = float(np.square(good - mb).sum())
            self._merge(nb, mb, m2b, float(good.min()), float(good.max()))

    def merge(self, other: RunningStats) -> None:
        """Combine with statistics gathered elsewhere (another worker, another file)."""
        self.count += other.count
        self.n_overload += other.n_overload
        self.counts += other.counts
        self.judged = self.judged or other.judged
        if other.n:
            self._merge(other.n, other.mean, other.m2, other.min, other.max)

    def _merge(self, nb: int, mb: float, m2b: float, lo: float, hi: float) -> None:
        na = self.n
        n = na + nb
        delta = mb - self.mean
        self.mean += delta * nb / n
        self.m2 += m2b + delta * delta * na * nb / n
        self.n = n
        self.min = min(self.min, lo)
        self.max = max(self.max, hi)

    @property
    def n_valid(self) -> int:
        return self.n

    @property
    def n_error(self) -> int:
        return self.count - self.n - self.n_overload

    @property
    def variance(self) -> float | None:
        return self.m2 / (self.n - 1) if self.n >= 2 else None

    @property
    def std(self) -> float | None:
        var = self.variance
        if var is None:
            return None
        return 0.0 if self.min == self.max else math.sqrt(max(var, 0.0))

    def summary(self, limit: Limit | None = None) -> Summary:
        """A `Summary` of everything folded in so far (Cp/Cpk against `limit`)."""
        mean = self.mean if self.n else None
        std = self.std
        cp = cpk = None
        if limit is not None:
            cp, cpk = capability(mean, std, limit.lower, limit.upper)
        return Summary(
            count=self.count,
            n_valid=self.n,
            mean=mean,
            std=std,
            min=self.min if self.n else None,
            max=self.max if self.n else None,
            n_overload=self.n_overload,
            n_error=self.n_error,
            counts={v: int(self.counts[v]) for v in Verdict} if self.judged else {},
            cp=cp,
            cpk=cpk,
        )

    def reset(self) -> None:
        self.__init__()  # type: ignore[misc]
