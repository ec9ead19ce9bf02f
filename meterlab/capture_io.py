"""Save and load scope captures as .csv, .npz or .parquet.

A capture is some analog waveforms and/or a digital capture from one
acquisition. The file layouts:

* ``.csv`` — a header ``time (s),CH1 (V),…,D0,…`` then one row per sample;
  volts for analog columns, 0/1 for digital ones. Readable by any spreadsheet.
* ``.parquet`` — the same table (float64 time, float volts, uint8 lines), with
  the capture's metadata as JSON in the schema metadata under ``meterlab``.
* ``.npz`` — compact and exact: per analog source ``<name>`` (y), ``<name>.t0``,
  ``<name>.dt``; digital as ``digital.lanes`` (uint16 words, bit n = Dn),
  ``digital.t0``, ``digital.dt``, ``digital.channels``; metadata as JSON text in
  ``meta.json``. Loaded with ``allow_pickle=False`` — no pickles, ever.

When the signals do not share one time base (e.g. a digital pod read at a
different rate), the table formats use the finest one and resample the others
onto it: linear interpolation for analog (NaN outside its record), the level
in force for digital.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from meterlab.errors import FileFormatError, UsageError
from meterlab.waveform import DigitalCapture, Waveform

FORMATS = (".csv", ".npz", ".parquet")


@dataclass
class Capture:
    """What one capture holds: analog waveforms, maybe a digital capture, and metadata."""

    waveforms: list[Waveform] = field(default_factory=list)
    digital: DigitalCapture | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.waveforms) or self.digital is not None


def check_capture_path(path: str | Path) -> Path:
    """Refuse a file name whose format meterlab cannot write, before anything is captured."""
    path = Path(path)
    _check_suffix(path)
    if not path.parent.is_dir():
        raise UsageError(f"The folder {path.parent} does not exist; create it or choose another.")
    return path


def _check_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(
            f"Cannot save a capture as '{path.name}': use a name ending in .csv, .npz or .parquet."
        )
    return suffix


def _json_safe(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {str(k): _json_safe(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_json_safe(v) for v in obj]
    if isinstance(obj, np.generic):
        return obj.item()
    if obj is None or isinstance(obj, str | int | float | bool):
        return obj
    return str(obj)


def _meta_json(cap: Capture) -> str:
    return json.dumps(
        _json_safe(
            {
                "meta": cap.meta,
                "waveforms": {w.source: {"unit": w.unit, "meta": w.meta} for w in cap.waveforms},
                "digital": cap.digital.meta if cap.digital is not None else None,
            }
        )
    )


def save_capture(path: str | Path, capture: Capture) -> Path:
    """Write the capture in the format its suffix names; returns the path written.

    The file is written to a temporary name and renamed into place, so a crash
    half-way never leaves a truncated file looking like a complete capture.
    """
    path = Path(path)
    suffix = _check_suffix(path)
    if not capture:
        raise UsageError("Nothing was captured, so nothing was saved.")
    names = [w.source for w in capture.waveforms]
    if len(set(names)) != len(names):
        raise UsageError(f"Two waveforms share a name ({', '.join(names)}); rename one first.")
    tmp = path.with_name(path.name + ".part")
    try:
        if suffix == ".npz":
            _save_npz(tmp, capture)
        elif suffix == ".csv":
            _save_csv(tmp, capture)
        else:
            _save_parquet(tmp, capture)
        tmp.replace(path)
    except BaseException as exc:
        # Ctrl-C or a full disk half-way: no stray .part file beside the user's captures.
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise UsageError(f"Could not write {path}: {exc.strerror or exc}.") from None
        raise
    return path


# --- one table on a common time base -------------------------------------------------


def _reference(capture: Capture) -> tuple[float, float, int]:
    """(t0, dt, n) of the finest time base that covers every signal."""
    bases = [(w.t0, w.dt, len(w)) for w in capture.waveforms]
    if capture.digital is not None:
        d = capture.digital
        bases.append((d.t0, d.dt, len(d)))
    if len({b for b in bases}) == 1:
        return bases[0]
    dt = min(b[1] for b in bases)
    t0 = min(b[0] for b in bases)
    t_end = max(b[0] + (b[2] - 1) * b[1] for b in bases)
    return t0, dt, round((t_end - t0) / dt) + 1


def _columns(capture: Capture) -> tuple[np.ndarray, dict[str, np.ndarray], dict[str, str]]:
    t0, dt, n = _reference(capture)
    t = np.arange(n, dtype=np.float64) * dt + t0
    cols: dict[str, np.ndarray] = {}
    units: dict[str, str] = {}
    for w in capture.waveforms:
        if (w.t0, w.dt, len(w)) == (t0, dt, n):
            cols[w.source] = w.y
        else:
            cols[w.source] = np.interp(t, w.t, w.y, left=np.nan, right=np.nan)
        units[w.source] = w.unit
    d = capture.digital
    if d is not None:
        if (d.t0, d.dt, len(d)) == (t0, dt, n):
            idx = None
        else:
            idx = np.clip(np.floor((t - d.t0) / d.dt + 1e-9).astype(np.int64), 0, len(d) - 1)
        for ch in d.channels:
            lane = d.lane(ch).view(np.uint8)
            cols[f"D{ch}"] = lane if idx is None else lane[idx]
            units[f"D{ch}"] = ""
    return t, cols, units


def _header(name: str, unit: str) -> str:
    return f"{name} ({unit})" if unit else name


def _round_significant(x: np.ndarray, digits: int) -> np.ndarray:
    """Round to `digits` significant digits so each number prints short (0.0528, not
    0.052800000000000001): round(x·10^k)/10^k is the double nearest the decimal."""
    x = np.asarray(x, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        mag = np.floor(np.log10(np.abs(x)))
    mag[~np.isfinite(mag)] = 0.0
    scale = 10.0 ** np.clip(digits - 1 - mag, -300, 300)
    return np.round(x * scale) / scale


def _save_csv(path: Path, capture: Capture) -> None:
    """Write the table as CSV; pyarrow's writer when present (several times pandas'
    speed, which matters at 24 M rows). Numbers keep the digits they carry (12 for
    time, 10 for float64 volts, 7 for float32) and no binary noise beyond them."""
    t, cols, units = _columns(capture)
    table = {"time (s)": _round_significant(t, 12)}
    for name, values in cols.items():
        if values.dtype.kind == "f":
            values = _round_significant(values, 7 if values.dtype == np.float32 else 10)
        table[_header(name, units[name])] = values
    try:
        import pyarrow as pa
        import pyarrow.csv as pacsv
    except ImportError:
        import pandas as pd  # heavy: only when a CSV is written without pyarrow

        pd.DataFrame(table).to_csv(path, index=False, float_format="%.12g", chunksize=200_000)
        return
    # the header by hand: pyarrow quotes every column name, spreadsheets need not see that
    with path.open("wb") as fh:
        fh.write((",".join(table) + "\n").encode("utf-8"))
        pacsv.write_csv(pa.table(table), fh, write_options=pacsv.WriteOptions(
            include_header=False, quoting_style="needed"))


def _save_parquet(path: Path, capture: Capture) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError(
            "Saving .parquet needs pyarrow (install meterlab[parquet]); "
            "save as .npz or .csv instead."
        ) from None
    t, cols, units = _columns(capture)
    fields = [pa.field("time", pa.float64(), metadata={"unit": "s"})]
    arrays = [pa.array(t)]
    for name, values in cols.items():
        fields.append(pa.field(name, pa.from_numpy_dtype(values.dtype),
                               metadata={"unit": units[name]}))
        arrays.append(pa.array(values))
    schema = pa.schema(fields, metadata={"meterlab": _meta_json(capture)})
    pq.write_table(pa.Table.from_arrays(arrays, schema=schema), path)


def _save_npz(path: Path, capture: Capture) -> None:
    arrays: dict[str, np.ndarray] = {"meta.json": np.array(_meta_json(capture))}
    for w in capture.waveforms:
        arrays[w.source] = w.y
        arrays[f"{w.source}.t0"] = np.array(w.t0)
        arrays[f"{w.source}.dt"] = np.array(w.dt)
    d = capture.digital
    if d is not None:
        arrays["digital.lanes"] = d.lanes
        arrays["digital.t0"] = np.array(d.t0)
        arrays["digital.dt"] = np.array(d.dt)
        arrays["digital.channels"] = np.array(d.channels, dtype=np.int8)
    # np.savez appends .npz to names without it; write through an open file instead
    with path.open("wb") as fh:
        np.savez(fh, **arrays)


# --- loading ----------------------------------------------------------------------------


def load_capture(path: str | Path) -> Capture:
    """Read a capture written by `save_capture` (any of the three formats)."""
    path = Path(path)
    suffix = _check_suffix(path)
    if not path.is_file():
        raise UsageError(f"No capture file at {path}.")
    try:
        if suffix == ".npz":
            return _load_npz(path)
        if suffix == ".csv":
            return _load_csv(path)
        return _load_parquet(path)
    except (ValueError, KeyError) as exc:
        raise FileFormatError(f"not a meterlab capture ({exc})", path=str(path)) from None


def _restore_meta(capture: Capture, text: str | None) -> None:
    if not text:
        return
    info = json.loads(text)
    capture.meta = info.get("meta") or {}
    per = info.get("waveforms") or {}
    for w in capture.waveforms:
        if w.source in per:
            w.unit = per[w.source].get("unit", w.unit)
            w.meta = per[w.source].get("meta") or {}
    if capture.digital is not None and info.get("digital"):
        capture.digital.meta = info["digital"]


def _load_npz(path: Path) -> Capture:
    with np.load(path, allow_pickle=False) as z:
        cap = Capture()
        for key in z.files:
            if "." in key:
                continue
            cap.waveforms.append(
                Waveform(z[key], float(z[f"{key}.t0"]), float(z[f"{key}.dt"]), key)
            )
        if "digital.lanes" in z.files:
            cap.digital = DigitalCapture(
                z["digital.lanes"], float(z["digital.t0"]), float(z["digital.dt"]),
                tuple(int(c) for c in z["digital.channels"]),
            )
        _restore_meta(cap, str(z["meta.json"]) if "meta.json" in z.files else None)
    return cap


_HEAD = re.compile(r"^(?P<name>.*?)(?: \((?P<unit>[^)]*)\))?$")


def _from_table(t: np.ndarray, cols: dict[str, tuple[np.ndarray, str]]) -> Capture:
    if t.size == 0:
        raise ValueError("no samples")
    t0 = float(t[0])
    dt = float((t[-1] - t[0]) / (t.size - 1)) if t.size > 1 else 1.0
    cap = Capture()
    lines: dict[int, np.ndarray] = {}
    for name, (values, unit) in cols.items():
        m = re.fullmatch(r"D(\d{1,2})", name)
        if m and not unit:
            lines[int(m.group(1))] = values
        else:
            cap.waveforms.append(Waveform(values.astype(np.float64), t0, dt, name, unit or "V"))
    if lines:
        cap.digital = DigitalCapture.from_lines(lines, t0, dt)
    return cap


def _load_csv(path: Path) -> Capture:
    import pandas as pd

    frame = pd.read_csv(path)
    if frame.columns.size < 2 or not str(frame.columns[0]).startswith("time"):
        raise ValueError("the first column must be 'time (s)'")
    cols = {}
    for head in frame.columns[1:]:
        m = _HEAD.match(str(head))
        assert m is not None  # the pattern matches any string
        cols[m.group("name")] = (frame[head].to_numpy(), m.group("unit") or "")
    return _from_table(frame.iloc[:, 0].to_numpy(dtype=np.float64), cols)


def _load_parquet(path: Path) -> Capture:
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    if table.num_columns < 2 or table.column_names[0] != "time":
        raise ValueError("the first column must be 'time'")
    cols = {}
    for f in list(table.schema)[1:]:
        unit = (f.metadata or {}).get(b"unit", b"").decode()
        cols[f.name] = (table.column(f.name).to_numpy(), unit)
    cap = _from_table(table.column("time").to_numpy(), cols)
    meta = (table.schema.metadata or {}).get(b"meterlab")
    _restore_meta(cap, meta.decode() if meta else None)
    return cap
