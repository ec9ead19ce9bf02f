"""Sessions out to files quality staff open elsewhere: CSV, XLSX, Parquet, JSON (and PDF).

One or several sessions go into one file, so trends across units of the same
DUT type can be analysed in a spreadsheet. Whatever the format, three rules hold:

* every reading is one row, with its time (UTC), check, function, range, value,
  unit, verdict and margin, and the flags that qualify it (overload, gap before,
  instrument out of calibration); and every check of the plan has at least one row:
  one that produced no reading (it ended in ERROR, was skipped or never reached) gets
  a row without time or value, with verdict ERROR or NOT RUN;
* the unit's outcome is the one stored with the session (`SessionInfo.outcome`),
  written in every format's session metadata, never decided here;
* an overload is the word OVERLOAD (or a null value with `overload` set in typed
  formats), never the instrument's 9.9E37, which a spreadsheet would happily average;
* text that came from people (operator, DUT serial, plan, notes, check titles) is
  neutralised where a spreadsheet would execute it: a cell starting with = + - @,
  tab or CR gets a leading apostrophe (OWASP's CSV-injection rule), in CSV and XLSX.

Building the columns is vectorised (categoricals, numpy string conversion), so an
export costs about what pandas' own writer costs for the same frame.

Why one long module: the column conversions (CSV, JSON, Parquet) are shared by the
whole-frame writers and the streamed ones (`export_stream.py`), so they stay in one
place.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from meterlab import __version__
from meterlab.errors import UsageError
from meterlab.export_checks import result_text
from meterlab.readings import Verdict
from meterlab.stats import capability, summarize
from meterlab.store import SessionInfo, SessionStore

FORMATS = ("csv", "xlsx", "parquet", "json", "pdf")
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
#: Verdict words by code + 2: NOT RUN (-2, export_checks.NOT_RUN), "" (-1, not judged), …
VERDICT_LABELS = ("NOT RUN", "", *(v.name for v in Verdict))


def verdict_index(codes: np.ndarray) -> np.ndarray:
    """Index into VERDICT_LABELS for each verdict code."""
    return np.clip(codes.astype(np.int16) + 2, 0, len(VERDICT_LABELS) - 1)

#: Session fields in the order every format lists them.
META_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "session"), ("start_utc", "start (UTC)"), ("end_utc", "end (UTC)"),
    ("status", "status"), ("outcome", "unit outcome"), ("operator", "operator"),
    ("station", "station"),
    ("dut_type", "DUT type"), ("dut_serial", "DUT serial"), ("plan_name", "plan"),
    ("plan_version", "plan version"), ("plan_sha256", "plan SHA-256"),
    ("rule", "decision rule"), ("kind", "kind"), ("meterlab_version", "meterlab version"),
    ("notes", "notes"), ("n_readings", "readings"), ("final_hash", "final hash (SHA-256)"),
)


def neutralise(text: Any) -> str:
    """Text a spreadsheet will show, never run: a leading = + - @ tab or CR gets an apostrophe."""
    s = "" if text is None else str(text)
    return "'" + s if s.startswith(_DANGEROUS) else s


def guess_format(path: str | Path, fmt: str | None) -> str:
    """The export format from --format, else from the file's extension."""
    if fmt:
        f = fmt.lower().lstrip(".")
    else:
        f = Path(path).suffix.lower().lstrip(".")
        if not f:
            raise UsageError(f"Cannot tell the format of {path}; give --format "
                             f"{'|'.join(FORMATS)}.")
    if f == "xls":
        f = "xlsx"
    if f not in FORMATS:
        raise UsageError(f"Unknown export format {f!r}; use one of {', '.join(FORMATS)}.")
    return f


def export_sessions(store: SessionStore, session_ids: Sequence[str], path: str | Path,
                    fmt: str | None = None, lang: str | None = "en") -> Path:
    """Write the sessions (ids, prefixes or "latest") to `path` in `fmt`; returns the path.

    `lang` is the PDF report's language ("en", "nl", "fr"; None: the system's).
    Data formats (CSV, XLSX, Parquet, JSON) ignore it: they are read by machines
    and always write a decimal point.

    The file is written beside its final name and moved into place at the end, so an
    interrupted export never leaves half a file under the name asked for.
    """
    if not session_ids:
        raise UsageError("No sessions to export.")
    f = guess_format(path, fmt)
    ids = list(dict.fromkeys(store.resolve(s) for s in session_ids))
    infos = [store.session(i) for i in ids]
    out = Path(path)
    tmp = out.with_name(out.name + ".part")
    tmp.unlink(missing_ok=True)  # left by an export that was killed outright (kill -9)
    try:
        if f == "pdf":
            from meterlab.report import write_report

            write_report(store, ids, tmp, lang)
        else:
            # Piece by piece from the store: memory stays flat whatever the session's size.
            from meterlab import export_stream as es
            from meterlab.export_xlsx import write_xlsx_stream

            {"csv": es.write_csv_stream, "xlsx": write_xlsx_stream,
             "parquet": es.write_parquet_stream, "json": es.write_json_stream}[f](
                store, infos, ids, tmp)
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UsageError(f"Could not write {out}: {exc.strerror or exc}. The sessions are "
                         f"unchanged in the database; choose another file with -o.") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out


def _xlsx(infos: list[SessionInfo], frame: pd.DataFrame, path: Path) -> None:
    from meterlab.export_xlsx import write_xlsx

    write_xlsx(infos, frame, path)


# -- the shared table of readings -------------------------------------------------------------


def _codes(col: pd.Series) -> tuple[list[Any], np.ndarray]:
    cat = col if col.dtype == "category" else col.astype("category")
    return list(cat.cat.categories), cat.cat.codes.to_numpy()


def _text_column(col: pd.Series) -> np.ndarray:
    """A categorical/text column as neutralised strings, converting each distinct value once."""
    cats, codes = _codes(col)
    table = np.array([neutralise(c) for c in cats] + [""], dtype=object)
    return table[codes]  # code -1 (missing) picks the trailing ""


def _csv_text_column(col: pd.Series) -> np.ndarray:
    """Like `_text_column`, quoted for CSV where a value holds a comma, quote or newline."""
    cats, codes = _codes(col)
    table = np.array([_quote(neutralise(c)) for c in cats] + [""], dtype=object)
    return table[codes]


def _quote(s: str) -> str:
    if any(ch in s for ch in ',"\n\r'):
        return '"' + s.replace('"', '""') + '"'
    return s


def float_text(values: np.ndarray) -> np.ndarray:
    """Floats as their shortest round-trip text (what repr gives); "" for NaN."""
    out = _reprs(values)
    out[np.isnan(values)] = ""
    return out


def _reprs(values: np.ndarray) -> np.ndarray:
    """repr() of every float, in C. Where pyarrow is installed, its cast to text (a
    quarter of repr's time: half a CSV export was formatting floats) for the values whose
    text is the same as repr's: both give the shortest digits that read back as the same
    double, and both write them positionally from 1e-4 up to 1e16 where the value has a
    fraction, unless pyarrow chose an exponent. The rest (whole numbers: repr adds ".0";
    exponents, which the two write differently; inf, NaN) are repr'd, as is everything
    without pyarrow: the repr of a list is the reprs of its items joined by ", " (which
    no float's repr contains), so one split gives them back."""
    if not len(values):
        return np.array([], dtype=object)
    x = np.asarray(values, dtype=np.float64)
    texts = _arrow_texts(x)
    if texts is None:
        return np.array(_list_reprs(x), dtype=object)
    out, exponent = texts
    with np.errstate(invalid="ignore"):
        size = np.abs(x)
        other = exponent | ~((size >= 1e-4) & (size < 1e16)) | (x == np.floor(x))
    if other.any():
        out[other] = _list_reprs(x[other])
    return out


def _list_reprs(x: np.ndarray) -> list[str]:
    return repr(x.tolist())[1:-1].split(", ")


def _arrow_texts(x: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """pyarrow's text of each float (object array) and where it wrote an exponent (it
    does from about 1e14 on, repr from 1e16); None without pyarrow (an extra)."""
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:
        return None
    texts = pc.cast(pa.array(x), pa.string())
    exponent = pc.match_substring(texts, "e").to_numpy(zero_copy_only=False)
    out = texts.to_numpy(zero_copy_only=False)
    return (out if out.flags.writeable else out.copy()), exponent


def value_text(values: np.ndarray, overload: np.ndarray) -> np.ndarray:
    """Values as their shortest round-trip text; OVERLOAD for overloads, "" for errors."""
    out = float_text(values)
    out[overload] = "OVERLOAD"
    return out


def time_text(t: np.ndarray) -> np.ndarray:
    """UTC epoch seconds as ISO 8601 text with milliseconds and a Z, "" where there is no
    time. numpy writes the date, hour and minute, once per run of readings in the same
    minute; seconds and milliseconds come from a table of the 60 000 possible
    "SS.mmmZ" tails: a fifth of formatting every stamp with numpy (which the CSV
    export spent a fifth of its time on), and the same text."""
    ms = np.round(np.asarray(t, dtype=np.float64) * 1000.0)
    ok = np.isfinite(ms)
    minute, rest = np.divmod(np.where(ok, ms, 0).astype("int64"), 60_000)
    if not len(minute):
        return np.array([], dtype=object)
    starts = np.concatenate(([0], np.flatnonzero(np.diff(minute)) + 1))
    heads = np.datetime_as_string((minute[starts] * 60_000).astype("datetime64[ms]"),
                                  unit="m").astype(object) + ":"
    text = np.repeat(heads, np.diff(np.append(starts, len(minute)))) + _second_tails()[rest]
    text[~ok] = ""
    return text


@functools.cache
def _second_tails() -> np.ndarray:
    """"00.000Z" … "59.999Z" by millisecond of the minute."""
    return np.array([f"{k // 1000:02d}.{k % 1000:03d}Z" for k in range(60_000)], dtype=object)


def verdict_text(codes: np.ndarray) -> np.ndarray:
    labels = np.array(VERDICT_LABELS, dtype=object)
    return labels[verdict_index(codes)]


def _few_floats(x: np.ndarray, nan: str) -> np.ndarray:
    """Text for a float column with few distinct values (ranges): formatted once each."""
    uniq, inverse = np.unique(x, return_inverse=True)  # NaNs sort last
    table = np.array([nan if u != u else repr(float(u)) for u in uniq.tolist()], dtype=object)
    return table[inverse.ravel()] if len(x) else np.array([], dtype=object)


def _flag(x: np.ndarray) -> np.ndarray:
    return np.where(x, "1", "0").astype(object)


CSV_COLUMNS = ("session", "time_utc", "check", "function", "range", "value", "unit",
               "verdict", "margin", "overload", "gap_before", "cal_expired", "source")


def csv_columns(frame: pd.DataFrame) -> list[np.ndarray]:
    """The readings as CSV cell text, column by column (see CSV_COLUMNS)."""
    return [
        _csv_text_column(frame["session_id"]),
        time_text(frame["t"].to_numpy()),
        _csv_text_column(frame["check_id"]),
        _csv_text_column(frame["function"]),
        _few_floats(frame["range"].to_numpy(), "AUTO"),
        value_text(frame["value"].to_numpy(), frame["overload"].to_numpy()),
        _csv_text_column(frame["unit"]),
        verdict_text(frame["verdict"].to_numpy()),
        float_text(frame["margin"].to_numpy()),
        _flag(frame["overload"].to_numpy()),
        _flag(frame["gap_before"].to_numpy()),
        _flag(frame["cal_expired"].to_numpy()),
        _csv_text_column(frame["source"]),
    ]


# -- statistics per check ---------------------------------------------------------------------


def check_statistics(info: SessionInfo, frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Per check of one session: count, mean, σ, min, max, verdict counts, Cp and Cpk."""
    # Rows without a time stand for checks without readings (see with_unmeasured_checks).
    rows = frame[(frame["session_id"] == info.id) & np.isfinite(frame["t"].to_numpy())] \
        if len(frame) else frame
    limits = {c.check_id: c for c in info.checks}
    out: list[dict[str, Any]] = []
    if len(rows) == 0:
        return out
    codes = rows["check_id"].cat.codes.to_numpy() if rows["check_id"].dtype == "category" else (
        pd.Categorical(rows["check_id"]).codes)
    cats = list(rows["check_id"].astype("category").cat.categories)
    order = list(dict.fromkeys(limits)) + [c for c in cats if c not in limits]
    for check_id in order:
        if check_id not in cats:
            continue
        mask = codes == cats.index(check_id)
        v = rows["value"].to_numpy()[mask]
        ov = rows["overload"].to_numpy()[mask]
        ver = rows["verdict"].to_numpy()[mask]
        judged = ver[ver >= 0]
        s = summarize(v, overload=ov, verdicts=judged if judged.size == ver.size else None)
        if judged.size and judged.size != ver.size:
            counts = {vv: int((judged == vv).sum()) for vv in Verdict}
        else:
            counts = s.counts
        lim = limits.get(check_id)
        cp = cpk = None
        if lim is not None and lim.lower is not None and lim.upper is not None:
            cp, cpk = capability(s.mean, s.std, lim.lower, lim.upper)
        unit = rows["unit"].to_numpy()[mask]
        out.append({
            "check": check_id, "title": lim.title if lim else "",
            "unit": str(unit[0]) if unit.size else "",
            "limit": lim.limit_text if lim else "", "nominal": lim.nominal if lim else None,
            "lower": lim.lower if lim else None, "upper": lim.upper if lim else None,
            "n": s.count, "n_valid": s.n_valid, "mean": s.mean, "std": s.std, "min": s.min,
            "max": s.max, "overloads": s.n_overload, "errors": s.n_error,
            "counts": {k.name: n for k, n in counts.items()}, "cp": cp, "cpk": cpk,
            "values": v, "t": rows["t"].to_numpy()[mask],
        })
    return out


# -- CSV ----------------------------------------------------------------------------------------


def _meta_rows(info: SessionInfo) -> list[tuple[str, str]]:
    rows = [(label, "" if getattr(info, key) is None else str(getattr(info, key)))
            for key, label in META_FIELDS]
    for i in info.instruments:
        due = i.cal_due or "unknown"
        rows.append((f"instrument {i.role}",
                     f"{i.maker} {i.model} s/n {i.serial} fw {i.firmware} at {i.resource}; "
                     f"calibration due {due}{' (EXPIRED)' if i.cal_expired else ''}"))
    for c in info.checks:
        rows.append((f"check {c.check_id}", f"{c.title}: {c.function} {c.limit_text}"))
    for cid, r in info.last_results():
        rows.append((f"result {cid}", result_text(info, cid, r)))
    for name, n in info.counts.items():
        if n:
            rows.append((f"readings {name}", str(n)))
    return rows


def write_csv(infos: list[SessionInfo], frame: pd.DataFrame, path: str | Path) -> None:
    """CSV: a commented metadata block per session, then one row per reading."""
    columns = csv_columns(frame)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(csv_head(infos))
        write_csv_rows(fh, columns, len(frame))


def write_csv_rows(fh: Any, columns: list[np.ndarray], n: int) -> None:
    """Rows of CSV cell text (see `csv_columns`) joined and written in slices."""
    step = 200_000  # rows joined per write: bounded memory, few system calls
    for i in range(0, n, step):
        rows = zip(*(c[i:i + step].tolist() for c in columns), strict=True)
        fh.write("\n".join(map(",".join, rows)))
        fh.write("\n")


def csv_head(infos: list[SessionInfo]) -> str:
    """The commented metadata block and the column header line of a CSV export."""
    head = io.StringIO()
    w = csv.writer(head, lineterminator="\n")
    w.writerow([f"# meterlab {__version__} session export", neutralise(_now())])
    for info in infos:
        w.writerow(["#"])
        for label, value in _meta_rows(info):
            w.writerow([f"# {label}", _one_line(neutralise(value))])
    w.writerow(["#"])
    w.writerow(["# value: in the unit column; OVERLOAD = the meter was over range; empty = no "
                "valid reading (ERROR); a row without time_utc stands for a check without "
                "readings (verdict ERROR; NOT RUN when skipped or not reached); flags: 1 = yes"])
    return head.getvalue() + ",".join(CSV_COLUMNS) + "\n"


def _one_line(text: str) -> str:
    """Keep each metadata entry on its own physical line, so tools that skip "#" lines work."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- JSON ---------------------------------------------------------------------------------------


def session_document(info: SessionInfo) -> dict[str, Any]:
    """A session's metadata as plain JSON-able data (no readings)."""
    doc: dict[str, Any] = {key: getattr(info, key) for key, _ in META_FIELDS}
    doc["verdict_counts"] = info.counts
    doc["cal_expired"] = info.cal_expired
    doc["instruments"] = [_dc(i) for i in info.instruments]
    doc["checks"] = [_dc(c) for c in info.checks]
    doc["results"] = [{**_dc(r), "verdict": r.verdict.name} for r in info.results]
    doc["check_results"] = [
        {"check_id": cid, "verdict": r.verdict.name if r is not None else "NOT RUN"}
        for cid, r in info.last_results()]
    return doc


def _dc(obj: Any) -> dict[str, Any]:
    from dataclasses import asdict

    # NaN (no value) and ±inf (an open-sided limit) have no JSON form: both become null.
    return {k: (None if isinstance(v, float) and not math.isfinite(v) else v)
            for k, v in asdict(obj).items()}


def _json_floats(x: np.ndarray) -> np.ndarray:
    """Floats as JSON number text in their shortest exact form; null for NaN (and ±inf)."""
    out = _reprs(x)
    out[~np.isfinite(x)] = "null"
    return out


def _json_texts(col: pd.Series) -> np.ndarray:
    cats, codes = _codes(col)
    table = np.array([json.dumps(str(c), ensure_ascii=False) for c in cats] + ["null"],
                     dtype=object)
    return table[codes]


_JSON_ROW = ('{{"time_utc":{},"t":{},"check":{},"function":{},"range":{},"value":{},'
             '"unit":{},"verdict":{},"margin":{},"overload":{},"gap_before":{},'
             '"cal_expired":{}}}')


def write_json(infos: list[SessionInfo], frame: pd.DataFrame, path: str | Path) -> None:
    """One JSON document: {"format", "meterlab_version", "sessions": [{…metadata,
    "readings": [{…}, …]}]}. Numbers keep every digit (a reading exported and read back
    is the same double); an overload is value null with overload true."""
    columns = json_columns(frame)
    sid = frame["session_id"].astype(str).to_numpy()
    fmt = _JSON_ROW.format
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(json_head())
        for k, info in enumerate(infos):
            fh.write(json_session_open(info, first=k == 0))
            rows = np.flatnonzero(sid == info.id)
            step = 100_000
            for i in range(0, len(rows), step):
                idx = rows[i:i + step]
                parts = (c[idx].tolist() for c in columns)
                fh.write(("," if i else "") + "\n" + ",\n".join(
                    fmt(*row) for row in zip(*parts, strict=True)))
            fh.write("]}")
        fh.write("]}\n")


def json_head() -> str:
    return ('{"format": "meterlab-sessions", "format_version": 1, '
            f'"meterlab_version": {json.dumps(__version__)}, "exported_utc": '
            f'{json.dumps(_now())}, "sessions": [')


def json_session_open(info: SessionInfo, *, first: bool) -> str:
    """A session's metadata object, left open at its "readings" array."""
    doc = session_document(info)
    text = json.dumps(doc, ensure_ascii=False, allow_nan=False, default=str)
    return ("" if first else ",") + "\n" + text[:-1] + ', "readings": ['


def json_columns(frame: pd.DataFrame) -> list[np.ndarray]:
    """The readings as JSON value text, column by column, in `_JSON_ROW` order."""
    verdicts = np.array(['"' + v + '"' if v else "null" for v in VERDICT_LABELS], dtype=object)
    t = frame["t"].to_numpy()
    stamps = '"' + time_text(t) + '"'
    stamps[~np.isfinite(t)] = "null"
    flag = np.array(["false", "true"], dtype=object)
    return [
        stamps,
        _json_floats(frame["t"].to_numpy()),
        _json_texts(frame["check_id"]),
        _json_texts(frame["function"]),
        _json_floats(frame["range"].to_numpy()),
        _json_floats(frame["value"].to_numpy()),
        _json_texts(frame["unit"]),
        verdicts[verdict_index(frame["verdict"].to_numpy())],
        _json_floats(frame["margin"].to_numpy()),
        flag[frame["overload"].to_numpy().astype(np.intp)],
        flag[frame["gap_before"].to_numpy().astype(np.intp)],
        flag[frame["cal_expired"].to_numpy().astype(np.intp)],
    ]


# -- Parquet ------------------------------------------------------------------------------------


def write_parquet(infos: list[SessionInfo], frame: pd.DataFrame, path: str | Path) -> None:
    """Parquet (typed columns; the session metadata as JSON in the file's key-value metadata)."""
    _, pq = need_pyarrow()
    table = parquet_table(frame).replace_schema_metadata(parquet_meta(infos))
    pq.write_table(table, str(path), **PARQUET_WRITE)


#: How every Parquet export is encoded (pyarrow.parquet writer options). Dictionary
#: encoding only for the columns whose values repeat (text, range, verdict): for times,
#: values and margins, which hardly ever repeat, pyarrow's default first fills a
#: dictionary of up to 1 MB per column chunk, then gives up and writes the rest PLAIN;
#: that futile attempt was a third of the write's time, and the file ends up PLAIN
#: anyway. PLAIN and dictionary pages are what every Parquet reader understands; the
#: flags are bit-packed booleans either way. Statistics (min/max per row group, which
#: let a reader skip row groups) for the columns one selects by: session, time, check,
#: value; not for margin, range, function, unit, verdict and the flags, where every row
#: group spans the same few values anyway. zstd: a third smaller than snappy for about
#: the same time.
PARQUET_WRITE: dict[str, Any] = {
    "compression": "zstd",
    "use_dictionary": ["session_id", "check", "function", "range", "unit", "verdict"],
    "write_statistics": ["session_id", "time_utc", "check", "value"],
}


def need_pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError(
            "Parquet export needs pyarrow, which is not installed. Install it with "
            "`pip install 'meterlab[parquet]'`, or export to csv or xlsx.") from None
    return pa, pq


def parquet_table(frame: pd.DataFrame) -> Any:
    """The readings as a typed Arrow table (text columns dictionary-encoded straight from
    the frame's categorical codes: no Python string per reading)."""
    pa, _ = need_pyarrow()
    v = frame["verdict"].to_numpy()
    labels = np.asarray(verdict_index(v), dtype=np.int32)
    t = frame["t"].to_numpy()
    no_time = ~np.isfinite(t)
    return pa.table({
        "session_id": _dictionary(pa, frame["session_id"]),
        "time_utc": pa.array(np.round(np.where(no_time, 0.0, t) * 1e6).astype("int64"),
                             pa.timestamp("us", tz="UTC"),
                             mask=no_time if no_time.any() else None),
        "check": _dictionary(pa, frame["check_id"]),
        "function": _dictionary(pa, frame["function"]),
        "range": pa.array(frame["range"].to_numpy(), from_pandas=True),
        "value": pa.array(frame["value"].to_numpy(), from_pandas=True),
        "unit": _dictionary(pa, frame["unit"]),
        "verdict": pa.DictionaryArray.from_arrays(pa.array(labels, pa.int32()),
                                                  pa.array(list(VERDICT_LABELS), pa.string())),
        "margin": pa.array(frame["margin"].to_numpy(), from_pandas=True),
        "overload": pa.array(frame["overload"].to_numpy()),
        "gap_before": pa.array(frame["gap_before"].to_numpy()),
        "cal_expired": pa.array(frame["cal_expired"].to_numpy()),
    })


def _dictionary(pa: Any, col: pd.Series) -> Any:
    cats, codes = _codes(col)
    missing = codes < 0
    indices = pa.array(codes.astype(np.int32), pa.int32(),
                       mask=missing if missing.any() else None)
    return pa.DictionaryArray.from_arrays(indices, pa.array([str(c) for c in cats], pa.string()))


def parquet_meta(infos: list[SessionInfo]) -> dict[bytes, bytes]:
    """The sessions' metadata as the Parquet file's key-value metadata."""
    meta = {"meterlab_version": __version__, "exported_utc": _now(),
            "sessions": [session_document(i) for i in infos],
            "columns": {"value": "null where overload (see overload) or no valid reading",
                        "verdict": "empty = not judged; NOT RUN = a check skipped or "
                                   "not reached (a row without time)"}}
    return {b"meterlab": json.dumps(meta, ensure_ascii=False, default=str).encode("utf-8")}


def select_sessions(store: SessionStore, keys: Iterable[str], *, since: str | None = None,
                    dut: str | None = None) -> list[str]:
    """The session ids an export covers: the named ones plus those matching --since/--dut."""
    ids = [store.resolve(k) for k in keys]
    if since or dut:
        ids += [s.id for s in store.sessions(since=since, dut=dut)]
    if not ids:
        raise UsageError("No session matches. List them with `meterlab sessions`.")
    return list(dict.fromkeys(ids))
