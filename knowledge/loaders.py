"""Read PDF, DOCX, HTML, Markdown and plain-text files into a LoadedDocument with offsets and page numbers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from knowledge.document import Block, LoadedDocument, TextBuilder
from knowledge.furniture import running_title, strip_page_furniture, strip_text_furniture
from knowledge.limits import Budget, LimitExceeded
from knowledge.structure import first_title, parse_blocks, typical_line_length

SUPPORTED = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".md": "markdown",
             ".markdown": "markdown", ".txt": "text", ".text": "text"}


class UnreadableFile(Exception):
    """The file cannot be indexed; the message is the reason shown in the ingest summary."""


def load_file(path: Path, budget: Budget | None = None) -> LoadedDocument:
    """Load one supported file; raises UnreadableFile with a one-line reason when it cannot be used, including when
    it would expand past `budget`'s text limit or parse for longer than its time limit."""
    kind = SUPPORTED.get(path.suffix.lower())
    if kind is None:
        raise UnreadableFile(f"unsupported file type {path.suffix or '(none)'!r}")
    data = path.read_bytes()
    if not data.strip():
        raise UnreadableFile("empty file")
    budget = budget or Budget()
    loader = {"pdf": _load_pdf, "docx": _load_docx, "html": _load_html, "markdown": _load_markdown,
              "text": _load_text}[kind]
    try:
        if kind == "docx":
            budget.zip_package(data)
        elif kind in ("html", "markdown", "text"):
            budget.text(len(data))
        doc = loader(path, data, budget)
        budget.text(len(doc.text))
        budget.tick()
    except LimitExceeded as exc:
        raise UnreadableFile(str(exc)) from exc
    if not doc.text.strip() or not doc.blocks:
        raise UnreadableFile("no text could be extracted (a scanned image or an empty document?)")
    return doc


def _decode(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise UnreadableFile("binary content where text was expected")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _load_text(path: Path, data: bytes, budget: Budget) -> LoadedDocument:
    raw = _decode(data)
    text = strip_text_furniture(raw)
    blocks = parse_blocks(text)
    return LoadedDocument(text=text, blocks=blocks, title=first_title(text, blocks) or running_title(raw))


def _load_markdown(path: Path, data: bytes, budget: Budget) -> LoadedDocument:
    text = _decode(data)
    blocks = parse_blocks(text, markdown=True)
    return LoadedDocument(text=text, blocks=blocks, title=first_title(text, blocks))


def _load_pdf(path: Path, data: bytes, budget: Budget) -> LoadedDocument:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # An empty user password still opens many "protected" PDFs; anything else needs the password.
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # noqa: BLE001 - pypdf raises several types for unsupported crypto
                raise UnreadableFile(f"password-protected PDF ({exc})") from exc
            if not opened:
                raise UnreadableFile("password-protected PDF")
        page_texts: list[str] = []
        extracted = 0
        for page in reader.pages:
            budget.tick()
            page_texts.append(page.extract_text() or "")
            extracted += len(page_texts[-1])
            budget.text(extracted)
        info = reader.metadata
    except (UnreadableFile, LimitExceeded):
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise UnreadableFile(f"corrupt or unreadable PDF ({type(exc).__name__}: {_short(exc)})") from exc
    except Exception as exc:  # noqa: BLE001 - a damaged PDF can fail anywhere inside pypdf
        raise UnreadableFile(f"corrupt or unreadable PDF ({type(exc).__name__}: {_short(exc)})") from exc
    parts: list[str] = []
    pages: list[tuple[int, int, int]] = []
    blocks: list[Block] = []
    pos = 0
    raw_texts = [raw.replace("\r\n", "\n").replace("\r", "\n").strip() for raw in page_texts]
    heads = [first_title(t, parse_blocks(t)) for t in raw_texts[:1]]
    clean = strip_page_furniture(raw_texts)
    # Line length is judged against the whole document: on a short last page ("3.5 Capacity for improvement" over
    # three bullets) a heading looked as long as the page's typical line.
    typical = typical_line_length("\n".join(clean))
    for number, page_text in enumerate(clean, start=1):
        if parts:
            parts.append("\n\n")
            pos += 2
        pages.append((number, pos, pos + len(page_text)))
        blocks.extend(parse_blocks(page_text, base=pos, page=number, typical=typical))
        parts.append(page_text)
        pos += len(page_text)
    text = "".join(parts)
    # File creation/modification dates say when a PDF was produced, not the date of the document: not used.
    meta_title = str(info.title).strip() if info is not None and info.title else None
    # The first page's own heading names the document even when the running header repeating it was dropped.
    title = meta_title or first_title(text, blocks) or (heads[0] if heads else None)
    return LoadedDocument(text=text, blocks=blocks, pages=pages, title=title)


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else "no detail"


def _load_docx(path: Path, data: bytes, budget: Budget) -> LoadedDocument:
    import io
    import zipfile

    try:
        import docx
        from docx.document import Document as DocxDocument
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document: DocxDocument = docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise UnreadableFile("password-protected or legacy (.doc) Word file") from exc
        raise UnreadableFile("corrupt Word file (not a valid .docx package)") from exc
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types for damaged packages
        raise UnreadableFile(f"corrupt Word file ({type(exc).__name__}: {_short(exc)})") from exc
    builder = TextBuilder()
    title: str | None = None
    for number, item in enumerate(document.iter_inner_content()):
        if number % 200 == 0:
            budget.tick()
            budget.text(builder.length)
        if isinstance(item, Paragraph):
            text = item.text
            style = (item.style.name if item.style is not None else "") or ""
            level = _docx_heading_level(style)
            if style == "Title":
                title = title or text.strip() or None
                # Level 0: the document's title opens the text but is left out of section paths.
                builder.add(text, "heading", 0)
            elif level:
                builder.add(text, "heading", level)
            else:
                builder.add(text, "text")
        elif isinstance(item, Table):
            first = True
            for row in item.rows:
                cells = _unique_cells(row)
                line = " | ".join(c for c in cells)
                if line.replace("|", "").strip():
                    builder.add(line, "row", sep="\n\n" if first else "\n")
                    first = False
    prop_title = (document.core_properties.title or "").strip() or None
    text = builder.text
    return LoadedDocument(text=text, blocks=builder.blocks,
                          title=prop_title or title or first_title(text, builder.blocks))


def _docx_heading_level(style: str) -> int:
    match = re.match(r"Heading (\d)", style)
    return int(match.group(1)) if match else 0


def _unique_cells(row: Any) -> list[str]:
    # Merged cells repeat the same cell object across the span; quote each once.
    seen: list[Any] = []
    out: list[str] = []
    for cell in row.cells:
        if any(cell._tc is s for s in seen):
            continue
        seen.append(cell._tc)
        out.append(" ".join(cell.text.split()))
    return out


_HTML_BLOCKS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "pre", "blockquote", "dt", "dd", "caption"]


def _load_html(path: Path, data: bytes, budget: Budget) -> LoadedDocument:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(_decode(data), "html.parser")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template"]):
        tag.decompose()
    page_title = soup.title.get_text(" ", strip=True) if soup.title else None
    meta_date = None
    for meta in soup.find_all("meta"):
        if (meta.get("name") or meta.get("property") or "").lower() in ("date", "dc.date", "article:published_time",
                                                                         "dcterms.date"):
            meta_date = meta.get("content")
    time_tag = soup.find("time")
    if meta_date is None and time_tag is not None and time_tag.get("datetime"):
        meta_date = str(time_tag["datetime"])
    budget.tick()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    builder = TextBuilder()
    h1: str | None = None
    in_table = False
    for number, el in enumerate(root.find_all(_HTML_BLOCKS)):
        if number % 500 == 0:
            budget.tick()
        name = el.name
        # A table row is quoted whole; other nested blocks (a <p> in an <li>) by their innermost block only.
        if name != "tr" and (el.find_parent("tr") is not None or el.find(_HTML_BLOCKS)):
            continue
        if name == "tr":
            cells = [" ".join(c.get_text(" ", strip=True).split()) for c in el.find_all(["td", "th"])]
            line = " | ".join(cells)
            builder.add(line, "row", sep="\n" if in_table else "\n\n")
            in_table = bool(line.strip()) or in_table
            continue
        in_table = False
        text = " ".join(el.get_text(" ", strip=True).split())
        if name[0] == "h" and name[1:].isdigit():
            if name == "h1" and h1 is None:
                h1 = text or None
            builder.add(text, "heading", int(name[1:]))
        else:
            builder.add(text, "text", sep="\n" if name == "li" else "\n\n")
    text = builder.text
    return LoadedDocument(text=text, blocks=builder.blocks, title=h1 or page_title or first_title(text, builder.blocks),
                          date_text=meta_date)
