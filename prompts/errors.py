"""The one root of every error a user can cause, whichever package raises it.

It lives in `prompts`, the base layer every package may import, because `knowledge` and `indicators` must not
import `bot` or each other and yet their errors must share a root: each front end (the CLI, the Slack app)
catches `ScrutinyError` once and shows its one-line message, and treats anything else as a bug.
"""

from __future__ import annotations

__all__ = ["ScrutinyError"]


class ScrutinyError(Exception):
    """A problem the user can fix (bad file, unknown council, missing setting); the message is one line."""
