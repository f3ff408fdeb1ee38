"""Every number a text states is one of its answer's figures, printed by the one formatter.

The text of a challenge question (and its rationale) or of a briefing note is parsed for numbers
(`bot.guard.numbers_in`: periods, dates, years and citation markers are not quantities). Before parsing, what is
not a claim of the product's own is masked: verbatim quotations from the cited sources (their numbers are the
documents', checked by citation validity), citation titles and locators, indicator and council names, and numbered
labels ("Recommendation 4", "Commitment 1.2", "Family Group 3", "Figure 1"). Each remaining number must be spelled
exactly as `indicators.formatting` prints one of the answer's figures (`format_value(value, unit)`, or a whole
count by `format_number(value, count=True)`): the right value at the one precision, or it is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.models import Answer, Citation
    from indicators.models import Figure

__all__ = ["StatedCheck", "check_stated", "note_text", "question_texts", "spellings"]

_LABEL = re.compile(r"\b(?:Recommendation|Commitment|Family Group|Group|Figure|Table|Appendix|Priority|Section|"
                    r"Page|Theme|Phase|Stage|Level|Quintile|Tier|Ward)s?\s+\d+(?:\.\d+)*\b", re.IGNORECASE)
_QUOTED = re.compile(r"\u201c([^\u201d]*)\u201d|\"([^\"]*)\"")
_UNIT_SUFFIX = re.compile(r"\s*\([^)]*\)\s*$")


@dataclass
class StatedCheck:
    """One number written in a text, and whether it is a figure's spelling."""

    where: str
    text: str
    ok: bool

    def describe(self) -> str:
        """One line for the report."""
        return f"{self.where}: {self.text!r} is not how the one formatter prints any of the answer's figures"


def spellings(figures: Iterable[Figure]) -> set[str]:
    """Every number token the one formatter prints for these figures ("39.5%", "£75.80", "16", "100,000")."""
    from bot.guard import numbers_in
    from indicators.formatting import format_number, format_value

    tokens: set[str] = set()
    for f in figures:
        printed = [format_value(f.value, f.unit), format_value(abs(f.value), f.unit)]
        if float(f.value).is_integer():
            printed.append(format_number(f.value, count=True))
        for text in printed:
            tokens.update(m.text for m in numbers_in(text))
    return tokens


def _fold(text: str) -> str:
    return " ".join(text.split())


def _names(figures: Sequence[Figure], citations: Sequence[Citation]) -> list[str]:
    names: set[str] = set()
    for f in figures:
        for name in (f.indicator_name, _UNIT_SUFFIX.sub("", f.indicator_name), f.area_name):
            if name:
                names.update({name, name[:1].lower() + name[1:]})
    for c in citations:
        names.update(n for n in (c.source, c.locator, c.path) if n)
    # Longest first, so a name is masked before a shorter name inside it.
    return sorted(names, key=len, reverse=True)


def mask(text: str, figures: Sequence[Figure], citations: Sequence[Citation], sources: Sequence[str] = ()) -> str:
    """`text` with quotations of the sources, names and numbered labels blanked out (see the module docstring)."""
    quoted = [_fold(c.quote) for c in citations] + [_fold(s) for s in sources]

    def unquote(m: re.Match[str]) -> str:
        inner = _fold(m.group(1) if m.group(1) is not None else m.group(2)).rstrip("\u2026").rstrip(".").strip()
        if inner and any(inner in q for q in quoted):
            return " " * len(m.group(0))
        return m.group(0)

    text = _QUOTED.sub(unquote, text)
    for name in _names(figures, citations):
        text = text.replace(name, " " * len(name))
    return _LABEL.sub(lambda m: " " * len(m.group(0)), text)


def check_stated(where: str, text: str, figures: Sequence[Figure], citations: Sequence[Citation],
                 sources: Sequence[str] = ()) -> list[StatedCheck]:
    """One check per number `text` states: is it the one formatter's spelling of one of `figures`?"""
    from bot.guard import numbers_in

    allowed = spellings(figures)
    return [StatedCheck(where, m.text, m.text in allowed) for m in numbers_in(mask(text, figures, citations, sources))]


def question_texts(answer: Answer) -> list[tuple[str, str]]:
    """(where, text) for what a challenge answer states: its introduction, each question and its rationale."""
    out = [(f"{answer.question}: answer", answer.answer)]
    for n, q in enumerate(answer.questions or [], start=1):
        out += [(f"{answer.question}: question {n}", q.text), (f"{answer.question}: rationale {n}", q.rationale)]
    return out


def note_text(markdown: str, sources_heading: str) -> str:
    """The statements of a briefing note rendered as Markdown: without its sources list (citations, checked for
    validity), image links, or the numbering of headings and list items."""
    body = markdown.split(f"## {sources_heading}", 1)[0]
    body = re.sub(r"^!\[.*$", " ", body, flags=re.MULTILINE)  # an image line: its alt text repeats the caption
    body = re.sub(r"^(#+\s*)\d+\.\s", r"\1", body, flags=re.MULTILINE)
    return re.sub(r"^\s*\d+\.\s", " ", body, flags=re.MULTILINE)
