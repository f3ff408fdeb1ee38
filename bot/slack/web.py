"""The few Web API calls the app makes to post, replace and whisper messages."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.blocks import SlackMessage

log = logging.getLogger(__name__)


def post(client: WebClient, channel: str, thread_ts: str | None, message: SlackMessage) -> str:
    """Post a message (in a thread when `thread_ts` is given); returns its ts."""
    response = client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=message.text,
                                       blocks=message.blocks, unfurl_links=False, unfurl_media=False)
    return str(response["ts"])


def replace(client: WebClient, channel: str, ts: str, message: SlackMessage) -> None:
    """Replace a posted message (the placeholder) with `message`."""
    client.chat_update(channel=channel, ts=ts, text=message.text, blocks=message.blocks)


def whisper(client: WebClient, channel: str, user: str, thread_ts: str | None, text: str) -> None:
    """An ephemeral message only `user` sees; a failure is logged, never raised."""
    try:
        client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts, text=text)
    except SlackApiError as exc:
        log.warning("could not send ephemeral message: %s", exc.response.get("error"))
