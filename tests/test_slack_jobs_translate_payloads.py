"""Slack payloads become Jobs (an assistant Request, the caller, the reply's thread, delivery keys) or nothing."""

from __future__ import annotations

from pathlib import Path

from bot.settings import Settings
from bot.slack.access import load_access
from bot.slack.jobs import Translator, plain_text


def _translator(tmp_path: Path) -> Translator:
    settings = Settings(home=tmp_path, restricted_channels="C0EXEMPT")
    return Translator(settings, load_access(restricted_users=""))


def _event(**event: object) -> dict:
    return {"event_id": "Ev1", "event": {"channel": "C0PUB", "user": "U1", "ts": "1.1", **event}}


def test_mentions_and_dms_are_free_text_kept_in_their_thread(tmp_path: Path) -> None:
    t = _translator(tmp_path)
    job = t.mention(_event(text="<@U0BOT> How is <https://x.example|recycling> &amp; waste?", thread_ts="0.9"))
    assert job is not None and job.request.command == "handle" and job.request.text == "How is recycling & waste?"
    assert (job.channel, job.user, job.thread_ts, job.entry) == ("C0PUB", "U1", "0.9", "mention")
    assert job.conversational and job.deliveries == ["event:Ev1", "msg:C0PUB:1.1"]
    assert not job.caller.allow_restricted
    assert t.mention(_event(text="hi", channel="C0EXEMPT")).caller.allow_restricted
    dm = t.direct_message(_event(text="hello", channel="D1", channel_type="im"))
    assert dm is not None and dm.entry == "dm" and dm.thread_ts == "1.1"
    assert t.direct_message(_event(text="Working on it", channel="D1", channel_type="im", bot_id="B1")) is None
    assert t.direct_message(_event(text="edited", channel="D1", channel_type="im", subtype="message_changed")) is None
    assert t.direct_message(_event(text="in a channel", channel_type="channel")) is None


def test_commands_forms_and_buttons(tmp_path: Path) -> None:
    t = _translator(tmp_path)
    command = {"channel_id": "C0PUB", "user_id": "U1", "trigger_id": "trig.1"}
    assert t.command({**command, "text": "help"}) is None and t.command({**command, "text": "brief"}) is None
    trend = t.command({**command, "text": "trend household recycling"})
    assert trend is not None and (trend.request.command, trend.request.text) == ("trend", "household recycling")
    assert trend.deliveries == ["trigger:trig.1"] and trend.audit_text() == "trend: household recycling"
    assert t.command({**command, "text": "How is recycling?"}).request.command == "ask"

    values = {"topic": {"value": {"value": "waste"}}, "channel": {"value": {"selected_conversation": "C0PUB"}},
              "indicators": {"value": {"value": "a, b"}}, "meeting_date": {"value": {"selected_date": "2025-03-04"}}}
    view = {"id": "V1", "hash": "h1", "private_metadata": "{}", "state": {"values": values}}
    form = t.questions_form({"user": {"id": "U2"}, "view": view})
    assert form is not None and form.request.command == "questions" and form.request.indicators == ["a", "b"]
    assert form.audit_text() == "questions: waste indicators=a,b meeting=2025-03-04"
    assert form.deliveries == ["view:V1:h1"] and form.channel == "C0PUB" and form.user == "U2"
    del values["channel"]
    assert t.questions_form({"user": {"id": "U2"}, "view": view}) is None

    button = {"trigger_id": "trig.2", "user": {"id": "U3"}, "channel": {"id": "C0PUB"},
              "message": {"ts": "5.5", "thread_ts": "5.0"}, "actions": [{"value": '{"topic": "Recycling rate"}'}]}
    job = t.draft_questions_button(button)
    assert job is not None and job.request.text == "Recycling rate" and job.thread_ts == "5.0"
    assert t.draft_questions_button({**button, "actions": [{"value": "not json"}]}) is None


def test_plain_text_unwraps_slack_markup() -> None:
    assert plain_text("<@U0BOT|bot> see <#C1|scrutiny> and <mailto:a@b.uk>") == "see #scrutiny and mailto:a@b.uk"
