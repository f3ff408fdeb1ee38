"""The briefing note's two renderings, Markdown and Word (python-docx), and the atomic write both use."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bot.briefing.content import Briefing, Quote, note_wording
from bot.models import ChallengeQuestion, Citation
from prompts.templates import Templates

__all__ = ["atomic_write", "render_docx", "render_markdown"]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _wording(b: Briefing) -> Templates:
    return b.wording or note_wording()


def _quote(w: Templates, q: Quote) -> str:
    return w.fill("quote_line", title=q.title, locator=q.locator, text=_one_line(q.text), source=q.source)


def _why(w: Templates, q: ChallengeQuestion) -> str:
    return w.fill("why", rationale=q.rationale, type=q.type, theme=q.theme)


def _source(w: Templates, c: Citation) -> str:
    return w.fill("source_line", id=c.id, source=c.source, locator=c.locator, path=c.path,
                  quote=_one_line(c.quote))


def render_markdown(b: Briefing, out: Path) -> str:
    """The note as Markdown; chart images are linked relative to `out`."""
    w = _wording(b)
    h = b.headings
    lines = [f"# {b.title}", "", f"*{b.subtitle}*", "", f"> {b.disclaimer}", "", f"## {h['purpose']}", "", b.purpose,
             "", f"## {h['background']}", ""]
    lines += [f"- {_quote(w, q)}" for q in b.background] or [b.empty["no_plan"]]
    lines += ["", f"## {h['performance']}", ""]
    if b.rows:
        lines += ["| " + " | ".join(b.table_headers) + " |", "|" + "---|" * len(b.table_headers)]
        for r in b.rows:
            cells = [r.indicator, r.latest, r.trend, r.target, r.median, r.rank, f"[{r.source}]"]
            lines.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
        lines += ["", b.performance_note, ""]
        for chart in b.charts:
            rel = os.path.relpath(chart.path, out.parent)
            lines += [f"![{chart.caption}]({Path(rel).as_posix()})", "", f"*{chart.caption}*", ""]
    else:
        lines += [b.empty["no_performance"], ""]
    lines += [f"## {h['peer_audit']}", ""]
    lines += [f"- {_quote(w, q)}" for q in b.peer_audit] or [b.empty["no_peer_audit"]]
    lines += ["", f"## {h['risks']}", ""]
    lines += [f"- {r}" for r in b.risks] or [b.empty["no_risks"]]
    lines += ["", f"## {h['questions']}", ""]
    for n, q in enumerate(b.questions, start=1):
        marks = "".join(f" [{i}]" for i in q.evidence)
        lines += [f"{n}. **{q.text}**{marks}", f"   *{w.text('why_label')}* {_why(w, q)}"]
    lines += ["", f"## {h['sources']}", ""]
    lines += [_source(w, c) for c in b.citations]
    return "\n".join(lines).rstrip() + "\n"


def render_docx(b: Briefing, target: Path) -> None:
    """The note as a Word document (python-docx) at `target`."""
    from docx import Document
    from docx.shared import Inches, Pt

    w = _wording(b)
    doc = Document()
    doc.core_properties.title = b.title
    doc.add_heading(b.title, level=0)
    doc.add_paragraph(b.subtitle).runs[0].italic = True
    note = doc.add_paragraph(b.disclaimer)
    note.runs[0].font.size = Pt(9)
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
        table = doc.add_table(rows=1, cols=len(b.table_headers))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, b.table_headers, strict=True):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
        for r in b.rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, [r.indicator, r.latest, r.trend, r.target, r.median, r.rank,
                                          f"[{r.source}]"], strict=True):
                cell.text = text
        doc.add_paragraph(b.performance_note)
        for chart in b.charts:
            doc.add_picture(str(chart.path), width=Inches(6))
            doc.add_paragraph(chart.caption, style="Caption")
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
    for q in b.questions:
        p = doc.add_paragraph(style="List Number")
        p.add_run(q.text).bold = True
        p.add_run("".join(f" [{i}]" for i in q.evidence))
        why = doc.add_paragraph(f"{w.text('why_label')} {_why(w, q)}")
        why.runs[0].italic = True
    doc.add_heading(h["sources"], level=1)
    for c in b.citations:
        doc.add_paragraph(_source(w, c))
    doc.save(str(target))


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
