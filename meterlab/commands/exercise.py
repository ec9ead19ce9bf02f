"""Guided measurement exercises for trainees: list them, or run one on the simulated bench."""

from __future__ import annotations

import json
import secrets
import sys
from collections.abc import Callable, Iterator
from typing import Any

import click

from meterlab.commands._common import db_option, visa_option

_SAY = {
    "step": ("Stap", "Step"), "points": ("punten", "points"),
    "answers": ("Antwoorden", "Answers"), "again": ("Probeer opnieuw", "Try again"),
    "left": ("pogingen over", "tries left"), "ask": ("Deze stap vraagt", "This step asks for"),
    "ended": ("De antwoorden stopten bij stap", "The answers ended at step"),
    "good": ("Goed", "Correct"), "seed": ("seed", "seed"),
    "leads": ("Waar zitten het rode en het zwarte snoer? (bv. leads = VBUS,GND)",
              "Where are the red and black leads? (e.g. leads = VBUS,GND)"),
    "ch": ("Waar zit de tastkop van kanaal {n}? (bv. ch{n} = LED_PWM)",
           "Where is the probe of channel {n}? (e.g. ch{n} = LED_PWM)"),
    "d": ("Waar zit logische klem D{n}? (bv. d{n} = UART_TX)",
          "Where is logic clip D{n}? (e.g. d{n} = UART_TX)"),
    "real": ("Echt bord: de instellingen worden via SCPI gelezen; jij bevestigt waar de "
             "snoeren en tastkoppen zitten. Beoordeeld tegen de richtwaarden.",
             "Real board: the settings are read over SCPI; you confirm where the leads and "
             "probes are. Graded against the reference values."),
    "work": ("Werk met de instrumenten vanuit elk programma (meterlab read, SCPI-console …); "
             "geef daarna per stap je antwoorden als sleutel = waarde.",
             "Work the instruments from any program (meterlab read, an SCPI console …); then "
             "give each step's answers as key = value."),
}


_SAY_FR = {
    "step": "Étape", "points": "points", "answers": "Réponses", "again": "Réessayez",
    "left": "essais restants", "ask": "Cette étape demande",
    "ended": "Les réponses se sont arrêtées à l'étape", "good": "Juste", "seed": "seed",
    "work": ("Utilisez les instruments depuis n'importe quel programme (meterlab read, console "
             "SCPI …) ; donnez ensuite les réponses de chaque étape sous la forme clé = valeur."),
}


def _t(key: str, lang: str) -> str:
    if lang == "fr":
        return _SAY_FR[key]
    nl, en = _SAY[key]
    return nl if lang == "nl" else en


@click.group("exercise")
def command() -> None:
    """Guided measurement exercises for trainees: list them, or run one on the simulated bench."""


@command.command("list")
@click.option("--lang", type=click.Choice(["nl", "en", "fr"]), default="en",
              help="Language of titles.")
def list_command(lang: str) -> None:
    """Every exercise: id, sub-skills of competency 9, level, title."""
    from meterlab.training.format import list_exercises

    broken: list[Any] = []
    for ex in list_exercises(broken):
        skills = ",".join(str(s) for s in ex.skills)
        click.echo(f"{ex.id:<24} skills {skills:<6} level {ex.level}  {ex.title[lang]}")
    for exc in broken:
        click.echo(f"meterlab: left out a broken exercise: {exc}", err=True)


@command.command("passphrase")
def passphrase_command() -> None:
    """Print the hashed teacher passphrase line for the station file (asked twice, not shown)."""
    from meterlab.station import station_path
    from meterlab.training.teacher import hash_passphrase

    secret = click.prompt("Teacher passphrase", hide_input=True, confirmation_prompt=True,
                          err=True)
    if len(secret) < 6:
        raise click.BadParameter("use at least 6 characters", param_hint="passphrase")
    click.echo(f'teacher_passphrase = "{hash_passphrase(secret)}"')
    click.echo(f"Put this line in the [station] table of {station_path()}.", err=True)


@command.command("records")
@click.option("--trainee", default=None, help="Only this trainee's attempts.")
@click.option("--xlsx", "xlsx", type=click.Path(dir_okay=False), default=None,
              help="Write the class overview: trainees × exercises, mistakes per trainee.")
@click.option("--pdf", "pdf", type=click.Path(dir_okay=False), default=None,
              help="Write the trainee's record (needs --trainee).")
@db_option
def records_command(trainee: str | None, xlsx: str | None, pdf: str | None,
                    db: str | None) -> None:
    """Recorded attempts: one line each; a class overview (XLSX) or a trainee's record (PDF)."""
    from meterlab.errors import UsageError
    from meterlab.store import SessionStore
    from meterlab.training.format import list_exercises
    from meterlab.training.records import attempts, write_class_xlsx, write_trainee_pdf

    if pdf and not trainee:
        raise UsageError("--pdf writes one trainee's record: add --trainee NAME.")
    with SessionStore(db) as store:
        found = attempts(store, trainee)
    for r in found:
        mistakes = " ".join(sorted(set(r.mistakes))) or "—"
        click.echo(f"{r.date}  {r.trainee or '—':<16} {r.exercise:<22} {r.score:>3}/{r.max:<3} "
                   f"seed {r.seed}  {mistakes}")
    click.echo(f"{len(found)} attempt(s)")
    if xlsx:
        write_class_xlsx(found, xlsx)
        click.echo(f"Class overview written to {xlsx}", err=True)
    if pdf and trainee:
        titles = {ex.id: ex.title["en"] for ex in list_exercises()}
        write_trainee_pdf(found, trainee, pdf, titles)
        click.echo(f"Record of {trainee} written to {pdf}", err=True)


@command.command("run")
@click.argument("exercise_id", metavar="ID")
@click.option("--seed", type=int, default=None,
              help="Scenario seed (default: a random one, printed); the same seed gives the "
                   "same board.")
@click.option("--trainee", default="", help="Who does the exercise (recorded).")
@click.option("--lang", type=click.Choice(["nl", "en", "fr"]), default="en",
              help="Language of instructions and feedback.")
@click.option("--json", "json_file", type=click.Path(dir_okay=False), default=None,
              help="Also write the graded attempt to this JSON file.")
@click.option("--no-store", is_flag=True, help="Do not record the attempt as a session.")
@click.option("--dmm", "dmm_resource", default=None, metavar="RESOURCE",
              help="A real multimeter (with --scope: a real board, no simulator).")
@click.option("--scope", "scope_resource", default=None, metavar="RESOURCE",
              help="A real oscilloscope (with --dmm: a real board, no simulator).")
@db_option
@visa_option
def run_command(exercise_id: str, seed: int | None, trainee: str, lang: str,
                json_file: str | None, no_store: bool, dmm_resource: str | None,
                scope_resource: str | None, db: str | None, backend: str | None) -> None:
    """Run exercise ID on the simulated bench and grade each step from the instruments.

    Prints the resources like `meterlab sim` (`dmm …`, `scope …`), then the
    instructions; reads each step's answers (`key = value` lines when standard
    input is not a terminal) and ends with `score N/M`. Exit 0 with full marks,
    1 otherwise, 2 on a usage or instrument error.

    With --dmm/--scope the exercise runs on a real board and real instruments:
    their settings are read over standard SCPI, the trainee confirms where the
    leads and probes are (`leads = VBUS,GND`, `ch1 = LED_PWM`, `d0 = UART_TX`
    before each step's answers), and the answers are graded against the
    exercise's reference values within their tolerance.
    """
    from meterlab.station import load_station
    from meterlab.store import SessionStore
    from meterlab.training.format import find_exercise
    from meterlab.training.session import Attempt

    ex = find_exercise(exercise_id)
    if seed is None:
        seed = secrets.randbelow(100_000)
    store = None if no_store else SessionStore(db)
    attempt = Attempt(ex, seed=seed, trainee=trainee, lang=lang, store=store, backend=backend,
                      station="" if no_store else load_station().name,
                      dmm_resource=dmm_resource, scope_resource=scope_resource)
    interactive = sys.stdin.isatty()
    lines = _lines(interactive)
    complete = True
    try:
        attempt.start()
        if attempt.real:
            for kind in ("dmm", "scope"):
                if attempt.resources[kind]:
                    click.echo(f"{kind} {attempt.resources[kind]}")
        else:
            click.echo(f"dmm {attempt.bench.dmm_resource}\nscope {attempt.bench.scope_resource}")
        click.echo(f"{ex.title[lang]} — {ex.id}, {_t('seed', lang)} {seed}")
        if attempt.real:
            click.echo(_t("real", lang))
        if ex.intro:
            click.echo(ex.intro[lang])
        click.echo(_t("work", lang))
        for n, step in enumerate(ex.steps, 1):
            if not _do_step(attempt, step, n, len(ex.steps), lang, lines):
                click.echo(f"{_t('ended', lang)} {step.id}.", err=True)
                complete = False
                break
        score, top = attempt.finish()
    finally:
        attempt.close()
        if store is not None:
            store.close()
    click.echo(f"score {score}/{top}")
    if json_file:
        _write_json(json_file, attempt, score, top)
    if attempt.writer is not None:
        click.echo(f"Session {attempt.writer.id[:8]} recorded.", err=True)
    sys.exit(0 if score == top and complete else 1)


def _lines(interactive: bool) -> Iterator[str]:
    if interactive:
        while True:
            try:
                yield input()
            except EOFError:
                return
    for line in sys.stdin:
        yield line.rstrip("\n")


def _do_step(attempt: Any, step: Any, n: int, total: int, lang: str,
             lines: Iterator[str]) -> bool:
    """Ask, grade and (while tries are left) ask again; False when the answers ran out."""
    click.echo(f"\n{_t('step', lang)} {n}/{total} — {step.id} ({step.points} "
               f"{_t('points', lang)})")
    click.echo(step.instructions[lang])
    while True:
        if not _confirm(attempt, step, lang, lines):
            return False
        asked = ", ".join(
            f"{a.key} ({a.prompt.get(lang) + ', ' if a.prompt else ''}"
            f"{ {'nl': 'bv.', 'fr': 'p. ex.'}.get(lang, 'e.g.')} {a.key} = {a.example})"
            for a in step.answers)
        click.echo(f"{_t('answers', lang)}: {asked}")
        sys.stdout.flush()
        got = _collect(step, lang, lines)
        if got is None:
            return False
        parsed, raw = got
        result = attempt.submit(step, parsed, raw)
        for line in result.feedback:
            click.echo(f"  {line}")
        if result.correct:
            click.echo(f"  ✔ {_t('good', lang)}: {result.points}/{step.points}")
            return True
        click.echo(f"  ✘ 0/{step.points}")
        left = attempt.tries_left(step)
        if left <= 0:
            return True
        click.echo(f"  {_t('again', lang)} ({left} {_t('left', lang)}).")


def _confirm(attempt: Any, step: Any, lang: str, lines: Iterator[str]) -> bool:
    """On a real board: ask where the leads/probes/clips are; False when the input ran out."""
    from meterlab.training.answers import AnswerFormatError, split_line

    for key in attempt.needs(step):
        n = key.lstrip("chd")
        question = _t("leads" if key == "leads" else key.rstrip("0123456789"), lang)
        click.echo(question.format(n=n))
        while True:
            if sys.stdin.isatty():
                click.echo(f"{key} = ", nl=False)
            try:
                line = next(lines)
            except StopIteration:
                return False
            try:
                kv = split_line(line, lang) if "=" in line or not sys.stdin.isatty() \
                    else (key, line)
            except AnswerFormatError as exc:
                click.echo(f"  ? {exc}")
                continue
            if kv is None:
                continue
            if kv[0] != key:
                click.echo(f"  ? {question.format(n=n)}")
                continue
            try:
                attempt.confirm(key, kv[1])
                break
            except ValueError as exc:
                click.echo(f"  ? {exc}")
    return True


def _collect(step: Any, lang: str, lines: Iterator[str]
             ) -> tuple[dict[str, Any], dict[str, str]] | None:
    """Read `key = value` lines until every answer of the step is there and readable."""
    from meterlab.training.answers import AnswerFormatError, parse_answer, split_line

    wanted = {a.key: a for a in step.answers}
    parsed: dict[str, Any] = {}
    raw: dict[str, str] = {}
    say: Callable[[str], None] = lambda text: click.echo(f"  ? {text}")  # noqa: E731
    while len(parsed) < len(wanted):
        if sys.stdin.isatty():
            key = next(k for k in wanted if k not in parsed)
            click.echo(f"{key} = ", nl=False)
        try:
            line = next(lines)
        except StopIteration:
            return None
        try:
            if sys.stdin.isatty() and "=" not in line and line.strip():
                kv: tuple[str, str] | None = (next(k for k in wanted if k not in parsed), line)
            else:
                kv = split_line(line, lang)
        except AnswerFormatError as exc:
            say(str(exc))
            continue
        if kv is None:
            continue
        key, text = kv
        if key not in wanted:
            say(f"{_t('ask', lang)}: {', '.join(wanted)} — "
                f"{ {'nl': 'niet', 'fr': 'pas'}.get(lang, 'not')} {key!r}")
            continue
        try:
            parsed[key] = parse_answer(wanted[key], text, lang)
            raw[key] = text
        except AnswerFormatError as exc:
            say(str(exc))
    return parsed, raw


def _write_json(path: str, attempt: Any, score: int, top: int) -> None:
    data = {"exercise": attempt.exercise.id, "version": attempt.exercise.version,
            "trainee": attempt.trainee, "lang": attempt.lang, "scenario": attempt.drawn.as_dict(),
            "steps": [r.as_dict() | {"feedback": r.feedback} for r in attempt.results],
            "score": score, "max": top,
            "session": attempt.writer.id if attempt.writer is not None else None}
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, ensure_ascii=False)
