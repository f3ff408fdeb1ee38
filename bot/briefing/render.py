"""The briefing note's renderings - Markdown and Word (python-docx), with the same content - the atomic write both
use, and a PDF export of the Word file through LibreOffice when it is installed.

The Word file is laid out like a committee paper: A4, a front-sheet table (council, committee, meeting date, data
as at), numbered sections, a performance table whose columns are fitted to their words (no word is broken across
lines; a table too wide for portrait gets a landscape page), charts with captions and alt text, sources by title,
date, page or section and public address, a footer with the page number, and core properties naming the council.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from bot.briefing.content import Briefing, Quote, note_wording
from bot.models import ChallengeQuestion
from prompts.templates import Templates

__all__ = ["atomic_write", "column_widths", "export_pdf", "render_docx", "render_markdown"]

# A4 with 2 cm margins, in inches: the width a table or picture may use, portrait and landscape.
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 8.27, 11.69, 0.79
PORTRAIT_WIDTH = PAGE_WIDTH - 2 * MARGIN
LANDSCAPE_WIDTH = PAGE_HEIGHT - 2 * MARGIN
TABLE_FONT_PT = 9
BODY_FONT = "Arial"  # metric-compatible with Liberation Sans, so LibreOffice lays it out as Word does
# A generous average glyph width for Arial, as a share of the font size (digits and capitals are wider than most
# lower-case letters; bold adds a little), and the cell's left and right padding.
CHAR_EM = 0.6
CELL_PADDING_IN = 0.2


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _wording(b: Briefing) -> Templates:
    return b.wording or note_wording()


def _quote(w: Templates, q: Quote) -> str:
    return w.fill("quote_line", title=q.title, locator=q.locator, text=_one_line(q.text), source=q.source)


def _why(w: Templates, q: ChallengeQuestion) -> str:
    return w.fill("why", rationale=q.rationale, type=q.type, theme=q.theme)


def _source_texts(b: Briefing) -> list[str]:
    w = _wording(b)
    out = []
    for s in b.sources:
        text = w.fill("source_line", id=s.id, text=s.text)
        if s.quote:
            text += w.fill("source_quote", quote=s.quote)
        out.append(text)
    return out


def _term_lines(b: Briefing) -> list[str]:
    w = _wording(b)
    return [w.fill("term_line", term=t.term, means=t.means) for t in b.terms]


def _cells(b: Briefing) -> list[list[str]]:
    return [[r.indicator, r.latest, r.trend, r.target, r.median, r.rank, f"[{r.source}]"] for r in b.rows]


def render_markdown(b: Briefing, out: Path) -> str:
    """The note as Markdown; chart images are linked relative to `out`."""
    w = _wording(b)
    h = b.headings
    lines = [f"# {b.title}", ""]
    lines += [f"**{label}:** {value}  " for label, value in b.header] or [f"*{b.subtitle}*"]
    lines += ["", f"> {b.disclaimer}", "", f"## {h['purpose']}", "", b.purpose, "", f"## {h['background']}", ""]
    lines += [f"- {_quote(w, q)}" for q in b.background] or [b.empty["no_plan"]]
    lines += ["", f"## {h['performance']}", ""]
    if b.rows:
        lines += ["| " + " | ".join(b.table_headers) + " |", "|" + "---|" * len(b.table_headers)]
        for cells in _cells(b):
            lines.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
        lines += ["", b.performance_note, ""]
        for chart in b.charts:
            rel = os.path.relpath(chart.path, out.parent)
            lines += [f"![{_one_line(chart.alt or chart.caption)}]({Path(rel).as_posix()})", "",
                      f"*{chart.caption}*", ""]
    else:
        lines += [b.empty["no_performance"], ""]
    lines += [f"## {h['peer_audit']}", ""]
    lines += [f"- {_quote(w, q)}" for q in b.peer_audit] or [b.empty["no_peer_audit"]]
    lines += ["", f"## {h['risks']}", ""]
    lines += [f"- {r}" for r in b.risks] or [b.empty["no_risks"]]
    lines += ["", f"## {h['questions']}", ""]
    if b.questions_note:
        lines += [f"*{b.questions_note}*", ""]
    for n, q in enumerate(b.questions, start=1):
        marks = "".join(f" [{i}]" for i in q.evidence)
        lines += [f"{n}. **{q.text}**{marks}", f"   *{w.text('why_label')}* {_why(w, q)}"]
    lines += ["", f"## {h['about']}", ""]
    for m in b.measures:
        lines += [f"**{m.name}** [{m.source}]", ""] + [f"- {line}" for line in m.lines] + [""]
    if not b.measures:
        lines += [b.empty["no_measures"], ""]
    if b.terms:
        lines += [f"**{w.text('terms_heading')}**", ""] + [f"- {line}" for line in _term_lines(b)] + [""]
    lines += [f"## {h['sources']}", ""]
    lines += _source_texts(b)
    return "\n".join(lines).rstrip() + "\n"


def _text_width(text: str, size_pt: float) -> float:
    """Inches a run of text takes at `size_pt` (generous, so a word estimated to fit does fit)."""
    return len(text) * CHAR_EM * size_pt / 72.0


def column_widths(rows: list[list[str]], available: float, size_pt: float = TABLE_FONT_PT) -> list[float] | None:
    """Column widths (inches) fitted to a table's words: each column at least as wide as its longest word (so no
    word is broken across lines), the rest of `available` shared by how much text each column holds. None when
    the longest words alone need more than `available`."""
    columns = list(zip(*rows, strict=True))
    least = [max(_text_width(word, size_pt) for cell in col for word in (cell.split() or [""])) + CELL_PADDING_IN
             for col in columns]
    if sum(least) > available:
        return None
    weight = [math.sqrt(sum(len(cell) for cell in col)) for col in columns]
    spare = available - sum(least)
    total = sum(weight) or 1.0
    return [lo + spare * wt / total for lo, wt in zip(least, weight, strict=True)]


def _grid(table: Any, widths: list[float]) -> None:
    """The table's column grid (what LibreOffice lays out by) and a fixed layout, so the widths are kept."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Inches

    for column, width in zip(table.columns, widths, strict=True):
        column.width = Inches(width)
    properties = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)


def _cell_text(cell: Any, text: str, bold: bool = False) -> None:
    """A table cell's text in the table font, its hyphens non-breaking ("2023-24" and "in-year" never split across
    lines; Word and python-docx read them back as "-")."""
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    paragraph = cell.paragraphs[0]
    run = paragraph.add_run()
    run.font.size = Pt(TABLE_FONT_PT)
    run.bold = bold
    for n, part in enumerate(text.split("-")):
        if n:
            run._r.append(OxmlElement("w:noBreakHyphen"))
        if part:
            t = OxmlElement("w:t")
            t.text = part
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            run._r.append(t)


def _set_cell_width(cell: Any, inches: float) -> None:
    from docx.shared import Inches

    cell.width = Inches(inches)


def _landscape(section: Any) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Inches

    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Inches(PAGE_HEIGHT), Inches(PAGE_WIDTH)


def _page_setup(section: Any) -> None:
    from docx.shared import Inches

    section.page_width, section.page_height = Inches(PAGE_WIDTH), Inches(PAGE_HEIGHT)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(MARGIN))


def _page_field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) at the end of a paragraph."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    inner = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    inner.append(text)
    field.append(inner)
    run._r.addnext(field)


def _footer(section: Any, b: Briefing, w: Templates) -> None:
    from docx.shared import Pt

    section.footer.is_linked_to_previous = False
    paragraph = section.footer.paragraphs[0]
    paragraph.text = w.fill("footer", title=b.title) + " "
    _page_field(paragraph, "PAGE")
    for run in paragraph.runs:
        run.font.size = Pt(8)


def _header_table(doc: Any, b: Briefing) -> None:
    from docx.shared import Inches, Pt

    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.autofit = False
    _grid(table, [1.5, PORTRAIT_WIDTH - 1.5])
    for label, value in b.header:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
        cells[0].paragraphs[0].runs[0].bold = True
        for cell, width in zip(cells, (1.5, PORTRAIT_WIDTH - 1.5), strict=True):
            cell.width = Inches(width)
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(10)


def _performance_table(doc: Any, b: Briefing) -> None:
    from docx.enum.section import WD_SECTION

    rows = [list(b.table_headers), *_cells(b)]
    widths = column_widths(rows, PORTRAIT_WIDTH)
    landscape = widths is None
    if landscape:
        # Too wide for portrait without breaking a word: the table gets a landscape page of its own.
        _landscape(doc.add_section(WD_SECTION.NEW_PAGE))
        widths = column_widths(rows, LANDSCAPE_WIDTH) or [LANDSCAPE_WIDTH / len(rows[0])] * len(rows[0])
    table = doc.add_table(rows=0, cols=len(b.table_headers))
    table.style = "Table Grid"
    table.autofit = False
    _grid(table, widths)
    for n, texts in enumerate(rows):
        row = table.add_row()
        if n == 0:
            _repeat_header(row)
        for cell, text, width in zip(row.cells, texts, widths, strict=True):
            _cell_text(cell, text, bold=n == 0)
            _set_cell_width(cell, width)
    if landscape:
        _page_setup(doc.add_section(WD_SECTION.NEW_PAGE))


def _repeat_header(row: Any) -> None:
    """Mark a table row as the header repeated on each page (and read as such by screen readers)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _picture(doc: Any, path: Path, alt: str, title: str) -> None:
    """A chart, kept on the page of the caption that follows it (a caption never starts the next page alone)."""
    from docx.shared import Inches

    doc.add_picture(str(path), width=Inches(min(5.6, PORTRAIT_WIDTH)))
    doc_pr = doc.inline_shapes[-1]._inline.docPr
    doc_pr.set("descr", _one_line(alt))
    doc_pr.set("title", _one_line(title))
    _keep_with_next(doc.paragraphs[-1])


def _keep_with_next(paragraph: Any) -> None:
    """The paragraph stays on the same page as the next one, and is not split across pages itself."""
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.keep_together = True


def _styles(doc: Any) -> None:
    from docx.shared import Pt

    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(10.5)
    for name in ("Title", "Heading 1", "Caption", "List Bullet", "List Number"):
        try:
            doc.styles[name].font.name = BODY_FONT
        except KeyError:  # a template without the style keeps its own
            continue
    doc.styles["Title"].font.size = Pt(20)
    doc.styles["Heading 1"].font.size = Pt(13)


def _properties(doc: Any, b: Briefing) -> None:
    props = doc.core_properties
    meta = b.properties
    props.title = meta.get("title", b.title)
    props.author = meta.get("author", "")
    props.last_modified_by = meta.get("author", "")
    props.subject = meta.get("subject", "")
    props.keywords = meta.get("keywords", "")
    props.comments = meta.get("comments", "")
    props.category = _wording(b).text("properties.category")


def render_docx(b: Briefing, target: Path) -> None:
    """The note as a Word document (python-docx) at `target`."""
    from docx import Document
    from docx.shared import Pt

    w = _wording(b)
    doc = Document()
    _page_setup(doc.sections[0])
    _styles(doc)
    _properties(doc, b)
    _footer(doc.sections[0], b, w)
    doc.add_heading(b.title, level=0)
    if b.header:
        _header_table(doc, b)
    else:
        doc.add_paragraph(b.subtitle).runs[0].italic = True
    note = doc.add_paragraph(b.disclaimer)
    note.runs[0].font.size = Pt(9)
    note.runs[0].italic = True
    h = b.headings
    doc.add_heading(h["purpose"], level=1)
    doc.add_paragraph(b.purpose)
    doc.add_heading(h["background"], level=1)
    for q in b.background:
        doc.add_paragraph(_quote(w, q), style="List Bullet")
    if not b.background:
        doc.add_paragraph(b.empty["no_plan"])
    doc.add_heading(h["performance"], level=1)
    if b.rows:
        _performance_table(doc, b)
        doc.add_paragraph(b.performance_note)
        for chart in b.charts:
            _picture(doc, chart.path, chart.alt or chart.caption, chart.caption)
            doc.add_paragraph(chart.caption, style="Caption").paragraph_format.keep_together = True
    else:
        doc.add_paragraph(b.empty["no_performance"])
    doc.add_heading(h["peer_audit"], level=1)
    for q in b.peer_audit:
        doc.add_paragraph(_quote(w, q), style="List Bullet")
    if not b.peer_audit:
        doc.add_paragraph(b.empty["no_peer_audit"])
    doc.add_heading(h["risks"], level=1)
    for r in b.risks:
        doc.add_paragraph(r, style="List Bullet")
    if not b.risks:
        doc.add_paragraph(b.empty["no_risks"])
    doc.add_heading(h["questions"], level=1)
    if b.questions_note:
        doc.add_paragraph(b.questions_note).runs[0].italic = True
    for q in b.questions:
        p = doc.add_paragraph(style="List Number")
        p.add_run(q.text).bold = True
        p.add_run("".join(f" [{i}]" for i in q.evidence))
        _keep_with_next(p)  # a question and its "Why:" on the same page
        why = doc.add_paragraph(f"{w.text('why_label')} {_why(w, q)}")
        why.runs[0].italic = True
        why.runs[0].font.size = Pt(9.5)
    doc.add_heading(h["about"], level=1)
    for m in b.measures:
        p = doc.add_paragraph()
        p.add_run(m.name).bold = True
        p.add_run(f" [{m.source}]")
        for line in m.lines:
            doc.add_paragraph(line, style="List Bullet")
    if not b.measures:
        doc.add_paragraph(b.empty["no_measures"])
    if b.terms:
        heading = doc.add_paragraph()
        heading.add_run(w.text("terms_heading")).bold = True
        _keep_with_next(heading)
        for line in _term_lines(b):
            doc.add_paragraph(line, style="List Bullet")
    doc.add_heading(h["sources"], level=1)
    for text in _source_texts(b):
        doc.add_paragraph(text).runs[0].font.size = Pt(9.5)
    doc.save(str(target))


def export_pdf(docx: Path, out_dir: Path | None = None, timeout: float = 300) -> Path | None:
    """The Word note converted to PDF beside it (or in `out_dir`) with LibreOffice; None when LibreOffice is not
    installed. A failed conversion raises AssistantError with LibreOffice's message."""
    from bot.errors import AssistantError

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        return None
    out_dir = Path(out_dir or docx.parent)
    out_dir.mkdir(parents=True, exist_ok=True)
    # A private profile, so a LibreOffice already open on the machine does not swallow the conversion.
    with tempfile.TemporaryDirectory(prefix="scrutiny-lo-") as profile:
        run = subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                              "--outdir", str(out_dir), str(docx)], capture_output=True, text=True, timeout=timeout,
                             check=False)
    pdf = out_dir / f"{docx.stem}.pdf"
    if run.returncode != 0 or not pdf.is_file():
        raise AssistantError(f"LibreOffice could not convert {docx.name}: {_one_line(run.stderr or run.stdout)}")
    return pdf


def atomic_write(out: Path, write) -> None:  # noqa: ANN001 - write(target_path) renders the file
    """Render to a temporary file beside `out`, then move it into place (a failed render leaves nothing)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=out.suffix, dir=out.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        # mkstemp creates the file private; a note is an ordinary document, so give it the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

