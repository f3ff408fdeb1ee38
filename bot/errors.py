"""Errors a user can cause in the assistant layer."""

from prompts.errors import ScrutinyError


class AssistantError(ScrutinyError):
    """A request the assistant cannot serve (bad option, unknown area, missing data); one-line message."""
