"""Errors a user can cause when ingesting or searching documents."""

from prompts.errors import ScrutinyError


class KnowledgeError(ScrutinyError):
    """A user-caused problem (missing path, bad manifest, unknown document): one-line message."""
