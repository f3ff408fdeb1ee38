"""Ingest throughput over ../shared/corpus next to the model's raw embedding throughput on the same chunks.

    python benchmarks/ingest_bench.py [--corpus DIR] [--rounds 2] [--json OUT]
                                      [--embedder onnx|sentence-transformers|both]

Reports: first ingest of the whole corpus (chunks/s, model already loaded), the embedder's raw throughput over
exactly the texts ingest embedded (chunks/s, best of --rounds: `model.encode` for sentence-transformers,
`embed_documents` in one call for onnx, which is tokenizer + ONNX Runtime + pooling and nothing else), their ratio,
re-ingest of the unchanged corpus (seconds and speed-up over the first ingest), and warm hybrid search latency
p50/p95 over the labelled questions. `run(corpus, rounds, kind=...)` is importable (benchmarks/cold_start.py uses it).
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


def _raw_encode(embedder, texts: list[str]) -> tuple[float, float]:  # noqa: ANN001 - a knowledge.embedding.Embedder
    """Wall and CPU seconds (all threads) of embedding `texts` with nothing but the model."""
    wall, cpu = time.perf_counter(), time.process_time()
    if embedder.name == "sentence-transformers":
        embedder.model.encode(texts, batch_size=embedder.batch_size, normalize_embeddings=True,
                              convert_to_numpy=True, show_progress_bar=False)
    else:
        embedder.embed_documents(texts)
    return time.perf_counter() - wall, time.process_time() - cpu


def run(corpus: Path, rounds: int = 2, work: Path | None = None, kind: str = "onnx") -> dict[str, float]:
    """Measure ingest vs raw embedding throughput, re-ingest speed-up and warm search latency for one embedder.

    Ingest (into a fresh index) and raw embedding alternate `rounds` times and the best of each is kept, so a burst
    of load from other processes on the machine does not land on one side of the ratio only. CPU seconds (all
    threads of this process) are reported beside wall time: they move much less with the machine's load.
    """
    from knowledge.base import KnowledgeBase
    from knowledge.embedding import make_embedder
    from knowledge.evaluation import load_questions, search_latency

    files = [corpus]  # the folder: ingest picks its supported files (and reads a manifest if there is one)
    work = work or Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    embedder = make_embedder(kind, work / "models")
    embedder.embed_documents(["warm-up sentence so the model load is not timed"])
    ingests: list[tuple[float, float]] = []
    raws: list[tuple[float, float]] = []
    for number in range(max(1, rounds)):
        kb = KnowledgeBase(work / f"home-{number}", embedder=embedder)
        kb.vectors.collection  # noqa: B018 - open Chroma before timing, as a running bot has it open already
        cpu = time.process_time()
        first = kb.ingest(files)
        ingests.append((first.seconds, time.process_time() - cpu))
        chunks = first.chunks_added
        texts = [kb.source_text(c.doc_id)[c.start:c.end] for c in kb.registry.chunks()]
        raws.append(_raw_encode(embedder, texts))
    (ingest_s, ingest_cpu), (raw_s, raw_cpu) = min(ingests), min(raws)
    started = time.perf_counter()
    again = KnowledgeBase(kb.home, embedder=embedder).ingest(files)
    reingest = time.perf_counter() - started
    assert again.chunks_added == 0, "re-ingest of unchanged files embedded something"
    qset = load_questions(QUESTIONS)
    p50, p95 = search_latency(kb, [q.question for q in qset.questions] + qset.off_topic)
    return {"embedder": kind, "files": len(first.files), "chunks": chunks, "rounds": max(1, rounds),
            "ingest_s": round(ingest_s, 2), "ingest_chunks_per_s": round(chunks / ingest_s, 1),
            "raw_encode_s": round(raw_s, 2), "raw_chunks_per_s": round(len(texts) / raw_s, 1),
            "ingest_vs_raw": round(raw_s / ingest_s * chunks / len(texts), 3),
            "ingest_cpu_s": round(ingest_cpu, 2), "raw_cpu_s": round(raw_cpu, 2),
            "ingest_vs_raw_cpu": round(raw_cpu / ingest_cpu * chunks / len(texts), 3),
            "reingest_s": round(reingest, 3), "reingest_speedup": round(ingest_s / reingest, 1),
            "search_p50_ms": p50, "search_p95_ms": p95}


def main(argv: list[str] | None = None) -> int:
    """Print (and optionally save) the measurements; exit 2 without the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--rounds", type=int, default=2, help="raw-encode repetitions (best is kept)")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--embedder", choices=["onnx", "sentence-transformers", "both"], default="onnx")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    kinds = ["onnx", "sentence-transformers"] if args.embedder == "both" else [args.embedder]
    results = []
    for kind in kinds:
        result = run(args.corpus, args.rounds, kind=kind)
        results.append(result)
        print(f"[{kind}] first ingest: {result['chunks']} chunks from {result['files']} files in "
              f"{result['ingest_s']} s = {result['ingest_chunks_per_s']} chunks/s")
        print(f"[{kind}] raw embedding of the same chunks: {result['raw_encode_s']} s = "
              f"{result['raw_chunks_per_s']} chunks/s (ingest/raw = {result['ingest_vs_raw']:.0%}; "
              f"by CPU seconds {result['ingest_vs_raw_cpu']:.0%})")
        print(f"[{kind}] re-ingest unchanged: {result['reingest_s']} s ({result['reingest_speedup']}x faster)")
        print(f"[{kind}] warm hybrid search: p50 {result['search_p50_ms']} ms, p95 {result['search_p95_ms']} ms")
    if args.json:
        args.json.write_text(json.dumps(results[0] if len(results) == 1 else results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
