"""The baseline the product is compared with: a plain LangChain retriever over Chroma, dense only, default chunking.

Text splitter: langchain_text_splitters.RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200) (the
values LangChain's own tutorials use); vector store: langchain_chroma.Chroma (in memory, default settings);
embeddings: the same all-MiniLM-L6-v2 model the product uses, so the comparison isolates chunking and retrieval.
Results come back as knowledge.models.Passage objects so the product's own relevance judgement applies unchanged.
"""

from __future__ import annotations

import time
import uuid
from pathlib import Path
from typing import Any

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200


def _embeddings(model: Any) -> Any:
    """A LangChain Embeddings object over an already-loaded SentenceTransformer."""
    from langchain_core.embeddings import Embeddings

    class SentenceTransformerEmbeddings(Embeddings):
        """What langchain-huggingface's HuggingFaceEmbeddings does, without a second copy of the model."""

        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return model.encode(texts, batch_size=32, convert_to_numpy=True, show_progress_bar=False).tolist()

        def embed_query(self, text: str) -> list[float]:
            return model.encode([text], convert_to_numpy=True, show_progress_bar=False)[0].tolist()

    return SentenceTransformerEmbeddings()


class LangChainBaseline:
    """Dense-only retrieval over RecursiveCharacterTextSplitter chunks in a LangChain Chroma store."""

    def __init__(self, model: Any) -> None:
        from langchain_chroma import Chroma

        self._store = Chroma(collection_name=f"baseline-{uuid.uuid4().hex[:8]}",
                             embedding_function=_embeddings(model))
        self.chunks = 0
        self.ingest_seconds = 0.0

    def ingest(self, files: list[Path]) -> None:
        """Split and index text files (the corpus is plain text, so no loader choices are involved)."""
        from langchain_core.documents import Document
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        started = time.perf_counter()
        splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP,
                                                  add_start_index=True)
        docs = [Document(page_content=f.read_text(encoding="utf-8"), metadata={"path": str(f), "doc": f.name})
                for f in files]
        chunks = splitter.split_documents(docs)
        self._store.add_documents(chunks)
        self.chunks = len(chunks)
        self.ingest_seconds = time.perf_counter() - started

    def search(self, query: str, k: int = 5) -> list[Any]:
        """Top-k chunks as Passage objects (doc_id = file name, char offsets from the splitter's start index)."""
        from knowledge.models import Passage

        out = []
        for rank, doc in enumerate(self._store.similarity_search(query, k=k)):
            start = int(doc.metadata.get("start_index", 0))
            out.append(Passage(chunk_id=f"baseline-{rank}", doc_id=doc.metadata["doc"], title=doc.metadata["doc"],
                               path=doc.metadata["path"], doc_type="other", classification="public",
                               char_start=start, char_end=start + len(doc.page_content), text=doc.page_content,
                               score=float(-rank)))
        return out
