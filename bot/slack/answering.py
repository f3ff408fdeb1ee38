"""The listener every job ends in: a visible "working" reply at once (a placeholder, a stream, an assistant-thread
status or a private note), then `Assistant.respond` in the answer pool, then the reply delivered the same way it
started (replacing the placeholder, streamed, in the assistant thread, or privately with "Share with the
channel"), its chart or briefing note uploaded, the audit record.

An answer that used restricted documents always goes to the asker only: the access decision for showing it to a
whole channel is made again, with the current settings, when someone presses "Share"."""

from __future__ import annotations

import io
import logging
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.models.messages.chunk import TaskUpdateChunk

from bot.conversation import Conversation
from bot.models import Answer, CallerContext
from bot.pipeline.models import Reply
from bot.slack import blocks as kit
from bot.slack.jobs import Job
from bot.slack.middleware import job_of
from bot.slack.mrkdwn import truncate
from bot.slack.texts import BUSY_TEXT, ERROR_TEXT, NOT_IN_CHANNEL_TEXT, PRIVATE_FILE_TEXT, user_error_text
from bot.slack.web import post, replace, whisper, whisper_message
from prompts.errors import ScrutinyError

if TYPE_CHECKING:
    from slack_sdk.web.chat_stream import ChatStream

    from bot.assistant import Assistant, Holdings
    from bot.audit import AuditLog
    from bot.slack.access import AccessPolicy
    from bot.slack.middleware import Guards
    from bot.slack.store import SlackStore
    from bot.slack.workers import AnswerPool
    from bot.state import SharedState

log = logging.getLogger(__name__)

NO_PLACE_ERRORS = ("not_in_channel", "channel_not_found", "is_archived")
# Errors meaning this workspace (or token) cannot stream: fall back to post-then-update from then on.
STREAM_UNSUPPORTED = ("unknown_method", "not_allowed_token_type", "missing_scope", "feature_not_enabled",
                      "not_supported", "method_deprecated", "not_allowed", "invalid_arguments")
WORK_TASK = "answer"
ALT_TEXT_LIMIT = 1000  # files.getUploadURLExternal refuses longer alt text (alt_txt_too_large)
Mode = Literal["update", "stream", "assistant", "private"]


@dataclass
class Delivery:
    """How a job's reply reaches Slack, as decided when its "working" reply went up."""

    mode: Mode
    channel: str
    thread_ts: str | None  # where follow-up messages and files go
    placeholder: str | None = None  # the message replaced by the answer (update mode)
    stream: ChatStream | None = None  # the stream the answer continues (stream mode)


def status_text(job: Job) -> str:
    """The live status while working, from what was asked (the assistant has no progress hook yet)."""
    r = job.request
    text = r.text.lower()
    if r.command == "brief" or re.match(r"\W*(please\s+)?(brief|briefing|write)\b", text):
        return "Writing the briefing note\u2026"
    if r.command == "questions" or re.match(r"\W*(please\s+)?(questions|challenge questions|draft)\b", text):
        return "Drafting challenge questions\u2026"
    if r.command == "sources":
        return "Listing what I hold\u2026"
    if "peer challenge" in text or "peer review" in text:
        return "Reading the peer challenge report\u2026"
    if any(w in text for w in ("neighbour", "neighbor", "compare", "compared", "similar councils", "rank")):
        return "Comparing with our nearest neighbours\u2026"
    if r.command == "trend" or any(w in text for w in ("trend", "since", "changed", "over time")):
        return "Working out the trend\u2026"
    return "Looking through the documents and figures\u2026"


LOADING_MESSAGES = ["Finding the right figures\u2026", "Checking the sources\u2026",
                    "Comparing with similar councils\u2026", "Writing it up with citations\u2026"]


class Answerer:
    """Starts every job's visible reply at once and answers it in the pool (quick and slow lanes)."""

    def __init__(self, pool: AnswerPool, state: SharedState, audit: AuditLog, store: SlackStore,
                 policy: AccessPolicy, guards: Guards) -> None:
        self.pool = pool
        self.state = state
        self.audit = audit
        self.store = store
        self.policy = policy
        self.guards = guards
        self._streaming_failed = False

    def holdings(self, caller: CallerContext) -> Holdings:
        """What the assistant holds, as `caller` may see it (for the App Home and suggested prompts)."""
        return self.pool.holdings(caller)

    @property
    def streaming(self) -> bool:
        """Stream answers now? (SCRUTINY_SLACK_STREAMING=auto, and the workspace has not refused a stream.)"""
        return self.policy.access.streaming != "off" and not self._streaming_failed

    # -- the lazy listener -----------------------------------------------------------------------------------
    def answer(self, context: BoltContext, client: WebClient) -> None:
        """The "working" reply, then queue the answer; a backlog never delays another request's working reply."""
        job = job_of(context)
        if job is None or not self.guards.admit(context, client):
            return
        if job.request.command == "handle" and not job.request.text:  # a bare mention: say what I can do
            post(client, job.channel, job.thread_ts, kit.help_message())
            return
        delivery = self._start(job, client)
        if delivery is None:
            return
        if not self.pool.submit(job.lane, job.user, lambda assistant: self._complete(assistant, job, delivery,
                                                                                        client)):
            self.audit.record(outcome="busy", **job.audit_fields())
            self._fail(job, delivery, client, BUSY_TEXT)

    def _start(self, job: Job, client: WebClient) -> Delivery | None:
        access = self.policy.access
        try:
            if job.entry == "assistant" and job.thread_ts:
                if self._status(job, client):
                    return Delivery(mode="assistant", channel=job.channel, thread_ts=job.thread_ts)
            elif access.private_first(job.channel, job.entry == "slash"):
                whisper_message(client, job.channel, job.user, job.thread_ts, kit.working_message(private=True))
                return Delivery(mode="private", channel=job.channel, thread_ts=job.thread_ts)
            elif self.streaming and job.thread_ts:
                stream = self._open_stream(job, client)
                if stream is not None:
                    return Delivery(mode="stream", channel=job.channel, thread_ts=job.thread_ts, stream=stream)
            placeholder = post(client, job.channel, job.thread_ts, kit.working_message())
            return Delivery(mode="update", channel=job.channel, thread_ts=job.thread_ts or placeholder,
                            placeholder=placeholder)
        except SlackApiError as exc:
            if exc.response.get("error") in NO_PLACE_ERRORS:
                self.audit.record(outcome="not_in_channel", **job.audit_fields())
                whisper(client, job.channel, job.user, None, NOT_IN_CHANNEL_TEXT)
                return None
            raise

    def _status(self, job: Job, client: WebClient) -> bool:
        """An assistant thread's live status (and its title from the first question); False if Slack refused."""
        assert job.thread_ts is not None
        try:
            client.assistant_threads_setStatus(channel_id=job.channel, thread_ts=job.thread_ts,
                                               status=status_text(job), loading_messages=LOADING_MESSAGES)
        except SlackApiError as exc:
            log.warning("assistant.threads.setStatus: %s", exc.response.get("error"))
            return False
        if self.store.take_title(job.channel, job.thread_ts):
            try:
                client.assistant_threads_setTitle(channel_id=job.channel, thread_ts=job.thread_ts,
                                                  title=kit.truncate(kit.clean(job.request.text), 60) or "Question")
            except SlackApiError as exc:
                log.info("assistant.threads.setTitle: %s", exc.response.get("error"))
        return True

    def _open_stream(self, job: Job, client: WebClient, first: str | None = None) -> ChatStream | None:
        """Start a streamed reply (its first chunk is the "working" task, or `first` text); None to fall back."""
        assert job.thread_ts is not None
        stream = client.chat_stream(channel=job.channel, thread_ts=job.thread_ts, buffer_size=1,
                                    recipient_team_id=job.team, recipient_user_id=job.user)
        try:
            if first is None:
                stream.append(chunks=[TaskUpdateChunk(id=WORK_TASK, title=status_text(job), status="in_progress")])
            else:
                stream.append(markdown_text=first)
        except SlackApiError as exc:
            error = exc.response.get("error")
            if error in NO_PLACE_ERRORS:
                raise
            if error in STREAM_UNSUPPORTED:
                log.warning("streaming is not available here (%s): posting and updating instead", error)
                self._streaming_failed = True
            else:
                log.warning("chat.startStream: %s; posting instead", error)
            return None
        return stream

    # -- in the pool -----------------------------------------------------------------------------------------
    def _complete(self, assistant: Assistant, job: Job, delivery: Delivery, client: WebClient) -> None:
        workdir = Path(tempfile.mkdtemp(prefix="scrutiny-slack-"))
        try:
            try:
                reply = self._respond(assistant, job, delivery, workdir)
            except ScrutinyError as exc:  # the user can fix it: say what it was
                self.audit.record(outcome="error", **job.audit_fields())
                self._fail(job, delivery, client, user_error_text(str(exc)))
                return
            except Exception:  # a bug: logged, and the working reply still goes
                log.exception("answering %s failed", job.request.command)
                self.audit.record(outcome="error", **job.audit_fields())
                self._fail(job, delivery, client, ERROR_TEXT)
                return
            self._deliver(job, reply, delivery, client)
        except Exception:
            log.exception("delivering the answer to %s failed", job.channel)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    def _respond(self, assistant: Assistant, job: Job, delivery: Delivery, workdir: Path) -> Reply:
        conversation = None
        if job.conversational and delivery.thread_ts:
            conversation = self.state.conversation(job.channel, delivery.thread_ts) or Conversation()
        # A briefing note is written where it is uploaded from, then removed with the working folder.
        request = job.request.model_copy(update={"out": workdir / "briefing.docx"})
        return assistant.respond(request, job.caller, conversation)

    def _fail(self, job: Job, delivery: Delivery, client: WebClient, text: str) -> None:
        message = kit.text_message(text)
        try:
            if delivery.mode == "private":
                whisper_message(client, job.channel, job.user, job.thread_ts, message)
            elif delivery.mode == "stream" and delivery.stream is not None:
                delivery.stream.stop(chunks=[TaskUpdateChunk(id=WORK_TASK, title=status_text(job), status="error")],
                                     blocks=message.blocks)
            elif delivery.mode == "assistant":
                post(client, job.channel, delivery.thread_ts, message)
            else:
                assert delivery.placeholder is not None
                replace(client, job.channel, delivery.placeholder, message)
        except SlackApiError as exc:
            log.warning("could not report a failure in %s: %s", job.channel, exc.response.get("error"))

    def _deliver(self, job: Job, reply: Reply, delivery: Delivery, client: WebClient) -> None:
        answer = reply.answer
        thread_ts = delivery.thread_ts
        if reply.conversation is not None and thread_ts:  # saved first, so a quick follow-up sees this turn
            self.state.save_conversation(job.channel, thread_ts, reply.conversation)
        if thread_ts and job.entry in ("mention", "thread", "dm", "assistant"):
            self.store.joined(job.channel, thread_ts)
        restricted = self.policy.restricted_citations(answer.citations, job.caller.allow_restricted)
        private = delivery.mode == "private" or bool(restricted)
        request_id = self.audit.record(outcome="answered" if not private else "answered_private",
                                       answer_kind=answer.kind, citations=answer.citations, **job.audit_fields())
        topic = _topic(job, answer)
        file = _file(job, reply, answer)
        share_to = job.channel if job.channel[:1] in ("C", "G") else None
        if job.entry == "assistant" and job.thread_ts:
            thread = self.store.thread(job.channel, job.thread_ts)
            share_to = thread.context_channel if thread is not None else None
        self.store.save_answer(request_id, job.channel, job.user, job.thread_ts, answer, topic, private,
                               share_to=share_to, file_name=file[1] if file else None,
                               file_title=file[2] if file else None,
                               file_data=file[0].read_bytes() if file and private else None)
        buttons = kit.Buttons(share=(private or job.entry == "assistant") and share_to is not None,
                              escalate=bool(self.policy.access.escalation), tables=self.policy.access.tables)
        if private:
            self._deliver_privately(job, answer, request_id, topic, buttons, delivery, client, file is not None)
            return
        special = _special(answer)
        if delivery.mode == "stream" and special is None:
            self._finish_stream(job, answer, request_id, topic, buttons, delivery, client)
        elif delivery.mode == "assistant" and special is None and self.streaming:
            self._stream_new(job, answer, request_id, topic, buttons, delivery, client)
        else:
            messages = special or self._messages(answer, request_id, topic, buttons)
            if delivery.mode == "stream" and delivery.stream is not None:
                delivery.stream.stop(chunks=[_done(job)], blocks=messages[0].blocks)
            elif delivery.mode == "assistant":
                post(client, job.channel, thread_ts, messages[0])
            else:
                assert delivery.placeholder is not None
                replace(client, job.channel, delivery.placeholder, messages[0])
            for message in messages[1:]:
                post(client, job.channel, thread_ts, message)
        if file is not None:
            client.files_upload_v2(channel=job.channel, thread_ts=thread_ts, file=str(file[0]), filename=file[1],
                                   title=file[2], alt_txt=chart_alt_text(file[0]))

    def _deliver_privately(self, job: Job, answer: Answer, request_id: int, topic: str, buttons: kit.Buttons,
                           delivery: Delivery, client: WebClient, has_file: bool) -> None:
        """The answer to the asker only, with "Share with the channel"; the public working reply says so."""
        messages = _special(answer) or self._messages(answer, request_id, topic, buttons)
        if has_file:
            messages.append(kit.text_message(PRIVATE_FILE_TEXT))
        for message in messages:
            whisper_message(client, job.channel, job.user, job.thread_ts, message)
        note = kit.private_note(job.user)
        if delivery.mode == "update" and delivery.placeholder is not None:
            replace(client, job.channel, delivery.placeholder, note)
        elif delivery.mode == "stream" and delivery.stream is not None:
            delivery.stream.stop(chunks=[_done(job)], blocks=note.blocks)

    def _finish_stream(self, job: Job, answer: Answer, request_id: int, topic: str, buttons: kit.Buttons,
                       delivery: Delivery, client: WebClient) -> None:
        """The streamed answer: its text in pieces after the "working" task, then figures, sources and buttons."""
        assert delivery.stream is not None
        self._continue_stream(delivery.stream, kit.streamed_text(answer), [_done(job)], job, answer, request_id,
                              topic, buttons, delivery, client)

    def _stream_new(self, job: Job, answer: Answer, request_id: int, topic: str, buttons: kit.Buttons,
                    delivery: Delivery, client: WebClient) -> None:
        """An assistant thread: the answer streamed as the reply (which clears the status), else posted."""
        pieces = kit.streamed_text(answer)
        stream = self._open_stream(job, client, first=pieces[0])
        if stream is None:
            for message in self._messages(answer, request_id, topic, buttons):
                post(client, job.channel, delivery.thread_ts, message)
            return
        self._continue_stream(stream, pieces[1:], None, job, answer, request_id, topic, buttons, delivery, client)

    def _continue_stream(self, stream: ChatStream, pieces: list[str], chunks: list[TaskUpdateChunk] | None,
                         job: Job, answer: Answer, request_id: int, topic: str, buttons: kit.Buttons,
                         delivery: Delivery, client: WebClient) -> None:
        end = kit.stream_end_messages(answer, request_id, topic, buttons)
        try:
            for piece in pieces:
                stream.append(markdown_text=piece)
            stream.stop(chunks=chunks, blocks=end[0].blocks)
        except SlackApiError as exc:
            # The stream broke off (expired, or refused a piece): the whole answer replaces what was streamed.
            log.warning("streaming to %s failed (%s): updating the message instead", job.channel,
                        exc.response.get("error"))
            if stream.ts is None:
                raise
            messages = self._messages(answer, request_id, topic, buttons)
            replace(client, job.channel, stream.ts, messages[0])
            end = messages
        for message in end[1:]:
            post(client, job.channel, delivery.thread_ts, message)

    def _messages(self, answer: Answer, request_id: int, topic: str, buttons: kit.Buttons) -> list[kit.SlackMessage]:
        messages = kit.answer_messages(answer, request_id, topic, buttons)
        try:
            for message in messages:
                kit.validate_blocks(message.blocks)
        except kit.BlockLimitError:
            # Never leave the working reply up because of a rendering slip: plain sections always fit.
            log.exception("answer blocks failed validation; sending plain text")
            return [kit.text_message(answer.answer)]
        return messages


def _done(job: Job) -> TaskUpdateChunk:
    return TaskUpdateChunk(id=WORK_TASK, title=status_text(job), status="complete")


def _special(answer: Answer) -> list[kit.SlackMessage] | None:
    """Help and `sources` are shown as they are, without answer buttons."""
    understood = answer.understood
    if understood is not None and (understood.intent == "help" or understood.request == "help"):
        return [kit.help_message()]  # "what can you do?", or a greeting ("hi there") that asks nothing yet
    if understood is not None and understood.intent == "sources":
        return [kit.text_message(answer.answer)]
    return None


def _topic(job: Job, answer: Answer) -> str:
    """What "Draft questions on this" should be about: the request's topic, the indicator, else the question."""
    if job.request.command in ("questions", "brief", "trend"):
        return job.request.text
    if answer.figures:
        return answer.figures[0].indicator_name or answer.figures[0].indicator_id
    return answer.question


def _file(job: Job, reply: Reply, answer: Answer) -> tuple[Path, str, str] | None:
    """The file that goes with an answer: a briefing note (which embeds its chart), else a chart."""
    if reply.document is not None and Path(reply.document).is_file():
        name = f"briefing-{_slug(_brief_topic(job, answer))}.docx"
        return Path(reply.document), name, kit.clean(f"Briefing note: {job.request.text}")[:250]
    if answer.chart and Path(answer.chart).is_file():
        return Path(answer.chart), Path(answer.chart).name, kit.clean("Chart: " + _chart_title(answer))[:250]
    return None


def _chart_title(answer: Answer) -> str:
    if answer.figures:
        f = answer.figures[0]
        return f"{f.indicator_name or f.indicator_id} ({f.area_name or f.area_code})"[:200]
    return answer.question[:200]


def _brief_topic(job: Job, answer: Answer) -> str:
    understood = answer.understood
    return understood.topic if understood is not None and understood.topic else job.request.text


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "topic"


def upload_shared_file(client: WebClient, channel: str, thread_ts: str | None, name: str, title: str,
                       data: bytes) -> Any:
    """Upload a stored file (a shared answer's chart or note) from memory, a chart with its alt text."""
    return client.files_upload_v2(channel=channel, thread_ts=thread_ts, content=data, filename=name, title=title,
                                  alt_txt=chart_alt_text(data))


def chart_alt_text(chart: Path | bytes) -> str | None:
    """The alt text a chart PNG carries (written by `indicators.charts`), for screen readers in Slack, cut to the
    length Slack takes; None for a file that is not a PNG (a briefing note) or a PNG without alt text."""
    from indicators.charts import read_alt_text

    if isinstance(chart, bytes):
        if not chart.startswith(b"\x89PNG"):
            return None
        text = read_alt_text(io.BytesIO(chart))
    else:
        if chart.suffix.lower() != ".png":
            return None
        text = read_alt_text(chart)
    return truncate(kit.clean(" ".join(text.split())), ALT_TEXT_LIMIT) or None
