"""'Prepare me for Thursday's scrutiny committee' (in Slack or the CLI's free text) routes to the question pack of
that synced meeting through the one assistant call; with nothing synced it says how to sync."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.assistant import Assistant
from bot.models import CallerContext
from bot.pipeline.models import Request
from bot.settings import load_settings
from moderngov_fixtures.service import synced

pytestmark = pytest.mark.slow


def test_a_meeting_named_in_words_gets_its_question_pack() -> None:
    service = synced()
    meeting_day = (service.fake.today + timedelta(days=7)).strftime("%A")
    assistant = Assistant(load_settings(home=service.home, area="E07999001", llm=None, chroma_host=None),
                          embedder=service.embedder)
    reply = assistant.respond(Request(text=f"Prepare me for {meeting_day}'s scrutiny committee"),
                              CallerContext(channel="C-public", user="U1"))
    answer = reply.answer
    assert answer.understood is not None and answer.understood.intent == "questions"
    assert "Overview and Scrutiny Committee" in (answer.understood.topic or "")
    assert answer.questions and all(q.evidence for q in answer.questions)


def test_with_nothing_synced_it_says_how_to_sync(tmp_path) -> None:
    assistant = Assistant(load_settings(home=tmp_path, area="E07999001", llm=None, chroma_host=None))
    answer = assistant.respond(Request(text="Prepare me for Thursday's scrutiny committee"),
                               CallerContext(channel="C-public", user="U1")).answer
    assert answer.kind == "none" and "scrutiny sync moderngov" in answer.answer
