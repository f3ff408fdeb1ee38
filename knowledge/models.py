"""Pydantic models at the knowledge package's boundary."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

DocType = Literal["plan", "performance_report", "peer_challenge", "minutes", "audit", "other"]
Classification = Literal["public", "restricted"]
# Models below have a field called `date`, which would shadow the type inside their class bodies.
Date = date


class AccessContext(BaseModel):
    """Who is asking: decides whether restricted documents may be searched."""

    allow_restricted: bool = False
    channel: str | None = None
    user: str | None = None


class SearchFilters(BaseModel):
    """Optional narrowing of a search."""

    doc_types: list[DocType] | None = None
    council: str | None = None
    date_from: Date | None = None
    date_to: Date | None = None
    classification: Classification | None = None


class IngestOptions(BaseModel):
    """Command-line overrides for document metadata (None = infer / manifest)."""

    doc_type: DocType | None = None
    council: str | None = None
    classification: Classification | None = None
    title: str | None = None
    date: Date | None = None
    # The address the one file ingested is recorded and cited under instead of its local path (e.g. its public
    # URL in the council's committee system): it becomes the document's `path`, so citations link to it.
    url: str | None = None


class Passage(BaseModel):
    """A retrieved span of a document, quotable verbatim at its locator."""

    chunk_id: str
    doc_id: str
    title: str
    path: str
    doc_type: DocType
    classification: Classification
    council: str | None = None
    date: Date | None = None
    page: int | None = None
    section: str | None = None
    char_start: int = 0
    char_end: int = 0
    text: str
    score: float = 0.0
    authors: list[str] = Field(default_factory=list)
    publisher: str | None = None

    @property
    def cite_as(self) -> str:
        """The document as a citation names it: its title, and for a publication that is not a council's own paper
        its authors (or publisher) and year, as read from the document."""
        if self.council or not (self.authors or self.publisher):
            return self.title
        names = [a.split()[-1] if " " in a else a for a in self.authors]
        who = (" and ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " and " + names[-1]) \
            if names else (self.publisher or "")
        if names and self.publisher:
            who = f"{who}; {self.publisher}"
        year = f", {self.date.year}" if self.date else ""
        return f"{self.title} ({who}{year})"

    @property
    def locator(self) -> str:
        """Human-readable place in the document: page and/or section."""
        parts = []
        if self.page is not None:
            parts.append(f"p. {self.page}")
        if self.section:
            parts.append(f"§ {self.section}")
        return ", ".join(parts) or "whole document"


class FileOutcome(BaseModel):
    """What ingest did with one file."""

    path: str
    status: Literal["added", "updated", "unchanged", "skipped", "removed"]
    reason: str | None = None
    chunks: int = 0
    doc_id: str | None = None


class IngestReport(BaseModel):
    """Summary of one ingest run."""

    files: list[FileOutcome] = Field(default_factory=list)
    seconds: float = 0.0

    @property
    def chunks_added(self) -> int:
        """Chunks embedded and stored in this run."""
        return sum(f.chunks for f in self.files if f.status in ("added", "updated"))


class DocumentInfo(BaseModel):
    """One indexed document, as `scrutiny docs` lists it."""

    doc_id: str
    title: str
    path: str
    doc_type: DocType
    date: Date | None = None
    council: str | None = None
    classification: Classification
    chunks: int
    content_hash: str
