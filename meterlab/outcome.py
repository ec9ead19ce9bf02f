"""The unit's outcome: one rule turning a plan's check verdicts into PASS, FAIL or NOT JUDGED.

Quality staff read one word per unit, so there is exactly one rule, here, and it is
applied exactly once: when a session finishes (`meterlab.bench.session`), and the
word is stored with the session inside its hash chain. Everything that shows an
outcome afterwards (the `meterlab run` line and exit code, `meterlab sessions`, the
GUI's badge and sessions list, the PDF, XLSX, JSON, CSV and Parquet exports) reads the
stored word and never decides again.

The rule takes, for every check of the plan, the verdict of its last result (a retried
check counts with its last attempt) or None when the check has no result (skipped, not
reached, or left out with `--only`):

1. any check FAIL or OVERLOAD → **FAIL**. A reading beyond the instrument's range is
   beyond any limit inside that range (an open resistor is a failed unit, not a
   different kind of result). A measured failure stands even when other checks could
   not be measured: the unit cannot pass whatever they would show.
2. else any check ERROR (no valid reading) or without a result → **NOT JUDGED**. Part of
   the unit was never measured, so neither PASS nor FAIL would be true; a script must
   not read it as either (exit code 2).
3. else any check INDETERMINATE → **FAIL**. INDETERMINATE comes only from the guarded
   decision rule (ILAC-G8:09/2019, "guarded acceptance", section 4.2): the expanded
   uncertainty straddles a limit, and guarded acceptance accepts only results inside
   the limits by more than the uncertainty, so the unit is not accepted. It ranks below
   NOT JUDGED because it is a rejection by the rule, not a value proven outside the
   limits: when checks are missing anyway the unit must be measured again.
4. else any check MARGINAL → **MARGINAL** when the plan says `show_marginal = true`,
   otherwise **PASS**. MARGINAL is a pass (exit code 0) that is close to a limit.
5. else (every check PASS) → **PASS**. A plan with no checks is NOT JUDGED.

Sessions without a plan (`meterlab read`, the GUI's session log) have no unit outcome:
they are logs of readings, not a judged unit, and show "—".
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from meterlab.readings import Verdict


class Outcome(StrEnum):
    """The unit's outcome; the value is the word every face prints and the store keeps."""

    PASS = "PASS"  # noqa: S105 (a word, not a password)
    MARGINAL = "MARGINAL"
    FAIL = "FAIL"
    NOT_JUDGED = "NOT JUDGED"

    @property
    def exit_code(self) -> int:
        """`meterlab run`'s exit code: 0 passed (MARGINAL too), 1 failed, 2 not judged."""
        return _EXIT[self]

    @property
    def symbol(self) -> str:
        """A glyph that carries the outcome without colour."""
        return _SYMBOL[self]

    @property
    def colour_verdict(self) -> Verdict:
        """The verdict whose colours show this outcome (NOT JUDGED wears ERROR's)."""
        return _COLOUR[self]

    @property
    def passed(self) -> bool:
        return self in (Outcome.PASS, Outcome.MARGINAL)

    @classmethod
    def parse(cls, text: str | None) -> Outcome | None:
        """The stored word back as an Outcome; None (no outcome) for NULL, "" or unknown."""
        try:
            return cls(text) if text else None
        except ValueError:
            return None


_EXIT = {Outcome.PASS: 0, Outcome.MARGINAL: 0, Outcome.FAIL: 1, Outcome.NOT_JUDGED: 2}
_SYMBOL = {Outcome.PASS: "✔", Outcome.MARGINAL: "▲", Outcome.FAIL: "✘", Outcome.NOT_JUDGED: "⊘"}
_COLOUR = {Outcome.PASS: Verdict.PASS, Outcome.MARGINAL: Verdict.MARGINAL,
           Outcome.FAIL: Verdict.FAIL, Outcome.NOT_JUDGED: Verdict.ERROR}


def decide_outcome(verdicts: Iterable[Verdict | None], *,
                   show_marginal: bool = False) -> Outcome:
    """The unit's outcome from each plan check's last verdict (None = no result).

    See the module docstring for the rule and why each step is where it is.
    """
    seen = list(verdicts)
    present = set(seen)
    if present & {Verdict.FAIL, Verdict.OVERLOAD}:
        return Outcome.FAIL
    if not seen or None in present or Verdict.ERROR in present:
        return Outcome.NOT_JUDGED
    if Verdict.INDETERMINATE in present:
        return Outcome.FAIL
    if Verdict.MARGINAL in present and show_marginal:
        return Outcome.MARGINAL
    return Outcome.PASS


def last_verdicts(check_ids: Iterable[str],
                  results: Iterable[tuple[str, Verdict]]) -> list[Verdict | None]:
    """Per check id (in plan order), the verdict of its last result, None when it has none.

    `results` are (check_id, verdict) in the order they were recorded, retries included.
    """
    last: dict[str, Verdict] = {}
    for check_id, verdict in results:
        last[check_id] = verdict
    return [last.get(c) for c in dict.fromkeys(check_ids)]


#: Session kinds that judge a unit against a plan; other kinds are logs without an outcome.
JUDGED_KINDS = ("run",)
