"""Retrieval quality over ../shared/corpus: recall@1, recall@5 and MRR for dense, BM25 and hybrid in one run.

    python benchmarks/retrieval_eval.py [--chunk-sizes 700] [--work DIR] [--questions FILE ...] [--calibrate]
                                        [--embedder onnx|sentence-transformers|both]
                                        [--model-dir DIR] [--reranker-dir DIR] [--no-configured]

Builds (or reuses, thanks to incremental ingest) one index per chunk size under --work, runs every labelled
question through each mode, and reports the off-topic questions that were correctly answered with nothing.
By default it reports three sets and all together: tests/eval/corpus_questions.yaml, the development set that chunk
size and fusion were chosen on, tests/eval/corpus_questions_holdout.yaml, written afterwards without sight of
the system or of the first set, and tests/eval/corpus_questions_blind2.yaml (issue 14: 49 questions, half
paraphrased, some naming documents by author, some answered by a list item or a table row, and 20 unanswerable
questions), never tuned on. Besides recall it reports, through bot.compose.document_answer, the share of questions
whose answer phrase is inside a quote of the answer, and the false-answer rate on the unanswerable questions.
--calibrate also prints the best
dense similarity of labelled and off-topic questions, which is how knowledge.base.RELEVANCE_THRESHOLD was chosen.
--embedder picks the embedder (default onnx, the product's); `both` builds one index per embedder, reports each and
says whether every metric agrees to two decimals. `evaluate_retrieval` is importable.
tests/eval/corpus_unanswerable_dev.yaml (18 on-topic questions the corpus does not answer; development material) is
reported too: its false-answer rate only.

Whatever retrieval model is configured (README "Retrieval models": SCRUTINY_EMBEDDER_MODEL_DIR, SCRUTINY_EMBEDDINGS_URL
and _MODEL, SCRUTINY_RERANKER_DIR, or --model-dir / --reranker-dir here) is measured beside the default on the same
questions: its own index for another embedding model, the default's index for a re-ranker alone. --no-configured
measures the default only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from knowledge.evaluation import (  # noqa: E402 - the path set-up above must run first
    QuestionSet,
    RetrievalReport,
    evaluate_retrieval,
    load_questions,
    merge_question_sets,
)

QUESTIONS = REPO / "tests" / "eval" / "corpus_questions.yaml"
HOLDOUT = REPO / "tests" / "eval" / "corpus_questions_holdout.yaml"
BLIND2 = REPO / "tests" / "eval" / "corpus_questions_blind2.yaml"  # held out: never tuned on
BLIND3 = REPO / "tests" / "eval" / "corpus_questions_blind3.yaml"  # held out, written without sight of the code
UNANSWERABLE_DEV = REPO / "tests" / "eval" / "corpus_unanswerable_dev.yaml"  # development: false answers only
CORPUS = REPO.parent / "shared" / "corpus"

__all__ = ["evaluate_retrieval", "RetrievalReport", "QuestionSet", "load_questions", "main"]


def calibration(kb, qset: QuestionSet) -> dict[str, list[float]]:  # noqa: ANN001 - a KnowledgeBase
    """Best dense cosine similarity for each labelled and each off-topic question."""
    labelled = [kb.relevance(q.question) for q in qset.questions]
    off = [kb.relevance(q) for q in qset.off_topic]
    return {"labelled": sorted(labelled), "off_topic": sorted(off)}


def answers_in_quotes(kb, qset: QuestionSet) -> dict[str, float]:  # noqa: ANN001 - a KnowledgeBase
    """Through the answer composer: the share of labelled questions whose answer phrase is inside one of the
    answer's quotes from the right document, and the share of unanswerable questions that got any passage."""
    from bot.compose import document_answer
    from knowledge.evaluation import normalise

    inside = 0
    for q in qset.questions:
        passages = kb.search(q.question, k=5)
        _, citations = document_answer(q.question, passages)
        want = normalise(q.answer)
        inside += any(Path(c.path).name == q.doc and want in normalise(c.quote) for c in citations)
    false = sum(bool(kb.search(q, k=5)) for q in qset.off_topic)
    return {"answer_in_quote": inside / len(qset.questions) if qset.questions else 0.0,
            "false_answer_rate": false / len(qset.off_topic) if qset.off_topic else 0.0,
            "unanswerable": len(qset.off_topic)}


def _table(size: int, name: str, report: RetrievalReport, off_topic: int) -> str:
    lines = [f"{name}, chunk size {size} chars: {report.questions} questions ({report.paraphrased} paraphrased), "
             f"k={report.k}",
             f"{'mode':8} {'R@1':>6} {'R@5':>6} {'MRR':>6} {'R@5 para':>9} {'R@5 strict':>11} {'off-topic []':>13}"]
    for m in report.modes:
        lines.append(f"{m.mode:8} {m.recall_at_1:6.3f} {m.recall_at_k:6.3f} {m.mrr:6.3f} "
                     f"{m.recall_at_k_paraphrased:9.3f} {m.recall_at_k_strict:11.3f} "
                     + (f"{m.off_topic_empty:13.2f}" if off_topic else f"{'-':>13}"))
    if report.latency_ms_p50 is not None:
        lines.append(f"warm hybrid search latency: p50 {report.latency_ms_p50} ms, p95 {report.latency_ms_p95} ms")
    return "\n".join(lines)


_METRICS = ("recall_at_1", "recall_at_k", "mrr", "recall_at_k_paraphrased", "recall_at_k_strict", "off_topic_empty")


def agreement(a: dict[str, dict], b: dict[str, dict]) -> dict[str, object]:
    """Compare two embedders' reports ({size: {set: report}}): every metric rounded to two decimals."""
    differences: list[str] = []
    compared = 0
    for size, sets in a.items():
        for name, report in sets.items():
            if name == "calibration" or "modes" not in report:
                continue
            other = {m["mode"]: m for m in b[size][name]["modes"]}
            for mode in report["modes"]:
                for metric in _METRICS:
                    compared += 1
                    x, y = round(mode[metric], 2), round(other[mode["mode"]][metric], 2)
                    if x != y:
                        differences.append(f"{size} {name} {mode['mode']} {metric}: {x:.2f} vs {y:.2f}")
    return {"metrics_compared": compared, "differences": differences}


def run_variant(folder: str, label: str, work: Path, embedder, size: int, sets: dict[str, QuestionSet],  # noqa: ANN001
                args: argparse.Namespace, reranker=None) -> dict[str, object]:  # noqa: ANN001
    """Build (or reuse) one index under work/folder, measure every set on it, print the tables."""
    import time

    from knowledge.base import KnowledgeBase

    kb = KnowledgeBase(work / folder, embedder=embedder, chunk_chars=size, reranker=reranker)
    for knob in ("fusion", "dense_weight", "rrf_k"):
        if getattr(args, knob, None) is not None:
            setattr(kb, knob, getattr(args, knob))
    started = time.perf_counter()
    report = kb.ingest(sorted(args.corpus.glob("*.txt")))
    added = sum(f.chunks for f in report.files if f.status in ("added", "updated"))
    if added:
        print(f"{label} indexed {added} chunks in {time.perf_counter() - started:.1f} s", flush=True)
    entry: dict[str, object] = {}
    labelled = [name for name, qset in sets.items() if qset.questions]
    for name, qset in sets.items():
        if not qset.questions:  # an unanswerable-only set: false answers only
            false = sum(bool(kb.search(q, k=5)) for q in qset.off_topic)
            entry[name] = {"false_answers": false, "unanswerable": len(qset.off_topic)}
            print(f"{label} {name}: {false} of {len(qset.off_topic)} unanswerable questions got passages", flush=True)
            continue
        # Latency once, over every question asked (the last, combined, set when there are several).
        report_ = evaluate_retrieval(kb, qset, measure_latency=name == labelled[-1])
        print(_table(size, f"{label} {name}", report_, len(qset.off_topic)), flush=True)
        quoted = answers_in_quotes(kb, qset)
        print(f"answer phrase inside a quote (hybrid, composed answer): {quoted['answer_in_quote']:.3f}; "
              f"false-answer rate on {quoted['unanswerable']} unanswerable questions: "
              f"{quoted['false_answer_rate']:.2f}", flush=True)
        if args.misses:
            for m in report_.modes:
                for q in m.misses:
                    print(f"  miss [{m.mode}] {q}")
        entry[name] = {**report_.model_dump(), **quoted}
    if args.calibrate:
        cal = calibration(kb, sets[labelled[-1]])
        entry["calibration"] = cal
        print(f"  best dense similarity, labelled: min {cal['labelled'][0]:.3f} "
              f"p5 {cal['labelled'][max(0, len(cal['labelled']) // 20)]:.3f}; "
              f"off-topic: max {cal['off_topic'][-1]:.3f} (threshold {kb.relevance_threshold})")
    return entry


def configured_variants(args: argparse.Namespace, work: Path, kind: str) -> list[tuple[str, str, object, object]]:
    """(label, index folder, embedder, re-ranker) for what the settings or the flags configure beyond the default."""
    from bot.settings import Settings
    from knowledge.embedding import make_embedder

    settings = Settings()
    model_dir = args.model_dir or settings.embedder_model_dir
    reranker_dir = args.reranker_dir or settings.reranker_dir
    variants: list[tuple[str, str, object, object]] = []
    embedders: list[tuple[str, str, object]] = []
    if model_dir is not None:
        embedder = make_embedder(kind, work / "models", model_dir=Path(model_dir))
        embedders.append((f"{kind} model folder {Path(model_dir).name}", f"folder-{Path(model_dir).name}", embedder))
    endpoint = settings.endpoint_embedder()
    if endpoint is not None:
        embedders.append((f"endpoint {endpoint.model_id}", f"endpoint-{endpoint.model_id.replace('/', '-')}",
                          endpoint))
    variants += [(label, folder, embedder, None) for label, folder, embedder in embedders]
    if reranker_dir is not None:
        from knowledge.rerank import CrossEncoderReranker

        reranker = CrossEncoderReranker(Path(reranker_dir))
        name = f"re-ranker {Path(reranker_dir).name}"
        variants.append((f"{kind} + {name}", kind, make_embedder(kind, work / "models"), reranker))
        variants += [(f"{label} + {name}", folder, embedder, reranker) for label, folder, embedder in embedders]
    return variants


def main(argv: list[str] | None = None) -> int:
    """Build/reuse the indexes, evaluate, print a table per chunk size; exit 2 without the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunk-sizes", default="", help="comma-separated chunk sizes in characters")
    parser.add_argument("--work", type=Path, default=None, help="folder for the indexes (kept between runs)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--questions", type=Path, action="append", default=None,
                        help="a labelled question file (repeatable; default: the development and held-out sets)")
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--misses", action="store_true", help="list the questions each mode missed")
    parser.add_argument("--json", type=Path, default=None, help="write the reports as JSON here")
    parser.add_argument("--embedder", choices=["onnx", "sentence-transformers", "both"], default="onnx")
    parser.add_argument("--model-dir", type=Path, default=None,
                        help="also measure this local model folder (default: SCRUTINY_EMBEDDER_MODEL_DIR)")
    parser.add_argument("--reranker-dir", type=Path, default=None,
                        help="also measure this cross-encoder folder (default: SCRUTINY_RERANKER_DIR)")
    parser.add_argument("--no-configured", action="store_true", help="measure the default retrieval only")
    # Experiments (knowledge/NOTES.md): the fusion, default = the product's.
    parser.add_argument("--fusion", choices=["linear", "rrf"], default=None)
    parser.add_argument("--dense-weight", type=float, default=None)
    parser.add_argument("--rrf-k", type=int, default=None)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    from knowledge.chunking import DEFAULT_CHUNK_CHARS
    from knowledge.embedding import make_embedder

    sizes = [int(s) for s in args.chunk_sizes.split(",") if s.strip()] or [DEFAULT_CHUNK_CHARS]
    files = args.questions or [QUESTIONS, HOLDOUT, BLIND2, BLIND3, UNANSWERABLE_DEV]
    sets = {path.stem: load_questions(path) for path in files}
    if len(sets) > 1:
        sets["all sets together"] = merge_question_sets(list(sets.values()))
    work = args.work or Path(tempfile.mkdtemp(prefix="retrieval-eval-"))
    kinds = ["onnx", "sentence-transformers"] if args.embedder == "both" else [args.embedder]
    out: dict[str, object] = {}
    for kind in kinds:
        embedder = make_embedder(kind, work / "models")
        for size in sizes:
            out.setdefault(kind, {})[str(size)] = run_variant(  # type: ignore[index]
                f"{kind}-chunks-{size}", f"[{kind}]", work, embedder, size, sets, args)
    if len(kinds) == 2:
        out["agreement"] = agreement(out[kinds[0]], out[kinds[1]])  # type: ignore[arg-type]
        diffs = out["agreement"]["differences"]  # type: ignore[index]
        print(f"{kinds[0]} vs {kinds[1]}: every metric equal to two decimals: "
              f"{'yes' if not diffs else 'NO'}" + "".join(f"\n  {d}" for d in diffs))
    if not args.no_configured:
        for label, folder, embedder, reranker in configured_variants(args, work, kinds[0]):
            print(f"-- configured: {label}", flush=True)
            out.setdefault("configured", {})[label] = {  # type: ignore[union-attr]
                str(size): run_variant(f"{folder}-chunks-{size}", f"[{label}]", work, embedder, size, sets, args,
                                       reranker=reranker) for size in sizes}
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
