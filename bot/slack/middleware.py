"""What stands between a payload and the assistant: read the job (bolt listener middleware, before the ack), then,
in the lazy listener after the ack, drop Slack's retries and double clicks, apply the allow-lists and the rate
limit, and say privately why a request was refused (audited). Nothing here delays the ack: no database write and
no Web API call happens before it."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from slack_bolt import BoltContext, BoltResponse
from slack_sdk import WebClient

from bot.slack.jobs import Job
from bot.slack.texts import DENIED_TEXT, RATE_LIMIT_TEXT
from bot.slack.web import whisper

if TYPE_CHECKING:
    from bot.audit import AuditLog
    from bot.slack.access import SlackAccess
    from bot.state import SharedState

log = logging.getLogger(__name__)

JOB_KEY = "scrutiny_job"  # the bolt context key a request's Job travels under, to the guards and the listener
REFUSAL_KEY = "scrutiny_refusal"  # (audit outcome, text for the user) when a guard stopped the job
ACTION_WINDOW_SECONDS = 30.0  # a second click on the same button within this is the same click
Middleware = Callable[..., Any]


def job_of(context: BoltContext) -> Job | None:
    """The job the reading middleware found in this request, or None when it asks nothing of the assistant."""
    return context.get(JOB_KEY)


def refusal_of(context: BoltContext) -> tuple[str, str] | None:
    """Why a guard stopped this request (audit outcome, what to tell the user), or None."""
    return context.get(REFUSAL_KEY)


def stopped() -> BoltResponse:
    """The response for a request a middleware handled itself: an empty 200, i.e. acknowledged."""
    return BoltResponse(status=200, body="")


def reading(parse: Callable[[dict[str, Any]], Job | None]) -> Middleware:
    """Middleware putting `parse(body)` on the context; None still reaches the ack (help, form errors)."""

    def read_job(body: dict[str, Any], context: BoltContext, next: Callable[[], None]) -> None:
        context[JOB_KEY] = parse(body)
        return next()

    return read_job


class Guards:
    """What stands between a job and the assistant, each step one bolt middleware."""

    def __init__(self, state: SharedState, audit: AuditLog,
                 access: SlackAccess | Callable[[], SlackAccess]) -> None:
        self.state = state
        self.audit = audit
        self.access = access
        # SQLite lets one writer in at a time and makes the others sleep and retry; in a burst those sleeps, not
        # the writes, held "working" replies back, so this worker's guard writes take turns here instead.
        engine = getattr(state, "engine", None)
        sqlite = engine is not None and engine.dialect.name == "sqlite"
        self._serial: Any = threading.Lock() if sqlite else contextlib.nullcontext()

    def chain(self, parse: Callable[[dict[str, Any]], Job | None]) -> list[Middleware]:
        """The middleware for a listener whose payloads `parse` turns into jobs: reading only (the guards run in
        `admit`, after the ack)."""
        return [reading(parse)]

    def admit(self, context: BoltContext, client: WebClient) -> bool:
        """In the lazy listener: True when the job should be answered; a duplicate is dropped silently, a refusal
        is audited and told to the user privately."""
        passed = {"next": False}

        def next_() -> None:
            passed["next"] = True

        with self._serial:
            for guard in (self.once, self.allowed, self.within_rate_limit):
                passed["next"] = False
                guard(context=context, next=next_)
                if not passed["next"]:
                    return False
        return not self.refuse(context, client)

    @property
    def access(self) -> SlackAccess:
        """The Slack settings in force now."""
        return self._access() if callable(self._access) else self._access

    @access.setter
    def access(self, value: SlackAccess | Callable[[], SlackAccess]) -> None:
        self._access = value

    def once(self, context: BoltContext, next: Callable[[], None]) -> BoltResponse | None:
        """A delivery already taken (by this worker or another: the database decides), or a second click on the
        same button, is acked and dropped."""
        job = job_of(context)
        if job is not None and job.action_key and not self.state.claim_action(job.action_key,
                                                                              ACTION_WINDOW_SECONDS):
            log.info("skipping repeated click %s", job.action_key[:80])
            return stopped()
        if job is not None and not self.state.claim(job.deliveries):
            log.info("skipping duplicate delivery %s", job.deliveries[0][:80] if job.deliveries else "?")
            return stopped()
        return next()

    def allowed(self, context: BoltContext, next: Callable[[], None]) -> BoltResponse | None:
        """Off the channel or user allow-list: the lazy listener audits it as denied and tells only the user."""
        job = job_of(context)
        access = self.access
        if job is not None and not (access.channel_allowed(job.channel) and access.user_allowed(job.user)):
            context[REFUSAL_KEY] = ("denied", DENIED_TEXT)
        return next()

    def within_rate_limit(self, context: BoltContext, next: Callable[[], None]) -> BoltResponse | None:
        """Over the per-user limit: the lazy listener audits it as rate_limited and tells only the user."""
        job = job_of(context)
        access = self.access
        if job is not None and refusal_of(context) is None and not self.state.allow(
                job.user, access.rate_limit, access.rate_window_seconds):
            context[REFUSAL_KEY] = ("rate_limited", RATE_LIMIT_TEXT)
        return next()

    def refuse(self, context: BoltContext, client: WebClient) -> bool:
        """In the lazy listener: if a guard stopped the job, audit it and tell the user privately; True if so."""
        job, refusal = job_of(context), refusal_of(context)
        if job is None or refusal is None:
            return False
        outcome, text = refusal
        self.audit.record(outcome=outcome, **job.audit_fields())
        whisper(client, job.channel, job.user, job.thread_ts, text)
        return True
