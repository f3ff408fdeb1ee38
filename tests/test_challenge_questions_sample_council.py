"""Challenge questions on the fictional sample council find the planted patterns, each with evidence, no repeats."""

from __future__ import annotations

import itertools
import json

import pytest

from bot.challenge import (
    DUPLICATE_COSINE,
    DUPLICATE_JACCARD,
    draft_questions,
    find_lines_of_enquiry,
    jaccard,
)
from bot.guard import check_answer
from bot.models import Answer
from bot.sample_pack import facts
from knowledge.models import AccessContext

pytestmark = pytest.mark.slow
PUBLIC = AccessContext(allow_restricted=False, channel="C-public")


@pytest.fixture(scope="module")
def parts(sample_home, shared_embedder):
    from indicators.store import IndicatorStore
    from knowledge.base import KnowledgeBase

    return (IndicatorStore(sample_home.home), KnowledgeBase(sample_home.home, embedder=shared_embedder),
            shared_embedder)


@pytest.fixture(scope="module")
def drafted(parts) -> dict[str, Answer]:
    store, kb, embedder = parts
    return {topic: draft_questions(topic, store, kb, PUBLIC, facts.HOME_CODE, embedder=embedder)
            for topic in ("waste and recycling", "council tax collection", "performance overview")}


def _cited(answer: Answer, question_evidence: list[int]) -> list:
    by_id = {c.id: c for c in answer.citations}
    return [by_id[i] for i in question_evidence]


def _questions_citing(answer: Answer, predicate) -> list:
    return [q for q in answer.questions or [] if any(predicate(c) for c in _cited(answer, q.evidence))]


def _data_citation_for(indicator_id: str):
    return lambda c: c.locator.startswith(f"{indicator_id},")


def _recommendation(number: int):
    return lambda c: c.source == facts.PEER_CHALLENGE_TITLE and f"Recommendation {number}:" in c.quote


def test_planted_worsening_indicator_is_raised_with_its_figures(drafted) -> None:
    answer = drafted["waste and recycling"]
    planted = facts.PLANTED["worsening"].indicator_id
    raised = _questions_citing(answer, _data_citation_for(planted))
    worsening = [q for q in raised if "worsened five years in a row" in q.text]
    assert worsening, [q.text for q in answer.questions]
    assert "46.1%" in worsening[0].text and "39.5%" in worsening[0].text
    values = {(f.indicator_id, f.period, f.value) for f in answer.figures}
    assert {(planted, "2018-19", 46.1), (planted, "2023-24", 39.5)} <= values


def test_green_but_bottom_quartile_indicator_is_raised(drafted) -> None:
    answer = drafted["council tax collection"]
    planted = facts.PLANTED["green_but_bottom_quartile"].indicator_id
    raised = [q for q in _questions_citing(answer, _data_citation_for(planted)) if "green" in q.text]
    assert raised, [q.text for q in answer.questions]
    assert raised[0].type == "comparative"
    assert "96.2%" in raised[0].text and "of 16" in raised[0].text


def test_peer_challenge_recommendations_without_progress_are_raised(drafted) -> None:
    recycling = _questions_citing(drafted["waste and recycling"], _recommendation(facts.RECYCLING_RECOMMENDATION))
    assert recycling and any("Recommendation 4" in q.text for q in recycling)
    # The evidence of no progress (minutes or performance report) is cited alongside the recommendation.
    stalled = [c for q in recycling for c in _cited(drafted["waste and recycling"], q.evidence)
               if c.source != facts.PEER_CHALLENGE_TITLE]
    assert any("no update" in c.quote.lower() or "not yet" in c.quote.lower() for c in stalled)
    assert _questions_citing(drafted["council tax collection"], _recommendation(2))


def test_a_broad_topic_covers_all_three_planted_patterns(drafted) -> None:
    answer = drafted["performance overview"]
    assert _questions_citing(answer, _data_citation_for(facts.PLANTED["worsening"].indicator_id))
    assert _questions_citing(answer, _data_citation_for(facts.PLANTED["green_but_bottom_quartile"].indicator_id))
    assert _questions_citing(answer, _recommendation(facts.RECYCLING_RECOMMENDATION))


@pytest.mark.parametrize("topic", ["waste and recycling", "council tax collection", "performance overview"])
def test_every_question_has_evidence_and_the_list_is_10_to_15_long(drafted, topic: str) -> None:
    answer = drafted[topic]
    assert 10 <= len(answer.questions) <= 15
    ids = {c.id for c in answer.citations}
    for q in answer.questions:
        assert q.evidence and set(q.evidence) <= ids, q
        assert q.rationale and q.theme and q.type in ("open/probing", "comparative", "hypothetical", "reflective",
                                                      "evidence")
    assert [q.priority for q in answer.questions] == sorted((q.priority for q in answer.questions), reverse=True)
    assert answer.kind == "mixed"
    contract = json.loads(json.dumps(answer.to_contract()))
    assert set(contract["questions"][0]) == {"text", "theme", "type", "rationale", "evidence"}


@pytest.mark.parametrize("topic", ["waste and recycling", "council tax collection", "performance overview"])
def test_no_two_questions_are_near_duplicates(drafted, parts, topic: str) -> None:
    embedder = parts[2]
    texts = [q.text for q in drafted[topic].questions]
    vectors = embedder.embed_documents(texts)
    for (a, va), (b, vb) in itertools.combinations(zip(texts, vectors, strict=True), 2):
        assert jaccard(a, b) < DUPLICATE_JACCARD, (a, b)
        assert sum(x * y for x, y in zip(va, vb, strict=True)) < DUPLICATE_COSINE, (a, b)


@pytest.mark.parametrize("topic", ["waste and recycling", "council tax collection", "performance overview"])
def test_every_number_stated_is_a_figure_or_in_a_cited_quote(drafted, topic: str) -> None:
    answer = drafted[topic]
    sources = [c.quote for c in answer.citations] + [f"{f.indicator_name} {f.unit}" for f in answer.figures]
    ids = {c.id for c in answer.citations}
    for text in [answer.answer] + [q.text for q in answer.questions]:
        result = check_answer(text, answer.figures, ids, sources=sources)
        assert result.ok, (text, result.problems)


def test_lines_of_enquiry_carry_materiality_and_evidence(parts) -> None:
    store, kb, embedder = parts
    lines = find_lines_of_enquiry("waste and recycling", store, kb, PUBLIC, facts.HOME_CODE, embedder=embedder)
    kinds = [line.kind for line in lines]
    assert kinds[0] == "overview"
    assert {"worsening_trend", "missed_target", "recommendation_no_progress"} <= set(kinds)
    assert [line.materiality for line in lines[1:]] == sorted((line.materiality for line in lines[1:]), reverse=True)
    for line in lines:
        assert line.figures or line.passages, line


def test_missed_bins_break_in_series_is_a_data_caveat(parts) -> None:
    store, kb, embedder = parts
    lines = find_lines_of_enquiry("bins", store, kb, PUBLIC, facts.HOME_CODE, embedder=embedder)
    caveats = [line for line in lines if line.kind == "data_caveat"]
    assert any(line.indicator_id == facts.PLANTED["break_in_series"].indicator_id and "in-cab" in line.summary
               for line in caveats)


def test_real_improvement_gets_a_reflective_question(parts) -> None:
    store, kb, embedder = parts
    answer = draft_questions("sickness absence and staff", store, kb, PUBLIC, facts.HOME_CODE, embedder=embedder)
    planted = facts.PLANTED["real_improvement"].indicator_id
    reflective = [q for q in _questions_citing(answer, _data_citation_for(planted)) if q.type == "reflective"]
    assert reflective and "improved" in reflective[0].text


def test_restricted_passages_appear_only_when_allowed(parts) -> None:
    store, kb, embedder = parts
    topic = "disposal of surplus depot land"
    public = draft_questions(topic, store, kb, PUBLIC, facts.HOME_CODE, embedder=embedder)
    allowed = draft_questions(topic, store, kb, AccessContext(allow_restricted=True, channel="C-exempt"),
                              facts.HOME_CODE, embedder=embedder)

    def everything(a: Answer) -> str:
        return " ".join([a.answer, *(c.quote + c.source for c in a.citations),
                         *(q.text + q.rationale for q in a.questions or [])])

    for phrase in facts.RESTRICTED_PHRASES:
        assert phrase not in everything(public)
    assert facts.RESTRICTED_FACT in everything(allowed)
