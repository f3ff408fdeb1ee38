"""Retrieval quality on a labelled question set: recall@1, recall@k and MRR per search mode, plus latency."""

from __future__ import annotations

import re
import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field, field_validator

from knowledge.errors import KnowledgeError

if TYPE_CHECKING:
    from knowledge.base import KnowledgeBase
    from knowledge.models import Passage

Mode = Literal["hybrid", "dense", "bm25"]
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


class EvalQuestion(BaseModel):
    """One labelled question: the document that answers it and a verbatim answer phrase."""

    question: str
    doc: str
    answer: str
    paraphrase: bool = False
    names_document: bool = False  # the question names the document, its authors or its publisher
    kind: Literal["fact", "list", "table_row"] = "fact"


class QuestionSet(BaseModel):
    """A labelled question set plus questions that nothing in the corpus answers (`off_topic`, or `unanswerable`:
    on-topic or not, the documents do not answer them; both count towards the false-answer rate)."""

    questions: list[EvalQuestion]
    off_topic: list[str] = Field(default_factory=list)
    unanswerable: list[str] = Field(default_factory=list)

    @field_validator("off_topic", "unanswerable", mode="before")
    @classmethod
    def _question_text(cls, items: list[object]) -> list[object]:
        # A set may write an unanswerable question as {"question": ..., "on_topic": ...} (corpus_questions_blind3).
        return [item["question"] if isinstance(item, dict) and "question" in item else item for item in items or []]

    def model_post_init(self, _context: object) -> None:  # noqa: D102 - pydantic hook
        self.off_topic = list(dict.fromkeys(self.off_topic + self.unanswerable))


class ModeScores(BaseModel):
    """Quality of one search mode over the question set."""

    mode: Mode
    recall_at_1: float
    recall_at_k: float
    mrr: float
    recall_at_k_paraphrased: float
    recall_at_k_strict: float  # the passage contains the whole answer phrase, not just part of its span
    off_topic_empty: float  # share of off-topic questions answered with no passages
    misses: list[str] = Field(default_factory=list)


class RetrievalReport(BaseModel):
    """Scores per mode, measured in one run over the same index."""

    k: int
    questions: int
    paraphrased: int
    modes: list[ModeScores]
    latency_ms_p50: float | None = None
    latency_ms_p95: float | None = None

    def mode(self, name: Mode) -> ModeScores:
        """Scores of one mode."""
        return next(m for m in self.modes if m.mode == name)


def load_questions(path: Path) -> QuestionSet:
    """Read a YAML question set (top-level `questions:` and optional `off_topic:`)."""
    import yaml

    try:
        return QuestionSet.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise KnowledgeError(f"{path}: not a valid question set ({str(exc).splitlines()[0]})") from exc


def merge_question_sets(sets: list[QuestionSet]) -> QuestionSet:
    """One set holding every labelled question of `sets`, and their off-topic questions without repeats."""
    off_topic = list(dict.fromkeys(q for s in sets for q in s.off_topic))
    return QuestionSet(questions=[q for s in sets for q in s.questions], off_topic=off_topic)


def normalise(text: str) -> str:
    """Lower case, one space between words, straight quotes: how answer phrases are matched."""
    return " ".join(text.translate(_QUOTES).lower().split())


def answer_spans(text: str, answer: str) -> list[tuple[int, int]]:
    """Character spans in `text` where `answer` occurs, allowing any whitespace and quote style."""
    parts = []
    for word in answer.translate(_QUOTES).split():
        parts.append("".join("['’‘]" if c == "'" else '["“”]' if c == '"' else re.escape(c) for c in word))
    pattern = re.compile(r"\s+".join(parts), re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text.translate(_QUOTES))]


def is_hit(passage: Passage, question: EvalQuestion, spans: dict[str, list[tuple[int, int]]],
           strict: bool = False) -> bool:
    """A passage from the right document that contains the answer phrase (or, unless strict, overlaps it)."""
    if Path(passage.path).name != question.doc:
        return False
    if normalise(question.answer) in normalise(passage.text):
        return True
    if strict:
        return False
    return any(s < passage.char_end and passage.char_start < e for s, e in spans.get(passage.doc_id, []))


def evaluate_retrieval(kb: KnowledgeBase, questions: QuestionSet | list[EvalQuestion],
                       modes: tuple[Mode, ...] = ("dense", "bm25", "hybrid"), k: int = 5,
                       measure_latency: bool = True) -> RetrievalReport:
    """Run every question through every mode against the same index and score the results."""
    qset = questions if isinstance(questions, QuestionSet) else QuestionSet(questions=questions)
    docs = {Path(d.path).name: d.doc_id for d in kb.documents()}
    missing = sorted({q.doc for q in qset.questions} - set(docs))
    if missing:
        raise KnowledgeError(f"question set names documents that are not indexed: {', '.join(missing)}")
    spans: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for q in qset.questions:
        doc_id = docs[q.doc]
        spans[q.question] = {doc_id: answer_spans(kb.source_text(doc_id), q.answer)}
    results: list[ModeScores] = []
    for mode in modes:
        hits1 = hitsk = strict = para = 0
        reciprocal = 0.0
        misses: list[str] = []
        for q in qset.questions:
            passages = kb.search(q.question, k=k, mode=mode)
            ranks = [i for i, p in enumerate(passages, start=1) if is_hit(p, q, spans[q.question])]
            if ranks:
                hitsk += 1
                hits1 += ranks[0] == 1
                reciprocal += 1 / ranks[0]
                para += q.paraphrase
            else:
                misses.append(q.question)
            strict += any(is_hit(p, q, spans[q.question], strict=True) for p in passages)
        empty = sum(not kb.search(q, k=k, mode=mode) for q in qset.off_topic)
        n = len(qset.questions)
        n_para = sum(q.paraphrase for q in qset.questions)
        results.append(ModeScores(mode=mode, recall_at_1=hits1 / n, recall_at_k=hitsk / n, mrr=reciprocal / n,
                                  recall_at_k_paraphrased=para / n_para if n_para else 0.0,
                                  recall_at_k_strict=strict / n,
                                  off_topic_empty=empty / len(qset.off_topic) if qset.off_topic else 1.0,
                                  misses=misses))
    report = RetrievalReport(k=k, questions=len(qset.questions),
                             paraphrased=sum(q.paraphrase for q in qset.questions), modes=results)
    if measure_latency:
        report.latency_ms_p50, report.latency_ms_p95 = search_latency(
            kb, [q.question for q in qset.questions] + qset.off_topic, k)
    return report


def search_latency(kb: KnowledgeBase, queries: list[str], k: int = 5, rounds: int = 3) -> tuple[float, float]:
    """Warm hybrid search latency p50 and p95 in milliseconds (one warm-up pass first)."""
    for q in queries:
        kb.search(q, k=k)
    timings: list[float] = []
    for _ in range(rounds):
        for q in queries:
            started = time.perf_counter()
            kb.search(q, k=k)
            timings.append((time.perf_counter() - started) * 1000)
    cuts = statistics.quantiles(timings, n=100)
    return round(statistics.median(timings), 1), round(cuts[94], 1)
