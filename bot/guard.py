"""The guard between an LLM and the user: every number must be a computed figure, every citation real."""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from bot.models import Answer

if TYPE_CHECKING:
    from bot.llm import ChatModel
    from indicators.models import Figure
    from knowledge.models import Passage

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
# Things that look numeric but are labels, not quantities: citation markers, periods, dates, quarters.
_NOT_QUANTITIES = [
    re.compile(r"\[\s*\d+(?:\s*[,;–-]\s*\d+)*\s*\]"),  # citation markers [3], [1, 2], [1-3]
    # 2023-24, 2018-21, 2022-07, 2024-25 Q2
    re.compile(r"\b(?:19|20)\d{2}\s*[-/–]\s*(?:\d{4}|\d{2})\b(?:\s*Q[1-4])?"),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\b", re.IGNORECASE),  # 12 December
    re.compile(rf"\b(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?=,?\s+(?:19|20)\d{{2}})", re.IGNORECASE),
    re.compile(r"\bQ[1-4]\b"),
]
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_NUMBER = re.compile(
    r"(?P<cur>[£$€])?\s?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<suffix>\s?(?:%|per\s?cent|percent|bn\b|billion\b|m\b|million\b|k\b|thousand\b|st\b|nd\b|rd\b|th\b))?",
    re.IGNORECASE,
)
_SCALE = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "k": 1e3, "thousand": 1e3}
_MARKER = re.compile(r"\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]")


class GuardResult(BaseModel):
    """Whether a text may be shown, and if not, every reason why."""

    ok: bool
    problems: list[str] = Field(default_factory=list)


class NumberMention(BaseModel):
    """A quantity written in a text, with the precision it was written to."""

    text: str
    value: float
    decimals: int
    scale: float = 1.0
    percent: bool = False


def _mask(text: str) -> str:
    for pattern in _NOT_QUANTITIES:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def numbers_in(text: str) -> list[NumberMention]:
    """The quantities a text states (periods, dates, years, quarters and citation markers excluded)."""
    masked = _mask(text)
    found: list[NumberMention] = []
    for m in _NUMBER.finditer(masked):
        start = m.start("num")
        before = masked[max(0, start - 2):start]
        # A digit glued to a word is part of a name (COVID-19, ASC1, H-CLIC2), not a quantity.
        if re.search(r"[A-Za-z]-?$", before.rstrip(" ") if m.group("cur") else before):
            continue
        raw = m.group("num")
        suffix = (m.group("suffix") or "").strip().lower().replace(" ", "")
        if _YEAR.match(raw) and not m.group("cur") and not suffix:
            continue
        after = masked[m.end("num"):m.end("num") + 1]
        if after.isalpha() and not suffix:
            continue  # 3D, 4G: a label
        number = float(raw.replace(",", ""))
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        found.append(NumberMention(text=m.group(0).strip(), value=number, decimals=decimals,
                                   scale=_SCALE.get(suffix, 1.0),
                                   percent=suffix == "%" or "cent" in suffix))
    return found


def _close(shown: float, decimals: int, actual: float) -> bool:
    # A figure matches if writing it to the precision shown gives the number shown.
    tolerance = 0.5 * 10 ** (-decimals) + 1e-9 * max(1.0, abs(actual))
    return abs(abs(shown) - abs(actual)) <= tolerance


def _matches(mention: NumberMention, allowed: Iterable[float]) -> bool:
    for value in allowed:
        if not math.isfinite(value):
            continue
        if _close(mention.value, mention.decimals, value):
            return True
        if mention.scale != 1.0 and _close(mention.value * mention.scale, 0, value):
            return True
        if mention.scale != 1.0 and _close(mention.value, mention.decimals, value / mention.scale):
            return True
        if mention.percent and _close(mention.value, mention.decimals, value * 100):
            return True
    return False


def citation_markers(text: str) -> set[int]:
    """Every citation number written as [n] or [n, m] in a text."""
    ids: set[int] = set()
    for m in _MARKER.finditer(text):
        ids.update(int(x) for x in re.split(r"\s*[,;]\s*", m.group(1)))
    return ids


def check_answer(text: str, figures: Sequence[Figure], citation_ids: set[int], sources: Iterable[str] = (),
                 require_citation: bool = False) -> GuardResult:
    """Every number must match a figure (or a number quoted in `sources`); every [n] must be a given id."""
    problems: list[str] = []
    if not text.strip():
        problems.append("the reply is empty")
    allowed = [f.value for f in figures]
    for source in sources:
        for m in numbers_in(source):
            allowed.extend({m.value, m.value * m.scale})
    for mention in numbers_in(text):
        if not _matches(mention, allowed):
            problems.append(f"number {mention.text!r} is not one of the supplied figures")
    markers = citation_markers(text)
    for marker in sorted(markers - citation_ids):
        problems.append(f"citation [{marker}] does not point at a supplied source")
    if require_citation and citation_ids and not markers:
        problems.append("the reply cites no source")
    return GuardResult(ok=not problems, problems=problems)


def guarded_answer(llm: ChatModel, question: str, extractive: Answer, passages: Sequence[Passage],
                   log: logging.Logger) -> Answer:
    """Let the LLM word the extractive answer's figures and passages; guard it, retry once, else fall back."""
    from bot.llm import LLMError, word_answer

    sources = [extractive.answer] + [c.quote for c in extractive.citations] + [p.text for p in passages]
    ids = {c.id for c in extractive.citations}
    feedback: list[str] = []
    for attempt in (1, 2):
        try:
            text = word_answer(llm, question, extractive.figures, extractive.citations, passages,
                               extractive=extractive.answer, feedback=feedback)
        except LLMError as exc:
            log.warning("LLM answer failed (%s); using the extractive answer", exc)
            return extractive
        result = check_answer(text, extractive.figures, ids, sources=sources, require_citation=True)
        if result.ok:
            return extractive.model_copy(update={"answer": text.strip()})
        log.warning("guard rejected LLM answer (attempt %d): %s", attempt, "; ".join(result.problems))
        feedback = result.problems
    log.warning("guard fell back to the extractive answer for %r", question)
    return extractive
