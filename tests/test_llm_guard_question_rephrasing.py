"""With an LLM, challenge questions may be reworded or added, but only if they keep evidence and invent no number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from bot.challenge import draft_questions
from bot.sample_pack import facts
from knowledge.models import AccessContext

PACK = Path(__file__).resolve().parents[1] / "bot" / "sample_pack" / "data"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    from indicators.store import IndicatorStore

    store = IndicatorStore(tmp_path_factory.mktemp("llm-home"))
    store.import_file(PACK / "indicators.csv", fmt="tidy", meta=PACK / "indicator_meta.csv",
                      groups=PACK / "nearest_neighbours.csv", dataset="northbridge-sample")
    return store


def _draft(store, llm=None):
    # "recycling" alone gives fewer than 15 questions, so the model has room to add one.
    return draft_questions("recycling", store, None, AccessContext(), facts.HOME_CODE, llm=llm)


def test_rewording_that_keeps_the_figures_is_used(store) -> None:
    plain = _draft(store)
    target = next(n for n, q in enumerate(plain.questions, start=1) if "46.1%" in q.text)
    reworded = ("Recycling has slipped from 46.1% in 2018-19 to 39.5% in 2023-24; what lies behind that, and "
                "what is the plan to recover?")
    added = "Which rounds have the worst contamination, and what has the service learnt from them?"
    reply = json.dumps([{"index": target, "text": reworded, "evidence": plain.questions[target - 1].evidence},
                        {"index": None, "text": added, "evidence": [plain.citations[0].id]}])
    answer = _draft(store, FakeListChatModel(responses=[reply]))
    assert answer.questions[target - 1].text == reworded
    assert answer.questions[target - 1].evidence == plain.questions[target - 1].evidence
    assert len(plain.questions) < 15
    assert answer.questions[-1].text == added and answer.questions[-1].evidence == [plain.citations[0].id]
    assert len(answer.questions) == len(plain.questions) + 1


def test_invented_numbers_and_missing_evidence_are_rejected(store) -> None:
    plain = _draft(store)
    reply = json.dumps([
        {"index": 2, "text": "Recycling fell to 31.7% last year: why?", "evidence": plain.questions[1].evidence},
        {"index": 3, "text": "A fine question with no evidence at all?", "evidence": [999]},
        {"index": None, "text": "What about the 12 new lorries?", "evidence": [plain.citations[0].id]},
        {"index": None, "text": "Is the service well run?", "evidence": []},
    ])
    answer = _draft(store, FakeListChatModel(responses=[reply]))
    assert [q.text for q in answer.questions] == [q.text for q in plain.questions]


def test_an_unparseable_reply_leaves_the_rule_based_questions(store) -> None:
    plain = _draft(store)
    answer = _draft(store, FakeListChatModel(responses=["Sure! Here are some thoughts, not JSON."]))
    assert answer.questions == plain.questions
    for q in answer.questions:
        assert q.evidence
