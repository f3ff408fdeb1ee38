"""A store that checks itself: the document registry (the source of truth, holding every document's text) against
the vector index (Chroma), and one-line errors for a damaged or unreachable store.

- On start (the first time a KnowledgeBase opens its vector index) the two are compared, chunk ids per document; a
  mismatch is reported in one line (logged as a warning), since document search cannot find chunks the index lacks.
- On ingest the same comparison runs after the files are stored, and what the index lacks is re-embedded from the
  stored text (no source file is needed); vectors the registry no longer knows are dropped.
- `scrutiny doctor` (bot/doctor.py) uses `compare`, `heal`, `set_aside_registry` and `rebuild_vectors`.
- A damaged `registry.sqlite3` or `chroma.sqlite3`, or a Chroma server that is not there, is a one-line
  KnowledgeError naming the file (or CHROMA_HOST) and the repair command, before any slow work starts.
"""

from __future__ import annotations

import logging
import socket
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from knowledge.errors import KnowledgeError

if TYPE_CHECKING:
    from knowledge.registry import Registry
    from knowledge.vectors import VectorStore


Progress = Callable[[str, int, int], None]


class KnowledgeBase(Protocol):
    """What the self-check needs of a knowledge base (knowledge.base.KnowledgeBase; a Protocol, so the base can
    call the check without an import cycle)."""

    home: Path
    chroma_host: str | None
    integrity_quiet: bool

    @property
    def registry(self) -> Registry: ...

    @property
    def vectors(self) -> VectorStore: ...

    def embed_all(self, texts: list[str], progress: Progress | None) -> list[list[float]]: ...

    def forget_stores(self, registry: bool = False, vectors: bool = False) -> None: ...

    def reembed(self, progress: Progress | None = None) -> int: ...

log = logging.getLogger(__name__)
DOCTOR = "scrutiny doctor"
CONNECT_TIMEOUT = 3.0  # seconds to wait for a Chroma server to accept a connection


@dataclass
class Comparison:
    """The registry against the vector index: what each holds and how they differ."""

    documents: int = 0
    registry_chunks: int = 0
    vector_chunks: int = 0
    missing: dict[str, list[str]] = field(default_factory=dict)  # doc id -> chunk ids the index lacks
    orphans: list[str] = field(default_factory=list)  # chunk ids in the index the registry does not know

    @property
    def ok(self) -> bool:
        return not self.missing and not self.orphans

    @property
    def missing_chunks(self) -> int:
        return sum(len(ids) for ids in self.missing.values())

    def describe(self) -> str:
        """One line: what is wrong, or that the two agree."""
        if self.ok:
            return (f"the vector index matches the registry ({self.registry_chunks} chunks of {self.documents} "
                    "documents)")
        parts = []
        if self.missing:
            parts.append(f"the vector index lacks {self.missing_chunks} of the registry's {self.registry_chunks} "
                         f"chunks ({len(self.missing)} of {self.documents} documents), so document search cannot "
                         "find them")
        if self.orphans:
            parts.append(f"it holds {len(self.orphans)} chunks of documents no longer indexed")
        return "; ".join(parts)


# -- opening ------------------------------------------------------------------------------------------------------
def _damaged(exc: BaseException) -> bool:
    text = str(exc).lower()
    return any(mark in text for mark in ("not a database", "malformed", "corrupt", "disk image", "database disk"))


def open_registry(path: Path) -> Registry:
    """The registry at `path`; a damaged or unopenable file is a one-line KnowledgeError naming it and the repair."""
    from knowledge.registry import Registry

    try:
        return Registry(path)
    except sqlite3.DatabaseError as exc:
        if _damaged(exc):
            raise KnowledgeError(f"the document registry {path} is damaged ({exc}): run `{DOCTOR}` (it sets the file "
                                 "aside and starts an empty registry; then ingest the documents again)") from None
        raise KnowledgeError(f"cannot open the document registry {path} ({exc}): check the permissions of "
                             "SCRUTINY_HOME") from None
    except OSError as exc:
        raise KnowledgeError(f"cannot create the document registry {path} ({exc.strerror or exc}): check "
                             "SCRUTINY_HOME") from None


def reachable(host: str, port: int) -> str | None:
    """Why nothing accepts a connection at host:port (None when something does); quick, before any other work."""
    try:
        with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT):
            return None
    except OSError as exc:
        return exc.strerror or str(exc) or type(exc).__name__


def opened(store: VectorStore, kb: KnowledgeBase | None = None) -> VectorStore:
    """`store`, connected (fast failure for an absent server or a damaged file) and, for a KnowledgeBase that is not
    ingesting, compared with its registry once, a mismatch logged in one line."""
    if store.host:
        why = reachable(store.host, store.port)
        if why:
            raise KnowledgeError(f"cannot reach the Chroma server at {store.host}:{store.port} (CHROMA_HOST/"
                                 f"CHROMA_PORT): nothing answers ({why}); start it (`chroma run --path DIR --host "
                                 f"{store.host} --port {store.port}`) or unset CHROMA_HOST to use the embedded index "
                                 "in SCRUTINY_HOME")
    try:
        store.collection  # noqa: B018 - connects, opens or creates the collection
    except KnowledgeError:
        raise
    except Exception as exc:  # noqa: BLE001 - Chroma and SQLite raise many types for one damaged file
        if store.host:
            raise KnowledgeError(f"the Chroma server at {store.host}:{store.port} (CHROMA_HOST) refused the index: "
                                 f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from None
        raise KnowledgeError(f"the vector index {store.path / 'chroma.sqlite3'} cannot be opened "
                             f"({str(exc).splitlines()[0] if str(exc) else type(exc).__name__}): run `{DOCTOR}` "
                             "(it sets the index aside and rebuilds it from the stored text)") from None
    if kb is not None and not kb.integrity_quiet:
        found = compare(kb, store)
        if found.missing:
            log.warning("%s: `scrutiny ingest PATH...` or `%s` re-embeds them from the stored text",
                        found.describe(), DOCTOR)
    return store


def before_ingest(kb: KnowledgeBase) -> None:
    """Open the registry and the vector index before any file is read, so a damaged file or an absent Chroma
    server fails at once; the mismatch check waits for `heal` at the end of the ingest."""
    kb.integrity_quiet = True
    kb.registry  # noqa: B018
    kb.vectors  # noqa: B018


# -- comparing and healing ----------------------------------------------------------------------------------------
def compare(kb: KnowledgeBase, store: VectorStore | None = None) -> Comparison:
    """Chunk ids per document in the registry against the ids the vector index holds.

    The registry is read first: an ingest by another process adds vectors before it switches the registry, so a
    chunk seen in the registry is already in the index.
    """
    chunks = kb.registry.chunks()
    held = set((store or kb.vectors).ids())
    expected: dict[str, list[str]] = {}
    for row in chunks:
        expected.setdefault(row.doc_id, []).append(row.chunk_id)
    known = {row.chunk_id for row in chunks}
    missing = {doc: [c for c in ids if c not in held] for doc, ids in expected.items()}
    return Comparison(documents=len(expected), registry_chunks=len(known), vector_chunks=len(held),
                      missing={doc: ids for doc, ids in missing.items() if ids},
                      orphans=sorted(held - known))


def heal(kb: KnowledgeBase, progress: Progress | None = None, drop_orphans: bool = True,
         found: Comparison | None = None) -> Comparison:
    """Re-embed from the stored text every chunk the index lacks, and drop vectors the registry does not know.

    Returns what was found (before healing); a repair is logged in one line.
    """
    from knowledge.records import embedding_text, vector_metadata  # the texts and metadata ingest embeds

    found = found or compare(kb)
    if found.missing:
        docs = {d.doc_id: d for d in kb.registry.documents()}
        wanted = {c for ids in found.missing.values() for c in ids}
        ids, texts, metadatas = [], [], []
        for doc_id in found.missing:
            doc, text = docs[doc_id], kb.registry.text(doc_id) or ""
            for row in kb.registry.chunks(doc_id):
                if row.chunk_id in wanted:
                    ids.append(row.chunk_id)
                    texts.append(embedding_text(doc.title, row.section, text[row.start:row.end]))
                    metadatas.append({**vector_metadata(doc), "ord": row.ord})
        vectors = kb.embed_all(texts, progress)
        kb.vectors.add(ids, vectors, metadatas)
        log.warning("re-embedded %d chunks of %d documents missing from the vector index, from the stored text",
                    len(ids), len(found.missing))
    if drop_orphans and found.orphans:
        kb.vectors.delete(found.orphans)
    return found


# -- repairs for scrutiny doctor ----------------------------------------------------------------------------------
def set_aside(path: Path) -> Path:
    """Rename a damaged file or folder (and a SQLite file's -wal/-shm companions) out of the way; returns the new
    name, which keeps it for inspection."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    path.rename(target)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    return target


def registry_problem(path: Path) -> str | None:
    """Why the registry file cannot be used (damaged, unreadable), or None; reads it without changing it."""
    if not path.exists():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            result = db.execute("PRAGMA quick_check").fetchone()
            db.execute("SELECT count(*) FROM documents").fetchone()
            db.execute("SELECT count(*) FROM chunks").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if result and result[0] != "ok":
        return str(result[0])
    return None


def vectors_problem(store: VectorStore) -> str | None:
    """Why the vector index cannot be opened (damaged file, absent server), or None."""
    try:
        opened(store)
        store.ids()
    except KnowledgeError as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - a damaged segment surfaces as many types
        return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    return None


def set_aside_registry(kb: KnowledgeBase) -> Path:
    """Move a damaged registry aside; the next use starts an empty one. Its vectors are dropped with it."""
    path = kb.home / "knowledge" / "registry.sqlite3"
    kb.forget_stores(registry=True)
    moved = set_aside(path)
    return moved


def rebuild_vectors(kb: KnowledgeBase, progress: Progress | None = None) -> tuple[Path | None, int]:
    """Set a damaged embedded index aside and rebuild it from the registry's stored text; returns (where the old
    one went, chunks embedded)."""
    moved = None
    folder = kb.home / "chroma"
    if not kb.chroma_host and folder.exists():
        moved = set_aside(folder)
        from chromadb.api.client import SharedSystemClient

        # Chroma keeps one system per path in the process, the damaged one included: forget it.
        SharedSystemClient.clear_system_cache()
    kb.forget_stores(vectors=True)
    kb.integrity_quiet = True
    return moved, kb.reembed(progress)
