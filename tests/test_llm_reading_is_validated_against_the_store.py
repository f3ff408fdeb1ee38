"""With an LLM configured the question may be read by the model, but only a reading the store can back is used: a
wrong indicator code, an unknown council or a period not held falls back to the rule-based reading."""

from __future__ import annotations

import json

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from bot.assistant import Assistant
from bot.models import CallerContext

HOME = "E07999001"


def _model(reading: dict) -> FakeListChatModel:
    # The reading comes back as JSON text; the answer-wording call after it gets the same text, which the
    # guard rejects, so the extractive answer is what remains.
    return FakeListChatModel(responses=[json.dumps(reading)] * 6)


def _assistant(sample_home, shared_embedder, reading: dict) -> Assistant:
    return Assistant(sample_home, llm=_model(reading), embedder=shared_embedder)


def test_a_valid_model_reading_is_used(sample_home, shared_embedder) -> None:
    # The rules read "the thing we talked about" as nothing; the model names the recycling rate for 2021-22.
    assistant = _assistant(sample_home, shared_embedder, {"intent": "value", "indicators": ["household_recycling_rate"],
                                                          "areas": [HOME], "period_to": "2021-22"})
    answer = assistant.ask("the thing we talked about, for the year before last", CallerContext(area=HOME))
    u = answer.to_contract()["understood"]
    assert u["indicators"] == ["household_recycling_rate"] and u["periods"]["to"] == "2021-22"
    assert any(f.period == "2021-22" and f.indicator_id == "household_recycling_rate" for f in answer.figures)


@pytest.mark.parametrize("reading", [
    {"intent": "value", "indicators": ["RECYCLING_RATE_X"], "areas": [HOME]},  # a code the store does not hold
    {"intent": "value", "indicators": ["household_recycling_rate"], "areas": ["E99999999"]},  # unknown council
    {"intent": "value", "indicators": ["household_recycling_rate"], "areas": [HOME], "period_to": "1999-00"},
])
def test_a_reading_the_store_cannot_back_falls_back_to_the_rules(sample_home, shared_embedder, reading) -> None:
    assistant = _assistant(sample_home, shared_embedder, reading)
    answer = assistant.ask("How has our council tax collection rate changed since 2019?", CallerContext(area=HOME))
    u = answer.to_contract()["understood"]
    assert u["indicators"] == ["council_tax_collection"] and u["areas"] == [HOME]
    assert u["periods"]["from"] == "2019-20"


def test_a_reply_that_is_not_a_reading_falls_back_to_the_rules(sample_home, shared_embedder) -> None:
    assistant = Assistant(sample_home, llm=FakeListChatModel(responses=["I think you mean recycling."] * 6),
                          embedder=shared_embedder)
    answer = assistant.ask("How has our council tax collection rate changed since 2019?", CallerContext(area=HOME))
    assert answer.to_contract()["understood"]["indicators"] == ["council_tax_collection"]
