"""What the vector index stores for a chunk: the text embedded and the metadata filtered on. Ingest and the store's
self-check (knowledge.integrity) both build records, so they must build them the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.registry import StoredDocument

__all__ = ["EMBED_CONTEXT", "embedding_text", "vector_metadata"]

# Prefixing title and heading to the embedded text was measured and not kept (knowledge/NOTES.md).
EMBED_CONTEXT = False


def embedding_text(title: str, section: str | None, text: str) -> str:
    """The text a chunk is embedded as (the chunk itself, or with its document title and heading path)."""
    # The document title and heading path give a chunk the context its own words often lack.
    if not EMBED_CONTEXT:
        return text
    return f"{title}. {section}.\n{text}" if section else f"{title}.\n{text}"


def vector_metadata(doc: StoredDocument) -> dict[str, Any]:
    """The metadata every vector of a document carries (what searches filter on)."""
    return {"doc_id": doc.doc_id, "doc_type": doc.doc_type, "classification": doc.classification,
            **({"council": doc.council} if doc.council else {})}
