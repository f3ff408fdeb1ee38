"""Slack payloads -> Jobs: the assistant Request, who asks from where (CallerContext), where the reply goes.

Pure translation, no Web API calls: a payload that asks nothing of the assistant (a bot's own message, `/scrutiny
help`, an incomplete form) gives None.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, Field

from bot.models import CallerContext
from bot.pipeline.models import Command, Request
from bot.settings import Settings
from bot.slack.access import AccessPolicy, SlackAccess
from bot.slack.blocks import parse_questions_submission

Entry = Literal["mention", "dm", "slash", "shortcut", "button", "assistant", "thread"]
Lane = Literal["quick", "slow"]

_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
_LINK = re.compile(r"<((?:https?|mailto):[^>|]+)(?:\|([^>]*))?>")
_CHANNEL_REF = re.compile(r"<#[A-Z0-9]+\|([^>]*)>")
# Scheduling only (never routing, which is the assistant's): free text that is likely a briefing note or a set of
# challenge questions waits in the slow lane, so quick answers are not held behind it.
_SLOW_TEXT = re.compile(r"^\W*(?:please\s+)?(?:brief|briefing|questions|challenge questions|draft|write)\b", re.I)


class Job(BaseModel):
    """One request to answer: what to ask the assistant, for whom, and where the reply goes."""

    entry: Entry
    request: Request
    caller: CallerContext
    thread_ts: str | None = None
    deliveries: list[str] = Field(default_factory=list)  # keys naming this delivery (retries carry the same)
    action_key: str | None = None  # a button click: de-duplicated within ACTION_WINDOW_SECONDS
    conversational: bool = False  # a mention or DM: the thread's conversation goes with the request
    team: str | None = None  # the workspace (streaming to a channel names its recipient)
    context_channel: str | None = None  # an assistant thread: the channel the user is viewing (context only)

    @property
    def lane(self) -> Lane:
        """Which queue the job waits in: briefing notes and challenge questions take longer."""
        command = self.request.command
        if command in ("brief", "questions"):
            return "slow"
        return "slow" if command == "handle" and _SLOW_TEXT.match(self.request.text) else "quick"

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
        return {"user": self.user, "channel": self.channel, "request": self.audit_text()[:20000],
                "entry": self.entry, "restricted_allowed": self.caller.allow_restricted, "thread_ts": self.thread_ts}


def plain_text(slack_text: str) -> str:
    """Slack message text -> the user's words: mentions removed, links and channel names unwrapped, unescaped."""
    text = _MENTION.sub(" ", slack_text or "")
    text = _LINK.sub(lambda m: m.group(2) or m.group(1), text)
    text = _CHANNEL_REF.sub(lambda m: f"#{m.group(1)}", text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())


def parse_command(text: str) -> tuple[Command | Literal["help", "status"], str]:
    """`/scrutiny <sub> <rest>` -> (command, argument); unknown words are treated as a question."""
    words = text.strip().split(maxsplit=1)
    if not words or words[0].lower() in ("help", "?"):
        return "help", ""
    sub, rest = words[0].lower(), (words[1].strip() if len(words) > 1 else "")
    if sub == "status":
        return "status", ""  # type: ignore[return-value]
    if sub in ("ask", "trend", "questions", "brief", "sources"):
        if sub != "sources" and not rest:
            return "help", ""
        return sub, rest  # type: ignore[return-value]
    return "ask", text.strip()


def message_thread(message: dict[str, Any]) -> str | None:
    """The thread a reply to `message` belongs in: its own thread, or the message itself starts one."""
    return message.get("thread_ts") or message.get("ts")


def _team(body: dict[str, Any]) -> str | None:
    team = body.get("team_id") or (body.get("team") or {}).get("id") or body.get("event", {}).get("team")
    return str(team) if team else None


class Translator:
    """Turns each kind of payload into a Job, deciding restricted access from the current settings.

    `in_thread(channel, thread_ts)` says whether the bot has answered in a channel thread, so a later message
    there is a follow-up without a mention."""

    def __init__(self, settings: Settings, access: SlackAccess, policy: AccessPolicy | None = None,
                 in_thread: Callable[[str, str], bool] | None = None) -> None:
        self.policy = policy or AccessPolicy(settings, access)
        self.in_thread = in_thread or (lambda _c, _t: False)

    @property
    def settings(self) -> Settings:
        """The settings in force now."""
        return self.policy.settings

    @property
    def access(self) -> SlackAccess:
        """The Slack settings in force now."""
        return self.policy.access

    def caller(self, channel: str | None, user: str | None) -> CallerContext:
        """Who is asking, with restricted access decided now by channel (and user list, if set). Answers that use
        restricted documents go to the asker only, so this is the decision for the asker."""
        return self.policy.caller(channel, user, "user")

    def mention(self, body: dict[str, Any]) -> Job | None:
        """An @mention in a channel: answered in its thread."""
        return self._message(body.get("event", {}), body, "mention")

    def direct_message(self, body: dict[str, Any]) -> Job | None:
        """A direct message (message.im); other message events, and bots' own messages, ask nothing."""
        event = body.get("event", {})
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return None
        return self._message(event, body, "dm")

    def channel_message(self, body: dict[str, Any]) -> Job | None:
        """A direct message, or a reply in a channel thread the bot has answered in (a follow-up, no mention
        needed); other messages, and bots' own, ask nothing."""
        event = body.get("event", {})
        if event.get("subtype") or event.get("bot_id"):
            return None
        if event.get("channel_type") == "im":
            return self._message(event, body, "dm")
        thread_ts, channel = event.get("thread_ts"), event.get("channel")
        if event.get("channel_type") not in ("channel", "group") or not thread_ts or not channel:
            return None
        if thread_ts == event.get("ts") or not self.in_thread(channel, thread_ts):
            return None
        # A reply that mentions the bot also arrives as app_mention: the message key makes it one job.
        return self._message(event, body, "thread")

    def assistant_message(self, body: dict[str, Any]) -> Job | None:
        """A message in an assistant thread (Slack's split view or the Messages tab)."""
        event = body.get("event", {})
        if event.get("subtype") or event.get("bot_id"):
            return None
        return self._message(event, body, "assistant")

    def _message(self, event: dict[str, Any], body: dict[str, Any], entry: Entry) -> Job | None:
        channel, ts, user = event.get("channel"), event.get("ts"), event.get("user")
        if not (channel and ts and user):
            return None
        # A retry carries the same event_id; the message key also catches a message delivered as two event types.
        return Job(entry=entry, request=Request(text=plain_text(event.get("text", ""))[:4000], make_chart=True),
                   caller=self.caller(channel, user), thread_ts=event.get("thread_ts") or ts,
                   deliveries=[f"event:{body.get('event_id', '')}", f"msg:{channel}:{ts}"], conversational=True,
                   team=_team(body))

    def command(self, body: dict[str, Any]) -> Job | None:
        """`/scrutiny ask|trend|questions|brief|sources …`; help is answered in the ack, so it asks nothing."""
        command, argument = parse_command(body.get("text", ""))
        if command == "help":
            return None
        if command == "status":
            return None  # the self-check, answered by its own listener for admins
        return Job(entry="slash", request=Request(text=argument[:4000], command=command, make_chart=True),
                   caller=self.caller(body.get("channel_id", ""), body.get("user_id", "")),
                   deliveries=[f"trigger:{body.get('trigger_id', '')}"], team=_team(body))

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
                   deliveries=[f"view:{view.get('id', '')}:{view.get('hash', '')}"], team=_team(body))

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
        user = body.get("user", {}).get("id", "")
        message = body.get("message", {}) or {}
        return Job(entry="button", request=Request(text=topic[:4000], command="questions"),
                   caller=self.caller(channel, user), thread_ts=message_thread(message),
                   deliveries=[f"action:{body.get('trigger_id', '')}"], team=_team(body),
                   action_key=f"draft:{channel}:{message.get('ts') or body.get('container', {}).get('message_ts')}"
                              f":{user}")
