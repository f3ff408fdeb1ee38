"""Slack mrkdwn text from untrusted document text: control sequences escaped, bidi controls stripped, cut to
Slack's limits without breaking an entity."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

__all__ = ["MAX_SECTION_TEXT", "aligned_sections", "aligned_text", "clean", "escape", "escape_markdown",
           "escape_within", "link", "split_text", "tokens", "truncate"]

MAX_SECTION_TEXT = 3000
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Document text without bidirectional control characters (which can make a title or quote read falsely)."""
    return _BIDI.sub("", text)


def escape(text: str) -> str:
    """Escape the three characters Slack mrkdwn treats as control characters (so `<!channel>`, `<@U…>` and
    `<url|label>` from a document show as text), after stripping bidirectional controls."""
    return clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_within(text: str, limit: int) -> str:
    """`escape(text)` cut to at most `limit` characters (never inside an entity), ending with an ellipsis if cut."""
    escaped = escape(text)
    if len(escaped) <= limit:
        return escaped
    cut = re.sub(r"&[a-z]{0,3}$", "", escaped[: max(limit - 1, 0)])
    return cut.rstrip() + "\u2026"


def escape_markdown(text: str) -> str:
    """Escape text for Slack's standard-markdown surfaces (streamed text, markdown blocks): control sequences and
    bidi controls as in `escape`, and no inline links (`[label](url)`) made out of document text."""
    return escape(text).replace("](", "] (")


def link(url: str, label: str) -> str:
    """A Slack link whose label is escaped text and whose URL cannot break out of the link."""
    safe = escape(label).replace("|", "\u2223")
    return f"<{url.replace('>', '%3E').replace('|', '%7C')}|{safe}>"


def truncate(text: str, limit: int) -> str:
    """Shorten `text` to at most `limit` characters, ending with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip() + "\u2026"


def split_text(text: str, limit: int = MAX_SECTION_TEXT) -> list[str]:
    """Split raw text into pieces whose mrkdwn-escaped length fits `limit`, preferring paragraph then word breaks."""
    pieces: list[str] = []
    current = ""
    for token in tokens(text, limit):
        candidate = current + token
        if current and len(escape(candidate.rstrip())) > limit:
            pieces.append(current.rstrip())
            current = token.lstrip()
        else:
            current = candidate
    if current.strip():
        pieces.append(current.rstrip())
    return [escape(p) for p in pieces if p.strip()]


def tokens(text: str, limit: int) -> Iterable[str]:
    """Paragraphs, else words, else slices of a word, each fitting `limit` once escaped."""
    # Paragraphs first, so a split falls between them whenever one fits.
    for paragraph in re.findall(r".+?(?:\n\s*\n|\Z)", text, flags=re.DOTALL):
        if len(escape(paragraph)) <= limit:
            yield paragraph
            continue
        for word in re.findall(r"\S+\s*|\s+", paragraph):
            if len(escape(word)) <= limit:
                yield word
                continue
            step = max(limit // 5, 1)  # an escaped character is at most 5 long (&amp;)
            yield from (word[i: i + step] for i in range(0, len(word), step))


def aligned_text(rows: Sequence[Sequence[str]]) -> str:
    """Rows as plain aligned columns (where a table cannot be shown)."""
    widths = [max(len(r[i]) for r in rows if i < len(r)) for i in range(max(len(r) for r in rows))]
    return "\n".join("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows)


def aligned_sections(rows: Sequence[Sequence[str]]) -> list[str]:
    """Aligned rows as preformatted sections of at most 3,000 escaped characters, the header repeated in each."""
    pieces: list[str] = []
    header, body = aligned_text(rows).split("\n", 1) if len(rows) > 1 else (aligned_text(rows), "")
    current: list[str] = []
    for line in body.split("\n"):
        candidate = "```" + escape("\n".join([header, *current, line])) + "```"
        if current and len(candidate) > MAX_SECTION_TEXT:
            pieces.append("```" + escape("\n".join([header, *current])) + "```")
            current = []
        current.append(truncate(line, MAX_SECTION_TEXT // 2))
    pieces.append("```" + escape("\n".join([header, *current])) + "```")
    return pieces
