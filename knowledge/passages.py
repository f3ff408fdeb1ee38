"""Turn ranked chunks into quotable passages: adjacent hits merged, long spans trimmed to the best sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.lexical import tokenize

MAX_PASSAGE_CHARS = 700
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[A-Z0-9“\"‘'(\[•])|\n\s*\n|\n(?=\s*(?:[•\-*|]|\d+[.)]))")


@dataclass(frozen=True)
class Span:
    """A candidate chunk's place: document, order within it, page and character range."""

    chunk_id: str
    doc_id: str
    ord: int
    page: int | None
    section: str | None
    start: int
    end: int


@dataclass(frozen=True)
class PassageSpan:
    """A passage to return: a character range of one document, with the chunk it grew from."""

    chunk_id: str
    doc_id: str
    page: int | None
    section: str | None
    start: int
    end: int
    score: float


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for match in _SENTENCE_BREAK.finditer(text, start, end):
        if match.start() > pos:
            spans.append((pos, match.start()))
        pos = match.end()
    if end > pos:
        spans.append((pos, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def best_window(text: str, start: int, end: int, query: str, limit: int = MAX_PASSAGE_CHARS) -> tuple[int, int]:
    """The run of whole sentences in text[start:end], at most `limit` long, sharing most words with `query`."""
    if end - start <= limit:
        return start, end
    sentences = _sentences(text, start, end)
    wanted = set(tokenize(query))
    weights = [len(wanted & set(tokenize(text[s:e]))) for s, e in sentences]
    best, best_score = (start, min(end, start + limit)), -1.0
    for i in range(len(sentences)):
        total = 0.0
        for j in range(i, len(sentences)):
            if sentences[j][1] - sentences[i][0] > limit:
                break
            total += weights[j]
            if total > best_score:
                best, best_score = (sentences[i][0], sentences[j][1]), total
    s, e = best
    if e - s > limit:  # a single sentence longer than the limit: cut at a word boundary
        cut = text.rfind(" ", s + limit // 2, s + limit)
        e = cut if cut > s else s + limit
    return s, e


def build_passages(ranked: list[tuple[Span, float]], neighbours: dict[tuple[str, int], Span], texts: dict[str, str],
                   query: str, k: int, limit: int = MAX_PASSAGE_CHARS) -> list[PassageSpan]:
    """Up to `k` non-overlapping passages in rank order; a hit's neighbour joins it when both were retrieved."""
    retrieved = {span.chunk_id for span, _ in ranked}
    used: set[str] = set()
    out: list[PassageSpan] = []
    for span, score in ranked:
        if len(out) >= k:
            break
        if span.chunk_id in used:
            continue
        used.add(span.chunk_id)
        start, end = span.start, span.end
        merged = [span]
        for step in (1, -1):
            other = neighbours.get((span.doc_id, span.ord + step))
            if (other is not None and other.chunk_id in retrieved and other.chunk_id not in used
                    and other.page == span.page and max(end, other.end) - min(start, other.start) <= limit):
                start, end = min(start, other.start), max(end, other.end)
                used.add(other.chunk_id)
                merged.append(other)
        text = texts[span.doc_id]
        start, end = best_window(text, start, end, query, limit)
        # A merged span may cross a heading: the locator names the section where the quote begins.
        section = next((m.section for m in merged if m.start <= start < m.end), span.section)
        out.append(PassageSpan(span.chunk_id, span.doc_id, span.page, section, start, end, score))
    return out


def rrf(rankings: list[list[str]], k: int = 60, weights: list[float] | None = None) -> list[tuple[str, float]]:
    """Reciprocal rank fusion of several rankings of ids."""
    weights = weights or [1.0] * len(rankings)
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank + 1)
    return sorted(scores.items(), key=lambda kv: kv[1], reverse=True)


def linear_fusion(dense: list[tuple[str, float]], lexical: list[tuple[str, float]],
                  dense_weight: float) -> list[tuple[str, float]]:
    """Weighted sum of max-normalised scores (cosine for dense, BM25 for lexical); absent = 0."""
    scores: dict[str, float] = {}
    for weight, ranking in ((dense_weight, dense), (1.0 - dense_weight, lexical)):
        top = max((s for _, s in ranking), default=0.0)
        low = min((s for _, s in ranking), default=0.0)
        span = (top - low) or 1.0
        for item, score in ranking:
            scores[item] = scores.get(item, 0.0) + weight * (score - low) / span
    return sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
