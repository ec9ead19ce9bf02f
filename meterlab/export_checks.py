"""Every check of the plan in every export, measured or not.

Quality staff read an export as the test sheet: a check that produced no reading (its
instrument could not measure it, the person skipped it, or the run stopped before it)
must still be there, or its absence reads as "nothing to see". These rows carry the
check's result (ERROR and its note) or NOT RUN, and no time.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from meterlab.store import SessionInfo

#: Verdict code of the row standing for a check that has no result at all (skipped or
#: never reached); -1 (the store's NO_VERDICT) is a reading judged against no limit.
NOT_RUN = -2


def result_text(info: SessionInfo, check_id: str, r: Any) -> str:
    """A check's last result in words: "PASS 3.304 V (mean of 5)" or "not measured"."""
    if r is None:
        return "NOT RUN (skipped or not reached)"
    unit = next((c.unit for c in info.checks if c.check_id == check_id), "")
    value = "OVERLOAD" if r.overload else ("no value" if r.value is None
                                           else f"{r.value!r} {unit}".strip())
    return f"{r.verdict.name} {value}" + (f" ({r.note})" if r.note else "")



_TEXT_COLUMNS = ("session_id", "check_id", "role", "function", "unit", "source")


def with_unmeasured_checks(infos: Sequence[SessionInfo], frame: pd.DataFrame,
                           have: set[tuple[str, str]] | None = None) -> pd.DataFrame:
    """The readings plus one row for each check of a session that has none: a check that
    ended in ERROR (its result's verdict and note stand for it), was skipped or was never
    reached (NOT RUN), so quality staff see every check of the plan, measured or not.
    Such rows have no time (NaN) and come after their session's readings.

    `have`: the (session, check) pairs that have readings, when `frame` is only a piece of
    them (a streamed export passes an empty piece and what it has seen)."""
    if have is None:
        have = set()
        if len(frame):
            pairs = frame[["session_id", "check_id"]].drop_duplicates()
            have = set(zip(pairs["session_id"].astype(str), pairs["check_id"].astype(str),
                           strict=True))
    extra: list[dict[str, Any]] = []
    for info in infos:
        checks = {c.check_id: c for c in info.checks}
        for cid, r in info.last_results():
            if (info.id, cid) in have:
                continue
            c = checks.get(cid)
            value = math.nan if r is None or r.value is None else float(r.value)
            margin = math.nan if r is None or r.margin is None else float(r.margin)
            extra.append({
                "session_id": info.id, "t": math.nan, "time": pd.NaT, "check_id": cid,
                "role": "", "function": c.function if c else "", "unit": c.unit if c else "",
                "range": math.nan, "value": value, "overload": bool(r and r.overload),
                "verdict": NOT_RUN if r is None else int(r.verdict), "margin": margin,
                "gap_before": False, "cal_expired": bool(r and r.cal_expired), "source": ""})
    if not extra:
        return frame
    add = pd.DataFrame(extra, columns=list(frame.columns))
    add = add.astype({"verdict": frame["verdict"].dtype, "overload": bool, "gap_before": bool,
                      "cal_expired": bool})
    add["time"] = pd.to_datetime(add["t"], unit="s", utc=True)
    base = frame.copy(deep=False)
    for col in _TEXT_COLUMNS:
        # Same categories on both sides, so concatenating keeps the column categorical
        # (cheap: a million readings are not converted to text and back).
        cat = base[col] if base[col].dtype == "category" else base[col].astype("category")
        known = set(cat.cat.categories)
        new = [v for v in dict.fromkeys(add[col].astype(str)) if v not in known]
        cat = cat.cat.add_categories(new) if new else cat
        base[col] = cat
        add[col] = pd.Categorical(add[col].astype(str), categories=cat.cat.categories)
    out = pd.concat([base, add], ignore_index=True)
    # Each session's rows together, its checks without readings after its readings.
    order = {info.id: k for k, info in enumerate(infos)}
    sid = out["session_id"]
    rank = np.array([order.get(str(c), len(order)) for c in sid.cat.categories] + [len(order)])
    key = rank[sid.cat.codes.to_numpy()]
    if np.all(key[:-1] <= key[1:]):
        return out
    return out.iloc[np.argsort(key, kind="stable")].reset_index(drop=True)
