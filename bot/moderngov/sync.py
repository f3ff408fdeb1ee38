"""`scrutiny sync moderngov URL`: committees -> meetings -> agenda items -> papers, each paper downloaded once and
ingested with the committee system's metadata; agenda text and minutes become documents too.

Every paper is its own unit of work: fetched (unless the catalog already holds it with the same listing), written
atomically, recorded as downloaded, ingested under its public URL, recorded as ingested. A failure is reported
for that paper (or that meeting) and the rest carries on; a stopped sync restarts where it stopped.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import urllib.parse
import zipfile
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from bot.moderngov.catalog import Catalog, DocumentRow
from bot.moderngov.client import ModernGovClient
from bot.moderngov.errors import FetchError, MalformedResponse, ModernGovError
from bot.moderngov.metadata import (
    choose_committees,
    citation_title,
    doc_type_for,
    is_procedural,
    is_restricted,
    unmatched_committees,
)
from bot.moderngov.models import AgendaItem, LinkedDocument, Meeting, MeetingSummary

if TYPE_CHECKING:
    from knowledge.base import KnowledgeBase

Progress = Callable[[str, int, int], None]
Status = Literal["new", "changed", "unchanged", "skipped", "failed"]
DEFAULT_SINCE_DAYS = 365
DEFAULT_AHEAD_DAYS = 180


class SyncOptions(BaseModel):
    """What to sync and how politely."""

    url: str
    committees: list[str] = Field(default_factory=list)  # ids or titles; empty = scrutiny committees + cabinet
    since: date | None = None  # default: a year ago
    until: date | None = None  # default: six months ahead (agendas are published a week or so before)
    dry_run: bool = False
    skip_restricted: bool = False
    council: str | None = None
    recheck: bool = False  # ask the server (conditionally) about papers already held
    timeout: float = 90.0
    delay: float = 1.0
    retries: int = 3
    backoff: float = 2.0
    max_mb: float = 50.0


class PaperOutcome(BaseModel):
    """What the sync did with one paper (or agenda text, or minutes)."""

    url: str
    title: str
    status: Status
    reason: str | None = None
    classification: str = "public"
    meeting_id: str
    item_id: str
    kind: str


class SyncReport(BaseModel):
    """The summary a sync prints: papers by status, problems with whole meetings or committees, requests made."""

    service: str
    committees: list[str] = Field(default_factory=list)
    meetings: int = 0
    papers: list[PaperOutcome] = Field(default_factory=list)
    problems: list[str] = Field(default_factory=list)  # a committee or meeting that could not be read
    recovered: list[str] = Field(default_factory=list)  # slow answers and failures that a retry got past
    downloads: int = 0  # paper bodies downloaded (304s and catalog hits are not downloads)
    requests: int = 0
    dry_run: bool = False

    def count(self, status: Status) -> int:
        """Papers with this status."""
        return sum(1 for p in self.papers if p.status == status)

    @property
    def counts(self) -> dict[str, int]:
        """new / changed / unchanged / skipped / failed."""
        found = Counter(p.status for p in self.papers)
        return {s: found.get(s, 0) for s in ("new", "changed", "unchanged", "skipped", "failed")}

    @property
    def ok(self) -> bool:
        """Nothing failed and every meeting could be read."""
        return not self.problems and not self.count("failed")


def catalog_path(home: Path) -> Path:
    """Where the sync keeps its catalog."""
    return Path(home) / "moderngov" / "catalog.sqlite3"


def files_dir(home: Path, service: str) -> Path:
    """Where downloaded papers of one service are kept."""
    host = urllib.parse.urlsplit(service).netloc.replace(":", "_") or "service"
    return Path(home) / "moderngov" / "files" / host


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _listing(**fields: object) -> str:
    return _sha(json.dumps(fields, sort_keys=True, default=str).encode())


def sniff(body: bytes, content_type: str, url: str) -> tuple[str | None, str | None]:
    """(file extension, None) for a body the knowledge base can read, else (None, the reason it cannot)."""
    head = body[:2048].lstrip().lower()
    wants_pdf = "pdf" in content_type.lower() or "convert2pdf" in url.lower() or \
        urllib.parse.urlsplit(url).path.lower().endswith(".pdf")
    if not body.strip():
        return None, "empty file"
    if body.startswith(b"%PDF-"):
        return ".pdf", None
    if head.startswith((b"<!doctype html", b"<html")) or (b"<html" in head and b"<body" in head):
        if wants_pdf:
            return None, "an HTML page was served instead of the PDF (an error or sign-in page?)"
        return ".html", None
    if body.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                if "word/document.xml" in archive.namelist():
                    return ".docx", None
        except zipfile.BadZipFile:
            return None, "damaged Office file"
        return None, "an Office file other than Word (.docx) is not read"
    if body.startswith(b"\xd0\xcf\x11\xe0"):
        return None, "an old Office file (.doc/.xls) is not read; save it as .docx or PDF"
    if wants_pdf:
        return None, f"not a PDF (the server said {content_type or 'nothing'})"
    if content_type.lower().startswith(("text/plain", "text/markdown")):
        return (".md" if "markdown" in content_type.lower() else ".txt"), None
    return None, f"unsupported content ({content_type or 'unknown type'})"


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_bytes(data)
    os.replace(tmp, path)


class _Sync:
    """One run of the sync; the state it needs in one place."""

    def __init__(self, kb: KnowledgeBase | None, home: Path, options: SyncOptions, client: ModernGovClient,
                 progress: Progress | None) -> None:
        self.kb, self.options, self.client, self.progress = kb, options, client, progress
        path = catalog_path(home)
        self.scratch: Path | None = None
        if options.dry_run and not path.exists():
            # A dry run writes nothing under the data directory, not even an empty catalog.
            self.scratch = Path(tempfile.mkdtemp(prefix="scrutiny-dry-run-"))
            path = self.scratch / "catalog.sqlite3"
        self.catalog = Catalog(path)
        self.folder = files_dir(home, client.service)
        self.report = SyncReport(service=client.service, dry_run=options.dry_run)

    # -- walking the committee system ------------------------------------------------------------------------
    def run(self) -> SyncReport:
        today = date.today()
        since = self.options.since or today - timedelta(days=DEFAULT_SINCE_DAYS)
        until = self.options.until or today + timedelta(days=DEFAULT_AHEAD_DAYS)
        try:
            committees = self.client.committees()
        except (FetchError, MalformedResponse) as exc:
            raise ModernGovError(f"cannot read the committee list from {self.client.service}: {exc}") from None
        missing = unmatched_committees(committees, self.options.committees)
        if missing:
            known = ", ".join(f"{c.title} ({c.id})" for c in committees[:12])
            raise ModernGovError(f"no committee matches {', '.join(missing)}; the service lists: {known}")
        chosen = choose_committees(committees, self.options.committees)
        if not chosen:
            raise ModernGovError("no scrutiny committee or cabinet found; name one with --committee NAME|ID")
        self.report.committees = [c.title for c in chosen]
        summaries: list[MeetingSummary] = []
        for number, committee in enumerate(chosen, start=1):
            self._tick("Committees", number - 1, len(chosen))
            try:
                summaries += self.client.meetings(committee, since, until)
            except (FetchError, MalformedResponse) as exc:
                self.report.problems.append(f"committee {committee.title} ({committee.id}): meetings not read: {exc}")
        self._tick("Committees", len(chosen), len(chosen))
        summaries.sort(key=lambda m: (m.date, m.id))
        self.report.meetings = len(summaries)
        for number, summary in enumerate(summaries, start=1):
            self._tick("Meetings", number - 1, len(summaries))
            self._meeting(summary)
        self._tick("Meetings", len(summaries), len(summaries))
        self.report.requests = self.client.requests
        self.report.recovered = list(self.client.notes)
        return self.report

    def _tick(self, stage: str, done: int, total: int) -> None:
        if self.progress:
            self.progress(stage, done, total)

    def _meeting(self, summary: MeetingSummary) -> None:
        page = self.client.meeting_page(summary.committee_id, summary.id)
        where = f"{summary.committee_title}, meeting {summary.id} ({summary.date.isoformat()})"
        if (summary.status or "").lower() == "cancelled":
            return
        try:
            meeting = self.client.meeting(summary.id)
        except (FetchError, MalformedResponse) as exc:
            self.report.problems.append(f"{where}: not read: {exc}")
            return
        meeting = meeting.model_copy(update={"committee_id": summary.committee_id,
                                             "committee_title": summary.committee_title})
        if not self.options.dry_run:
            self.catalog.save_meeting(self.client.service, summary, page)
            self.catalog.save_items(self.client.service, meeting, {i.id: is_procedural(i) for i in meeting.items})
        # Agenda text and minutes of the substantive items become documents ("there were no apologies" does not).
        work = [(item, None, kind) for item in meeting.items for kind in ("agenda", "minutes")
                if not is_procedural(item) and (item.agenda_text if kind == "agenda" else item.minutes_text).strip()]
        work += [(item, doc, "paper") for item in meeting.items for doc in item.documents]
        for number, (item, doc, kind) in enumerate(work, start=1):
            self._tick("Papers", number - 1, len(work))
            outcome = self._text(meeting, item, kind) if doc is None else self._paper(meeting, item, doc)
            self.report.papers.append(outcome)
        self._tick("Papers", len(work), len(work))
        if not self.options.dry_run:
            self.catalog.mark_synced(self.client.service, meeting.id)

    # -- one document ----------------------------------------------------------------------------------------
    def _outcome(self, row: DocumentRow, status: Status, reason: str | None = None) -> PaperOutcome:
        return PaperOutcome(url=row.url, title=row.cited_as, status=status, reason=reason,
                            classification=row.classification, meeting_id=row.meeting_id, item_id=row.item_id,
                            kind=row.kind)

    def _base_row(self, meeting: Meeting, item: AgendaItem, url: str, kind: str, title: str, cited_as: str,
                  doc_type: str | None, restricted: bool, publication: date | None, **listing: object) -> DocumentRow:
        classification = "restricted" if restricted else "public"
        return DocumentRow(url=url, service=self.client.service, meeting_id=meeting.id, item_id=item.id, kind=kind,
                           title=title, cited_as=cited_as, doc_type=doc_type, classification=classification,
                           publication_date=publication.isoformat() if publication else None,
                           listing=_listing(url=url, cited_as=cited_as, doc_type=doc_type,
                                            classification=classification, publication=publication,
                                            date=meeting.date, council=self.options.council, **listing),
                           state="listed")

    def _text(self, meeting: Meeting, item: AgendaItem, kind: str) -> PaperOutcome:
        """An item's agenda text or minutes as a Markdown document of its own."""
        committee = meeting.committee_title or "Committee"
        text = item.agenda_text if kind == "agenda" else item.minutes_text
        cited = f"{citation_title(committee, meeting, item)} ({'minutes' if kind == 'minutes' else 'agenda'})"
        url = self.client.item_page(item.id) + ("#minutes" if kind == "minutes" else "")
        row = self._base_row(meeting, item, url, kind, item.title, cited, "minutes" if kind == "minutes" else "other",
                             is_restricted(item), None, text=_sha(text.encode()))
        if row.classification == "restricted" and self.options.skip_restricted:
            return self._outcome(row, "skipped", "restricted (exempt) item; --skip-restricted")
        held = self.catalog.document(url)
        if held and held.state == "ingested" and held.listing == row.listing and _present(held):
            return self._outcome(row, "unchanged")
        if self.options.dry_run:
            return self._outcome(row, "changed" if held else "new", "dry run: nothing downloaded or ingested")
        # A short heading, so a citation's locator says which part of the item it is ("§ Minutes").
        data = f"# {'Minutes' if kind == 'minutes' else 'Agenda'}\n\n{text.strip()}\n".encode()
        path = self.folder / meeting.id / f"item-{_safe(item.id)}-{kind}.md"
        _write_atomic(path, data)
        row = row.model_copy(update={"file": str(path), "sha256": _sha(data), "state": "downloaded"})
        self.catalog.save_document(row)
        return self._ingest(row, meeting.date)

    def _paper(self, meeting: Meeting, item: AgendaItem, doc: LinkedDocument) -> PaperOutcome:
        committee = meeting.committee_title or "Committee"
        cited = citation_title(committee, meeting, item, doc.title)
        row = self._base_row(meeting, item, doc.url, "paper", doc.title, cited, doc_type_for(doc.title, item),
                             is_restricted(item, doc), doc.publication_date)
        if row.classification == "restricted" and self.options.skip_restricted:
            return self._outcome(row, "skipped", "restricted (exempt) paper; --skip-restricted")
        held = self.catalog.document(doc.url)
        if held and held.state == "ingested" and held.listing == row.listing and _present(held) \
                and not self.options.recheck:
            return self._outcome(row, "unchanged")  # no request at all: the listing says nothing changed
        if held and held.state == "rejected" and held.listing == row.listing and not self.options.recheck:
            # A 404, an HTML page for a PDF, a file over the limit: asking again would get the same answer.
            return self._outcome(row, "skipped", f"not fetched again: {held.reason} (listing unchanged; "
                                                  "--recheck tries again)")
        if held and held.state == "downloaded" and held.listing == row.listing and _present(held):
            return self._ingest(held, meeting.date)  # stopped after the download last time: ingest the copy held
        if self.options.dry_run:
            return self._outcome(row, "changed" if held else "new", "dry run: nothing downloaded or ingested")
        try:
            fetched = self.client.get(doc.url, etag=held.etag if held and _present(held) else None,
                                      last_modified=held.last_modified if held and _present(held) else None)
        except FetchError as exc:
            state = "failed" if exc.transient else "rejected"
            self.catalog.save_document(row.model_copy(update={"state": state, "reason": str(exc)}))
            return self._outcome(row, "failed", str(exc))
        if fetched.not_modified and held and _present(held):
            row = row.model_copy(update={"file": held.file, "sha256": held.sha256, "etag": held.etag,
                                         "last_modified": held.last_modified, "state": "downloaded"})
        else:
            self.report.downloads += 1
            ext, problem = sniff(fetched.body, fetched.content_type, doc.url)
            if problem:
                self.catalog.save_document(row.model_copy(update={"state": "rejected", "reason": problem}))
                return self._outcome(row, "failed", problem)
            path = self.folder / meeting.id / f"{_safe(doc.attachment_id)}-{_sha(doc.url.encode())[:10]}{ext}"
            if held and held.file and held.file != str(path) and self.kb is not None:
                self.kb.remove(doc.url)  # the paper changed format: the old copy's entry goes first
            _write_atomic(path, fetched.body)
            row = row.model_copy(update={"file": str(path), "sha256": _sha(fetched.body), "etag": fetched.etag,
                                         "last_modified": fetched.last_modified, "state": "downloaded"})
        self.catalog.save_document(row)
        return self._ingest(row, meeting.date)

    def _ingest(self, row: DocumentRow, day: date) -> PaperOutcome:
        from knowledge.models import IngestOptions

        if self.kb is None:
            return self._outcome(row, "skipped", "no knowledge base to ingest into")
        options = IngestOptions(title=row.cited_as, doc_type=row.doc_type, council=self.options.council,
                                classification=row.classification,
                                date=day, url=row.url)
        report = self.kb.ingest([Path(row.file or "")], options)
        result = report.files[0]
        if result.status == "skipped":
            self.catalog.save_document(row.model_copy(update={"state": "rejected", "reason": result.reason}))
            return self._outcome(row, "failed", result.reason)
        self.catalog.save_document(row.model_copy(update={"state": "ingested", "reason": None}))
        if result.status == "added":
            return self._outcome(row, "new")
        if result.status == "updated":
            return self._outcome(row, "changed", result.reason)
        return self._outcome(row, "unchanged")


def _present(row: DocumentRow) -> bool:
    """The local copy the row names exists and still has the recorded content."""
    if not row.file or not row.sha256:
        return False
    path = Path(row.file)
    try:
        return path.is_file() and _sha(path.read_bytes()) == row.sha256
    except OSError:
        return False


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", text)[:40] or "x"


def sync_moderngov(kb: KnowledgeBase | None, home: Path, options: SyncOptions, progress: Progress | None = None,
                   client: ModernGovClient | None = None) -> SyncReport:
    """Run one sync of a ModernGov install into `kb` (None with dry_run); the report says what happened."""
    client = client or ModernGovClient(options.url, timeout=options.timeout, delay=options.delay,
                                       retries=options.retries, backoff=options.backoff,
                                       max_bytes=int(options.max_mb * 1024 * 1024))
    run = _Sync(kb, Path(home), options, client, progress)
    try:
        return run.run()
    finally:
        if run.scratch is not None:
            shutil.rmtree(run.scratch, ignore_errors=True)
