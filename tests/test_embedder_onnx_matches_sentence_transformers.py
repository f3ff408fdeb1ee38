"""The ONNX Runtime embedder gives sentence-transformers' vectors: cosine >= 0.9999 on every chunk of ../shared/corpus.

The chunks are made the way ingest makes them (knowledge.loaders + knowledge.chunking), and the labelled questions
of both evaluation sets are compared as queries too.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from knowledge.embedding import MODEL_ID, Embedder, make_embedder

REPO = Path(__file__).resolve().parents[1]
MIN_COSINE = 0.9999


@pytest.fixture(scope="module")
def onnx_embedder(tmp_path_factory: pytest.TempPathFactory) -> Embedder:
    return make_embedder("onnx", tmp_path_factory.mktemp("onnx-models"))


def _cosines(a: list[list[float]], b: list[list[float]]) -> np.ndarray:
    x, y = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return (x * y).sum(axis=1) / (np.linalg.norm(x, axis=1) * np.linalg.norm(y, axis=1))


def _corpus_chunks(corpus: Path) -> list[tuple[str, str]]:
    from knowledge.chunking import chunk_document
    from knowledge.loaders import load_file

    out: list[tuple[str, str]] = []
    for path in sorted(corpus.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            doc = load_file(path)
            out += [(f"{path.name}#{i}", doc.text[c.start:c.end]) for i, c in enumerate(chunk_document(doc))]
    return out


def test_both_embedders_declare_the_same_model(onnx_embedder: Embedder, st_embedder) -> None:
    assert isinstance(onnx_embedder, Embedder) and isinstance(st_embedder, Embedder)
    assert onnx_embedder.model_id == st_embedder.model_id == MODEL_ID
    assert onnx_embedder.dimension == st_embedder.dimension == 384
    assert (onnx_embedder.name, st_embedder.name) == ("onnx", "sentence-transformers")


@pytest.mark.shared
@pytest.mark.slow
def test_every_corpus_chunk_embeds_alike(shared_dir: Path, onnx_embedder: Embedder, st_embedder) -> None:
    chunks = _corpus_chunks(shared_dir / "corpus")
    assert len(chunks) > 500, f"expected the whole corpus, got {len(chunks)} chunks"
    texts = [t for _, t in chunks]
    onnx = onnx_embedder.embed_documents(texts)
    reference = st_embedder.embed_documents(texts)
    cos = _cosines(onnx, reference)
    worst = int(cos.argmin())
    print(f"\n{len(chunks)} corpus chunks: cosine min {cos.min():.9f} (1 - min = {1 - cos.min():.1e}), "
          f"median {np.median(cos):.9f}")
    assert cos.min() >= MIN_COSINE, f"chunk {chunks[worst][0]} agrees only to cosine {cos[worst]:.6f}"
    norms = np.linalg.norm(np.asarray(onnx), axis=1)
    assert np.allclose(norms, 1.0, atol=1e-5), "ONNX vectors are not unit length"


@pytest.mark.slow
def test_queries_and_edge_texts_embed_alike(onnx_embedder: Embedder, st_embedder) -> None:
    import yaml

    questions = [q["question"] for name in ("corpus_questions.yaml", "corpus_questions_holdout.yaml")
                 for q in yaml.safe_load((REPO / "tests" / "eval" / name).read_text(encoding="utf-8"))["questions"]]
    # Beyond max_seq_length (256 tokens) both truncate; empty and odd text get [CLS] [SEP] only.
    edge = ["", "   ", "£1.2m (3.4%) — Q2 2023-24 ✓", "recycling " * 400, "Ünïcödé café naïve façade"]
    onnx = [onnx_embedder.embed_query(q) for q in questions + edge]
    reference = [st_embedder.embed_query(q) for q in questions + edge]
    cos = _cosines(onnx, reference)
    assert cos.min() >= MIN_COSINE, f"{(questions + edge)[int(cos.argmin())]!r}: cosine {cos.min():.6f}"
    # A batch gives the same vectors as one text at a time (padding is masked out).
    batch = onnx_embedder.embed_documents(questions[:40])
    assert _cosines(batch, onnx[:40]).min() >= 0.99999
