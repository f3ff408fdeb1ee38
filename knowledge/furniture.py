"""Page furniture: running headers, running footers and page numbers, which belong to the page, not the text.

A quote must never carry "Page 6 of 8" or the report's title repeated at the top of every page, and a search must
not match them, so loaders drop them before the text is stored (the stored text is what every quote is checked
against, so quotes stay verbatim).
"""

from __future__ import annotations

import re
from collections import Counter

_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)
_TRAILING_PAGE = re.compile(r"\s*\bPage\s+\d{1,4}\s+of\s+\d{1,4}\s*$", re.IGNORECASE)
_PAGE_LINE = re.compile(r"^\s*Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?\s*$", re.IGNORECASE)
_EDGE = 3  # lines at the top and at the bottom of a page that may be furniture


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def _edge_indexes(lines: list[str]) -> list[int]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:_EDGE] + filled[-_EDGE:]))


def strip_page_furniture(pages: list[str]) -> list[str]:
    """Each page's text without its running header/footer lines and page numbers.

    A line counts as furniture when it sits among the first or last three lines of its page and the same line
    (digits aside) sits there on at least two pages and two-fifths of them, or when it is a page number
    ("7", "Page 7", "Page 7 of 12"); "Page 7 of 12" run onto the page's last line is cut off too.
    """
    split = [page.split("\n") for page in pages]
    counts: Counter[str] = Counter()
    for lines in split:
        counts.update({_key(lines[i]) for i in _edge_indexes(lines)})
    repeated = {k for k, n in counts.items() if n >= 2 and n >= 0.4 * len(pages) and len(k) <= 120} \
        if len(pages) >= 2 else set()
    out: list[str] = []
    for lines in split:
        drop = {i for i in _edge_indexes(lines)
                if _key(lines[i]) in repeated or _PAGE_NUMBER.match(lines[i].strip())}
        kept = [line for i, line in enumerate(lines) if i not in drop]
        while kept and not kept[-1].strip():
            kept.pop()
        if kept:
            kept[-1] = _TRAILING_PAGE.sub("", kept[-1])
        out.append("\n".join(kept).strip())
    return out


def _footer_candidates(lines: list[str]) -> list[int]:
    """Indexes of short lines followed (after at most two blank lines) by a lone page number: footer candidates."""
    found: list[int] = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or len(stripped) > 90 or _PAGE_NUMBER.match(stripped):
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip() and j - i <= 2:
            j += 1
        if j < len(lines) and re.fullmatch(r"\d{1,4}", lines[j].strip()):
            found.append(i)
    return found


def strip_text_furniture(text: str) -> str:
    """Plain text with "Page N of M" lines and repeated footer lines (a title line followed by a lone page number,
    seen at least twice) removed; anything else is left exactly as it was."""
    lines = text.split("\n")
    footer_at = _footer_candidates(lines)
    keys = Counter(_key(lines[i]) for i in footer_at)
    drop: set[int] = {i for i, line in enumerate(lines) if _PAGE_LINE.match(line)}
    for i in footer_at:
        if keys[_key(lines[i])] >= 2:
            j = i + 1
            while not lines[j].strip():
                j += 1
            drop.update({i, j})
    if not drop:
        return text
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


def running_title(text: str) -> str | None:
    """The title a plain-text document repeats in its page footers, if it does (before they are stripped)."""
    lines = text.split("\n")
    seen: Counter[str] = Counter(lines[i].strip() for i in _footer_candidates(lines))
    best = seen.most_common(1)
    return best[0][0] if best and best[0][1] >= 2 else None
