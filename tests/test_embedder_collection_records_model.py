"""A Chroma collection records the embedder and model that built it; vectors of another model are refused.

Between the two runtimes of the same model (onnx, sentence-transformers) the vectors agree to cosine >= 0.9999, so
an index built by one is searched by the other and the second runtime is recorded, not refused.
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase
from knowledge.embedding import MODEL_ID, make_embedder
from knowledge.errors import KnowledgeError
from knowledge_documents import LOREM, write


class HashingEmbedder:
    """A tiny deterministic embedder of another 'model': bag of hashed words, unit length."""

    name = "hashing"
    model_id = "example/hashing-model"
    dimension = 16

    def __init__(self) -> None:
        self.calls = 0

    def _vector(self, text: str) -> list[float]:
        v = [0.0] * self.dimension
        for word in text.lower().split():
            v[hashlib.sha1(word.encode()).digest()[0] % self.dimension] += 1.0
        norm = math.sqrt(sum(x * x for x in v)) or 1.0
        return [x / norm for x in v]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


@pytest.fixture(scope="module")
def onnx(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    return make_embedder("onnx", tmp_path_factory.mktemp("onnx-models"))


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    write(folder / "waste.md", "# Waste strategy\n\nThe garden waste charge rises to 52 pounds a year from April.\n\n"
          + LOREM + "\n")
    return folder


def test_a_new_collection_records_its_embedder_and_model(tmp_path: Path, docs: Path, onnx) -> None:  # noqa: ANN001
    kb = KnowledgeBase(tmp_path / "home", embedder=onnx)
    kb.ingest([docs])
    meta = kb.vectors.collection.metadata
    assert (meta["embedder"], meta["embedding_model"], meta["embedding_dim"]) == ("onnx", MODEL_ID, 384)
    assert kb.search("garden waste charge")  # the distance function is still cosine
    assert KnowledgeBase(tmp_path / "home", embedder_kind="onnx").embedder.name == "onnx"
    assert KnowledgeBase(tmp_path / "home").embedder.name == "onnx", "onnx is the default"


def test_another_model_is_refused_with_the_reindex_command(tmp_path: Path, docs: Path, onnx) -> None:  # noqa: ANN001
    home = tmp_path / "home"
    KnowledgeBase(home, embedder=HashingEmbedder()).ingest([docs])
    kb = KnowledgeBase(home, embedder=onnx)
    with pytest.raises(KnowledgeError) as refused:
        kb.search("garden waste charge")
    message = str(refused.value)
    assert "\n" not in message
    assert "built with hashing hashing-model (16-d)" in message
    assert "onnx all-MiniLM-L6-v2 (384-d)" in message
    assert "run `scrutiny doctor` to re-embed it" in message
    assert "scrutiny ingest --remove" in message and "scrutiny ingest PATH" in message
    # Ingest is refused before any embedding work is done.
    write(docs / "libraries.md", "# Libraries\n\nEastgate library opens four days a week.\n")
    calls = onnx.calls
    with pytest.raises(KnowledgeError, match="not comparable: run `scrutiny doctor`"):
        kb.ingest([docs])
    assert onnx.calls == calls


def test_the_named_commands_recover(tmp_path: Path, docs: Path, onnx) -> None:  # noqa: ANN001
    home = tmp_path / "home"
    KnowledgeBase(home, embedder=HashingEmbedder()).ingest([docs])
    kb = KnowledgeBase(home, embedder=onnx)
    # What `scrutiny ingest --remove PATH` then `scrutiny ingest PATH` do: removal works on a refused index, and
    # the emptied collection is claimed by the new model.
    assert kb.remove(str(docs))
    kb.ingest([docs])
    assert kb.vectors.recorded().model == MODEL_ID
    assert "52 pounds" in kb.search("garden waste charge")[0].text


def test_scrutiny_doctor_re_embeds_an_index_of_another_model(tmp_path: Path, docs: Path, onnx) -> None:  # noqa: ANN001
    from bot.doctor import doctor
    from bot.settings import load_settings

    home = tmp_path / "home"
    KnowledgeBase(home, embedder=HashingEmbedder()).ingest([docs])
    report = doctor(load_settings(home=home, area=None, llm=None, chroma_host=None), embedder=onnx)
    assert report.healthy, report.lines
    assert any("built with hashing" in line and "rebuilt it" in line for _, line in report.lines), report.lines
    kb = KnowledgeBase(home, embedder=onnx)
    assert kb.vectors.recorded().model == MODEL_ID
    assert "52 pounds" in kb.search("garden waste charge")[0].text


def test_reembed_rebuilds_from_the_stored_text(tmp_path: Path, docs: Path, onnx) -> None:  # noqa: ANN001
    home = tmp_path / "home"
    KnowledgeBase(home, embedder=HashingEmbedder()).ingest([docs])
    kb = KnowledgeBase(home, embedder=onnx)
    chunks = len(kb.registry.chunks())
    (docs / "waste.md").unlink()  # no source file is needed
    assert kb.reembed() == chunks
    assert kb.vectors.recorded().model == MODEL_ID
    assert sorted(kb.vectors.ids()) == sorted(c.chunk_id for c in kb.registry.chunks())
    assert "52 pounds" in kb.search("garden waste charge")[0].text


def test_the_other_runtime_of_the_same_model_is_accepted_and_recorded(tmp_path: Path, docs: Path, onnx,  # noqa: ANN001
                                                                      st_embedder) -> None:  # noqa: ANN001
    home = tmp_path / "home"
    KnowledgeBase(home, embedder=st_embedder).ingest([docs])
    kb = KnowledgeBase(home, embedder=onnx)
    assert "52 pounds" in kb.search("garden waste charge")[0].text
    meta = kb.vectors.collection.metadata
    assert (meta["embedder"], meta["embedders"]) == ("sentence-transformers", "sentence-transformers")
    write(docs / "libraries.md", "# Libraries\n\nEastgate library opens four days a week.\n")
    kb.ingest([docs])
    meta = KnowledgeBase(home, embedder=onnx).vectors.collection.metadata
    assert (meta["embedder"], meta["embedders"]) == ("sentence-transformers", "sentence-transformers,onnx")
    assert "Eastgate" in kb.search("library opening days")[0].text


def test_an_index_from_before_records_is_taken_as_sentence_transformers(tmp_path: Path, docs: Path,  # noqa: ANN001
                                                                        onnx, st_embedder) -> None:  # noqa: ANN001
    home = tmp_path / "home"
    old = KnowledgeBase(home, embedder=st_embedder)
    old.ingest([docs])
    # Make it look like an index written before collections recorded their model.
    old.vectors.collection.modify(metadata={"note": "old"})
    assert old.vectors.recorded() is None
    kb = KnowledgeBase(home, embedder=onnx)
    assert kb.search("garden waste charge")
    built = kb.vectors.recorded()
    assert (built.embedder, built.model) == ("sentence-transformers", MODEL_ID)
    # ...but not by a model it cannot have been built with.
    with pytest.raises(KnowledgeError, match="built with sentence-transformers all-MiniLM-L6-v2"):
        KnowledgeBase(home, embedder=HashingEmbedder()).search("garden waste charge")
