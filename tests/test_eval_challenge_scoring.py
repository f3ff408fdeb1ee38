"""How the eval scores challenge questions: evidence, planted lines reached, near-duplicates."""

from __future__ import annotations

from bot.evaluation.challenge import judge_topic, near_duplicates, unsupported
from bot.models import Answer, ChallengeQuestion, Citation


def _answer(questions: list[ChallengeQuestion]) -> Answer:
    citations = [
        Citation(id=1, source="northbridge-sample dataset: Household recycling", path="sample",
                 locator="household_recycling_rate, Northbridge District Council, 2018-19 to 2023-24", quote="39.5"),
        Citation(id=2, source="Peer challenge", path="peer.pdf", locator="p. 2", quote="Recommendation 4"),
    ]
    return Answer(question="questions on waste", kind="document", answer="", citations=citations,
                  questions=questions)


def test_questions_without_evidence_or_with_dangling_evidence_are_flagged() -> None:
    answer = _answer([
        ChallengeQuestion(text="What is driving the fall in recycling?", theme="t", type="open/probing",
                          rationale="r", evidence=[1]),
        ChallengeQuestion(text="How do we know the plan will work?", theme="t", type="evidence", rationale="r"),
        ChallengeQuestion(text="What did the auditor say?", theme="t", type="evidence", rationale="r", evidence=[9]),
    ])
    assert unsupported(answer) == ["How do we know the plan will work?", "What did the auditor say?"]


def test_a_planted_line_is_reached_through_evidence_or_by_name_not_otherwise() -> None:
    answer = _answer([ChallengeQuestion(text="What is driving the fall?", theme="t", type="open/probing",
                                        rationale="r", evidence=[1])])
    result = judge_topic("waste", answer, {
        "worsening": ("household_recycling_rate", ["Household recycling rate"]),
        "rising_demand": ("temporary_accommodation_per_1000", ["temporary accommodation"]),
    })
    assert result.covered == {"worsening": True, "rising_demand": False}
    assert result.questions == 1 and result.without_evidence == []


def test_near_duplicates_are_counted_once_each() -> None:
    texts = ["What is driving the fall in household recycling?",
             "What is driving the fall in household recycling rates?",
             "How do we compare with our nearest neighbours on council tax collection?"]
    assert near_duplicates(texts) == 1
    assert near_duplicates(texts[:1] + texts[2:]) == 0
