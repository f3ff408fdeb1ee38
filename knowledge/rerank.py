"""Re-ranking the hybrid candidates with a cross-encoder from a local folder (SCRUTINY_RERANKER_DIR; opt-in).

A cross-encoder reads the question and a candidate chunk together and scores how well the chunk answers it, which
a bi-encoder (MiniLM) and BM25 cannot; it is slower (one model pass per candidate), so only the fused top
`candidates` are re-scored and the rest keep their fused order behind them. Nothing ships with the product: a
council that has a cross-encoder (a sentence-transformers `CrossEncoder` folder) points the setting at it. The
model loads on the first search that needs it (torch and sentence-transformers are imported then), on CPU, offline.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, runtime_checkable

from knowledge.errors import KnowledgeError

__all__ = ["RERANK_CANDIDATES", "CrossEncoderReranker", "Reranker", "rerank"]

RERANK_CANDIDATES = 20


@runtime_checkable
class Reranker(Protocol):
    """Scores (question, passage) pairs: higher answers the question better."""

    @property
    def model_id(self) -> str:
        """Which model scores (for reports)."""
        ...

    def score(self, query: str, texts: list[str]) -> list[float]:
        """One score per text, in order."""
        ...


class _Predicting(Protocol):
    def predict(self, sentences: list[tuple[str, str]], batch_size: int = ...,
                show_progress_bar: bool | None = ...) -> list[float]: ...


class CrossEncoderReranker:
    """A sentence-transformers CrossEncoder loaded from a local folder on first use."""

    def __init__(self, model_dir: Path, max_length: int = 256, batch_size: int = 16) -> None:
        self.model_dir = Path(model_dir).expanduser()
        self.max_length = max_length
        self.batch_size = batch_size
        self._model: _Predicting | None = None
        self._lock = threading.Lock()
        self.calls = 0

    @property
    def model_id(self) -> str:
        """The folder's name."""
        return f"local/{self.model_dir.name}"

    @property
    def loaded(self) -> bool:
        """Whether the model has been loaded (it is on the first search that re-ranks)."""
        return self._model is not None

    def _load(self) -> _Predicting:
        if self._model is None:
            with self._lock:
                if self._model is None:
                    if not (self.model_dir / "config.json").is_file():
                        raise KnowledgeError(f"the re-ranker folder {self.model_dir} (SCRUTINY_RERANKER_DIR) holds "
                                             "no model (no config.json)")
                    os.environ.setdefault("HF_HUB_OFFLINE", "1")
                    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                    import transformers
                    from sentence_transformers import CrossEncoder

                    transformers.utils.logging.disable_progress_bar()
                    transformers.utils.logging.set_verbosity_error()
                    try:
                        self._model = CrossEncoder(str(self.model_dir), device="cpu", max_length=self.max_length,
                                                   local_files_only=True)
                    except (OSError, ValueError) as exc:
                        first = (str(exc).splitlines() or [""])[0][:160]
                        raise KnowledgeError(f"the re-ranker folder {self.model_dir} (SCRUTINY_RERANKER_DIR) could not "
                                             f"be loaded: {type(exc).__name__}: {first}") from None
        return self._model

    def score(self, query: str, texts: list[str]) -> list[float]:
        """Cross-encoder scores of (query, text) pairs."""
        if not texts:
            return []
        model = self._load()
        self.calls += 1
        scores = model.predict([(query, t) for t in texts], batch_size=self.batch_size, show_progress_bar=False)
        return [float(s) for s in scores]


def rerank(ranked: list[tuple[str, float]], query: str, text_of: Callable[[str], str], reranker: Reranker,
           candidates: int = RERANK_CANDIDATES) -> list[tuple[str, float]]:
    """The top `candidates` of `ranked` (id, score) re-ordered by the re-ranker's scores; the rest follow in their
    own order, scored below every re-scored candidate."""
    head, tail = ranked[:candidates], ranked[candidates:]
    if len(head) < 2:
        return ranked
    scores = reranker.score(query, [text_of(cid) for cid, _ in head])
    if len(scores) != len(head):
        raise KnowledgeError(f"the re-ranker returned {len(scores)} scores for {len(head)} passages")
    order = sorted(range(len(head)), key=lambda i: -scores[i])  # stable: ties keep the fused order
    out = [(head[i][0], scores[i]) for i in order]
    floor = min(scores) - 1.0
    out.extend((cid, floor - n * 1e-6) for n, (cid, _) in enumerate(tail))
    return out
