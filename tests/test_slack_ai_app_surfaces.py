"""Slack's AI-app surface through the loopback fake and the real app over HTTP: assistant threads (prompts, status,
title, answer), streaming (and its fallback), follow-ups without a mention, private-first answers shared once,
feedback in the audit log, escaping of document text, bounded requests and logs, and refusals after the ack."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator

import pytest

from bot.slack import blocks as kit
from slack_harness import Rig, check_payloads, running_rig

WAIT = 180.0
QUESTION = "What are the council plan's priorities?"


@pytest.fixture(scope="module")
def rig(sample_home, sample_assistant, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    """The real app with streaming on, private-first answers in one channel, and a small rate limit for one user."""
    access = {"streaming": "auto", "private_channels": "C0PRIVATE", "allowed_users": "",
              "escalation": "C0OFFICERS"}
    with running_rig(sample_home, sample_assistant, tmp_path_factory.mktemp("slack-ai"), access=access) as r:
        yield r


@pytest.fixture(autouse=True)
def _payloads_are_valid(rig: Rig) -> Iterator[None]:
    mark = rig.mark()
    yield
    rig.slack.settle(quiet=0.3)
    check_payloads(rig.calls_since(mark))


def _wait(rig: Rig, predicate, what: str) -> None:
    assert rig.slack.wait_for(predicate, WAIT), f"{what}: {[c.method for c in rig.slack.calls][-30:]}"


def test_assistant_thread_prompts_status_title_and_streamed_answer(rig: Rig) -> None:
    dm, thread = "D0AITHREAD", "1700000401.000100"
    rig.sender.event({"type": "assistant_thread_started", "assistant_thread": {
        "user_id": "U0ALICE", "channel_id": dm, "thread_ts": thread, "context": {"channel_id": "C0VIEWED"}}})
    _wait(rig, lambda f: f.of("assistant.threads.setSuggestedPrompts", dm), "no suggested prompts")
    prompts = rig.slack.of("assistant.threads.setSuggestedPrompts", dm)[0].params["prompts"]
    assert prompts and any("peer challenge" in p["message"] for p in prompts)  # the sample pack holds one
    rig.sender.event({"type": "message", "channel": dm, "channel_type": "im", "user": "U0ALICE",
                      "text": "What did the peer challenge recommend about scrutiny?", "ts": "1700000401.000200",
                      "thread_ts": thread})
    _wait(rig, lambda f: f.of("chat.stopStream", dm), "no streamed answer")
    methods = [c.method for c in rig.slack.calls if c.params.get("channel_id", c.params.get("channel")) == dm]
    status = methods.index("assistant.threads.setStatus")
    assert status < methods.index("chat.startStream") < methods.index("chat.stopStream")
    assert "peer challenge" in rig.slack.of("assistant.threads.setStatus", dm)[0].params["status"].lower()
    assert rig.slack.of("assistant.threads.setTitle", dm)[0].params["title"].startswith("What did the peer")
    start = rig.slack.of("chat.startStream", dm)[0]
    assert start.params["thread_ts"] == thread
    text = rig.slack.streamed_text(str(start.response["ts"]))
    assert "peer" in text.lower()
    stop = rig.slack.of("chat.stopStream", dm)[0]
    kinds = [b["type"] for b in stop.params["blocks"]]
    assert "context_actions" in kinds and "actions" in kinds  # sources and buttons arrive at the end
    # The channel being viewed is the thread's context: "Share" would post there (after a fresh decision).
    assert any(e["action_id"] == kit.ACTION_SHARE for b in stop.params["blocks"] if b["type"] == "actions"
               for e in b["elements"])


def test_a_streamed_mention_and_the_fallback_when_streaming_is_refused(rig: Rig) -> None:
    rig.sender.mention(QUESTION, "C0STREAM", user="U0BOB", ts="1700000402.000100")
    _wait(rig, lambda f: f.of("chat.stopStream", "C0STREAM"), "no stream")
    start = rig.slack.of("chat.startStream", "C0STREAM")[0]
    assert (start.params["thread_ts"], start.params["recipient_user_id"]) == ("1700000402.000100", "U0BOB")
    assert start.params["chunks"][0]["type"] == "task_update"  # the visible "working" reply
    assert rig.slack.of("chat.appendStream", "C0STREAM")
    assert not rig.slack.of("chat.postMessage", "C0STREAM")
    # A workspace that cannot stream: post-then-update from then on.
    rig.slack.errors[("chat.startStream", "*")] = "unknown_method"
    try:
        rig.sender.mention(QUESTION, "C0NOSTREAM", user="U0BOB", ts="1700000402.000200")
        _wait(rig, lambda f: f.of("chat.update", "C0NOSTREAM"), "no fallback answer")
        assert rig.slack.of("chat.postMessage", "C0NOSTREAM")[0].params["text"] == kit.WORKING_TEXT
    finally:
        del rig.slack.errors[("chat.startStream", "*")]
        parts = rig.parts
        parts.answerer._streaming_failed = False


def test_a_retried_streamed_mention_is_streamed_once(rig: Rig) -> None:
    for retry in (None, 1, 2):
        rig.sender.mention(QUESTION, "C0STRETRY", user="U0BOB", ts="1700000403.000100", event_id="EvSTRETRY1",
                           retry_num=retry)
    _wait(rig, lambda f: f.of("chat.stopStream", "C0STRETRY"), "no stream")
    rig.slack.settle(quiet=1.5)
    assert len(rig.slack.of("chat.startStream", "C0STRETRY")) == 1
    assert len(rig.slack.of("chat.stopStream", "C0STRETRY")) == 1


def test_a_follow_up_in_the_bots_thread_needs_no_mention(rig: Rig) -> None:
    root = "1700000404.000100"
    rig.sender.mention("How has our household recycling rate changed since 2019?", "C0FOLLOW", ts=root)
    _wait(rig, lambda f: f.of("chat.stopStream", "C0FOLLOW"), "no first answer")
    # Another message in a thread the bot is not in, and a top-level message: ignored.
    rig.sender.event({"type": "message", "channel": "C0FOLLOW", "channel_type": "channel", "user": "U0X",
                      "text": "lunch?", "ts": "1700000404.000150"})
    rig.sender.event({"type": "message", "channel": "C0FOLLOW", "channel_type": "channel", "user": "U0X",
                      "text": "and in 2021-22?", "ts": "1700000404.000160", "thread_ts": "1700000404.000155"})
    rig.sender.event({"type": "message", "channel": "C0FOLLOW", "channel_type": "channel", "user": "U0X",
                      "text": "and compared with our nearest neighbours?", "ts": "1700000404.000200",
                      "thread_ts": root})
    _wait(rig, lambda f: len(f.of("chat.stopStream", "C0FOLLOW")) >= 2, "no follow-up answer")
    rig.slack.settle(quiet=1.0)
    starts = rig.slack.of("chat.startStream", "C0FOLLOW")
    assert len(starts) == 2 and {s.params["thread_ts"] for s in starts} == {root}
    conversation = rig.state.conversation("C0FOLLOW", root)
    assert conversation is not None and len(conversation.turns) == 2
    assert [e.entry for e in rig.audit.entries() if e.channel == "C0FOLLOW"] == ["mention", "thread"]


def test_private_first_answer_is_shared_once_and_feedback_lands_in_the_audit(rig: Rig) -> None:
    rig.sender.mention(QUESTION, "C0PRIVATE", user="U0CAROL", ts="1700000405.000100")
    _wait(rig, lambda f: any(c.params.get("blocks") and "Share" in c.text_dump()
                             for c in f.of("chat.postEphemeral", "C0PRIVATE")), "no private answer")
    assert not rig.slack.of("chat.postMessage", "C0PRIVATE")  # nothing public yet
    private = next(c for c in rig.slack.of("chat.postEphemeral", "C0PRIVATE") if "Share" in c.text_dump())
    assert private.params["user"] == "U0CAROL"
    values = {e["action_id"]: e["value"] for b in private.params["blocks"] if b["type"] == "actions"
              for e in b["elements"]}
    request_id = values[kit.ACTION_SHARE]

    def press(action_id: str, value: str, user: str = "U0CAROL") -> None:
        rig.sender.interaction({"type": "block_actions", "user": {"id": user}, "channel": {"id": "C0PRIVATE"},
                                "container": {"type": "message", "is_ephemeral": True},
                                "message": {"ts": "1700000405.000100"},
                                "actions": [{"action_id": action_id, "block_id": "b", "value": value,
                                             "type": "button"}]})

    press(kit.ACTION_SHARE, request_id, user="U0MALLORY")  # only the asker can share it
    for _ in range(3):  # a triple click
        press(kit.ACTION_SHARE, request_id)
    _wait(rig, lambda f: len(f.of("chat.postMessage", "C0PRIVATE")) >= 2, "not shared")
    rig.slack.settle(quiet=1.5)
    posts = rig.slack.of("chat.postMessage", "C0PRIVATE")
    assert [p.params["text"] for p in posts][:1] == ["Shared answer"]
    assert sum(1 for p in posts if "Council Plan" in p.text_dump()) == 1
    outcomes = [e.outcome for e in rig.audit.entries() if e.request == f"share:{request_id}"]
    assert outcomes == ["share_refused", "shared"]

    press(kit.ACTION_FEEDBACK, f"down:{request_id}")
    press(kit.ACTION_FEEDBACK, f"down:{request_id}")  # a double click is one vote, one question
    _wait(rig, lambda f: any("what was wrong" in c.params.get("text", "").lower()
                             for c in f.of("chat.postEphemeral", "C0PRIVATE")), "no reason prompt")
    rig.slack.settle(quiet=1.0)
    assert rig.audit.get(int(request_id)).feedback == {"U0CAROL": -1}
    assert sum(1 for c in rig.slack.of("chat.postEphemeral", "C0PRIVATE")
               if "what was wrong" in c.params.get("text", "").lower()) == 1
    press(f"{kit.ACTION_FEEDBACK_REASON}_sources", f"{request_id}:sources")
    _wait(rig, lambda f: rig.audit.feedback_summary(rig.audit.get(int(request_id)).at.replace(year=2000)),
          "no summary")
    summary = rig.audit.feedback_summary(rig.audit.get(int(request_id)).at.replace(year=2000))
    assert any(i.entry.id == int(request_id) and "Wrong or missing source" in i.reasons for i in summary)

    # Escalation: the question (and this public answer) to the configured channel, once.
    press(kit.ACTION_ESCALATE, request_id)
    press(kit.ACTION_ESCALATE, request_id)
    _wait(rig, lambda f: f.of("chat.postMessage", "C0OFFICERS"), "not escalated")
    rig.slack.settle(quiet=1.0)
    escalated = rig.slack.of("chat.postMessage", "C0OFFICERS")
    assert len(escalated) == 1 and QUESTION.replace("'", "") in escalated[0].text_dump().replace("'", "")


def test_document_text_is_escaped_in_text_and_blocks_and_bidi_is_stripped() -> None:
    from bot.models import Answer, Citation

    hostile = "Pay <!channel> <@U0BOSS> <https://evil.example|the council> \u202etxt.exe\u202c & more"
    answer = Answer(question="q", kind="document", answer=hostile, citations=[
        Citation(id=1, source="Report \u202e<!here>", path="p", locator="p. 1", quote=hostile)])
    for message in [*kit.answer_messages(answer, 1), *kit.sources_messages(answer.citations),
                    kit.text_message(hostile)]:
        dumped = message.text + json.dumps(message.blocks, ensure_ascii=False)
        for raw in ("<!channel>", "<@U0BOSS>", "<https://", "<!here>", "\u202e", "\u202c"):
            assert raw not in dumped, (raw, message)
        assert "&lt;!channel&gt;" in dumped or "Sources used" in message.text
    for piece in kit.streamed_text(answer):
        assert "<!channel>" not in piece and "\u202e" not in piece and "](" not in piece


def test_a_refusal_never_delays_the_ack(sample_home, sample_assistant, tmp_path) -> None:
    with running_rig(sample_home, sample_assistant, tmp_path, access={"allowed_channels": "C0ONLY"}) as r:
        r.slack.delays["chat.postEphemeral"] = 2.0
        reply = r.sender.mention(QUESTION, "C0ELSEWHERE", user="U0OUT", ts="1700000406.000100")
        assert reply.status == 200 and reply.seconds < 1.0, reply.seconds
        assert r.slack.wait_for(lambda f: f.of("chat.postEphemeral", "C0ELSEWHERE"), WAIT)
        assert [e.outcome for e in r.audit.entries()] == ["denied"]


def test_bad_timestamps_and_oversized_bodies_are_refused_and_logs_stay_bounded(
        rig: Rig, caplog: pytest.LogCaptureFixture) -> None:
    body = rig.sender.event_body({"type": "app_mention", "user": "U0X", "text": "<@U0BOT> hi", "channel": "C0TS",
                                  "ts": "1700000407.000100"})
    assert rig.sender.post(body, "application/json", timestamp="not-a-number").status == 401
    assert rig.sender.post(body, "application/json", timestamp="1e9").status == 401
    huge = b"x" * (2 * 1024 * 1024)
    with caplog.at_level(logging.DEBUG):
        started = time.perf_counter()
        reply = rig.sender.post(huge, "application/json", signature="v0=bad")
        assert reply.status == 413 and time.perf_counter() - started < 5
        big_unsigned = b'{"event": {"text": "' + b"y" * 200_000 + b'"}}'
        assert rig.sender.post(big_unsigned, "application/json", signature="v0=bad").status == 401
    assert all(len(r.getMessage()) <= 2100 for r in caplog.records)
    assert not any("yyyyyyyyyy" in r.getMessage() for r in caplog.records)
    rig.slack.settle(quiet=0.5)
    assert not rig.slack.of("chat.postMessage", "C0TS")


def test_status_command_shows_the_self_check_to_admins_only(rig: Rig) -> None:
    rig.sender.command("status", "C0STATUS", user="U0NOBODY")
    _wait(rig, lambda f: f.of("chat.postEphemeral", "C0STATUS"), "no reply to a non-admin")
    assert "administrators" in rig.slack.of("chat.postEphemeral", "C0STATUS")[0].params["text"]
    rig.update_settings(admin_users="U0ADMIN")
    rig.sender.command("status", "C0STATUS", user="U0ADMIN")
    _wait(rig, lambda f: len(f.of("chat.postEphemeral", "C0STATUS")) >= 2, "no self-check")
    report = rig.slack.of("chat.postEphemeral", "C0STATUS")[1]
    assert report.params["user"] == "U0ADMIN" and "all passed" in report.text_dump()
    assert "auth.test" in report.text_dump() and "document(s)" in report.text_dump()
    assert not rig.slack.of("chat.postMessage", "C0STATUS")  # status is never an answer job
