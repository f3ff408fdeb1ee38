"""Find headings, paragraphs and table rows in plain or Markdown text, keeping character offsets."""

from __future__ import annotations

import re
import statistics

from knowledge.document import Block

_MD_HEADING = re.compile(r"^(#{1,6})\s+\S")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_BULLET = re.compile(r"^\s*(?:[•\-*–▪●◦]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
_NUMBERED = re.compile(r"^(?:(chapter|section|part|annex|appendix)\s+\w+|(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+[A-Z])",
                       re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_DANGLING = frozenset("a an the of and or to in for with that by on at as is are was were be his her their its this "
                      "from which who than".split())
_GENERIC = frozenset({"abstract", "contents", "foreword", "introduction", "summary", "executive summary",
                      "acknowledgements", "acknowledgments", "preface", "table of contents"})
# A signature under a foreword or letter ("Councillor Peter Fleming OBE" / "Chair, LGA Improvement ... Board") is
# not a heading: it names a person, with an honour or title, or is followed by the person's role.
_HONOUR = re.compile(r"\b(?:OBE|MBE|CBE|KBE|DBE|Councillor|Cllr|Sir|Dame|Lord|Baroness|Professor|Prof\.?|Dr\.?)\b")
_ROLE = re.compile(r"^(?:Chair|Chairman|Chairwoman|Vice[- ]Chair|Leader|Deputy Leader|Chief Executive|Director|"
                   r"Executive Director|Managing Director|Head of|President|Mayor|Portfolio Holder|Cabinet Member)\b")


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _heading_level(line: str, isolated: bool, prev_ends_sentence: bool, typical: float, next_line: str) -> int:
    """0 when `line` is not a heading, else its depth (1 = top)."""
    s = line.strip()
    if not 3 <= len(s) <= 90 or len(s.split()) > 12 or not any(c.isalpha() for c in s):
        return 0
    # A line that stops on "the"/"of", or runs on into a lower-case line, is a wrapped sentence, not a heading.
    if s.split()[-1].lower() in _DANGLING or s.count(",") > 1 or "@" in s:
        return 0
    following = next_line.strip()
    if following and following[0].islower():
        return 0
    if s[-1] in ".,;:" or not (s[0].isupper() or s[0].isdigit()):
        return 0
    numbered = _NUMBERED.match(s)
    if numbered and numbered.group(2) and s[numbered.end() - 1].islower():
        return 0  # "1. knowledge": an item of a numbered list
    if not numbered and (_HONOUR.search(s) or _ROLE.match(following)):
        return 0
    if s.endswith("?"):
        # A short question standing between prose lines ("What is performance management?") heads what follows;
        # a run of questions (a checklist) or a question inside a paragraph does not.
        if isolated:
            return 2
        if (prev_ends_sentence and len(s.split()) <= 8 and s.count("?") == 1 and following
                and not following.endswith("?") and "?" not in following[:60]):
            return 2
        return 0
    if numbered:
        level = 1 if numbered.group(1) else numbered.group(2).count(".") + 1
        if isolated or (prev_ends_sentence and len(s) < 0.75 * typical):
            return level
        return 0
    if _BULLET.match(s):
        return 0
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", s)]
    capitalised = sum(1 for w in words if w[0].isupper()) / max(1, len(words))
    if s.isupper() and len(s) > 3:
        return 1
    if isolated and len(s) < 0.8 * typical:
        return 2
    if prev_ends_sentence and len(s) < 0.5 * typical and capitalised >= 0.6:
        return 2
    return 0


def typical_line_length(text: str) -> float:
    """The median length of a text's lines of more than 20 characters (80 when it has none)."""
    lengths = [e - s for s, e in _lines(text) if e - s > 20]
    return float(statistics.median(lengths)) if lengths else 80.0


def parse_blocks(text: str, base: int = 0, page: int | None = None, markdown: bool = False,
                 typical: float | None = None) -> list[Block]:
    """Blocks of `text` (offsets shifted by `base`): headings, paragraphs (runs of lines) and table rows.
    `typical`: the document's typical line length, when `text` is one page of it."""
    spans = _lines(text)
    typical = typical if typical is not None else typical_line_length(text)
    markdown = markdown or any(_MD_HEADING.match(text[s:e]) for s, e in spans[:400])
    blocks: list[Block] = []
    para: list[int] | None = None  # [start, end] of the open paragraph

    def close() -> None:
        nonlocal para
        if para is not None:
            s, e = _strip_span(text, para[0], para[1])
            if e > s:
                blocks.append(Block(base + s, base + e, "text", 0, page))
            para = None

    prev_heading = False
    skip_to = -1
    for i, (s, e) in enumerate(spans):
        if i <= skip_to:
            continue
        line = text[s:e]
        if not line.strip():
            close()
            continue
        prev_blank = i == 0 or not text[spans[i - 1][0]:spans[i - 1][1]].strip()
        next_blank = i + 1 >= len(spans) or not text[spans[i + 1][0]:spans[i + 1][1]].strip()
        md = _MD_HEADING.match(line) if markdown else None
        if md:
            close()
            hs, he = _strip_span(text, s, e)
            blocks.append(Block(base + hs, base + he, "heading", len(md.group(1)), page))
            continue
        if _TABLE_ROW.match(line) or line.count("\t") >= 2:
            close()
            hs, he = _strip_span(text, s, e)
            blocks.append(Block(base + hs, base + he, "row", 0, page))
            continue
        previous = text[spans[i - 1][0]:spans[i - 1][1]].rstrip() if i else ""
        prev_ends = prev_blank or prev_heading or bool(_SENTENCE_END.search(previous))
        if previous.endswith("?") and line.strip().endswith("?"):
            prev_ends = False  # one question after another: a checklist, not a heading
        wrapped = None if markdown else _wrapped_heading(text, spans, i, prev_ends, typical)
        if wrapped is not None:
            close()
            last, level = wrapped
            hs, he = _strip_span(text, s, spans[last][1])
            blocks.append(Block(base + hs, base + he, "heading", level, page))
            prev_heading, skip_to = True, last
            continue
        following = next((text[a:b] for a, b in spans[i + 1:i + 4] if text[a:b].strip()), "")
        level = 0 if markdown else _heading_level(line, prev_blank and next_blank, prev_ends, typical, following)
        prev_heading = bool(level)
        if level:
            close()
            hs, he = _strip_span(text, s, e)
            blocks.append(Block(base + hs, base + he, "heading", level, page))
            continue
        if para is not None and _BULLET.match(line):
            close()
        if para is None:
            para = [s, e]
        else:
            para[1] = e
    close()
    return blocks


def _wrapped_heading(text: str, spans: list[tuple[int, int]], i: int, prev_ends: bool,
                     typical: float) -> tuple[int, int] | None:
    """A numbered heading wrapped over two or three short lines ("1. Introduction to" / "performance management"):
    the index of its last line and its level, else None."""
    first = text[spans[i][0]:spans[i][1]].strip()
    numbered = _NUMBERED.match(first)
    if not prev_ends or not numbered or not numbered.group(2) or len(first) >= 0.75 * typical:
        return None
    joined, last = first, i
    for j in range(i + 1, min(i + 3, len(spans))):
        line = text[spans[j][0]:spans[j][1]].strip()
        if not line or not line[0].islower() or len(line) >= 0.75 * typical or _SENTENCE_END.search(line):
            break
        joined, last = f"{joined} {line}", j
    if last == i or len(joined) > 90 or len(joined.split()) > 12 or joined.split()[-1].lower() in _DANGLING:
        return None
    after = next((text[a:b].strip() for a, b in spans[last + 1:last + 3] if text[a:b].strip()), "")
    if after and after[0].islower():
        return None
    return last, numbered.group(2).count(".") + 1


def first_title(text: str, blocks: list[Block]) -> str | None:
    """The first specific heading near the start of a document, as its title."""
    for block in blocks[:12]:
        if block.kind != "heading" or block.start > 1500:
            continue
        title = re.sub(r"^#+\s*", "", text[block.start:block.end]).strip(" *_#")
        if title and title.lower().rstrip("?:") not in _GENERIC and len(title) >= 4:
            return title
    return None
