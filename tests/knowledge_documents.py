"""Real PDF, DOCX, HTML and Markdown files for the knowledge tests, generated into a temporary folder."""

from __future__ import annotations

from pathlib import Path


def make_pdf(path: Path, pages: list[list[tuple[str, str]]], title: str | None = None,
             user_password: str | None = None) -> Path:
    """A PDF with one list of (kind, text) per page; kind is 'h' (heading) or 'p' (paragraph)."""
    from fpdf import FPDF

    pdf = FPDF()
    if title:
        pdf.set_title(title)
    if user_password:
        pdf.set_encryption(owner_password="owner-secret", user_password=user_password)
    for blocks in pages:
        pdf.add_page()
        for kind, text in blocks:
            if kind == "h":
                pdf.set_font("helvetica", "B", 14)
                pdf.multi_cell(0, 8, text)
                pdf.ln(4)
            else:
                pdf.set_font("helvetica", "", 11)
                pdf.multi_cell(0, 6, text)
                pdf.ln(4)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def make_docx(path: Path, blocks: list[tuple[str, object]], core_title: str | None = None) -> Path:
    """A Word file from (kind, content): 'title', 'h1', 'h2', 'p' take text; 'table' takes a list of rows."""
    import docx

    document = docx.Document()
    for kind, content in blocks:
        if kind == "title":
            document.add_heading(str(content), level=0)
        elif kind in ("h1", "h2", "h3"):
            document.add_heading(str(content), level=int(kind[1]))
        elif kind == "table":
            rows = list(content)  # type: ignore[call-overload]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = str(cell)
        else:
            document.add_paragraph(str(content))
    if core_title:
        document.core_properties.title = core_title
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def write(path: Path, text: str) -> Path:
    """Write a text file (HTML, Markdown, plain text)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


LOREM = ("The council continues to monitor delivery against the plan and reports progress to members each "
         "quarter. Officers review each measure with service leads before the report is published. ")
