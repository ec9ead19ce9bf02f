"""The process statistics of a plan as a PDF for quality staff: the table and the charts.

The same figures `meterlab spc` prints (one row per check, or per check and station) and
the individuals / moving-range charts of `spc_chart` embedded as an image, laid out with
reportlab like the session report. Vera (shipped with reportlab) carries σ, µ and the
other symbols the table needs.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from meterlab.errors import StoreError

_FONT = "MeterlabSpcSans"


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if _FONT not in pdfmetrics.getRegisteredFontNames():
        import reportlab

        base = Path(reportlab.__file__).resolve().parent / "fonts"
        pdfmetrics.registerFont(TTFont(_FONT, str(base / "Vera.ttf")))
    return _FONT


def rows(stats: list[Any], by_station: bool) -> list[list[str]]:
    """The table `meterlab spc` prints, as text cells (header first)."""
    from meterlab.units import format_si

    def num(x: float | None, unit: str = "") -> str:
        if x is None:
            return "—"
        return format_si(x, unit) if unit else f"{x:.3f}"

    out = [["check", *(["station"] if by_station else []), "n", "mean", "σ", "Cp", "Cpk",
            "out of tol.", "overload", "out of control"]]
    for st in stats:
        s = st.series
        ooc = "—"
        if st.chart is not None:
            ooc = ", ".join(f"rule {r}: {len(p)}" for r, p in sorted(st.chart.signals.items())
                            if p) or "none"
        out.append([s.check_id, *([s.group or "—"] if by_station else []), str(st.count),
                    num(st.mean, s.limits.unit), num(st.std, s.limits.unit), num(st.cp),
                    num(st.cpk), "—" if st.frac_out is None else f"{100 * st.frac_out:.2f} %",
                    str(s.n_overload), ooc])
    return out


def write_pdf(stats: list[Any], path: str | Path, plan: str, source: str,
              by_station: bool) -> Path:
    """A PDF with the figures and, when any check has two readings, the control charts."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from meterlab.spc_chart import write_png

    font = _font()
    style = ParagraphStyle("spc", fontName=font, fontSize=9, leading=12)
    title = ParagraphStyle("spc-title", parent=style, fontSize=14, leading=18)
    out = Path(path)
    story: list[Any] = [
        Paragraph(f"Process statistics — plan {_esc(plan)}", title),
        Paragraph(f"From {_esc(source)}. σ: sample standard deviation; Cp and Cpk against each "
                  f"check's limits; control limits from the mean moving range / 1.128; "
                  f"out-of-control points by the Western Electric rules 1–4.", style),
        Spacer(1, 4 * mm)]
    table = Table(rows(stats, by_station), repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font),
                               ("FONTSIZE", (0, 0), (-1, -1), 7.5),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                               ("ALIGN", (2, 0), (-2, -1), "RIGHT")]))
    story += [table, Spacer(1, 6 * mm)]
    with tempfile.TemporaryDirectory() as tmp:
        charted = [s for s in stats if s.chart is not None]
        if charted:
            png = write_png(charted, Path(tmp) / "chart.png", plan)
            width = A4[0] - 30 * mm
            img = Image(str(png))
            img.drawHeight = width * img.imageHeight / img.imageWidth
            img.drawWidth = width
            story.append(img)
        try:
            SimpleDocTemplate(str(out), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                              title=f"meterlab spc {plan}").build(story)
        except OSError as exc:
            raise StoreError(f"Could not write {out}: {exc.strerror or exc}. The figures above "
                             f"are complete; choose another file.") from exc
    return out


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
