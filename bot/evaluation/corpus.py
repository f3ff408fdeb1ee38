"""Retrieval and citations over the real corpus in ../shared/corpus, with the knowledge package's labelled set."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.evaluation.report import Metric, Section
from bot.evaluation.sets import EVAL_DIR

if TYPE_CHECKING:
    from bot.evaluation.context import EvalContext

CORPUS_SET = EVAL_DIR / "corpus_questions.yaml"
# Written after chunking and fusion were chosen on CORPUS_SET, without sight of the system: the honest estimate.
HOLDOUT_SET = EVAL_DIR / "corpus_questions_holdout.yaml"
RECALL_TARGET = 0.9
# The fast (CI) run ingests only the corpus documents up to this size, and asks only their questions.
FAST_MAX_BYTES = 110_000


def corpus_files(shared: Path, fast: bool) -> list[Path]:
    """The corpus documents evaluated: all of them, or in a fast run the smaller ones."""
    files = sorted((shared / "corpus").glob("*.txt"))
    return [f for f in files if f.stat().st_size <= FAST_MAX_BYTES] if fast else files


def corpus_assistant(ctx: EvalContext) -> Any:
    """An assistant whose knowledge base holds ../shared/corpus (ingested once per run, no indicator data)."""
    assistant = ctx.corpus_assistant
    if assistant is None:
        from bot.assistant import Assistant
        from bot.settings import load_settings

        assert ctx.shared is not None
        assistant = Assistant(load_settings(home=ctx.work / "corpus", area=None, llm=None, chroma_host=None),
                              embedder=ctx.embedder)
        assistant.kb.ingest(corpus_files(ctx.shared, ctx.fast))
        ctx.corpus_assistant = assistant
    return assistant


def corpus_retrieval(ctx: EvalContext, section: Section) -> Section:
    """recall@1/@5 and MRR per mode on the development and held-out sets; hybrid recall@5 should reach 0.9."""
    from bot.models import CallerContext
    from knowledge.evaluation import QuestionSet, evaluate_retrieval, load_questions

    missing = [str(p) for p in (CORPUS_SET, HOLDOUT_SET) if not p.exists()]
    if missing:
        section.status, section.reason = "failed", f"{', '.join(missing)} not found"
        return section
    assert ctx.shared is not None
    held = {f.name for f in corpus_files(ctx.shared, ctx.fast)}
    assistant = corpus_assistant(ctx)
    asked: list[str] = []
    counts: list[str] = []
    for path, prefix in ((CORPUS_SET, ""), (HOLDOUT_SET, "held-out ")):
        full = load_questions(path)
        qset = QuestionSet(questions=[q for q in full.questions if q.doc in held], off_topic=full.off_topic)
        report = evaluate_retrieval(assistant.kb, qset, measure_latency=False)
        n = report.questions
        for m in report.modes:
            section.metrics += [
                Metric(name=f"{prefix}{m.mode} recall@1", value=m.recall_at_1, n=n),
                Metric(name=f"{prefix}{m.mode} recall@5", value=m.recall_at_k, n=n,
                       threshold=RECALL_TARGET if m.mode == "hybrid" else None),
                Metric(name=f"{prefix}{m.mode} MRR", value=m.mrr, n=n, unit="score"),
            ]
        hybrid, dense = report.mode("hybrid"), report.mode("dense")
        section.metrics += [
            Metric(name=f"{prefix}hybrid recall@5 minus dense-only recall@5", unit="score", n=n,
                   value=hybrid.recall_at_k - dense.recall_at_k),
            Metric(name=f"{prefix}hybrid recall@5, paraphrased questions", value=hybrid.recall_at_k_paraphrased,
                   n=report.paraphrased),
        ]
        if qset.off_topic:
            section.metrics.append(Metric(name="off-topic questions answered with nothing (hybrid)",
                                          value=hybrid.off_topic_empty, n=len(qset.off_topic)))
        section.failures += [f"{prefix}hybrid miss: {q!r}" for q in hybrid.misses]
        asked += [q.question for q in qset.questions]
        counts.append(f"{n} {prefix or 'development '}questions")
    section.reason = f"{' and '.join(counts)} over {len(assistant.kb.documents())} documents" + (
        f" (fast run: the documents up to {FAST_MAX_BYTES // 1000} kB only)" if ctx.fast else "")

    # The same questions through the assistant: their citations are checked for validity afterwards.
    caller = CallerContext(channel="eval", user="eval")
    ctx.corpus_answers = [assistant.ask(q, caller) for q in asked]
    return section.finish()
