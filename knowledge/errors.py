"""Errors a user can cause when ingesting or searching documents."""


class KnowledgeError(Exception):
    """A user-caused problem (missing path, bad manifest, unknown document): one-line message."""
