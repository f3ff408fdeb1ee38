"""Turn ranked chunks into quotable passages: adjacent hits merged, long spans trimmed to the best sentences."""

from __future__ import annotations

import bisect
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


Unit = tuple[int, int, str, int, int | None]  # (start, end, kind, level, page): a stored structural block
_BULLET_START = re.compile(r"^\s*(?:[•\-*–▪●◦✓]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
_HOW_MANY = re.compile(r"\b(how (?:many|much|long|often)|what (?:proportion|percentage|share|number|fraction)|"
                       r"by how much|how big|what (?:was|is) the (?:cost|rate|figure))\b", re.I)
_WHEN = re.compile(r"\b(when|what (?:year|date|month)|which (?:year|years|date)|by when|how long ago)\b", re.I)
_WHO = re.compile(r"\b(who|whom|whose|which (?:person|people|academic|author|body|organisation|council))\b", re.I)
_LIST = re.compile(r"\b(what (?:are|were) the|which (?:three|four|five|six|seven|two)|what (?:three|four|five|six|"
                   r"seven|two)|list|what (?:tools|roles|types|kinds|principles|headings|questions|issues|steps)|"
                   r"which (?:tools|roles|types|kinds|issues|activities|departments))\b", re.I)
_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
                     r"thirty|forty|fifty|hundred|half|quarters?|third|majority|minority)\b", re.I)
_DATE = re.compile(r"\b(?:19|20)\d\d\b|\b(?:january|february|march|april|may|june|july|august|september|october|"
                   r"november|december)\b", re.I)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+(?:de\s+|van\s+)?[A-Z][a-z]+)+")


def answer_cues(question: str) -> set[str]:
    """What kind of answer the question wants: 'number', 'date', 'name' and/or 'list'."""
    cues = set()
    if _HOW_MANY.search(question):
        cues.add("number")
    if _WHEN.search(question):
        cues.add("date")
    if _WHO.search(question):
        cues.add("name")
    if _LIST.search(question):
        cues.add("list")
    return cues


def unit_score(text: str, wanted: dict[str, float], cues: set[str]) -> float:
    """How well one sentence, list item or table row answers: the query words it shares (weighted by rarity) plus
    a bonus when it holds the kind of thing asked for (a number for "how many", a date for "when", a name for
    "who")."""
    words = set(tokenize(text))
    score = sum(w for t, w in wanted.items() if t in words)
    if not score:
        return 0.0
    top = max(wanted.values(), default=1.0)
    if "number" in cues and _NUMBER.search(text):
        score += 0.8 * top
    if "date" in cues and _DATE.search(text):
        score += 0.8 * top
    if "name" in cues and _NAME.search(text):
        score += 0.5 * top
    return score / (1 + 0.004 * len(text))


def _is_item(text: str, unit: Unit) -> bool:
    return bool(_BULLET_START.match(text[unit[0]:unit[1]]))


def _groups(text: str, units: list[Unit], lo: int, hi: int) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Structural groups in units[lo:hi] (one section of one page): a paragraph; a list with its lead-in; a table
    row with the table's header row. Each as (start, end, scoring pieces)."""
    out: list[tuple[int, int, list[tuple[int, int]]]] = []
    i = lo
    while i < hi:
        s, e, kind, _, _ = units[i]
        if kind == "heading":
            i += 1
            continue
        if kind == "row":
            j = i
            while j + 1 < hi and units[j + 1][2] == "row":
                j += 1
            header = units[i]
            for r in range(i, j + 1):
                rs, re_ = units[r][0], units[r][1]
                start = header[0] if r > i and rs - header[0] <= MAX_PASSAGE_CHARS else rs
                out.append((start, re_, [(rs, re_)]))
            i = j + 1
            continue
        j = i  # a paragraph, or a list's lead-in, takes the list items that follow it
        while j + 1 < hi and units[j + 1][2] == "text" and _is_item(text, units[j + 1]):
            j += 1
        pieces: list[tuple[int, int]] = []
        for k in range(i, j + 1):
            pieces.extend(_sentences(text, units[k][0], units[k][1]))
        out.append((s, units[j][1], pieces))
        i = j + 1
    return out


def _fit(text: str, start: int, end: int, pieces: list[tuple[int, int]], scores: list[float],
         limit: int) -> tuple[int, int]:
    """A run of whole pieces within [start, end], at most `limit` long, around the best-scoring piece; the group's
    first piece (a list's lead-in, a table's header) is kept when it fits."""
    if end - start <= limit:
        return start, end
    best = max(range(len(pieces)), key=lambda i: scores[i])
    lo = hi = best
    while True:
        grown = False
        if lo > 0 and pieces[hi][1] - pieces[lo - 1][0] <= limit and (scores[lo - 1] > 0 or lo - 1 == 0):
            lo, grown = lo - 1, True
        if hi + 1 < len(pieces) and pieces[hi + 1][1] - pieces[lo][0] <= limit:
            hi, grown = hi + 1, True
        if not grown:
            break
    if lo > 0 and pieces[hi][1] - pieces[0][0] <= limit:
        lo = 0
    s, e = pieces[lo][0], pieces[hi][1]
    if e - s > limit:
        cut = text.rfind(" ", s + limit // 2, s + limit)
        e = cut if cut > s else s + limit
    return s, e


def structural_passage(text: str, units: list[Unit], chunk: Span, query: str, weights: dict[str, float],
                       limit: int = MAX_PASSAGE_CHARS) -> tuple[int, int]:
    """Small to big: the answering unit (sentence, list item, table row) of a retrieved chunk, grown to the smallest
    structural unit that holds it (its paragraph, its list with the lead-in, its row with the table's header), never
    past the chunk's section or page, at most `limit` characters."""
    if not units:
        return best_window(text, chunk.start, chunk.end, query, limit)
    starts = [u[0] for u in units]
    first = max(0, bisect.bisect_right(starts, chunk.start) - 1)
    last = bisect.bisect_left(starts, chunk.end)
    # The section around the chunk: back and forward to the nearest heading or page change.
    lo = first
    while lo > 0 and units[lo - 1][2] != "heading" and units[lo - 1][4] == chunk.page and units[lo][2] != "heading":
        lo -= 1
    hi = max(last, first + 1)
    while hi < len(units) and units[hi][2] != "heading" and units[hi][4] == chunk.page:
        hi += 1
    groups = [g for g in _groups(text, units, lo, hi) if g[0] < chunk.end and chunk.start < g[1]]
    if not groups:
        return best_window(text, chunk.start, chunk.end, query, limit)
    cues = answer_cues(query)
    start, end = chunk.start, chunk.end
    if end - start > limit:
        # A chunk longer than a passage: the group holding its best unit, cut to fit.
        best: tuple[float, int, int] | None = None
        for gs, ge, pieces in groups:
            scores = [unit_score(text[a:b], weights, cues) for a, b in pieces] or [0.0]
            if best is None or max(scores) > best[0]:
                s, e = _fit(text, gs, ge, pieces or [(gs, ge)], scores, limit)
                best = (max(scores), s, e)
        assert best is not None
        return best[1], best[2]
    # The chunk, completed to whole structural groups where they fit: a list keeps its lead-in, a table row its
    # header row, a paragraph is not cut in the middle.
    first, last = groups[0], groups[-1]
    if first[0] < start and end - first[0] <= limit:
        start = first[0]
    if last[1] > end and last[1] - start <= limit:
        end = last[1]
    return start, end


def build_passages(ranked: list[tuple[Span, float]], neighbours: dict[tuple[str, int], Span], texts: dict[str, str],
                   query: str, k: int, limit: int = MAX_PASSAGE_CHARS, units: dict[str, list[Unit]] | None = None,
                   weights: dict[str, float] | None = None) -> list[PassageSpan]:
    """Up to `k` non-overlapping passages in rank order, each inside one section of one page.

    With the documents' structural `units`, each passage is the structural unit that holds the chunk's answering
    sentence (`structural_passage`); without them, a hit's neighbour in the same section joins it when both were
    retrieved, trimmed to the best run of sentences.
    """
    retrieved = {span.chunk_id for span, _ in ranked}
    used: set[str] = set()
    taken: list[tuple[str, int, int]] = []
    out: list[PassageSpan] = []
    wanted = weights if weights is not None else {t: 1.0 for t in tokenize(query)}
    for span, score in ranked:
        if len(out) >= k:
            break
        if span.chunk_id in used:
            continue
        used.add(span.chunk_id)
        text = texts[span.doc_id]
        doc_units = (units or {}).get(span.doc_id)
        start, end = span.start, span.end
        for step in (1, -1):
            other = neighbours.get((span.doc_id, span.ord + step))
            if (other is not None and other.chunk_id in retrieved and other.chunk_id not in used
                    and other.page == span.page and other.section == span.section
                    and max(end, other.end) - min(start, other.start) <= limit):
                start, end = min(start, other.start), max(end, other.end)
                used.add(other.chunk_id)
        if doc_units:
            merged = Span(span.chunk_id, span.doc_id, span.ord, span.page, span.section, start, end)
            start, end = structural_passage(text, doc_units, merged, query, wanted, limit)
        else:
            start, end = best_window(text, start, end, query, limit)
        if any(d == span.doc_id and start < e and s < end for d, s, e in taken):
            continue
        taken.append((span.doc_id, start, end))
        out.append(PassageSpan(span.chunk_id, span.doc_id, span.page, span.section, start, end, score))
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
