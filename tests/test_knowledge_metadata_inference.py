"""Document type, title and date are read from the document; manifests and command-line options override them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase
from knowledge.errors import KnowledgeError
from knowledge.loaders import load_file
from knowledge.metadata import document_date, infer_doc_type, parse_date
from knowledge.models import IngestOptions
from knowledge_documents import LOREM, make_docx, make_pdf, write


def _inferred(path: Path) -> str:
    doc = load_file(path)
    # Neutral file names below, so the type must come from the document's own words.
    return infer_doc_type(doc.title, doc.text, path.name)


def test_peer_challenge_report_is_recognised(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "report-a.pdf", [[
        ("h", "Corporate Peer Challenge: Feedback Report"),
        ("p", "The peer team spent four days on site. Peers met over 150 people. " + LOREM),
        ("h", "Recommendations"), ("p", "1. Refresh the medium term financial strategy. " + LOREM)]])
    assert _inferred(path) == "peer_challenge"


def test_performance_report_is_recognised(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "report-b.docx", [
        ("title", "Quarterly Performance Report: Quarter 2"),
        ("p", "This report sets out performance against the key performance indicators for Q2."),
        ("table", [["KPI", "Value", "Target", "RAG"], ["Rent collected (%)", "97.1", "98.0", "Amber"]])])
    assert _inferred(path) == "performance_report"


def test_council_plan_is_recognised(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "report-c.pdf", [[
        ("h", "Our Council Plan 2024 to 2028"),
        ("p", "Our vision is a greener, fairer district. Our priorities are homes, jobs and the environment. "
              + LOREM)]])
    assert _inferred(path) == "plan"


def test_minutes_are_recognised(tmp_path: Path) -> None:
    path = write(tmp_path / "item-d.md", "# Overview and Scrutiny Committee\n\nMinutes of the meeting held on "
                 "24 September 2024.\n\nPresent: Councillors Ahmed (Chair), Brown and Clarke.\n\n"
                 "## 1. Apologies for absence\n\nApologies were received from Councillor Davies.\n\n"
                 "## 2. Declarations of interest\n\nNone.\n\nRESOLVED that the report be noted.\n")
    assert _inferred(path) == "minutes"


def test_audit_letter_is_recognised(tmp_path: Path) -> None:
    path = write(tmp_path / "item-e.html", "<html><body><main><h1>Annual Audit Letter 2023/24</h1>"
                 "<p>As your external auditor we report our value for money conclusion.</p>"
                 "<p>The auditor found significant weaknesses in financial sustainability arrangements.</p>"
                 "</main></body></html>")
    assert _inferred(path) == "audit"


def test_unrelated_text_is_other(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.txt", "Allotment newsletter\n\nThe spring seed swap is on Saturday. "
                 "Bring spare courgette seedlings and a flask.\n")
    assert _inferred(path) == "other"


def test_title_and_date_come_from_the_document(tmp_path: Path, shared_embedder) -> None:
    make_pdf(tmp_path / "docs" / "x1.pdf", [[("h", "Ignored heading"), ("p", "Published 3 March 2025. " + LOREM)]],
             title="Waste Strategy Consultation Summary")
    write(tmp_path / "docs" / "x2.html", "<html><head><title>Page</title>"
                 "<meta name='dcterms.date' content='2024-06-30'></head><body><main>"
                 "<h1>Cabinet minutes, 9 July 2024</h1><p>The Cabinet approved the budget. " + LOREM
                 + "</p></main></body></html>")
    kb = KnowledgeBase(tmp_path / "home", embedder=shared_embedder)
    kb.ingest([tmp_path / "docs"])
    docs = {Path(d.path).name: d for d in kb.documents()}
    assert docs["x1.pdf"].title == "Waste Strategy Consultation Summary"
    assert docs["x1.pdf"].date == date(2025, 3, 3)
    assert docs["x2.html"].title == "Cabinet minutes, 9 July 2024"
    assert docs["x2.html"].date == date(2024, 6, 30)  # document metadata beats a date in the text
    assert docs["x2.html"].doc_type == "minutes"


def test_dates_in_common_british_forms() -> None:
    assert parse_date("Meeting held on Tuesday 12th March 2024 at 7pm") == date(2024, 3, 12)
    assert parse_date("Dated 05/11/2023") == date(2023, 11, 5)
    assert parse_date("Quarter ending September 2024") == date(2024, 9, 1)
    assert document_date(None, "No date here at all") is None


def test_manifest_and_command_line_override_inference(tmp_path: Path, shared_embedder) -> None:
    folder = tmp_path / "docs"
    write(folder / "a.md", "# Allotment newsletter\n\n" + LOREM)
    write(folder / "b.md", "# Another note\n\n" + LOREM)
    write(folder / "manifest.yaml", "documents:\n  - file: a.md\n    type: audit\n    title: Letter from the auditor\n"
          "    date: 2024-12-10\n    council: Northbridge\n    classification: restricted\n")
    kb = KnowledgeBase(tmp_path / "home", embedder=shared_embedder)
    report = kb.ingest([folder])
    assert sorted(Path(f.path).name for f in report.files) == ["a.md", "b.md"]  # the manifest is not a document
    docs = {Path(d.path).name: d for d in kb.documents()}
    a = docs["a.md"]
    assert (a.doc_type, a.title, a.date, a.council, a.classification) == (
        "audit", "Letter from the auditor", date(2024, 12, 10), "Northbridge", "restricted")
    assert docs["b.md"].title == "Another note" and docs["b.md"].classification == "public"
    kb.ingest([folder / "b.md"], IngestOptions(doc_type="plan", title="Given on the command line"))
    b = next(d for d in kb.documents() if Path(d.path).name == "b.md")
    assert (b.doc_type, b.title) == ("plan", "Given on the command line")


def test_csv_manifest_and_bad_manifest(tmp_path: Path, shared_embedder) -> None:
    folder = tmp_path / "docs"
    write(folder / "a.md", "# Note\n\n" + LOREM)
    write(folder / "manifest.csv", "file,type,title,date,council,classification\na.md,minutes,Cabinet minutes,"
          "2024-07-16,,\n")
    kb = KnowledgeBase(tmp_path / "home", embedder=shared_embedder)
    kb.ingest([folder])
    (doc,) = kb.documents()
    assert (doc.doc_type, doc.title, doc.date) == ("minutes", "Cabinet minutes", date(2024, 7, 16))
    bad = tmp_path / "bad"
    write(bad / "a.md", "# Note\n\n" + LOREM)
    write(bad / "manifest.yaml", "documents:\n  - file: a.md\n    type: newsletter\n")
    with pytest.raises(KnowledgeError, match="manifest.yaml: entry 1: type"):
        kb.ingest([bad])
    assert [d.title for d in kb.documents()] == ["Cabinet minutes"]
