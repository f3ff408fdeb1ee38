"""Slack payloads -> Jobs: the assistant Request, who asks from where (CallerContext), where the reply goes.

Pure translation, no Web API calls: a payload that asks nothing of the assistant (a bot's own message, `/scrutiny
help`, an incomplete form) gives None.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from pydantic import BaseModel, Field

from bot.models import CallerContext
from bot.pipeline.models import Command, Request
from bot.settings import Settings
from bot.slack.access import SlackAccess
from bot.slack.blocks import parse_questions_submission

Entry = Literal["mention", "dm", "slash", "shortcut", "button"]

_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
_LINK = re.compile(r"<((?:https?|mailto):[^>|]+)(?:\|([^>]*))?>")
_CHANNEL_REF = re.compile(r"<#[A-Z0-9]+\|([^>]*)>")


class Job(BaseModel):
    """One request to answer: what to ask the assistant, for whom, and where the reply goes."""

    entry: Entry
    request: Request
    caller: CallerContext
    thread_ts: str | None = None
    deliveries: list[str] = Field(default_factory=list)  # keys naming this delivery (retries carry the same)
    conversational: bool = False  # a mention or DM: the thread's conversation goes with the request

    @property
    def user(self) -> str:
        """The asking user's ID."""
        return self.caller.user or ""

    @property
    def channel(self) -> str:
        """The channel the reply goes to."""
        return self.caller.channel or ""

    def audit_text(self) -> str:
        """The request as the audit log records it: free text as typed, a command with its options."""
        r = self.request
        if r.command == "handle":
            return r.text
        extras = [f"area={r.area}" if r.area else "", f"indicators={','.join(r.indicators)}" if r.indicators else "",
                  f"meeting={r.meeting_date}" if r.meeting_date else ""]
        return " ".join(x for x in (f"{r.command}:", r.text, *extras) if x)

    def audit_fields(self) -> dict[str, Any]:
        """Who, where and what, for every audit record of this job whatever its outcome."""
        return {"user": self.user, "channel": self.channel, "request": self.audit_text(), "entry": self.entry,
                "restricted_allowed": self.caller.allow_restricted, "thread_ts": self.thread_ts}


def plain_text(slack_text: str) -> str:
    """Slack message text -> the user's words: mentions removed, links and channel names unwrapped, unescaped."""
    text = _MENTION.sub(" ", slack_text or "")
    text = _LINK.sub(lambda m: m.group(2) or m.group(1), text)
    text = _CHANNEL_REF.sub(lambda m: f"#{m.group(1)}", text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())


def parse_command(text: str) -> tuple[Command | Literal["help"], str]:
    """`/scrutiny <sub> <rest>` -> (command, argument); unknown words are treated as a question."""
    words = text.strip().split(maxsplit=1)
    if not words or words[0].lower() in ("help", "?"):
        return "help", ""
    sub, rest = words[0].lower(), (words[1].strip() if len(words) > 1 else "")
    if sub in ("ask", "trend", "questions", "brief", "sources"):
        if sub != "sources" and not rest:
            return "help", ""
        return sub, rest  # type: ignore[return-value]
    return "ask", text.strip()


def message_thread(message: dict[str, Any]) -> str | None:
    """The thread a reply to `message` belongs in: its own thread, or the message itself starts one."""
    return message.get("thread_ts") or message.get("ts")


class Translator:
    """Turns each kind of payload into a Job, deciding restricted access from the current settings."""

    def __init__(self, settings: Settings, access: SlackAccess) -> None:
        self.settings = settings
        self.access = access

    def caller(self, channel: str | None, user: str | None) -> CallerContext:
        """Who is asking, with restricted access decided by channel (and user list, if set)."""
        return self.access.caller(self.settings, channel, user)

    def mention(self, body: dict[str, Any]) -> Job | None:
        """An @mention in a channel: answered in its thread."""
        return self._message(body.get("event", {}), body, "mention")

    def direct_message(self, body: dict[str, Any]) -> Job | None:
        """A direct message (message.im); other message events, and bots' own messages, ask nothing."""
        event = body.get("event", {})
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return None
        return self._message(event, body, "dm")

    def _message(self, event: dict[str, Any], body: dict[str, Any], entry: Entry) -> Job | None:
        channel, ts, user = event.get("channel"), event.get("ts"), event.get("user")
        if not (channel and ts and user):
            return None
        # A retry carries the same event_id; the message key also catches a DM delivered as two event types.
        return Job(entry=entry, request=Request(text=plain_text(event.get("text", "")), make_chart=True),
                   caller=self.caller(channel, user), thread_ts=event.get("thread_ts") or ts,
                   deliveries=[f"event:{body.get('event_id', '')}", f"msg:{channel}:{ts}"], conversational=True)

    def command(self, body: dict[str, Any]) -> Job | None:
        """`/scrutiny ask|trend|questions|brief|sources …`; help is answered in the ack, so it asks nothing."""
        command, argument = parse_command(body.get("text", ""))
        if command == "help":
            return None
        return Job(entry="slash", request=Request(text=argument, command=command, make_chart=True),
                   caller=self.caller(body.get("channel_id", ""), body.get("user_id", "")),
                   deliveries=[f"trigger:{body.get('trigger_id', '')}"])

    def questions_form(self, body: dict[str, Any]) -> Job | None:
        """The "Draft challenge questions" modal, submitted with a topic and a channel to post to."""
        view = body.get("view", {})
        form = parse_questions_submission(view)
        if not form.topic or not form.channel:
            return None
        request = Request(text=form.topic, command="questions", area=form.area, indicators=form.indicators or [],
                          meeting_date=form.meeting_date)
        user = body.get("user", {}).get("id", "")
        return Job(entry="shortcut", request=request, caller=self.caller(form.channel, user), thread_ts=form.thread_ts,
                   deliveries=[f"view:{view.get('id', '')}:{view.get('hash', '')}"])

    def draft_questions_button(self, body: dict[str, Any]) -> Job | None:
        """"Draft questions on this": challenge questions on the answer's topic, in the same thread."""
        action = (body.get("actions") or [{}])[0]
        try:
            topic = str(json.loads(action.get("value", "{}")).get("topic", "")).strip()
        except (ValueError, AttributeError):
            topic = ""
        channel = body.get("channel", {}).get("id")
        if not topic or not channel:
            return None
        return Job(entry="button", request=Request(text=topic, command="questions"),
                   caller=self.caller(channel, body.get("user", {}).get("id", "")),
                   thread_ts=message_thread(body.get("message", {})),
                   deliveries=[f"action:{body.get('trigger_id', '')}"])
