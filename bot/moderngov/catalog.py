"""What the sync knows between runs, in one SQLite file under the data directory: meetings, agenda items and every
paper's URL, listing, local copy, content hash, HTTP validators and how far it got (downloaded, then ingested).

Each step is committed as soon as it is done, so a sync that is stopped midway restarts where it stopped: a paper
already downloaded is ingested from its local copy, one already ingested with the same listing is not requested.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from bot.moderngov.models import Meeting, MeetingSummary

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meetings (
    service TEXT NOT NULL, meeting_id TEXT NOT NULL, committee_id TEXT NOT NULL, committee TEXT NOT NULL,
    date TEXT NOT NULL, status TEXT, page_url TEXT, synced INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (service, meeting_id)
);
CREATE TABLE IF NOT EXISTS items (
    service TEXT NOT NULL, meeting_id TEXT NOT NULL, item_id TEXT NOT NULL, ord INTEGER NOT NULL, number TEXT,
    title TEXT NOT NULL, restricted INTEGER NOT NULL, procedural INTEGER NOT NULL,
    PRIMARY KEY (service, meeting_id, item_id)
);
CREATE TABLE IF NOT EXISTS documents (
    url TEXT PRIMARY KEY, service TEXT NOT NULL, meeting_id TEXT NOT NULL, item_id TEXT NOT NULL,
    kind TEXT NOT NULL, title TEXT NOT NULL, cited_as TEXT NOT NULL, doc_type TEXT, classification TEXT NOT NULL,
    publication_date TEXT, listing TEXT NOT NULL, file TEXT, sha256 TEXT, etag TEXT, last_modified TEXT,
    state TEXT NOT NULL, reason TEXT, updated REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_meeting ON documents(service, meeting_id, item_id);
"""


class MeetingRow(BaseModel):
    """A meeting the sync has seen."""

    service: str
    meeting_id: str
    committee_id: str
    committee: str
    date: date
    status: str | None = None
    page_url: str | None = None
    synced: bool = False


class ItemRow(BaseModel):
    """An agenda item the sync has seen."""

    meeting_id: str
    item_id: str
    ord: int
    number: str | None = None
    title: str
    restricted: bool
    procedural: bool


class DocumentRow(BaseModel):
    """A paper (or an item's agenda text or minutes) and how far the sync got with it."""

    url: str
    service: str
    meeting_id: str
    item_id: str
    kind: str  # paper | agenda | minutes
    title: str
    cited_as: str
    doc_type: str | None = None
    classification: str
    publication_date: str | None = None
    listing: str
    file: str | None = None
    sha256: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    state: str  # listed | downloaded | ingested | failed (try again next time) | rejected (do not)
    reason: str | None = None


class Catalog:
    """The sync's SQLite file; every write is its own transaction."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.executescript(_SCHEMA)

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30)
        try:
            with db:
                yield db
        finally:
            db.close()

    # -- meetings and items ----------------------------------------------------------------------------------
    def save_meeting(self, service: str, summary: MeetingSummary, page_url: str) -> None:
        """Record a meeting as listed (not yet fully synced)."""
        with self._db() as db:
            db.execute("INSERT INTO meetings (service, meeting_id, committee_id, committee, date, status, page_url, "
                       "synced) VALUES (?,?,?,?,?,?,?,0) ON CONFLICT(service, meeting_id) DO UPDATE SET "
                       "committee_id=excluded.committee_id, committee=excluded.committee, date=excluded.date, "
                       "status=excluded.status, page_url=excluded.page_url",
                       (service, summary.id, summary.committee_id, summary.committee_title,
                        summary.date.isoformat(), summary.status, page_url))

    def save_items(self, service: str, meeting: Meeting, procedural: dict[str, bool]) -> None:
        """Replace a meeting's agenda items with those just read."""
        with self._db() as db:
            db.execute("DELETE FROM items WHERE service=? AND meeting_id=?", (service, meeting.id))
            db.executemany("INSERT INTO items VALUES (?,?,?,?,?,?,?,?)",
                           [(service, meeting.id, item.id, n, item.number, item.title, int(item.restricted),
                             int(procedural.get(item.id, False))) for n, item in enumerate(meeting.items)])

    def mark_synced(self, service: str, meeting_id: str) -> None:
        """Every paper of the meeting has been dealt with."""
        with self._db() as db:
            db.execute("UPDATE meetings SET synced=1 WHERE service=? AND meeting_id=?", (service, meeting_id))

    def meetings(self, service: str | None = None) -> list[MeetingRow]:
        """Meetings seen, oldest first."""
        sql = "SELECT service, meeting_id, committee_id, committee, date, status, page_url, synced FROM meetings"
        args: tuple = ()
        if service:
            sql += " WHERE service=?"
            args = (service,)
        with self._db() as db:
            rows = db.execute(sql + " ORDER BY date, meeting_id", args).fetchall()
        return [MeetingRow(service=r[0], meeting_id=r[1], committee_id=r[2], committee=r[3],
                           date=date.fromisoformat(r[4]), status=r[5], page_url=r[6], synced=bool(r[7])) for r in rows]

    def items(self, service: str, meeting_id: str) -> list[ItemRow]:
        """A meeting's agenda items in agenda order."""
        with self._db() as db:
            rows = db.execute("SELECT meeting_id, item_id, ord, number, title, restricted, procedural FROM items "
                              "WHERE service=? AND meeting_id=? ORDER BY ord", (service, meeting_id)).fetchall()
        return [ItemRow(meeting_id=r[0], item_id=r[1], ord=r[2], number=r[3], title=r[4], restricted=bool(r[5]),
                        procedural=bool(r[6])) for r in rows]

    # -- documents -------------------------------------------------------------------------------------------
    _COLUMNS = ("url, service, meeting_id, item_id, kind, title, cited_as, doc_type, classification, "
                "publication_date, listing, file, sha256, etag, last_modified, state, reason")

    def document(self, url: str) -> DocumentRow | None:
        """The row for one URL, if seen before."""
        with self._db() as db:
            row = db.execute(f"SELECT {self._COLUMNS} FROM documents WHERE url=?", (url,)).fetchone()
        return self._row(row) if row else None

    def documents(self, service: str | None = None, meeting_id: str | None = None) -> list[DocumentRow]:
        """Documents seen, of one meeting or all."""
        sql, args = f"SELECT {self._COLUMNS} FROM documents WHERE 1=1", []
        if service:
            sql += " AND service=?"
            args.append(service)
        if meeting_id:
            sql += " AND meeting_id=?"
            args.append(meeting_id)
        with self._db() as db:
            rows = db.execute(sql + " ORDER BY meeting_id, item_id, url", args).fetchall()
        return [self._row(r) for r in rows]

    def save_document(self, row: DocumentRow) -> None:
        """Insert or replace a document's row."""
        values = [getattr(row, name.strip()) for name in self._COLUMNS.split(",")]
        with self._db() as db:
            db.execute(f"INSERT OR REPLACE INTO documents ({self._COLUMNS}, updated) VALUES "
                       f"({','.join('?' * len(values))}, ?)", (*values, time.time()))

    @classmethod
    def _row(cls, row: tuple) -> DocumentRow:
        return DocumentRow(**dict(zip([n.strip() for n in cls._COLUMNS.split(",")], row, strict=True)))

