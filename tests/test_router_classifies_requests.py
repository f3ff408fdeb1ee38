"""Requests are routed before any data is touched: questions, briefs, help, follow-ups."""

from __future__ import annotations

import pytest

from bot.conversation import Conversation, Turn
from bot.router import route


@pytest.mark.parametrize(("text", "topic"), [
    ("questions on waste and recycling", "waste and recycling"),
    ("Draft challenge questions about homelessness?", "homelessness"),
    ("what should we ask about planning performance", "planning performance"),
    ("give me 10 questions for the housing item", "the housing item"),
])
def test_question_requests_carry_their_topic(text: str, topic: str) -> None:
    r = route(text)
    assert (r.kind, r.topic) == ("questions", topic)


@pytest.mark.parametrize("text", ["brief on council tax collection", "Prepare a pre-scrutiny briefing note on waste"])
def test_briefing_requests(text: str) -> None:
    assert route(text).kind == "brief"


def test_help_and_plain_questions() -> None:
    assert route("help").kind == "help"
    assert route("How has our recycling rate changed since 2019?").kind == "question"


def test_follow_ups_need_a_conversation() -> None:
    empty = Conversation()
    talked = Conversation(turns=[Turn(question="How is recycling?", kind="indicator", indicator_id="R1")])
    assert route("and compared with Darlington?", empty).kind == "question"
    assert route("and compared with Darlington?", talked).kind == "followup"
    assert route("why?", talked).kind == "why"
    assert route("show the chart", talked).kind == "chart"
