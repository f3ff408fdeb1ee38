"""Fair, bounded answering: a few assistants (each answers one request at a time), two lanes and a queue limit.

Quick answers and slow work (briefing notes, challenge questions) wait in separate lanes; slow work may occupy at
most all assistants but one, so a quick question never waits behind a briefing note. Within a lane users take
turns (one user's twenty questions do not hold up everyone else's first). The queue is bounded: past
SCRUTINY_QUEUE_LIMIT a request is refused politely instead of waiting without end.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from bot.slack.jobs import Lane

if TYPE_CHECKING:
    from bot.assistant import Assistant, Holdings
    from bot.models import CallerContext

log = logging.getLogger(__name__)

Task = Callable[["Assistant"], None]
T = TypeVar("T")


class _Lane:
    """Tasks by user, served round-robin."""

    def __init__(self) -> None:
        self.by_user: OrderedDict[str, deque[Task]] = OrderedDict()
        self.size = 0

    def push(self, user: str, task: Task) -> None:
        self.by_user.setdefault(user, deque()).append(task)
        self.size += 1

    def pop(self) -> Task:
        user, tasks = next(iter(self.by_user.items()))
        task = tasks.popleft()
        del self.by_user[user]
        if tasks:  # this user's next task goes to the back of the line
            self.by_user[user] = tasks
        self.size -= 1
        return task


class AnswerPool:
    """Runs tasks on a fixed set of assistants; `submit` never blocks."""

    def __init__(self, assistants: Sequence[Assistant], meta: Assistant, queue_limit: int = 1000) -> None:
        if not assistants:
            raise ValueError("at least one assistant")
        self.assistants = list(assistants)
        self.meta = meta  # answers no request: listings and document classes for access decisions
        self.queue_limit = queue_limit
        self._cond = threading.Condition()
        self._lanes: dict[Lane, _Lane] = {"quick": _Lane(), "slow": _Lane()}
        self._slow_running = 0
        self._closed = False
        # Only with two or more assistants can one be kept for quick answers.
        self._slow_cap = max(1, len(self.assistants) - 1)
        self._meta_lock = threading.Lock()
        self._threads = [threading.Thread(target=self._work, args=(a,), name=f"scrutiny-answer-{i}", daemon=True)
                         for i, a in enumerate(self.assistants)]
        for t in self._threads:
            t.start()

    @property
    def waiting(self) -> int:
        """Tasks queued, not yet started."""
        with self._cond:
            return sum(lane.size for lane in self._lanes.values())

    def submit(self, lane: Lane, user: str, task: Task) -> bool:
        """Queue `task` (run with an assistant of its own); False when the queue is full."""
        with self._cond:
            if self._closed or sum(q.size for q in self._lanes.values()) >= self.queue_limit:
                return False
            self._lanes[lane].push(user or "?", task)
            self._cond.notify_all()
        return True

    def _next(self) -> tuple[Lane, Task] | None:
        # Called with the condition held: quick first; slow only while an assistant stays free for quick work.
        quick, slow = self._lanes["quick"], self._lanes["slow"]
        if quick.size:
            return "quick", quick.pop()
        if slow.size and self._slow_running < self._slow_cap:
            self._slow_running += 1
            return "slow", slow.pop()
        return None

    def _work(self, assistant: Assistant) -> None:
        while True:
            with self._cond:
                taken = self._next()
                while taken is None:
                    if self._closed:
                        return
                    self._cond.wait(1.0)
                    taken = self._next()
            lane, task = taken
            try:
                task(assistant)
            except Exception:  # a task handles its own errors; this only keeps the worker alive
                log.exception("answer task failed")
            finally:
                if lane == "slow":
                    with self._cond:
                        self._slow_running -= 1
                        self._cond.notify_all()

    def close(self) -> None:
        """Stop taking tasks; workers end when the queue is empty."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    # -- quick reads for listings and access decisions ----------------------------------------------------
    def holdings(self, caller: CallerContext) -> Holdings:
        """What is held, as `caller` may see it (read by the meta assistant, never queued behind answers)."""
        return self.read(lambda a: a.holdings(caller))

    def read(self, fn: Callable[[Assistant], T]) -> T:
        """Run a short read on the meta assistant."""
        with self._meta_lock:
            return fn(self.meta)


def warm(assistants: Sequence[Assistant]) -> None:
    """Open every assistant's stores and search index before serving, so the first answers are not the slow ones."""
    from bot.models import CallerContext

    caller = CallerContext()
    for assistant in assistants:
        try:
            assistant.holdings(caller)
            assistant.search("council plan priorities", caller)
        except Exception:  # noqa: BLE001 - an empty or broken home is reported by the self-check, not here
            log.debug("warming an assistant failed", exc_info=True)
    # What is loaded now (models, indexes, tables) lives as long as the server: keep it out of the garbage
    # collector's full passes, which otherwise stall every thread for a moment as the heap grows.
    import gc

    gc.collect()
    gc.freeze()


SWITCH_INTERVAL_SECONDS = 0.001


def favour_replies() -> None:
    """For the server process: hand the interpreter lock between threads every 1 ms instead of 5 ms, so the threads
    that ack and post "working" replies are not held for long behind the answering threads' Python work (measured
    on 2 cores, 300 mentions in 3 s: the slowest working reply ~1.7 s -> ~0.3-1.1 s, answers ~10-20% slower)."""
    import sys

    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)


def extra_assistants(first: Assistant, count: int) -> list[Any]:
    """`count` more assistants over the same data, sharing the first one's embedding model and chat model."""
    from bot.assistant import Assistant

    embedder, llm = first.embedder, first.llm
    return [Assistant(first.settings, llm=llm, embedder=embedder) for _ in range(count)]
