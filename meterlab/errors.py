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


class InstrumentTimeout(InstrumentError):
    """An instrument did not answer in time, but the link is still up: it may be busy or
    the link stalled, and its reply may still come (the connection catches up first)."""


class ConnectionLost(InstrumentError):
    """The connection to an instrument dropped; what was read before is kept."""


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
