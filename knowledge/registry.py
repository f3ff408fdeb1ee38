"""The document registry: metadata, full text and chunk spans of every indexed document, in one SQLite file."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from knowledge.models import DocumentInfo

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, path TEXT NOT NULL UNIQUE, title TEXT NOT NULL, doc_type TEXT NOT NULL,
    date TEXT, council TEXT, classification TEXT NOT NULL, content_hash TEXT NOT NULL, chunks INTEGER NOT NULL,
    inferred TEXT NOT NULL, pages TEXT NOT NULL, text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, ord INTEGER NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, page INTEGER, section TEXT
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id, ord);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO state VALUES ('generation', 0);
"""


class StoredDocument(DocumentInfo):
    """A registry row: what `scrutiny docs` shows plus what ingest needs to detect changes."""

    inferred: dict[str, Any] = Field(default_factory=dict)  # metadata read from the file, before overrides
    pages: list[tuple[int, int, int]] = Field(default_factory=list)


class ChunkRow(BaseModel):
    """One chunk's place in its document."""

    chunk_id: str
    doc_id: str
    ord: int
    start: int
    end: int
    page: int | None = None
    section: str | None = None


class Registry:
    """SQLite-backed registry; every change is one transaction and bumps a generation counter."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.executescript(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30)
        try:
            with db:  # commits on success, rolls back on error
                yield db
        finally:
            db.close()

    def generation(self) -> int:
        """Counter bumped by every write, so readers know when their caches are stale."""
        with self._connect() as db:
            return int(db.execute("SELECT value FROM state WHERE key='generation'").fetchone()[0])

    @staticmethod
    def _bump(db: sqlite3.Connection) -> None:
        db.execute("UPDATE state SET value = value + 1 WHERE key='generation'")

    _DOC_COLUMNS = "doc_id, path, title, doc_type, date, council, classification, content_hash, chunks, inferred, pages"

    @staticmethod
    def _doc(row: tuple[Any, ...]) -> StoredDocument:
        (doc_id, path, title, doc_type, day, council, classification, content_hash, chunks, inferred, pages) = row
        return StoredDocument(doc_id=doc_id, path=path, title=title, doc_type=doc_type,
                              date=date.fromisoformat(day) if day else None, council=council,
                              classification=classification, content_hash=content_hash, chunks=chunks,
                              inferred=json.loads(inferred), pages=[tuple(p) for p in json.loads(pages)])

    def documents(self) -> list[StoredDocument]:
        """Every indexed document, by title."""
        with self._connect() as db:
            rows = db.execute(f"SELECT {self._DOC_COLUMNS} FROM documents ORDER BY title, path").fetchall()
        return [self._doc(r) for r in rows]

    def find(self, *, doc_id: str | None = None, path: str | None = None) -> StoredDocument | None:
        """The document with this id or source path, if indexed."""
        column, value = ("doc_id", doc_id) if doc_id is not None else ("path", path)
        with self._connect() as db:
            row = db.execute(f"SELECT {self._DOC_COLUMNS} FROM documents WHERE {column} = ?", (value,)).fetchone()
        return self._doc(row) if row else None

    def text(self, doc_id: str) -> str | None:
        """The stored full text of a document."""
        with self._connect() as db:
            row = db.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def texts(self) -> dict[str, str]:
        """Full text of every document."""
        with self._connect() as db:
            return dict(db.execute("SELECT doc_id, text FROM documents").fetchall())

    def chunks(self, doc_id: str | None = None) -> list[ChunkRow]:
        """Chunk spans, of one document or of all, in document order."""
        sql = 'SELECT chunk_id, doc_id, ord, start, "end", page, section FROM chunks'
        args: tuple[Any, ...] = ()
        if doc_id is not None:
            sql += " WHERE doc_id = ?"
            args = (doc_id,)
        with self._connect() as db:
            rows = db.execute(sql + " ORDER BY doc_id, ord", args).fetchall()
        return [ChunkRow(chunk_id=r[0], doc_id=r[1], ord=r[2], start=r[3], end=r[4], page=r[5], section=r[6])
                for r in rows]

    def replace(self, doc: StoredDocument, text: str, chunks: list[ChunkRow]) -> list[str]:
        """Store a document and its chunks in place of any previous version; returns the old chunk ids."""
        with self._connect() as db:
            old = [r[0] for r in db.execute("SELECT chunk_id FROM chunks WHERE doc_id = ?", (doc.doc_id,))]
            db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc.doc_id,))
            db.execute("DELETE FROM documents WHERE doc_id = ? OR path = ?", (doc.doc_id, doc.path))
            db.execute(f"INSERT INTO documents ({self._DOC_COLUMNS}, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                       (doc.doc_id, doc.path, doc.title, doc.doc_type, doc.date.isoformat() if doc.date else None,
                        doc.council, doc.classification, doc.content_hash, doc.chunks, json.dumps(doc.inferred),
                        json.dumps(doc.pages), text))
            db.executemany('INSERT INTO chunks (chunk_id, doc_id, ord, start, "end", page, section) '
                           "VALUES (?,?,?,?,?,?,?)",
                           [(c.chunk_id, c.doc_id, c.ord, c.start, c.end, c.page, c.section) for c in chunks])
            self._bump(db)
        return [c for c in old if c not in {n.chunk_id for n in chunks}]

    def update_metadata(self, doc: StoredDocument) -> None:
        """Change a document's metadata without touching its text or chunks."""
        with self._connect() as db:
            db.execute("UPDATE documents SET title=?, doc_type=?, date=?, council=?, classification=?, inferred=? "
                       "WHERE doc_id=?", (doc.title, doc.doc_type, doc.date.isoformat() if doc.date else None,
                                          doc.council, doc.classification, json.dumps(doc.inferred), doc.doc_id))
            self._bump(db)

    def delete(self, doc_id: str) -> list[str]:
        """Forget a document; returns its chunk ids."""
        with self._connect() as db:
            old = [r[0] for r in db.execute("SELECT chunk_id FROM chunks WHERE doc_id = ?", (doc_id,))]
            db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
            db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
            self._bump(db)
        return old
