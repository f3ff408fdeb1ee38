"""BM25 over chunk texts, with a tokenizer shared by documents and queries."""

from __future__ import annotations

import re
from typing import Any

_TOKEN = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a about above after again against all am an and any are as at be because been before being below between both "
    "but by can could did do does doing down during each few for from further had has have having he her here hers "
    "him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our "
    "ours out over own same she should so some such than that the their theirs them then there these they this "
    "those through to too under until up very was we were what when where which while who whom why will with would "
    "you your yours".split()
)


def stem(word: str) -> str:
    """A light suffix fold so 'councils', 'councillor's' and 'council' meet; not a linguistic stemmer."""
    if len(word) <= 4:
        return word
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", "e"), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                return word
            return word[: len(word) - len(suffix)] + repl
    return word


def tokenize(text: str) -> list[str]:
    """Lower-case stemmed word tokens without stop words."""
    return [stem(t) for t in _TOKEN.findall(text.lower().replace("’", "'")) if t not in _STOP]


class LexicalIndex:
    """BM25Okapi over a fixed list of chunks."""

    def __init__(self, chunk_ids: list[str], texts: list[str]) -> None:
        from rank_bm25 import BM25Okapi

        self.chunk_ids = chunk_ids
        self._bm25: Any = BM25Okapi([tokenize(t) or ["\u2205"] for t in texts]) if texts else None

    def weights(self, query: str) -> dict[str, float]:
        """The query's terms, each weighted by its rarity in the index (BM25's idf; unseen terms weigh most)."""
        idf: dict[str, float] = getattr(self._bm25, "idf", {}) if self._bm25 is not None else {}
        ceiling = max(idf.values(), default=1.0)
        return {t: max(idf.get(t, ceiling), 0.05) for t in tokenize(query)}

    def top(self, query: str, n: int, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        """The `n` best-scoring chunks with a positive score, optionally only those in `allowed`."""
        terms = tokenize(query)
        if self._bm25 is None or not terms:
            return []
        scores = self._bm25.get_scores(terms)
        order = scores.argsort()[::-1]
        out: list[tuple[str, float]] = []
        for i in order:
            score = float(scores[i])
            if score <= 0:
                break
            cid = self.chunk_ids[i]
            if allowed is None or cid in allowed:
                out.append((cid, score))
                if len(out) >= n:
                    break
        return out
