"""The PDF report's words in Dutch and French, and the language a report is written in.

The report is drawn without Qt (CLI, headless machines), so it cannot use the
GUI's Qt Linguist catalogs; its fixed vocabulary is small enough for a plain
table keyed by the English text. The outcome and verdict words match the ones
the GUI shows in the same language (ui/translations/meterlab_*.ts), so a
report and the screen never call the same result by two names. Text a person
typed (plan names, notes, check titles) is never translated.
"""

from __future__ import annotations

import os

#: Languages a report can be written in (English is the source language).
REPORT_LANGUAGES = ("en", "nl", "fr")

_NL: dict[str, str] = {
    # outcome of a unit (the badge) and verdicts of single checks
    "outcome:PASS": "GOEDGEKEURD", "outcome:MARGINAL": "GRENSGEVAL",
    "outcome:FAIL": "AFGEKEURD", "outcome:NOT JUDGED": "NIET BEOORDEELD",
    "NO OUTCOME": "GEEN EINDOORDEEL",
    "PASS": "GOED", "MARGINAL": "GRENSGEVAL", "FAIL": "AFGEKEURD",
    "INDETERMINATE": "ONBESLIST", "OVERLOAD": "OVERBEREIK",
    "pass": "goed", "marginal": "grensgeval", "fail": "afgekeurd",
    "indeterminate": "onbeslist", "not measured": "niet gemeten", "no checks": "geen controles",
    "overload": "overbereik", "error": "fout",
    "a log of readings, no plan": "een meetlog, geen plan",
    "unit outcome": "eindoordeel", "checks: {detail}": "controles: {detail}",
    # headings and labels
    "Measurement report": "Meetrapport", "Ad-hoc measurement": "Losse meting",
    " · version {v}": " · versie {v}", "Session {id}": "Sessie {id}",
    "Station": "Meetplaats", "Operator": "Operator", "Device under test": "Te testen toestel",
    "Start": "Start", "Plan": "Plan", "End": "Einde", "Decision rule": "Beslisregel",
    "Software": "Software", "Plan SHA-256": "SHA-256 van het plan",
    "Unit outcome": "Eindoordeel", "Notes: {notes}": "Opmerkingen: {notes}",
    "Instruments": "Instrumenten", "Role": "Rol", "Instrument": "Instrument",
    "Serial": "Serienummer", "Firmware": "Firmware", "Calibration due": "Kalibratie vervalt",
    "not in station file": "niet in het meetplaatsbestand", "EXPIRED": "VERVALLEN",
    "No instrument identity was recorded for this session.":
        "Voor deze sessie is geen instrumentidentiteit vastgelegd.",
    "Checks": "Controles", "Check": "Controle", "Nominal": "Nominaal", "Limits": "Grenzen",
    "Value": "Waarde", "Verdict": "Oordeel", "Readings": "Metingen",
    "not judged": "niet beoordeeld", "mean of readings": "gemiddelde van de metingen",
    "(no check)": "(geen controle)", "limit {text}": "grens {text}",
    "{n} readings recorded": "{n} metingen vastgelegd",
    "Trends and distributions": "Verloop en verdeling", "Integrity": "Integriteit",
    "Final hash (SHA-256): {hash}": "Eindhash (SHA-256): {hash}",
    "Measured by": "Gemeten door", "Reviewed / approved (quality)":
        "Nagekeken / goedgekeurd (kwaliteit)",
    "Name": "Naam", "Date": "Datum", "Signature": "Handtekening",
    "page {n} of {total}": "pagina {n} van {total}", "printed {when} · ": "afgedrukt {when} · ",
    "Measurement sessions — overview": "Meetsessies — overzicht",
    "{n} sessions, {first} to {last}": "{n} sessies, {first} tot {last}",
    "DUT": "DUT", "Status": "Status", "Result": "Resultaat", "Across units": "Over de toestellen",
    "  ({n} sessions)": "  ({n} sessies)",
    "Trend": "Verloop", "mean {x}": "gemiddelde {x}", "std dev {x}": "std.afw. {x}",
    "min {x}": "min {x}", "max {x}": "max {x}",
    "Cp/Cpk need ≥ {n} readings": "Cp/Cpk vragen ≥ {n} metingen",
    "a single reading": "één meting",
    "time (UTC), {span} from first to last reading":
        "tijd (UTC), {span} van eerste tot laatste meting",
    "band: min–max per time slice, line: mean": "band: min–max per tijdvak, lijn: gemiddelde",
    # sentences
    "{outcome} — decided when the session finished; part of its hash chain":
        "{outcome} — bepaald bij het afsluiten van de sessie; deel van de hashketen",
    "none: a log of readings without a plan": "geen: een meetlog zonder plan",
    "rule:simple": (
        "Eenvoudige aanvaarding (ILAC-G8:09/2019, geen beschermingsband): een meting is GOED "
        "als ze binnen de onder- en bovengrens ligt, grenzen inbegrepen, en anders AFGEKEURD. "
        "De meetonzekerheid wordt niet van de tolerantie afgetrokken, dus een meting dicht bij "
        "een grens draagt een risico op onterechte aanvaarding; GRENSGEVAL markeert metingen "
        "binnen de grenzen maar buiten de waarschuwingsband van het plan."),
    "rule:guarded": (
        "Aanvaarding met beschermingsband (ILAC-G8:09/2019, band w = U): elke meting wordt "
        "beoordeeld met de uitgebreide meetonzekerheid U (k = 2) van het instrument. Ze is "
        "GOED alleen als het hele interval waarde ± U binnen de grenzen ligt, AFGEKEURD als "
        "het er volledig buiten ligt, en ONBESLIST als het interval een grens overschrijdt."),
    "integrity": (
        "Elk record van deze sessie is met SHA-256 aan het vorige gekoppeld; de eindhash "
        "hieronder verandert als een opgeslagen waarde, oordeel of detail gewijzigd wordt. "
        "Bevestig hem met: meterlab verify {id}"),
    "no final hash": ("Deze sessie werd nog vastgelegd toen het rapport gemaakt werd, en heeft "
                      "dus nog geen eindhash."),
}

_FR: dict[str, str] = {
    "outcome:PASS": "CONFORME", "outcome:MARGINAL": "MARGINAL",
    "outcome:FAIL": "NON CONFORME", "outcome:NOT JUDGED": "NON JUGÉ",
    "NO OUTCOME": "SANS RÉSULTAT",
    "PASS": "CONFORME", "MARGINAL": "MARGINAL", "FAIL": "NON CONFORME",
    "INDETERMINATE": "INDÉTERMINÉ", "OVERLOAD": "SURCHARGE",
    "pass": "conforme", "marginal": "marginal", "fail": "non conforme",
    "indeterminate": "indéterminé", "not measured": "non mesuré", "no checks": "aucun contrôle",
    "overload": "surcharge", "error": "erreur",
    "a log of readings, no plan": "un relevé de mesures, sans plan",
    "unit outcome": "résultat de l'unité", "checks: {detail}": "contrôles : {detail}",
    "Measurement report": "Rapport de mesure", "Ad-hoc measurement": "Mesure ponctuelle",
    " · version {v}": " · version {v}", "Session {id}": "Session {id}",
    "Station": "Poste", "Operator": "Opérateur", "Device under test": "Appareil testé",
    "Start": "Début", "Plan": "Plan", "End": "Fin", "Decision rule": "Règle de décision",
    "Software": "Logiciel", "Plan SHA-256": "SHA-256 du plan",
    "Unit outcome": "Résultat de l'unité", "Notes: {notes}": "Remarques : {notes}",
    "Instruments": "Instruments", "Role": "Rôle", "Instrument": "Instrument",
    "Serial": "N° de série", "Firmware": "Micrologiciel",
    "Calibration due": "Échéance d'étalonnage",
    "not in station file": "absent du fichier du poste", "EXPIRED": "EXPIRÉ",
    "No instrument identity was recorded for this session.":
        "Aucune identité d'instrument n'a été enregistrée pour cette session.",
    "Checks": "Contrôles", "Check": "Contrôle", "Nominal": "Nominal", "Limits": "Limites",
    "Value": "Valeur", "Verdict": "Verdict", "Readings": "Mesures",
    "not judged": "non jugé", "mean of readings": "moyenne des mesures",
    "(no check)": "(aucun contrôle)", "limit {text}": "limite {text}",
    "{n} readings recorded": "{n} mesures enregistrées",
    "Trends and distributions": "Tendances et distributions", "Integrity": "Intégrité",
    "Final hash (SHA-256): {hash}": "Empreinte finale (SHA-256) : {hash}",
    "Measured by": "Mesuré par", "Reviewed / approved (quality)":
        "Vérifié / approuvé (qualité)",
    "Name": "Nom", "Date": "Date", "Signature": "Signature",
    "page {n} of {total}": "page {n} sur {total}", "printed {when} · ": "imprimé {when} · ",
    "Measurement sessions — overview": "Sessions de mesure — vue d'ensemble",
    "{n} sessions, {first} to {last}": "{n} sessions, du {first} au {last}",
    "DUT": "DUT", "Status": "Statut", "Result": "Résultat", "Across units": "D'une unité à l'autre",
    "  ({n} sessions)": "  ({n} sessions)",
    "Trend": "Tendance", "mean {x}": "moyenne {x}", "std dev {x}": "écart type {x}",
    "min {x}": "min {x}", "max {x}": "max {x}",
    "Cp/Cpk need ≥ {n} readings": "Cp/Cpk demandent ≥ {n} mesures",
    "a single reading": "une seule mesure",
    "time (UTC), {span} from first to last reading":
        "heure (UTC), {span} de la première à la dernière mesure",
    "band: min–max per time slice, line: mean":
        "bande : min–max par tranche de temps, ligne : moyenne",
    "{outcome} — decided when the session finished; part of its hash chain":
        "{outcome} — décidé à la clôture de la session ; fait partie de sa chaîne d'empreintes",
    "none: a log of readings without a plan": "aucun : un relevé de mesures sans plan",
    "rule:simple": (
        "Acceptation simple (ILAC-G8:09/2019, sans bande de garde) : une mesure est CONFORME "
        "lorsqu'elle se situe entre la limite inférieure et la limite supérieure, bornes "
        "comprises, et NON CONFORME sinon. L'incertitude de mesure n'est pas retranchée de la "
        "tolérance : une mesure proche d'une limite comporte donc un risque d'acceptation à "
        "tort ; MARGINAL signale les mesures dans les limites mais hors de la bande "
        "d'avertissement du plan."),
    "rule:guarded": (
        "Acceptation avec bande de garde (ILAC-G8:09/2019, bande w = U) : chaque mesure est "
        "jugée avec l'incertitude élargie U (k = 2) de l'instrument. Elle est CONFORME "
        "seulement si tout l'intervalle valeur ± U se situe dans les limites, NON CONFORME "
        "s'il se situe entièrement en dehors, et INDÉTERMINÉ si l'intervalle chevauche une "
        "limite."),
    "integrity": (
        "Chaque enregistrement de cette session est chaîné par SHA-256 ; l'empreinte finale "
        "ci-dessous change si une valeur, un verdict ou un détail enregistré est modifié. "
        "Vérifiez-la avec : meterlab verify {id}"),
    "no final hash": ("Cette session était encore en cours d'enregistrement lors de la création "
                      "du rapport : elle n'a donc pas encore d'empreinte finale."),
}

_CATALOGS: dict[str, dict[str, str]] = {"nl": _NL, "fr": _FR}


def system_language() -> str:
    """The report language the system asks for (LC_ALL, LC_MESSAGES, LANG), else English.

    Read from the environment rather than Qt so the CLI stays Qt-free.
    """
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        code = value.split(":")[0].split(".")[0].split("_")[0].lower()
        if code in REPORT_LANGUAGES:
            return code
        if code and code not in ("c", "posix"):
            return "en"
    return "en"


def resolve(lang: str | None) -> str:
    """A report language: the one asked for when we have it, else the system's."""
    if lang:
        code = lang.replace("-", "_").split("_")[0].lower()
        if code in REPORT_LANGUAGES:
            return code
    return system_language() if lang is None else "en"


def tr(key: str, lang: str, **fields: object) -> str:
    """The text for `key` in `lang` (English: the key itself), with {fields} filled in."""
    text = _CATALOGS.get(lang, {}).get(key, key)
    return text.format(**fields) if fields else text


def missing(lang: str) -> list[str]:
    """Keys one catalog has that `lang` lacks (tests keep nl and fr complete)."""
    keys = set().union(*_CATALOGS.values())
    return sorted(keys - set(_CATALOGS.get(lang, {})))
