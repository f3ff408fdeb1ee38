"""The listener every job ends in: a visible placeholder at once, then `Assistant.respond` on the assistant's own
queue, the reply as Block Kit in place of the placeholder, its chart or briefing note uploaded, the audit record."""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.conversation import Conversation
from bot.models import Answer, CallerContext
from bot.pipeline.models import Reply
from bot.slack import blocks as kit
from bot.slack.jobs import Job
from bot.slack.middleware import job_of
from bot.slack.texts import ERROR_TEXT, NOT_IN_CHANNEL_TEXT, user_error_text
from bot.slack.web import post, replace, whisper
from prompts.errors import ScrutinyError

if TYPE_CHECKING:
    from bot.assistant import Assistant, Holdings
    from bot.audit import AuditLog
    from bot.state import SharedState

log = logging.getLogger(__name__)

NO_PLACE_ERRORS = ("not_in_channel", "channel_not_found")


class Answerer:
    """Answers jobs one at a time (the assistant's models and stores are not safe to share across threads)."""

    def __init__(self, assistant: Assistant, state: SharedState, audit: AuditLog) -> None:
        self.assistant = assistant
        self.state = state
        self.audit = audit
        self._lock = threading.Lock()
        self._queue = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scrutiny-answer")

    def holdings(self, caller: CallerContext) -> Holdings:
        """What the assistant holds, as `caller` may see it (for the App Home), taking its turn with answers."""
        with self._lock:
            return self.assistant.holdings(caller)

    # -- the lazy listener -----------------------------------------------------------------------------------
    def answer(self, context: BoltContext, client: WebClient) -> None:
        """Post the placeholder, then queue the answer; a backlog never delays another request's placeholder."""
        job = job_of(context)
        if job is None:
            return
        if job.request.command == "handle" and not job.request.text:  # a bare mention: say what I can do
            post(client, job.channel, job.thread_ts, kit.help_message())
            return
        try:
            placeholder = post(client, job.channel, job.thread_ts, kit.working_message())
        except SlackApiError as exc:
            if exc.response.get("error") in NO_PLACE_ERRORS:
                self.audit.record(outcome="not_in_channel", **job.audit_fields())
                whisper(client, job.channel, job.user, None, NOT_IN_CHANNEL_TEXT)
                return
            raise
        self._queue.submit(self._complete, job, placeholder, client)

    # -- on the queue ----------------------------------------------------------------------------------------
    def _complete(self, job: Job, placeholder: str, client: WebClient) -> None:
        # Follow-ups, extra chunks and files go in the thread of the request (or of the placeholder).
        thread_ts = job.thread_ts or placeholder
        workdir = Path(tempfile.mkdtemp(prefix="scrutiny-slack-"))
        try:
            try:
                reply = self._respond(job, thread_ts, workdir)
            except ScrutinyError as exc:  # the user can fix it: say what it was
                self._failed(job, placeholder, client, user_error_text(str(exc)))
                return
            except Exception:  # a bug: logged, and the placeholder still goes
                log.exception("answering %s failed", job.request.command)
                self._failed(job, placeholder, client, ERROR_TEXT)
                return
            self._deliver(job, reply, placeholder, thread_ts, client)
        except Exception:
            log.exception("delivering the answer to %s failed", job.channel)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    def _respond(self, job: Job, thread_ts: str, workdir: Path) -> Reply:
        conversation = None
        if job.conversational:
            conversation = self.state.conversation(job.channel, thread_ts) or Conversation()
        # A briefing note is written where it is uploaded from, then removed with the working folder.
        request = job.request.model_copy(update={"out": workdir / "briefing.docx"})
        with self._lock:
            return self.assistant.respond(request, job.caller, conversation)

    def _failed(self, job: Job, placeholder: str, client: WebClient, text: str) -> None:
        self.audit.record(outcome="error", **job.audit_fields())
        replace(client, job.channel, placeholder, kit.text_message(text))

    def _deliver(self, job: Job, reply: Reply, placeholder: str, thread_ts: str, client: WebClient) -> None:
        answer = reply.answer
        if reply.conversation is not None:  # saved first, so a quick follow-up already sees this turn
            self.state.save_conversation(job.channel, thread_ts, reply.conversation)
        request_id = self.audit.record(outcome="answered", answer_kind=answer.kind, citations=answer.citations,
                                       **job.audit_fields())
        messages = self._messages(job, answer, request_id)
        replace(client, job.channel, placeholder, messages[0])
        for message in messages[1:]:
            post(client, job.channel, thread_ts, message)
        # A briefing note embeds its chart, so only the document goes up in that case.
        if reply.document is not None:
            name = f"briefing-{_slug(_brief_topic(job, answer))}.docx"
            client.files_upload_v2(channel=job.channel, thread_ts=thread_ts, file=str(reply.document),
                                   filename=name, title=f"Briefing note: {job.request.text}"[:250])
        elif answer.chart and Path(answer.chart).is_file():
            client.files_upload_v2(channel=job.channel, thread_ts=thread_ts, file=answer.chart,
                                   filename=Path(answer.chart).name, title="Chart: " + _chart_title(answer))

    def _messages(self, job: Job, answer: Answer, request_id: int) -> list[kit.SlackMessage]:
        understood = answer.understood
        if understood is not None and understood.intent == "help":
            return [kit.help_message()]
        if understood is not None and understood.intent == "sources":
            return [kit.text_message(answer.answer)]
        command = job.request.command
        topic = job.request.text if command in ("questions", "brief", "trend") else _topic(answer)
        messages = kit.answer_messages(answer, request_id, topic)
        try:
            for message in messages:
                kit.validate_blocks(message.blocks)
        except kit.BlockLimitError:
            # Never leave the placeholder up because of a rendering slip: plain sections always fit.
            log.exception("answer blocks failed validation; sending plain text")
            return [kit.text_message(answer.answer)]
        return messages


def _chart_title(answer: Answer) -> str:
    if answer.figures:
        f = answer.figures[0]
        return f"{f.indicator_name or f.indicator_id} ({f.area_name or f.area_code})"[:200]
    return answer.question[:200]


def _topic(answer: Answer) -> str:
    """What "Draft questions on this" should be about: the indicator answered on, else the question."""
    if answer.figures:
        return answer.figures[0].indicator_name or answer.figures[0].indicator_id
    return answer.question


def _brief_topic(job: Job, answer: Answer) -> str:
    understood = answer.understood
    return understood.topic if understood is not None and understood.topic else job.request.text


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "topic"
