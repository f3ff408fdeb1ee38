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


    parts: Any = None  # bot.slack.app.Parts: the access policy, the answer pool, the Slack store

    def update_settings(self, restricted: str | None = None, **access: Any) -> None:
        """Change the settings in force (as a reload would): later access decisions use them."""
        from bot.slack.access import load_access

        settings = self.settings if restricted is None else self.settings.model_copy(
            update={"restricted_channels": restricted})
        current = self.parts.policy.access.model_dump()
        self.parts.policy.update(settings=settings, access=load_access(**{**current, **access}))


@contextmanager
def running_rig(base_settings: Any, assistant: Any, workdir: Path, restricted: str = "",
                access: dict[str, Any] | None = None, http_threads: int = 8,
                database: str | None = None) -> Iterator[Rig]:
    """Start the fake Slack and the real app (HTTP, 127.0.0.1, free ports); everything stops on exit.

    Streaming is off unless `access` turns it on ({"streaming": "auto"}), so most tests see post-then-update."""
    from bot.audit import AuditLog
    from bot.slack.access import load_access
    from bot.slack.app import build_app, parts_of
    from bot.state import SharedState

    database = database or f"sqlite:///{workdir / 'slack.db'}"
    with FakeSlack() as slack:
        settings = base_settings.model_copy(update={
            "slack_bot_token": "xoxb-loopback", "slack_signing_secret": SIGNING_SECRET,
            "slack_api_url": slack.api_url, "database_url": database, "restricted_channels": restricted})
        audit, state = AuditLog(database), SharedState(database)
        app = build_app(settings, assistant, state=state, audit=audit,
                        access=load_access(**{"streaming": "off", **(access or {})}))
        try:
            with ServedApp(app, threads=http_threads) as served:
                yield Rig(slack=slack, sender=SlackSender(served.base_url, SIGNING_SECRET), audit=audit,
                          state=state, settings=settings, parts=parts_of(app))
        finally:
            parts_of(app).close()


def check_payloads(calls: list[Call]) -> int:
    """Validate every Block Kit payload in `calls` with slack-sdk and Slack's limits; returns how many."""
    from bot.slack.blocks import validate_blocks, validate_view

    checked = 0
    for call in calls:
        if call.method == "assistant.threads.setSuggestedPrompts":
            prompts = call.params.get("prompts") or []
            assert 1 <= len(prompts) <= 4 and all(p.get("title") and p.get("message") for p in prompts)
            checked += 1
        if call.method in ("chat.startStream", "chat.appendStream", "chat.stopStream"):
            from slack_sdk.models.messages.chunk import Chunk

            for chunk in call.params.get("chunks") or []:
                parsed = Chunk.parse(chunk)
                assert parsed is not None, chunk
                parsed.validate_json()
            assert len(call.params.get("markdown_text") or "") <= 12000
            checked += 1
        if call.params.get("blocks"):
            validate_blocks(call.params["blocks"])
            assert len(call.params.get("text") or "") <= 40000, f"{call.method}: text over Slack's 40k limit"
            checked += 1
        if call.params.get("view"):
            validate_view(call.params["view"])
            checked += 1
    return checked
