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


def whisper_message(client: WebClient, channel: str, user: str, thread_ts: str | None, message: SlackMessage) -> None:
    """An ephemeral Block Kit message only `user` sees (raises SlackApiError, unlike `whisper`)."""
    client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts, text=message.text,
                              blocks=message.blocks)


MEMBER_PAGES = 20  # 20,000 members at most: beyond that membership cannot be told


def channel_members(client: WebClient, channel: str) -> list[str] | None:
    """Every member of `channel`, asked of Slack now; None when Slack will not say (bot not in it, no such channel)."""
    members: list[str] = []
    cursor = None
    for _ in range(MEMBER_PAGES):
        try:
            response = client.conversations_members(channel=channel, limit=1000, cursor=cursor)
        except SlackApiError as exc:
            log.info("conversations.members %s: %s", channel, exc.response.get("error"))
            return None
        except OSError as exc:  # a timeout or a dropped connection: membership cannot be told
            log.warning("conversations.members %s: %s", channel, exc)
            return None
        members.extend(str(m) for m in response.get("members") or [])
        cursor = (response.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return members
    return None


def is_member(client: WebClient, channel: str, user: str) -> bool | None:
    """Is `user` a member of `channel`? None when it cannot be told."""
    members = channel_members(client, channel)
    return None if members is None else user in members


def permalink(client: WebClient, channel: str, ts: str | None) -> str | None:
    """A link to a message (the thread an escalation is about), or None."""
    if not ts:
        return None
    try:
        return str(client.chat_getPermalink(channel=channel, message_ts=ts).get("permalink") or "") or None
    except SlackApiError:
        return None
