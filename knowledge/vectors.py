"""Chunk embeddings in Chroma: an embedded PersistentClient under the home folder, or a Chroma server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from knowledge.errors import KnowledgeError

COLLECTION = "scrutiny_documents"
_ADD_BATCH = 2000  # below Chroma's maximum batch size


class VectorStore:
    """One Chroma collection of chunk embeddings (cosine); the client opens on first use."""

    def __init__(self, path: Path, host: str | None = None, port: int | None = None,
                 collection: str = COLLECTION) -> None:
        self.path = path
        self.host = host
        self.port = port or 8000
        self.collection_name = collection
        self._collection: Any = None

    @property
    def collection(self) -> Any:
        """The Chroma collection (connects and creates it if needed)."""
        if self._collection is None:
            import chromadb
            from chromadb.config import Settings

            settings = Settings(anonymized_telemetry=False)
            if self.host:
                try:
                    client = chromadb.HttpClient(host=self.host, port=self.port, settings=settings)
                    client.heartbeat()
                except Exception as exc:  # noqa: BLE001 - connection failures surface as many types
                    raise KnowledgeError(f"cannot reach the Chroma server at {self.host}:{self.port} "
                                         f"(CHROMA_HOST/CHROMA_PORT): {type(exc).__name__}") from exc
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                client = chromadb.PersistentClient(path=str(self.path), settings=settings)
            self._collection = client.get_or_create_collection(self.collection_name,
                                                               metadata={"hnsw:space": "cosine"})
        return self._collection

    def add(self, ids: list[str], embeddings: list[list[float]], metadatas: list[dict[str, Any]]) -> None:
        """Insert or replace embeddings by chunk id."""
        for i in range(0, len(ids), _ADD_BATCH):
            self.collection.upsert(ids=ids[i:i + _ADD_BATCH], embeddings=embeddings[i:i + _ADD_BATCH],
                                   metadatas=metadatas[i:i + _ADD_BATCH])

    def update_metadata(self, ids: list[str], metadatas: list[dict[str, Any]]) -> None:
        """Change stored metadata without re-embedding."""
        for i in range(0, len(ids), _ADD_BATCH):
            self.collection.update(ids=ids[i:i + _ADD_BATCH], metadatas=metadatas[i:i + _ADD_BATCH])

    def delete(self, ids: list[str]) -> None:
        """Remove embeddings by chunk id (missing ids are ignored)."""
        for i in range(0, len(ids), _ADD_BATCH):
            self.collection.delete(ids=ids[i:i + _ADD_BATCH])

    def ids(self) -> list[str]:
        """Every stored chunk id."""
        return list(self.collection.get(include=[])["ids"])

    def query(self, embedding: list[float], n: int, doc_ids: list[str] | None = None) -> list[tuple[str, float]]:
        """The `n` nearest chunks as (chunk id, cosine similarity), optionally only from `doc_ids`."""
        if n <= 0:
            return []
        where: dict[str, Any] | None = None
        if doc_ids is not None:
            if not doc_ids:
                return []
            where = {"doc_id": doc_ids[0]} if len(doc_ids) == 1 else {"doc_id": {"$in": doc_ids}}
        result = self.collection.query(query_embeddings=[embedding], n_results=n, where=where,
                                       include=["distances"])
        return [(cid, 1.0 - float(dist)) for cid, dist in zip(result["ids"][0], result["distances"][0], strict=True)]
