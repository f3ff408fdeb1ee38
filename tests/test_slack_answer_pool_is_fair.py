"""The answer pool: a quick question never waits behind briefing notes, users take turns, the queue is bounded;
and payloads are put in the right lane."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from bot.settings import Settings
from bot.slack.access import load_access
from bot.slack.jobs import Translator
from bot.slack.workers import AnswerPool


class _Worker:
    """Stands in for an Assistant: the pool only hands it to tasks."""


def _pool(n: int, limit: int = 100) -> AnswerPool:
    return AnswerPool([_Worker() for _ in range(n)], meta=_Worker(), queue_limit=limit)  # type: ignore[list-item]


def test_a_quick_question_does_not_wait_behind_briefing_notes() -> None:
    pool = _pool(2)
    release = threading.Event()
    started: dict[str, float] = {}

    def slow(name: str):
        def task(_assistant: object) -> None:
            started[name] = time.monotonic()
            release.wait(10)
        return task

    t0 = time.monotonic()
    for i in range(6):
        assert pool.submit("slow", f"U{i}", slow(f"brief{i}"))
    time.sleep(0.2)
    done = threading.Event()
    assert pool.submit("quick", "U9", lambda _a: (started.__setitem__("quick", time.monotonic()), done.set()))
    assert done.wait(2.0), "the quick question waited behind the briefs"
    assert started["quick"] - t0 < 1.0
    assert sum(1 for k in started if k.startswith("brief")) == 1  # slow work never took the last assistant
    release.set()
    deadline = time.monotonic() + 10
    while len(started) < 7 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(started) == 7
    pool.close()


def test_users_take_turns_and_the_queue_is_bounded() -> None:
    pool = _pool(1, limit=5)
    gate = threading.Event()
    order: list[str] = []
    assert pool.submit("quick", "UBLOCK", lambda _a: gate.wait(10))
    time.sleep(0.1)
    for name in ("A1", "A2", "A3", "B1"):
        assert pool.submit("quick", name[0], lambda _a, n=name: order.append(n))
    assert pool.submit("quick", "C", lambda _a: order.append("C1"))
    assert not pool.submit("quick", "D", lambda _a: order.append("D1"))  # six waiting would pass the limit
    gate.set()
    deadline = time.monotonic() + 5
    while len(order) < 5 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert order == ["A1", "B1", "C1", "A2", "A3"]
    pool.close()


def test_jobs_go_to_the_right_lane_and_thread_replies_need_the_bot_in_the_thread(tmp_path: Path) -> None:
    bot_threads = {("C0PUB", "1.0")}
    t = Translator(Settings(home=tmp_path), load_access(), in_thread=lambda c, ts: (c, ts) in bot_threads)
    body = {"event_id": "Ev1", "team_id": "T1"}

    def message(**event: object) -> dict:
        return {**body, "event": {"type": "message", "channel": "C0PUB", "channel_type": "channel", "user": "U1",
                                  "ts": "1.5", **event}}

    assert t.channel_message(message(text="lunch?")) is None  # top level
    assert t.channel_message(message(text="and?", thread_ts="2.0")) is None  # a thread the bot is not in
    assert t.channel_message(message(text="and?", thread_ts="1.0", bot_id="B1")) is None
    job = t.channel_message(message(text="and compared with neighbours?", thread_ts="1.0"))
    assert job is not None and job.entry == "thread" and job.thread_ts == "1.0" and job.team == "T1"
    assert job.lane == "quick"
    assert t.channel_message(message(text="brief on waste", thread_ts="1.0")).lane == "slow"
    command = {"channel_id": "C0PUB", "user_id": "U1", "trigger_id": "trig.1"}
    assert t.command({**command, "text": "questions waste"}).lane == "slow"
    assert t.command({**command, "text": "ask how is waste?"}).lane == "quick"
    assert t.command({**command, "text": "status"}) is None
