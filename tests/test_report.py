"""The PDF report: what it says (read back from its flowables) and that it renders."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest
from reportlab.platypus import KeepTogether, Paragraph, Table

from meterlab.export import check_statistics, export_sessions
from meterlab.outcome import Outcome
from meterlab.readings import ReadingBatch, Verdict
from meterlab.report import (
    _register_fonts,
    _session_story,
    _styles,
    check_rows,
    conclusion,
    nice_ticks,
)
from meterlab.store import SessionStore


def _texts(flowables) -> list[str]:
    """Every piece of text in a story, through tables and keep-togethers."""
    out: list[str] = []
    for f in flowables:
        if isinstance(f, Paragraph):
            out.append(f.getPlainText())
        elif isinstance(f, Table):
            for row in f._cellvalues:
                for cell in row:
                    out += _texts(cell if isinstance(cell, list) else [cell])
        elif isinstance(f, KeepTogether):
            out += _texts(f._content)
        elif isinstance(f, str):
            out.append(f)
    return out


@pytest.fixture
def session(tmp_path):
    store = SessionStore(tmp_path / "s.sqlite")
    w = store.begin(operator="Ann Peeters", station="Bench 3", dut_type="IoT node rev B",
                    dut_serial="SN-0042", plan_name="Final test", plan_version="1.2",
                    plan_sha256="ab" * 32, rule="guarded")
    w.add_instrument(role="dmm", resource="TCPIP::127.0.0.1::5025::SOCKET", maker="Keysight",
                     model="34465A", serial="MY59001234", firmware="A.03", cal_due="2001-03-01")
    w.add_check(check_id="3v3", title="3.3 V rail", function="VOLT:DC", unit="V",
                limit_text="3.3 V ±3 %", lower=3.201, upper=3.399, nominal=3.3)
    w.add_check(check_id="rth", title="Thermistor", function="RES", unit="Ω",
                limit_text="4.7 kΩ ±5 %", lower=4465.0, upper=4935.0, nominal=4700.0)
    w.add_check(check_id="idd", title="Supply current", function="CURR:DC", unit="A",
                limit_text="≤ 50 mA", lower=-np.inf, upper=0.05, nominal=None)
    v = np.array([3.30, 3.31, 3.29, 3.30, 3.32])
    w.append(ReadingBatch(t=1.78e9 + np.arange(5), values=v, overload=np.zeros(5, bool)),
             check_id="3v3", verdicts=np.zeros(5, np.int8))
    w.add_result(check_id="3v3", value=float(v.mean()), verdict=Verdict.PASS, n=5,
                 note="mean of 5")
    w.append(ReadingBatch(t=1.78e9 + 10 + np.arange(1), values=np.array([5100.0]),
                          overload=np.zeros(1, bool), function="RES", unit="Ω"),
             check_id="rth", verdicts=np.array([Verdict.FAIL], np.int8))
    w.add_result(check_id="rth", value=5100.0, verdict=Verdict.FAIL, note="simple rule")
    w.finish()
    yield store, w.id
    store.close()


def test_report_states_who_what_instruments_rule_checks_and_hash(session):
    store, sid = session
    info = store.session(sid)
    _register_fonts()
    text = "\n".join(_texts(_session_story(store, info, _styles(), store.readings(sid))))
    for expected in ("Bench 3", "Ann Peeters", "IoT node rev B s/n SN-0042", "Final test v1.2",
                     "ab" * 32, "Keysight 34465A", "MY59001234", "2001-03-01", "EXPIRED",
                     "Guarded acceptance", "INDETERMINATE", "3.300 V", "3.201 V … 3.399 V",
                     "4.465 kΩ … 4.935 kΩ", "≤ 50.00 mA", "not measured", "3.3040 V",
                     "mean of 5", "5.1000 kΩ", "Measured by", "Reviewed / approved (quality)",
                     info.final_hash, f"meterlab verify {sid[:8]}",
                     "past its calibration-due date"):
        assert expected in text, expected
    assert "INCOMPLETE" not in text


def test_check_rows_prefer_recorded_results_and_overall_is_worst(session):
    store, sid = session
    info = store.session(sid)
    rows = check_rows(info, check_statistics(info, store.readings(sid)))
    by = {r["check"]: r for r in rows}
    assert by["3v3"]["verdict"] is Verdict.PASS and by["3v3"]["how"] == "mean of 5"
    assert by["rth"]["verdict"] is Verdict.FAIL and by["rth"]["value"] == 5100.0
    assert by["idd"]["verdict"] is None and by["idd"]["n"] == 0
    # The badge says the outcome stored with the session; the detail counts the checks.
    assert info.outcome is Outcome.FAIL
    assert conclusion(info, rows) == ("FAIL", Verdict.FAIL, "1 fail, 1 pass, 1 not measured")


def test_conclusion_reads_the_stored_outcome_and_never_decides(session):
    store, sid = session
    info = store.session(sid)
    rows = check_rows(info, check_statistics(info, store.readings(sid)))
    for outcome in Outcome:
        word, colour, _ = conclusion(dataclasses.replace(info, outcome=outcome), rows)
        assert (word, colour) == (str(outcome), outcome.colour_verdict)
    log = dataclasses.replace(info, outcome=None, kind="read")
    assert conclusion(log, rows)[:2] == ("NO OUTCOME", None)


def test_pdf_renders_with_session_in_its_metadata(session, tmp_path):
    store, sid = session
    out = export_sessions(store, [sid], tmp_path / "r.pdf")
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert f"session {sid}".encode() in data
    pages = len(re.findall(rb"/Type /Page\b", data))
    assert 1 <= pages <= 4


def test_incomplete_session_says_so(tmp_path):
    with SessionStore(tmp_path / "s.sqlite") as store:
        w = store.begin(operator="x")
        w.append(ReadingBatch(t=np.arange(3.0), values=np.ones(3), overload=np.zeros(3, bool)))
        w.finish(status="aborted")
        info = store.session(w.id)
        _register_fonts()
        text = " ".join(_texts(_session_story(store, info, _styles(), store.readings(w.id))))
        assert "This run is ABORTED" in text and "3 readings" in text


def test_many_readings_render_quickly_into_few_pages(tmp_path):
    with SessionStore(tmp_path / "s.sqlite") as store:
        w = store.begin()
        w.add_check(check_id="a", title="", function="VOLT:DC", unit="V", limit_text="",
                    lower=0.9, upper=1.1, nominal=1.0)
        rng = np.random.default_rng(0)
        n = 200_000
        w.append(ReadingBatch(t=np.arange(n) * 1e-3, values=rng.normal(1, 0.02, n),
                              overload=np.zeros(n, bool)), check_id="a")
        w.finish()
        out = export_sessions(store, [w.id], tmp_path / "r.pdf")
        assert out.stat().st_size < 400_000  # the trend is an envelope, not 200k points


def test_nice_ticks_are_round_and_cover_the_range():
    assert nice_ticks(3.2, 3.4, 4) == pytest.approx([3.2, 3.25, 3.3, 3.35, 3.4])
    assert nice_ticks(0, 1000, 5) == pytest.approx([0, 200, 400, 600, 800, 1000])
    assert nice_ticks(5, 5) != []


def test_several_sessions_open_with_an_overview_across_units(tmp_path):
    from meterlab.report import _overview_story

    with SessionStore(tmp_path / "s.sqlite") as store:
        for k, value in enumerate((3.30, 3.31, 3.05)):
            w = store.begin(dut_serial=f"SN-{k}", plan_name="final")
            w.add_check(check_id="3v3", title="rail", function="VOLT:DC", unit="V",
                        limit_text="3.3 V ±3 %", lower=3.201, upper=3.399, nominal=3.3)
            w.append(ReadingBatch(t=np.arange(1.0), values=np.array([value]),
                                  overload=np.zeros(1, bool)), check_id="3v3",
                     verdicts=np.array([Verdict.PASS if value > 3.2 else Verdict.FAIL],
                                       np.int8))
            w.add_result(check_id="3v3", value=value,
                         verdict=Verdict.PASS if value > 3.2 else Verdict.FAIL)
            w.finish()
        infos = store.sessions()
        _register_fonts()
        text = " ".join(_texts(_overview_story(infos, _styles(), store.readings(
            [i.id for i in infos]))))
        assert "3 sessions" in text and "Across units" in text and "3v3 — rail" in text
        assert text.count("PASS") == 2 and text.count("FAIL") == 1
        out = export_sessions(store, [i.id for i in infos], tmp_path / "r.pdf")
        assert len(re.findall(rb"/Type /Page\b", out.read_bytes())) >= 4


@pytest.mark.parametrize(("lang", "words"), [
    ("fr", ("Rapport de mesure", "Opérateur", "Appareil testé", "Règle de décision",
            "Acceptation avec bande de garde", "NON CONFORME", "CONFORME", "INDÉTERMINÉ",
            "3,300 V", "3,201 V … 3,399 V", "4,465 kΩ … 4,935 kΩ", "non mesuré", "3,3040 V",
            "Mesuré par", "Intégrité", "limite 3,3 V ±3 %", "EXPIRÉ")),
    ("nl", ("Meetrapport", "Te testen toestel", "Beslisregel", "AFGEKEURD", "GOED",
            "3,300 V", "3,201 V … 3,399 V", "niet gemeten", "Gemeten door", "Integriteit",
            "VERVALLEN")),
])
def test_report_speaks_the_language_asked_for_with_its_decimal_mark(session, lang, words):
    from meterlab.report import _LANG

    store, sid = session
    info = store.session(sid)
    _register_fonts()
    token = _LANG.set(lang)
    try:
        story = _session_story(store, info, _styles(), store.readings(sid))
        rows = check_rows(info, check_statistics(info, store.readings(sid)))
        word, colour, _detail = conclusion(info, rows)
    finally:
        _LANG.reset(token)
    text = "\n".join(_texts(story))
    for expected in words:
        assert expected in text, expected
    for english in ("Measurement report", "Device under test", "Measured by", "3.300 V"):
        assert english not in text, english
    assert word == {"fr": "NON CONFORME", "nl": "AFGEKEURD"}[lang]
    assert colour is Verdict.FAIL
    # The language is only for this report: the next one is English again.
    assert conclusion(info, rows)[0] == "FAIL"


def test_report_catalogs_are_complete_and_the_pdf_takes_a_language(session, tmp_path):
    from meterlab.report_text import missing, resolve

    assert missing("nl") == [] and missing("fr") == []
    from reportlab.pdfbase import pdfmetrics

    from meterlab.report import BOLD, FONT
    from meterlab.report_text import _CATALOGS

    _register_fonts()
    for name in (FONT, BOLD):  # a glyph the font lacks would print as a box
        face = pdfmetrics.getFont(name).face
        chars = {c for cat in _CATALOGS.values() for t in cat.values() for c in t}
        assert {c for c in chars if ord(c) not in face.charToGlyph} == set(), name
    assert resolve("fr_BE") == "fr" and resolve("de") == "en"
    store, sid = session
    out = export_sessions(store, [sid], tmp_path / "r.pdf", lang="fr")
    assert out.read_bytes().startswith(b"%PDF-")


def test_export_cli_writes_a_french_report(session, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from meterlab.cli import cli
    from meterlab.report import _LANG

    _store, sid = session
    db = tmp_path / "s.sqlite"  # the fixture's database
    seen = []
    import meterlab.report as report

    real = report._write_report
    monkeypatch.setattr(report, "_write_report",
                        lambda *a, **k: (seen.append(_LANG.get()), real(*a, **k))[1])
    res = CliRunner().invoke(cli, ["export", "--db", str(db), sid[:8], "--format", "pdf",
                                   "--lang", "fr", "-o", str(tmp_path / "fr.pdf")])
    assert res.exit_code == 0, res.output
    assert seen == ["fr"] and (tmp_path / "fr.pdf").stat().st_size > 1000
    monkeypatch.setenv("LC_ALL", "nl_NL.UTF-8")
    res = CliRunner().invoke(cli, ["export", "--db", str(db), sid[:8], "--format", "pdf",
                                   "-o", str(tmp_path / "nl.pdf")])
    assert res.exit_code == 0, res.output
    assert seen == ["fr", "nl"]  # no --lang: the system's language


def test_counts_group_thousands_as_the_language_does_with_glyphs_the_font_has():
    from reportlab.pdfbase import pdfmetrics

    from meterlab.report import _LANG, FONT, _n

    _register_fonts()
    face = pdfmetrics.getFont(FONT).face
    for lang, text in (("en", "1,234,567"), ("nl", "1.234.567"), ("fr", "1\u00a0234\u00a0567")):
        token = _LANG.set(lang)
        try:
            assert _n(1234567) == text
        finally:
            _LANG.reset(token)
        assert all(ord(c) in face.charToGlyph for c in text)
