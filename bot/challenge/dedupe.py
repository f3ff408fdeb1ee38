"""Near-duplicate questions: shared content words (Jaccard) or, with an embedder, close embeddings."""

from __future__ import annotations

import re
from typing import Any

from bot.compose import content_words

__all__ = ["DUPLICATE_COSINE", "DUPLICATE_JACCARD", "MAX_SHARED_OPENING", "Deduper", "jaccard", "opening"]

# Two questions are near-duplicates when their content words overlap this much (Jaccard) ...
DUPLICATE_JACCARD = 0.55
# ... or, with an embedder, when their embeddings are this close.
DUPLICATE_COSINE = 0.9
# No more than this many questions in a list may open with the same words (OPENING_WORDS of them).
MAX_SHARED_OPENING = 2
OPENING_WORDS = 6


def opening(text: str, n: int = OPENING_WORDS) -> str:
    """The first `n` words of a question, lower case (how a list reads when scanned down)."""
    return " ".join(re.findall(r"[a-z0-9']+", text.lower())[:n])


def jaccard(a: str, b: str) -> float:
    """Overlap of two texts' content words (0-1)."""
    wa, wb = content_words(a), content_words(b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


class Deduper:
    """Accepts a question only if it is not a near-duplicate of one already accepted."""

    def __init__(self, embedder: Any = None) -> None:
        self.embedder = embedder
        self.texts: list[str] = []
        self.vectors: list[list[float]] = []
        self.cache: dict[str, list[float]] = {}

    def prefetch(self, texts: list[str]) -> None:
        """Embed every candidate at once (one batch is far cheaper than one call per question)."""
        if self.embedder is not None and texts:
            todo = [t for t in dict.fromkeys(texts) if t not in self.cache]
            self.cache.update(zip(todo, self.embedder.embed_documents(todo), strict=True))

    def _vector(self, text: str) -> list[float]:
        if text not in self.cache:
            self.cache[text] = self.embedder.embed_documents([text])[0]
        return self.cache[text]

    def is_duplicate(self, text: str) -> bool:
        """Whether `text` closely repeats a question already accepted."""
        if any(jaccard(text, seen) >= DUPLICATE_JACCARD for seen in self.texts):
            return True
        start = opening(text)
        if sum(opening(seen) == start for seen in self.texts) >= MAX_SHARED_OPENING:
            return True
        if self.embedder is not None and self.vectors:
            vector = self._vector(text)
            if any(sum(x * y for x, y in zip(vector, v, strict=True)) >= DUPLICATE_COSINE for v in self.vectors):
                return True
        return False

    def accept(self, text: str) -> None:
        """Record an accepted question."""
        self.texts.append(text)
        if self.embedder is not None:
            self.vectors.append(self._vector(text))
