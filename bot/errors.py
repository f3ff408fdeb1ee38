"""Errors a user can cause in the assistant layer."""


class AssistantError(Exception):
    """A request the assistant cannot serve (bad option, unknown area, missing data); one-line message."""
