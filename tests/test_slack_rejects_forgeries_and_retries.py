"""Over real HTTP: forged or stale requests get 401 and no answer; Slack's retries never cause a second answer."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from bot.slack.app import DENIED_TEXT, RATE_LIMIT_TEXT
from slack_harness import Rig, check_payloads, running_rig
from slack_harness.load import run_mentions

WAIT = 120.0
QUESTION = "What are the council plan's priorities?"


@pytest.fixture(scope="module")
def rig(sample_home, sample_assistant, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    """The real app served on 127.0.0.1 with a small rate limit and a channel allow-list."""
    access = {"rate_limit": 3, "rate_window_seconds": 3600, "allowed_channels": ",".join(
        ["C0SIG", "C0RETRY", "C0RACE", "C0RATE", *(f"C0LOAD{i:03d}" for i in range(4))])}
    with running_rig(sample_home, sample_assistant, tmp_path_factory.mktemp("slack-guards"), access=access,
                     http_threads=8) as r:
        yield r


def _answered(rig: Rig, channel: str, n: int = 1) -> None:
    assert rig.slack.wait_for(lambda f: len(f.of("chat.update", channel)) >= n, WAIT), \
        f"no answer in {channel}: {[c.method for c in rig.slack.calls]}"


def test_bad_signature_gets_401_and_no_answer(rig: Rig) -> None:
    forged = rig.sender.mention(QUESTION, "C0SIG", user="U0SIG", ts="1700000101.000100", signature="v0=" + "0" * 64)
    stale_ts = str(int(time.time()) - 600)  # correctly signed, but replayed ten minutes later
    stale = rig.sender.post(rig.sender.event_body({"type": "app_mention", "user": "U0X", "text": "<@U0BOT> hi",
                                                   "channel": "C0SIG", "ts": "1700000101.000200"}),
                            "application/json", timestamp=stale_ts)
    unsigned_command = rig.sender.post(b"command=%2Fscrutiny&text=sources&channel_id=C0SIG&user_id=U0X",
                                       "application/x-www-form-urlencoded", signature="v0=bad")
    assert (forged.status, stale.status, unsigned_command.status) == (401, 401, 401)
    # A correctly signed request afterwards is answered, so the 401s were about the signature alone.
    assert rig.sender.mention(QUESTION, "C0SIG", user="U0SIG", ts="1700000101.000300").status == 200
    _answered(rig, "C0SIG")
    rig.slack.settle(quiet=1.0)
    posts = rig.slack.of("chat.postMessage", "C0SIG")
    assert [p.params["thread_ts"] for p in posts] == ["1700000101.000300"]
    assert [e.request for e in rig.audit.entries() if e.channel == "C0SIG"] == [QUESTION]
    check_payloads(rig.slack.of("chat.update", "C0SIG"))


def test_a_retried_delivery_is_not_answered_twice(rig: Rig) -> None:
    event_id = "EvRETRY000001"
    first = rig.sender.mention(QUESTION, "C0RETRY", user="U0RETRY", ts="1700000102.000100", event_id=event_id)
    assert first.status == 200
    _answered(rig, "C0RETRY")
    for retry_num in (1, 2, 3):  # Slack retries up to three times
        again = rig.sender.mention(QUESTION, "C0RETRY", user="U0RETRY", ts="1700000102.000100", event_id=event_id,
                                   retry_num=retry_num)
        assert again.status == 200  # acked, so Slack stops retrying
    rig.slack.settle(quiet=1.5)
    assert len(rig.slack.of("chat.postMessage", "C0RETRY")) == 1
    assert len(rig.slack.of("chat.update", "C0RETRY")) == 1
    assert len([e for e in rig.audit.entries() if e.channel == "C0RETRY"]) == 1


def test_a_retry_racing_the_first_delivery_is_not_answered_twice(rig: Rig) -> None:
    replies: list[int] = []

    def deliver(retry_num: int | None) -> None:
        reply = rig.sender.mention(QUESTION, "C0RACE", user="U0RACE", ts="1700000103.000100",
                                   event_id="EvRACE000001", retry_num=retry_num)
        replies.append(reply.status)

    threads = [threading.Thread(target=deliver, args=(n,)) for n in (None, 1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert replies == [200, 200, 200]
    _answered(rig, "C0RACE")
    rig.slack.settle(quiet=1.5)
    assert len(rig.slack.of("chat.postMessage", "C0RACE")) == 1
    assert len(rig.slack.of("chat.update", "C0RACE")) == 1


def test_rate_limit_answers_politely_and_is_audited(rig: Rig) -> None:
    for i in range(4):
        assert rig.sender.mention(QUESTION, "C0RATE", user="U0EAGER", ts=f"1700000104.00010{i}").status == 200
    assert rig.slack.wait_for(lambda f: f.of("chat.postEphemeral", "C0RATE"), WAIT), \
        ([(c.method, c.params.get("thread_ts")) for c in rig.slack.calls if c.params.get("channel") == "C0RATE"],
         [(e.user, e.outcome) for e in rig.audit.entries()])
    _answered(rig, "C0RATE", 3)
    rig.slack.settle(quiet=1.0)
    polite = rig.slack.of("chat.postEphemeral", "C0RATE")
    assert [c.params["text"] for c in polite] == [RATE_LIMIT_TEXT] and polite[0].params["user"] == "U0EAGER"
    assert len(rig.slack.of("chat.update", "C0RATE")) == 3
    outcomes = sorted(e.outcome for e in rig.audit.entries() if e.channel == "C0RATE")
    assert outcomes == ["answered", "answered", "answered", "rate_limited"]


def test_a_channel_off_the_allow_list_is_refused_and_audited(rig: Rig) -> None:
    rig.sender.mention(QUESTION, "C0ELSEWHERE", user="U0OUT", ts="1700000105.000100")
    assert rig.slack.wait_for(lambda f: f.of("chat.postEphemeral", "C0ELSEWHERE"), WAIT)
    rig.slack.settle(quiet=1.0)
    assert rig.slack.of("chat.postEphemeral", "C0ELSEWHERE")[0].params["text"] == DENIED_TEXT
    assert not rig.slack.of("chat.postMessage", "C0ELSEWHERE")
    assert [e.outcome for e in rig.audit.entries() if e.channel == "C0ELSEWHERE"] == ["denied"]


def test_a_burst_of_mentions_with_retries_is_each_answered_exactly_once(rig: Rig) -> None:
    questions = [QUESTION, "How has our household recycling rate changed since 2019?",
                 "What did the peer challenge recommend about scrutiny?"]
    # The small version of benchmarks/slack_load.py: correctness only (the benchmark reports the times).
    result = run_mentions(rig, questions, count=16, seconds=2.0, channels=4, users=16, retry_every=4,
                          answer_timeout=WAIT)
    summary = result.summary()
    assert summary["acked_ok"] == 16 and summary["retries_sent"] == 4
    assert (summary["answered"], summary["lost"], summary["answered_twice"]) == (16, 0, 0), summary
    check_payloads(rig.slack.of("chat.update"))
