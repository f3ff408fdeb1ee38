"""The Slack app: events, /scrutiny, shortcuts, the modal, App Home and buttons, turned into assistant calls."""

from __future__ import annotations

import json
import logging
import re
import shutil
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel
from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.conversation import Conversation, Turn
from bot.models import Answer, CallerContext
from bot.router import route
from bot.settings import Settings
from bot.slack import blocks as kit
from bot.slack.access import SlackAccess, load_access

if TYPE_CHECKING:
    from bot.assistant import Assistant
    from bot.audit import AuditLog
    from bot.state import SharedState

log = logging.getLogger(__name__)

DEFAULT_API_URL = "https://slack.com/api/"
LISTENER_THREADS = 32
RATE_LIMIT_TEXT = ("You've asked a lot of questions in a short time, so I'm pausing for a moment to keep things "
                   "fair for everyone. Please try again in a few minutes.")
DENIED_TEXT = ("Sorry, I'm not enabled for you in this conversation. Please ask the scrutiny team if you need "
               "access.")
NOT_IN_CHANNEL_TEXT = ("I can't post in this channel yet: invite me with `/invite @Scrutiny assistant`, or send me "
                       "a direct message.")
ERROR_TEXT = "Sorry, something went wrong while answering that. The scrutiny team has been told; please try again."
EXAMPLES = (
    "How has our household recycling rate changed since 2019?",
    "How does our council tax collection compare with our nearest neighbours?",
    "What did the peer challenge recommend about scrutiny?",
    "questions on waste and recycling",
    "brief on homelessness",
)

Command = Literal["handle", "ask", "trend", "questions", "brief", "sources"]
_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
_LINK = re.compile(r"<((?:https?|mailto):[^>|]+)(?:\|([^>]*))?>")
_CHANNEL_REF = re.compile(r"<#[A-Z0-9]+\|([^>]*)>")


class Job(BaseModel):
    """One request to answer: where it came from, where the reply goes, and what to run."""

    entry: str
    command: Command
    text: str
    user: str
    channel: str
    thread_ts: str | None = None
    area: str | None = None
    indicators: list[str] | None = None
    meeting_date: str | None = None


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


def api_base_url(url: str | None) -> str:
    """The Web API base URL with the trailing slash slack-sdk expects."""
    base = url or DEFAULT_API_URL
    return base if base.endswith("/") else base + "/"


class SlackBot:
    """The Slack layer's behaviour; bolt listeners delegate here so it can be read and tested in one place."""

    def __init__(self, settings: Settings, assistant: Assistant, state: SharedState, audit: AuditLog,
                 access: SlackAccess) -> None:
        self.settings = settings
        self.assistant = assistant
        self.state = state
        self.audit = audit
        self.access = access
        # The assistant's models and stores are not shared across threads safely; one request uses it at a time.
        self._assistant_lock = threading.Lock()
        self._answer_queue = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scrutiny-answer")

    # -- entry points ----------------------------------------------------------------------------------------
    def on_mention(self, body: dict[str, Any], client: WebClient) -> None:
        """An @mention in a channel: answer in the thread."""
        event = body.get("event", {})
        self._on_message_event(body, event, "mention", client)

    def on_message(self, body: dict[str, Any], client: WebClient) -> None:
        """A direct message (message.im): answer in a thread; other message events are ignored."""
        event = body.get("event", {})
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        self._on_message_event(body, event, "dm", client)

    def _on_message_event(self, body: dict[str, Any], event: dict[str, Any], entry: str, client: WebClient) -> None:
        channel, ts, user = event.get("channel"), event.get("ts"), event.get("user")
        if not (channel and ts and user):
            return
        # A retry carries the same event_id; the message key also catches a DM delivered as two event types.
        if not self.state.claim([f"event:{body.get('event_id', '')}", f"msg:{channel}:{ts}"]):
            log.info("skipping duplicate delivery %s", body.get("event_id"))
            return
        text = plain_text(event.get("text", ""))
        thread_ts = event.get("thread_ts") or ts
        if not text or route(text).kind == "help":
            self._post(client, channel, thread_ts, kit.help_message())
            return
        self.run(Job(entry=entry, command="handle", text=text, user=user, channel=channel, thread_ts=thread_ts),
                 client)

    def ack_command(self, ack: Ack, body: dict[str, Any]) -> None:
        """Ack /scrutiny at once; help is answered in the ack itself."""
        command, _ = parse_command(body.get("text", ""))
        if command == "help":
            message = kit.help_message()
            ack(text=message.text, blocks=message.blocks)
        else:
            ack()

    def on_command(self, body: dict[str, Any], client: WebClient) -> None:
        """Run /scrutiny ask|trend|questions|brief|sources."""
        command, argument = parse_command(body.get("text", ""))
        if command == "help":
            return
        if not self.state.claim([f"trigger:{body.get('trigger_id', '')}"]):
            return
        self.run(Job(entry="slash", command=command, text=argument, user=body.get("user_id", ""),
                     channel=body.get("channel_id", "")), client)

    def open_modal(self, ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        """Global or message shortcut: open the "Draft challenge questions" modal."""
        ack()
        channel = thread_ts = None
        topic = ""
        if body.get("type") == "message_action":
            channel = body.get("channel", {}).get("id")
            message = body.get("message", {})
            thread_ts = message.get("thread_ts") or message.get("ts")
            topic = plain_text(message.get("text", ""))
        client.views_open(trigger_id=body["trigger_id"], view=kit.questions_modal(topic, channel, thread_ts))

    def ack_modal(self, ack: Ack, body: dict[str, Any]) -> None:
        """Validate the modal at once: a topic is required."""
        request = kit.parse_questions_submission(body.get("view", {}))
        if not request.topic:
            ack(response_action="errors", errors={"topic": "Please give a topic, e.g. waste and recycling."})
        elif not request.channel:
            ack(response_action="errors", errors={"channel": "Please choose where to post the questions."})
        else:
            ack()

    def on_modal_submit(self, body: dict[str, Any], client: WebClient) -> None:
        """Post the drafted questions where the modal said."""
        request = kit.parse_questions_submission(body.get("view", {}))
        if not request.topic or not request.channel:
            return
        if not self.state.claim([f"view:{body.get('view', {}).get('id', '')}:{body.get('view', {}).get('hash', '')}"]):
            return
        self.run(Job(entry="shortcut", command="questions", text=request.topic, user=body.get("user", {}).get("id", ""),
                     channel=request.channel, thread_ts=request.thread_ts, area=request.area,
                     indicators=request.indicators, meeting_date=request.meeting_date), client)

    def on_home_opened(self, event: dict[str, Any], client: WebClient) -> None:
        """Publish the App Home tab."""
        if event.get("tab", "home") != "home" or not event.get("user"):
            return
        with self._assistant_lock:
            holdings = self.assistant.holdings()
        view = kit.home_view(holdings.documents, holdings.datasets, EXAMPLES)
        client.views_publish(user_id=event["user"], view=view)

    def on_feedback(self, body: dict[str, Any], client: WebClient) -> None:
        """Store a thumbs up/down against the audited request."""
        action = body.get("actions", [{}])[0]
        value = 1 if action.get("action_id") == kit.ACTION_FEEDBACK_UP else -1
        user = body.get("user", {}).get("id", "")
        try:
            request_id = int(action.get("value", "0"))
        except ValueError:
            return
        stored = self.audit.feedback(request_id, user, value)
        channel = body.get("channel", {}).get("id")
        message = body.get("message", {})
        if channel and stored:
            self._ephemeral(client, channel, user, message.get("thread_ts") or message.get("ts"),
                            "Thanks \u2013 your feedback has been recorded.")

    def on_draft_questions(self, body: dict[str, Any], client: WebClient) -> None:
        """"Draft questions on this": challenge questions on the answer's topic, in the same thread."""
        action = body.get("actions", [{}])[0]
        try:
            topic = str(json.loads(action.get("value", "{}")).get("topic", "")).strip()
        except (ValueError, AttributeError):
            topic = ""
        channel = body.get("channel", {}).get("id")
        message = body.get("message", {})
        if not topic or not channel:
            return
        if not self.state.claim([f"action:{body.get('trigger_id', '')}"]):
            return
        self.run(Job(entry="button", command="questions", text=topic, user=body.get("user", {}).get("id", ""),
                     channel=channel, thread_ts=message.get("thread_ts") or message.get("ts")), client)

    def on_show_sources(self, body: dict[str, Any], client: WebClient) -> None:
        """"Show sources": every citation of the audited answer with longer quotes, in the thread."""
        action = body.get("actions", [{}])[0]
        channel = body.get("channel", {}).get("id")
        message = body.get("message", {})
        try:
            entry = self.audit.get(int(action.get("value", "0")))
        except ValueError:
            entry = None
        # Sources stay in the conversation they were produced for (a restricted answer's quotes included).
        if entry is None or not channel or entry.channel != channel:
            return
        thread_ts = message.get("thread_ts") or message.get("ts")
        for m in kit.sources_messages(entry.citations):
            self._post(client, channel, thread_ts, m)

    # -- the pipeline ----------------------------------------------------------------------------------------
    def caller(self, channel: str, user: str) -> CallerContext:
        """Who is asking, with restricted access decided by channel (and user list, if set)."""
        return self.access.caller(self.settings, channel, user)

    def run(self, job: Job, client: WebClient) -> None:
        """Access and rate checks, a visible placeholder, the assistant call, the answer, files, audit."""
        caller = self.caller(job.channel, job.user)
        audit_base = {"user": job.user, "channel": job.channel, "request": _request_text(job), "entry": job.entry,
                      "restricted_allowed": caller.allow_restricted, "thread_ts": job.thread_ts}
        if not (self.access.channel_allowed(job.channel) and self.access.user_allowed(job.user)):
            self.audit.record(outcome="denied", **audit_base)
            self._ephemeral(client, job.channel, job.user, job.thread_ts, DENIED_TEXT)
            return
        if not self.state.allow(job.user, self.access.rate_limit, self.access.rate_window_seconds):
            self.audit.record(outcome="rate_limited", **audit_base)
            self._ephemeral(client, job.channel, job.user, job.thread_ts, RATE_LIMIT_TEXT)
            return
        try:
            placeholder = self._post(client, job.channel, job.thread_ts, kit.working_message())
        except SlackApiError as exc:
            if exc.response.get("error") in ("not_in_channel", "channel_not_found"):
                self.audit.record(outcome="not_in_channel", **audit_base)
                self._ephemeral(client, job.channel, job.user, None, NOT_IN_CHANNEL_TEXT)
                return
            raise
        # The placeholder is up; the answer waits its turn on the assistant's own queue so a backlog never
        # delays another request's placeholder.
        self._answer_queue.submit(self._complete, job, caller, placeholder, audit_base, client)

    def _complete(self, job: Job, caller: CallerContext, placeholder: str, audit_base: dict[str, Any],
                  client: WebClient) -> None:
        """Run the assistant and replace the placeholder with the answer; post the rest, files, audit."""
        # Follow-ups, extra chunks and files go in the thread of the request (or of the placeholder).
        thread_ts = job.thread_ts or placeholder
        workdir = Path(tempfile.mkdtemp(prefix="scrutiny-slack-"))
        try:
            try:
                answer, upload, conversation = self._answer(job, caller, thread_ts, workdir)
            except Exception as exc:  # noqa: BLE001 - every failure must still replace the placeholder
                user_message = _user_message(exc)
                if user_message is None:
                    log.exception("answering %s failed", job.command)
                self.audit.record(outcome="error", **audit_base)
                self._update(client, job.channel, placeholder, kit.text_message(user_message or ERROR_TEXT))
                return
            if conversation is not None:  # saved first, so a quick follow-up already sees this turn
                self.state.save_conversation(job.channel, thread_ts, conversation)
            request_id = self.audit.record(outcome="answered", answer_kind=answer.kind, citations=answer.citations,
                                           **audit_base)
            messages = self._messages(job, answer, request_id)
            self._update(client, job.channel, placeholder, messages[0])
            for message in messages[1:]:
                self._post(client, job.channel, thread_ts, message)
            # A briefing note embeds its chart, so only the document goes up in that case.
            if upload is None and answer.chart and Path(answer.chart).is_file():
                client.files_upload_v2(channel=job.channel, thread_ts=thread_ts, file=answer.chart,
                                       filename=Path(answer.chart).name, title="Chart: " + _title(answer))
            if upload is not None:
                client.files_upload_v2(channel=job.channel, thread_ts=thread_ts, file=str(upload),
                                       filename=upload.name, title=f"Briefing note: {job.text}"[:250])
        except Exception:
            log.exception("delivering the answer to %s failed", job.channel)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    def _answer(self, job: Job, caller: CallerContext, thread_ts: str,
                workdir: Path) -> tuple[Answer, Path | None, Conversation | None]:
        conversation = None
        if job.command == "handle":
            conversation = self.state.conversation(job.channel, thread_ts) or Conversation()
        command, topic = job.command, job.text
        if command == "handle":
            r = route(job.text, conversation)
            if r.kind == "brief":
                command, topic = "brief", r.topic or job.text
        with self._assistant_lock:
            if command == "handle":
                return self.assistant.handle(job.text, caller, conversation, make_chart=True), None, conversation
            if command == "ask":
                return self.assistant.ask(job.text, caller, make_chart=True), None, None
            if command == "trend":
                return self.assistant.trend(job.text, caller, area=job.area, make_chart=True), None, None
            if command == "questions":
                return self.assistant.questions(job.text, caller, area=job.area, indicators=job.indicators,
                                                meeting_date=job.meeting_date), None, None
            if command == "brief":
                out = workdir / f"briefing-{_slug(topic)}.docx"
                answer = self.assistant.brief(topic, caller, out=out, area=job.area)
                if conversation is not None:
                    conversation.add(Turn(question=job.text, kind="brief", topic=topic))
                return answer, out if out.is_file() else None, conversation
            holdings = self.assistant.holdings()
        return _holdings_answer(holdings, caller.allow_restricted), None, None

    def _messages(self, job: Job, answer: Answer, request_id: int) -> list[kit.SlackMessage]:
        if job.command == "sources":
            return [kit.text_message(answer.answer)]
        topic = job.text if job.command in ("questions", "brief", "trend") else _topic(answer)
        messages = kit.answer_messages(answer, request_id, topic)
        try:
            for message in messages:
                kit.validate_blocks(message.blocks)
        except kit.BlockLimitError:
            # Never leave the placeholder up because of a rendering slip: plain sections always fit.
            log.exception("answer blocks failed validation; sending plain text")
            return [kit.text_message(answer.answer)]
        return messages

    # -- Web API helpers -------------------------------------------------------------------------------------
    @staticmethod
    def _post(client: WebClient, channel: str, thread_ts: str | None, message: kit.SlackMessage) -> str:
        response = client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=message.text,
                                           blocks=message.blocks, unfurl_links=False, unfurl_media=False)
        return str(response["ts"])

    @staticmethod
    def _update(client: WebClient, channel: str, ts: str, message: kit.SlackMessage) -> None:
        client.chat_update(channel=channel, ts=ts, text=message.text, blocks=message.blocks)

    @staticmethod
    def _ephemeral(client: WebClient, channel: str, user: str, thread_ts: str | None, text: str) -> None:
        try:
            client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts, text=text)
        except SlackApiError as exc:
            log.warning("could not send ephemeral message: %s", exc.response.get("error"))


def _request_text(job: Job) -> str:
    if job.command == "handle":
        return job.text
    extras = [f"area={job.area}" if job.area else "", f"indicators={','.join(job.indicators)}"
              if job.indicators else "", f"meeting={job.meeting_date}" if job.meeting_date else ""]
    return " ".join(x for x in (f"{job.command}:", job.text, *extras) if x)


def _title(answer: Answer) -> str:
    if answer.figures:
        f = answer.figures[0]
        return f"{f.indicator_name or f.indicator_id} ({f.area_name or f.area_code})"[:200]
    return answer.question[:200]


def _topic(answer: Answer) -> str:
    """What "Draft questions on this" should be about: the indicator answered on, else the question."""
    if answer.figures:
        return answer.figures[0].indicator_name or answer.figures[0].indicator_id
    return answer.question


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "topic"


def _holdings_answer(holdings: Any, allow_restricted: bool) -> Answer:
    lines = []
    documents = [d for d in holdings.documents if allow_restricted or getattr(d, "classification", "") != "restricted"]
    hidden = len(holdings.documents) - len(documents)
    lines.append(f"Documents ({len(documents)}):")
    lines.extend(f"\u2022 {d.title} ({str(d.doc_type).replace('_', ' ')}"
                 f"{', ' + d.date.isoformat() if getattr(d, 'date', None) else ''}"
                 f"{', restricted' if getattr(d, 'classification', '') == 'restricted' else ''})" for d in documents)
    if hidden:
        lines.append(f"Plus {hidden} restricted document(s), used only in restricted channels.")
    lines.append(f"\nIndicator datasets ({len(holdings.datasets)}):")
    lines.extend(f"\u2022 {d.name}: {d.indicators} indicators, latest period {d.latest_period or 'n/a'}"
                 for d in holdings.datasets)
    return Answer(question="sources", kind="none", answer="\n".join(lines))


def _user_message(exc: Exception) -> str | None:
    """The one-line message for errors a user can cause; None for bugs."""
    from bot.errors import AssistantError

    user_errors: list[type[Exception]] = [AssistantError]
    for module, name in (("indicators.errors", "IndicatorError"), ("knowledge.errors", "KnowledgeError")):
        try:
            user_errors.append(getattr(__import__(module, fromlist=[name]), name))
        except (ImportError, AttributeError):
            continue
    if isinstance(exc, tuple(user_errors)):
        return f"Sorry: {exc}"
    return None


def _noop_ack(ack: Ack) -> None:
    ack()


def build_app(settings: Settings, assistant: Assistant, *, state: SharedState | None = None,
              audit: AuditLog | None = None, access: SlackAccess | None = None,
              token_verification: bool = True, listener_threads: int = LISTENER_THREADS) -> App:
    """The bolt App: every listener acks at once and does its work in a lazy listener."""
    from bot.audit import AuditLog
    from bot.state import SharedState

    client = WebClient(token=settings.slack_bot_token, base_url=api_base_url(settings.slack_api_url))
    bot = SlackBot(settings, assistant, state or SharedState(settings.database),
                   audit or AuditLog(settings.database), access or load_access())
    app = App(client=client, signing_secret=settings.slack_signing_secret or "",
              token_verification_enabled=token_verification,
              listener_executor=ThreadPoolExecutor(max_workers=listener_threads, thread_name_prefix="slack"))

    app.event("app_mention")(ack=_noop_ack, lazy=[bot.on_mention])
    app.event("message")(ack=_noop_ack, lazy=[bot.on_message])
    app.event("app_home_opened")(ack=_noop_ack, lazy=[bot.on_home_opened])
    app.command("/scrutiny")(ack=bot.ack_command, lazy=[bot.on_command])
    # Opening a modal must use the trigger within 3 s, so it runs in the listener itself (after ack).
    app.shortcut(kit.SHORTCUT_CALLBACK)(bot.open_modal)
    app.shortcut(kit.MESSAGE_SHORTCUT_CALLBACK)(bot.open_modal)
    app.view(kit.MODAL_CALLBACK)(ack=bot.ack_modal, lazy=[bot.on_modal_submit])
    app.action(kit.ACTION_FEEDBACK_UP)(ack=_noop_ack, lazy=[bot.on_feedback])
    app.action(kit.ACTION_FEEDBACK_DOWN)(ack=_noop_ack, lazy=[bot.on_feedback])
    app.action(kit.ACTION_DRAFT_QUESTIONS)(ack=_noop_ack, lazy=[bot.on_draft_questions])
    app.action(kit.ACTION_SHOW_SOURCES)(ack=_noop_ack, lazy=[bot.on_show_sources])
    return app
