"""What the trainee types, read forgivingly but never guessed at.

`value = 3,30 V` (a Dutch decimal comma) is fine; `value = 3.30` without a unit is
not, because the unit is part of the skill. A line that cannot be read is asked
again with an example, never answered with a traceback.
"""

from __future__ import annotations

import re
from typing import Any

from meterlab.errors import LimitError
from meterlab.training.format import Answer
from meterlab.units import parse_quantity

VERDICTS: dict[str, str] = {
    "PASS": "PASS", "OK": "PASS", "GOED": "PASS", "GOEDGEKEURD": "PASS", "IN ORDE": "PASS",
    "FAIL": "FAIL", "AFGEKEURD": "FAIL", "AFKEUR": "FAIL", "FOUT": "FAIL", "NOK": "FAIL",
    "MARGINAL": "MARGINAL", "MARGINAAL": "MARGINAL", "WARN": "MARGINAL",
    "INDETERMINATE": "INDETERMINATE", "ONBESLIST": "INDETERMINATE",
    "ONBEPAALD": "INDETERMINATE", "UNDECIDED": "INDETERMINATE",
}
YES = {"YES", "Y", "JA", "J", "OUI", "TRUE", "1"}
NO = {"NO", "N", "NEE", "NON", "FALSE", "0"}
_KELVIN = re.compile(r"^([-+]?\d+(?:\.\d+)?)\s*(?:K|kelvin)$", re.IGNORECASE)
_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_]*)\s*[=:]\s*(.*?)\s*$")


class AnswerFormatError(ValueError):
    """An answer that cannot be read; its message says how to write it."""


def split_line(line: str, lang: str = "en") -> tuple[str, str] | None:
    """`key = value` → (key, value); None for a blank or comment line."""
    s = line.strip()
    if not s or s.startswith("#"):
        return None
    m = _LINE.match(s)
    if m is None:
        raise AnswerFormatError(_say(
            lang, f"schrijf één antwoord per regel als sleutel = waarde (key = value), bv. "
                  f"value = 3.30 V (niet {s[:40]!r})",
            f"write one answer per line as key = value, e.g. value = 3.30 V "
            f"(not {s[:40]!r})",
            f"écrivez une réponse par ligne sous la forme clé = valeur (key = value), p. ex. "
            f"value = 3,30 V (pas {s[:40]!r})"))
    return m.group(1).lower(), m.group(2)


def parse_answer(answer: Answer, text: str, lang: str = "en") -> Any:
    """The typed value of one answer, or AnswerFormatError with an example of the right form."""
    raw = text.strip().strip('"').strip()
    example = f"{answer.key} = {answer.example}"
    if not raw:
        raise AnswerFormatError(_say(lang, f"nog geen antwoord; schrijf bv. {example}",
                                     f"no answer yet; write e.g. {example}",
                                     f"pas encore de réponse ; écrivez p. ex. {example}"))
    kind = answer.kind
    if kind == "quantity":
        src = re.sub(r"(?<=\d),(?=\d)", ".", raw)  # a decimal comma, as Dutch is written
        kelvin = _KELVIN.match(src)
        if kelvin and answer.unit == "°C":
            return float(kelvin.group(1)), "K"  # a quantity, in the wrong unit: graded so
        try:
            value, unit = parse_quantity(src)
        except LimitError:
            raise AnswerFormatError(_say(
                lang, f"geef een getal met eenheid, bv. {example}",
                f"give a number with its unit, e.g. {example}",
                f"donnez un nombre avec son unité, p. ex. {example}")) from None
        return value, unit
    if kind == "verdict":
        v = VERDICTS.get(raw.upper())
        if v is None:
            raise AnswerFormatError(_say(lang, f"antwoord PASS, MARGINAL, FAIL of "
                                               f"INDETERMINATE (bv. {example})",
                                         f"answer PASS, MARGINAL, FAIL or INDETERMINATE "
                                         f"(e.g. {example})",
                                         f"répondez PASS, MARGINAL, FAIL ou INDETERMINATE "
                                         f"(p. ex. {example})"))
        return v
    if kind == "yesno":
        if raw.upper() in YES:
            return True
        if raw.upper() in NO:
            return False
        raise AnswerFormatError(_say(lang, f"antwoord ja of nee (bv. {answer.key} = nee)",
                                     f"answer yes or no (e.g. {answer.key} = no)",
                                     f"répondez oui ou non (p. ex. {answer.key} = non)"))
    if kind == "choice":
        for option in answer.options:
            if option.casefold() == raw.casefold():
                return option
        raise AnswerFormatError(_say(lang, "kies een van: ", "choose one of: ",
                                     "choisissez parmi : ")
                                + ", ".join(answer.options))
    if kind == "number":
        try:
            return int(raw, 0) if not re.fullmatch(r"0[0-9]+", raw) else int(raw, 10)
        except ValueError:
            raise AnswerFormatError(_say(lang, f"geef een geheel getal, bv. {example}",
                                         f"give a whole number, e.g. {example}",
                                         f"donnez un nombre entier, p. ex. {example}")) from None
    return raw


def _say(lang: str, nl: str, en: str, fr: str | None = None) -> str:
    """The message in the trainee's language; French falls back to English where missing."""
    if lang == "fr" and fr:
        return fr
    return nl if lang == "nl" else en
