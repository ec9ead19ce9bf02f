"""The PDF measurement report: a certificate-style record of one session (or several).

What a quality engineer looks for, in the order they look: who, what DUT, when,
with which instruments (serials, calibration dates), under which decision rule,
the table of checks with limits, values and verdicts, a trend and histogram for
every check measured more than once, a signature line, and the session's final
hash, which `meterlab verify` can confirm against the database at any later time.

Drawn with reportlab (platypus for the flow, reportlab.graphics for the plots):
Qt-free, so the CLI and headless machines render it. The text font is Bitstream
Vera, which reportlab ships, so a report looks the same on every machine; it has
Ω, µ and ±, and verdicts are written as words in coloured cells (never colour alone).

A report is written in English, Dutch or French (`write_report(..., lang=)`),
numbers with the decimal mark of that language. The language is held in a
context variable for the duration of one `write_report`, so the many small
drawing helpers need no extra parameter and concurrent reports cannot mix.

Why one long module: the report is one document (cover, per-session story, plots,
integrity block) drawn with one set of styles; split, its parts would pass the styles
and the page geometry back and forth.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import numpy as np
from reportlab.graphics.shapes import Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from meterlab import __version__
from meterlab.export import check_statistics
from meterlab.readings import Verdict
from meterlab.report_text import resolve as resolve_language
from meterlab.report_text import tr
from meterlab.store import SessionInfo, SessionStore
from meterlab.units import format_si, localise

#: The language of the report being written ("en" outside `write_report`).
_LANG: ContextVar[str] = ContextVar("meterlab_report_language", default="en")


def _t(key: str, **fields: object) -> str:
    """`key` in the current report's language."""
    return tr(key, _LANG.get(), **fields)


def _n(n: int) -> str:
    """A count with the thousands separator of the report's language (1,234 / 1.234 / 1 234)."""
    text = f"{n:,}"
    lang = _LANG.get()
    if lang == "nl":
        return text.replace(",", ".")
    if lang == "fr":
        return text.replace(",", "\u00a0")  # a no-break space (the report font has no narrow one)
    return text

FONT, BOLD, MONO = "MeterlabSans", "MeterlabSans-Bold", "Courier"
PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
BODY_W = PAGE_W - 2 * MARGIN

VERDICT_FILL = {
    Verdict.PASS: colors.HexColor("#C6EFCE"), Verdict.MARGINAL: colors.HexColor("#FFEB9C"),
    Verdict.INDETERMINATE: colors.HexColor("#FFEB9C"), Verdict.FAIL: colors.HexColor("#FFC7CE"),
    Verdict.OVERLOAD: colors.HexColor("#E4C7F0"), Verdict.ERROR: colors.HexColor("#D9D9D9"),
}
VERDICT_INK = {
    Verdict.PASS: colors.HexColor("#006100"), Verdict.MARGINAL: colors.HexColor("#7A4400"),
    Verdict.INDETERMINATE: colors.HexColor("#7A4400"), Verdict.FAIL: colors.HexColor("#9C0006"),
    Verdict.OVERLOAD: colors.HexColor("#5B1F73"), Verdict.ERROR: colors.HexColor("#3F3F3F"),
}
#: Below these counts a histogram has too few readings to show a shape, and Cp/Cpk are
#: too uncertain to print (a common rule of thumb asks for at least 30).
MIN_HISTOGRAM_N = 20
MIN_CAPABILITY_N = 30

INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#616E7C")
RULE = colors.HexColor("#CBD2D9")
LIMIT = colors.HexColor("#C62828")
TRACE = colors.HexColor("#1565C0")

_RULE_TEXT = {
    "simple": (
        "Simple acceptance (ILAC-G8:09/2019, zero guard band): a reading PASSES when it lies "
        "within the lower and upper limit, end points included, and FAILS otherwise. The "
        "measurement uncertainty is not subtracted from the tolerance, so a reading close to a "
        "limit carries a risk of false acceptance; MARGINAL marks readings inside the limits "
        "but outside the plan's warning band."),
    "guarded": (
        "Guarded acceptance (ILAC-G8:09/2019, guard band w = U): each reading is judged with "
        "the instrument's expanded uncertainty U (k = 2). It PASSES only when the whole "
        "interval value ± U lies within the limits, FAILS when it lies entirely outside, and "
        "is INDETERMINATE when the interval straddles a limit."),
}


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    import reportlab

    base = Path(reportlab.__file__).resolve().parent / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(base / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(base / "VeraBd.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=8.5, leading=11, textColor=INK)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5,
                                textColor=MUTED),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=16, leading=20),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=10.5, leading=14,
                             spaceBefore=8, spaceAfter=3),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "cellr": ParagraphStyle("cellr", parent=base, fontSize=8, leading=10, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", parent=base, fontName=BOLD, fontSize=8, leading=10),
        "mono": ParagraphStyle("mono", parent=base, fontName=MONO, fontSize=7.5, leading=9.5),
    }


def _p(text: Any, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape("" if text is None else str(text)), style)


def _si(value: float | None, unit: str, digits: int = 4) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    return format_si(value, unit, digits, _LANG.get())


def _utc(text: str | None) -> str:
    if not text:
        return "—"
    return text.replace("T", " ").replace("Z", " UTC")


# -- the numbers behind the table of checks --------------------------------------------------


def check_rows(info: SessionInfo, stats: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per check: the recorded result when the run judged one, else the readings'
    mean and their worst verdict."""
    results = {r.check_id: r for r in info.results}
    by_check = {s["check"]: s for s in stats}
    order = list(dict.fromkeys([c.check_id for c in info.checks] + list(by_check)
                               + list(results)))
    limits = {c.check_id: c for c in info.checks}
    rows = []
    for cid in order:
        lim, s, r = limits.get(cid), by_check.get(cid), results.get(cid)
        unit = (lim.unit if lim else "") or (s["unit"] if s else "")
        if r is not None:
            value, verdict, n, over = r.value, r.verdict, r.n, r.overload
            how = r.note
        elif s is not None:
            judged = [Verdict[k] for k, c in (s["counts"] or {}).items() if c]
            value, n, over = s["mean"], s["n"], s["overloads"] == s["n"]
            verdict = max(judged) if judged else None
            how = _t("mean of readings") if n > 1 else ""
        else:
            value, verdict, n, over, how = None, None, 0, False, _t("not measured")
        rows.append({"check": cid, "title": lim.title if lim else "", "unit": unit,
                     "function": lim.function if lim else (s and ""), "limit": lim,
                     "value": value, "verdict": verdict, "n": n, "overload": over, "how": how,
                     "stats": s, "cal_expired": bool(r.cal_expired) if r else False})
    return rows


# -- plots ------------------------------------------------------------------------------------


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """Round tick values (1-2-5 steps) covering lo..hi."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return []
    if hi <= lo:
        span = abs(lo) * 0.01 or 1.0
        lo, hi = lo - span, hi + span
    raw = (hi - lo) / max(n, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.ceil(lo / step - 1e-9) * step
    return [first + i * step for i in range(int((hi - first) / step + 1e-9) + 1)]


def _envelope(x: np.ndarray, y: np.ndarray, buckets: int
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Min, max and mean per slice of consecutive readings, so a dense series reads as a
    band with its centre line and every spike still reaches the band's edge."""
    edges = np.linspace(0, len(x), buckets + 1).astype(int)
    starts = edges[:-1]
    lo = np.minimum.reduceat(y, starts)
    hi = np.maximum.reduceat(y, starts)
    mean = np.add.reduceat(y, starts) / np.diff(edges)
    mid = np.array([x[(a + b - 1) // 2] for a, b in itertools.pairwise(edges.tolist())])
    return lo, hi, mean, mid


def _y_range(values: np.ndarray, lim: Any) -> tuple[float, float]:
    pts = list(values[np.isfinite(values)])
    if lim is not None:
        pts += [v for v in (lim.lower, lim.upper, lim.nominal) if v is not None
                and math.isfinite(v)]
    lo, hi = (min(pts), max(pts)) if pts else (0.0, 1.0)
    pad = (hi - lo) * 0.08 or (abs(hi) * 0.01 or 1.0)
    return lo - pad, hi + pad


def trend_drawing(t: np.ndarray, v: np.ndarray, lim: Any, unit: str, w: float, h: float,
                  ) -> Drawing:
    d = Drawing(w, h)
    left, bottom, right, top = 46, 30, 6, 14
    pw, ph = w - left - right, h - bottom - top
    d.add(String(left, h - 10, _t("Trend"), fontName=BOLD, fontSize=7.5, fillColor=INK))
    ok = np.isfinite(v)
    lo, hi = _y_range(v, lim)
    ticks = [y for y in nice_ticks(lo, hi, 5) if lo <= y <= hi]
    t0 = float(t[0]) if len(t) else 0.0
    span = float(t[-1] - t0) if len(t) > 1 else 1.0
    span = span or 1.0

    def px(x: float) -> float:
        return left + (x - t0) / span * pw

    def py(y: float) -> float:
        return bottom + (y - lo) / (hi - lo) * ph

    d.add(Rect(left, bottom, pw, ph, strokeColor=RULE, fillColor=None, strokeWidth=0.5))
    for y in ticks:
        d.add(Line(left, py(y), left + pw, py(y), strokeColor=RULE, strokeWidth=0.3))
        d.add(String(left - 3, py(y) - 2.5, _si(y, unit, 4), fontName=FONT, fontSize=6,
                     textAnchor="end", fillColor=MUTED))
    _limit_lines(d, lim, lambda y: py(y), left, left + pw, lo, hi, horizontal=True)
    tx, vy = t[ok], v[ok]
    buckets = max(int(pw / 1.5), 10)
    if len(tx) > 2 * buckets:
        lo_y, hi_y, mean_y, mid_x = _envelope(tx, vy, buckets)
        band = [c for x, y in zip(mid_x, hi_y, strict=True) for c in (px(x), py(y))]
        band += [c for x, y in zip(mid_x[::-1], lo_y[::-1], strict=True) for c in (px(x), py(y))]
        d.add(Polygon(band, fillColor=colors.HexColor("#BBDEFB"), strokeColor=None))
        pts = [c for x, y in zip(mid_x, mean_y, strict=True) for c in (px(x), py(y))]
        d.add(PolyLine(pts, strokeColor=TRACE, strokeWidth=0.8))
        note = _t("band: min–max per time slice, line: mean")
    else:
        note = ""
        if len(tx) > 1:
            pts = [c for x, y in zip(tx, vy, strict=True) for c in (px(x), py(y))]
            d.add(PolyLine(pts, strokeColor=TRACE, strokeWidth=0.6))
        if len(tx) <= 60:
            for x, y in zip(tx, vy, strict=True):
                d.add(Rect(px(x) - 1.1, py(y) - 1.1, 2.2, 2.2, fillColor=TRACE, strokeColor=None))
    n_bad = int((~ok).sum())
    for x in t[~ok][:200]:
        d.add(Line(px(x), bottom + ph - 4, px(x), bottom + ph, strokeColor=VERDICT_INK[
            Verdict.OVERLOAD], strokeWidth=0.6))
    if len(t) > 1:
        for x, anchor in ((t0, "start"), (t0 + span, "end")):
            stamp = dt.datetime.fromtimestamp(x, dt.UTC).strftime("%H:%M:%S")
            d.add(String(px(x), bottom - 8, stamp, fontName=FONT, fontSize=6, textAnchor=anchor,
                         fillColor=MUTED))
        label = _t("time (UTC), {span} from first to last reading", span=_si(span, "s", 3))
    else:
        label = _t("a single reading")
    d.add(String(left, 11, label, fontName=FONT, fontSize=6, fillColor=MUTED))
    extras = [x for x in (note, f"{n_bad} overload/error ticked at top" if n_bad else "") if x]
    if extras:
        d.add(String(left, 3, "; ".join(extras), fontName=FONT, fontSize=6, fillColor=MUTED))
    return d


def _limit_lines(d: Drawing, lim: Any, pos: Any, a: float, b: float, lo: float, hi: float,
                 *, horizontal: bool) -> None:
    if lim is None:
        return
    for value, dash, colour in ((lim.lower, None, LIMIT), (lim.upper, None, LIMIT),
                                (lim.nominal, (2, 2), MUTED)):
        if value is None or not math.isfinite(value) or not lo <= value <= hi:
            continue
        p = pos(value)
        line = Line(a, p, b, p) if horizontal else Line(p, a, p, b)
        line.strokeColor = colour
        line.strokeWidth = 0.8
        if dash:
            line.strokeDashArray = dash
        d.add(line)


def histogram_drawing(v: np.ndarray, lim: Any, unit: str, w: float, h: float) -> Drawing:
    d = Drawing(w, h)
    left, bottom, right, top = 8, 30, 8, 14
    pw, ph = w - left - right, h - bottom - top
    d.add(String(left, h - 10, "Distribution", fontName=BOLD, fontSize=7.5, fillColor=INK))
    good = v[np.isfinite(v)]
    lo, hi = _y_range(good, lim)
    bins = int(min(40, max(8, math.sqrt(max(len(good), 1)))))
    counts, edges = np.histogram(good, bins=bins, range=(lo, hi))
    top_count = max(int(counts.max()) if counts.size else 1, 1)

    def px(x: float) -> float:
        return left + (x - lo) / (hi - lo) * pw

    d.add(Line(left, bottom, left + pw, bottom, strokeColor=RULE, strokeWidth=0.5))
    for c, a, b in zip(counts, edges[:-1], edges[1:], strict=True):
        if c:
            d.add(Rect(px(a), bottom, max(px(b) - px(a) - 0.4, 0.3), c / top_count * ph,
                       fillColor=colors.HexColor("#90CAF9"), strokeColor=None))
    _limit_lines(d, lim, px, bottom, bottom + ph, lo, hi, horizontal=False)
    for x in [x for x in nice_ticks(lo, hi, 3) if lo <= x <= hi]:
        d.add(String(px(x), bottom - 8, _si(x, unit, 3), fontName=FONT, fontSize=6,
                     textAnchor="middle", fillColor=MUTED))
    d.add(String(left, 11, "red: limits · dashed: nominal", fontName=FONT, fontSize=6,
                 fillColor=MUTED))
    return d


# -- the document -----------------------------------------------------------------------------


class _NumberedCanvas(rl_canvas.Canvas):
    """Writes "page n of N" and the footer once the page count is known."""

    footer: tuple[str, str] = ("", "")
    lang: str = "en"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._footer(total)
            super().showPage()
        super().save()

    def _footer(self, total: int) -> None:
        left, right = self.footer
        self.setFont(FONT, 6.5)
        self.setFillColor(MUTED)
        self.setStrokeColor(RULE)
        self.line(MARGIN, 12 * mm, PAGE_W - MARGIN, 12 * mm)
        self.drawString(MARGIN, 8.5 * mm, left)
        self.drawRightString(PAGE_W - MARGIN, 8.5 * mm,
                             right + tr("page {n} of {total}", self.lang,
                                        n=self._pageNumber, total=total))


def conclusion(info: SessionInfo, rows: list[dict[str, Any]]) -> tuple[str, Verdict | None, str]:
    """(word, colour verdict, detail) for the badge. The word is the outcome stored with
    the session (decided once when it finished, see meterlab.outcome), never decided here;
    the detail counts the checks behind it. A log without a plan has no outcome."""
    counts: dict[str, int] = {}
    for r in rows:
        key = r["verdict"].name.lower() if r["verdict"] is not None else "not measured"
        counts[key] = counts.get(key, 0) + 1
    order = [v.name.lower() for v in sorted(Verdict, reverse=True)] + ["not measured"]
    detail = ", ".join(f"{counts[k]} {_t(k)}" for k in order if k in counts) or _t("no checks")
    if info.outcome is None:
        return _t("NO OUTCOME"), None, _t("a log of readings, no plan")
    return _outcome_word(info.outcome), info.outcome.colour_verdict, detail


def _outcome_word(outcome: Any) -> str:
    """The unit outcome word in the report's language (the GUI's word for it)."""
    word = str(outcome)
    return word if _LANG.get() == "en" else _t(f"outcome:{word}")


def _outcome_text(info: SessionInfo) -> str:
    """The stored outcome in words, with where it comes from."""
    if info.outcome is None:
        return _t("none: a log of readings without a plan")
    if info.chain_version < 2:
        return (f"{info.outcome} — recorded before outcomes were stored; given once by the "
                f"outcome rule from the recorded results when the database was upgraded")
    return _t("{outcome} — decided when the session finished; part of its hash chain",
              outcome=_outcome_word(info.outcome))


class _Badge(Flowable):
    """The overall conclusion as a large coloured word (the word is the message)."""

    def __init__(self, word: str, verdict: Verdict | None, detail: str,
                 w: float = 52 * mm, h: float = 17 * mm) -> None:
        super().__init__()
        self.word, self.verdict, self.detail = word, verdict, detail
        self.width, self.height = w, h

    def draw(self) -> None:
        c = self.canv
        v = self.verdict
        fill = VERDICT_FILL[v] if v is not None else colors.white
        ink = VERDICT_INK[v] if v is not None else MUTED
        c.setFillColor(fill)
        c.setStrokeColor(ink)
        c.setLineWidth(1.2)
        c.roundRect(0, 0, self.width, self.height, 3, fill=1, stroke=1)
        c.setFillColor(ink)
        c.setFont(BOLD, 17)
        c.drawCentredString(self.width / 2, self.height / 2 + 0.5, self.word)
        c.setFont(FONT, 6.5)
        c.drawCentredString(self.width / 2, 5.2 * mm, _t("unit outcome"))
        c.drawCentredString(self.width / 2, 2.2 * mm,
                            _t("checks: {detail}", detail=self.detail)[:60])


def _grid(data: list[list[Any]], widths: Sequence[float], *, header: bool = True,
          extra: list[tuple[Any, ...]] | None = None) -> Table:
    t = Table(data, colWidths=list(widths), repeatRows=1 if header else 0)
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEF2F6")),
                  ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED)]
    t.setStyle(TableStyle(style + (extra or [])))
    return t


def _session_story(store: SessionStore, info: SessionInfo, st: dict[str, ParagraphStyle],
                   frame: Any, streamed: dict[str, list[dict[str, Any]]] | None = None
                   ) -> list[Any]:
    stats = streamed[info.id] if streamed is not None else check_statistics(info, frame)
    rows = check_rows(info, stats)
    story: list[Any] = []
    heading = Table([[
        [_p(_t("Measurement report"), st["title"]),
         _p(f"{info.plan_name or _t('Ad-hoc measurement')}"
            f"{_t(' · version {v}', v=info.plan_version) if info.plan_version else ''}",
            st["base"]),
         _p(_t("Session {id}", id=info.id), st["small"])],
        _Badge(*conclusion(info, rows))]], colWidths=[BODY_W - 56 * mm, 56 * mm])
    heading.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                 ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
    story += [heading, Spacer(1, 4 * mm)]
    if info.status != "complete":
        why = ("the program stopped unexpectedly" if info.status == "incomplete"
               else "it was stopped")
        story.append(_notice(
            f"This run is {info.status.upper()}: it ended before every check was done "
            f"({why}). The {info.n_readings:,} readings recorded up to then are reported "
            f"below and are intact.", st, Verdict.MARGINAL))

    dut = " ".join(x for x in (info.dut_type, info.dut_serial and f"s/n {info.dut_serial}") if x)
    kv = [
        (_t("Station"), info.station or "—"), (_t("Operator"), info.operator or "—"),
        (_t("Device under test"), dut or "—"), (_t("Start"), _utc(info.start_utc)),
        (_t("Plan"), f"{info.plan_name or '—'} "
                     f"{('v' + info.plan_version) if info.plan_version else ''}"),
        (_t("End"), _utc(info.end_utc)),
        (_t("Decision rule"), info.rule),
        (_t("Software"), f"meterlab {info.meterlab_version}"),
    ]
    cells = []
    for i in range(0, len(kv), 2):
        row: list[Any] = []
        for k, v in kv[i:i + 2]:
            row += [_p(k, st["head"]), _p(v, st["cell"])]
        cells.append(row)
    cells.append([_p(_t("Plan SHA-256"), st["head"]), _p(info.plan_sha256 or "—", st["mono"]),
                  "", ""])
    cells.append([_p(_t("Unit outcome"), st["head"]), _p(_outcome_text(info), st["cell"]),
                  "", ""])
    t = _grid(cells, [31 * mm, BODY_W / 2 - 31 * mm, 22 * mm, BODY_W / 2 - 22 * mm],
              header=False, extra=[("SPAN", (1, k), (3, k)) for k in (len(cells) - 2,
                                                                      len(cells) - 1)])
    story += [t]
    if info.notes:
        story += [Spacer(1, 2), _p(_t("Notes: {notes}", notes=info.notes), st["small"])]

    story.append(_p(_t("Instruments"), st["h2"]))
    inst_rows = [[_p(_t(h), st["head"]) for h in ("Role", "Instrument", "Serial", "Firmware",
                                                  "Calibration due")]]
    extra: list[tuple[Any, ...]] = []
    for k, inst in enumerate(info.instruments, 1):
        due = inst.cal_due or _t("not in station file")
        if inst.cal_expired:
            due += "  " + _t("EXPIRED")
            extra += [("BACKGROUND", (4, k), (4, k), VERDICT_FILL[Verdict.FAIL]),
                      ("TEXTCOLOR", (4, k), (4, k), VERDICT_INK[Verdict.FAIL])]
        inst_rows.append([_p(inst.role, st["cell"]),
                          [_p(f"{inst.maker} {inst.model}", st["cell"]),
                           _p(inst.resource, st["small"])],
                          _p(inst.serial, st["cell"]), _p(inst.firmware, st["cell"]),
                          _p(due, st["cell"])])
    if not info.instruments:
        inst_rows.append([_p(_t("No instrument identity was recorded for this session."),
                             st["small"]), "", "", "", ""])
        extra.append(("SPAN", (0, 1), (-1, 1)))
    story.append(_grid(inst_rows, [16 * mm, 62 * mm, 32 * mm, 34 * mm, BODY_W - 144 * mm],
                       extra=extra))
    expired = [i for i in info.instruments if i.cal_expired]
    if expired or info.cal_expired:
        names = ", ".join(f"{i.maker} {i.model} s/n {i.serial}" for i in expired) or "an instrument"
        story.append(Spacer(1, 3))
        story.append(_notice(
            f"{names} was past its calibration-due date when this session started. Every "
            f"reading it produced is marked (column 'calibration expired' in the exports); "
            f"treat its verdicts as indicative only.", st, Verdict.FAIL))

    story.append(_p(_t("Decision rule"), st["h2"]))
    story.append(_p(_rule_text(info.rule), st["base"]))

    story.append(_p(_t("Checks"), st["h2"]))
    story.append(_checks_table(rows, st))
    counts = ", ".join(f"{_n(n)} {_t(k.lower())}" for k, n in info.counts.items() if n)
    story.append(Spacer(1, 2))
    story.append(_p(_t("{n} readings recorded", n=_n(info.n_readings))
                    + (f": {counts}." if counts else "."), st["small"]))

    repeated = [r for r in rows if r["stats"] is not None and r["stats"]["n"] > 1]
    if repeated:
        story.append(CondPageBreak(60 * mm))
        for k, r in enumerate(repeated):
            block = _plot_block(r, st)
            if k == 0:  # the heading stays with its first plot
                block.insert(0, _p(_t("Trends and distributions"), st["h2"]))
            story.append(KeepTogether(block))

    story.append(CondPageBreak(70 * mm))
    story.append(_p(_t("Integrity"), st["h2"]))
    english = _LANG.get() == "en"
    if info.final_hash:
        story.append(_p("Every record of this session is chained with SHA-256; the final hash "
                        "below changes if any stored value, verdict or detail is altered. "
                        f"Confirm it with: meterlab verify {info.short_id}" if english
                        else _t("integrity", id=info.short_id), st["base"]))
        story.append(Spacer(1, 2))
        story.append(_p(_t("Final hash (SHA-256): {hash}", hash=info.final_hash), st["mono"]))
    else:
        story.append(_p("This session was still being recorded when the report was made, so it "
                        "has no final hash yet." if english else _t("no final hash"),
                        st["base"]))
    story.append(Spacer(1, 10 * mm))
    story.append(_signatures(st))
    return story


def _rule_text(rule: str) -> str:
    """The decision rule explained in the report's language."""
    if _LANG.get() != "en" and rule in _RULE_TEXT:
        return _t(f"rule:{rule}")
    return _RULE_TEXT.get(rule, f"{_t('Decision rule')}: {rule}.")


def _notice(text: str, st: dict[str, ParagraphStyle], v: Verdict) -> Table:
    t = Table([[_p(text, st["cell"])]], colWidths=[BODY_W])
    t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), VERDICT_FILL[v]),
                           ("BOX", (0, 0), (-1, -1), 0.8, VERDICT_INK[v]),
                           ("TOPPADDING", (0, 0), (-1, -1), 4),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return t


def _limits_text(lim: Any) -> str:
    if lim is None:
        return "—"
    lo = _si(lim.lower, lim.unit) if lim.lower is not None and math.isfinite(lim.lower) else ""
    hi = _si(lim.upper, lim.unit) if lim.upper is not None and math.isfinite(lim.upper) else ""
    if lo and hi:
        return f"{lo} … {hi}"
    return f"≥ {lo}" if lo else (f"≤ {hi}" if hi else "—")


def _checks_table(rows: list[dict[str, Any]], st: dict[str, ParagraphStyle]) -> Table:
    head = ["Check", "Nominal", "Limits", "Value", "Verdict", "Readings"]
    data: list[list[Any]] = [[_p(_t(h), st["head"]) for h in head]]
    extra: list[tuple[Any, ...]] = []
    for k, r in enumerate(rows, 1):
        lim = r["limit"]
        title = [_p(r["check"] or _t("(no check)"), st["head"])]
        if r["title"] or lim is not None:
            title.append(_p(" · ".join(x for x in (r["title"], lim.function if lim else "",
                                                   _t("limit {text}", text=localise(
                                                       lim.limit_text, _LANG.get()))
                                                   if lim else "")
                                       if x), st["small"]))
        value = _t("OVERLOAD") if r["overload"] else _si(r["value"], r["unit"], 5)
        val_cell = [_p(value, st["cell"])]
        if r["how"]:
            val_cell.append(_p(r["how"], st["small"]))
        v = r["verdict"]
        data.append([title, _p(_si(lim.nominal, lim.unit) if lim else "—", st["cell"]),
                     _p(_limits_text(lim), st["cell"]), val_cell,
                     _p(_t(v.name) if v is not None else _t("not judged"), st["head"]),
                     _reading_counts(r, st)])
        if v is not None:
            extra += [("BACKGROUND", (4, k), (4, k), VERDICT_FILL[v])]
    return _grid(data, [50 * mm, 20 * mm, 36 * mm, 26 * mm, 22 * mm, BODY_W - 154 * mm],
                 extra=extra)


def _reading_counts(r: dict[str, Any], st: dict[str, ParagraphStyle]) -> list[Any]:
    """How many readings stand behind the row, and how they were judged one by one."""
    s = r["stats"]
    if s is None:
        return [_p(_n(r["n"]) if r["n"] else "—", st["cell"])]
    parts = [f"{_n(n)} {_t(k.lower())}" for k, n in (s["counts"] or {}).items() if n]
    out = [_p(_n(s["n"]), st["cell"])]
    if parts:
        out.append(_p(", ".join(parts), st["small"]))
    return out


def _plot_block(r: dict[str, Any], st: dict[str, ParagraphStyle]) -> list[Any]:
    s = r["stats"]
    lim = r["limit"]
    unit = r["unit"]
    t, v = s["t"], s["values"]
    head = f"{r['check']}" + (f" — {r['title']}" if r["title"] else "")
    lang = _LANG.get()
    figures = [f"n = {_n(s['n'])}", _t("mean {x}", x=_si(s["mean"], unit, 5)),
               _t("std dev {x}", x=_si(s["std"], unit, 3)),
               _t("min {x}", x=_si(s["min"], unit, 5)), _t("max {x}", x=_si(s["max"], unit, 5))]
    if s["cp"] is not None and s["n_valid"] >= MIN_CAPABILITY_N:
        figures += [localise(f"Cp {s['cp']:.2f}", lang), localise(f"Cpk {s['cpk']:.2f}", lang)]
    elif s["cp"] is not None:
        figures.append(_t("Cp/Cpk need ≥ {n} readings", n=MIN_CAPABILITY_N))
    if s["overloads"] or s["errors"]:
        figures.append(f"{s['overloads']} {_t('overload')}, {s['errors']} {_t('error')}")
    if s["n_valid"] >= MIN_HISTOGRAM_N:
        w1, w2, h = BODY_W * 0.62, BODY_W * 0.38, 48 * mm
        plots = Table([[trend_drawing(t, v, lim, unit, w1, h),
                        histogram_drawing(v, lim, unit, w2, h)]], colWidths=[w1, w2])
    else:  # a handful of readings: every point on the trend says more than bars would
        plots = Table([[trend_drawing(t, v, lim, unit, BODY_W * 0.62, 40 * mm)]],
                      colWidths=[BODY_W])
    plots.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [_p(head, st["head"]), _p("  ·  ".join(figures), st["small"]), plots,
            Spacer(1, 3 * mm)]


def _signatures(st: dict[str, ParagraphStyle]) -> Table:
    line = "_" * 34
    name, date, sign = _t("Name"), _t("Date"), _t("Signature")
    data = [[_p(_t("Measured by"), st["head"]), "",
             _p(_t("Reviewed / approved (quality)"), st["head"])],
            [_p(f"{name}  {line}", st["cell"]), "", _p(f"{name}  {line}", st["cell"])],
            [_p(f"{date}  {line}", st["cell"]), "", _p(f"{date}  {line}", st["cell"])],
            [_p(f"{sign}  {line[:-5]}", st["cell"]), "",
             _p(f"{sign}  {line[:-5]}", st["cell"])]]
    t = Table(data, colWidths=[BODY_W * 0.45, BODY_W * 0.1, BODY_W * 0.45])
    t.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 6),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([t])


def units_drawing(labels: list[str], values: list[float | None],
                  verdicts: list[Verdict | None], lim: Any, unit: str, w: float, h: float,
                  ) -> Drawing:
    """One check across sessions (units), in recording order: each point is that session's
    result, coloured by its verdict; the limits as red lines."""
    d = Drawing(w, h)
    left, bottom, right, top = 46, 24, 8, 6
    pw, ph = w - left - right, h - bottom - top
    v = np.array([np.nan if x is None else x for x in values], dtype=float)
    lo, hi = _y_range(v, lim)

    def px(i: int) -> float:
        return left + (i + 0.5) / max(len(values), 1) * pw

    def py(y: float) -> float:
        return bottom + (y - lo) / (hi - lo) * ph

    d.add(Rect(left, bottom, pw, ph, strokeColor=RULE, fillColor=None, strokeWidth=0.5))
    for y in [y for y in nice_ticks(lo, hi, 5) if lo <= y <= hi]:
        d.add(Line(left, py(y), left + pw, py(y), strokeColor=RULE, strokeWidth=0.3))
        d.add(String(left - 3, py(y) - 2.5, _si(y, unit, 4), fontName=FONT, fontSize=6,
                     textAnchor="end", fillColor=MUTED))
    _limit_lines(d, lim, py, left, left + pw, lo, hi, horizontal=True)
    pts = [(px(i), py(y)) for i, y in enumerate(v) if np.isfinite(y)]
    if len(pts) > 1:
        d.add(PolyLine([c for p in pts for c in p], strokeColor=RULE, strokeWidth=0.6))
    for i, y in enumerate(v):
        if np.isfinite(y):
            ink = VERDICT_INK.get(verdicts[i], TRACE) if verdicts[i] is not None else TRACE
            d.add(Rect(px(i) - 1.6, py(y) - 1.6, 3.2, 3.2, fillColor=ink, strokeColor=None))
    step = max(1, len(labels) // 8)
    for i in range(0, len(labels), step):
        d.add(String(px(i), bottom - 8, labels[i][:14], fontName=FONT, fontSize=5.5,
                     textAnchor="middle", fillColor=MUTED))
    d.add(String(left, 3, "sessions in recording order, labelled by DUT serial; point colour = "
                 "verdict", fontName=FONT, fontSize=6, fillColor=MUTED))
    return d


def _overview_story(infos: list[SessionInfo], st: dict[str, ParagraphStyle],
                    frame: Any, streamed: dict[str, list[dict[str, Any]]] | None = None
                    ) -> list[Any]:
    """First page of a multi-session report: every session in one table, then each check
    across units, so a drift from unit to unit shows before any single report is read."""
    per_session = [(info, check_rows(info, streamed[info.id] if streamed is not None
                                     else check_statistics(info, frame))) for info in infos]
    story: list[Any] = [
        _p(_t("Measurement sessions — overview"), st["title"]),
        _p(_t("{n} sessions, {first} to {last}", n=len(infos), first=_utc(infos[0].start_utc),
              last=_utc(infos[-1].start_utc)), st["base"]),
        Spacer(1, 4 * mm)]
    head = ["Start", "DUT", "Operator", "Plan", "Status", "Result", "Session"]
    data: list[list[Any]] = [[_p(_t(h) if h != "Session" else _t("Session {id}", id="").strip(),
                                 st["head"]) for h in head]]
    extra: list[tuple[Any, ...]] = []
    for k, (info, rows) in enumerate(per_session, 1):
        word, colour, detail = conclusion(info, rows)
        data.append([_p(_utc(info.start_utc)[:16], st["cell"]),
                     _p(" ".join(x for x in (info.dut_type, info.dut_serial) if x) or "—",
                        st["cell"]),
                     _p(info.operator or "—", st["cell"]),
                     _p(f"{info.plan_name} {info.plan_version}".strip() or "—", st["cell"]),
                     _p(info.status + (" · cal expired" if info.cal_expired else ""),
                        st["cell"]),
                     [_p(word, st["head"]), _p(detail, st["small"])],
                     _p(info.short_id, st["mono"])])
        if colour is not None:
            extra.append(("BACKGROUND", (5, k), (5, k), VERDICT_FILL[colour]))
    story.append(_grid(data, [24 * mm, 34 * mm, 22 * mm, 32 * mm, 20 * mm, 24 * mm,
                              BODY_W - 156 * mm], extra=extra))
    checks: dict[str, list[tuple[SessionInfo, dict[str, Any]]]] = {}
    for info, rows in per_session:
        for r in rows:
            if r["value"] is not None and not (isinstance(r["value"], float)
                                               and math.isnan(r["value"])):
                checks.setdefault(r["check"], []).append((info, r))
    shown = {cid: entries for cid, entries in checks.items() if len(entries) > 1}
    if shown:
        story.append(_p(_t("Across units"), st["h2"]))
    for cid, entries in shown.items():
        first = entries[0][1]
        unit = first["unit"]
        values = [r["value"] for _, r in entries]
        block = [_p(f"{cid}" + (f" — {first['title']}" if first["title"] else "")
                    + _t("  ({n} sessions)", n=len(entries)), st["head"]),
                 units_drawing([i.dut_serial or i.short_id for i, _ in entries], values,
                               [r["verdict"] for _, r in entries], first["limit"], unit,
                               BODY_W, 40 * mm),
                 Spacer(1, 2 * mm)]
        story.append(KeepTogether(block))
    return story


def write_report(store: SessionStore, session_ids: Sequence[str], path: str | Path,
                 lang: str | None = "en") -> None:
    """Write the report for one or more sessions (each starting on a new page) to `path`.

    `lang` is "en", "nl" or "fr"; None follows the system language (LANG).
    """
    token = _LANG.set(resolve_language(lang))
    try:
        _write_report(store, session_ids, path)
    finally:
        _LANG.reset(token)


def _write_report(store: SessionStore, session_ids: Sequence[str], path: str | Path) -> None:
    _register_fonts()
    st = _styles()
    ids = [store.resolve(s) for s in session_ids]
    infos = [store.session(i) for i in ids]
    # Statistics from running sums and plots from a decimated copy, one pass per session
    # over the store: the report's memory does not grow with the session.
    from meterlab.export_stream import check_statistics_stream

    streamed = {info.id: check_statistics_stream(store, info) for info in infos}
    story: list[Any] = []
    if len(infos) > 1:
        story += _overview_story(infos, st, None, streamed)
    for info in infos:
        if story:
            story.append(PageBreak())
        story += _session_story(store, info, st, None, streamed)
    first = infos[0]
    made = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    if len(infos) == 1:
        left = (f"meterlab {__version__} · session {first.id} · final SHA-256 "
                f"{(first.final_hash or 'not closed')[:16]}…")
    else:
        left = f"meterlab {__version__} · {len(infos)} sessions"
    canvas_cls = type("_Canvas", (_NumberedCanvas,),
                      {"footer": (left, _t("printed {when} · ", when=made)), "lang": _LANG.get()})
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=18 * mm,
                            title=f"Measurement report {first.plan_name} "
                                  f"{first.dut_serial}".strip(),
                            author=first.operator or "meterlab", subject=f"session {first.id}",
                            keywords=[f"outcome {i.outcome or 'none'}" for i in infos],
                            creator=f"meterlab {__version__}")
    doc.build(story, canvasmaker=canvas_cls)
