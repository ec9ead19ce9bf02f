"""Words the instruments view, the connect dialog and the console share, translated.

Kept in one place so a role, a state or an explanation reads the same in the
table, the dialog and the banner, and translators see each phrase once.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from meterlab import paths
from meterlab.errors import FileFormatError, MeterlabError
from meterlab.gui import instruments_probe as probe

CONTEXT = "Instruments"


class State(StrEnum):
    """Where a listed instrument stands. Each is shown with a symbol, never colour alone."""

    ASKING = "asking"  # *IDN? on its way
    AVAILABLE = "available"  # answered *IDN?; no connection held open
    CONNECTED = "connected"  # this view holds an open connection (console, reconnect)
    LOST = "lost"  # the held connection dropped
    RECONNECTING = "reconnecting"
    NO_ANSWER = "no-answer"  # nothing answered at the address
    NOT_ASKED = "not-asked"  # serial ports are not asked on their own


def state_text(state: State) -> str:
    words = {
        State.ASKING: QCoreApplication.translate("Instruments", "… identifying"),
        State.AVAILABLE: QCoreApplication.translate("Instruments", "✓ answers"),
        State.CONNECTED: QCoreApplication.translate("Instruments", "● connected"),
        State.LOST: QCoreApplication.translate("Instruments", "⚠ lost"),
        State.RECONNECTING: QCoreApplication.translate("Instruments", "↻ reconnecting…"),
        State.NO_ANSWER: QCoreApplication.translate("Instruments", "⊘ no answer"),
        State.NOT_ASKED: QCoreApplication.translate("Instruments", "○ not asked"),
    }
    return words[state]


#: Text colour per state in the table (Okabe–Ito, dark enough for text on white).
STATE_COLOUR = {
    State.ASKING: "#5A5A5A",
    State.AVAILABLE: "#1A1A1A",
    State.CONNECTED: "#00704F",
    State.LOST: "#B34700",
    State.RECONNECTING: "#8A4B00",
    State.NO_ANSWER: "#B34700",
    State.NOT_ASKED: "#5A5A5A",
}


def role_text(kind: str) -> str:
    if kind == "dmm":
        return QCoreApplication.translate("Instruments", "Multimeter")
    if kind == "scope":
        return QCoreApplication.translate("Instruments", "Oscilloscope")
    return QCoreApplication.translate("Instruments", "Unknown")


def origin_text(origin: str, label: str = "") -> str:
    if origin == probe.SIMULATED:
        return QCoreApplication.translate("Instruments", "Simulated bench")
    if origin == probe.LOCAL:
        return label or QCoreApplication.translate("Instruments", "In this program")
    if origin == probe.REMEMBERED:
        return QCoreApplication.translate("Instruments", "Last used")
    if origin == probe.MANUAL:
        return QCoreApplication.translate("Instruments", "Added by hand")
    return QCoreApplication.translate("Instruments", "Found by VISA")


def fill(text: str, *values: str) -> str:
    """Put values into a translated text's %1, %2… (translators may reorder them)."""
    for i, value in enumerate(values, start=1):
        text = text.replace(f"%{i}", value)
    return text


def describe_identity(identity: probe.Identity) -> str:
    """One sentence: who answered, and the profile — or where to add one."""
    who = f"{identity.maker} {identity.model}"
    if identity.serial:
        who += ", " + fill(QCoreApplication.translate("Instruments", "serial %1"), identity.serial)
    if identity.firmware:
        who += ", " + fill(QCoreApplication.translate("Instruments", "firmware %1"),
                           identity.firmware)
    if identity.kind:
        return fill(QCoreApplication.translate("Instruments", "%1 — profile: %2 (%3)."),
                    who, identity.profile_name, role_text(identity.kind).lower())
    if identity.profile_problem:
        return fill(QCoreApplication.translate(
            "Instruments", "%1 answers, but the instrument profiles could not be read: %2 "
            "Fix that file, then test again."), who, identity.profile_problem)
    return fill(QCoreApplication.translate(
        "Instruments", "%1 answers, but no instrument profile describes it, so meterlab "
        "cannot drive it yet. Add a profile in %2 (copy a shipped one from a similar model "
        "and change [identify].models); the SCPI console works without one."),
        who, str(paths.user_dir("instruments")))


def error_text(error: BaseException) -> str:
    """An error as the person at the bench should read it (never a traceback)."""
    if isinstance(error, FileFormatError):
        return fill(QCoreApplication.translate(
            "Instruments", "An instrument profile is broken: %1"), str(error))
    if isinstance(error, MeterlabError):
        return str(error)
    return fill(QCoreApplication.translate(
        "Instruments", "Unexpected problem (%1): %2. Try again; if it persists, report it "
        "with this message."), type(error).__name__, str(error))
