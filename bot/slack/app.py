"""The Slack app: which listener, behind which middleware, takes each event, command, shortcut and button.

A request that asks the assistant something goes: listener middleware (jobs.Translator reads the payload into a
Job) -> an ack at once (no database write, no Web API call before it) -> the lazy answering.Answerer
(middleware.Guards drops retries and double clicks, applies the allow-lists and the rate limit; then a "working"
reply, `Assistant.respond` in the answer pool's quick or slow lane, Block Kit or a stream, uploads, audit).
Assistant threads (Slack's split view) go through bolt's Assistant middleware to the same answerer; a message in a
channel thread the bot has answered in is a follow-up without a mention.
"""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from slack_bolt import App
from slack_bolt import Assistant as AssistantThreads
from slack_bolt.middleware.custom_middleware import CustomMiddleware
from slack_sdk import WebClient

from bot.models import CallerContext
from bot.settings import Settings
from bot.slack import blocks as kit
from bot.slack.access import AccessPolicy, SlackAccess, load_access
from bot.slack.answering import Answerer
from bot.slack.checks import SelfCheck
from bot.slack.jobs import Translator
from bot.slack.listeners import (
    Listeners,
    ack_at_once,
    ack_command,
    open_questions_form,
    open_reason_form,
    questions_form_ack,
)
from bot.slack.middleware import Guards
from bot.slack.store import SlackStore
from bot.slack.texts import DENIED_TEXT, ERROR_TEXT, EXAMPLES, NOT_IN_CHANNEL_TEXT, RATE_LIMIT_TEXT
from bot.slack.web import channel_members
from bot.slack.workers import AnswerPool, extra_assistants

if TYPE_CHECKING:
    from bot.assistant import Assistant
    from bot.audit import AuditLog
    from bot.state import SharedState

__all__ = ["DEFAULT_API_URL", "DENIED_TEXT", "ERROR_TEXT", "EXAMPLES", "LISTENER_THREADS", "NOT_IN_CHANNEL_TEXT",
           "RATE_LIMIT_TEXT", "Parts", "api_base_url", "build_app", "parts_of"]

DEFAULT_API_URL = "https://slack.com/api/"
LISTENER_THREADS = 32
WEB_API_TIMEOUT = 10  # seconds per Web API call (slack-sdk's default is 30)


@dataclass
class Parts:
    """What the app is made of, for `serve` (reload, self-check, warm-up) and the tests."""

    policy: AccessPolicy
    pool: AnswerPool
    store: SlackStore
    checks: SelfCheck
    answerer: Answerer

    def close(self) -> None:
        """Stop the answer pool's workers (after the queue empties)."""
        self.pool.close()


def api_base_url(url: str | None) -> str:
    """The Web API base URL with the trailing slash slack-sdk expects."""
    base = url or DEFAULT_API_URL
    return base if base.endswith("/") else base + "/"


def parts_of(app: App) -> Parts:
    """The parts `build_app` assembled `app` from."""
    return app._scrutiny_parts  # type: ignore[attr-defined]


CLASSES_TTL_SECONDS = 2.0  # the registry is read again at most this often (an ingest changes it rarely)


def document_classes(assistant: Assistant) -> tuple[frozenset[str], frozenset[str]]:
    """(restricted document paths, public document paths) as held now."""
    documents = assistant.kb.documents() if assistant.settings.home.exists() else []
    restricted = frozenset(d.path for d in documents if getattr(d, "classification", "public") == "restricted")
    public = frozenset(d.path for d in documents if getattr(d, "classification", "public") != "restricted")
    return restricted, public


class _Classes:
    """Document classes read through the meta assistant, re-read when older than CLASSES_TTL_SECONDS."""

    def __init__(self, pool: AnswerPool) -> None:
        self.pool = pool
        self._lock = threading.Lock()
        self._at = -1e9
        self._value: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())

    def __call__(self) -> tuple[frozenset[str], frozenset[str]]:
        with self._lock:
            if time.monotonic() - self._at > CLASSES_TTL_SECONDS:
                self._value = self.pool.read(document_classes)
                self._at = time.monotonic()
            return self._value


def relax_sqlite(engine: Any) -> None:
    """On SQLite, the Slack layer's engines commit without waiting for the disk (WAL with synchronous=NORMAL: the
    database stays consistent and a crash of the process loses nothing; a power cut may lose the last moment's
    records). A burst of events then costs about 2 ms of database time each instead of 14 ms, and an answer's audit
    record no longer holds the single SQLite write lock through an fsync while "working" replies wait for it.
    PostgreSQL (production with several workers) is left as it is."""
    if engine.dialect.name != "sqlite":
        return
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _normal_sync(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    engine.dispose()  # connections opened before this get the pragma when they are made again


def build_app(settings: Settings, assistant: Assistant, *, state: SharedState | None = None,
              audit: AuditLog | None = None, access: SlackAccess | None = None,
              token_verification: bool = True, listener_threads: int = LISTENER_THREADS) -> App:
    """The bolt App: every listener acks at once and does its work in a lazy listener."""
    from bot.audit import AuditLog
    from bot.state import SharedState

    access = access or load_access()
    state = state or SharedState(settings.database)
    audit = audit or AuditLog(settings.database)
    relax_sqlite(state.engine)
    relax_sqlite(audit.engine)
    store = SlackStore(state.engine)
    client = WebClient(token=settings.slack_bot_token, base_url=api_base_url(settings.slack_api_url),
                       timeout=WEB_API_TIMEOUT)

    # SCRUTINY_ANSWER_THREADS assistants answer (each one request at a time); one more serves listings and the
    # document classes every access decision reads.
    extra = extra_assistants(assistant, access.answer_threads)
    pool = AnswerPool([assistant, *extra[1:]], meta=extra[0], queue_limit=access.queue_limit)
    me: dict[str, str] = {}

    def members(channel: str) -> list[str] | None:
        """The channel's members other than the bot itself, asked of Slack now."""
        found = channel_members(client, channel)
        if found is None:
            return None
        if "id" not in me:
            me["id"] = str(client.auth_test().get("user_id") or "")
        return [m for m in found if m != me["id"]]

    policy = AccessPolicy(settings, access, members=members, classes=_Classes(pool))
    translator = Translator(settings, access, policy=policy, in_thread=store.in_thread)
    guards = Guards(state, audit, lambda: policy.access)
    answerer = Answerer(pool, state, audit, store, policy, guards)
    checks = SelfCheck(client, lambda: policy.settings.restricted_channel_ids,
                       lambda: pool.holdings(CallerContext(allow_restricted=True)), home=settings.home)
    others = Listeners(answerer, audit, state, store, policy, checks)

    app = App(client=client, signing_secret=settings.slack_signing_secret or "",
              token_verification_enabled=token_verification,
              listener_executor=ThreadPoolExecutor(max_workers=listener_threads, thread_name_prefix="slack"))
    app._scrutiny_parts = Parts(policy=policy, pool=pool, store=store, checks=checks,  # type: ignore[attr-defined]
                                answerer=answerer)

    answer = [answerer.answer]
    # Assistant threads (split view, Messages tab): suggested prompts, the viewed channel as context, answers.
    threads = AssistantThreads()
    threads.thread_started(others.thread_started)
    threads.thread_context_changed(others.thread_context_changed)
    # (Called with keywords only: a lone positional listener is taken as the bare decorator, dropping the rest.)
    threads.user_message(lazy=answer, middleware=[
        CustomMiddleware(app_name="scrutiny", func=f) for f in guards.chain(translator.assistant_message)])(ack_at_once)
    app.assistant(threads)

    app.event("app_mention", middleware=guards.chain(translator.mention))(ack=ack_at_once, lazy=answer)
    # Direct messages, and replies in channel threads the bot has answered in (follow-ups without a mention).
    app.event("message", middleware=guards.chain(translator.channel_message))(ack=ack_at_once, lazy=answer)
    app.command("/scrutiny", middleware=guards.chain(translator.command))(
        ack=ack_command, lazy=[answerer.answer, others.status_command])
    app.view(kit.MODAL_CALLBACK, middleware=guards.chain(translator.questions_form))(
        ack=questions_form_ack(policy), lazy=answer)
    app.action(kit.ACTION_DRAFT_QUESTIONS, middleware=guards.chain(translator.draft_questions_button))(
        ack=ack_at_once, lazy=answer)

    app.event("app_home_opened")(ack=ack_at_once, lazy=[others.home_opened])
    # Opening a modal must use the trigger within 3 s, so it runs in the listener itself (after ack).
    app.shortcut(kit.SHORTCUT_CALLBACK)(open_questions_form)
    app.shortcut(kit.MESSAGE_SHORTCUT_CALLBACK)(open_questions_form)
    app.action(kit.ACTION_FEEDBACK_MORE)(open_reason_form)
    app.action(kit.ACTION_FEEDBACK)(ack=ack_at_once, lazy=[others.feedback])
    app.action(re.compile(f"^{kit.ACTION_FEEDBACK_REASON}_"))(ack=ack_at_once, lazy=[others.feedback_reason])
    app.view(kit.FEEDBACK_MODAL_CALLBACK)(ack=ack_at_once, lazy=[others.reason_submitted])
    app.action(kit.ACTION_SHOW_SOURCES)(ack=ack_at_once, lazy=[others.show_sources])
    app.action(kit.ACTION_SHARE)(ack=ack_at_once, lazy=[others.share])
    app.action(kit.ACTION_ESCALATE)(ack=ack_at_once, lazy=[others.escalate])
    return app
