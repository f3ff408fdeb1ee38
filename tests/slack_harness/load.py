"""A bounded load run: many signed app_mentions at a steady rate, then who was acked, answered, answered twice."""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from .fake_slack import Call
from .rig import Rig

SENDER_THREADS = 16


@dataclass
class Sent:
    """One mention delivered during the run."""

    channel: str
    ts: str
    event_id: str
    started: float  # time.monotonic(), the clock the fake Slack records calls with
    status: int = 0
    ack_seconds: float = 0.0
    error: str = ""


@dataclass
class LoadResult:
    """What a load run saw; times in seconds."""

    sent: list[Sent]
    retries_sent: int
    wall_seconds: float
    ack_seconds: list[float] = field(default_factory=list)
    working_seconds: list[float] = field(default_factory=list)
    answer_seconds: list[float] = field(default_factory=list)
    not_acked: int = 0
    lost: int = 0
    answered_twice: int = 0

    def summary(self) -> dict[str, float | int]:
        """Counts and p50/p95/max of ack, placeholder and answer times (milliseconds)."""
        out: dict[str, float | int] = {
            "mentions": len(self.sent), "retries_sent": self.retries_sent, "wall_seconds": round(self.wall_seconds, 1),
            "acked_ok": len(self.sent) - self.not_acked, "answered": len(self.answer_seconds), "lost": self.lost,
            "answered_twice": self.answered_twice,
            "acked_under_3s": sum(1 for s in self.ack_seconds if s < 3.0),
        }
        for name, values in (("ack", self.ack_seconds), ("working", self.working_seconds),
                             ("answer", self.answer_seconds)):
            if values:
                out[f"{name}_p50_ms"] = round(statistics.median(values) * 1000, 1)
                out[f"{name}_p95_ms"] = round(percentile(values, 95) * 1000, 1)
                out[f"{name}_max_ms"] = round(max(values) * 1000, 1)
        return out


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def run_mentions(rig: Rig, questions: Sequence[str], count: int, seconds: float, channels: int = 10,
                 users: int = 40, retry_every: int = 10, answer_timeout: float = 600.0,
                 prefix: str = "LOAD") -> LoadResult:
    """Send `count` mentions evenly over `seconds` (plus a Slack-style retry of every `retry_every`-th one).

    The "working" reply is the placeholder (chat.postMessage) or the stream's start (chat.startStream) in the
    mention's thread; the answer is its chat.update or chat.stopStream. Waits for every answer until
    `answer_timeout` after the last send, so the run always ends by itself.
    """
    interval = seconds / count if count else 0.0
    sent: list[Sent] = []
    lock = threading.Lock()
    retries = 0
    base = int(time.time())

    def deliver(i: int) -> None:
        nonlocal retries
        item = Sent(channel=f"C0{prefix}{i % channels:03d}", ts=f"{base}.{i:06d}",
                     event_id=f"Ev{prefix}{base}{i:06d}", started=time.monotonic())
        try:
            reply = rig.sender.mention(questions[i % len(questions)], item.channel, user=f"U0LOAD{i % users:03d}",
                                       ts=item.ts, event_id=item.event_id)
            item.status, item.ack_seconds = reply.status, reply.seconds
            if retry_every and i % retry_every == 0:
                # What Slack does when it thinks the first delivery timed out: same event, retry headers.
                rig.sender.mention(questions[i % len(questions)], item.channel, user=f"U0LOAD{i % users:03d}",
                                   ts=item.ts, event_id=item.event_id, retry_num=1)
                with lock:
                    retries += 1
        except OSError as exc:
            item.error = str(exc)
        with lock:
            sent.append(item)

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=SENDER_THREADS, thread_name_prefix="load-sender") as pool:
        for i in range(count):
            delay = started + i * interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            pool.submit(deliver, i)

    def outcome(_: object = None) -> tuple[dict[tuple[str, str], list[Call]], dict[tuple[str, str], list[Call]]]:
        """Working replies by (channel, thread of the mention) and answers by (channel, working reply ts)."""
        posts: dict[tuple[str, str], list[Call]] = {}
        for call in rig.slack.of("chat.postMessage") + rig.slack.of("chat.startStream"):
            if call.method == "chat.postMessage" and not str(call.params.get("text", "")).startswith(
                    ":hourglass"):
                continue  # an answer's continuation message, not a working reply
            posts.setdefault((str(call.params.get("channel")), str(call.params.get("thread_ts"))), []).append(call)
        updates: dict[tuple[str, str], list[Call]] = {}
        for call in rig.slack.of("chat.update") + rig.slack.of("chat.stopStream"):
            updates.setdefault((str(call.params.get("channel")), str(call.params.get("ts"))), []).append(call)
        return posts, updates

    def all_answered(_: object) -> bool:
        posts, updates = outcome()
        return all(any((s.channel, str(p.response.get("ts"))) in updates for p in posts.get((s.channel, s.ts), []))
                   for s in sent if s.status == 200)

    rig.slack.wait_for(all_answered, timeout=answer_timeout + seconds)
    rig.slack.settle(quiet=2.0, timeout=30.0)
    wall = time.monotonic() - started

    result = LoadResult(sent=sorted(sent, key=lambda s: s.ts), retries_sent=retries, wall_seconds=wall)
    posts, updates = outcome()
    for s in result.sent:
        if s.status != 200:
            result.not_acked += 1
            continue
        result.ack_seconds.append(s.ack_seconds)
        mine = sorted(posts.get((s.channel, s.ts), []), key=lambda c: c.at)
        if not mine:
            result.lost += 1
            continue
        result.answered_twice += len(mine) > 1
        result.working_seconds.append(mine[0].at - s.started)
        done = updates.get((s.channel, str(mine[0].response.get("ts"))), [])
        if not done:
            result.lost += 1
            continue
        result.answered_twice += len(done) > 1
        result.answer_seconds.append(done[0].at - s.started)
    return result
