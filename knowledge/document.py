"""A loaded document: its full text and the structural blocks (headings, paragraphs, table rows) within it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "text", "row"]


@dataclass(frozen=True)
class Block:
    """A structural unit of the full text: text[start:end]."""

    start: int
    end: int
    kind: BlockKind
    level: int = 0  # heading depth (1 = top); 0 for text and rows
    page: int | None = None


@dataclass
class LoadedDocument:
    """Everything a loader extracts from one file; every offset indexes `text`."""

    text: str
    blocks: list[Block]
    pages: list[tuple[int, int, int]] = field(default_factory=list)  # (page number, start, end)
    title: str | None = None  # from document properties or its first heading, when present
    date_text: str | None = None  # a date found in document properties (ISO or free text)

    def page_text(self, page: int) -> str:
        """Text of one page (PDF); KeyError-like ValueError when the page does not exist."""
        for number, start, end in self.pages:
            if number == page:
                return self.text[start:end]
        raise ValueError(f"no page {page}")


class TextBuilder:
    """Accumulates blocks into one text, recording each block's offsets."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []

    def add(self, text: str, kind: BlockKind = "text", level: int = 0, sep: str = "\n\n",
            page: int | None = None) -> None:
        """Append one block (skipped when blank), separated from the previous one by `sep`."""
        text = text.strip()
        if not text:
            return
        if self._parts:
            self._parts.append(sep)
            self._length += len(sep)
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        self.blocks.append(Block(start, self._length, kind, level, page))

    @property
    def length(self) -> int:
        """Characters of text so far."""
        return self._length

    @property
    def text(self) -> str:
        """The text so far."""
        return "".join(self._parts)
