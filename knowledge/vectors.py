"""Chunk embeddings in Chroma: an embedded PersistentClient under the home folder, or a Chroma server.

Each collection records in its metadata which embedder and model built it. Vectors of another model are not
comparable, so adding to or searching a collection built with a different model (or dimension) is refused with a
one-line KnowledgeError naming the re-index commands. The two runtimes of the same model (onnx and
sentence-transformers: cosine >= 0.9999 on every corpus chunk, identical retrieval metrics) are interchangeable:
using the other one is allowed, and a runtime that adds vectors is recorded in `embedders`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge.errors import KnowledgeError

COLLECTION = "scrutiny_documents"
_ADD_BATCH = 2000  # below Chroma's maximum batch size
# What to tell a user whose index was built with another model: `scrutiny doctor` re-embeds an embedded index from
# the stored text (KnowledgeBase.reembed); a Chroma server's collection is re-indexed by removing and re-ingesting.
REINDEX_HINT = ("run `scrutiny doctor` to re-embed it from the stored text (with CHROMA_HOST: "
                "`scrutiny ingest --remove PATH...` then `scrutiny ingest PATH...`)")
# Collections built before models were recorded were all built by this one (the only embedder there was).
LEGACY_BUILDER = ("sentence-transformers", "sentence-transformers/all-MiniLM-L6-v2", 384)


@dataclass(frozen=True)
class BuiltWith:
    """The embedder (runtime), model and vector size behind a collection."""

    embedder: str
    model: str
    dimension: int

    @classmethod
    def of(cls, embedder: Any) -> BuiltWith | None:
        """The identity an embedder declares (name, model_id, dimension); None when it declares none."""
        model = getattr(embedder, "model_id", None)
        if not model:
            return None
        return cls(str(getattr(embedder, "name", type(embedder).__name__)), str(model),
                   int(getattr(embedder, "dimension", 0) or 0))

    @classmethod
    def recorded(cls, metadata: dict[str, Any] | None) -> BuiltWith | None:
        """The identity recorded in a collection's metadata, if any."""
        meta = metadata or {}
        if not meta.get("embedding_model"):
            return None
        return cls(str(meta.get("embedder", "?")), str(meta["embedding_model"]), int(meta.get("embedding_dim", 0)))

    def metadata(self) -> dict[str, Any]:
        """Collection metadata recording this identity."""
        return {"embedder": self.embedder, "embedders": self.embedder, "embedding_model": self.model,
                "embedding_dim": self.dimension}

    def compatible(self, other: BuiltWith) -> bool:
        """Same model and vector size: the vectors may be compared (the runtime may differ)."""
        return self.model == other.model and (not self.dimension or not other.dimension
                                              or self.dimension == other.dimension)

    def describe(self) -> str:
        return f"{self.embedder} {self.model.rsplit('/', 1)[-1]} ({self.dimension}-d)"


class VectorStore:
    """One Chroma collection of chunk embeddings (cosine); the client opens on first use."""

    def __init__(self, path: Path, host: str | None = None, port: int | None = None,
                 collection: str = COLLECTION, built_with: BuiltWith | None = None) -> None:
        self.path = path
        self.host = host
        self.port = port or 8000
        self.collection_name = collection
        self.built_with = built_with  # the embedder this process uses; None skips the model check
        self._client: Any = None
        self._collection: Any = None
        self._checked = False
        self._recorded_adder = False

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
            metadata: dict[str, Any] = {"hnsw:space": "cosine"}
            if self.built_with is not None:
                metadata.update(self.built_with.metadata())
            # An existing collection keeps its own metadata: check() compares it with ours.
            self._collection = client.get_or_create_collection(self.collection_name, metadata=metadata)
            self._client = client
        return self._collection

    def reset(self) -> None:
        """Drop every vector and the collection's record; the next use creates it afresh for this embedder."""
        self.collection  # noqa: B018 - connects
        self._client.delete_collection(self.collection_name)
        self._collection = None
        self._checked = self._recorded_adder = False

    def recorded(self) -> BuiltWith | None:
        """Which embedder and model the collection records (None for one built before models were recorded)."""
        return BuiltWith.recorded(self.collection.metadata)

    def check(self, adding: bool = False) -> None:
        """Refuse to add to or search a collection built with another model; record what builds it.

        An empty collection is made afresh for this embedder; a non-empty one without a record was built before
        records existed, by the only embedder there was, and is recorded as such.
        """
        ours = self.built_with
        if ours is None or (self._checked and (not adding or self._recorded_adder)):
            return
        collection = self.collection
        meta = dict(collection.metadata or {})
        built = BuiltWith.recorded(meta)
        if built is None or not built.compatible(ours):
            if collection.count() == 0:
                # Chroma keeps an emptied collection's vector size: make it afresh, recording this embedder.
                self.reset()
                self.collection  # noqa: B018 - recreates it with our metadata
                built = ours
            elif built is None:
                built = BuiltWith(*LEGACY_BUILDER)
                self._record({**meta, **built.metadata(), "embedding_recorded": "assumed for an older index"})
        if not built.compatible(ours):
            raise KnowledgeError(f"this index was built with {built.describe()} and this process embeds with "
                                 f"{ours.describe()}, whose vectors are not comparable: {REINDEX_HINT}, or use the "
                                 "embedder it was built with")
        self._checked = True
        if adding and not self._recorded_adder:
            meta = dict(self.collection.metadata or {})
            used = [u for u in str(meta.get("embedders", built.embedder)).split(",") if u]
            if ours.embedder not in used:
                self._record({**meta, "embedders": ",".join([*used, ours.embedder])})
            self._recorded_adder = True

    def _record(self, metadata: dict[str, Any]) -> None:
        # Chroma refuses any hnsw:* key in modify(), even unchanged; the distance function stays as created.
        self.collection.modify(metadata={k: v for k, v in metadata.items() if not k.startswith("hnsw:")})

    def add(self, ids: list[str], embeddings: list[list[float]], metadatas: list[dict[str, Any]]) -> None:
        """Insert or replace embeddings by chunk id."""
        self.check(adding=True)
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
        self.check()
        where: dict[str, Any] | None = None
        if doc_ids is not None:
            if not doc_ids:
                return []
            where = {"doc_id": doc_ids[0]} if len(doc_ids) == 1 else {"doc_id": {"$in": doc_ids}}
        result = self.collection.query(query_embeddings=[embedding], n_results=n, where=where,
                                       include=["distances"])
        return [(cid, 1.0 - float(dist)) for cid, dist in zip(result["ids"][0], result["distances"][0], strict=True)]
