"""Ingest throughput over ../shared/corpus next to the model's raw embedding throughput on the same chunks.

    python benchmarks/ingest_bench.py [--corpus DIR] [--rounds 2] [--json OUT]

Reports: first ingest of the whole corpus (chunks/s, model already loaded), raw `model.encode` over exactly the
texts ingest embedded (chunks/s, best of --rounds), their ratio, re-ingest of the unchanged corpus (seconds and
speed-up over the first ingest), and warm hybrid search latency p50/p95 over the labelled questions.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

CORPUS = REPO.parent / "shared" / "corpus"
QUESTIONS = REPO / "tests" / "eval" / "corpus_questions.yaml"


def _raw_encode_seconds(embedder, texts: list[str]) -> float:  # noqa: ANN001 - a knowledge.embedder.Embedder
    started = time.perf_counter()
    embedder.model.encode(texts, batch_size=embedder.batch_size, normalize_embeddings=True,
                          convert_to_numpy=True, show_progress_bar=False)
    return time.perf_counter() - started


def run(corpus: Path, rounds: int = 2, work: Path | None = None) -> dict[str, float]:
    """Measure ingest vs raw embedding throughput, re-ingest speed-up and warm search latency."""
    from knowledge.base import KnowledgeBase
    from knowledge.embedder import Embedder
    from knowledge.evaluation import load_questions, search_latency

    files = sorted(corpus.glob("*.txt"))
    embedder = Embedder()
    embedder.embed_documents(["warm-up sentence so the model load is not timed"])
    home = work or Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    kb = KnowledgeBase(home, embedder=embedder)
    kb.vectors.collection  # noqa: B018 - open Chroma before timing, as a running bot has it open already
    first = kb.ingest(files)
    chunks = first.chunks_added
    texts = [kb.source_text(c.doc_id)[c.start:c.end] for c in kb.registry.chunks()]
    raw = min(_raw_encode_seconds(embedder, texts) for _ in range(rounds))
    started = time.perf_counter()
    again = KnowledgeBase(home, embedder=embedder).ingest(files)
    reingest = time.perf_counter() - started
    assert again.chunks_added == 0, "re-ingest of unchanged files embedded something"
    qset = load_questions(QUESTIONS)
    p50, p95 = search_latency(kb, [q.question for q in qset.questions] + qset.off_topic)
    return {"files": len(files), "chunks": chunks, "ingest_s": round(first.seconds, 2),
            "ingest_chunks_per_s": round(chunks / first.seconds, 1), "raw_encode_s": round(raw, 2),
            "raw_chunks_per_s": round(len(texts) / raw, 1),
            "ingest_vs_raw": round((chunks / first.seconds) / (len(texts) / raw), 3),
            "reingest_s": round(reingest, 3), "reingest_speedup": round(first.seconds / reingest, 1),
            "search_p50_ms": p50, "search_p95_ms": p95}


def main(argv: list[str] | None = None) -> int:
    """Print (and optionally save) the measurements; exit 2 without the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--rounds", type=int, default=2, help="raw-encode repetitions (best is kept)")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    result = run(args.corpus, args.rounds)
    print(f"first ingest: {result['chunks']} chunks from {result['files']} files in {result['ingest_s']} s "
          f"= {result['ingest_chunks_per_s']} chunks/s")
    print(f"raw model.encode on the same chunks: {result['raw_encode_s']} s = {result['raw_chunks_per_s']} chunks/s "
          f"(ingest/raw = {result['ingest_vs_raw']:.0%})")
    print(f"re-ingest unchanged: {result['reingest_s']} s ({result['reingest_speedup']}x faster)")
    print(f"warm hybrid search: p50 {result['search_p50_ms']} ms, p95 {result['search_p95_ms']} ms")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
