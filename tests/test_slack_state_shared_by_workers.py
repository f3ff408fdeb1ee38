"""Shared state in the database: a delivery is taken once across workers; conversations; per-user rate limit."""

from __future__ import annotations

import threading
from pathlib import Path

from bot.conversation import Conversation, Turn
from bot.state import SharedState


def _url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'state.db'}"


def test_a_delivery_is_claimed_once_across_workers_and_threads(tmp_path: Path) -> None:
    workers = [SharedState(_url(tmp_path)) for _ in range(3)]
    assert workers[0].claim(["event:Ev1", "msg:C1:1.0"])
    assert not workers[1].claim(["event:Ev1", "msg:C1:1.0"])  # Slack's retry, on another worker
    assert not workers[2].claim(["event:Ev2", "msg:C1:1.0"])  # same message as another event type
    assert workers[2].claim(["event:Ev3", "msg:C1:2.0"])

    wins: list[bool] = []
    lock = threading.Lock()

    def race(state: SharedState) -> None:
        won = state.claim(["event:race"])
        with lock:
            wins.append(won)

    threads = [threading.Thread(target=race, args=(workers[i % 3],)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(wins) == [False] * 11 + [True]


def test_conversations_round_trip_per_thread(tmp_path: Path) -> None:
    state = SharedState(_url(tmp_path))
    assert state.conversation("C1", "1.0") is None
    conversation = Conversation()
    conversation.add(Turn(question="How is recycling?", kind="indicator", indicator_id="recycling"))
    state.save_conversation("C1", "1.0", conversation)
    conversation.add(Turn(question="and Eastmere?", kind="indicator", indicator_id="recycling"))
    SharedState(_url(tmp_path)).save_conversation("C1", "1.0", conversation)
    loaded = state.conversation("C1", "1.0")
    assert loaded is not None and [t.question for t in loaded.turns] == ["How is recycling?", "and Eastmere?"]
    assert state.conversation("C1", "2.0") is None and state.conversation("C2", "1.0") is None


def test_rate_limit_is_per_user_and_sliding(tmp_path: Path) -> None:
    state = SharedState(_url(tmp_path))
    assert [state.allow("U1", 3, 60, now=1000 + i) for i in range(5)] == [True, True, True, False, False]
    assert state.allow("U2", 3, 60, now=1004)
    assert state.allow("U1", 3, 60, now=1061)  # the first request has left the window
    assert state.allow("U1", 0, 60, now=1062)  # 0 disables the limit


def test_prune_forgets_old_deliveries(tmp_path: Path) -> None:
    state = SharedState(_url(tmp_path))
    assert state.claim(["event:old"], now=0)
    state.prune(now=10 * 24 * 3600)
    assert state.claim(["event:old"])


def test_rate_limit_holds_when_workers_count_the_same_user_at_once(tmp_path: Path) -> None:
    workers = [SharedState(_url(tmp_path)) for _ in range(4)]
    barrier = threading.Barrier(16, timeout=30)
    results: list[bool] = []
    lock = threading.Lock()

    def ask(state: SharedState) -> None:
        barrier.wait()
        allowed = state.allow("U0BUSY", 5, 3600)
        with lock:
            results.append(allowed)

    threads = [threading.Thread(target=ask, args=(workers[i % 4],)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(results) == [False] * 11 + [True] * 5
