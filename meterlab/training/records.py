"""Trainees' records from the session store: a class overview (XLSX) and a trainee's record (PDF).

Everything here is read back from sessions of kind "exercise" (see session.py),
so the exports show exactly what was recorded inside the hash chain: the best
score per trainee and exercise, the competency-9 parts covered, and how often
each mistake was made. Heavy imports (openpyxl, reportlab) happen only here.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from meterlab.training.codes import MISTAKES
from meterlab.training.format import SKILLS


@dataclass(frozen=True)
class AttemptRecord:
    session: str
    date: str
    trainee: str
    exercise: str
    seed: int | None
    score: int
    max: int
    status: str
    skills: tuple[int, ...] = ()
    mistakes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def full_marks(self) -> bool:
        return self.max > 0 and self.score == self.max


def attempts(store: Any, trainee: str | None = None) -> list[AttemptRecord]:
    """Every recorded exercise attempt (of one trainee, ignoring case), oldest first."""
    out = []
    for s in store.sessions(operator=trainee or None):
        if s.kind != "exercise":
            continue
        notes = _json(s.notes)
        score = next((r for r in s.results if r.check_id == "score"), None)
        summary = _json(score.note) if score is not None else {}
        steps = [r for r in s.results if r.check_id != "score"]
        mistakes = summary.get("mistakes")
        if mistakes is None:  # an attempt cut short: count what its steps recorded
            mistakes = [c for r in steps for c in _json(r.note).get("mistakes", [])]
        top = summary.get("max", sum(int(c.nominal or 0) for c in s.checks))
        out.append(AttemptRecord(
            session=s.id, date=s.start_utc[:10], trainee=s.operator, exercise=s.plan_name,
            seed=notes.get("seed"), score=int(summary.get("score", 0)), max=int(top),
            status=s.status, skills=tuple(notes.get("skills", ())),
            mistakes=tuple(str(m) for m in mistakes)))
    return out


def _json(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def neutralise(text: Any) -> str:
    """Text a spreadsheet shows, never runs (a trainee called "=1+1" stays text).

    The same rule as meterlab.export's, kept here so the class overview does not
    import pandas.
    """
    s = "" if text is None else str(text)
    return "'" + s if s.startswith(("=", "+", "-", "@", "\t", "\r")) else s


def mistake_counts(records: list[AttemptRecord]) -> Counter[str]:
    return Counter(m for r in records for m in r.mistakes)


def skills_covered(records: list[AttemptRecord]) -> dict[int, tuple[int, int]]:
    """Per competency-9 part: (exercises done with full marks, exercises tried)."""
    tried: dict[int, set[str]] = {k: set() for k in SKILLS}
    mastered: dict[int, set[str]] = {k: set() for k in SKILLS}
    for r in records:
        for k in r.skills:
            if k in tried:
                tried[k].add(r.exercise)
                if r.full_marks:
                    mastered[k].add(r.exercise)
    return {k: (len(mastered[k]), len(tried[k])) for k in SKILLS}


# --- the class overview ---------------------------------------------------------------------


def write_class_xlsx(records: list[AttemptRecord], path: str | Path) -> None:
    """Trainees × exercises (best score), mistakes per trainee, and every attempt."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    bold = Font(bold=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "Class"
    trainees = sorted({r.trainee for r in records}, key=str.casefold)
    exercises = sorted({r.exercise for r in records})
    ws.append(["Trainee", *exercises, "Attempts"])
    for t in trainees:
        mine = [r for r in records if r.trainee == t]
        row: list[Any] = [neutralise(t or "—")]
        for ex in exercises:
            done = [r for r in mine if r.exercise == ex]
            best = max(done, key=lambda r: r.score, default=None)
            row.append(f"{best.score}/{best.max}" if best else "")
        row.append(len(mine))
        ws.append(row)
    mistakes = ws.parent.create_sheet("Mistakes")
    codes = list(MISTAKES)
    mistakes.append(["Trainee", *codes])
    for t in trainees:
        counts = mistake_counts([r for r in records if r.trainee == t])
        mistakes.append([neutralise(t or "—"), *(counts.get(c, 0) for c in codes)])
    total = mistake_counts(records)
    mistakes.append(["Class", *(total.get(c, 0) for c in codes)])
    log = ws.parent.create_sheet("Attempts")
    log.append(["Date", "Trainee", "Exercise", "Seed", "Score", "Max", "Status", "Mistakes",
                "Session"])
    for r in records:
        log.append([r.date, neutralise(r.trainee), neutralise(r.exercise), r.seed, r.score,
                    r.max, r.status, " ".join(r.mistakes), r.session])
    for sheet in (ws, mistakes, log):
        for cell in sheet[1]:
            cell.font = bold
        sheet.freeze_panes = "B2"
    wb.save(str(path))


# --- one trainee's record -------------------------------------------------------------------

_FONT, _BOLD = "MeterlabTrainingSans", "MeterlabTrainingSans-Bold"


def _fonts() -> None:
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if _FONT in pdfmetrics.getRegisteredFontNames():
        return
    base = Path(reportlab.__file__).resolve().parent / "fonts"  # Vera: Ω, ², µ
    pdfmetrics.registerFont(TTFont(_FONT, str(base / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(_BOLD, str(base / "VeraBd.ttf")))


def write_trainee_pdf(records: list[AttemptRecord], trainee: str, path: str | Path,
                      titles: dict[str, str] | None = None) -> None:
    """A trainee's record: competency-9 parts covered, every attempt with date and score."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _fonts()
    base = ParagraphStyle("b", fontName=_FONT, fontSize=9, leading=12)
    head = ParagraphStyle("h", parent=base, fontName=_BOLD, fontSize=15, leading=19)
    h2 = ParagraphStyle("h2", parent=base, fontName=_BOLD, fontSize=11, leading=15,
                        spaceBefore=8, spaceAfter=4)
    mine = [r for r in records if r.trainee.casefold() == trainee.casefold()]
    titles = titles or {}

    def table(rows: list[list[str]], widths: list[float]) -> Table:
        t = Table([[Paragraph(escape(str(c)), base) for c in row] for row in rows],
                  colWidths=[w * mm for w in widths], repeatRows=1)
        t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E4E7EB")),
                               ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#CBD2D9")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return t

    story: list[Any] = [Paragraph(escape(f"Training record — {trainee}"), head),
                        Paragraph("Competency 9 “uses measuring instruments” (Technicus IoT). "
                                  f"{len(mine)} attempt(s) recorded by meterlab.", base),
                        Paragraph("Parts of competency 9", h2)]
    covered = skills_covered(mine)
    story.append(table([["Part", "Exercises with full marks / tried"]]
                       + [[f"{k}. {SKILLS[k]}", f"{a} / {b}"] for k, (a, b) in covered.items()],
                       [90, 80]))
    story += [Paragraph("Attempts", h2)]
    rows = [["Date", "Exercise", "Parts", "Score", "Mistakes"]]
    for r in mine:
        rows.append([r.date, titles.get(r.exercise, r.exercise),
                     ", ".join(str(k) for k in r.skills), f"{r.score}/{r.max}",
                     ", ".join(sorted(set(r.mistakes))) or "—"])
    story.append(table(rows, [22, 60, 16, 16, 60]))
    counts = mistake_counts(mine)
    if counts:
        story += [Paragraph("Mistakes made", h2),
                  table([["Code", "Times"]] + [[c, str(n)] for c, n in counts.most_common()],
                        [80, 20]), Spacer(1, 4 * mm)]
    doc = SimpleDocTemplate(str(path), pagesize=A4, title=f"Training record {trainee}",
                            leftMargin=18 * mm, rightMargin=18 * mm)
    doc.build(story)
