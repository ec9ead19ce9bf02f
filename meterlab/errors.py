"""The project's own error types.

Every error a person at the bench may see derives from `MeterlabError` and carries a
message written for them: what happened, what was kept, what to do next. The CLI and
the GUI show `str(error)` and never a traceback.
"""

from __future__ import annotations


class MeterlabError(Exception):
    """Base of every error meterlab reports to a user."""


class UsageError(MeterlabError):
    """The user asked for something that cannot be done as asked."""


class InstrumentError(MeterlabError):
    """An instrument could not be reached, answered wrongly, or reported an error."""

    def __init__(self, message: str, *, resource: str | None = None) -> None:
        super().__init__(message)
        self.resource = resource


class ConnectionLost(InstrumentError):
    """The connection to an instrument dropped; what was read before is kept."""


class InstrumentTimeout(InstrumentError):
    """The instrument is connected but did not answer in time (a reply may still come:
    the connection catches up on it before the next question, see `meterlab.visa_sync`).

    Callers decide on the type, never on the message text: a silent instrument is worth
    waiting for or asking again, a lost link is not.
    """


class ReplyCutOff(InstrumentError):
    """A reply stopped short of what it announced (a data block cut off): like a timeout,
    a fault of the link, not a reply that was wrong."""


class GarbledReply(InstrumentError):
    """A reply that is not text where a line of text was read (bytes that are no
    characters): most often binary data (a screen dump, FORMat REAL readings) read as a
    line, else a link that mangles bytes. Callers that can help (the SCPI console's hint
    about binary queries) decide on this type, never on the word "garbled" in a message."""


class NoAnswer(InstrumentError):
    """Nothing answers at the address: switched off, wrong address, cable, firewall."""


class NoProfile(InstrumentError):
    """Something answers, but no profile of the wanted kind describes it."""


class InstrumentRefused(InstrumentError):
    """The instrument put errors in its queue in answer to meterlab's own commands.

    `errors` holds the (code, message) pairs as the instrument reported them.
    """

    def __init__(self, message: str, *, resource: str | None = None,
                 errors: tuple[tuple[int, str], ...] = ()) -> None:
        super().__init__(message, resource=resource)
        self.errors = errors


class FileFormatError(MeterlabError):
    """A user-edited file (profile, limit plan, exercise, station) is broken.

    The message always names the file, the line when known, and the key, so the
    person who wrote it can go straight to the mistake.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        key: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.key = key
        self.detail = message
        where = ""
        if path:
            where = f"{path}:{line}: " if line else f"{path}: "
        super().__init__(f"{where}{message}")


class LimitError(MeterlabError):
    """A tolerance expression could not be understood, or does not fit the check."""


class StoreError(MeterlabError):
    """The session database cannot be read or written."""
