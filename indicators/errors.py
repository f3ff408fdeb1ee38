"""Errors a user can cause in the indicators package (bad file, unknown indicator or area)."""

from __future__ import annotations

from prompts.errors import ScrutinyError


class IndicatorError(ScrutinyError):
    """A user-caused problem with indicator data or a request for it; the message is one line."""


class ImportValidationError(IndicatorError):
    """A file that cannot be imported: names the file, the line (when one row is at fault) and the reason."""

    def __init__(self, file: str, line: int | None, reason: str) -> None:
        self.file = str(file)
        self.line = line
        self.reason = reason
        where = f"{self.file}:{line}" if line is not None else self.file
        super().__init__(f"{where}: {reason}")


class UnknownIndicatorError(IndicatorError):
    """An indicator id the store does not hold."""


class UnknownAreaError(IndicatorError):
    """An area code or name the store does not hold."""
