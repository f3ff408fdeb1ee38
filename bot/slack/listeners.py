"""The listeners that are not jobs for the assistant: acks that answer at once (help, form checks), the modals,
the App Home, assistant threads' suggested prompts, and the answer buttons (feedback, "Show sources", "Share with
the channel", "Ask the scrutiny officer"). Each button click is de-duplicated like an event, decides access again
at the moment it shows anything, and is audited."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack import blocks as kit
from bot.slack.answering import upload_shared_file
from bot.slack.jobs import message_thread, parse_command, plain_text
from bot.slack.middleware import ACTION_WINDOW_SECONDS
from bot.slack.texts import (
    CHANNEL_MISSING_TEXT,
    ESCALATED_ALREADY_TEXT,
    ESCALATED_TEXT,
    EXAMPLES,
    FEEDBACK_THANKS_TEXT,
    MEMBERSHIP_UNKNOWN_TEXT,
    NOT_A_MEMBER_TEXT,
    REASON_THANKS_TEXT,
    SHARE_DONE_TEXT,
    SHARE_GONE_TEXT,
    SHARE_NOT_MEMBER_TEXT,
    SHARE_RESTRICTED_TEXT,
    SHARED_TEXT,
    SOURCES_WITHHELD_TEXT,
    STATUS_ADMIN_TEXT,
    SUGGESTED_PROMPTS,
    TOPIC_MISSING_TEXT,
)
from bot.slack.web import is_member, permalink, post, whisper, whisper_message

if TYPE_CHECKING:
    from bot.audit import AuditLog
    from bot.slack.access import AccessPolicy
    from bot.slack.answering import Answerer
    from bot.slack.checks import SelfCheck
    from bot.slack.store import SlackStore
    from bot.state import SharedState

log = logging.getLogger(__name__)

ACK_CALL_TIMEOUT = 2  # seconds for a Web API call made before an ack


def ack_at_once(ack: Ack) -> None:
    """Acknowledge; the work, if any, happens in the lazy listener."""
    ack()


def ack_command(ack: Ack, body: dict[str, Any]) -> None:
    """Ack /scrutiny at once; help is answered in the ack itself."""
    command, _ = parse_command(body.get("text", ""))
    if command == "help":
        message = kit.help_message()
        ack(text=message.text, blocks=message.blocks)
    else:
        ack()


def questions_form_ack(policy: AccessPolicy) -> Any:
    """The modal's ack: a topic and a place to post are required, and the user must be a member of that channel
    (the form lets anyone pick any channel, a restricted one included)."""

    def ack_questions_form(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        form = kit.parse_questions_submission(body.get("view", {}))
        user = body.get("user", {}).get("id", "")
        if not form.topic:
            ack(response_action="errors", errors={"topic": TOPIC_MISSING_TEXT})
            return
        if not form.channel:
            ack(response_action="errors", errors={"channel": CHANNEL_MISSING_TEXT})
            return
        # Asked inside the ack, so with a short timeout and no retries: Slack wants the ack within 3 s.
        quick = WebClient(token=client.token, base_url=client.base_url, timeout=ACK_CALL_TIMEOUT, retry_handlers=[])
        member = is_member(quick, form.channel, user)
        if member is not True:
            # The channel field exists only on the global form; the message shortcut's channel is the user's own.
            field = "channel" if "channel" in body.get("view", {}).get("state", {}).get("values", {}) else "topic"
            ack(response_action="errors", errors={field: NOT_A_MEMBER_TEXT if member is False
                                                  else MEMBERSHIP_UNKNOWN_TEXT})
            return
        ack()

    return ack_questions_form


def open_questions_form(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
    """Global or message shortcut: open the "Draft challenge questions" modal (the trigger expires in 3 s)."""
    ack()
    channel = thread_ts = None
    topic = ""
    if body.get("type") == "message_action":
        channel = body.get("channel", {}).get("id")
        message = body.get("message", {})
        thread_ts = message_thread(message)
        topic = plain_text(message.get("text", ""))
    client.views_open(trigger_id=body["trigger_id"], view=kit.questions_modal(topic, channel, thread_ts))


def open_reason_form(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
    """"Tell us more" after a thumbs down: a short free-text reason (the trigger expires in 3 s)."""
    ack()
    action = (body.get("actions") or [{}])[0]
    try:
        request_id = int(action.get("value", "0"))
    except ValueError:
        return
    client.views_open(trigger_id=body["trigger_id"], view=kit.reason_modal(request_id))


def _action(body: dict[str, Any]) -> dict[str, Any]:
    return (body.get("actions") or [{}])[0]


def _request_id(value: str) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class Listeners:
    """Listeners that read the audit log, the stored answers or the assistant's holdings."""

    def __init__(self, answerer: Answerer, audit: AuditLog, state: SharedState, store: SlackStore,
                 policy: AccessPolicy, checks: SelfCheck | None = None) -> None:
        self.answerer = answerer
        self.audit = audit
        self.state = state
        self.store = store
        self.policy = policy
        self.checks = checks

    def _audit(self, user: str, channel: str, request: str, outcome: str, entry: str = "button",
               allowed: bool = False, citations: list | None = None) -> int:
        return self.audit.record(user=user, channel=channel or "", request=request[:2000], entry=entry,
                                 outcome=outcome, restricted_allowed=allowed, citations=citations)

    # -- App Home and assistant threads ---------------------------------------------------------------------
    def home_opened(self, event: dict[str, Any], client: WebClient) -> None:
        """Publish the App Home tab: what the bot does and the data it holds (never restricted titles)."""
        if event.get("tab", "home") != "home" or not event.get("user"):
            return
        user = event["user"]
        # The Home tab belongs to no channel, so it is never a place restricted documents may be listed.
        caller = self.policy.caller(None, user, "user")
        holdings = self.answerer.holdings(caller)
        view = kit.home_view(holdings.documents, holdings.datasets, EXAMPLES, hidden=holdings.hidden)
        client.views_publish(user_id=user, view=view)
        self._audit(user, "app_home", "app_home", "home_shown", entry="home", allowed=caller.allow_restricted)

    def thread_started(self, event: dict[str, Any], client: WebClient) -> None:
        """A new assistant thread: suggested prompts that fit the data held, and the channel being viewed kept as
        its context (which never widens access: the thread is a direct message)."""
        thread = event.get("assistant_thread") or {}
        channel, thread_ts = thread.get("channel_id"), thread.get("thread_ts")
        if not channel or not thread_ts:
            return
        context_channel = (thread.get("context") or {}).get("channel_id")
        self.store.joined(channel, thread_ts, context_channel=context_channel or None)
        holdings = self.answerer.holdings(self.policy.caller(channel, thread.get("user_id"), "user"))
        prompts = suggested_prompts(holdings)
        client.assistant_threads_setSuggestedPrompts(channel_id=channel, thread_ts=thread_ts, prompts=prompts,
                                                     title="Try asking:")

    def thread_context_changed(self, event: dict[str, Any]) -> None:
        """The user moved to another channel with the assistant open: that channel is now the thread's context."""
        thread = event.get("assistant_thread") or {}
        channel, thread_ts = thread.get("channel_id"), thread.get("thread_ts")
        context_channel = (thread.get("context") or {}).get("channel_id")
        if channel and thread_ts:
            self.store.joined(channel, thread_ts, context_channel=context_channel or None)

    # -- feedback -------------------------------------------------------------------------------------------
    def feedback(self, body: dict[str, Any], client: WebClient) -> None:
        """Slack's feedback buttons: the vote against the audited request; a thumbs down asks (optionally) why."""
        action = _action(body)
        vote, _, rid = str(action.get("value", "")).partition(":")
        request_id = _request_id(rid)
        user = body.get("user", {}).get("id", "")
        if request_id is None or vote not in ("up", "down"):
            return
        if not self.state.claim_action(f"feedback:{request_id}:{user}:{vote}", ACTION_WINDOW_SECONDS):
            return
        stored = self.audit.feedback(request_id, user, 1 if vote == "up" else -1)
        channel = body.get("channel", {}).get("id")
        if not (channel and stored):
            return
        thread = message_thread(body.get("message") or {})
        if vote == "up":
            whisper(client, channel, user, thread, FEEDBACK_THANKS_TEXT)
            return
        try:
            whisper_message(client, channel, user, thread, kit.reasons_message(request_id))
        except SlackApiError as exc:
            log.warning("could not ask for a reason: %s", exc.response.get("error"))

    def feedback_reason(self, body: dict[str, Any], client: WebClient) -> None:
        """One of the reason buttons after a thumbs down."""
        action = _action(body)
        rid, _, code = str(action.get("value", "")).partition(":")
        request_id, user = _request_id(rid), body.get("user", {}).get("id", "")
        if request_id is None or code not in kit.FEEDBACK_REASONS:
            return
        if not self.state.claim_action(f"reason:{request_id}:{user}:{code}"):
            return
        if self.audit.feedback_reason(request_id, user, kit.FEEDBACK_REASONS[code]):
            channel = body.get("channel", {}).get("id")
            if channel:
                whisper(client, channel, user, None, REASON_THANKS_TEXT)

    def reason_submitted(self, body: dict[str, Any]) -> None:
        """The "Tell us more" modal's text."""
        view = body.get("view", {})
        request_id = _request_id(view.get("private_metadata", ""))
        text = (view.get("state", {}).get("values", {}).get("reason", {}).get("value", {}).get("value") or "")
        if request_id is not None and text.strip() and self.state.claim_action(
                f"reason-view:{view.get('id', '')}:{view.get('hash', '')}"):
            self.audit.feedback_reason(request_id, body.get("user", {}).get("id", ""), text)

    # -- sources, share, escalate ---------------------------------------------------------------------------
    def show_sources(self, body: dict[str, Any], client: WebClient) -> None:
        """"Show sources": every citation the current decision allows here, with longer quotes."""
        action, user = _action(body), body.get("user", {}).get("id", "")
        channel = body.get("channel", {}).get("id")
        request_id = _request_id(action.get("value", ""))
        entry = self.audit.get(request_id) if request_id is not None else None
        # Sources stay in the conversation they were produced for.
        if entry is None or not channel or entry.channel != channel:
            if channel:
                self._audit(user, channel, f"show_sources:{request_id}", "sources_refused")
            return
        ephemeral = bool((body.get("container") or {}).get("is_ephemeral"))
        key = f"sources:{request_id}:{channel}:{user if ephemeral else '*'}"
        if not self.state.claim_action(key, ACTION_WINDOW_SECONDS):
            return
        audience = "user" if ephemeral else "channel"
        withheld = self.policy.restricted_citations(entry.citations, entry.restricted_allowed)
        caller = self.policy.caller(channel, user, audience)
        shown = entry.citations if caller.allow_restricted else [c for c in entry.citations if c not in withheld]
        hidden = len(entry.citations) - len(shown)
        self._audit(user, channel, f"show_sources:{request_id}", "sources_shown" if not hidden else
                    "sources_withheld", allowed=caller.allow_restricted, citations=shown)
        thread = message_thread(body.get("message") or {}) or entry.thread_ts
        for m in kit.sources_messages(shown) if shown else []:
            if ephemeral:
                whisper_message(client, channel, user, thread, m)
            else:
                post(client, channel, thread, m)
        if hidden:
            whisper(client, channel, user, thread, SOURCES_WITHHELD_TEXT.format(n=hidden))

    def share(self, body: dict[str, Any], client: WebClient) -> None:
        """"Share with the channel": re-post a private answer publicly, only if the current decision allows every
        source it used to be seen by the whole channel (restricted ones only in a restricted channel)."""
        action, user = _action(body), body.get("user", {}).get("id", "")
        here = body.get("channel", {}).get("id") or ""
        request_id = _request_id(action.get("value", ""))
        stored = self.store.answer(request_id) if request_id is not None else None
        entry = self.audit.get(request_id) if request_id is not None else None
        label = f"share:{request_id}"
        if stored is None or entry is None or stored.user != user or not stored.share_channel:
            self._audit(user, here, label, "share_refused")
            whisper(client, here, user, None, SHARE_GONE_TEXT)
            return
        target = stored.share_channel
        if target != stored.channel and is_member(client, target, user) is not True:
            self._audit(user, target, label, "share_refused")
            whisper(client, here, user, None, SHARE_NOT_MEMBER_TEXT)
            return
        answer = stored.answer
        restricted = self.policy.restricted_citations(answer.citations, entry.restricted_allowed)
        caller = self.policy.caller(target, user, "channel")
        if restricted and not caller.allow_restricted:
            self._audit(user, target, label, "share_refused", allowed=False)
            whisper(client, here, user, None, SHARE_RESTRICTED_TEXT)
            return
        if not self.state.claim_action(f"share:{request_id}"):
            whisper(client, here, user, None, SHARE_DONE_TEXT)
            return
        thread = stored.thread_ts if target == stored.channel else None
        shared_id = self._audit(user, target, label, "shared", allowed=caller.allow_restricted,
                                citations=answer.citations)
        buttons = kit.Buttons(escalate=bool(self.policy.access.escalation), tables=self.policy.access.tables)
        root = post(client, target, thread, kit.shared_header(user))
        thread = thread or root
        for message in kit.answer_messages(answer, shared_id, stored.topic, buttons):
            post(client, target, thread, message)
        self.store.save_answer(shared_id, target, user, thread, answer, stored.topic, private=False)
        if stored.file_data and stored.file_name:
            upload_shared_file(client, target, thread, stored.file_name, stored.file_title or stored.file_name,
                               stored.file_data)
        whisper(client, here, user, None, SHARED_TEXT)

    def escalate(self, body: dict[str, Any], client: WebClient) -> None:
        """"Ask the scrutiny officer": the question (and the answer, where the destination may see every source it
        used) posted to SCRUTINY_ESCALATION with a link to the thread."""
        destination = self.policy.access.escalation
        action, user = _action(body), body.get("user", {}).get("id", "")
        here = body.get("channel", {}).get("id") or ""
        request_id = _request_id(action.get("value", ""))
        entry = self.audit.get(request_id) if request_id is not None else None
        if not destination or entry is None:
            return
        if not self.state.claim_action(f"escalate:{request_id}"):
            whisper(client, here, user, None, ESCALATED_ALREADY_TEXT)
            return
        stored = self.store.answer(request_id)
        answer = stored.answer if stored is not None else None
        if answer is not None and self.policy.restricted_citations(answer.citations, entry.restricted_allowed):
            # A user ID is a direct message, never a restricted channel; a channel is decided as any other.
            if destination.startswith(("U", "W")) or not self.policy.caller(destination, user,
                                                                            "channel").allow_restricted:
                answer = None
        message_ts = (body.get("message") or {}).get("thread_ts") or (body.get("message") or {}).get("ts")
        link = permalink(client, here, message_ts) if here and not bool(
            (body.get("container") or {}).get("is_ephemeral")) else None
        question = entry.request
        post(client, destination, None, kit.escalation_message(entry.user, entry.channel, question, answer, link,
                                                               user))
        self._audit(user, destination, f"escalate:{request_id}", "escalated", allowed=answer is not None
                    and entry.restricted_allowed, citations=answer.citations if answer else [])
        whisper(client, here, user, None, ESCALATED_TEXT)

    # -- /scrutiny status -----------------------------------------------------------------------------------
    def status_command(self, body: dict[str, Any], client: WebClient) -> None:
        """`/scrutiny status`: the start-up self-check, for an admin only."""
        command, _ = parse_command(body.get("text", ""))
        if command != "status":
            return
        user, channel = body.get("user_id", ""), body.get("channel_id", "")
        if not self.policy.access.is_admin(user) or self.checks is None:
            whisper(client, channel, user, None, STATUS_ADMIN_TEXT)
            self._audit(user, channel, "status", "denied", entry="slash")
            return
        report = self.checks.run()
        whisper_message(client, channel, user, None, kit.status_message(report.problems, report.passed))
        self._audit(user, channel, "status", "status_shown", entry="slash")


def suggested_prompts(holdings: Any) -> list[dict[str, str]]:
    """Up to four prompts that fit what is held (documents by type, indicator data)."""
    kinds = {str(getattr(d, "doc_type", "")) for d in holdings.documents}
    wanted = []
    if holdings.datasets:
        wanted += ["trend", "indicators"]
    if "peer_challenge" in kinds:
        wanted.append("peer_challenge")
    if holdings.documents or holdings.datasets:
        wanted.append("questions")
    if "plan" in kinds and len(wanted) < 4:
        wanted.append("documents")
    if len(wanted) < 4 and (holdings.documents or holdings.datasets):
        wanted.append("brief")
    prompts = [{"title": SUGGESTED_PROMPTS[k][0], "message": SUGGESTED_PROMPTS[k][1]} for k in wanted[:4]]
    return prompts or [{"title": "What can you do?", "message": "help"}]

