"""Over the real corpus: every passage returned for the labelled questions (development and held-out sets) quotes its
source verbatim at its locator, off-topic questions get nothing, and hybrid retrieval holds its recall floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase
from knowledge.evaluation import QuestionSet, evaluate_retrieval, load_questions, merge_question_sets

QUESTIONS = Path(__file__).resolve().parent / "eval" / "corpus_questions.yaml"
HOLDOUT = QUESTIONS.with_name("corpus_questions_holdout.yaml")


@pytest.fixture(scope="module")
def corpus_kb(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory, shared_embedder) -> KnowledgeBase:
    kb = KnowledgeBase(tmp_path_factory.mktemp("corpus-home"), embedder=shared_embedder)
    report = kb.ingest(sorted((shared_dir / "corpus").glob("*.txt")))
    assert [f.status for f in report.files] == ["added"] * 5
    return kb


@pytest.fixture(scope="module")
def questions() -> QuestionSet:
    return load_questions(QUESTIONS)


@pytest.fixture(scope="module")
def holdout() -> QuestionSet:
    return load_questions(HOLDOUT)


@pytest.mark.parametrize("path", [QUESTIONS, HOLDOUT], ids=["development", "held-out"])
def test_question_set_is_labelled_over_all_five_documents(shared_dir: Path, path: Path) -> None:
    corpus = {p.name: p.read_text(encoding="utf-8") for p in (shared_dir / "corpus").glob("*.txt")}
    from knowledge.evaluation import answer_spans

    questions = load_questions(path)
    assert len(questions.questions) >= 40
    assert sum(q.paraphrase for q in questions.questions) >= 10
    assert {q.doc for q in questions.questions} == set(corpus)
    for q in questions.questions:
        assert answer_spans(corpus[q.doc], q.answer), f"answer of {q.question!r} is not in {q.doc}"


def test_every_quote_is_verbatim_at_its_locator(corpus_kb: KnowledgeBase, questions: QuestionSet,
                                                holdout: QuestionSet) -> None:
    everything = merge_question_sets([questions, holdout])
    checked = 0
    for q in everything.questions:
        for mode in ("hybrid", "dense", "bm25"):
            for passage in corpus_kb.search(q.question, k=5, mode=mode):
                source = corpus_kb.source_text(passage.doc_id, passage.page)
                whole = corpus_kb.source_text(passage.doc_id)
                assert passage.text and passage.text in source
                assert whole[passage.char_start:passage.char_end] == passage.text
                assert len(passage.text) <= 700 and passage.text == passage.text.strip()
                checked += 1
    assert checked >= 5 * len(everything.questions)


def test_off_topic_questions_return_nothing(corpus_kb: KnowledgeBase, questions: QuestionSet) -> None:
    assert questions.off_topic
    for question in questions.off_topic + ["What is the capital of Peru?", "recipe for lasagne"]:
        assert corpus_kb.search(question) == [], question


# Regression floors just under what benchmarks/retrieval_eval.py measured (hybrid recall@5 0.78 on the development
# set, 0.65 on the held-out set, after the structural passages of issue 14; 0.86 / 0.55 before, see
# knowledge/NOTES.md); the 0.90 target is tracked there and in `scrutiny eval`, not asserted here.
HYBRID_RECALL_FLOOR = {"development": 0.76, "held-out": 0.60}


@pytest.mark.parametrize("name", ["development", "held-out"])
def test_hybrid_recall_holds_its_floor_and_beats_dense(corpus_kb: KnowledgeBase, questions: QuestionSet,
                                                      holdout: QuestionSet, name: str) -> None:
    qset = questions if name == "development" else holdout
    report = evaluate_retrieval(corpus_kb, qset, measure_latency=False)
    hybrid, dense = report.mode("hybrid"), report.mode("dense")
    assert hybrid.recall_at_k >= HYBRID_RECALL_FLOOR[name], hybrid.misses
    assert hybrid.recall_at_k > dense.recall_at_k
    assert hybrid.off_topic_empty == 1.0
