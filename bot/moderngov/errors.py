"""Errors of the committee-papers connector; each message is one line a user can act on."""

from __future__ import annotations

from prompts.errors import ScrutinyError


class ModernGovError(ScrutinyError):
    """The committee system cannot be used (bad address, unreachable, no such meeting)."""


class FetchError(ModernGovError):
    """One request failed after its retries (HTTP error, timeout, too large, wrong content)."""

    def __init__(self, message: str, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient  # worth trying again on the next sync (5xx, timeouts), unlike a 404


class MalformedResponse(ModernGovError):
    """The service answered with something that is not the XML it documents."""
