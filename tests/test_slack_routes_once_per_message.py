"""Through the loopback Slack: each message is routed exactly once (by the assistant), whatever it asks for; the
Slack layer never imports the router itself."""

from __future__ import annotations

import ast
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import bot.router
from bot.slack import blocks as kit
from slack_harness import Rig, check_payloads, running_rig

WAIT = 180.0
SLACK = Path(__file__).resolve().parents[1] / "bot" / "slack"


@pytest.fixture(scope="module")
def rig(sample_home, sample_assistant, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    """The real app over the sample pack, served on 127.0.0.1, talking to a fake Slack."""
    with running_rig(sample_home, sample_assistant, tmp_path_factory.mktemp("slack-routes")) as r:
        yield r


class RouteCounter:
    """Wraps bot.router.route wherever a loaded module holds it, counting calls."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[str] = []
        self._lock = threading.Lock()
        real = bot.router.route

        def counted(text: str, *args: object, **kwargs: object) -> bot.router.Route:
            with self._lock:
                self.calls.append(text)
            return real(text, *args, **kwargs)

        holders = [m for m in list(sys.modules.values()) if getattr(m, "route", None) is real]
        assert any(m.__name__ == "bot.assistant" for m in holders)
        for module in holders:
            monkeypatch.setattr(module, "route", counted)

    def count(self) -> int:
        with self._lock:
            return len(self.calls)


def _answered(rig: Rig, channel: str, n: int) -> None:
    assert rig.slack.wait_for(lambda f: len(f.of("chat.update", channel)) >= n, WAIT), \
        f"no answer {n} in {channel}: {[c.method for c in rig.slack.calls]}"


def test_each_message_is_routed_exactly_once(rig: Rig, monkeypatch: pytest.MonkeyPatch) -> None:
    counter = RouteCounter(monkeypatch)
    root = "1700000301.000100"
    dm = {"type": "message", "channel": "D0ROUTE", "channel_type": "im", "user": "U0ROUTE",
          "text": "What are the council plan's priorities?", "ts": "1700000302.000100"}
    messages: list[tuple[str, str, int, Callable[[], object]]] = [
        ("mention", "C0ROUTE", 1, lambda: rig.sender.mention(
            "How has our household recycling rate changed since 2019?", "C0ROUTE", ts=root)),
        ("follow-up in the thread", "C0ROUTE", 2, lambda: rig.sender.mention(
            "and compared with our nearest neighbours?", "C0ROUTE", ts="1700000301.000200", thread_ts=root)),
        ("direct message", "D0ROUTE", 1, lambda: rig.sender.event(dm)),
        ("brief on …", "C0ROUTEBRIEF", 1, lambda: rig.sender.mention(
            "brief on waste and recycling", "C0ROUTEBRIEF", ts="1700000303.000100")),
        ("a greeting", "C0ROUTEHELP", 1, lambda: rig.sender.mention("hi", "C0ROUTEHELP", ts="1700000304.000100")),
    ]
    for name, channel, n, send in messages:
        before = counter.count()
        send()
        _answered(rig, channel, n)
        assert counter.count() - before == 1, f"{name}: routed {counter.calls[before:]}"
    # The brief really was one: its note went up in the thread.
    assert rig.slack.wait_for(lambda f: f.of("files.completeUploadExternal", "C0ROUTEBRIEF"), WAIT), \
        [(c.method, str(c.params)[:200]) for c in rig.slack.calls if "C0ROUTEBRIEF" in str(c.params)]
    # The greeting was read as help by the assistant, and the Slack layer showed its help message for it.
    assert rig.slack.of("chat.update", "C0ROUTEHELP")[0].params["text"] == kit.help_message().text
    rig.slack.settle(quiet=0.5)
    assert counter.count() == len(messages)
    check_payloads(rig.slack.calls)


def test_the_slack_layer_does_not_import_the_router() -> None:
    for path in sorted(SLACK.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
            assert not any(n == "bot.router" or n.startswith("bot.router.") for n in names), \
                f"{path.name} imports bot.router"
