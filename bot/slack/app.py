"""The Slack app: which listener, behind which middleware, takes each event, command, shortcut and button.

A request that asks the assistant something goes: listener middleware (jobs.Translator reads the payload into a
Job; middleware.Guards drops retries, applies the allow-lists and the rate limit) -> an ack at once -> the lazy
answering.Answerer (placeholder, `Assistant.respond`, Block Kit, uploads, audit).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from slack_bolt import App
from slack_sdk import WebClient

from bot.settings import Settings
from bot.slack import blocks as kit
from bot.slack.access import SlackAccess, load_access
from bot.slack.answering import Answerer
from bot.slack.jobs import Translator
from bot.slack.listeners import Listeners, ack_at_once, ack_command, ack_questions_form, open_questions_form
from bot.slack.middleware import Guards
from bot.slack.texts import DENIED_TEXT, ERROR_TEXT, EXAMPLES, NOT_IN_CHANNEL_TEXT, RATE_LIMIT_TEXT

if TYPE_CHECKING:
    from bot.assistant import Assistant
    from bot.audit import AuditLog
    from bot.state import SharedState

__all__ = ["DEFAULT_API_URL", "DENIED_TEXT", "ERROR_TEXT", "EXAMPLES", "LISTENER_THREADS", "NOT_IN_CHANNEL_TEXT",
           "RATE_LIMIT_TEXT", "api_base_url", "build_app"]

DEFAULT_API_URL = "https://slack.com/api/"
LISTENER_THREADS = 32


def api_base_url(url: str | None) -> str:
    """The Web API base URL with the trailing slash slack-sdk expects."""
    base = url or DEFAULT_API_URL
    return base if base.endswith("/") else base + "/"


def build_app(settings: Settings, assistant: Assistant, *, state: SharedState | None = None,
              audit: AuditLog | None = None, access: SlackAccess | None = None,
              token_verification: bool = True, listener_threads: int = LISTENER_THREADS) -> App:
    """The bolt App: every listener acks at once and does its work in a lazy listener."""
    from bot.audit import AuditLog
    from bot.state import SharedState

    state = state or SharedState(settings.database)
    audit = audit or AuditLog(settings.database)
    translator = Translator(settings, access or load_access())
    guards = Guards(state, audit, translator.access)
    answerer = Answerer(assistant, state, audit)
    others = Listeners(translator, answerer, audit)

    client = WebClient(token=settings.slack_bot_token, base_url=api_base_url(settings.slack_api_url))
    app = App(client=client, signing_secret=settings.slack_signing_secret or "",
              token_verification_enabled=token_verification,
              listener_executor=ThreadPoolExecutor(max_workers=listener_threads, thread_name_prefix="slack"))

    answer = [answerer.answer]
    app.event("app_mention", middleware=guards.chain(translator.mention))(ack=ack_at_once, lazy=answer)
    app.event("message", middleware=guards.chain(translator.direct_message))(ack=ack_at_once, lazy=answer)
    app.command("/scrutiny", middleware=guards.chain(translator.command))(ack=ack_command, lazy=answer)
    app.view(kit.MODAL_CALLBACK, middleware=guards.chain(translator.questions_form))(ack=ack_questions_form,
                                                                                    lazy=answer)
    app.action(kit.ACTION_DRAFT_QUESTIONS, middleware=guards.chain(translator.draft_questions_button))(
        ack=ack_at_once, lazy=answer)

    app.event("app_home_opened")(ack=ack_at_once, lazy=[others.home_opened])
    # Opening a modal must use the trigger within 3 s, so it runs in the listener itself (after ack).
    app.shortcut(kit.SHORTCUT_CALLBACK)(open_questions_form)
    app.shortcut(kit.MESSAGE_SHORTCUT_CALLBACK)(open_questions_form)
    app.action(kit.ACTION_FEEDBACK_UP)(ack=ack_at_once, lazy=[others.feedback])
    app.action(kit.ACTION_FEEDBACK_DOWN)(ack=ack_at_once, lazy=[others.feedback])
    app.action(kit.ACTION_SHOW_SOURCES)(ack=ack_at_once, lazy=[others.show_sources])
    return app
