"""The unit's outcome (issue 9, reproduction 1): one rule, decided once when the session
finishes, kept in its hash chain, and the same word in the `run` line and exit code,
`meterlab sessions`, the PDF, XLSX, JSON, CSV and Parquet. Issue 11: a check that ended
in ERROR, was skipped or never reached still has a row in every export.

The reproduction runs once through the real simulated bench (pyvisa over TCP); the
outcome table builds its sessions through the application layer with given results.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from outcome_cases import EXPECTED, KINDS, build, record
from rich.console import Console

from meterlab.cli import main
from meterlab.export import export_sessions
from meterlab.outcome import Outcome, decide_outcome
from meterlab.readings import Verdict
from meterlab.store import SessionStore

REPRO_PLAN = """\
[plan]
name = "Rail and PWM"
version = "1"
dut = "IoT node"

[[check]]
id = "3v3"
at = "3V3"
measure = "VOLT:DC"
nominal = "3.30 V"
tolerance = "±3 %"

[[check]]
id = "pwm_freq"
at = "LED_PWM"
measure = "FREQ CH1"
nominal = "1 kHz"
tolerance = "±1 %"
"""


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as ex:
        main(list(argv))
    out, err = capsys.readouterr()
    return int(ex.value.code or 0), out, err


def _csv_meta(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8")
    return [row for row in csv.reader(io.StringIO(text)) if row and row[0].startswith("#")]


def _csv_body(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").split("\n")
             if ln and not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def _xlsx_outcomes(path: Path) -> dict[str, str]:
    """Summary sheet: session short id → its "unit outcome" row."""
    ws = load_workbook(path, read_only=True)["Summary"]
    out, current = {}, ""
    for row in ws.iter_rows(values_only=True):
        if row and isinstance(row[0], str) and row[0].startswith("Session "):
            current = row[0].removeprefix("Session ")
        elif row and row[0] == "unit outcome":
            out[current] = row[1]
    return out


def _pdf_keywords(path: Path) -> str:
    m = re.search(rb"/Keywords \((.*?)\) /", path.read_bytes())
    assert m, "the PDF names no outcome in its keywords"
    return m.group(1).decode("latin-1")


# -- reproduction 1 through the real simulated bench ---------------------------------------


@pytest.fixture(scope="module")
def repro(tmp_path_factory) -> tuple[Path, Path, tuple[int, str, str]]:
    """`meterlab run` of a plan whose DMM check passes and whose scope check cannot be
    measured (the PWM is stuck, so the scope finds no period)."""
    tmp = tmp_path_factory.mktemp("repro")
    plan = tmp / "rail-pwm.toml"
    plan.write_text(REPRO_PLAN, encoding="utf-8")
    db = tmp / "s.sqlite"
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
            pytest.raises(SystemExit) as ex:
        main(["run", str(plan), "--fault", "pwm_stuck", "--db", str(db), "--dut", "SN-7",
              "--operator", "ana"])
    return db, tmp, (int(ex.value.code or 0), out.getvalue(), err.getvalue())


def test_repro_run_says_not_judged_and_exits_2(repro):
    _db, _tmp, (code, out, err) = repro
    assert code == 2, out + err
    assert "NOT JUDGED — 1 pass, 1 error" in out
    assert "could not be measured (pwm_freq)" in err


def test_repro_sessions_list_and_detail_say_not_judged(repro, capsys):
    db, _tmp, _ = repro
    code, out, _ = _cli(capsys, "sessions", "--db", str(db))
    row = next(ln for ln in out.splitlines() if "SN-7" in ln)
    assert code == 0 and "⊘ NOT JUDGED" in row and "PASS" not in row
    code, out, _ = _cli(capsys, "sessions", "latest", "--db", str(db))
    assert code == 0
    assert out.strip().splitlines()[-1] == "Outcome: ⊘ NOT JUDGED"
    assert "pwm_freq" in out and "ERROR" in out


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "json", "csv", "parquet"])
def test_repro_every_export_says_not_judged(repro, capsys, fmt):
    db, tmp, _ = repro
    out_path = tmp / f"r.{fmt}"
    code, _, err = _cli(capsys, "export", "latest", "--db", str(db), "--format", fmt,
                        "-o", str(out_path))
    assert code == 0, err
    if fmt == "pdf":
        assert _pdf_keywords(out_path) == "outcome NOT JUDGED"
        assert b"FAIL" not in out_path.read_bytes()
    elif fmt == "xlsx":
        assert list(_xlsx_outcomes(out_path).values()) == ["NOT JUDGED"]
    elif fmt == "json":
        doc = json.loads(out_path.read_text(encoding="utf-8"))
        assert doc["sessions"][0]["outcome"] == "NOT JUDGED"
    elif fmt == "csv":
        assert ["# unit outcome", "NOT JUDGED"] in _csv_meta(out_path)
    else:
        import pyarrow.parquet as pq

        meta = json.loads(pq.read_schema(out_path).metadata[b"meterlab"])
        assert meta["sessions"][0]["outcome"] == "NOT JUDGED"


def test_repro_the_unmeasured_check_has_a_row_in_csv_and_json(repro, capsys):
    """Issue 11: quality staff see every check of the plan, measured or not."""
    db, tmp, _ = repro
    _cli(capsys, "export", "latest", "--db", str(db), "-o", str(tmp / "rows.csv"))
    rows = _csv_body(tmp / "rows.csv")
    by_check = {r["check"]: r for r in rows}
    assert set(by_check) == {"3v3", "pwm_freq"}
    assert by_check["pwm_freq"]["verdict"] == "ERROR"
    assert by_check["pwm_freq"]["value"] == "" and by_check["pwm_freq"]["time_utc"] == ""
    assert by_check["pwm_freq"]["function"] == "FREQ CH1"
    assert any(r[0] == "# result pwm_freq" and r[1].startswith("ERROR") for r in
               _csv_meta(tmp / "rows.csv"))
    _cli(capsys, "export", "latest", "--db", str(db), "-o", str(tmp / "rows.json"))
    readings = json.loads((tmp / "rows.json").read_text())["sessions"][0]["readings"]
    err = [r for r in readings if r["check"] == "pwm_freq"]
    assert err == [{**err[0], "verdict": "ERROR", "time_utc": None, "value": None}]


def test_repro_session_verifies_with_its_outcome_in_the_chain(repro, tmp_path):
    # Tampered with in a copy: the other tests share the module's session, in any order.
    db = tmp_path / "tampered.sqlite"
    shutil.copyfile(repro[0], db)
    with SessionStore(db) as store:
        info = store.session("latest")
        assert info.outcome is Outcome.NOT_JUDGED and info.chain_version == 2
        assert store.verify(info.id)[0].ok
        store.connection.execute("UPDATE sessions SET outcome='PASS' WHERE id=?", (info.id,))
        result = store.verify(info.id)[0]
    assert not result.ok and any("outcome" in p for p in result.problems)


def test_a_fail_beside_an_error_is_fail_everywhere(tmp_path, capsys):
    """The other half of reproduction 1: once listed as ERROR, printed FAIL by the PDF."""
    db = tmp_path / "s.sqlite"
    with SessionStore(db) as store:
        sid, decided = record(store, ("fail", "error"), serial="SN-FE")
    assert decided == "FAIL"
    _, out, _ = _cli(capsys, "sessions", "--db", str(db))
    row = next(ln for ln in out.splitlines() if ln.strip().startswith(sid[:8]))
    assert "✘ FAIL" in row and "ERROR" not in row
    for fmt in ("pdf", "xlsx", "json", "csv"):
        path = tmp_path / f"fe.{fmt}"
        _cli(capsys, "export", sid[:8], "--db", str(db), "-o", str(path))
        if fmt == "pdf":
            assert _pdf_keywords(path) == "outcome FAIL"
        elif fmt == "xlsx":
            assert _xlsx_outcomes(path) == {sid[:8]: "FAIL"}
        elif fmt == "json":
            assert json.loads(path.read_text())["sessions"][0]["outcome"] == "FAIL"
        else:
            assert ["# unit outcome", "FAIL"] in _csv_meta(path)


# -- the rule ----------------------------------------------------------------------------------

_AS_VERDICT = {"pass": Verdict.PASS, "marginal": Verdict.MARGINAL,
               "indeterminate": Verdict.INDETERMINATE, "fail": Verdict.FAIL,
               "overload": Verdict.OVERLOAD, "error": Verdict.ERROR, "skipped": None}


@pytest.mark.parametrize("kinds", list(EXPECTED), ids="+".join)
def test_the_rule_on_every_verdict_and_pair(kinds):
    assert decide_outcome(_AS_VERDICT[k] for k in kinds) == EXPECTED[kinds]


def test_the_rule_edges():
    assert decide_outcome([]) is Outcome.NOT_JUDGED  # nothing judged is not a pass
    assert decide_outcome([Verdict.MARGINAL], show_marginal=True) is Outcome.MARGINAL
    assert [o.exit_code for o in Outcome] == [0, 0, 1, 2]
    assert Outcome.parse("NOT JUDGED") is Outcome.NOT_JUDGED and Outcome.parse(None) is None


# -- the outcome table: every face states the stored outcome -----------------------------------


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    path = tmp_path_factory.mktemp("table") / "s.sqlite"
    return path, build(path)


def test_the_layer_decides_and_the_store_keeps_it(table):
    path, cases = table
    with SessionStore(path) as store:
        for case in cases:
            info = store.session(case.session_id)
            assert case.decided == case.expected, case
            assert str(info.outcome) == case.expected, case
        assert all(v.ok for v in store.verify())


def test_the_cli_run_line_and_exit_code(table):
    """The `run` command's last line and exit code come from the outcome the layer
    returned (the same function `meterlab run` calls)."""
    from outcome_cases import _GivenResults, plan_text

    from meterlab.bench.plan_run import PlanInstruments, PlanRun
    from meterlab.commands.run import _exit_code, _summary
    from meterlab.plan import parse_plan

    codes = {"PASS": 0, "MARGINAL": 0, "FAIL": 1, "NOT JUDGED": 2}
    for kinds, expected in EXPECTED.items():
        run = PlanRun(parse_plan(plan_text(kinds, False)), PlanInstruments(None, None),
                      bench=_GivenResults(),
                      prompt=lambda c: not c.id.endswith("_skipped"))
        run.run()
        outcome = run.finish()
        console = Console(file=io.StringIO(), width=200, no_color=True)
        _summary(console, run, outcome)
        line = console.file.getvalue().strip()
        assert line.startswith(f"{expected} — "), (kinds, line)
        assert _exit_code(run, outcome) == codes[expected], kinds


def test_the_sessions_command(table, capsys):
    path, cases = table
    _, out, _ = _cli(capsys, "sessions", "--db", str(path))
    rows = {ln.split()[0]: ln for ln in out.splitlines() if ln.strip() and
            re.match(r"^\s*[0-9a-f]{8}\s", ln)}
    for case in cases:
        row = rows[case.session_id[:8]]
        words = re.findall(r"(NOT JUDGED|MARGINAL|PASS|FAIL)", row.split("complete", 1)[1])
        assert words[0] == case.expected, (case, row)


def test_the_pdf(table):
    from meterlab.export import check_statistics
    from meterlab.report import _register_fonts, _session_story, _styles, check_rows, conclusion

    path, cases = table
    _register_fonts()
    with SessionStore(path) as store:
        infos = [store.session(c.session_id) for c in cases]
        frame = store.readings([i.id for i in infos])
        for case, info in zip(cases, infos, strict=True):
            word = conclusion(info, check_rows(info, check_statistics(info, frame)))[0]
            assert word == case.expected, case
            story = _session_story(store, info, _styles(), frame)
            text = repr([getattr(f, "_cellvalues", f) for f in story])
            assert f"{case.expected} — decided when the session finished" in text, case
        # A rendered file too, for one case of each outcome (rendering all would be slow).
        some = list({c.expected: c for c in cases}.values())
        out = export_sessions(store, [c.session_id for c in some], path.parent / "some.pdf")
    assert _pdf_keywords(out).split(", ") == [f"outcome {c.expected}" for c in some]


def test_xlsx_json_csv_and_parquet(table):
    import pyarrow.parquet as pq

    path, cases = table
    ids = [c.session_id for c in cases]
    expected = [c.expected for c in cases]
    with SessionStore(path) as store:
        for fmt in ("xlsx", "json", "csv", "parquet"):
            export_sessions(store, ids, path.parent / f"all.{fmt}")
    assert list(_xlsx_outcomes(path.parent / "all.xlsx").values()) == expected
    doc = json.loads((path.parent / "all.json").read_text(encoding="utf-8"))
    assert [s["outcome"] for s in doc["sessions"]] == expected
    meta = _csv_meta(path.parent / "all.csv")
    assert [r[1] for r in meta if r[0] == "# unit outcome"] == expected
    pmeta = json.loads(pq.read_schema(path.parent / "all.parquet").metadata[b"meterlab"])
    assert [s["outcome"] for s in pmeta["sessions"]] == expected
    # Every check of every plan has a row, measured or not (issue 11).
    body = _csv_body(path.parent / "all.csv")
    for case in cases:
        rows = [r for r in body if r["session"] == case.session_id]
        assert len({r["check"] for r in rows}) == len(case.kinds), case
        if "skipped" in case.kinds:
            assert any(r["verdict"] == "NOT RUN" and r["time_utc"] == "" for r in rows)
        if "error" in case.kinds:
            assert any(r["verdict"] == "ERROR" and r["time_utc"] == "" for r in rows)


def test_kinds_cover_every_verdict_and_a_skipped_check():
    assert {_AS_VERDICT[k] for k in KINDS} == {*Verdict, None}


def test_sessions_filter_by_outcome(table, capsys):
    path, cases = table
    with SessionStore(path) as store:
        for word in ("PASS", "FAIL", "NOT JUDGED", "MARGINAL"):
            got = {i.id for i in store.sessions(outcome=word.lower())}
            assert got == {c.session_id for c in cases if c.expected == word}, word
    code, _, err = _cli(capsys, "sessions", "--db", str(path), "--outcome", "maybe")
    assert code == 2 and "Unknown outcome 'maybe'" in err and "NOT JUDGED" in err


_VERDICT_OR_NONE = st.one_of(st.none(), st.sampled_from(list(Verdict)))


@given(st.lists(_VERDICT_OR_NONE, max_size=8), st.booleans(), st.randoms())
def test_the_rule_does_not_depend_on_order_and_a_measured_failure_always_fails(
        verdicts, show, rnd):
    outcome = decide_outcome(verdicts, show_marginal=show)
    shuffled = list(verdicts)
    rnd.shuffle(shuffled)
    assert decide_outcome(shuffled, show_marginal=show) is outcome
    assert decide_outcome([*verdicts, Verdict.FAIL], show_marginal=show) is Outcome.FAIL
    assert decide_outcome([*verdicts, Verdict.OVERLOAD], show_marginal=show) is Outcome.FAIL
    if outcome.passed:  # a pass needs every check measured and within its limit
        assert verdicts and all(v in (Verdict.PASS, Verdict.MARGINAL) for v in verdicts)
    if outcome is not Outcome.FAIL:  # anything unmeasured leaves the unit not judged
        assert decide_outcome([*verdicts, None], show_marginal=show) is Outcome.NOT_JUDGED
