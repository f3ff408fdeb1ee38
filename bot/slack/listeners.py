"""The listeners that are not jobs for the assistant: acks that answer at once (help, form checks), the modal,
the App Home, feedback and "Show sources" buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_bolt import Ack
from slack_sdk import WebClient

from bot.slack import blocks as kit
from bot.slack.jobs import message_thread, parse_command, plain_text
from bot.slack.texts import CHANNEL_MISSING_TEXT, EXAMPLES, FEEDBACK_THANKS_TEXT, TOPIC_MISSING_TEXT
from bot.slack.web import post, whisper

if TYPE_CHECKING:
    from bot.audit import AuditLog
    from bot.slack.answering import Answerer
    from bot.slack.jobs import Translator


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


def ack_questions_form(ack: Ack, body: dict[str, Any]) -> None:
    """Validate the modal at once: a topic and a place to post are required."""
    form = kit.parse_questions_submission(body.get("view", {}))
    if not form.topic:
        ack(response_action="errors", errors={"topic": TOPIC_MISSING_TEXT})
    elif not form.channel:
        ack(response_action="errors", errors={"channel": CHANNEL_MISSING_TEXT})
    else:
        ack()


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


class Listeners:
    """Listeners that read the audit log or the assistant's holdings."""

    def __init__(self, translator: Translator, answerer: Answerer, audit: AuditLog) -> None:
        self.translator = translator
        self.answerer = answerer
        self.audit = audit

    def home_opened(self, event: dict[str, Any], client: WebClient) -> None:
        """Publish the App Home tab: what the bot does and the data it holds (never restricted titles)."""
        if event.get("tab", "home") != "home" or not event.get("user"):
            return
        # The Home tab belongs to no channel, so it is never a place restricted documents may be listed.
        holdings = self.answerer.holdings(self.translator.caller(None, event["user"]))
        view = kit.home_view(holdings.documents, holdings.datasets, EXAMPLES, hidden=holdings.hidden)
        client.views_publish(user_id=event["user"], view=view)

    def feedback(self, body: dict[str, Any], client: WebClient) -> None:
        """Store a thumbs up/down against the audited request."""
        action = (body.get("actions") or [{}])[0]
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
            whisper(client, channel, user, message_thread(message), FEEDBACK_THANKS_TEXT)

    def show_sources(self, body: dict[str, Any], client: WebClient) -> None:
        """"Show sources": every citation of the audited answer with longer quotes, in the thread."""
        action = (body.get("actions") or [{}])[0]
        channel = body.get("channel", {}).get("id")
        message = body.get("message", {})
        try:
            entry = self.audit.get(int(action.get("value", "0")))
        except ValueError:
            entry = None
        # Sources stay in the conversation they were produced for (a restricted answer's quotes included).
        if entry is None or not channel or entry.channel != channel:
            return
        for m in kit.sources_messages(entry.citations):
            post(client, channel, message_thread(message), m)
