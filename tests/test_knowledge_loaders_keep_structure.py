"""Loaders keep page numbers, heading paths and table rows, with offsets that index the stored text exactly."""

from __future__ import annotations

from pathlib import Path

from knowledge.chunking import chunk_document
from knowledge.loaders import load_file
from knowledge_documents import LOREM, make_docx, make_pdf, write


def _check_offsets(doc) -> None:  # noqa: ANN001
    for block in doc.blocks:
        assert doc.text[block.start:block.end].strip() == doc.text[block.start:block.end]
        assert block.end > block.start


def test_pdf_pages_and_numbered_headings(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "plan.pdf", [
        [("h", "1. Introduction"), ("p", "Our plan sets out three priorities for the district. " + LOREM)],
        [("h", "2. Housing"), ("p", "We will build 500 affordable homes by March 2027. " + LOREM)],
    ], title="Northbridge Council Plan 2024-2028")
    doc = load_file(path)
    _check_offsets(doc)
    assert [p[0] for p in doc.pages] == [1, 2]
    assert "500 affordable homes" in doc.page_text(2)
    assert "500 affordable homes" not in doc.page_text(1)
    assert doc.title == "Northbridge Council Plan 2024-2028"
    chunks = chunk_document(doc)
    housing = next(c for c in chunks if "500 affordable homes" in doc.text[c.start:c.end])
    assert housing.page == 2
    assert housing.section == "2. Housing"
    # A chunk never spans two pages: its text is inside its page's text.
    for chunk in chunks:
        assert doc.text[chunk.start:chunk.end] in doc.page_text(chunk.page)


def test_docx_headings_and_kpi_table_rows_stay_whole(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "q2.docx", [
        ("title", "Quarter 2 Performance Report 2024/25"),
        ("h1", "Housing"),
        ("h2", "Income"),
        ("p", "Rent collection fell slightly because of universal credit migration."),
        ("table", [["Indicator", "Period", "Value", "Target", "RAG"],
                   ["Rent collected (%)", "2024-25 Q2", "97.1", "98.0", "Amber"],
                   ["Homes let within 28 days (%)", "2024-25 Q2", "81", "85", "Red"]]),
    ])
    doc = load_file(path)
    _check_offsets(doc)
    assert doc.title == "Quarter 2 Performance Report 2024/25"
    rows = [doc.text[b.start:b.end] for b in doc.blocks if b.kind == "row"]
    assert "Rent collected (%) | 2024-25 Q2 | 97.1 | 98.0 | Amber" in rows
    chunk = next(c for c in chunk_document(doc) if "97.1" in doc.text[c.start:c.end])
    assert chunk.section == "Housing > Income"
    assert "Rent collected (%) | 2024-25 Q2 | 97.1 | 98.0 | Amber" in doc.text[chunk.start:chunk.end]


def test_html_main_text_without_navigation_or_scripts(tmp_path: Path) -> None:
    path = write(tmp_path / "cabinet.html", """<html><head><title>Cabinet minutes</title>
<script>var tracking = "do not index me";</script></head><body>
<nav><a href="/">Home</a> Skip to navigation menu</nav>
<main><h1>Minutes of the Cabinet, 9 July 2024</h1>
<h2>Item 5: Waste strategy</h2><p>The Cabinet approved the waste strategy.</p>
<table><tr><th>Vote</th><th>Count</th></tr><tr><td>For</td><td>7</td></tr></table>
</main><footer>Copyright footer text</footer></body></html>""")
    doc = load_file(path)
    _check_offsets(doc)
    assert doc.title == "Minutes of the Cabinet, 9 July 2024"
    assert "do not index me" not in doc.text and "navigation menu" not in doc.text
    assert "Copyright footer" not in doc.text
    assert "For | 7" in doc.text
    chunk = next(c for c in chunk_document(doc) if "approved the waste" in doc.text[c.start:c.end])
    assert chunk.section == "Minutes of the Cabinet, 9 July 2024 > Item 5: Waste strategy"


def test_markdown_and_text_are_stored_verbatim(tmp_path: Path) -> None:
    md = ("# Scrutiny minutes\n\n## Item 3: Recycling\n\nMembers asked why **recycling** fell.\n\n"
          "| A | B |\n|---|---|\n| 1 | 2 |\n")
    doc = load_file(write(tmp_path / "minutes.md", md))
    assert doc.text == md
    _check_offsets(doc)
    chunk = next(c for c in chunk_document(doc) if "recycling" in doc.text[c.start:c.end])
    assert chunk.section == "Scrutiny minutes > Item 3: Recycling"
    text = "Annual report\r\n\r\nThe council met its targets.\r\n"
    plain = load_file(write(tmp_path / "report.txt", text))
    assert plain.text == text.replace("\r\n", "\n")
