"""Bolt listener middleware for every listener that answers: read the job, drop Slack's retries, apply the
allow-lists and the rate limit. They run before the listener's ack; one that stops a request still answers Slack
with HTTP 200 (so Slack does not retry) and records why in the audit log."""

from __future__ import annotations

import logging
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
Middleware = Callable[..., Any]


def job_of(context: BoltContext) -> Job | None:
    """The job the reading middleware found in this request, or None when it asks nothing of the assistant."""
    return context.get(JOB_KEY)


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

    def __init__(self, state: SharedState, audit: AuditLog, access: SlackAccess) -> None:
        self.state = state
        self.audit = audit
        self.access = access

    def chain(self, parse: Callable[[dict[str, Any]], Job | None]) -> list[Middleware]:
        """The middleware for a listener whose payloads `parse` turns into jobs, in the order they apply."""
        return [reading(parse), self.once, self.allowed, self.within_rate_limit]

    def once(self, context: BoltContext, next: Callable[[], None]) -> BoltResponse | None:
        """A delivery already taken (by this worker or another: the database decides) is acked and dropped."""
        job = job_of(context)
        if job is not None and not self.state.claim(job.deliveries):
            log.info("skipping duplicate delivery %s", job.deliveries[0] if job.deliveries else "?")
            return stopped()
        return next()

    def allowed(self, context: BoltContext, client: WebClient,
                next: Callable[[], None]) -> BoltResponse | None:
        """Off the channel or user allow-list: audited as denied, and a polite word only the user sees."""
        job = job_of(context)
        if job is not None and not (self.access.channel_allowed(job.channel) and self.access.user_allowed(job.user)):
            self.audit.record(outcome="denied", **job.audit_fields())
            whisper(client, job.channel, job.user, job.thread_ts, DENIED_TEXT)
            return stopped()
        return next()

    def within_rate_limit(self, context: BoltContext, client: WebClient,
                          next: Callable[[], None]) -> BoltResponse | None:
        """Over the per-user limit: audited as rate_limited, and a polite word only the user sees."""
        job = job_of(context)
        if job is not None and not self.state.allow(job.user, self.access.rate_limit,
                                                    self.access.rate_window_seconds):
            self.audit.record(outcome="rate_limited", **job.audit_fields())
            whisper(client, job.channel, job.user, job.thread_ts, RATE_LIMIT_TEXT)
            return stopped()
        return next()
