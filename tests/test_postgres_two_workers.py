"""Issue 15, item 8: two HTTP workers sharing one PostgreSQL database answer each of 60 events exactly once, when
every event is delivered to both workers at the same moment and then retried by Slack.

Each worker is the real bolt app under waitress on its own port, with its own engine (connection pool) on the same
database, as two processes behind a load balancer would be; one fake Slack receives what both send.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Any

import pytest

from postgres_fixtures import postgres_admin_url, postgres_url  # noqa: F401 - fixtures
from slack_harness.fake_slack import FakeSlack
from slack_harness.rig import SIGNING_SECRET
from slack_harness.signed import ServedApp, SlackSender

EVENTS = 60
WAIT = 300.0
QUESTION = "How has our council tax collection rate changed?"


@dataclass
class Worker:
    sender: SlackSender
    state: Any
    wins: list[bool]


def _counting(state_cls: type) -> type:
    class Counting(state_cls):  # type: ignore[misc, valid-type]
        """SharedState that remembers what its claims won, to show both workers raced for the events."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.wins: list[bool] = []
            self._lock = threading.Lock()

        def claim(self, keys: list[str], now: float | None = None) -> bool:
            won = super().claim(keys, now)
            if any(k.startswith("event:") for k in keys):
                with self._lock:
                    self.wins.append(won)
            return won

    return Counting


@contextmanager
def two_workers(settings: Any, assistant: Any, database: str) -> Iterator[tuple[FakeSlack, list[Worker]]]:
    from bot.audit import AuditLog
    from bot.slack import app as slack_app
    from bot.slack.access import SlackAccess, load_access
    from bot.slack.app import build_app
    from bot.state import SharedState

    options: dict[str, Any] = {"rate_limit": 0}
    if "streaming" in SlackAccess.model_fields:
        options["streaming"] = "off"  # placeholder then update: one call each to count
    with FakeSlack() as slack, ExitStack() as stack:
        config = settings.model_copy(update={"slack_bot_token": "xoxb-loopback", "slack_signing_secret": SIGNING_SECRET,
                                              "slack_api_url": slack.api_url, "database_url": database})
        workers = []
        for _ in range(2):
            state = _counting(SharedState)(database)
            app = build_app(config, assistant, state=state, audit=AuditLog(database), access=load_access(**options))
            parts = getattr(slack_app, "parts_of", None)
            if parts is not None and hasattr(parts(app), "close"):
                stack.callback(parts(app).close)  # after the server below has stopped
            served = stack.enter_context(ServedApp(app, threads=8))
            workers.append(Worker(SlackSender(served.base_url, SIGNING_SECRET), state, state.wins))
        yield slack, workers


def test_two_workers_on_postgresql_answer_each_event_once(sample_home, sample_assistant,
                                                          postgres_url: str) -> None:  # noqa: F811 - fixture
    from bot.audit import AuditLog

    with two_workers(sample_home, sample_assistant, postgres_url) as (slack, (first, second)):
        channels = [f"C0PG{i:04d}" for i in range(EVENTS)]
        statuses: list[int] = []
        lock = threading.Lock()

        def deliver(i: int) -> None:
            channel, ts, event_id = channels[i], f"1700100000.{i:06d}", f"EvPGTWO{i:06d}"
            barrier = threading.Barrier(2)

            def to(worker: Worker, retry: int | None = None, together: bool = True) -> None:
                if together:
                    barrier.wait(timeout=30)  # both workers get the same delivery at the same moment
                reply = worker.sender.mention(QUESTION, channel, user=f"U0PG{i % 7}", ts=ts, event_id=event_id,
                                              retry_num=retry)
                with lock:
                    statuses.append(reply.status)

            both = [threading.Thread(target=to, args=(w,)) for w in (first, second)]
            for t in both:
                t.start()
            for t in both:
                t.join(timeout=60)
            to((first, second)[i % 2], retry=1, together=False)  # then Slack retries, to either worker

        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(deliver, range(EVENTS)))

        def answered(fake: FakeSlack) -> bool:
            return {c.params.get("channel") for c in fake.of("chat.update")} >= set(channels)

        assert slack.wait_for(answered, WAIT), "not every event was answered"
        slack.settle(quiet=2.0)

        assert statuses.count(200) == 3 * EVENTS, statuses
        for channel in channels:
            placeholders = slack.of("chat.postMessage", channel)
            updates = slack.of("chat.update", channel)
            assert len(placeholders) == 1 and len(updates) == 1, (channel, len(placeholders), len(updates))
        answered_in = [e.channel for e in AuditLog(postgres_url).entries() if e.channel in set(channels)]
        assert sorted(answered_in) == channels  # audited once each, in the one shared database
        # Both workers raced for every event: each won some, and no event was won twice.
        wins = (sum(first.wins), sum(second.wins))
        assert sum(wins) == EVENTS, wins
        assert len(first.wins) + len(second.wins) == 3 * EVENTS
        print(f"two workers on PostgreSQL: {EVENTS} events x 3 deliveries, answers per worker {wins}")


@pytest.mark.parametrize("retries", [3])
def test_a_retry_storm_to_both_workers_is_answered_once(sample_home, sample_assistant, postgres_url: str,  # noqa: F811
                                                        retries: int) -> None:
    with two_workers(sample_home, sample_assistant, postgres_url) as (slack, workers):
        def send(n: int) -> int:
            return workers[n % 2].sender.mention(QUESTION, "C0PGSTORM", user="U0PGSTORM", ts="1700100001.000001",
                                                 event_id="EvPGSTORM", retry_num=None if n < 2 else n // 2).status

        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(pool.map(send, range(2 * (retries + 1))))
        assert statuses == [200] * len(statuses)
        assert slack.wait_for(lambda f: f.of("chat.update", "C0PGSTORM"), WAIT)
        slack.settle(quiet=2.0)
        assert len(slack.of("chat.postMessage", "C0PGSTORM")) == 1
        assert len(slack.of("chat.update", "C0PGSTORM")) == 1
