"""The whole loopback rig: fake Slack Web API + the real app served over HTTP + its database, for tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .fake_slack import Call, FakeSlack
from .signed import ServedApp, SlackSender

SIGNING_SECRET = "loopback-signing-secret"


@dataclass
class Rig:
    """Handles a test needs: the fake Slack, a signed sender, the app's audit log and shared state."""

    slack: FakeSlack
    sender: SlackSender
    audit: Any
    state: Any
    settings: Any

    def mark(self) -> int:
        """A position in the call log, for `calls_since`."""
        with self.slack._lock:
            return len(self.slack.calls)

    def calls_since(self, mark: int) -> list[Call]:
        """Calls recorded after `mark`."""
        with self.slack._lock:
            return list(self.slack.calls[mark:])


@contextmanager
def running_rig(base_settings: Any, assistant: Any, workdir: Path, restricted: str = "",
                access: dict[str, Any] | None = None, http_threads: int = 8) -> Iterator[Rig]:
    """Start the fake Slack and the real app (HTTP, 127.0.0.1, free ports); everything stops on exit."""
    from bot.audit import AuditLog
    from bot.slack.access import load_access
    from bot.slack.app import build_app
    from bot.state import SharedState

    database = f"sqlite:///{workdir / 'slack.db'}"
    with FakeSlack() as slack:
        settings = base_settings.model_copy(update={
            "slack_bot_token": "xoxb-loopback", "slack_signing_secret": SIGNING_SECRET,
            "slack_api_url": slack.api_url, "database_url": database, "restricted_channels": restricted})
        audit, state = AuditLog(database), SharedState(database)
        app = build_app(settings, assistant, state=state, audit=audit, access=load_access(**(access or {})))
        with ServedApp(app, threads=http_threads) as served:
            yield Rig(slack=slack, sender=SlackSender(served.base_url, SIGNING_SECRET), audit=audit, state=state,
                      settings=settings)


def check_payloads(calls: list[Call]) -> int:
    """Validate every Block Kit payload in `calls` with slack-sdk and Slack's limits; returns how many."""
    from bot.slack.blocks import validate_blocks, validate_view

    checked = 0
    for call in calls:
        if call.params.get("blocks"):
            validate_blocks(call.params["blocks"])
            assert len(call.params.get("text") or "") <= 40000, f"{call.method}: text over Slack's 40k limit"
            checked += 1
        if call.params.get("view"):
            validate_view(call.params["view"])
            checked += 1
    return checked
