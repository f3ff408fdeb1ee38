"""The opt-in domain adaptation (knowledge.tuning) builds pairs from the stored text and saves a loadable model to a
new directory without touching the packaged one; a tiny run keeps the test short."""

from __future__ import annotations

from pathlib import Path

from knowledge.base import KnowledgeBase
from knowledge.tuning import train, training_pairs
from knowledge_documents import LOREM, write


def test_tuning_saves_a_model_trained_on_the_documents(tmp_path: Path, shared_embedder) -> None:
    docs = tmp_path / "docs"
    for n in range(3):
        write(docs / f"report{n}.txt", f"Report {n}\n\n## Recycling\n\nRecycling rose to {40 + n}% this year. "
              f"The council met its target. Missed bins fell again. {LOREM}\n\n## Housing\n\nRents rose. {LOREM}\n")
    kb = KnowledgeBase(tmp_path / "home", embedder=shared_embedder)
    kb.ingest([docs])
    pairs = training_pairs(kb, limit=64)
    assert pairs and all(q and p and q != p for q, p in pairs)
    report = train(kb, tmp_path / "tuned", limit=4, batch_size=4, max_tokens=32, threads=1)
    assert report.steps == 1 and report.pairs == 4
    from sentence_transformers import SentenceTransformer

    vectors = SentenceTransformer(str(report.directory), device="cpu").encode(["recycling rate"])
    assert vectors.shape == (1, 384)
