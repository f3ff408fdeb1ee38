"""What search keeps in memory for one registry generation: chunk spans, texts, the BM25 index, document units."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knowledge.lexical import LexicalIndex
    from knowledge.passages import Span, Unit
    from knowledge.registry import Registry, StoredDocument

__all__ = ["LEXICAL_CONTEXT", "SearchIndex", "build_search_index", "lexical_text", "unknown_names"]

LEXICAL_CONTEXT = False  # section headings in the BM25 text: measured, no gain (knowledge/NOTES.md)


@dataclass
class SearchIndex:
    """Everything search needs in memory, valid for one registry generation."""

    generation: int
    docs: dict[str, StoredDocument]
    spans: dict[str, Span]
    by_position: dict[tuple[str, int], Span]
    texts: dict[str, str]
    lexical: LexicalIndex
    doc_chunks: dict[str, list[str]] = field(default_factory=dict)
    units: dict[str, list[Unit]] = field(default_factory=dict)
    vocab: dict[str, frozenset[str]] = field(default_factory=dict)  # lower-case words of each document

    def chunk_text(self, chunk_id: str) -> str:
        """The stored text of one chunk."""
        span = self.spans[chunk_id]
        return self.texts[span.doc_id][span.start:span.end]


def lexical_text(title: str, section: str | None, text: str) -> str:
    """The text a chunk is indexed under for BM25."""
    if not LEXICAL_CONTEXT:
        return text
    return f"{section or ''}\n{text}"


def build_search_index(registry: Registry, generation: int) -> SearchIndex:
    """Read the registry's documents, texts and chunks into a SearchIndex."""
    from knowledge.lexical import LexicalIndex
    from knowledge.passages import Span

    docs = {d.doc_id: d for d in registry.documents()}
    texts = registry.texts()
    spans: dict[str, Span] = {}
    by_position: dict[tuple[str, int], Span] = {}
    doc_chunks: dict[str, list[str]] = {}
    for row in registry.chunks():
        span = Span(row.chunk_id, row.doc_id, row.ord, row.page, row.section, row.start, row.end)
        spans[row.chunk_id] = span
        by_position[(row.doc_id, row.ord)] = span
        doc_chunks.setdefault(row.doc_id, []).append(row.chunk_id)
    ids = list(spans)
    lexical = LexicalIndex(ids, [lexical_text(docs[spans[i].doc_id].title, spans[i].section,
                                              texts[spans[i].doc_id][spans[i].start:spans[i].end]) for i in ids])
    units = {d: [tuple(u) for u in doc.inferred.get("units", [])] for d, doc in docs.items()}
    return SearchIndex(generation, docs, spans, by_position, texts, lexical, doc_chunks,
                       units)  # type: ignore[arg-type]


def unknown_names(index: SearchIndex, query: str, docs: list[StoredDocument]) -> list[str]:
    """Names in `query` (capitalised words past its first, acronyms) that none of `docs` mentions, even misspelt a
    little (rapidfuzz ratio >= 88 to a word of 4+ letters)."""
    import re

    from knowledge.doc_names import fold, query_names

    words: set[str] = set()
    for doc in docs:
        if doc.doc_id not in index.vocab:
            index.vocab[doc.doc_id] = frozenset(re.findall(r"[a-z0-9]+", fold(index.texts[doc.doc_id])))
        words |= index.vocab[doc.doc_id]
    missing = [fold(n) for n in query_names(query) if fold(n) not in words]
    if not missing:
        return []
    from rapidfuzz import process

    vocab = [w for w in words if len(w) >= 4]
    return [n for n in missing if len(n) < 4 or process.extractOne(n, vocab, score_cutoff=88) is None]
