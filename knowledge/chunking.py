"""Split a loaded document into chunks that follow its structure: headings, paragraphs, sentences, table rows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.document import Block, LoadedDocument

# Chosen by measurement on ../shared/corpus (benchmarks/retrieval_eval.py --chunk-sizes): see knowledge/NOTES.md.
DEFAULT_CHUNK_CHARS = 700
_MIN_LETTERS = 12
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[A-Z0-9“\"‘'(\[•])")


@dataclass(frozen=True)
class Chunk:
    """A contiguous span text[start:end] of the document, on one page and under one section."""

    start: int
    end: int
    page: int | None
    section: str | None


def _heading_text(text: str) -> str:
    return " ".join(re.sub(r"^#+\s*", "", text).strip(" *_#").split())[:80]


def _split_long(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end], with any sentence longer than `limit` cut at spaces."""
    spans: list[tuple[int, int]] = []
    pos = start
    for match in _SENTENCE_BREAK.finditer(text, start, end):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, end))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while e - s > limit:
            cut = text.rfind(" ", s + limit // 2, s + limit)
            cut = cut if cut > s else s + limit
            out.append((s, cut))
            s = cut
            while s < e and text[s].isspace():
                s += 1
        if e > s:
            out.append((s, e))
    return out


def chunk_document(doc: LoadedDocument, target: int = DEFAULT_CHUNK_CHARS) -> list[Chunk]:
    """Chunks of about `target` characters that never cross a page or section boundary."""
    text = doc.text
    chunks: list[Chunk] = []
    stack: list[tuple[int, str]] = []
    cur: list[int] | None = None  # [start, end]
    cur_page: int | None = None
    cur_section: str | None = None
    heading_start: int | None = None  # a heading waiting to open the next chunk

    def flush() -> None:
        nonlocal cur
        if cur is not None:
            chunks.append(Chunk(cur[0], cur[1], cur_page, cur_section))
            cur = None

    def section() -> str | None:
        return " > ".join(title for _, title in stack[-3:]) or None

    for block in doc.blocks:
        if block.kind == "heading":
            flush()
            level = block.level
            while stack and stack[-1][0] >= level:
                stack.pop()
            if level > 0:
                stack.append((level, _heading_text(text[block.start:block.end])))
            if heading_start is None or (cur_page is not None and block.page != cur_page):
                heading_start = block.start
            cur_page = block.page
            continue
        units = _units(text, block, target)
        for s, e in units:
            sec = section()
            fits = cur is not None and e - cur[0] <= target
            small = cur is not None and cur[1] - cur[0] < target // 3 and e - cur[0] <= target * 3 // 2
            if cur is not None and (block.page != cur_page or sec != cur_section or not (fits or small)):
                flush()
            if cur is None:
                begin = s
                if heading_start is not None and block.page == cur_page and s - heading_start <= target // 2:
                    begin = heading_start
                cur = [begin, e]
                cur_page, cur_section = block.page, sec
                heading_start = None
            else:
                cur[1] = e
    flush()
    if heading_start is not None and not chunks:
        chunks.append(Chunk(heading_start, len(text.rstrip()), cur_page, section()))
    # Fragments such as a stray page number or a two-word table cell cannot answer anything on their own.
    useful = [c for c in chunks if sum(ch.isalpha() for ch in text[c.start:c.end]) >= _MIN_LETTERS]
    return useful or [c for c in chunks if text[c.start:c.end].strip()][:1]


def _units(text: str, block: Block, target: int) -> list[tuple[int, int]]:
    if block.end - block.start <= target:
        return [(block.start, block.end)]
    return _split_long(text, block.start, block.end, target)
