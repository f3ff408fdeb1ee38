"""The knowledge base: ingest documents incrementally, and search them with access control and filters."""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from knowledge.errors import KnowledgeError
from knowledge.models import (
    AccessContext,
    DocumentInfo,
    FileOutcome,
    IngestOptions,
    IngestReport,
    Passage,
    SearchFilters,
)
from knowledge.records import embedding_text, vector_metadata
from knowledge.rerank import RERANK_CANDIDATES

if TYPE_CHECKING:
    from knowledge.document import LoadedDocument
    from knowledge.embedding import Embedder, EmbedderKind
    from knowledge.manifest import ManifestEntry
    from knowledge.registry import ChunkRow, Registry, StoredDocument
    from knowledge.rerank import Reranker
    from knowledge.search_index import SearchIndex
    from knowledge.vectors import VectorStore

Progress = Callable[[str, int, int], None]
SearchMode = Literal["hybrid", "dense", "bm25"]

# Cosine similarity of the best dense match below which a question is "about nothing we hold".
# Calibrated on the labelled questions and off-topic questions (benchmarks/retrieval_eval.py --calibrate).
RELEVANCE_THRESHOLD = 0.30
CANDIDATES = 40
RRF_K = 60
# Linear fusion of max-normalised scores beat reciprocal rank fusion on the labelled corpus questions (R@5 0.86 vs
# 0.80 for RRF k=60, equal weights; grid in knowledge/NOTES.md), and BM25 deserves the larger share there.
FUSION: Literal["rrf", "linear"] = "linear"
DENSE_WEIGHT = 0.3
ROUTE_BY_NAME = True  # a question naming a document searches it first (knowledge.doc_names)
_DESCRIBED = ("authors", "publisher", "kind", "affiliations")
_PIPELINE = "v2"  # bump when loaders or chunking change, so re-ingest re-chunks unchanged files
_EMBED_SLICE = 256  # chunks per embedding call: keeps the progress bar moving without hurting batching
_METADATA_FIELDS = ("title", "doc_type", "date", "council", "classification")


@dataclass
class _Pending:
    """A file that needs (re-)embedding in this ingest run."""

    outcome: FileOutcome
    record: StoredDocument
    text: str
    chunks: list[ChunkRow]
    embed_texts: list[str]
    existed: bool


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48] or "document"


def doc_id_for(path: Path) -> str:
    """Stable id for a source file: readable name plus a hash of its absolute path."""
    return f"{_slug(path.stem)}-{hashlib.sha1(str(path).encode()).hexdigest()[:8]}"


class KnowledgeBase:
    """Documents indexed under `home` (Chroma vectors + a SQLite registry), searchable with citations."""

    def __init__(self, home: Path, chroma_host: str | None = None, chroma_port: int | None = None,
                 embedder: Embedder | None = None, max_file_mb: float = 50.0, chunk_chars: int | None = None,
                 relevance_threshold: float = RELEVANCE_THRESHOLD, collection: str | None = None,
                 embedder_kind: EmbedderKind | None = None, max_text_mb: float | None = None,
                 max_parse_seconds: float | None = None, model_dir: Path | None = None,
                 reranker: Reranker | None = None, rerank_candidates: int | None = None) -> None:
        from knowledge.chunking import DEFAULT_CHUNK_CHARS

        self.home = Path(home)
        self.chroma_host = chroma_host
        self.chroma_port = chroma_port
        self._embedder = embedder
        self.embedder_kind = embedder_kind  # used when no embedder is given; None = knowledge.embedding's default
        # A local model folder to embed with instead of the packaged model (when no embedder is given); None = the
        # folder `scrutiny tune` recorded for this home, if any (knowledge.model_folder.tuned_model_dir).
        self.model_dir = model_dir
        # Re-scores the fused top candidates of a hybrid search (knowledge.rerank); None = no re-ranking.
        self.reranker = reranker
        self.rerank_candidates = rerank_candidates or RERANK_CANDIDATES
        self.max_file_mb = max_file_mb
        from knowledge import limits

        # Bounds on what one file may expand to and how long it may take to parse (knowledge.limits).
        self.max_text_mb = max_text_mb or limits.MAX_TEXT_MB
        self.max_parse_seconds = max_parse_seconds or limits.MAX_PARSE_SECONDS
        self.chunk_chars = chunk_chars or DEFAULT_CHUNK_CHARS
        self.relevance_threshold = relevance_threshold
        self._collection_name = collection
        self.fusion: Literal["rrf", "linear"] = FUSION
        self.dense_weight = DENSE_WEIGHT
        self.rrf_k = RRF_K
        self._registry: Registry | None = None
        self._vectors: VectorStore | None = None
        # True while something else reports mismatches itself (an ingest heals them; the doctor lists them).
        self.integrity_quiet = False
        self._index: SearchIndex | None = None

    # -- components, opened on first use -------------------------------------------------------------------
    @property
    def embedder(self) -> Embedder:
        """The embedder (created lazily, of `embedder_kind`; the model itself loads on first embed).

        It runs `model_dir`, else the tuned model recorded for this home, else the packaged model. The ONNX one keeps
        its one-time export under home/models/.
        """
        if self._embedder is None:
            from knowledge import embedding
            from knowledge.model_folder import tuned_model_dir

            self._embedder = embedding.make_embedder(self.embedder_kind or embedding.DEFAULT_EMBEDDER,
                                                     embedding.model_cache_dir(self.home),
                                                     model_dir=self.model_dir or tuned_model_dir(self.home))
        return self._embedder

    @property
    def registry(self) -> Registry:
        """The SQLite document registry under home/knowledge/."""
        if self._registry is None:
            from knowledge.integrity import open_registry

            # A damaged file is a one-line error naming it and `scrutiny doctor` (knowledge.integrity).
            self._registry = open_registry(self.home / "knowledge" / "registry.sqlite3")
        return self._registry

    @property
    def vectors(self) -> VectorStore:
        """The Chroma collection (embedded under home/chroma/, or a server when chroma_host is set)."""
        if self._vectors is None:
            from knowledge import integrity
            from knowledge.vectors import COLLECTION, BuiltWith, VectorStore

            # The collection records which embedder and model built it, and refuses vectors of another model.
            # Opening it fails fast (absent server, damaged file) and compares it with the registry once.
            self._vectors = integrity.opened(VectorStore(self.home / "chroma", self.chroma_host, self.chroma_port,
                                                         self._collection_name or COLLECTION,
                                                         BuiltWith.of(self.embedder)), self)
        return self._vectors

    # -- ingest ---------------------------------------------------------------------------------------------
    def _collect(self, paths: list[Path]) -> list[tuple[Path, ManifestEntry | None, bool]]:
        """Files to ingest with their manifest entries; raises before anything is stored if a path is bad."""
        from knowledge.loaders import SUPPORTED
        from knowledge.manifest import MANIFEST_NAMES, ManifestLookup

        missing = [str(p) for p in paths if not Path(p).exists()]
        if missing:
            raise KnowledgeError(f"no such file or folder: {', '.join(missing)}")
        lookup = ManifestLookup()
        seen: set[Path] = set()
        out: list[tuple[Path, ManifestEntry | None, bool]] = []
        for given in paths:
            root = Path(given).resolve()
            if root.is_dir():
                files = sorted(p for p in root.rglob("*") if p.is_file())
                for file in files:
                    rel = file.relative_to(root).parts
                    # Folders may hold manifests, hidden files and images: only supported documents are read.
                    if any(part.startswith(".") for part in rel) or file.name in MANIFEST_NAMES:
                        continue
                    if file.suffix.lower() not in SUPPORTED or file in seen:
                        continue
                    seen.add(file)
                    out.append((file, lookup.entry(file, root), False))
            elif root not in seen:
                seen.add(root)
                out.append((root, lookup.entry(root, root.parent), True))
        return out

    def ingest(self, paths: list[Path], options: IngestOptions | None = None,
               progress: Progress | None = None) -> IngestReport:
        """Index files and folders; unchanged files are skipped cheaply, unreadable ones reported, not fatal."""
        options = options or IngestOptions()
        started = time.perf_counter()
        files = self._collect([Path(p) for p in paths])
        from knowledge import integrity

        integrity.before_ingest(self)  # a damaged store or an absent Chroma server fails before any file is read
        if options.url and len(files) != 1:
            raise KnowledgeError(f"a url names one document, but {len(files)} files were given")
        report = IngestReport()
        pending: list[_Pending] = []
        for number, (file, entry, _explicit) in enumerate(files, start=1):
            if progress:
                progress("Reading files", number - 1, len(files))
            outcome, work = self._prepare(file, entry, options)
            report.files.append(outcome)
            if work is not None:
                pending.append(work)
        if progress:
            progress("Reading files", len(files), len(files))
        if pending:
            self._embed_and_store(pending, progress)
        integrity.heal(self, progress, drop_orphans=False)  # re-embed what the vector index lacks (e.g. lost)
        report.seconds = time.perf_counter() - started
        return report

    def _overrides(self, entry: ManifestEntry | None, options: IngestOptions) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        if entry is not None:
            merged.update({k: getattr(entry, k) for k in _METADATA_FIELDS if getattr(entry, k) is not None})
        # The command line wins over the manifest, which wins over what the document says about itself.
        merged.update({k: getattr(options, k) for k in _METADATA_FIELDS if getattr(options, k) is not None})
        return merged

    @staticmethod
    def _effective(inferred: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
        meta = {"title": inferred.get("title"), "doc_type": inferred.get("doc_type", "other"),
                "date": date.fromisoformat(inferred["date"]) if inferred.get("date") else None,
                "council": None, "classification": "public"}
        meta.update(overrides)
        return meta

    def _prepare(self, file: Path, entry: ManifestEntry | None,
                 options: IngestOptions) -> tuple[FileOutcome, _Pending | None]:
        from knowledge.chunking import chunk_document
        from knowledge.loaders import UnreadableFile, load_file
        from knowledge.registry import ChunkRow, StoredDocument

        path = options.url or str(file)
        doc_id = doc_id_for(file)
        try:
            size = file.stat().st_size
            if size > self.max_file_mb * 1024 * 1024:
                return FileOutcome(path=path, status="skipped", doc_id=doc_id,
                                   reason=f"too large ({size / 1048576:.1f} MB; limit {self.max_file_mb:g} MB, "
                                          "SCRUTINY_MAX_FILE_MB)"), None
            data = file.read_bytes()
        except OSError as exc:
            return FileOutcome(path=path, status="skipped", doc_id=doc_id,
                               reason=f"cannot read file ({exc.strerror or type(exc).__name__})"), None
        content_hash = hashlib.sha256(data).hexdigest()
        pipeline = f"{_PIPELINE}:{self.chunk_chars}"
        overrides = self._overrides(entry, options)
        existing = self.registry.find(path=path)
        if (existing is not None and existing.content_hash == content_hash
                and existing.inferred.get("pipeline") == pipeline):
            meta = self._effective(existing.inferred, overrides)
            if all(getattr(existing, k) == meta[k] for k in _METADATA_FIELDS):
                return FileOutcome(path=path, status="unchanged", chunks=existing.chunks, doc_id=existing.doc_id), None
            updated = existing.model_copy(update=meta)
            self._update_metadata(updated)
            return FileOutcome(path=path, status="updated", doc_id=existing.doc_id, chunks=0,
                               reason="metadata changed; text unchanged, not re-embedded"), None
        from knowledge.limits import Budget

        try:
            doc = load_file(file, Budget(self.max_text_mb, self.max_parse_seconds))
        except UnreadableFile as exc:
            return FileOutcome(path=path, status="skipped", doc_id=doc_id, reason=str(exc)), None
        except Exception as exc:  # noqa: BLE001 - a damaged file must not sink the whole batch
            return FileOutcome(path=path, status="skipped", doc_id=doc_id,
                               reason=f"could not be read ({type(exc).__name__}: {str(exc)[:100]})"), None
        inferred = self._infer(file, doc)
        inferred["pipeline"] = pipeline
        # The structure (headings, paragraphs, list items, table rows) passages are cut from at search time.
        inferred["units"] = [[b.start, b.end, b.kind, b.level, b.page] for b in doc.blocks]
        meta = self._effective(inferred, overrides)
        spans = chunk_document(doc, self.chunk_chars)
        if not spans:
            return FileOutcome(path=path, status="skipped", doc_id=doc_id, reason="no text to index"), None
        prefix = f"{doc_id}:{content_hash[:10]}"
        chunks = [ChunkRow(chunk_id=f"{prefix}:{i:05d}", doc_id=doc_id, ord=i, start=c.start, end=c.end,
                           page=c.page, section=c.section) for i, c in enumerate(spans)]
        record = StoredDocument(doc_id=doc_id, path=path, content_hash=content_hash, chunks=len(chunks),
                                inferred=inferred, pages=doc.pages, **meta)
        embed_texts = [embedding_text(record.title, c.section, doc.text[c.start:c.end]) for c in chunks]
        outcome = FileOutcome(path=path, status="updated" if existing else "added", chunks=len(chunks),
                              doc_id=doc_id)
        return outcome, _Pending(outcome, record, doc.text, chunks, embed_texts, existing is not None)

    @staticmethod
    def _infer(file: Path, doc: LoadedDocument) -> dict[str, Any]:
        from knowledge.doc_names import describe, display_title, file_name_title
        from knowledge.metadata import document_date, infer_doc_type

        title = display_title(doc.title) if doc.title else file_name_title(file.stem)
        found = document_date(doc.date_text, doc.text)
        return {"title": title, "doc_type": infer_doc_type(doc.title, doc.text, file.name),
                "date": found.isoformat() if found else None, **describe(doc.text, file.name)}

    def _embed_and_store(self, pending: list[_Pending], progress: Progress | None) -> None:
        self.vectors.check(adding=True)  # an index of another model is refused before any embedding work
        texts = [t for p in pending for t in p.embed_texts]
        vectors = self.embed_all(texts, progress)
        offset = 0
        for number, work in enumerate(pending, start=1):
            if progress:
                progress("Storing", number - 1, len(pending))
            own = vectors[offset:offset + len(work.chunks)]
            offset += len(work.chunks)
            meta = vector_metadata(work.record)
            # New chunk ids carry the content hash, so they never collide with the old version's: add the new
            # vectors, then switch the registry in one transaction, then drop the old vectors. Search only
            # returns chunks the registry knows, so readers see the old version or the new, never a mixture.
            self.vectors.add([c.chunk_id for c in work.chunks], own,
                             [{**meta, "ord": c.ord} for c in work.chunks])
            stale = self.registry.replace(work.record, work.text, work.chunks)
            if stale:
                self.vectors.delete(stale)
        if progress:
            progress("Storing", len(pending), len(pending))

    def use_embedder(self, embedder: Embedder) -> None:
        """Embed with `embedder` from now on (the vector index is reopened for it; `reembed` rebuilds it)."""
        self._embedder = embedder
        self._vectors = None

    def forget_stores(self, registry: bool = False, vectors: bool = False) -> None:
        """Drop the open registry and/or vector index so the next use opens them afresh (after a repair)."""
        if registry:
            self._registry = None
            self._index = None
        if vectors:
            self._vectors = None

    def embed_all(self, texts: list[str], progress: Progress | None) -> list[list[float]]:
        # Embedding all files' chunks together, in length order, batches them as tightly as the raw model allows.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors: list[list[float]] = [[] for _ in texts]
        for lo in range(0, len(order), _EMBED_SLICE):
            if progress:
                progress("Embedding chunks", lo, len(texts))
            part = order[lo:lo + _EMBED_SLICE]
            for i, vector in zip(part, self.embedder.embed_documents([texts[i] for i in part]), strict=True):
                vectors[i] = vector
        if progress:
            progress("Embedding chunks", len(texts), len(texts))
        return vectors

    def reembed(self, progress: Progress | None = None) -> int:
        """Rebuild the vector index from the stored text with this embedder (after a model change); chunks embedded.

        Needs no source files: the registry keeps every document's text. The old vectors are dropped only once
        the new ones are computed.
        """
        index = self._search_index()
        ids = list(index.spans)
        texts, metadatas = [], []
        for cid in ids:
            span, doc = index.spans[cid], index.docs[index.spans[cid].doc_id]
            texts.append(embedding_text(doc.title, span.section, index.texts[span.doc_id][span.start:span.end]))
            metadatas.append({**vector_metadata(doc), "ord": span.ord})
        vectors = self.embed_all(texts, progress)
        self.vectors.reset()
        self.vectors.add(ids, vectors, metadatas)
        return len(ids)

    def _update_metadata(self, doc: StoredDocument) -> None:
        ids = [c.chunk_id for c in self.registry.chunks(doc.doc_id)]
        self.registry.update_metadata(doc)
        meta = vector_metadata(doc)
        self.vectors.update_metadata(ids, [{**meta, "ord": i} for i in range(len(ids))])

    # -- listing and removal --------------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        """Indexed documents with title, type, date, classification and chunk count."""
        return [DocumentInfo.model_validate(d.model_dump(include=set(DocumentInfo.model_fields)))
                for d in self.registry.documents()]

    def remove(self, path_or_doc_id: str) -> bool:
        """Forget a document (by doc id or source path; a folder path removes everything under it)."""
        docs = self.registry.documents()
        target = Path(path_or_doc_id).expanduser()
        resolved = str(target.resolve()) if not target.is_absolute() or target.exists() else str(target)
        hits = [d for d in docs if d.doc_id == path_or_doc_id or d.path in (path_or_doc_id, resolved)]
        if not hits:
            prefix = resolved.rstrip("/") + "/"
            hits = [d for d in docs if d.path.startswith(prefix)]
        for doc in hits:
            stale = self.registry.delete(doc.doc_id)
            if stale:
                self.vectors.delete(stale)
        return bool(hits)

    def source_text(self, doc_id: str, page: int | None = None) -> str:
        """The stored text that passages quote: the whole document, or one page of it."""
        text = self.registry.text(doc_id)
        if text is None:
            raise KnowledgeError(f"no indexed document with id {doc_id!r}")
        if page is None:
            return text
        doc = self.registry.find(doc_id=doc_id)
        for number, start, end in doc.pages if doc else []:
            if number == page:
                return text[start:end]
        raise KnowledgeError(f"document {doc_id!r} has no page {page}")

    # -- search ---------------------------------------------------------------------------------------------
    def _search_index(self) -> SearchIndex:
        from knowledge.search_index import build_search_index

        generation = self.registry.generation()
        if self._index is None or self._index.generation != generation:
            self._index = build_search_index(self.registry, generation)
        return self._index

    @staticmethod
    def _permitted(doc: StoredDocument, access: AccessContext, filters: SearchFilters | None) -> bool:
        if doc.classification == "restricted" and not access.allow_restricted:
            return False
        if filters is None:
            return True
        if filters.doc_types and doc.doc_type not in filters.doc_types:
            return False
        if filters.council and (doc.council or "").lower() != filters.council.lower():
            return False
        if filters.classification and doc.classification != filters.classification:
            return False
        if filters.date_from and (doc.date is None or doc.date < filters.date_from):
            return False
        return not (filters.date_to and (doc.date is None or doc.date > filters.date_to))

    def _fuse(self, dense: list[tuple[str, float]], lexical: list[tuple[str, float]]) -> list[tuple[str, float]]:
        from knowledge.passages import linear_fusion, rrf

        if self.fusion == "rrf":
            return rrf([[c for c, _ in dense], [c for c, _ in lexical]], k=self.rrf_k,
                       weights=[self.dense_weight, 1.0 - self.dense_weight])
        return linear_fusion(dense, lexical, self.dense_weight)

    def relevance(self, query: str, access: AccessContext | None = None,
                  filters: SearchFilters | None = None) -> float:
        """Cosine similarity of the best permitted chunk to `query` (what the relevance threshold tests)."""
        access = access or AccessContext()
        index = self._search_index()
        allowed = sorted(d.doc_id for d in index.docs.values() if self._permitted(d, access, filters))
        if not allowed or not query.strip():
            return 0.0
        found = self.vectors.query(self.embedder.embed_query(query), 5,
                                   allowed if len(allowed) < len(index.docs) else None)
        scores = [s for cid, s in found if cid in index.spans and index.spans[cid].doc_id in set(allowed)]
        return max(scores, default=0.0)

    def named_document(self, query: str, access: AccessContext | None = None,
                       filters: SearchFilters | None = None) -> str | None:
        """The id of the permitted document `query` names by title, authors, publisher or kind, if it names one."""
        from knowledge.doc_names import named_document

        access = access or AccessContext()
        index = self._search_index()
        described = {d.doc_id: {"title": d.title, **{k: d.inferred.get(k) for k in _DESCRIBED}}
                     for d in index.docs.values() if self._permitted(d, access, filters)}
        return named_document(query, described)

    def search(self, query: str, k: int = 5, access: AccessContext | None = None,
               filters: SearchFilters | None = None, mode: SearchMode = "hybrid",
               also: Sequence[str] = ()) -> list[Passage]:
        """Passages answering `query`, best first; [] when nothing held is relevant or nothing is permitted.

        A question that names a document ("the LGA guide for officers", "Grace and Martin's essay") is searched in
        that document first; the other documents' passages follow. `also` are other wordings of the question (an
        LLM's search queries): each is searched too and the rankings fused, while `query` alone decides whether
        anything is relevant, is re-ranked against and chooses the quotes, which stay verbatim from the index.
        """
        access = access or AccessContext()
        if not query.strip() or k <= 0:
            return []
        index = self._search_index()
        allowed = [d for d in index.docs.values() if self._permitted(d, access, filters)]
        if not allowed:
            return []
        if self.unknown_names(query, allowed):
            return []  # the question names someone or something no permitted document mentions
        named = self.named_document(query, access, filters) if ROUTE_BY_NAME else None
        queries = [query, *dict.fromkeys(q.strip() for q in also if q.strip() and q.strip() != query.strip())]
        everywhere = self._search_in(index, queries, k, allowed, mode)
        if named is None or not everywhere:
            return everywhere
        from knowledge.doc_names import without_names

        doc = index.docs[named]
        described = {"title": doc.title, **{f: doc.inferred.get(f) for f in _DESCRIBED}}
        inside = [without_names(q, described) for q in queries]
        first = self._search_in(index, inside, k, [d for d in allowed if d.doc_id == named], mode, threshold=False)
        out = list(first)
        for p in everywhere:
            if len(out) >= k:
                break
            if not any(q.doc_id == p.doc_id and q.char_start < p.char_end and p.char_start < q.char_end
                       for q in out):
                out.append(p)
        return out[:k]

    def unknown_names(self, query: str, allowed: list[StoredDocument] | None = None) -> list[str]:
        """Names in `query` (capitalised words past its first, acronyms) that no permitted document mentions, even
        misspelt a little: a question about Glasgow, Oflog or the Harrow Lane depot has nothing relevant in documents
        that never name them, however close their other words come."""
        from knowledge.search_index import unknown_names

        index = self._search_index()
        return unknown_names(index, query, allowed if allowed is not None else list(index.docs.values()))

    def _ranked(self, index: SearchIndex, query: str, n: int, allowed_ids: set[str], mode: SearchMode,
                threshold: bool) -> list[tuple[str, float]]:
        """The top `n` permitted chunks for one query in `mode`; [] when its best dense match is below the
        relevance threshold (with `threshold`)."""
        restricted_scope = len(allowed_ids) < len(index.docs)
        dense: list[tuple[str, float]] = []
        if mode in ("hybrid", "dense"):
            vector = self.embedder.embed_query(query)
            found = self.vectors.query(vector, n, sorted(allowed_ids) if restricted_scope else None)
            # Only chunks the registry knows, of permitted documents: the registry is the source of truth.
            dense = [(cid, s) for cid, s in found if cid in index.spans and index.spans[cid].doc_id in allowed_ids]
            if not dense or (threshold and dense[0][1] < self.relevance_threshold):
                return []
        lexical: list[tuple[str, float]] = []
        if mode in ("hybrid", "bm25"):
            allowed_chunks = ({cid for d in allowed_ids for cid in index.doc_chunks.get(d, [])}
                              if restricted_scope else None)
            lexical = index.lexical.top(query, n, allowed_chunks)
        if mode == "dense":
            return dense
        if mode == "bm25":
            return lexical
        return self._fuse(dense, lexical)

    def _search_in(self, index: SearchIndex, queries: list[str], k: int, allowed: list[StoredDocument],
                   mode: SearchMode, threshold: bool = True) -> list[Passage]:
        from knowledge.passages import build_passages, rrf

        query = queries[0]
        allowed_ids = {d.doc_id for d in allowed}
        n = max(CANDIDATES, 4 * k)
        rankings: list[list[tuple[str, float]]] = []
        for number, text in enumerate(queries):
            ranked = self._ranked(index, text, n, allowed_ids, mode, threshold)
            if not ranked and number == 0:
                return []  # the question itself decides whether anything held is relevant
            if ranked:
                rankings.append(ranked)
        ranked = rankings[0]
        if len(rankings) > 1:
            # Reciprocal rank fusion, the question's own ranking weighing as much as all other wordings together.
            others = 1.0 / (len(rankings) - 1)
            ranked = rrf([[cid for cid, _ in r] for r in rankings], k=RRF_K,
                         weights=[1.0] + [others] * (len(rankings) - 1))
        if self.reranker is not None and mode == "hybrid":
            from knowledge.rerank import rerank

            ranked = rerank(ranked, query, index.chunk_text, self.reranker, self.rerank_candidates)
        spans = [(index.spans[cid], score) for cid, score in ranked]
        built = build_passages(spans, index.by_position, index.texts, query, k, units=index.units,
                               weights=index.lexical.weights(query))
        out: list[Passage] = []
        for p in built:
            doc = index.docs[p.doc_id]
            out.append(Passage(chunk_id=p.chunk_id, doc_id=doc.doc_id, title=doc.title, path=doc.path,
                               doc_type=doc.doc_type, classification=doc.classification, council=doc.council,
                               date=doc.date, page=p.page, section=p.section, char_start=p.start, char_end=p.end,
                               text=index.texts[p.doc_id][p.start:p.end], score=p.score,
                               authors=list(doc.inferred.get("authors") or []),
                               publisher=doc.inferred.get("publisher")))
        return out

