"""The app manifest asks for exactly the scopes and events the app uses, with matching callback ids."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.slack import blocks as kit

SLACK = Path(__file__).resolve().parents[1] / "bot" / "slack"
# Bot scope each Web API method or event needs (https://api.slack.com/methods, /events).
METHOD_SCOPES = {"chat_postMessage": "chat:write", "chat_update": "chat:write", "chat_postEphemeral": "chat:write",
                 "chat_stream": "chat:write", "chat_getPermalink": None, "files_upload_v2": "files:write",
                 "views_open": None, "views_publish": None, "auth_test": None,
                 "assistant_threads_setStatus": "assistant:write", "assistant_threads_setTitle": "assistant:write",
                 "assistant_threads_setSuggestedPrompts": "assistant:write",
                 # Membership (the questions form, sharing, restricted channels) and the self-check's channel lookup.
                 "conversations_members": ("channels:read", "groups:read"),
                 "conversations_info": ("channels:read", "groups:read")}
# A `message` listener hears direct messages and replies in channel threads the bot answered in (follow-ups).
EVENT_SCOPES = {"app_mention": "app_mentions:read", "message.im": "im:history", "app_home_opened": None,
                "message.channels": "channels:history", "message.groups": "groups:history",
                "assistant_thread_started": "assistant:write", "assistant_thread_context_changed": "assistant:write"}
# bolt's Assistant middleware listener -> the event it subscribes to
THREAD_EVENTS = {"thread_started": "assistant_thread_started",
                 "thread_context_changed": "assistant_thread_context_changed"}


def _manifest() -> dict:
    return yaml.safe_load((SLACK / "manifest.yaml").read_text(encoding="utf-8"))


def _app_source() -> str:
    """Every module of the Slack layer (Web API calls live beside the code that makes them)."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SLACK.glob("*.py")))


def test_scopes_are_exactly_those_the_code_needs() -> None:
    source = _app_source()
    methods = set(re.findall(r"client\.(\w+)\(", source))
    assert methods == set(METHOD_SCOPES), "update METHOD_SCOPES and the manifest together"
    events = set()
    for e in re.findall(r'app\.event\("([\w.]+)"[,)]', source):
        events |= {"message.im", "message.channels", "message.groups"} if e == "message" else {e}
    events |= {THREAD_EVENTS[e] for e in re.findall(r"threads\.(thread_started|thread_context_changed)\(", source)}
    needed: set = {"commands"}
    for scope in [METHOD_SCOPES[m] for m in methods] + [EVENT_SCOPES[e] for e in events]:
        needed |= set(scope) if isinstance(scope, tuple) else {scope}
    needed.discard(None)
    assert sorted(_manifest()["oauth_config"]["scopes"]["bot"]) == sorted(needed)
    assert sorted(_manifest()["settings"]["event_subscriptions"]["bot_events"]) == sorted(events)


def test_command_and_shortcuts_match_the_app() -> None:
    manifest = _manifest()
    source = _app_source()
    commands = [c["command"] for c in manifest["features"]["slash_commands"]]
    assert commands == re.findall(r'app\.command\("([^"]+)"[,)]', source) == ["/scrutiny"]
    shortcuts = {s["callback_id"]: s["type"] for s in manifest["features"]["shortcuts"]}
    assert shortcuts == {kit.SHORTCUT_CALLBACK: "global", kit.MESSAGE_SHORTCUT_CALLBACK: "message"}
    assert {s["name"] for s in manifest["features"]["shortcuts"]} == {"Draft challenge questions"}
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["features"]["assistant_view"]["assistant_description"]


def test_the_self_check_asks_for_the_manifest_scopes() -> None:
    from bot.slack.checks import manifest_scopes
    from slack_harness.fake_slack import DEFAULT_SCOPES

    assert manifest_scopes() == sorted(_manifest()["oauth_config"]["scopes"]["bot"]) == sorted(DEFAULT_SCOPES)
