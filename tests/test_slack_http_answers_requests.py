"""Through real HTTP with signed requests: mentions, DMs, threads, /scrutiny, the modal, files, buttons, App Home."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.slack import blocks as kit
from slack_harness import Rig, check_payloads, running_rig

WAIT = 180.0


@pytest.fixture(scope="module")
def rig(sample_home, sample_assistant, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    """The real app over the sample pack, served on 127.0.0.1, talking to a fake Slack."""
    with running_rig(sample_home, sample_assistant, tmp_path_factory.mktemp("slack-answers")) as r:
        yield r


@pytest.fixture(autouse=True)
def _payloads_are_valid(rig: Rig) -> Iterator[None]:
    mark = rig.mark()
    yield
    rig.slack.settle(quiet=0.3)
    check_payloads(rig.calls_since(mark))


def _updates(rig: Rig, channel: str, n: int = 1) -> list:
    assert rig.slack.wait_for(lambda f: len(f.of("chat.update", channel)) >= n, WAIT), \
        f"no answer in {channel}: {[c.method for c in rig.slack.calls]}"
    return rig.slack.of("chat.update", channel)


def _blocks_text(call) -> str:
    return json.dumps(call.params.get("blocks"), ensure_ascii=False)


def _actions(call) -> dict[str, str]:
    """Action id -> value (the feedback buttons: the thumbs-up value)."""
    out = {e["action_id"]: e["value"] for b in call.params["blocks"] if b["type"] == "actions"
           for e in b["elements"]}
    out.update({e["action_id"]: e["positive_button"]["value"] for b in call.params["blocks"]
                if b["type"] == "context_actions" for e in b["elements"]})
    return out


def test_mention_is_answered_in_thread_with_citations_and_audited(rig: Rig) -> None:
    reply = rig.sender.mention("What did the peer challenge recommend about recycling?", "C0MENTION",
                               user="U0ALICE", ts="1700000001.000100")
    assert reply.status == 200
    update = _updates(rig, "C0MENTION")[0]
    working = rig.slack.of("chat.postMessage", "C0MENTION")[0]
    assert working.params["thread_ts"] == "1700000001.000100"
    assert working.params["text"] == kit.WORKING_TEXT
    assert update.params["ts"] != "1700000001.000100"  # the placeholder, not the user's message, is replaced
    text = _blocks_text(update)
    assert "*[1]*" in text
    actions = _actions(update)
    assert set(actions) == {kit.ACTION_FEEDBACK, kit.ACTION_DRAFT_QUESTIONS, kit.ACTION_SHOW_SOURCES}
    assert actions[kit.ACTION_FEEDBACK] == f"up:{actions[kit.ACTION_SHOW_SOURCES]}"
    entry = rig.audit.get(int(actions[kit.ACTION_SHOW_SOURCES]))
    assert entry is not None and entry.user == "U0ALICE" and entry.channel == "C0MENTION"
    assert entry.request == "What did the peer challenge recommend about recycling?"
    assert entry.entry == "mention" and entry.outcome == "answered" and entry.answer_kind in ("document", "mixed")
    assert entry.citations and entry.sources
    for citation in entry.citations:  # the audit holds exactly the sources the answer showed
        assert f"*[{citation.id}]* {kit.escape(citation.source)}" in text


def test_follow_up_in_the_thread_uses_the_conversation(rig: Rig) -> None:
    root = "1700000002.000100"
    rig.sender.mention("How has our household recycling rate changed since 2019?", "C0THREAD", ts=root)
    first = _updates(rig, "C0THREAD", 1)[0]
    assert "recycling" in _blocks_text(first).lower()
    rig.sender.mention("and compared with our nearest neighbours?", "C0THREAD", ts="1700000002.000200",
                       thread_ts=root)
    second = _updates(rig, "C0THREAD", 2)[1]
    posts = rig.slack.of("chat.postMessage", "C0THREAD")
    assert {p.params["thread_ts"] for p in posts} == {root}
    conversation = rig.state.conversation("C0THREAD", root)
    assert conversation is not None and len(conversation.turns) == 2
    assert conversation.turns[1].indicator_id == conversation.turns[0].indicator_id is not None
    assert "recycling" in _blocks_text(second).lower()


def test_direct_message_is_answered_and_bot_messages_ignored(rig: Rig) -> None:
    event = {"type": "message", "channel": "D0ALICE", "channel_type": "im", "user": "U0ALICE",
             "text": "What are the council plan's priorities?", "ts": "1700000003.000100"}
    assert rig.sender.event(event).status == 200
    bot_echo = {**event, "ts": "1700000003.000200", "bot_id": "B0BOT", "text": "Working on it"}
    assert rig.sender.event(bot_echo).status == 200
    update = _updates(rig, "D0ALICE")[0]
    assert "Council Plan" in _blocks_text(update)
    rig.slack.settle(quiet=1.0)
    assert len(rig.slack.of("chat.postMessage", "D0ALICE")) == 1


def test_slash_command_answers_and_help_is_immediate(rig: Rig) -> None:
    help_reply = rig.sender.command("help", "C0SLASH")
    assert help_reply.status == 200 and "What I can do" in help_reply.body
    assert not rig.slack.of("chat.postMessage", "C0SLASH")

    assert rig.sender.command("ask What are the council plan's priorities?", "C0SLASH").status == 200
    update = _updates(rig, "C0SLASH")[0]
    assert "Council Plan" in _blocks_text(update)
    assert rig.slack.of("chat.postMessage", "C0SLASH")[0].params.get("thread_ts") is None


def test_slash_command_where_the_bot_is_not_invited_says_how_to_fix_it(rig: Rig) -> None:
    rig.slack.errors[("chat.postMessage", "C0NOTIN")] = "not_in_channel"
    rig.sender.command("ask How is recycling?", "C0NOTIN", user="U0BOB")
    assert rig.slack.wait_for(lambda f: f.of("chat.postEphemeral", "C0NOTIN"), WAIT)
    assert "/invite" in rig.slack.of("chat.postEphemeral", "C0NOTIN")[0].params["text"]


def test_trend_chart_is_uploaded_through_the_files_upload_v2_sequence(rig: Rig) -> None:
    mark = rig.mark()
    rig.sender.command("trend household recycling rate", "C0CHART")
    placeholder = _updates(rig, "C0CHART")[0].params["ts"]
    assert rig.slack.wait_for(lambda f: f.of("files.completeUploadExternal", "C0CHART"), WAIT)
    calls = rig.calls_since(mark)
    methods = [c.method for c in calls]
    get_url = methods.index("files.getUploadURLExternal")
    complete = methods.index("files.completeUploadExternal")
    assert get_url < complete
    file_id = calls[complete].params["files"][0]["id"]
    assert rig.slack.uploads[file_id].startswith(b"\x89PNG")
    assert calls[get_url].params["filename"].endswith(".png")
    assert int(calls[get_url].params["length"]) == len(rig.slack.uploads[file_id])
    assert calls[complete].params["thread_ts"] == placeholder
    assert "recycling" in calls[complete].params["files"][0]["title"].lower()


def test_a_chart_is_uploaded_with_the_alt_text_it_carries(rig: Rig) -> None:
    from indicators.charts import read_alt_text

    mark = rig.mark()
    rig.sender.command("trend households in temporary accommodation", "C0ALT")
    _updates(rig, "C0ALT")
    assert rig.slack.wait_for(lambda f: f.of("files.completeUploadExternal", "C0ALT"), WAIT)
    calls = rig.calls_since(mark)
    get_url = next(c for c in calls if c.method == "files.getUploadURLExternal")
    complete = next(c for c in calls if c.method == "files.completeUploadExternal")
    png = rig.slack.uploads[complete.params["files"][0]["id"]]
    alt = get_url.params["alt_txt"]
    # Slack's screen-reader text is the description the PNG itself carries, numbers printed by the one formatter.
    assert alt == read_alt_text(io.BytesIO(png)) and len(alt) <= 1000
    assert alt.startswith("Line chart of Households in temporary accommodation per 1,000 households for Northbridge "
                          "District Council, 2018-19 to 2023-24: from 0.92 per 1,000 households to 2.11 per 1,000 "
                          "households")


def test_briefing_note_is_uploaded_as_docx(rig: Rig) -> None:
    mark = rig.mark()
    rig.sender.command("brief waste and recycling", "C0BRIEF")
    _updates(rig, "C0BRIEF")
    assert rig.slack.wait_for(lambda f: f.of("files.completeUploadExternal", "C0BRIEF"), WAIT)
    calls = rig.calls_since(mark)
    get_url = next(c for c in calls if c.method == "files.getUploadURLExternal")
    complete = next(c for c in calls if c.method == "files.completeUploadExternal")
    assert get_url.params["filename"].endswith(".docx")
    assert "alt_txt" not in get_url.params  # a note is not an image: its charts carry their alt text inside it
    data = rig.slack.uploads[complete.params["files"][0]["id"]]
    assert data.startswith(b"PK")  # a DOCX is a zip
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs).lower()
    assert "recycling" in text


def test_shortcut_opens_the_modal_and_submission_posts_questions(rig: Rig) -> None:
    reply = rig.sender.interaction({"type": "shortcut", "callback_id": kit.SHORTCUT_CALLBACK,
                                    "user": {"id": "U0CHAIR"}})
    assert reply.status == 200
    assert rig.slack.wait_for(lambda f: f.of("views.open"), WAIT)
    opened = rig.slack.of("views.open")[-1].params
    assert opened["trigger_id"].startswith("trig.") and opened["view"]["callback_id"] == kit.MODAL_CALLBACK

    values = {"topic": {"value": {"type": "plain_text_input", "value": ""}},
              "channel": {"value": {"type": "conversations_select", "selected_conversation": "C0MODAL"}}}
    view = {"id": "V0MODAL", "type": "modal", "hash": "h1", "callback_id": kit.MODAL_CALLBACK,
            "private_metadata": opened["view"]["private_metadata"], "state": {"values": values}}
    empty = rig.sender.interaction({"type": "view_submission", "user": {"id": "U0CHAIR"}, "view": view})
    assert empty.status == 200 and empty.json()["response_action"] == "errors" and "topic" in empty.json()["errors"]

    values["topic"]["value"]["value"] = "waste and recycling"
    values["meeting_date"] = {"value": {"type": "datepicker", "selected_date": "2025-03-04"}}
    # The chosen channel must be one the user is a member of.
    not_member = rig.sender.interaction({"type": "view_submission", "user": {"id": "U0CHAIR"},
                                         "view": {**view, "hash": "h1b"}})
    assert not_member.json()["response_action"] == "errors" and "channel" in not_member.json()["errors"]
    rig.slack.members["C0MODAL"] = ["U0BOT", "U0OTHER"]
    not_member = rig.sender.interaction({"type": "view_submission", "user": {"id": "U0CHAIR"},
                                         "view": {**view, "hash": "h1c"}})
    assert "member" in not_member.json()["errors"]["channel"]
    rig.slack.members["C0MODAL"] = ["U0BOT", "U0CHAIR"]
    done = rig.sender.interaction({"type": "view_submission", "user": {"id": "U0CHAIR"},
                                   "view": {**view, "hash": "h2"}})
    assert done.status == 200 and done.body == ""
    update = _updates(rig, "C0MODAL")[0]
    text = _blocks_text(update)
    assert "Challenge questions" in text and "*1. " in text
    assert rig.audit.entries()[-1].request.startswith("questions: waste and recycling")


def test_message_shortcut_prefills_the_topic_and_keeps_the_thread(rig: Rig) -> None:
    rig.sender.interaction({"type": "message_action", "callback_id": kit.MESSAGE_SHORTCUT_CALLBACK,
                            "user": {"id": "U0CHAIR"}, "channel": {"id": "C0MSG"},
                            "message": {"ts": "1700000004.000100", "text": "Fly-tipping is up again"}})
    assert rig.slack.wait_for(lambda f: any(c.params["view"]["private_metadata"].find("C0MSG") >= 0
                                            for c in f.of("views.open")), WAIT)
    view = next(c for c in rig.slack.of("views.open") if "C0MSG" in c.params["view"]["private_metadata"])
    assert view.params["view"]["blocks"][0]["element"]["initial_value"] == "Fly-tipping is up again"
    assert json.loads(view.params["view"]["private_metadata"]) == {"channel": "C0MSG",
                                                                   "thread_ts": "1700000004.000100"}


def test_buttons_record_feedback_show_sources_and_draft_questions(rig: Rig) -> None:
    root = "1700000005.000100"
    rig.sender.mention("How has our household recycling rate changed since 2019?", "C0BUTTON", user="U0CAROL",
                       ts=root)
    update = _updates(rig, "C0BUTTON")[0]
    actions = _actions(update)
    message = {"ts": update.params["ts"], "thread_ts": root}

    def press(action_id: str, user: str = "U0CAROL", value: str | None = None) -> None:
        reply = rig.sender.interaction({"type": "block_actions", "user": {"id": user},
                                        "channel": {"id": "C0BUTTON"}, "message": message,
                                        "container": {"type": "message", "message_ts": update.params["ts"]},
                                        "response_url": rig.slack.response_url(),
                                        "actions": [{"action_id": action_id, "block_id": "b",
                                                     "value": value or actions[action_id], "type": "button"}]})
        assert reply.status == 200

    request_id = int(actions[kit.ACTION_SHOW_SOURCES])
    press(kit.ACTION_FEEDBACK, value=f"up:{request_id}")
    press(kit.ACTION_FEEDBACK, user="U0DAVE", value=f"down:{request_id}")
    assert rig.slack.wait_for(lambda f: len(f.of("chat.postEphemeral", "C0BUTTON")) >= 2, WAIT)
    assert rig.audit.get(request_id).feedback == {"U0CAROL": 1, "U0DAVE": -1}
    # The thumbs down asks why (optional); a reason lands in the audit log.
    reasons = next(c for c in rig.slack.of("chat.postEphemeral", "C0BUTTON") if c.params["user"] == "U0DAVE")
    reason = next(e for b in reasons.params["blocks"] if b["type"] == "actions" for e in b["elements"]
                  if e["value"].endswith(":figures"))
    press(reason["action_id"], user="U0DAVE", value=reason["value"])
    assert rig.slack.wait_for(lambda f: any("helps" in c.params.get("text", "")
                                            for c in f.of("chat.postEphemeral", "C0BUTTON")), WAIT)

    press(kit.ACTION_SHOW_SOURCES)
    assert rig.slack.wait_for(lambda f: any(c.params.get("text") == "Sources used"
                                            for c in f.of("chat.postMessage", "C0BUTTON")), WAIT)
    sources = next(c for c in rig.slack.of("chat.postMessage", "C0BUTTON") if c.params.get("text") == "Sources used")
    assert sources.params["thread_ts"] == root and "*[1]*" in _blocks_text(sources)

    press(kit.ACTION_DRAFT_QUESTIONS)
    assert json.loads(actions[kit.ACTION_DRAFT_QUESTIONS])["topic"].startswith("Household waste sent for reuse")
    questions = _updates(rig, "C0BUTTON", 2)[1]
    assert "Challenge questions" in _blocks_text(questions)
    assert all(p.params["thread_ts"] == root for p in rig.slack.of("chat.postMessage", "C0BUTTON"))


def test_app_home_shows_capabilities_examples_and_data_held(rig: Rig) -> None:
    rig.sender.event({"type": "app_home_opened", "user": "U0ALICE", "channel": "D0ALICE", "tab": "home"})
    assert rig.slack.wait_for(lambda f: f.of("views.publish"), WAIT)
    call = rig.slack.of("views.publish")[-1]
    assert call.params["user_id"] == "U0ALICE" and call.params["view"]["type"] == "home"
    text = json.dumps(call.params["view"], ensure_ascii=False)
    assert "Example questions" in text and "Council Plan" in text and "northbridge-sample" in text
    assert "latest period 20" in text
    assert "Kestrel" not in text and "Harrow Lane" not in text


def test_sources_command_lists_documents_and_datasets(rig: Rig, tmp_path: Path) -> None:
    rig.sender.command("sources", "C0SOURCES")
    text = _blocks_text(_updates(rig, "C0SOURCES")[0])
    assert "Documents (" in text and "Indicator datasets (1)" in text and "Kestrel" not in text
