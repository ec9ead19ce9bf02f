"""`meterlab exercise list|run` and `meterlab check` on exercises, as people use them.

`run` is driven the way the issue describes: a separate program (here pyvisa in the
test) works the instruments whose resources the command printed, and the answers
arrive on standard input as `key = value` lines.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import pyvisa
from hypothesis import given
from hypothesis import strategies as st

from meterlab.cli import main
from meterlab.errors import FileFormatError
from meterlab.store import SessionStore
from meterlab.training.answers import AnswerFormatError, parse_answer, split_line
from meterlab.training.format import find_exercise, parse_exercise

ROOT = Path(__file__).resolve().parent.parent


def run(*argv: str) -> int:
    with pytest.raises(SystemExit) as exc:
        main(list(argv))
    return int(exc.value.code or 0)


def test_list_names_id_skills_level_title(capsys):
    assert run("exercise", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) >= 14
    assert any(re.match(r"dc-rails\s+skills 1,3\s+level 1\s+Measure the DC supply rails", ln)
               for ln in lines)
    assert run("exercise", "list", "--lang", "nl") == 0
    assert "De DC-voedingsspanningen meten" in capsys.readouterr().out


class Session:
    """`meterlab exercise run` in a child process, read line by line."""

    def __init__(self, *args: str) -> None:
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.p = subprocess.Popen([sys.executable, "-m", "meterlab", "exercise", "run", *args],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
        self.out: list[str] = []
        dmm, scope = self.line(), self.line()
        assert re.fullmatch(r"dmm TCPIP::127\.0\.0\.1::\d+::SOCKET", dmm)
        assert re.fullmatch(r"scope TCPIP::127\.0\.0\.1::\d+::SOCKET", scope)
        self.rm = pyvisa.ResourceManager("@py")
        self.dmm = self.rm.open_resource(dmm.split()[1], read_termination="\n",
                                         write_termination="\n")

    def line(self) -> str:
        text = self.p.stdout.readline()
        assert text, "".join(self.out) + self.p.stderr.read()
        self.out.append(text)
        return text.rstrip("\n")

    def until(self, prefix: str) -> list[str]:
        seen = []
        while not (ln := self.line()).lstrip().startswith(prefix):
            seen.append(ln)
        return [*seen, ln]

    def say(self, *lines: str) -> None:
        self.p.stdin.write("".join(f"{ln}\n" for ln in lines))
        self.p.stdin.flush()

    def meter(self, hi: str, lo: str = "GND") -> float:
        self.dmm.write("CONF:VOLT:DC")
        self.dmm.write("VOLT:NPLC 1")
        self.dmm.write(f"SIM:PROB {hi},{lo}")
        return float(self.dmm.query("READ?"))

    def end(self) -> tuple[int, str, str]:
        self.dmm.close()
        out, err = self.p.communicate(timeout=30)
        return self.p.returncode, "".join(self.out) + out, err


def test_run_grades_from_stdin_asks_again_and_records(tmp_path):
    db, report = tmp_path / "s.sqlite", tmp_path / "attempt.json"
    s = Session("dc-rails", "--seed", "3", "--trainee", "Ann", "--lang", "en",
                "--db", str(db), "--json", str(report))
    s.until("Answers:")
    vbus = s.meter("VBUS")
    s.say("value 5", "value = 5", f"value = {vbus:.5f}".replace(".", ",") + " V")
    step1 = s.until("✔")
    assert any("key = value" in ln for ln in step1)  # the line without "="
    assert any("give a number with its unit, e.g. value = 1.23 V" in ln for ln in step1)
    s.until("Answers:")
    reversed_reading = s.meter("GND", "3V3")
    assert reversed_reading < 0  # the meter itself shows the reversed leads
    s.say(f"value = {reversed_reading:.5f} V")
    wrong = s.until("Try again")
    assert any(ln.strip().startswith("[reversed-leads] The leads are reversed") for ln in wrong)
    s.until("Answers:")
    s.say(f"value = {s.meter('3V3'):.5f} V")
    code, out, err = s.end()
    assert code == 1, out + err
    assert out.rstrip().endswith("score 3/4")
    assert "Traceback" not in out + err
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["score"] == 3 and data["max"] == 4 and data["scenario"]["seed"] == 3
    assert [r["mistakes"] for r in data["steps"]] == [[], ["reversed-leads"], []]
    with SessionStore(db) as store:
        (info,) = store.sessions()
        assert (info.kind, info.operator, info.plan_name) == ("exercise", "Ann", "dc-rails")
        assert json.loads(info.notes)["seed"] == 3
    assert run("verify", "--db", str(db)) == 0


def test_run_full_marks_exits_0_in_dutch():
    """A fault hunt with nothing wrong on the board: the answer alone decides (in-process)."""
    from click.testing import CliRunner

    from meterlab.cli import cli
    from meterlab.training.scenario import draw

    ex = find_exercise("fault-hunt-power")
    seed = next(n for n in range(100) if draw(ex, n).fault == "none")
    result = CliRunner().invoke(cli, ["exercise", "run", ex.id, "--seed", str(seed), "--lang",
                                      "nl", "--no-store"], input="diagnosis = LDO\nnone\n"
                                "diagnosis = none\n")
    assert result.exit_code == 1  # the first try was wrong: half the points at the second
    assert "[wrong-diagnosis] Dat is niet het defecte onderdeel" in result.stdout
    assert "? schrijf één antwoord per regel als sleutel = waarde" in result.stdout  # "none"
    result = CliRunner().invoke(cli, ["exercise", "run", ex.id, "--seed", str(seed), "--lang",
                                      "nl", "--no-store"], input="diagnosis = none\n")
    assert result.exit_code == 0, result.output
    assert "Goed: 5/5" in result.stdout and result.stdout.rstrip().endswith("score 5/5")


def test_answers_ending_early_is_one_line_and_exit_1():
    from click.testing import CliRunner

    from meterlab.cli import cli

    result = CliRunner().invoke(cli, ["exercise", "run", "dc-rails", "--seed", "1",
                                      "--no-store"], input="value = 5 V\n")
    assert result.exit_code == 1
    # 5 V with the leads still where they lay: a wrong try, then no second answer
    assert "[wrong-test-point]" in result.stdout
    assert "The answers ended at step vbus." in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout.rstrip().endswith("score 0/4")


def test_unknown_exercise_is_exit_2_in_one_line(capsys):
    assert run("exercise", "run", "no-such-thing", "--no-store") == 2
    err = capsys.readouterr().err
    assert "no exercise called 'no-such-thing'" in err and len(err.strip().splitlines()) == 1


# --- teachers' files -----------------------------------------------------------------------

GOOD = """\
[exercise]
id = "x"
level = 1
skills = [1]
title = { nl = "a", en = "b" }

[[step]]
id = "s"
instructions = { nl = "a", en = "b" }
expect = { instrument = "dmm", function = "VOLT:DC", at = "3V3" }

[[step.answer]]
key = "value"
truth = "VOLT:DC 3V3"
"""


@pytest.mark.parametrize(("old", "new", "line", "key"), [
    ('truth = "VOLT:DC 3V3"', 'truth = "VOLT:DC 3V4"', 14, "truth"),
    ('function = "VOLT:DC"', 'function = "VOLTS"', 10, "function"),
    ('instructions = { nl = "a", en = "b" }', 'instructions = { en = "b" }', 9, "instructions"),
    ('skills = [1]', 'skills = [7]', 4, "skills"),
    ('key = "value"', 'key = "value"\nkind = "guess"', 14, "kind"),
    ('id = "s"', 'id = "s"\nhints = { wrong-code = { nl = "a", en = "b" } }', 9, "hints"),
    ('level = 1', 'level = 1\ncolour = "red"', 4, "colour"),
])
def test_broken_exercise_names_file_line_and_key(old, new, line, key):
    text = GOOD.replace(old, new)
    assert text != GOOD
    with pytest.raises(FileFormatError) as exc:
        parse_exercise(text, path="mine.toml")
    assert (exc.value.path, exc.value.line, exc.value.key) == ("mine.toml", line, key)
    assert str(exc.value).startswith(f"mine.toml:{line}: ")


def test_check_validates_exercises(tmp_path, capsys):
    assert run("check", str(ROOT / "limits/exercises/dc-rails.toml")) == 0
    assert "2 steps, 4 points" in capsys.readouterr().out
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.replace('at = "3V3"', 'at = "TP9"'), encoding="utf-8")
    assert run("check", str(bad)) == 2
    err = capsys.readouterr().err
    assert f"{bad}:10:" in err and "key at" in err and "TP9" in err


def test_every_shipped_exercise_is_valid():
    for path in sorted((ROOT / "limits/exercises").glob("*.toml")):
        assert find_exercise(str(path)).id == path.stem


# --- answers as typed ----------------------------------------------------------------------


def test_answers_read_forgivingly_but_never_guess():
    step = find_exercise("tolerance-decisions").steps[0]
    value, verdict = step.answers
    assert parse_answer(value, "5,01 V") == (5.01, "V")
    assert parse_answer(value, "5010 mV") == (5.01, "V")
    assert parse_answer(verdict, "marginaal") == "MARGINAL"
    for bad in ("5.01", "about five", ""):
        with pytest.raises(AnswerFormatError, match=r"value = 1\.23 V"):
            parse_answer(value, bad)
    assert split_line("  # note") is None
    assert split_line("Value = 3 V") == ("value", "3 V")


I2C_STEP = find_exercise("i2c-address").steps[0]
VALUE_ANSWER = find_exercise("dc-rails").steps[0].answers[0]


@given(st.text(max_size=40))
def test_any_typed_line_is_read_or_refused_with_words(text):
    for answer in (*I2C_STEP.answers, VALUE_ANSWER):
        try:
            parse_answer(answer, text)
        except AnswerFormatError as exc:
            assert str(exc)
    try:
        split_line(text)
    except AnswerFormatError as exc:
        assert "key = value" in str(exc)


# --- records -------------------------------------------------------------------------------


def test_records_class_overview_and_trainee_pdf(tmp_path, capsys):
    from click.testing import CliRunner
    from openpyxl import load_workbook

    from meterlab.cli import cli

    db = tmp_path / "s.sqlite"
    ex = find_exercise("fault-hunt-power")
    from meterlab.training.scenario import draw

    seed = next(n for n in range(100) if draw(ex, n).fault == "none")
    runner = CliRunner()
    for name, answers in (("Ann", "diagnosis = R1\ndiagnosis = none\n"),
                          ("Bob", "diagnosis = none\n")):
        runner.invoke(cli, ["exercise", "run", ex.id, "--seed", str(seed), "--trainee", name,
                            "--db", str(db)], input=answers)
    xlsx, pdf = tmp_path / "class.xlsx", tmp_path / "ann.pdf"
    assert run("exercise", "records", "--db", str(db), "--xlsx", str(xlsx)) == 0
    out = capsys.readouterr().out
    assert "2 attempt(s)" in out and "wrong-diagnosis" in out
    wb = load_workbook(xlsx)
    rows = list(wb["Class"].iter_rows(values_only=True))
    assert rows[0] == ("Trainee", "fault-hunt-power", "Attempts")
    assert rows[1:] == [("Ann", "2/5", 1), ("Bob", "5/5", 1)]
    mistakes = list(wb["Mistakes"].iter_rows(values_only=True))
    col = mistakes[0].index("wrong-diagnosis")
    assert [m[col] for m in mistakes[1:]] == [1, 0, 1]
    assert run("exercise", "records", "--db", str(db), "--trainee", "ann", "--pdf",
               str(pdf)) == 0
    assert pdf.read_bytes().startswith(b"%PDF") and "1 attempt(s)" in capsys.readouterr().out
    assert run("exercise", "records", "--db", str(db), "--pdf", str(pdf)) == 2
    assert "--trainee" in capsys.readouterr().err


def test_teacher_passphrase_is_stored_hashed(tmp_path):
    from click.testing import CliRunner

    from meterlab.cli import cli
    from meterlab.station import load_station
    from meterlab.training.teacher import check_passphrase

    result = CliRunner().invoke(cli, ["exercise", "passphrase"], input="sesame!\nsesame!\n")
    assert result.exit_code == 0
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith('teacher_passphrase = "scrypt$') and "sesame" not in line
    station = tmp_path / "station.toml"
    station.write_text(f"[station]\n{line}\n", encoding="utf-8")
    stored = load_station(station).teacher_passphrase
    assert check_passphrase("sesame!", stored)
    assert not check_passphrase("sesame", stored) and not check_passphrase("sesame!", "")


@given(st.integers(0, len(GOOD) - 1), st.text(max_size=12))
def test_any_edit_of_an_exercise_file_is_read_or_named(pos, insert):
    """A teacher's typo anywhere gives a valid exercise or a FileFormatError, nothing else."""
    text = GOOD[:pos] + insert + GOOD[pos:]
    try:
        parse_exercise(text, path="edit.toml")
    except FileFormatError as exc:
        assert str(exc).startswith("edit.toml")


_KEYS = ["id", "level", "skills", "title", "attempts", "points", "instructions", "expect",
         "answer", "hints", "key", "kind", "truth", "accept", "mistake", "options", "nominal",
         "tolerance", "rule", "of", "meter", "function", "at", "channel", "probe", "vdiv",
         "timebase", "trigger", "digital", "temperature", "faults", "r1", "dmm_start",
         "scope_probe", "parts"]
_VALUES = ["1", '"x"', "[1]", "{a = 1}", "true", "-5", '""', "[]", "{}", "2.5", "[[1]]",
           '"VOLT:DC 3V3"', '["4k7"]']


@given(st.sampled_from(_KEYS), st.sampled_from(_VALUES), st.sampled_from([5, 10, 14, 15]))
def test_any_key_with_any_value_is_read_or_named(key, value, line):
    """Every key a teacher may write, with a value of the wrong type, in every table."""
    lines = GOOD.replace('title = { nl = "a", en = "b" }\n',
                         'title = { nl = "a", en = "b" }\n[scenario]\n').splitlines()
    lines.insert(line, f"{key} = {value}")
    try:
        parse_exercise("\n".join(lines) + "\n", path="typo.toml")
    except FileFormatError as exc:
        assert str(exc).startswith("typo.toml")


def test_a_broken_user_exercise_is_left_out_of_the_list_and_named(tmp_path, monkeypatch,
                                                                    capsys):
    from meterlab.training import format as fmt

    mine = tmp_path / "exercises"
    mine.mkdir()
    (mine / "typo.toml").write_text(GOOD.replace("level = 1", "level = 9"), encoding="utf-8")
    monkeypatch.setattr(fmt, "exercise_dirs",
                        lambda: [ROOT / "limits" / "exercises", mine])
    assert run("exercise", "list") == 0
    out, err = capsys.readouterr()
    assert "dc-rails" in out
    assert f"{mine / 'typo.toml'}:3:" in err and "level" in err


# --- French ------------------------------------------------------------------------------


def test_french_is_optional_per_text_and_falls_back_to_english():
    ex = parse_exercise(GOOD, path="mine.toml")
    assert ex.title["fr"] == "b" and ex.steps[0].instructions["fr"] == "b"
    ex = parse_exercise(GOOD.replace('title = { nl = "a", en = "b" }',
                                     'title = { nl = "a", en = "b", fr = "c" }'), path="m.toml")
    assert ex.title == {"nl": "a", "en": "b", "fr": "c"}
    for bad in ('fr = ""', 'fr = 3', 'de = "d"'):
        text = GOOD.replace('instructions = { nl = "a", en = "b" }',
                            f'instructions = {{ nl = "a", en = "b", {bad} }}')
        with pytest.raises(FileFormatError) as exc:
            parse_exercise(text, path="mine.toml")
        assert (exc.value.line, exc.value.key) == (9, "instructions"), bad


def test_every_shipped_exercise_speaks_french():
    for path in sorted((ROOT / "limits/exercises").glob("*.toml")):
        ex = find_exercise(str(path))
        texts = [ex.title, ex.intro, *(s.instructions for s in ex.steps),
                 *(h for s in ex.steps for h in s.hints.values()),
                 *(a.prompt for s in ex.steps for a in s.answers if a.prompt)]
        for t in texts:
            if t:
                assert t["fr"] != t["en"], (path.name, t["en"])


def test_run_in_french_gives_french_instructions_and_reads_french_answers():
    from click.testing import CliRunner

    from meterlab.cli import cli
    from meterlab.training.scenario import draw

    ex = find_exercise("fault-hunt-power")
    seed = next(n for n in range(100) if draw(ex, n).fault == "none")
    result = CliRunner().invoke(cli, ["exercise", "run", ex.id, "--seed", str(seed), "--lang",
                                      "fr", "--no-store"], input="diagnosis = none\n")
    assert result.exit_code == 0, result.output
    assert "Recherche de panne : l'alimentation" in result.stdout
    assert "Quelle pièce est défectueuse ?" in result.stdout
    assert "Juste: 5/5" in result.stdout
    assert run("exercise", "list", "--lang", "fr") == 0
    ans = next(a for s in find_exercise("tolerance-decisions").steps for a in s.answers
               if a.kind == "yesno")
    assert parse_answer(ans, "oui", "fr") is True and parse_answer(ans, "non", "fr") is False
    with pytest.raises(AnswerFormatError, match="répondez oui ou non"):
        parse_answer(ans, "peut-être", "fr")


def test_french_feedback_names_every_mistake():
    from meterlab.training.codes import MISTAKES, words

    for code in MISTAKES:
        assert words(code, "fr") not in (words(code, "en"), words(code, "nl")), code
    assert words("reversed-leads", "fr").startswith("Les cordons sont inversés")
